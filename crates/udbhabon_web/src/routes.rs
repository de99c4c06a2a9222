//! The route table: every route with its access rule, and the router built from it, so no route can
//! exist without a rule.

use std::time::Duration;

use axum::Router;
use axum::http::StatusCode;
use axum::middleware;
use axum::routing::{MethodRouter, get, post};
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::error::{PageError, PageErrorKind};
use crate::extract::BodyLimit;
use crate::lang::ReaderLang;
use crate::state::AppState;
use udbhabon_domain::access::Action;

use crate::{
    account, admin, assessment, assets, award, collection, collection_board, dashboard, follow_up,
    home, innovation, innovation_table, lang, limits, meeting, memo, minutes, notification, office,
    office_admin, ops, order, password, plan, progress, schedule, security, session, showcase,
    submission, team,
};

/// Who may use a route. Handlers enforce it (through the permission rules in core); the table
/// declares it, and the role × route test holds every handler to its declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, without an account: published records, signing in, the language switch, assets, health.
    Public,
    /// Operators' endpoints (metrics); to be kept behind the deployment's proxy.
    Operations,
    /// Any signed-in account, for its own things (its account page, signing out).
    SignedIn,
    /// Accounts whose roles allow this action.
    Allowed(Action),
}

/// One route: method, path pattern, access rule, and a concrete path to try it with.
#[derive(Debug, Clone, Copy)]
pub struct RouteSpec {
    pub method: &'static str,
    pub path: &'static str,
    pub access: Access,
    /// The path with its parameters filled in from the demo data.
    pub sample: &'static str,
}

const fn get_public(path: &'static str, sample: &'static str) -> RouteSpec {
    RouteSpec {
        method: "GET",
        path,
        access: Access::Public,
        sample,
    }
}

