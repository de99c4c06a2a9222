//! The route table: every route with its access rule, and the router built from it, so no route can
//! exist without a rule.

use std::time::Duration;

use axum::Router;
use axum::http::StatusCode;
use axum::middleware;
use axum::routing::{MethodFilter, MethodRouter};
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::error::{PageError, PageErrorKind};
use crate::extract::BodyLimit;
use crate::state::AppState;
use udbhabon_domain::account::access::Action;

use crate::account::{notification, password, session};
use crate::admin::{offices, people};
use crate::collection::{board, correction, forward, submission};
use crate::extract::FORM_BYTES;
use crate::innovation::{award, showcase, table};
use crate::meeting::{change, decision, minutes, notice};
use crate::office::memo;
use crate::plan::{assessment, dashboard, progress};
use crate::portal::{bulletin, charter, embed, feedback, service};
use crate::register::{budget, certification, grs, project, renewal, rti, software};
use crate::team::{directory, order};
use crate::{
    account, assets, cache, collection, holiday, home, innovation, lang, limits, meeting, office,
    ops, plan, security, team, training,
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

/// How a route's handler is mounted: on the method the table gives, as `axum::routing::on` would.
type Handler = fn(MethodFilter) -> MethodRouter<AppState>;

/// A route's handler, mounted on the method of its row.
macro_rules! handler {
    ($handler:path) => {
        |filter| axum::routing::on(filter, $handler)
    };
}

/// The largest body a route takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// A form without files: axum's default two megabytes.
    Form,
    /// A table file to import, with the form around it.
    Import,
    /// A form with evidence files (each up to the file store's limit).
    Evidence,
    /// A citizen's message with its one attachment.
    Attachment,
    /// A tutorial's video with its subtitle track, up to the installation's limit.
    Video,
}

impl Body {
    /// The limit in bytes.
    pub fn bytes(self, state: &AppState) -> usize {
        match self {
            Self::Form => FORM_BYTES,
            Self::Import => udbhabon_core::TABLE_LIMITS.bytes + 64 * 1024,
            Self::Evidence => EVIDENCE_REQUEST_BYTES,
            Self::Attachment => udbhabon_core::files::MAX_ATTACHMENT_BYTES + 64 * 1024,
            Self::Video => usize::try_from(state.app.video_bytes_most())
                .unwrap_or(usize::MAX)
                .saturating_add(udbhabon_core::files::MAX_SUBTITLES_BYTES + 64 * 1024),
        }
    }

    /// How long a request may take: a page's 30 seconds, or for a video what its largest takes at one
    /// megabit a second, so that an office on a slow line can still upload one.
    fn time(self, state: &AppState) -> Duration {
        let page = Duration::from_secs(30);
        match self {
            Self::Video => page.max(Duration::from_secs(
                u64::try_from(self.bytes(state)).unwrap_or(u64::MAX) / 125_000,
            )),
            _ => page,
        }
    }
}

/// One route: method, path pattern, access rule, a concrete path to try it with, and its handler.
#[derive(Debug, Clone, Copy)]
pub struct RouteSpec {
    pub method: &'static str,
    pub path: &'static str,
    pub access: Access,
    /// The path with its parameters filled in from the demo data (and the ministry named where a page
    /// would otherwise show the reader's own office).
    pub sample: &'static str,
    /// The largest body it takes.
    pub body: Body,
    /// Whether one address may try it only so often (signing in, asking for a reset link).
    per_address: bool,
    /// Whether what it sends is kept for the reader who asked, until a record or the day changes.
    kept: bool,
    handler: Handler,
}

const GET: &str = "GET";
const POST: &str = "POST";
const PUBLIC: Access = Access::Public;
const SIGNED_IN: Access = Access::SignedIn;
const OPERATIONS: Access = Access::Operations;

const fn may(action: Action) -> Access {
    Access::Allowed(action)
}

const fn route(
    method: &'static str,
    path: &'static str,
    access: Access,
    sample: &'static str,
    handler: Handler,
) -> RouteSpec {
    RouteSpec {
        method,
        path,
        access,
        sample,
        body: Body::Form,
        per_address: false,
        kept: false,
        handler,
    }
}

impl RouteSpec {
    /// A route whose body may be larger than a plain form's.
    const fn taking(self, body: Body) -> Self {
        Self { body, ..self }
    }

    /// A route one address may use only so often (the sign-in rate limit).
    const fn limited_per_address(self) -> Self {
        Self {
            per_address: true,
            ..self
        }
    }

    /// A page or document that depends on nothing but its address, the language, who asks, the
    /// records and the date: what it sends is kept for that reader and sent again until a record
    /// changes or the day does (`cache`).
    const fn kept(self) -> Self {
        Self { kept: true, ..self }
    }

    /// The route as mounted: its handler on its method, within its body limit.
    fn mounted(&self, state: &AppState) -> MethodRouter<AppState> {
        let filter = if self.method == POST {
            MethodFilter::POST
        } else {
            MethodFilter::GET
        };
        let mut mounted = limited((self.handler)(filter), self.body.bytes(state)).layer(
            TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, self.body.time(state)),
        );
        if self.kept {
            mounted = mounted.layer(middleware::map_response(mark_kept));
        }
        if self.per_address {
            limits::per_address(mounted, state.sign_in_limit)
        } else {
            mounted
        }
    }
}

