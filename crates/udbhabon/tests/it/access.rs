//! The role × route test: every route of the route table, tried by a visitor without an account and by
//! each demo role, must answer as its access rule says. A route added without a rule cannot be built;
//! a handler that forgets its check fails here.

use std::collections::HashSet;

use udbhabon_domain::account::access::Role;
use udbhabon_web::{Access, ROUTES};

use crate::server::{DEMO_PASSWORD, TestServer};

/// Where a demo role is granted, relative to the home office (the ministry) whose records the routes
/// serve: on it, or on an office below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    HomeOffice,
    Below,
}

/// The demo accounts (`data/demo/mole.toml`), their single roles and where they hold them.
pub(crate) const ROLES: [(Role, Place, &str); 7] = [
    (
        Role::SystemAdministrator,
        Place::HomeOffice,
        "admin@demo.udbhabon.test",
    ),
    (
        Role::MemberSecretary,
        Place::HomeOffice,
        "member-secretary@demo.udbhabon.test",
    ),
    (
        Role::ChiefInnovationOfficer,
        Place::HomeOffice,
        "cio@demo.udbhabon.test",
    ),
    (
        Role::TeamMember,
        Place::HomeOffice,
        "member@demo.udbhabon.test",
    ),
    (
        Role::FocalPoint,
        Place::Below,
        "focal-dife@demo.udbhabon.test",
    ),
    (
        Role::Reviewer,
        Place::HomeOffice,
        "reviewer@demo.udbhabon.test",
    ),
    (Role::Viewer, Place::HomeOffice, "viewer@demo.udbhabon.test"),
];

/// A well-formed body for each form, so that the answer is about access, not about a missing field.
/// (The administrator's grant request gives the administrator a viewer role, grant 8, which the
/// revoke route's sample then withdraws, leaving the other demo roles as they are.)
pub(crate) fn form_fields(path: &str) -> Vec<(&'static str, &'static str)> {
    match path {
        "/login" => vec![
            ("email", "nobody@demo.udbhabon.test"),
            ("password", "not the password"),
        ],
        "/account/password" => vec![
            ("current", "wrong current"),
            ("new", "a-new-password-1"),
            ("confirm", "a-new-password-1"),
        ],
        "/admin/people" => vec![("name_bn", "নতুন কর্মকর্তা"), ("name_en", "New Officer")],
        "/admin/people/{id}/postings" => {
            vec![("post", "1"), ("from", "2026-02-01"), ("charge", "current")]
        }
        "/admin/people/{id}/account" => vec![("email", "new-officer@demo.udbhabon.test")],
        "/admin/accounts/{id}/grants" => vec![("role", "viewer"), ("office", "3")],
        "/admin/grants/{id}/revoke" => vec![],
        "/offices/{key}/memos" => vec![("file", "1"), ("purpose_bn", "পরীক্ষার চিঠি")],
        "/offices/{key}/feedback" => vec![("kind", "idea"), ("message", "একটি ধারণা")],
        "/offices/{key}/feedback/{id}/answer" => vec![("answer", "ধন্যবাদ")],
        "/offices/{key}/feedback/{id}/take-up" => vec![
            ("title", "মোবাইলে ফি"),
            ("problem", "দপ্তরে আসতে হয়"),
            ("solution", "মোবাইলে ফি"),
        ],
        "/offices/{key}/services" | "/offices/{key}/services/{id}" => vec![
            ("name_bn", "কারখানার লাইসেন্স নবায়ন"),
            ("channel", "web"),
            ("address", "https://lims.dife.gov.bd"),
            ("steps_bn", "অনলাইনে আবেদন"),
            ("time_amount", "7"),
            ("time_unit", "working_day"),
            ("fee", "free"),
        ],
        "/offices/{key}/memo-files/{id}/close" => vec![("confirm", "1")],
        "/offices/{key}/memo-files" | "/offices/{key}/memo-files/{id}" => vec![
            ("file_number", "40.00.0000.000.036.32.0099.26"),
            ("subject_bn", "পরীক্ষার নথি"),
        ],
        "/admin/posts" => vec![("office", "3"), ("designation", "1")],
        "/admin/offices" => vec![
            ("key", "new-office"),
            ("kind", "department"),
            ("name_bn", "নতুন দপ্তর"),
            ("name_en", "New Office"),
        ],
        "/offices/{key}/plans" => vec![("template", "egov-2022-23")],
        "/plans/{id}/indicators/{indicator}/quarters/{quarter}/review" => {
            vec![("outcome", "accept")]
        }
        "/plans/{id}/decision" => vec![("decision", "lock")],
        "/collections/{key}/periods/{start}/forwards" => vec![("office", "mole")],
        // The adopting office is the one whose rule applies: the ministry here, like the sample.
        "/innovations/{id}/replications" => vec![("office", "mole")],
        // Kept on the showcase, so that its public pages stay there for the routes after.
        "/innovations/{id}/showcase" => vec![("show", "1")],
        "/admin/units" => vec![
            ("office", "3"),
            ("key", "new-unit"),
            ("level", "section"),
            ("name_bn", "নতুন শাখা"),
            ("name_en", "New Section"),
        ],
        _ => vec![],
    }
}