/// Every route udbhabon serves.
pub const ROUTES: &[RouteSpec] = &[
    get_public("/", "/"),
    get_public("/offices", "/offices"),
    get_public("/team", "/team"),
    get_public("/teams/{key}", "/teams/mole-innovation-team"),
    get_public(
        "/teams/{key}/order.pdf",
        "/teams/mole-innovation-team/order.pdf",
    ),
    get_public("/orders/{id}/pdf", "/orders/1/pdf"),
    // The first signed-in role allowed to start an order makes draft 1, which the routes after it use.
    manage_team(
        "POST",
        "/offices/{key}/team/orders",
        "/offices/mole/team/orders",
    ),
    manage_team("GET", "/order-drafts/{id}", "/order-drafts/1"),
    manage_team("POST", "/order-drafts/{id}", "/order-drafts/1"),
    manage_team(
        "GET",
        "/order-drafts/{id}/preview",
        "/order-drafts/1/preview",
    ),
    manage_team("POST", "/order-drafts/{id}/issue", "/order-drafts/1/issue"),
    RouteSpec {
        method: "GET",
        path: "/dashboard",
        access: Access::Allowed(Action::ViewOfficeRecords),
        sample: "/dashboard",
    },
    RouteSpec {
        method: "GET",
        path: "/plans",
        access: Access::Allowed(Action::ViewOfficeRecords),
        sample: "/plans",
    },
    RouteSpec {
        method: "POST",
        path: "/offices/{key}/plans",
        access: Access::Allowed(Action::SubmitForOffice),
        sample: "/offices/mole/plans",
    },
    RouteSpec {
        method: "GET",
        path: "/plans/{id}",
        access: Access::Allowed(Action::ViewOfficeRecords),
        sample: "/plans/1",
    },
    RouteSpec {
        method: "GET",
        path: "/plans/{id}/plan.xlsx",
        access: Access::Allowed(Action::ViewOfficeRecords),
        sample: "/plans/1/plan.xlsx",
    },
    RouteSpec {
        method: "GET",
        path: "/plans/{id}/plan.pdf",
        access: Access::Allowed(Action::ViewOfficeRecords),
        sample: "/plans/1/plan.pdf",
    },
    RouteSpec {
        method: "GET",
        path: "/plans/{id}/versions/{version}",
        access: Access::Allowed(Action::ViewOfficeRecords),
        sample: "/plans/1/versions/1",
    },
    RouteSpec {
        method: "GET",
        path: "/plans/{id}/self-assessment",
        access: Access::Allowed(Action::ViewOfficeRecords),
        sample: "/plans/1/self-assessment",
    },
    RouteSpec {
        method: "GET",
        path: "/plans/{id}/self-assessment.pdf",
        access: Access::Allowed(Action::ViewOfficeRecords),
        sample: "/plans/1/self-assessment.pdf",
    },
    RouteSpec {
        method: "POST",
        path: "/plans/{id}/self-assessment",
        access: Access::Allowed(Action::SubmitForOffice),
        sample: "/plans/1/self-assessment",
    },
    RouteSpec {
        method: "POST",
        path: "/plans/{id}/self-assessment/review",
        access: Access::Allowed(Action::ReviewSubmission),
        sample: "/plans/2/self-assessment/review",
    },
    RouteSpec {
        method: "GET",
        path: "/plans/{id}/targets",
        access: Access::Allowed(Action::SubmitForOffice),
        sample: "/plans/1/targets",
    },
    RouteSpec {
        method: "POST",
        path: "/plans/{id}/targets",
        access: Access::Allowed(Action::SubmitForOffice),
        sample: "/plans/1/targets",
    },
    RouteSpec {
        method: "GET",
        path: "/plans/{id}/indicators/{indicator}/quarters/{quarter}",
        access: Access::Allowed(Action::ViewOfficeRecords),
        sample: "/plans/1/indicators/1/quarters/1",
    },
    RouteSpec {
        method: "POST",
        path: "/plans/{id}/indicators/{indicator}/quarters/{quarter}",
        access: Access::Allowed(Action::SubmitForOffice),
        sample: "/plans/1/indicators/1/quarters/1",
    },
    RouteSpec {
        method: "POST",
        path: "/plans/{id}/indicators/{indicator}/quarters/{quarter}/review",
        access: Access::Allowed(Action::ReviewSubmission),
        // Plan 2 is the DIFE's: the office above reviews it.
        sample: "/plans/2/indicators/1/quarters/1/review",
    },
    RouteSpec {
        method: "POST",
        path: "/plans/{id}/submit",
        access: Access::Allowed(Action::SubmitForOffice),
        sample: "/plans/1/submit",
    },
    RouteSpec {
        method: "POST",
        path: "/plans/{id}/decision",
        access: Access::Allowed(Action::ApproveAndSign),
        sample: "/plans/1/decision",
    },
    RouteSpec {
        method: "GET",
        path: "/plans/{id}/evidence/{file}",
        access: Access::Allowed(Action::ViewOfficeRecords),
        sample: "/plans/1/evidence/1",
    },
    // Every officer sees the collections that concern them: those they run, read or answer.
    RouteSpec {
        method: "GET",
        path: "/collections",
        access: Access::SignedIn,
        sample: "/collections",
    },
    manage_team(
        "GET",
        "/offices/{key}/collections/new",
        "/offices/mole/collections/new",
    ),
    manage_team(
        "POST",
        "/offices/{key}/collections",
        "/offices/mole/collections",
    ),
    RouteSpec {
        method: "GET",
        path: "/collections/{key}",
        access: Access::Allowed(Action::ViewOfficeRecords),
        sample: "/collections/mole-e-filing-return",
    },
    RouteSpec {
        method: "GET",
        path: "/collections/{key}/board.xlsx",
        access: Access::Allowed(Action::ViewOfficeRecords),
        sample: "/collections/mole-e-filing-return/board.xlsx",
    },
    RouteSpec {
        method: "GET",
        path: "/collections/{key}/year",
        access: Access::Allowed(Action::ViewOfficeRecords),
        sample: "/collections/mole-e-filing-return/year",
    },
    RouteSpec {
        method: "GET",
        path: "/collections/{key}/periods/{start}/respondents/{id}",
        access: Access::Allowed(Action::ViewOfficeRecords),
        sample: "/collections/mole-e-filing-return/periods/2026-10-01/respondents/1",
    },
    RouteSpec {
        method: "POST",
        path: "/collections/{key}/periods/{start}/respondents/{id}",
        access: Access::Allowed(Action::SubmitForOffice),
        sample: "/collections/mole-e-filing-return/periods/2026-10-01/respondents/1",
    },
    manage_team(
        "POST",
        "/collections/{key}/periods/{start}/respondents/{id}/review",
        "/collections/mole-e-filing-return/periods/2026-10-01/respondents/1/review",
    ),
    // Forwarding as the ministry itself: it gathers for nobody, so the form is refused or told so.
    manage_team(
        "POST",
        "/collections/{key}/periods/{start}/forwards",
        "/collections/mole-e-filing-return/periods/2026-10-01/forwards",
    ),
    RouteSpec {
        method: "GET",
        path: "/collections/{key}/periods/{start}/respondents/{id}/evidence/{file}",
        access: Access::Allowed(Action::ViewOfficeRecords),
        sample: "/collections/mole-e-filing-return/periods/2026-10-01/respondents/1/evidence/1",
    },
    // Every officer lists the innovations of their office and the offices below it, and searches and
    // opens any office's: the database is there for offices to copy from one another.
    RouteSpec {
        method: "GET",
        path: "/innovations",
        access: Access::SignedIn,
        sample: "/innovations",
    },
    RouteSpec {
        method: "GET",
        path: "/innovations/similar",
        access: Access::SignedIn,
        sample: "/innovations/similar?title=ই-ফাইলিং",
    },
    RouteSpec {
        method: "GET",
        path: "/offices/{key}/innovations/new",
        access: Access::Allowed(Action::SubmitForOffice),
        sample: "/offices/mole/innovations/new",
    },
    RouteSpec {
        method: "POST",
        path: "/offices/{key}/innovations",
        access: Access::Allowed(Action::SubmitForOffice),
        sample: "/offices/mole/innovations",
    },
    RouteSpec {
        method: "GET",
        path: "/offices/{key}/innovations.xlsx",
        access: Access::Allowed(Action::ViewOfficeRecords),
        sample: "/offices/mole/innovations.xlsx",
    },
    RouteSpec {
        method: "GET",
        path: "/offices/{key}/innovations/import",
        access: Access::Allowed(Action::SubmitForOffice),
        sample: "/offices/mole/innovations/import",
    },
    RouteSpec {
        method: "POST",
        path: "/offices/{key}/innovations/import",
        access: Access::Allowed(Action::SubmitForOffice),
        sample: "/offices/mole/innovations/import",
    },
    RouteSpec {
        method: "GET",
        path: "/offices/{key}/awards",
        access: Access::Allowed(Action::ViewOfficeRecords),
        sample: "/offices/mole/awards",
    },
    // The chief innovation officer confirms the year's winners; the member secretary issues the
    // notice, which is public from then on.
    RouteSpec {
        method: "POST",
        path: "/offices/{key}/awards/{year}/confirm",
        access: Access::Allowed(Action::ApproveAndSign),
        sample: "/offices/mole/awards/2025-26/confirm",
    },
    RouteSpec {
        method: "POST",
        path: "/offices/{key}/awards/{year}/notice",
        access: Access::Allowed(Action::ManageTeam),
        sample: "/offices/mole/awards/2025-26/notice",
    },
    get_public(
        "/offices/{key}/awards/{year}/notice.pdf",
        "/offices/mole/awards/2025-26/notice.pdf",
    ),
    RouteSpec {
        method: "GET",
        path: "/innovations/{id}",
        access: Access::SignedIn,
        sample: "/innovations/1",
    },
    RouteSpec {
        method: "POST",
        path: "/innovations/{id}/steps",
        access: Access::Allowed(Action::SubmitForOffice),
        sample: "/innovations/1/steps",
    },
    // The team runs the showcase; it and the profiles of what is on it are public.
    RouteSpec {
        method: "POST",
        path: "/innovations/{id}/showcase",
        access: Access::Allowed(Action::ManageTeam),
        sample: "/innovations/1/showcase",
    },
    get_public("/showcase", "/showcase"),
    get_public("/showcase/{id}", "/showcase/1"),
    get_public("/innovations/{id}/sheet.pdf", "/innovations/1/sheet.pdf"),
    RouteSpec {
        method: "POST",
        path: "/innovations/{id}/replications",
        access: Access::Allowed(Action::SubmitForOffice),
        sample: "/innovations/1/replications",
    },
    RouteSpec {
        method: "GET",
        path: "/notifications",
        access: Access::SignedIn,
        sample: "/notifications",
    },
    RouteSpec {
        method: "GET",
        path: "/decisions",
        access: Access::Allowed(Action::ViewOfficeRecords),
        sample: "/decisions",
    },
    RouteSpec {
        method: "GET",
        path: "/decisions.csv",
        access: Access::Allowed(Action::ViewOfficeRecords),
        sample: "/decisions.csv",
    },
    RouteSpec {
        method: "GET",
        path: "/decisions.xlsx",
        access: Access::Allowed(Action::ViewOfficeRecords),
        sample: "/decisions.xlsx",
    },
    RouteSpec {
        method: "GET",
        path: "/decisions/{id}",
        access: Access::Allowed(Action::ViewOfficeRecords),
        sample: "/decisions/1",
    },
    RouteSpec {
        method: "POST",
        path: "/decisions/{id}/updates",
        access: Access::Allowed(Action::SubmitForOffice),
        sample: "/decisions/1/updates",
    },
    RouteSpec {
        method: "POST",
        path: "/decisions/{id}/closure",
        access: Access::Allowed(Action::ManageTeam),
        sample: "/decisions/1/closure",
    },
    RouteSpec {
        method: "GET",
        path: "/decisions/{id}/evidence/{file}",
        access: Access::Allowed(Action::ViewOfficeRecords),
        sample: "/decisions/1/evidence/1",
    },
    get_public("/meetings", "/meetings"),
    get_public("/meetings/{key}", "/meetings/mole-egov-2022-23-review-1"),
    get_public(
        "/meetings/{key}/minutes.pdf",
        "/meetings/mole-egov-2022-23-review-1/minutes.pdf",
    ),
    manage_team(
        "GET",
        "/offices/{key}/meetings/new",
        "/offices/mole/meetings/new",
    ),
    manage_team("POST", "/offices/{key}/meetings", "/offices/mole/meetings"),
    manage_team(
        "GET",
        "/meetings/{key}/schedule",
        "/meetings/mole-egov-2026-27-review-2/schedule",
    ),
    manage_team(
        "POST",
        "/meetings/{key}/schedule",
        "/meetings/mole-egov-2026-27-review-2/schedule",
    ),
    manage_team(
        "POST",
        "/meetings/{key}/notice",
        "/meetings/mole-egov-2026-27-review-2/notice",
    ),
    RouteSpec {
        method: "GET",
        path: "/meetings/{key}/notice.pdf",
        access: Access::Allowed(Action::ViewOfficeRecords),
        sample: "/meetings/mole-egov-2026-27-review-2/notice.pdf",
    },
    manage_team(
        "GET",
        "/meetings/{key}/attendance",
        "/meetings/mole-egov-2026-27-review-2/attendance",
    ),
    manage_team(
        "POST",
        "/meetings/{key}/attendance",
        "/meetings/mole-egov-2026-27-review-2/attendance",
    ),
    manage_team(
        "GET",
        "/meetings/{key}/minutes",
        "/meetings/mole-egov-2026-27-review-2/minutes",
    ),
    manage_team(
        "POST",
        "/meetings/{key}/minutes",
        "/meetings/mole-egov-2026-27-review-2/minutes",
    ),
    manage_team(
        "POST",
        "/meetings/{key}/minutes/circulate",
        "/meetings/mole-egov-2026-27-review-2/minutes/circulate",
    ),
    manage_team(
        "POST",
        "/meetings/{key}/minutes/withdraw",
        "/meetings/mole-egov-2026-27-review-2/minutes/withdraw",
    ),
    RouteSpec {
        method: "POST",
        path: "/meetings/{key}/minutes/approve",
        access: Access::Allowed(Action::ApproveAndSign),
        sample: "/meetings/mole-egov-2026-27-review-2/minutes/approve",
    },
    RouteSpec {
        method: "POST",
        path: "/meetings/{key}/minutes/comments",
        access: Access::Allowed(Action::CommentAsMember),
        sample: "/meetings/mole-egov-2026-27-review-2/minutes/comments",
    },
    manage_team(
        "POST",
        "/meetings/{key}/minutes/issue",
        "/meetings/mole-egov-2026-27-review-2/minutes/issue",
    ),
    get_public("/calendar/{token}", "/calendar/unknown.ics"),
    get_public("/lang/{tag}", "/lang/bn"),
    get_public("/static/{file}", "/static/missing.css"),
    get_public("/health", "/health"),
    RouteSpec {
        method: "GET",
        path: "/metrics",
        access: Access::Operations,
        sample: "/metrics",
    },
    get_public("/login", "/login"),
    RouteSpec {
        method: "POST",
        path: "/login",
        access: Access::Public,
        sample: "/login",
    },
    RouteSpec {
        method: "POST",
        path: "/logout",
        access: Access::SignedIn,
        sample: "/logout",
    },
    RouteSpec {
        method: "POST",
        path: "/logout/everywhere",
        access: Access::SignedIn,
        sample: "/logout/everywhere",
    },
    RouteSpec {
        method: "GET",
        path: "/account",
        access: Access::SignedIn,
        sample: "/account",
    },
    RouteSpec {
        method: "POST",
        path: "/account/password",
        access: Access::SignedIn,
        sample: "/account/password",
    },
    RouteSpec {
        method: "POST",
        path: "/account/calendar",
        access: Access::SignedIn,
        sample: "/account/calendar",
    },
    get_public("/password/forgot", "/password/forgot"),
    RouteSpec {
        method: "POST",
        path: "/password/forgot",
        access: Access::Public,
        sample: "/password/forgot",
    },
    get_public("/password/reset/{token}", "/password/reset/0000"),
    RouteSpec {
        method: "POST",
        path: "/password/reset/{token}",
        access: Access::Public,
        sample: "/password/reset/0000",
    },
    RouteSpec {
        method: "GET",
        path: "/memos",
        access: Access::Allowed(Action::ViewOfficeRecords),
        sample: "/memos",
    },
    RouteSpec {
        method: "POST",
        path: "/memos",
        access: Access::Allowed(Action::ManageTeam),
        sample: "/memos",
    },
    admin("GET", "/admin/people", "/admin/people"),
    admin("GET", "/admin/people/new", "/admin/people/new"),
    admin("POST", "/admin/people", "/admin/people"),
    admin("GET", "/admin/people/{id}", "/admin/people/1"),
    admin(
        "POST",
        "/admin/people/{id}/postings",
        "/admin/people/1/postings",
    ),
    admin(
        "POST",
        "/admin/people/{id}/account",
        "/admin/people/1/account",
    ),
    admin(
        "POST",
        "/admin/accounts/{id}/grants",
        "/admin/accounts/1/grants",
    ),
    admin(
        "POST",
        "/admin/grants/{id}/revoke",
        "/admin/grants/8/revoke",
    ),
    admin("GET", "/admin/posts", "/admin/posts"),
    admin("POST", "/admin/posts", "/admin/posts"),
    admin("GET", "/admin/offices", "/admin/offices"),
    admin("POST", "/admin/offices", "/admin/offices"),
    admin("POST", "/admin/units", "/admin/units"),
    admin("POST", "/admin/offices/import", "/admin/offices/import"),
    admin(
        "GET",
        "/admin/offices/export.csv",
        "/admin/offices/export.csv",
    ),
    admin(
        "GET",
        "/admin/offices/export.xlsx",
        "/admin/offices/export.xlsx",
    ),
];