/// Every route udbhabon serves.
pub const ROUTES: &[RouteSpec] = &[
    route(GET, "/", PUBLIC, "/", handler!(home::show)).kept(),
    route(GET, "/offices", PUBLIC, "/offices", handler!(office::list)).kept(),
    route(
        GET,
        "/offices/{key}",
        PUBLIC,
        "/offices/dife",
        handler!(office::show),
    )
    .kept(),
    route(GET, "/team", PUBLIC, "/team", handler!(team::mine)).kept(),
    route(GET, "/teams", PUBLIC, "/teams", handler!(directory::list)).kept(),
    route(
        GET,
        "/teams/{key}",
        PUBLIC,
        "/teams/mole-innovation-team",
        handler!(team::show),
    )
    .kept(),
    route(
        GET,
        "/teams/{key}/order.pdf",
        PUBLIC,
        "/teams/mole-innovation-team/order.pdf",
        handler!(team::order_pdf),
    )
    .kept(),
    route(
        GET,
        "/orders/{id}/pdf",
        PUBLIC,
        "/orders/1/pdf",
        handler!(order::order_pdf),
    )
    .kept(),
    // The first signed-in role allowed to start an order makes draft 1, which the routes after it use.
    route(
        POST,
        "/offices/{key}/team/orders",
        may(Action::ManageTeam),
        "/offices/mole/team/orders",
        handler!(order::start),
    ),
    route(
        GET,
        "/order-drafts/{id}",
        may(Action::ManageTeam),
        "/order-drafts/1",
        handler!(order::show),
    ),
    route(
        POST,
        "/order-drafts/{id}",
        may(Action::ManageTeam),
        "/order-drafts/1",
        handler!(order::save),
    ),
    route(
        GET,
        "/order-drafts/{id}/preview",
        may(Action::ManageTeam),
        "/order-drafts/1/preview",
        handler!(order::preview),
    ),
    route(
        POST,
        "/order-drafts/{id}/issue",
        may(Action::ManageTeam),
        "/order-drafts/1/issue",
        handler!(order::issue),
    ),
    route(
        GET,
        "/dashboard",
        may(Action::ViewOfficeRecords),
        "/dashboard?office=mole",
        handler!(dashboard::show),
    )
    .kept(),
    route(
        GET,
        "/plans",
        may(Action::ViewOfficeRecords),
        "/plans?office=mole",
        handler!(plan::list),
    )
    .kept(),
    route(
        POST,
        "/offices/{key}/plans",
        may(Action::SubmitForOffice),
        "/offices/mole/plans",
        handler!(plan::start),
    ),
    route(
        GET,
        "/plans/{id}",
        may(Action::ViewOfficeRecords),
        "/plans/1",
        handler!(plan::show),
    )
    .kept(),
    route(
        GET,
        "/plans/{id}/plan.xlsx",
        may(Action::ViewOfficeRecords),
        "/plans/1/plan.xlsx",
        handler!(plan::sheet),
    ),
    route(
        GET,
        "/plans/{id}/plan.pdf",
        may(Action::ViewOfficeRecords),
        "/plans/1/plan.pdf",
        handler!(plan::sheet_pdf),
    )
    .kept(),
    route(
        GET,
        "/plans/{id}/versions/{version}",
        may(Action::ViewOfficeRecords),
        "/plans/1/versions/1",
        handler!(plan::version),
    )
    .kept(),
    route(
        GET,
        "/plans/{id}/self-assessment",
        may(Action::ViewOfficeRecords),
        "/plans/1/self-assessment",
        handler!(assessment::show),
    )
    .kept(),
    route(
        GET,
        "/plans/{id}/self-assessment.pdf",
        may(Action::ViewOfficeRecords),
        "/plans/1/self-assessment.pdf",
        handler!(assessment::pdf),
    )
    .kept(),
    route(
        POST,
        "/plans/{id}/self-assessment",
        may(Action::SubmitForOffice),
        "/plans/1/self-assessment",
        handler!(assessment::submit),
    ),
    route(
        POST,
        "/plans/{id}/self-assessment/review",
        may(Action::ReviewSubmission),
        "/plans/2/self-assessment/review",
        handler!(assessment::review),
    ),
    route(
        GET,
        "/plans/{id}/targets",
        may(Action::SubmitForOffice),
        "/plans/1/targets",
        handler!(plan::targets_form),
    ),
    route(
        POST,
        "/plans/{id}/targets",
        may(Action::SubmitForOffice),
        "/plans/1/targets",
        handler!(plan::save_targets),
    ),
    route(
        GET,
        "/plans/{id}/indicators/{indicator}/quarters/{quarter}",
        may(Action::ViewOfficeRecords),
        "/plans/1/indicators/1/quarters/1",
        handler!(progress::show),
    ),
    route(
        POST,
        "/plans/{id}/indicators/{indicator}/quarters/{quarter}",
        may(Action::SubmitForOffice),
        "/plans/1/indicators/1/quarters/1",
        handler!(progress::save),
    )
    .taking(Body::Evidence),
    route(
        POST,
        "/plans/{id}/indicators/{indicator}/quarters/{quarter}/review",
        may(Action::ReviewSubmission),
        "/plans/2/indicators/1/quarters/1/review",
        handler!(progress::review),
    ),
    route(
        POST,
        "/plans/{id}/submit",
        may(Action::SubmitForOffice),
        "/plans/1/submit",
        handler!(progress::submit_plan),
    ),
    route(
        POST,
        "/plans/{id}/decision",
        may(Action::ApproveAndSign),
        "/plans/1/decision",
        handler!(progress::decide_plan),
    ),
    route(
        GET,
        "/plans/{id}/evidence/{file}",
        may(Action::ViewOfficeRecords),
        "/plans/1/evidence/1",
        handler!(progress::evidence),
    ),
    // Every officer sees the collections that concern them: those they run, read or answer.
    route(
        GET,
        "/collections",
        SIGNED_IN,
        "/collections",
        handler!(collection::list),
    )
    .kept(),
    route(
        GET,
        "/offices/{key}/collections/new",
        may(Action::ManageTeam),
        "/offices/mole/collections/new",
        handler!(collection::new),
    ),
    route(
        POST,
        "/offices/{key}/collections",
        may(Action::ManageTeam),
        "/offices/mole/collections",
        handler!(collection::create),
    ),
    route(
        GET,
        "/collections/{key}",
        may(Action::ViewOfficeRecords),
        "/collections/mole-e-filing-return",
        handler!(board::board),
    )
    .kept(),
    // Whoever runs the asking office's collections corrects one nobody has answered and closes one at
    // any time with the reason.
    route(
        GET,
        "/collections/{key}/edit",
        may(Action::ManageTeam),
        "/collections/mole-e-filing-return/edit",
        handler!(correction::edit),
    ),
    route(
        POST,
        "/collections/{key}/edit",
        may(Action::ManageTeam),
        "/collections/mole-e-filing-return/edit",
        handler!(correction::correct),
    ),
    route(
        POST,
        "/collections/{key}/closure",
        may(Action::ManageTeam),
        "/collections/mole-e-filing-return/closure",
        handler!(correction::close),
    ),
    route(
        GET,
        "/collections/{key}/board.xlsx",
        may(Action::ViewOfficeRecords),
        "/collections/mole-e-filing-return/board.xlsx",
        handler!(board::board_xlsx),
    ),
    route(
        GET,
        "/collections/{key}/year",
        may(Action::ViewOfficeRecords),
        "/collections/mole-e-filing-return/year",
        handler!(board::year),
    )
    .kept(),
    route(
        GET,
        "/collections/{key}/periods/{start}/respondents/{id}",
        may(Action::ViewOfficeRecords),
        "/collections/mole-e-filing-return/periods/2026-10-01/respondents/1",
        handler!(submission::show),
    ),
    route(
        POST,
        "/collections/{key}/periods/{start}/respondents/{id}",
        may(Action::SubmitForOffice),
        "/collections/mole-e-filing-return/periods/2026-10-01/respondents/1",
        handler!(submission::submit),
    )
    .taking(Body::Evidence),
    route(
        POST,
        "/collections/{key}/periods/{start}/respondents/{id}/review",
        may(Action::ManageTeam),
        "/collections/mole-e-filing-return/periods/2026-10-01/respondents/1/review",
        handler!(submission::review),
    ),
    // Forwarding as the ministry itself: it gathers for nobody, so the form is refused or told so.
    route(
        POST,
        "/collections/{key}/periods/{start}/forwards",
        may(Action::ManageTeam),
        "/collections/mole-e-filing-return/periods/2026-10-01/forwards",
        handler!(forward::forward),
    ),
    route(
        GET,
        "/collections/{key}/periods/{start}/respondents/{id}/evidence/{file}",
        may(Action::ViewOfficeRecords),
        "/collections/mole-e-filing-return/periods/2026-10-01/respondents/1/evidence/1",
        handler!(submission::evidence),
    ),
    // Every officer lists the innovations of their office and the offices below it, and searches and
    // opens any office's: the database is there for offices to copy from one another.
    route(
        GET,
        "/innovations",
        SIGNED_IN,
        "/innovations",
        handler!(innovation::list),
    )
    .kept(),
    route(
        GET,
        "/innovations/similar",
        SIGNED_IN,
        "/innovations/similar?title=ই-ফাইলিং",
        handler!(innovation::similar),
    ),
    route(
        GET,
        "/offices/{key}/innovations/new",
        may(Action::SubmitForOffice),
        "/offices/mole/innovations/new",
        handler!(innovation::new),
    ),
    route(
        POST,
        "/offices/{key}/innovations",
        may(Action::SubmitForOffice),
        "/offices/mole/innovations",
        handler!(innovation::create),
    ),
    route(
        GET,
        "/offices/{key}/innovations.xlsx",
        may(Action::ViewOfficeRecords),
        "/offices/mole/innovations.xlsx",
        handler!(table::export),
    ),
    route(
        GET,
        "/offices/{key}/innovations/import",
        may(Action::SubmitForOffice),
        "/offices/mole/innovations/import",
        handler!(table::form),
    ),
    route(
        POST,
        "/offices/{key}/innovations/import",
        may(Action::SubmitForOffice),
        "/offices/mole/innovations/import",
        handler!(table::import),
    )
    .taking(Body::Import),
    route(
        GET,
        "/offices/{key}/awards",
        may(Action::ViewOfficeRecords),
        "/offices/mole/awards",
        handler!(award::ranking),
    )
    .kept(),
    // The chief innovation officer confirms the year's winners; the member secretary issues the
    // notice, which is public from then on.
    route(
        POST,
        "/offices/{key}/awards/{year}/confirm",
        may(Action::ApproveAndSign),
        "/offices/mole/awards/2025-26/confirm",
        handler!(award::confirm),
    ),
    route(
        POST,
        "/offices/{key}/awards/{year}/notice",
        may(Action::ManageTeam),
        "/offices/mole/awards/2025-26/notice",
        handler!(award::issue),
    ),
    route(
        GET,
        "/offices/{key}/awards/{year}/notice.pdf",
        PUBLIC,
        "/offices/mole/awards/2025-26/notice.pdf",
        handler!(award::notice_pdf),
    )
    .kept(),
    route(
        GET,
        "/innovations/{id}",
        SIGNED_IN,
        "/innovations/1",
        handler!(innovation::show),
    )
    .kept(),
    // Whoever records an office's innovations corrects what was recorded; the history keeps each change.
    route(
        GET,
        "/innovations/{id}/edit",
        may(Action::SubmitForOffice),
        "/innovations/1/edit",
        handler!(innovation::edit),
    ),
    route(
        POST,
        "/innovations/{id}/edit",
        may(Action::SubmitForOffice),
        "/innovations/1/edit",
        handler!(innovation::correct),
    ),
    route(
        POST,
        "/innovations/{id}/steps",
        may(Action::SubmitForOffice),
        "/innovations/1/steps",
        handler!(innovation::step),
    ),
    // The team runs the showcase; it and the profiles of what is on it are public.
    route(
        POST,
        "/innovations/{id}/showcase",
        may(Action::ManageTeam),
        "/innovations/1/showcase",
        handler!(showcase::choose),
    ),
    route(
        GET,
        "/showcase",
        PUBLIC,
        "/showcase",
        handler!(showcase::list),
    )
    .kept(),
    route(
        GET,
        "/showcase/{id}",
        PUBLIC,
        "/showcase/1",
        handler!(showcase::show),
    )
    .kept(),
    route(
        GET,
        "/innovations/{id}/sheet.pdf",
        PUBLIC,
        "/innovations/1/sheet.pdf",
        handler!(showcase::sheet),
    )
    .kept(),
    route(
        POST,
        "/innovations/{id}/replications",
        may(Action::SubmitForOffice),
        "/innovations/1/replications",
        handler!(innovation::replicate),
    ),
    route(
        GET,
        "/notifications",
        SIGNED_IN,
        "/notifications",
        handler!(notification::list),
    )
    .kept(),
    route(
        GET,
        "/decisions",
        may(Action::ViewOfficeRecords),
        "/decisions?held_by=mole",
        handler!(decision::tracker),
    )
    .kept(),
    route(
        GET,
        "/decisions.csv",
        may(Action::ViewOfficeRecords),
        "/decisions.csv?held_by=mole",
        handler!(decision::tracker_csv),
    ),
    route(
        GET,
        "/decisions.xlsx",
        may(Action::ViewOfficeRecords),
        "/decisions.xlsx?held_by=mole",
        handler!(decision::tracker_xlsx),
    ),
    route(
        GET,
        "/decisions/{id}",
        may(Action::ViewOfficeRecords),
        "/decisions/1",
        handler!(decision::show),
    )
    .kept(),
    route(
        POST,
        "/decisions/{id}/updates",
        may(Action::SubmitForOffice),
        "/decisions/1/updates",
        handler!(decision::report),
    )
    .taking(Body::Evidence),
    route(
        POST,
        "/decisions/{id}/closure",
        may(Action::ManageTeam),
        "/decisions/1/closure",
        handler!(decision::closure),
    ),
    route(
        GET,
        "/decisions/{id}/evidence/{file}",
        may(Action::ViewOfficeRecords),
        "/decisions/1/evidence/1",
        handler!(decision::evidence),
    ),
    route(
        GET,
        "/meetings",
        PUBLIC,
        "/meetings",
        handler!(meeting::list),
    )
    .kept(),
    route(
        GET,
        "/meetings/{key}",
        PUBLIC,
        "/meetings/mole-egov-2022-23-review-1",
        handler!(meeting::show),
    )
    .kept(),
    route(
        GET,
        "/meetings/{key}/minutes.pdf",
        PUBLIC,
        "/meetings/mole-egov-2022-23-review-1/minutes.pdf",
        handler!(meeting::minutes_pdf),
    )
    .kept(),
    route(
        GET,
        "/offices/{key}/meetings/new",
        may(Action::ManageTeam),
        "/offices/mole/meetings/new",
        handler!(notice::new),
    ),
    route(
        POST,
        "/offices/{key}/meetings",
        may(Action::ManageTeam),
        "/offices/mole/meetings",
        handler!(notice::create),
    ),
    route(
        GET,
        "/meetings/{key}/notice",
        may(Action::ManageTeam),
        "/meetings/mole-egov-2026-27-review-2/notice",
        handler!(notice::edit),
    ),
    route(
        POST,
        "/meetings/{key}/notice",
        may(Action::ManageTeam),
        "/meetings/mole-egov-2026-27-review-2/notice",
        handler!(notice::update),
    ),
    route(
        POST,
        "/meetings/{key}/notice/send",
        may(Action::ManageTeam),
        "/meetings/mole-egov-2026-27-review-2/notice/send",
        handler!(notice::send),
    ),
    // After its notice, whoever runs the team postpones or cancels a meeting with a numbered notice.
    route(
        GET,
        "/meetings/{key}/change",
        may(Action::ManageTeam),
        "/meetings/mole-egov-2026-27-review-2/change",
        handler!(change::form),
    ),
    route(
        POST,
        "/meetings/{key}/change",
        may(Action::ManageTeam),
        "/meetings/mole-egov-2026-27-review-2/change",
        handler!(change::change),
    ),
    route(
        GET,
        "/meetings/{key}/changes/{id}/notice.pdf",
        may(Action::ViewOfficeRecords),
        "/meetings/mole-egov-2026-27-review-2/changes/1/notice.pdf",
        handler!(change::notice_pdf),
    ),
    route(
        GET,
        "/meetings/{key}/notice.pdf",
        may(Action::ViewOfficeRecords),
        "/meetings/mole-egov-2026-27-review-2/notice.pdf",
        handler!(notice::notice_pdf),
    )
    .kept(),
    route(
        GET,
        "/meetings/{key}/attendance",
        may(Action::ManageTeam),
        "/meetings/mole-egov-2026-27-review-2/attendance",
        handler!(notice::attendance),
    ),
    route(
        POST,
        "/meetings/{key}/attendance",
        may(Action::ManageTeam),
        "/meetings/mole-egov-2026-27-review-2/attendance",
        handler!(notice::record_attendance),
    ),
    route(
        GET,
        "/meetings/{key}/minutes",
        may(Action::ManageTeam),
        "/meetings/mole-egov-2026-27-review-2/minutes",
        handler!(minutes::form),
    ),
    route(
        POST,
        "/meetings/{key}/minutes",
        may(Action::ManageTeam),
        "/meetings/mole-egov-2026-27-review-2/minutes",
        handler!(minutes::save),
    ),
    route(
        GET,
        "/meetings/{key}/minutes/preview.pdf",
        may(Action::ViewOfficeRecords),
        "/meetings/mole-egov-2026-27-review-2/minutes/preview.pdf",
        handler!(minutes::preview_pdf),
    ),
    route(
        POST,
        "/meetings/{key}/minutes/circulate",
        may(Action::ManageTeam),
        "/meetings/mole-egov-2026-27-review-2/minutes/circulate",
        handler!(minutes::circulate),
    ),
    route(
        POST,
        "/meetings/{key}/minutes/withdraw",
        may(Action::ManageTeam),
        "/meetings/mole-egov-2026-27-review-2/minutes/withdraw",
        handler!(minutes::withdraw),
    ),
    route(
        POST,
        "/meetings/{key}/minutes/approve",
        may(Action::ApproveAndSign),
        "/meetings/mole-egov-2026-27-review-2/minutes/approve",
        handler!(minutes::approve),
    ),
    route(
        POST,
        "/meetings/{key}/minutes/comments",
        may(Action::CommentAsMember),
        "/meetings/mole-egov-2026-27-review-2/minutes/comments",
        handler!(minutes::comment),
    ),
    route(
        POST,
        "/meetings/{key}/minutes/issue",
        may(Action::ManageTeam),
        "/meetings/mole-egov-2026-27-review-2/minutes/issue",
        handler!(minutes::issue),
    ),
    route(
        GET,
        "/calendar/{token}",
        PUBLIC,
        "/calendar/unknown.ics",
        handler!(account::calendar_feed),
    ),
    route(
        GET,
        "/lang/{tag}",
        PUBLIC,
        "/lang/bn",
        handler!(lang::switch),
    ),
    route(
        GET,
        "/static/{file}",
        PUBLIC,
        "/static/missing.css",
        handler!(assets::serve),
    ),
    route(GET, "/health", PUBLIC, "/health", handler!(ops::health)),
    route(
        GET,
        "/metrics",
        OPERATIONS,
        "/metrics",
        handler!(ops::metrics),
    ),
    route(GET, "/login", PUBLIC, "/login", handler!(session::form)),
    route(POST, "/login", PUBLIC, "/login", handler!(session::submit)).limited_per_address(),
    route(
        POST,
        "/logout",
        SIGNED_IN,
        "/logout",
        handler!(session::logout),
    ),
    route(
        POST,
        "/logout/everywhere",
        SIGNED_IN,
        "/logout/everywhere",
        handler!(session::logout_everywhere),
    ),
    route(
        GET,
        "/account",
        SIGNED_IN,
        "/account",
        handler!(account::show),
    ),
    route(
        POST,
        "/account/password",
        SIGNED_IN,
        "/account/password",
        handler!(account::change_password),
    ),
    route(
        POST,
        "/account/mail",
        SIGNED_IN,
        "/account/mail",
        handler!(account::change_mail),
    ),
    route(
        POST,
        "/account/calendar",
        SIGNED_IN,
        "/account/calendar",
        handler!(account::renew_calendar),
    ),
    route(
        GET,
        "/password/forgot",
        PUBLIC,
        "/password/forgot",
        handler!(password::forgot),
    ),
    route(
        POST,
        "/password/forgot",
        PUBLIC,
        "/password/forgot",
        handler!(password::send_link),
    )
    .limited_per_address(),
    route(
        GET,
        "/password/reset/{token}",
        PUBLIC,
        "/password/reset/0000",
        handler!(password::reset_form),
    ),
    route(
        POST,
        "/password/reset/{token}",
        PUBLIC,
        "/password/reset/0000",
        handler!(password::reset),
    ),
    route(GET, "/memos", SIGNED_IN, "/memos", handler!(memo::mine)).kept(),
    route(
        GET,
        "/offices/{key}/memos",
        may(Action::ViewOfficeRecords),
        "/offices/mole/memos",
        handler!(memo::register),
    )
    .kept(),
    route(
        POST,
        "/offices/{key}/memos",
        may(Action::ManageTeam),
        "/offices/mole/memos",
        handler!(memo::take),
    ),
    // The first role allowed opens a file (the demo's fifth), which the routes after it correct and
    // close; for the roles after, the same number is taken and the file closed, and both are refused.
    route(
        POST,
        "/offices/{key}/memo-files",
        may(Action::ManageTeam),
        "/offices/mole/memo-files",
        handler!(memo::open),
    ),
    route(
        POST,
        "/offices/{key}/memo-files/{id}",
        may(Action::ManageTeam),
        "/offices/mole/memo-files/5",
        handler!(memo::save),
    ),
    route(
        POST,
        "/offices/{key}/memo-files/{id}/close",
        may(Action::ManageTeam),
        "/offices/mole/memo-files/5/close",
        handler!(memo::close),
    ),
    // The digital service list: public, kept by the office's focal point or member secretary. The
    // first role allowed adds a service (the list's first), which the routes after correct and remove;
    // for the roles after, the service is gone and both are refused.
    route(
        GET,
        "/offices/{key}/services",
        PUBLIC,
        "/offices/mole/services",
        handler!(service::list),
    )
    .kept(),
    route(
        GET,
        "/offices/{key}/services.csv",
        PUBLIC,
        "/offices/mole/services.csv",
        handler!(service::csv),
    )
    .kept(),
    route(
        GET,
        "/offices/{key}/services.xlsx",
        PUBLIC,
        "/offices/mole/services.xlsx",
        handler!(service::xlsx),
    )
    .kept(),
    route(
        POST,
        "/offices/{key}/services",
        may(Action::SubmitForOffice),
        "/offices/mole/services",
        handler!(service::add),
    ),
    route(
        POST,
        "/offices/{key}/services/{id}",
        may(Action::SubmitForOffice),
        "/offices/mole/services/1",
        handler!(service::save),
    ),
    route(
        POST,
        "/offices/{key}/services/{id}/remove",
        may(Action::SubmitForOffice),
        "/offices/mole/services/1/remove",
        handler!(service::remove),
    ),
    // Trainings: the plan of the year and the trainings held, read with the office's records, kept by
    // those who run its team. The demo training's first participant holds a certificate, so removing
    // them is refused by the page, not the route.
    route(
        GET,
        "/offices/{key}/trainings",
        may(Action::ViewOfficeRecords),
        "/offices/mole/trainings?year=2022-23",
        handler!(training::year),
    )
    .kept(),
    route(
        POST,
        "/offices/{key}/trainings",
        may(Action::ManageTeam),
        "/offices/mole/trainings",
        handler!(training::add),
    ),
    route(
        GET,
        "/offices/{key}/trainings/hours",
        may(Action::ViewOfficeRecords),
        "/offices/mole/trainings/hours?year=2022-23",
        handler!(training::hours::show),
    )
    .kept(),
    route(
        GET,
        "/offices/{key}/trainings/teams",
        may(Action::ViewOfficeRecords),
        "/offices/mole/trainings/teams?year=2022-23",
        handler!(training::teams::show),
    )
    .kept(),
    route(
        POST,
        "/offices/{key}/trainings/courses",
        may(Action::ManageTeam),
        "/offices/mole/trainings/courses?year=2022-23",
        handler!(training::course::add),
    ),
    route(
        POST,
        "/offices/{key}/trainings/courses/{id}",
        may(Action::ManageTeam),
        "/offices/mole/trainings/courses/1",
        handler!(training::course::save),
    ),
    route(
        POST,
        "/offices/{key}/trainings/courses/{id}/remove",
        may(Action::ManageTeam),
        "/offices/mole/trainings/courses/1/remove",
        handler!(training::course::remove),
    ),
    route(
        GET,
        "/trainings/{id}",
        may(Action::ViewOfficeRecords),
        "/trainings/1",
        handler!(training::show),
    )
    .kept(),
    route(
        POST,
        "/trainings/{id}",
        may(Action::ManageTeam),
        "/trainings/1",
        handler!(training::save),
    ),
    route(
        POST,
        "/trainings/{id}/participants",
        may(Action::ManageTeam),
        "/trainings/1/participants",
        handler!(training::add_participants),
    ),
    route(
        POST,
        "/trainings/{id}/participants/{participant}/remove",
        may(Action::ManageTeam),
        "/trainings/1/participants/1/remove",
        handler!(training::remove_participant),
    ),
    route(
        POST,
        "/trainings/{id}/invitation",
        may(Action::ManageTeam),
        "/trainings/1/invitation",
        handler!(training::invitation::issue),
    ),
    route(
        GET,
        "/trainings/{id}/invitation.pdf",
        may(Action::ViewOfficeRecords),
        "/trainings/1/invitation.pdf",
        handler!(training::invitation::pdf),
    )
    .kept(),
    route(
        POST,
        "/trainings/{id}/materials",
        may(Action::ManageTeam),
        "/trainings/1/materials",
        handler!(training::material::add),
    )
    .taking(Body::Evidence),
    route(
        GET,
        "/trainings/{id}/materials/{file}",
        may(Action::ViewOfficeRecords),
        "/trainings/1/materials/1",
        handler!(training::material::download),
    ),
    route(
        POST,
        "/trainings/{id}/materials/{file}/remove",
        may(Action::ManageTeam),
        "/trainings/1/materials/1/remove",
        handler!(training::material::remove),
    ),
    route(
        POST,
        "/trainings/{id}/certificates",
        may(Action::ManageTeam),
        "/trainings/1/certificates",
        handler!(training::certificate::issue),
    ),
    route(
        GET,
        "/trainings/{id}/participants/{participant}/certificate.pdf",
        may(Action::ViewOfficeRecords),
        "/trainings/1/participants/2/certificate.pdf",
        handler!(training::certificate::pdf),
    )
    .kept(),
    // An office's video-tutorial library, read by anyone signed in and kept by those who run its
    // team; each reader marks a tutorial finished for themselves.
    route(
        GET,
        "/offices/{key}/tutorials",
        SIGNED_IN,
        "/offices/mole/tutorials",
        handler!(training::tutorial::library),
    ),
    route(
        POST,
        "/offices/{key}/tutorials",
        may(Action::ManageTeam),
        "/offices/mole/tutorials",
        handler!(training::tutorial::add),
    ),
    route(
        GET,
        "/tutorials/{id}",
        SIGNED_IN,
        "/tutorials/1",
        handler!(training::tutorial::show),
    ),
    route(
        POST,
        "/tutorials/{id}",
        may(Action::ManageTeam),
        "/tutorials/1",
        handler!(training::tutorial::save),
    ),
    route(
        GET,
        "/tutorials/{id}/video",
        SIGNED_IN,
        "/tutorials/1/video",
        handler!(training::tutorial::video),
    ),
    route(
        POST,
        "/tutorials/{id}/video",
        may(Action::ManageTeam),
        "/tutorials/1/video",
        handler!(training::tutorial::upload),
    )
    .taking(Body::Video),
    route(
        GET,
        "/tutorials/{id}/subtitles.vtt",
        SIGNED_IN,
        "/tutorials/1/subtitles.vtt",
        handler!(training::tutorial::subtitles),
    ),
    route(
        POST,
        "/tutorials/{id}/finished",
        SIGNED_IN,
        "/tutorials/1/finished",
        handler!(training::tutorial::finish),
    ),
    // Anyone checks a certificate by the code printed on it.
    route(
        GET,
        "/certificates",
        PUBLIC,
        "/certificates?code=ABCDE-23456",
        handler!(training::certificate::check),
    )
    .kept(),
    route(
        POST,
        "/trainings/{id}/attendance",
        may(Action::ManageTeam),
        "/trainings/1/attendance",
        handler!(training::attendance),
    ),
    // Citizens' ideas and feedback: sent without an account (with the form's cookie token, so often
    // per address, with a photo or PDF), looked up by tracking code; answered and published by the
    // office's focal point, who alone opens an attachment.
    route(
        GET,
        "/offices/{key}/feedback",
        PUBLIC,
        "/offices/mole/feedback",
        handler!(feedback::form),
    ),
    route(
        POST,
        "/offices/{key}/feedback",
        PUBLIC,
        "/offices/mole/feedback",
        handler!(feedback::send),
    )
    .taking(Body::Attachment)
    .limited_per_address(),
    route(
        GET,
        "/feedback/track",
        PUBLIC,
        "/feedback/track",
        handler!(feedback::track),
    ),
    route(
        GET,
        "/offices/{key}/feedback/inbox",
        may(Action::SubmitForOffice),
        "/offices/mole/feedback/inbox",
        handler!(feedback::inbox),
    ),
    route(
        POST,
        "/offices/{key}/feedback/{id}/answer",
        may(Action::SubmitForOffice),
        "/offices/mole/feedback/1/answer",
        handler!(feedback::answer),
    ),
    route(
        POST,
        "/offices/{key}/feedback/{id}/take-up",
        may(Action::SubmitForOffice),
        "/offices/mole/feedback/1/take-up",
        handler!(feedback::take_up),
    ),
    route(
        GET,
        "/offices/{key}/feedback/{id}/attachment",
        may(Action::SubmitForOffice),
        "/offices/mole/feedback/1/attachment",
        handler!(feedback::attachment),
    ),
    // Sections the office's own website frames, and how to frame them.
    route(
        GET,
        "/offices/{key}/embed",
        PUBLIC,
        "/offices/mole/embed",
        handler!(embed::guide),
    )
    .kept(),
    route(
        GET,
        "/offices/{key}/embed/{section}",
        PUBLIC,
        "/offices/mole/embed/charter",
        handler!(embed::section),
    )
    .kept(),
    // The notice board: everything the office has published, and its feed.
    route(
        GET,
        "/offices/{key}/notices",
        PUBLIC,
        "/offices/mole/notices",
        handler!(bulletin::show),
    )
    .kept(),
    route(
        GET,
        "/offices/{key}/notices.atom",
        PUBLIC,
        "/offices/mole/notices.atom",
        handler!(bulletin::feed),
    )
    .kept(),
    // The citizen charter: public once published; drafted by the office's focal point or member
    // secretary, approved by its Chief Innovation Officer. The first role allowed starts a version,
    // which the routes after it find incomplete and refuse to send or approve.
    route(
        GET,
        "/offices/{key}/charter",
        PUBLIC,
        "/offices/mole/charter",
        handler!(charter::show),
    )
    .kept(),
    route(
        GET,
        "/offices/{key}/charter.pdf",
        PUBLIC,
        "/offices/mole/charter.pdf",
        handler!(charter::pdf),
    )
    .kept(),
    route(
        GET,
        "/offices/{key}/charter/draft",
        may(Action::ViewOfficeRecords),
        "/offices/mole/charter/draft",
        handler!(charter::draft),
    ),
    route(
        GET,
        "/offices/{key}/charters",
        may(Action::ViewOfficeRecords),
        "/offices/mole/charters",
        handler!(charter::watch),
    )
    .kept(),
    route(
        POST,
        "/offices/{key}/charter/draft",
        may(Action::SubmitForOffice),
        "/offices/mole/charter/draft",
        handler!(charter::start),
    ),
    route(
        POST,
        "/offices/{key}/charter/overview",
        may(Action::SubmitForOffice),
        "/offices/mole/charter/overview",
        handler!(charter::overview),
    ),
    route(
        POST,
        "/offices/{key}/charter/services",
        may(Action::SubmitForOffice),
        "/offices/mole/charter/services",
        handler!(charter::add_service),
    ),
    route(
        POST,
        "/offices/{key}/charter/services/{service}",
        may(Action::SubmitForOffice),
        "/offices/mole/charter/services/1",
        handler!(charter::save_service),
    ),
    route(
        POST,
        "/offices/{key}/charter/services/{service}/remove",
        may(Action::SubmitForOffice),
        "/offices/mole/charter/services/1/remove",
        handler!(charter::remove_service),
    ),
    route(
        POST,
        "/offices/{key}/charter/submit",
        may(Action::SubmitForOffice),
        "/offices/mole/charter/submit",
        handler!(charter::submit),
    ),
    route(
        POST,
        "/offices/{key}/charter/return",
        may(Action::ApproveAndSign),
        "/offices/mole/charter/return",
        handler!(charter::send_back),
    ),
    route(
        POST,
        "/offices/{key}/charter/approve",
        may(Action::ApproveAndSign),
        "/offices/mole/charter/approve",
        handler!(charter::approve),
    ),
    route(
        GET,
        "/admin/people",
        may(Action::Administer),
        "/admin/people",
        handler!(people::people),
    ),
    route(
        GET,
        "/admin/people/new",
        may(Action::Administer),
        "/admin/people/new",
        handler!(people::new_person),
    ),
    route(
        POST,
        "/admin/people",
        may(Action::Administer),
        "/admin/people",
        handler!(people::create_person),
    ),
    route(
        GET,
        "/admin/people/{id}",
        may(Action::Administer),
        "/admin/people/1",
        handler!(people::person),
    ),
    route(
        POST,
        "/admin/people/{id}/postings",
        may(Action::Administer),
        "/admin/people/1/postings",
        handler!(people::add_posting),
    ),
    route(
        POST,
        "/admin/people/{id}/account",
        may(Action::Administer),
        "/admin/people/1/account",
        handler!(people::open_account),
    ),
    route(
        POST,
        "/admin/accounts/{id}/grants",
        may(Action::Administer),
        "/admin/accounts/1/grants",
        handler!(people::grant),
    ),
    route(
        POST,
        "/admin/grants/{id}/revoke",
        may(Action::Administer),
        "/admin/grants/8/revoke",
        handler!(people::revoke),
    ),
    route(
        GET,
        "/admin/posts",
        may(Action::Administer),
        "/admin/posts",
        handler!(people::posts),
    ),
    route(
        POST,
        "/admin/posts",
        may(Action::Administer),
        "/admin/posts",
        handler!(people::create_post),
    ),
    route(
        GET,
        "/admin/offices",
        may(Action::Administer),
        "/admin/offices",
        handler!(offices::list),
    ),
    route(
        POST,
        "/admin/offices",
        may(Action::Administer),
        "/admin/offices",
        handler!(offices::create),
    ),
    route(
        POST,
        "/admin/units",
        may(Action::Administer),
        "/admin/units",
        handler!(offices::create_unit),
    ),
    route(
        POST,
        "/admin/offices/import",
        may(Action::Administer),
        "/admin/offices/import",
        handler!(offices::import),
    )
    .taking(Body::Import),
    route(
        GET,
        "/admin/offices/export.csv",
        may(Action::Administer),
        "/admin/offices/export.csv",
        handler!(offices::export_csv),
    ),
    route(
        GET,
        "/admin/offices/export.xlsx",
        may(Action::Administer),
        "/admin/offices/export.xlsx",
        handler!(offices::export_xlsx),
    ),
    // An office's software register, read with its records (where a system runs and the data it holds
    // are not published), kept by those who run its team.
    route(
        GET,
        "/offices/{key}/software",
        may(Action::ViewOfficeRecords),
        "/offices/mole/software",
        handler!(software::list),
    ),
    route(
        POST,
        "/offices/{key}/software",
        may(Action::ManageTeam),
        "/offices/mole/software",
        handler!(software::add),
    ),
    route(
        GET,
        "/offices/{key}/software/export.xlsx",
        may(Action::ViewOfficeRecords),
        "/offices/mole/software/export.xlsx",
        handler!(software::export_xlsx),
    ),
    route(
        GET,
        "/offices/{key}/software/export.csv",
        may(Action::ViewOfficeRecords),
        "/offices/mole/software/export.csv",
        handler!(software::export_csv),
    ),
    route(
        GET,
        "/software/{id}",
        may(Action::ViewOfficeRecords),
        "/software/1",
        handler!(software::show),
    ),
    route(
        POST,
        "/software/{id}",
        may(Action::ManageTeam),
        "/software/1",
        handler!(software::save),
    ),
    route(
        POST,
        "/software/{id}/handover",
        may(Action::ManageTeam),
        "/software/1/handover",
        handler!(software::handover),
    ),
    route(
        POST,
        "/software/{id}/renewals",
        may(Action::ManageTeam),
        "/software/2/renewals",
        handler!(renewal::add),
    ),
    route(
        POST,
        "/software/{id}/renewals/{renewal}/renew",
        may(Action::ManageTeam),
        "/software/2/renewals/2/renew",
        handler!(renewal::renew),
    ),
    route(
        POST,
        "/software/{id}/renewals/{renewal}/remove",
        may(Action::ManageTeam),
        "/software/2/renewals/1/remove",
        handler!(renewal::remove),
    ),
    route(
        POST,
        "/software/{id}/certifications",
        may(Action::ManageTeam),
        "/software/1/certifications",
        handler!(certification::add),
    )
    .taking(Body::Evidence),
    route(
        GET,
        "/software/{id}/certifications/{certification}/file",
        may(Action::ViewOfficeRecords),
        "/software/1/certifications/1/file",
        handler!(certification::file),
    ),
    route(
        POST,
        "/software/{id}/certifications/{certification}/findings",
        may(Action::ManageTeam),
        "/software/1/certifications/1/findings",
        handler!(certification::add_finding),
    ),
    route(
        POST,
        "/software/{id}/findings/{finding}/close",
        may(Action::ManageTeam),
        "/software/1/findings/1/close",
        handler!(certification::close_finding),
    ),
    // An office's ICT projects, read with its records, kept by those who run its team.
    route(
        GET,
        "/offices/{key}/projects",
        may(Action::ViewOfficeRecords),
        "/offices/mole/projects",
        handler!(project::list),
    ),
    route(
        POST,
        "/offices/{key}/projects",
        may(Action::ManageTeam),
        "/offices/mole/projects",
        handler!(project::add),
    ),
    route(
        POST,
        "/offices/{key}/projects/import",
        may(Action::ManageTeam),
        "/offices/mole/projects/import",
        handler!(project::import),
    )
    .taking(Body::Import),
    route(
        GET,
        "/offices/{key}/projects/export.xlsx",
        may(Action::ViewOfficeRecords),
        "/offices/mole/projects/export.xlsx",
        handler!(project::export_xlsx),
    ),
    route(
        GET,
        "/offices/{key}/projects/export.csv",
        may(Action::ViewOfficeRecords),
        "/offices/mole/projects/export.csv",
        handler!(project::export_csv),
    ),
    route(
        GET,
        "/projects/{id}",
        may(Action::ViewOfficeRecords),
        "/projects/1",
        handler!(project::show),
    ),
    route(
        POST,
        "/projects/{id}",
        may(Action::ManageTeam),
        "/projects/1",
        handler!(project::save),
    ),
    route(
        POST,
        "/projects/{id}/milestones",
        may(Action::ManageTeam),
        "/projects/1/milestones",
        handler!(project::add_milestone),
    ),
    route(
        POST,
        "/projects/{id}/milestones/{milestone}/reached",
        may(Action::ManageTeam),
        "/projects/1/milestones/1/reached",
        handler!(project::reach),
    ),
    // An office's ICT budget, read with its records, kept by those who run its team.
    route(
        GET,
        "/offices/{key}/budget",
        may(Action::ViewOfficeRecords),
        "/offices/mole/budget",
        handler!(budget::list),
    ),
    route(
        POST,
        "/offices/{key}/budget",
        may(Action::ManageTeam),
        "/offices/mole/budget",
        handler!(budget::add),
    ),
    route(
        GET,
        "/offices/{key}/budget/export.xlsx",
        may(Action::ViewOfficeRecords),
        "/offices/mole/budget/export.xlsx",
        handler!(budget::export_xlsx),
    ),
    route(
        GET,
        "/offices/{key}/budget/export.csv",
        may(Action::ViewOfficeRecords),
        "/offices/mole/budget/export.csv",
        handler!(budget::export_csv),
    ),
    route(
        POST,
        "/offices/{key}/budget/import",
        may(Action::ManageTeam),
        "/offices/mole/budget/import",
        handler!(budget::import),
    )
    .taking(Body::Import),
    route(
        GET,
        "/budget/{id}",
        may(Action::ViewOfficeRecords),
        "/budget/1",
        handler!(budget::show),
    ),
    route(
        POST,
        "/budget/{id}",
        may(Action::ManageTeam),
        "/budget/1",
        handler!(budget::save),
    ),
    route(
        POST,
        "/budget/{id}/spending",
        may(Action::ManageTeam),
        "/budget/1/spending",
        handler!(budget::spend),
    ),
    route(
        POST,
        "/offices/{key}/budget/{id}/remove",
        may(Action::ManageTeam),
        "/offices/mole/budget/3/remove",
        handler!(budget::remove),
    ),
    // An office's grievance redress, read with its records (the officers are also on its public page),
    // its officers named by those who run its team.
    route(
        GET,
        "/offices/{key}/grs",
        may(Action::ViewOfficeRecords),
        "/offices/mole/grs",
        handler!(grs::show),
    ),
    route(
        GET,
        "/offices/{key}/grs/export.xlsx",
        may(Action::ViewOfficeRecords),
        "/offices/mole/grs/export.xlsx",
        handler!(grs::export_xlsx),
    ),
    route(
        GET,
        "/offices/{key}/grs/export.csv",
        may(Action::ViewOfficeRecords),
        "/offices/mole/grs/export.csv",
        handler!(grs::export_csv),
    ),
    route(
        POST,
        "/offices/{key}/grs/officers",
        may(Action::ManageTeam),
        "/offices/mole/grs/officers",
        handler!(grs::set_officer),
    ),
    route(
        POST,
        "/offices/{key}/grs/officers/remove",
        may(Action::ManageTeam),
        "/offices/mole/grs/officers/remove",
        handler!(grs::remove_officer),
    ),
    // The RTI register, read with the office's records (applicants' names and contacts are not
    // published), kept by those who run its team.
    route(
        GET,
        "/offices/{key}/rti",
        may(Action::ViewOfficeRecords),
        "/offices/mole/rti?year=2026-27",
        handler!(rti::year),
    ),
    route(
        POST,
        "/offices/{key}/rti",
        may(Action::ManageTeam),
        "/offices/mole/rti",
        handler!(rti::add),
    ),
    route(
        POST,
        "/offices/{key}/rti/officers",
        may(Action::ManageTeam),
        "/offices/mole/rti/officers",
        handler!(rti::set_officer),
    ),
    route(
        POST,
        "/offices/{key}/rti/officers/remove",
        may(Action::ManageTeam),
        "/offices/mole/rti/officers/remove",
        handler!(rti::remove_officer),
    ),
    route(
        POST,
        "/offices/{key}/rti/disclosures",
        may(Action::ManageTeam),
        "/offices/mole/rti/disclosures",
        handler!(rti::disclosure::add),
    ),
    route(
        POST,
        "/offices/{key}/rti/disclosures/{id}",
        may(Action::ManageTeam),
        "/offices/mole/rti/disclosures/1",
        handler!(rti::disclosure::save),
    ),
    route(
        POST,
        "/offices/{key}/rti/disclosures/{id}/remove",
        may(Action::ManageTeam),
        "/offices/mole/rti/disclosures/1/remove",
        handler!(rti::disclosure::remove),
    ),
    route(
        GET,
        "/offices/{key}/rti/report.pdf",
        may(Action::ViewOfficeRecords),
        "/offices/mole/rti/report.pdf?year=2026-27",
        handler!(rti::report),
    ),
    route(
        GET,
        "/offices/{key}/rti/export.xlsx",
        may(Action::ViewOfficeRecords),
        "/offices/mole/rti/export.xlsx?year=2026-27",
        handler!(rti::export_xlsx),
    ),
    route(
        GET,
        "/offices/{key}/rti/export.csv",
        may(Action::ViewOfficeRecords),
        "/offices/mole/rti/export.csv?year=2026-27",
        handler!(rti::export_csv),
    ),
    route(
        GET,
        "/rti/{id}",
        may(Action::ViewOfficeRecords),
        "/rti/1",
        handler!(rti::show),
    ),
    route(
        POST,
        "/rti/{id}/answer",
        may(Action::ManageTeam),
        "/rti/1/answer",
        handler!(rti::answer),
    ),
    route(
        POST,
        "/rti/{id}/appeal",
        may(Action::ManageTeam),
        "/rti/1/appeal",
        handler!(rti::appeal),
    ),
    route(
        POST,
        "/rti/{id}/complaint",
        may(Action::ManageTeam),
        "/rti/1/complaint",
        handler!(rti::complaint),
    ),
    // The holiday calendar: anyone reads a year and counts working days; the administrator keeps it.
    route(
        GET,
        "/holidays",
        PUBLIC,
        "/holidays?year=2026&from=15-12-2026&days=3",
        handler!(holiday::year),
    )
    .kept(),
    route(
        GET,
        "/holidays/export.xlsx",
        PUBLIC,
        "/holidays/export.xlsx?year=2026",
        handler!(holiday::export_xlsx),
    ),
    route(
        GET,
        "/holidays/export.csv",
        PUBLIC,
        "/holidays/export.csv?year=2026",
        handler!(holiday::export_csv),
    ),
    route(
        POST,
        "/holidays",
        may(Action::Administer),
        "/holidays",
        handler!(holiday::add),
    ),
    route(
        POST,
        "/holidays/fixed",
        may(Action::Administer),
        "/holidays/fixed",
        handler!(holiday::add_fixed),
    ),
    route(
        POST,
        "/holidays/import",
        may(Action::Administer),
        "/holidays/import",
        handler!(holiday::import),
    )
    .taking(Body::Import),
    route(
        POST,
        "/holidays/{id}",
        may(Action::Administer),
        "/holidays/1",
        handler!(holiday::save),
    ),
    route(
        POST,
        "/holidays/{id}/remove",
        may(Action::Administer),
        "/holidays/1/remove",
        handler!(holiday::remove),
    ),
];