/// What the route answered: refused (403), sent to sign in, or let through.
#[derive(Debug, PartialEq, Eq)]
enum Answer {
    Refused,
    SignInFirst,
    Served(u16),
}

async fn try_route(
    server: &TestServer,
    method: &str,
    path: &str,
    sample: &str,
    csrf: &str,
) -> Answer {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let cookies = server.cookie_header();
    let url = format!("{}{sample}", server.base);
    let response = if method == "GET" {
        client
            .get(url)
            .header("cookie", cookies)
            .send()
            .await
            .unwrap()
    } else {
        let mut fields = form_fields(path);
        fields.push(("csrf", csrf));
        let token = server.form_token().await;
        let mut cookies = cookies;
        // The forms posted before there is a session carry the token of the sign-in form's cookie.
        if matches!(
            path,
            "/login" | "/password/forgot" | "/password/reset/{token}" | "/offices/{key}/feedback"
        ) {
            fields.push(("form_token", &token));
            cookies = format!("{cookies}; udbhabon_form={token}");
        }
        let request = client.post(url).header("cookie", cookies);
        if let Some(header) = import_header(path) {
            // A table with the header only: nothing to add, nothing recorded.
            let upload = reqwest::multipart::Form::new()
                .text("csrf", csrf.to_owned())
                .text("file", header);
            request.multipart(upload).send().await.unwrap()
        } else if matches!(path, "/tutorials/{id}/video" | "/trainings/{id}/materials") {
            // No file chosen: refused as typed, keeping nothing.
            let upload = reqwest::multipart::Form::new().text("csrf", csrf.to_owned());
            request.multipart(upload).send().await.unwrap()
        } else if path == "/decisions/{id}/updates" {
            let upload = reqwest::multipart::Form::new()
                .text("csrf", csrf.to_owned())
                .text("status", "in_progress");
            request.multipart(upload).send().await.unwrap()
        } else if path == "/collections/{key}/periods/{start}/respondents/{id}" {
            let upload = reqwest::multipart::Form::new()
                .text("csrf", csrf.to_owned())
                .text("files_total", "10");
            request.multipart(upload).send().await.unwrap()
        } else if path == "/software/{id}/certifications" {
            // No kind, no tester: refused as typed, recording nothing.
            let upload = reqwest::multipart::Form::new()
                .text("csrf", csrf.to_owned())
                .text("kind", "");
            request.multipart(upload).send().await.unwrap()
        } else if path == "/plans/{id}/indicators/{indicator}/quarters/{quarter}" {
            let upload = reqwest::multipart::Form::new()
                .text("csrf", csrf.to_owned())
                .text("value", "3");
            request.multipart(upload).send().await.unwrap()
        } else {
            request.form(&fields).send().await.unwrap()
        }
    };
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    match status {
        403 => Answer::Refused,
        // Operators' endpoints want their bearer token; a wrong password on the sign-in form is 401 too.
        401 if path != "/login" => Answer::Refused,
        303 | 302 | 307 if location.starts_with("/login?next=") => Answer::SignInFirst,
        _ => Answer::Served(status),
    }
}

/// The header of the table an import route takes, for the routes that import one.
fn import_header(path: &str) -> Option<&'static str> {
    match path {
        "/holidays/import" => Some("starts,name_bn,kind\n"),
        "/admin/offices/import" => Some("key,parent,kind,name_bn,name_en\n"),
        "/offices/{key}/innovations/import" => Some("ধরন,শিরোনাম,বিদ্যমান সমস্যা,সমাধান\n"),
        "/offices/{key}/projects/import" => Some(
            "id,name_bn,name_en,kind,director,cost,funds,starts_on,ends_on,vendor,\
             physical_progress,spent,risks\n",
        ),
        "/offices/{key}/budget/import" => {
            Some("year,kind,code,head_bn,head_en,allocation,revised\n")
        }
        _ => None,
    }
}