/// A route for those who compose and issue the office's orders.
const fn manage_team(method: &'static str, path: &'static str, sample: &'static str) -> RouteSpec {
    RouteSpec {
        method,
        path,
        access: Access::Allowed(Action::ManageTeam),
        sample,
    }
}

/// A route only the system administrator may use.
const fn admin(method: &'static str, path: &'static str, sample: &'static str) -> RouteSpec {
    RouteSpec {
        method,
        path,
        access: Access::Allowed(Action::Administer),
        sample,
    }
}

fn handler(method: &str, path: &str, state: &AppState) -> MethodRouter<AppState> {
    match (method, path) {
        ("GET", "/") => get(home::show),
        ("GET", "/offices") => get(office::list),
        ("GET", "/team") => get(team::home_team),
        ("GET", "/teams/{key}") => get(team::show),
        ("GET", "/teams/{key}/order.pdf") => get(team::order_pdf),
        ("GET", "/orders/{id}/pdf") => get(order::order_pdf),
        ("POST", "/offices/{key}/team/orders") => post(order::start),
        ("GET", "/order-drafts/{id}") => get(order::show),
        ("POST", "/order-drafts/{id}") => post(order::save),
        ("GET", "/order-drafts/{id}/preview") => get(order::preview),
        ("POST", "/order-drafts/{id}/issue") => post(order::issue),
        ("GET", "/dashboard") => get(dashboard::show),
        ("GET", "/plans") => get(plan::list),
        ("POST", "/offices/{key}/plans") => post(plan::start),
        ("GET", "/plans/{id}") => get(plan::show),
        ("GET", "/plans/{id}/plan.xlsx") => get(plan::sheet),
        ("GET", "/plans/{id}/plan.pdf") => get(plan::sheet_pdf),
        ("GET", "/plans/{id}/versions/{version}") => get(plan::version),
        ("GET", "/plans/{id}/self-assessment") => get(assessment::show),
        ("GET", "/plans/{id}/self-assessment.pdf") => get(assessment::pdf),
        ("POST", "/plans/{id}/self-assessment") => post(assessment::submit),
        ("POST", "/plans/{id}/self-assessment/review") => post(assessment::review),
        ("GET", "/plans/{id}/targets") => get(plan::targets_form),
        ("POST", "/plans/{id}/targets") => post(plan::save_targets),
        ("GET", "/plans/{id}/indicators/{indicator}/quarters/{quarter}") => get(progress::show),
        ("POST", "/plans/{id}/indicators/{indicator}/quarters/{quarter}") => {
            // Evidence files come with the form: up to ten megabytes each.
            limited(post(progress::save), EVIDENCE_REQUEST_BYTES)
        }
        ("POST", "/plans/{id}/indicators/{indicator}/quarters/{quarter}/review") => {
            post(progress::review)
        }
        ("POST", "/plans/{id}/submit") => post(progress::submit_plan),
        ("POST", "/plans/{id}/decision") => post(progress::decide_plan),
        ("GET", "/plans/{id}/evidence/{file}") => get(progress::evidence),
        ("GET", "/collections") => get(collection::list),
        ("GET", "/offices/{key}/collections/new") => get(collection::new),
        ("POST", "/offices/{key}/collections") => post(collection::create),
        ("GET", "/collections/{key}") => get(collection_board::board),
        ("GET", "/collections/{key}/board.xlsx") => get(collection_board::board_xlsx),
        ("GET", "/collections/{key}/year") => get(collection_board::year),
        ("GET", "/collections/{key}/periods/{start}/respondents/{id}") => get(submission::show),
        ("POST", "/collections/{key}/periods/{start}/respondents/{id}") => {
            // Evidence files come with the return: up to ten megabytes each.
            limited(post(submission::submit), EVIDENCE_REQUEST_BYTES)
        }
        ("POST", "/collections/{key}/periods/{start}/respondents/{id}/review") => {
            post(submission::review)
        }
        ("GET", "/collections/{key}/periods/{start}/respondents/{id}/evidence/{file}") => {
            get(submission::evidence)
        }
        ("POST", "/collections/{key}/periods/{start}/forwards") => post(collection_board::forward),
        ("GET", "/innovations") => get(innovation::list),
        ("GET", "/offices/{key}/innovations/new") => get(innovation::new),
        ("POST", "/offices/{key}/innovations") => post(innovation::create),
        ("GET", "/innovations/similar") => get(innovation::similar),
        ("GET", "/offices/{key}/awards") => get(award::ranking),
        ("POST", "/offices/{key}/awards/{year}/confirm") => post(award::confirm),
        ("POST", "/offices/{key}/awards/{year}/notice") => post(award::issue),
        ("GET", "/offices/{key}/awards/{year}/notice.pdf") => get(award::notice_pdf),
        ("GET", "/offices/{key}/innovations.xlsx") => get(innovation_table::export),
        ("GET", "/offices/{key}/innovations/import") => get(innovation_table::form),
        ("POST", "/offices/{key}/innovations/import") => {
            limited(post(innovation_table::import), IMPORT_REQUEST_BYTES)
        }
        ("GET", "/innovations/{id}") => get(innovation::show),
        ("POST", "/innovations/{id}/steps") => post(innovation::step),
        ("POST", "/innovations/{id}/replications") => post(innovation::replicate),
        ("POST", "/innovations/{id}/showcase") => post(showcase::choose),
        ("GET", "/showcase") => get(showcase::list),
        ("GET", "/showcase/{id}") => get(showcase::show),
        ("GET", "/innovations/{id}/sheet.pdf") => get(showcase::sheet),
        ("GET", "/notifications") => get(notification::list),
        ("GET", "/decisions") => get(follow_up::tracker),
        ("GET", "/decisions.csv") => get(follow_up::tracker_csv),
        ("GET", "/decisions.xlsx") => get(follow_up::tracker_xlsx),
        ("GET", "/decisions/{id}") => get(follow_up::show),
        ("POST", "/decisions/{id}/updates") => {
            // Evidence files come with the report: up to ten megabytes each.
            limited(post(follow_up::report), EVIDENCE_REQUEST_BYTES)
        }
        ("POST", "/decisions/{id}/closure") => post(follow_up::closure),
        ("GET", "/decisions/{id}/evidence/{file}") => get(follow_up::evidence),
        ("GET", "/meetings") => get(meeting::list),
        ("GET", "/meetings/{key}") => get(meeting::show),
        ("GET", "/meetings/{key}/minutes.pdf") => get(meeting::minutes_pdf),
        ("GET", "/offices/{key}/meetings/new") => get(schedule::new),
        ("POST", "/offices/{key}/meetings") => post(schedule::create),
        ("GET", "/meetings/{key}/schedule") => get(schedule::edit),
        ("POST", "/meetings/{key}/schedule") => post(schedule::update),
        ("POST", "/meetings/{key}/notice") => post(schedule::send_notice),
        ("GET", "/meetings/{key}/notice.pdf") => get(schedule::notice_pdf),
        ("GET", "/meetings/{key}/attendance") => get(schedule::attendance),
        ("POST", "/meetings/{key}/attendance") => post(schedule::record_attendance),
        ("GET", "/meetings/{key}/minutes") => get(minutes::form),
        ("POST", "/meetings/{key}/minutes") => post(minutes::save),
        ("POST", "/meetings/{key}/minutes/circulate") => post(minutes::circulate),
        ("POST", "/meetings/{key}/minutes/withdraw") => post(minutes::withdraw),
        ("POST", "/meetings/{key}/minutes/approve") => post(minutes::approve),
        ("POST", "/meetings/{key}/minutes/comments") => post(minutes::comment),
        ("POST", "/meetings/{key}/minutes/issue") => post(minutes::issue),
        ("GET", "/calendar/{token}") => get(account::calendar_feed),
        ("GET", "/lang/{tag}") => get(lang::switch),
        ("GET", "/static/{file}") => get(assets::serve),
        ("GET", "/health") => get(ops::health),
        ("GET", "/metrics") => get(ops::metrics),
        ("GET", "/login") => get(session::form),
        ("POST", "/login") => limits::per_address(post(session::submit), state.sign_in_limit),
        ("POST", "/logout") => post(session::logout),
        ("POST", "/logout/everywhere") => post(session::logout_everywhere),
        ("GET", "/account") => get(account::show),
        ("POST", "/account/password") => post(account::change_password),
        ("POST", "/account/calendar") => post(account::renew_calendar),
        ("GET", "/password/forgot") => get(password::forgot),
        ("POST", "/password/forgot") => {
            limits::per_address(post(password::send_link), state.sign_in_limit)
        }
        ("GET", "/password/reset/{token}") => get(password::reset_form),
        ("POST", "/password/reset/{token}") => post(password::reset),
        ("GET", "/memos") => get(memo::register),
        ("POST", "/memos") => post(memo::take),
        ("GET", "/admin/people") => get(admin::people),
        ("GET", "/admin/people/new") => get(admin::new_person),
        ("POST", "/admin/people") => post(admin::create_person),
        ("GET", "/admin/people/{id}") => get(admin::person),
        ("POST", "/admin/people/{id}/postings") => post(admin::add_posting),
        ("POST", "/admin/people/{id}/account") => post(admin::open_account),
        ("POST", "/admin/accounts/{id}/grants") => post(admin::grant),
        ("POST", "/admin/grants/{id}/revoke") => post(admin::revoke),
        ("GET", "/admin/posts") => get(admin::posts),
        ("POST", "/admin/posts") => post(admin::create_post),
        ("GET", "/admin/offices") => get(office_admin::list),
        ("POST", "/admin/offices") => post(office_admin::create),
        ("POST", "/admin/units") => post(office_admin::create_unit),
        ("POST", "/admin/offices/import") => {
            limited(post(office_admin::import), IMPORT_REQUEST_BYTES)
        }
        ("GET", "/admin/offices/export.csv") => get(office_admin::export_csv),
        ("GET", "/admin/offices/export.xlsx") => get(office_admin::export_xlsx),
        (method, path) => panic!("route {method} {path} is in the route table but has no handler"),
    }
}