/// The largest request: a progress form with its evidence (each file up to the file store's limit).
const EVIDENCE_REQUEST_BYTES: usize = 3 * udbhabon_core::files::MAX_EVIDENCE_BYTES + 64 * 1024;

/// A route whose body may be up to `bytes`; a larger one is refused with a page that names the size.
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
    let mut body = request.into_body();
    let mut read = 0;
    while read <= DRAINED_AT_MOST {
        match http_body_util::BodyExt::frame(&mut body).await {
            Some(Ok(frame)) => read += frame.data_ref().map_or(0, |data| data.len()),
            _ => break,
        }
    }
    axum::response::IntoResponse::into_response(PageError::of(PageErrorKind::TooLarge(limit)))
}

async fn mark_kept(mut response: axum::response::Response) -> axum::response::Response {
    response.extensions_mut().insert(cache::Kept);
    response
}

/// Anything else: a not-found page.
async fn not_found() -> PageError {
    PageError::not_found()
}

/// A handler that panicked answers the internal-error page (the cause is logged with the request id)
/// instead of dropping the connection.
fn panic_page(cause: Box<dyn std::any::Any + Send + 'static>) -> axum::response::Response {
    let cause = cause
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| cause.downcast_ref::<&str>().copied())
        .unwrap_or("a panic without a message");
    tracing::error!(%cause, "a handler panicked");
    axum::response::IntoResponse::into_response(PageError::of(PageErrorKind::Internal))
}

