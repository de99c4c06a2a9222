//! Error pages: what went wrong, with its status, in the reader's language and with a way back. A
//! handler or an extractor answers a [`PageError`] (a handler writes `?` on the application's errors);
//! the [`render`] middleware, which knows the request, turns it into the page. Internal causes are
//! logged once, with the request id, and never shown.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use udbhabon_core::Error;
use udbhabon_domain::ValidationErrors;
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{SESSION_COOKIE, Visitor};
use crate::form::field_messages;
use crate::lang::reader_lang;
use crate::layout::Layout;
use crate::state::AppState;

/// A failed request, to be answered with an error page.
#[derive(Debug, Clone)]
pub(crate) struct PageError(PageErrorKind);

#[derive(Debug, Clone)]
pub(crate) enum PageErrorKind {
    NotFound,
    /// A value in the address or a malformed body the page cannot use; the message key says which.
    BadInput(&'static str),
    /// A form refused as a whole (a control character, a body that is not the form); the key says why.
    Refused(&'static str),
    /// Input the application refused, with no form to show it beside.
    Invalid(ValidationErrors),
    /// Someone changed or issued the record after the reader opened it.
    Conflict,
    /// A request body over the limit of its route, in bytes.
    TooLarge(usize),
    /// PDFs cannot be made on this server (no Bengali font).
    NoFonts,
    /// The reader may not do this; nothing about the record is revealed.
    Forbidden,
    /// A form came back without its token (expired, or posted from elsewhere).
    StaleForm,
    /// Too many attempts from this address.
    TooMany,
    /// The database or the mail server cannot serve the request now; trying again may succeed.
    Unavailable,
    Internal,
}

#[derive(Template, WebTemplate)]
#[template(path = "error.html")]
struct ErrorPage {
    l: Layout,
    heading: String,
    message: String,
    details: Vec<String>,
    /// The page the form was sent from, for trying again.
    back: Option<String>,
}

/// How long a reader is asked to wait before trying a busy server again, in seconds.
const RETRY_AFTER_SECONDS: &str = "5";

impl From<Error> for PageError {
    fn from(error: Error) -> Self {
        Self(match error {
            Error::NotFound(_) => PageErrorKind::NotFound,
            Error::Forbidden => PageErrorKind::Forbidden,
            Error::NoFonts(_) => {
                tracing::error!("a PDF was requested but no Bengali font is installed");
                PageErrorKind::NoFonts
            }
            Error::Invalid(errors) => PageErrorKind::Invalid(errors),
            Error::Conflict(cause) => {
                tracing::info!(%cause, "a change conflicted with a newer one");
                PageErrorKind::Conflict
            }
            Error::Unavailable(cause) => {
                tracing::warn!(%cause, "a request found the database or mail server unavailable");
                PageErrorKind::Unavailable
            }
            other => {
                tracing::error!(cause = %other, "request failed");
                PageErrorKind::Internal
            }
        })
    }
}

impl PageError {
    pub(crate) fn of(kind: PageErrorKind) -> Self {
        Self(kind)
    }

    pub(crate) fn stale_form() -> Self {
        Self(PageErrorKind::StaleForm)
    }

    pub(crate) fn too_many() -> Self {
        Self(PageErrorKind::TooMany)
    }

    pub(crate) fn bad_input(message_key: &'static str) -> Self {
        Self(PageErrorKind::BadInput(message_key))
    }

    pub(crate) fn refused(message_key: &'static str) -> Self {
        Self(PageErrorKind::Refused(message_key))
    }

    pub(crate) fn not_found() -> Self {
        Self(PageErrorKind::NotFound)
    }
}

impl PageErrorKind {
    fn status(&self) -> StatusCode {
        match self {
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::BadInput(_) => StatusCode::BAD_REQUEST,
            Self::Refused(_) | Self::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Conflict => StatusCode::CONFLICT,
            Self::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Forbidden | Self::StaleForm => StatusCode::FORBIDDEN,
            Self::TooMany => StatusCode::TOO_MANY_REQUESTS,
            Self::NoFonts | Self::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The heading, message and details of the page in `lang`.
    fn words(&self, lang: Lang) -> (String, String, Vec<String>) {
        let plain = |title: &str, message: &str| (t(lang, title), t(lang, message), Vec::new());
        match self {
            Self::NotFound => plain("error-not-found-title", "error-not-found"),
            Self::BadInput(key) | Self::Refused(key) => plain("error-bad-input-title", key),
            Self::Invalid(errors) => {
                let mut messages: Vec<String> = field_messages(lang, errors)
                    .into_iter()
                    .map(|(_, message)| message)
                    .collect();
                let heading = t(lang, "error-bad-input-title");
                if messages.len() == 1 {
                    (heading, messages.remove(0), Vec::new())
                } else {
                    (heading, t(lang, "error-bad-input"), messages)
                }
            }
            Self::Conflict => plain("error-conflict-title", "error-conflict"),
            Self::TooLarge(limit) => (
                t(lang, "error-too-large-title"),
                t_args(
                    lang,
                    "error-too-large",
                    &[("size", format::megabytes(lang, *limit))],
                ),
                Vec::new(),
            ),
            Self::Forbidden => plain("error-forbidden-title", "error-forbidden"),
            Self::StaleForm => plain("error-stale-form-title", "error-stale-form"),
            Self::TooMany => plain("error-too-many-title", "error-too-many"),
            Self::NoFonts => plain("error-no-fonts-title", "error-no-fonts"),
            Self::Unavailable => plain("error-unavailable-title", "error-unavailable"),
            Self::Internal => (
                t(lang, "error-internal-title"),
                t_args(
                    lang,
                    "error-internal",
                    &[("request", crate::ops::current_request_id())],
                ),
                Vec::new(),
            ),
        }
    }
}

/// An error answered and not yet rendered: the response carries it to [`render`].
#[derive(Debug, Clone)]
struct Unrendered(PageErrorKind);

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let mut response = self.0.status().into_response();
        response.extensions_mut().insert(Unrendered(self.0));
        response
    }
}

/// Renders the error a response carries as its page, in the reader's language and with the header of
/// whoever is signed in; a bare refusal of the layers (a request past its time, 503) gets its page too.
pub(crate) async fn render(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let lang = reader_lang(request.headers());
    let session = CookieJar::from_headers(request.headers())
        .get(SESSION_COOKIE)
        .map(|cookie| cookie.value().to_owned());
    let mut response = next.run(request).await;
    let kind = match response.extensions_mut().remove::<Unrendered>() {
        Some(Unrendered(kind)) => kind,
        None if response.status() == StatusCode::SERVICE_UNAVAILABLE
            && !response.headers().contains_key(header::CONTENT_TYPE) =>
        {
            tracing::warn!("a request took longer than its time limit");
            PageErrorKind::Unavailable
        }
        None => return response,
    };
    let visitor = match session {
        Some(token) => state.app.signed_in(&token, None).await.ok().flatten(),
        None => None,
    };
    let status = kind.status();
    let (heading, message, details) = kind.words(lang);
    let page = ErrorPage {
        l: Layout::new(
            lang,
            &Visitor(visitor),
            heading.clone(),
            "",
            "/",
            state.app.today(),
        ),
        heading,
        message,
        details,
        back: matches!(
            status,
            StatusCode::CONFLICT
                | StatusCode::BAD_REQUEST
                | StatusCode::UNPROCESSABLE_ENTITY
                | StatusCode::PAYLOAD_TOO_LARGE
                | StatusCode::SERVICE_UNAVAILABLE
        )
        .then(crate::ops::current_referer)
        .flatten(),
    };
    let mut rendered = (status, page).into_response();
    if status == StatusCode::SERVICE_UNAVAILABLE {
        rendered.headers_mut().insert(
            header::RETRY_AFTER,
            HeaderValue::from_static(RETRY_AFTER_SECONDS),
        );
    }
    rendered
}