/// The largest request: a progress form with its evidence (each file up to the file store's limit).
/// Other forms keep axum's default limit of two megabytes ([`crate::extract::FORM_BYTES`]).
const EVIDENCE_REQUEST_BYTES: usize = 3 * udbhabon_core::files::MAX_EVIDENCE_BYTES + 64 * 1024;

/// An import: the table file at its largest, and the form around it.
const IMPORT_REQUEST_BYTES: usize = udbhabon_core::TABLE_LIMITS.bytes + 64 * 1024;

/// A route whose body may be up to `bytes` rather than [`crate::extract::FORM_BYTES`]; a larger one is refused with a
/// page that names the size.
fn limited(route: MethodRouter<AppState>, bytes: usize) -> MethodRouter<AppState> {
    route
        .layer::<_, std::convert::Infallible>(axum::extract::DefaultBodyLimit::max(bytes))
        .layer::<_, std::convert::Infallible>(axum::Extension(BodyLimit(bytes)))
        .layer::<_, std::convert::Infallible>(middleware::from_fn(
            move |request: axum::extract::Request, next: middleware::Next| {
                refuse_oversized(bytes, request, next)
            },
        ))
}

/// What is read and dropped of a refused upload at most: beyond it the connection is closed.
const DRAINED_AT_MOST: usize = 256 * 1024 * 1024;