/// The whole application: routes from the table, then compression, request ids, tracing, limits and
/// security headers.
pub fn router(state: AppState) -> Router {
    let routes = ROUTES.iter().fold(Router::new(), |router, route| {
        router.route(route.path, route.mounted(&state))
    });
    let ([csp, nosniff, referrer], frames) = security::headers();
    let largest = Body::Video.bytes(&state).max(EVIDENCE_REQUEST_BYTES);
    routes
        .fallback(not_found)
        .layer(CatchPanicLayer::custom(panic_page))
        .layer(middleware::from_fn(move |request, next| {
            refuse_oversized(largest, request, next)
        }))
        // Every error answered inside is rendered here, where the request's language and reader are
        // known; the request id and the page it came from are in scope from `observe`.
        .layer(middleware::from_fn_with_state(state.clone(), crate::error::render))
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
                // Outside compression, so that a kept page is kept compressed.
                .layer(middleware::from_fn_with_state(state.clone(), cache::serve))
                // A video is compressed already; gzip would only spend the processor on it.
                .layer(CompressionLayer::new().compress_when(
                    DefaultPredicate::new().and(NotForContentType::const_new("video/")),
                ))
                .layer(csp)
                .layer(nosniff)
                .layer(referrer)
                .layer(frames),
        )
        .with_state(state)
}