/// Who tries the routes: a role and where it is held (or nobody), and the account's email.
type Tester = (Option<(Role, Place)>, Option<&'static str>);

/// What the rule says: a role held below the home office covers nothing above it, unless it is global.
fn expected(access: Access, role: Option<(Role, Place)>) -> &'static str {
    match (access, role) {
        (Access::Public, _) => "served",
        // Operators' endpoints answer their token, which no account carries.
        (Access::Operations, _) => "refused",
        (Access::SignedIn | Access::Allowed(_), None) => "sign in first",
        (Access::SignedIn, Some(_)) => "served",
        (Access::Allowed(action), Some((role, place)))
            if role.permits(action) && (place == Place::HomeOffice || role.is_global()) =>
        {
            "served"
        }
        (Access::Allowed(_), Some(_)) => "refused",
    }
}

/// Samples that name something the demo data does not have, so that "not found" is the served answer:
/// a static file, an evidence file (the demo reports no progress), a self-assessment report (none is
/// sent), an earlier version of a plan (none is revised), a decision's evidence (none is reported), a
/// return's evidence (none is submitted), an award notice (none is issued), a citizen charter's PDF
/// (the demo's ministry has not published one), a meeting change's notice (none is postponed), a
/// preview of minutes (the meeting called in the system has none written yet), an entry of the
/// proactive-disclosure list (the demo's ministry has none), a system's renewal (the first role the
/// route serves takes it off), a test's certificate (the demo's test carries none) and a budget line
/// (the first role the route serves removes it), a tutorial's video and subtitles (the demo's
/// tutorial plays from its link), a training's material (the demo's training keeps none) and its
/// invitation (none was issued, and only those who may issue one read its draft).
const ABSENT_SAMPLES: [&str; 20] = [
    "/static/{file}",
    "/meetings/{key}/notice.pdf",
    "/meetings/{key}/minutes/preview.pdf",
    "/meetings/{key}/changes/{id}/notice.pdf",
    "/calendar/{token}",
    "/plans/{id}/evidence/{file}",
    "/plans/{id}/self-assessment.pdf",
    "/plans/{id}/versions/{version}",
    "/decisions/{id}/evidence/{file}",
    "/collections/{key}/periods/{start}/respondents/{id}/evidence/{file}",
    "/offices/{key}/awards/{year}/notice.pdf",
    "/offices/{key}/charter.pdf",
    "/offices/{key}/rti/disclosures/{id}/remove",
    "/software/{id}/renewals/{renewal}/remove",
    "/software/{id}/certifications/{certification}/file",
    "/offices/{key}/budget/{id}/remove",
    "/tutorials/{id}/video",
    "/tutorials/{id}/subtitles.vtt",
    "/trainings/{id}/materials/{file}",
    "/trainings/{id}/invitation.pdf",
];

/// The answer in the words of `expected`; a route that is not found was not served (unless its sample
/// names something absent on purpose).
fn describe(answer: &Answer, path: &str) -> &'static str {
    match answer {
        Answer::Refused => "refused",
        Answer::SignInFirst => "sign in first",
        Answer::Served(404) if !ABSENT_SAMPLES.contains(&path) => "not found",
        Answer::Served(_) => "served",
    }
}

#[tokio::test]
async fn every_route_answers_every_role_as_its_access_rule_says() {
    let mut seen = HashSet::new();
    for route in ROUTES {
        assert!(
            seen.insert((route.method, route.path)),
            "{} {} is listed twice",
            route.method,
            route.path
        );
    }
    // Signing out comes last for each role (and is followed by signing in again), so that the other
    // routes are tried signed in.
    let mut routes: Vec<_> = ROUTES.iter().collect();
    routes.sort_by_key(|route| route.path.starts_with("/logout"));
    let server = TestServer::start_with(|state| {
        state
            .with_sign_in_limit(1000, 1)
            .with_metrics_token("operators-only")
    })
    .await;
    let mut mismatches = Vec::new();
    let visitors: Vec<Tester> = std::iter::once((None, None))
        .chain(
            ROLES
                .iter()
                .map(|(role, place, email)| (Some((*role, *place)), Some(*email))),
        )
        .collect();
    for (role, email) in visitors {
        let browser = server.another_browser();
        let sign_in = async || match email {
            Some(email) => {
                assert_eq!(
                    browser.sign_in(email, DEMO_PASSWORD).await.status(),
                    200,
                    "{email} signs in"
                );
                browser.csrf().await
            }
            None => String::new(),
        };
        let mut csrf = sign_in().await;
        for route in &routes {
            let answer = try_route(&browser, route.method, route.path, route.sample, &csrf).await;
            if route.path.starts_with("/logout") {
                csrf = sign_in().await;
            }
            let want = expected(route.access, role);
            if describe(&answer, route.path) != want {
                mismatches.push(format!(
                    "{:?} {} {}: expected {want}, got {answer:?}",
                    role, route.method, route.sample
                ));
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "routes that do not keep their access rule:\n{}",
        mismatches.join("\n")
    );
}
