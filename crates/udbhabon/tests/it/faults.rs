//! The system attacked on purpose, as a hostile user and a bad day would: what is sent is refused with a
//! clear answer in the reader's language and changes nothing, the server stays up, and a malformed
//! value on any form is never a server error.

use std::collections::HashMap;

use scraper::{Html, Selector};
use udbhabon_domain::account::access::Action;
use udbhabon_web::{Access, ROUTES};

use crate::access::{Place, ROLES, form_fields};
use crate::server::{DEMO_PASSWORD, TestServer, attribute, text, texts};

const SECRETARY: &str = "member-secretary@demo.udbhabon.test";
const ADMIN: &str = "admin@demo.udbhabon.test";

/// A browser signed in as `email`, with its CSRF token.
/// An XLSX file holding these cells (row, column, text).
fn sheet(cells: &[(u32, u16, &str)]) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let worksheet = workbook.add_worksheet();
    for (row, column, text) in cells {
        worksheet.write_string(*row, *column, *text).unwrap();
    }
    workbook.save_to_buffer().unwrap()
}

async fn upload(browser: &TestServer, path: &str, csrf: &str, file: Vec<u8>) -> reqwest::Response {
    let form = reqwest::multipart::Form::new()
        .text("csrf", csrf.to_owned())
        .part(
            "file",
            reqwest::multipart::Part::bytes(file).file_name("sheet.xlsx"),
        );
    browser
        .client
        .post(format!("{}{path}", browser.base))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn alive(server: &TestServer) {
    assert_eq!(
        server.get("/health").await.status(),
        200,
        "the server is up"
    );
}

#[tokio::test]
async fn a_two_cell_sheet_spanning_the_whole_grid_is_refused_and_the_server_stays_up() {
    let server = TestServer::start().await;
    // A1 and XFD1048576: 1.5 KB that a reader of whole ranges would take for 17 billion cells.
    let bomb = sheet(&[(0, 0, "ধরন"), (1_048_575, 16_383, "x")]);
    assert!(bomb.len() < 16 * 1024);
    let (secretary, csrf) = server.signed_in_as(SECRETARY).await;
    let refused = upload(
        &secretary,
        "/offices/mole/innovations/import",
        &csrf,
        bomb.clone(),
    )
    .await;
    assert_eq!(refused.status(), 422);
    let page = Html::parse_document(&refused.text().await.unwrap());
    assert!(
        texts(&page, ".alert, .errors li, li")
            .iter()
            .any(|message| message.contains("৬০০০০টির বেশি সারি")),
        "the refusal names the limit"
    );
    let (admin, admin_csrf) = server.signed_in_as(ADMIN).await;
    let refused = upload(&admin, "/admin/offices/import", &admin_csrf, bomb).await;
    assert_eq!(refused.status(), 422);
    let wide = sheet(&[(0, 0, "key"), (0, 16_383, "x")]);
    let refused = upload(&admin, "/admin/offices/import", &admin_csrf, wide).await;
    assert_eq!(refused.status(), 422);
    alive(&server).await;
}

#[tokio::test]
async fn an_upload_over_the_limit_gets_a_page_that_names_the_size() {
    let server = TestServer::start().await;
    let (secretary, csrf) = server.signed_in_as(SECRETARY).await;
    let large = upload(
        &secretary,
        "/offices/mole/innovations/import",
        &csrf,
        vec![b'a'; 17 * 1024 * 1024],
    )
    .await;
    assert_eq!(large.status(), 413);
    let page = Html::parse_document(&large.text().await.unwrap());
    assert_eq!(text(&page, "h1"), "ফাইলটি অনেক বড়");
    assert!(text(&page, ".error p").contains("১৬ মেগাবাইট"));
    // A form without files keeps the two-megabyte limit, and says so.
    let purpose = "ক".repeat(1024 * 1024);
    let long = secretary
        .post(
            "/offices/mole/memos",
            &[("csrf", &csrf), ("file", "1"), ("purpose_bn", &purpose)],
        )
        .await;
    assert_eq!(long.status(), 413);
    let page = Html::parse_document(&long.text().await.unwrap());
    assert!(text(&page, ".error p").contains("২ মেগাবাইট"));
    alive(&server).await;
}

#[tokio::test]
async fn a_quarter_outside_one_to_four_names_no_page() {
    let server = TestServer::start().await;
    let (reviewer, csrf) = server.signed_in_as("reviewer@demo.udbhabon.test").await;
    for quarter in ["0", "5", "256", "-1", "x"] {
        let page = reviewer
            .get(&format!("/plans/1/indicators/1/quarters/{quarter}"))
            .await;
        assert_eq!(page.status(), 404, "quarter {quarter}");
        let review = reviewer
            .post(
                &format!("/plans/2/indicators/1/quarters/{quarter}/review"),
                &[("csrf", &csrf), ("outcome", "accept")],
            )
            .await;
        assert_eq!(review.status(), 404, "quarter {quarter}");
        let page = Html::parse_document(&review.text().await.unwrap());
        assert_eq!(text(&page, "h1"), "পাতাটি পাওয়া যায়নি");
    }
    alive(&server).await;
}

#[tokio::test]
async fn a_redirect_stays_on_the_site_whatever_control_characters_it_carries() {
    let server = TestServer::start().await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for back in [
        "/%09/evil.example/path",
        "/%0a/evil.example",
        "/%0d%0aSet-Cookie:%20x=1",
        "/%5C%5Cevil.example",
        "%09//evil.example",
        "/%00",
    ] {
        let response = client
            .get(format!("{}/lang/en?back={back}", server.base))
            .send()
            .await
            .unwrap();
        match response.status().as_u16() {
            303 => assert_eq!(response.headers()["location"], "/", "back={back}"),
            // A NUL byte is not a value at all: the address is refused outright.
            400 => assert!(!response.headers().contains_key("location"), "back={back}"),
            other => panic!("back={back}: {other}"),
        }
    }
    // Signing in with such a `next` goes to the account page, after the session is made.
    let form = server.page("/login", 200).await;
    let token = attribute(&form, "input[name=form_token]", "value");
    let signed = server
        .client
        .post(format!("{}/login", server.base))
        .form(&[
            ("email", SECRETARY),
            ("password", DEMO_PASSWORD),
            ("form_token", token.as_str()),
            ("next", "/\n/evil.example"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(signed.status(), 200);
    assert_eq!(signed.url().path(), "/");
}

#[tokio::test]
async fn a_nul_byte_or_control_character_anywhere_is_refused_and_changes_nothing() {
    let server = TestServer::start().await;
    let (secretary, csrf) = server.signed_in_as(SECRETARY).await;
    let before = texts(
        &secretary.page("/offices/mole/memos", 200).await,
        "table.register td.memo",
    );
    for purpose in ["পরীক্ষা\u{0}", "a\u{1b}[31mb", "x\u{7f}"] {
        let refused = secretary
            .post(
                "/offices/mole/memos",
                &[("csrf", &csrf), ("file", "1"), ("purpose_bn", purpose)],
            )
            .await;
        assert_eq!(refused.status(), 422, "{purpose:?}");
        let page = Html::parse_document(&refused.text().await.unwrap());
        assert!(text(&page, ".error p").contains("নিয়ন্ত্রণ-অক্ষর"));
    }
    let after = texts(
        &secretary.page("/offices/mole/memos", 200).await,
        "table.register td.memo",
    );
    assert_eq!(before, after, "no number was taken");
    assert_eq!(secretary.get("/innovations?q=%00").await.status(), 400);
    assert_eq!(secretary.get("/meetings/%00").await.status(), 404);
    // Tabs and line breaks are text.
    let taken = secretary
        .post(
            "/offices/mole/memos",
            &[
                ("csrf", &csrf),
                ("file", "1"),
                ("purpose_bn", "প্রথম লাইন\r\nদ্বিতীয়\tলাইন"),
            ],
        )
        .await;
    assert_eq!(taken.url().path(), "/offices/mole/memos");
}

#[tokio::test]
async fn a_decision_reported_with_an_unknown_status_is_refused() {
    let server = TestServer::start().await;
    let (secretary, csrf) = server.signed_in_as(SECRETARY).await;
    let before = secretary.page("/decisions/1", 200).await.html();
    for status in ["closed", "bogus", ""] {
        let form = reqwest::multipart::Form::new()
            .text("csrf", csrf.clone())
            .text("status", status)
            .text("note", "কাজ চলছে।");
        let refused = secretary
            .client
            .post(format!("{}/decisions/1/updates", secretary.base))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), 422, "status {status:?}");
    }
    assert_eq!(secretary.page("/decisions/1", 200).await.html(), before);
}

#[tokio::test]
async fn a_mail_server_out_of_reach_answers_service_unavailable_with_a_time_to_retry() {
    // Port 1 on this machine: nothing listens, the connection is refused at once.
    let server = TestServer::start_with_smtp("smtp://127.0.0.1:1").await;
    let form = server.page("/password/forgot", 200).await;
    let token = attribute(&form, "input[name=form_token]", "value");
    let asked = server
        .client
        .post(format!("{}/password/forgot", server.base))
        .form(&[("email", SECRETARY), ("form_token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(asked.status(), 503);
    assert_eq!(asked.headers()["retry-after"], "5");
    let page = Html::parse_document(&asked.text().await.unwrap());
    assert_eq!(text(&page, "h1"), "সার্ভার এখন ব্যস্ত");
    alive(&server).await;
}

#[tokio::test]
async fn no_post_route_reaches_its_handler_with_a_forged_token() {
    let server = TestServer::start_with(|state| state.with_sign_in_limit(1000, 1)).await;
    let mut browsers: HashMap<&str, TestServer> = HashMap::new();
    let mut checked = 0;
    for route in ROUTES.iter().filter(|route| route.method == "POST") {
        let url = format!("{}{}", server.base, route.sample);
        let forged = match tester(route.access) {
            Some(email) => {
                if !browsers.contains_key(email) {
                    browsers.insert(email, server.signed_in_as(email).await.0);
                }
                let browser = &browsers[email];
                let mut fields = vec![("csrf", "forged-token")];
                fields.extend(form_fields(route.path));
                let multipart = reqwest::multipart::Form::new()
                    .text("csrf", "forged-token")
                    .text("note", "x");
                if matches!(
                    route.body,
                    udbhabon_web::Body::Import
                        | udbhabon_web::Body::Evidence
                        | udbhabon_web::Body::Video
                ) {
                    browser.client.post(&url).multipart(multipart).send().await
                } else {
                    browser.client.post(&url).form(&fields).send().await
                }
            }
            // Forms posted before a session: a token other than the one their cookie holds.
            None => {
                let form = server.form_token().await;
                assert!(!form.is_empty());
                let request = server.client.post(&url);
                if route.body == udbhabon_web::Body::Attachment {
                    let message = reqwest::multipart::Form::new()
                        .text("form_token", "forged-token")
                        .text("message", "x");
                    request.multipart(message).send().await
                } else {
                    request
                        .form(&[
                            ("form_token", "forged-token"),
                            ("email", SECRETARY),
                            ("password", DEMO_PASSWORD),
                        ])
                        .send()
                        .await
                }
            }
        }
        .unwrap();
        assert_eq!(forged.status(), 403, "POST {}", route.sample);
        let page = Html::parse_document(&forged.text().await.unwrap());
        assert_eq!(
            text(&page, "h1"),
            "ফর্মটির মেয়াদ শেষ",
            "POST {}",
            route.sample
        );
        checked += 1;
    }
    assert!(checked > 50, "{checked} routes");
    // Signing out with a forged token signed nobody out.
    let secretary = &browsers[SECRETARY];
    assert_eq!(secretary.get("/account").await.url().path(), "/account");
}

/// The forms of a page: each form's action with the names of its fields.
fn forms_of(page: &Html) -> Vec<(String, Vec<String>)> {
    let form = Selector::parse("form[method=post]").unwrap();
    let field = Selector::parse("input[name], select[name], textarea[name]").unwrap();
    page.select(&form)
        .filter_map(|element| {
            let action = element.value().attr("action")?.to_owned();
            let names = element
                .select(&field)
                .filter_map(|input| input.value().attr("name"))
                .filter(|name| *name != "csrf")
                .map(str::to_owned)
                .collect();
            Some((action, names))
        })
        .collect()
}

/// Values a form should refuse or take as text, never fail on.
const MALFORMED: [&str; 16] = [
    "",
    "-1",
    "0",
    "2147483648",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "2026-02-31",
    "৩১-০২-২০২৬",
    "<script>alert(1)</script>",
    "' OR '1'='1' --",
    "../../../../etc/passwd",
    "\u{202e}কলকারখানা",
    "🙂",
    "%",
    "a\u{0}b",
];

/// Who tries a route: an account whose role is allowed it on the home office.
fn tester(access: Access) -> Option<&'static str> {
    match access {
        Access::Public | Access::Operations => None,
        Access::SignedIn => Some(SECRETARY),
        Access::Allowed(action) => ROLES
            .iter()
            .filter(|(_, place, _)| *place == Place::HomeOffice)
            .find(|(role, _, _)| {
                role.permits(action)
                    && (action == Action::Administer
                        || *role != udbhabon_domain::account::access::Role::SystemAdministrator)
            })
            .map(|(_, _, email)| *email),
    }
}

#[tokio::test]
async fn every_post_route_answers_malformed_values_without_a_server_error() {
    let server = TestServer::start_with(|state| state.with_sign_in_limit(1000, 1)).await;
    let mut browsers: HashMap<&str, (TestServer, String)> = HashMap::new();
    for email in [
        SECRETARY,
        ADMIN,
        "cio@demo.udbhabon.test",
        "reviewer@demo.udbhabon.test",
        "member@demo.udbhabon.test",
    ] {
        browsers.insert(email, server.signed_in_as(email).await);
    }
    // The fields of every form the sample pages show, by where they post.
    let mut fields: HashMap<String, Vec<String>> = HashMap::new();
    for route in ROUTES.iter().filter(|route| route.method == "GET") {
        for (browser, _) in browsers.values() {
            let response = browser.get(route.sample).await;
            let html = response.text().await.unwrap_or_default();
            for (action, names) in forms_of(&Html::parse_document(&html)) {
                fields.entry(action).or_default().extend(names);
            }
        }
    }
    let mut failures = Vec::new();
    let mut tried = 0;
    for route in ROUTES
        .iter()
        .filter(|route| route.method == "POST" && !route.path.starts_with("/logout"))
    {
        let (browser, csrf) = match tester(route.access) {
            Some(email) => {
                let (browser, csrf) = &browsers[email];
                (browser, csrf.as_str())
            }
            None => (&server, ""),
        };
        let mut names: Vec<String> = fields.get(route.sample).cloned().unwrap_or_default();
        names.extend(
            form_fields(route.path)
                .into_iter()
                .map(|(name, _)| name.to_owned()),
        );
        names.sort();
        names.dedup();
        let multipart = matches!(
            route.path,
            "/admin/offices/import"
                | "/offices/{key}/innovations/import"
                | "/decisions/{id}/updates"
                | "/collections/{key}/periods/{start}/respondents/{id}"
                | "/plans/{id}/indicators/{indicator}/quarters/{quarter}"
        );
        for value in MALFORMED {
            let url = format!("{}{}", browser.base, route.sample);
            let request = browser.client.post(&url);
            let response = if multipart {
                let mut form = reqwest::multipart::Form::new().text("csrf", csrf.to_owned());
                for name in &names {
                    form = form.text(name.clone(), value.to_owned());
                }
                form = form.part(
                    "files",
                    reqwest::multipart::Part::bytes(value.as_bytes().to_vec())
                        .file_name(value.to_owned()),
                );
                request.multipart(form).send().await
            } else {
                let mut pairs: Vec<(&str, &str)> = vec![("csrf", csrf)];
                pairs.extend(names.iter().map(|name| (name.as_str(), value)));
                request.form(&pairs).send().await
            };
            tried += 1;
            match response {
                Ok(response) if response.status().is_server_error() => failures.push(format!(
                    "POST {} with {value:?}: {}",
                    route.sample,
                    response.status()
                )),
                Ok(_) => {}
                Err(error) => {
                    failures.push(format!("POST {} with {value:?}: {error}", route.sample))
                }
            }
        }
        // Bodies no browser sends: broken percent-encoding, a name without a value, the wrong type.
        for (content_type, body) in [
            (
                "application/x-www-form-urlencoded",
                format!("csrf={csrf}&%FF=%FE&title=%E0%A6"),
            ),
            (
                "application/x-www-form-urlencoded",
                format!("csrf={csrf}&&=&a"),
            ),
            ("text/plain", "just text".to_owned()),
            (
                "multipart/form-data; boundary=x",
                "--x\r\nbroken".to_owned(),
            ),
        ] {
            let response = browser
                .client
                .post(format!("{}{}", browser.base, route.sample))
                .header("content-type", content_type)
                .body(body)
                .send()
                .await;
            tried += 1;
            if let Ok(response) = &response
                && response.status().is_server_error()
            {
                failures.push(format!(
                    "POST {} as {content_type}: {}",
                    route.sample,
                    response.status()
                ));
            }
        }
    }
    assert!(tried > 500, "{tried} requests");
    assert!(
        failures.is_empty(),
        "{} of {tried} malformed requests failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    alive(&server).await;
}