/// Refuses a request that declares a body over `limit` with the page that names the size. The rest of
/// what the browser is sending is read and dropped first: a server that answers and closes while a
/// browser still uploads makes the browser show a connection reset instead of the answer.
async fn refuse_oversized(
    limit: usize,
    request: axum::extract::Request,
    next: middleware::Next,
) -> axum::response::Response {
    let declared = request
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<usize>().ok());
    if declared.is_none_or(|length| length <= limit) {
        return next.run(request).await;
    }
    let lang = crate::lang::reader_lang(request.headers());
    let mut body = request.into_body();
    let mut read = 0;
    while read <= DRAINED_AT_MOST {
        match http_body_util::BodyExt::frame(&mut body).await {
            Some(Ok(frame)) => read += frame.data_ref().map_or(0, |data| data.len()),
            _ => break,
        }
    }
    axum::response::IntoResponse::into_response(PageError::of(lang, PageErrorKind::TooLarge(limit)))
}

/// Anything else: a not-found page in the reader's language.
async fn not_found(ReaderLang(lang): ReaderLang) -> PageError {
    PageError::not_found(lang)
}

/// A handler that panicked answers the internal-error page (and the cause is logged with the request
/// id) instead of dropping the connection.
fn panic_page(cause: Box<dyn std::any::Any + Send + 'static>) -> axum::response::Response {
    let cause = cause
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| cause.downcast_ref::<&str>().copied())
        .unwrap_or("a panic without a message");
    let error = PageError::of(
        udbhabon_i18n::Lang::Bn,
        PageErrorKind::Internal(format!("panic: {cause}")),
    );
    axum::response::IntoResponse::into_response(error)
}

/// Answers in the reader's language what the layers refuse with a bare status: a request past its
/// time (503).
async fn bare_statuses(
    request: axum::extract::Request,
    next: middleware::Next,
) -> axum::response::Response {
    let lang = crate::lang::reader_lang(request.headers());
    let response = next.run(request).await;
    if response
        .headers()
        .contains_key(axum::http::header::CONTENT_TYPE)
    {
        return response;
    }
    let kind = match response.status() {
        StatusCode::SERVICE_UNAVAILABLE => {
            PageErrorKind::Unavailable("the request took longer than its time limit".into())
        }
        _ => return response,
    };
    axum::response::IntoResponse::into_response(PageError::of(lang, kind))
}

/// The whole application: routes from the table, then compression, request ids, tracing, limits and
/// security headers.
pub fn router(state: AppState) -> Router {
    let routes = ROUTES.iter().fold(Router::new(), |router, route| {
        router.route(route.path, handler(route.method, route.path, &state))
    });
    let [csp, nosniff, referrer, frames] = security::headers();
    routes
        .fallback(not_found)
        .layer(CatchPanicLayer::custom(panic_page))
        .layer(middleware::from_fn(ops::observe))
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
                    let request_id = request
                        .headers()
                        .get("x-request-id")
                        .and_then(|value| value.to_str().ok())
                        .unwrap_or("-");
                    tracing::info_span!("request", method = %request.method(), uri = %request.uri(), request_id)
                }))
                .layer(PropagateRequestIdLayer::x_request_id())
                .layer(middleware::from_fn(bare_statuses))
                .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, Duration::from_secs(30)))
                .layer(middleware::from_fn(|request, next| {
                    refuse_oversized(EVIDENCE_REQUEST_BYTES, request, next)
                }))
                .layer(CompressionLayer::new())
                .layer(csp)
                .layer(nosniff)
                .layer(referrer)
                .layer(frames),
        )
        .with_state(state)
}
