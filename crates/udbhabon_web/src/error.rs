//! Error pages: what went wrong in the reader's language, with its status and a way back; internal
//! causes are logged, once, with the request id, and never shown.

use askama::Template;
use askama_web::WebTemplate;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use udbhabon_core::Error;
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::Visitor;
use crate::form::field_messages;
use crate::layout::Layout;

/// A failed page request, rendered as an error page.
#[derive(Debug)]
pub(crate) struct PageError {
    pub(crate) lang: Lang,
    pub(crate) kind: PageErrorKind,
}

#[derive(Debug)]
pub(crate) enum PageErrorKind {
    NotFound,
    /// A value in the address or a malformed body the page cannot use; the message key says which.
    BadInput(&'static str),
    /// Input the application refused, with no form to show it beside: each message.
    Invalid(Vec<String>),
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
    Unavailable(String),
    Internal(String),
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

impl PageError {
    pub(crate) fn new(lang: Lang, error: Error) -> Self {
        let kind = match error {
            Error::NotFound(_) => PageErrorKind::NotFound,
            Error::Forbidden => PageErrorKind::Forbidden,
            Error::NoFonts(_) => PageErrorKind::NoFonts,
            Error::Invalid(errors) => PageErrorKind::Invalid(
                field_messages(lang, &errors)
                    .into_iter()
                    .map(|(_, message)| message)
                    .collect(),
            ),
            Error::Conflict(cause) => {
                tracing::info!(%cause, "a change conflicted with a newer one");
                PageErrorKind::Conflict
            }
            Error::Unavailable(cause) => PageErrorKind::Unavailable(cause),
            other => PageErrorKind::Internal(other.to_string()),
        };
        Self { lang, kind }
    }

    pub(crate) fn of(lang: Lang, kind: PageErrorKind) -> Self {
        Self { lang, kind }
    }

    pub(crate) fn stale_form(lang: Lang) -> Self {
        Self::of(lang, PageErrorKind::StaleForm)
    }

    pub(crate) fn too_many(lang: Lang) -> Self {
        Self::of(lang, PageErrorKind::TooMany)
    }

    pub(crate) fn bad_input(lang: Lang, message_key: &'static str) -> Self {
        Self::of(lang, PageErrorKind::BadInput(message_key))
    }

    pub(crate) fn not_found(lang: Lang) -> Self {
        Self::of(lang, PageErrorKind::NotFound)
    }

    /// The status, heading, message and details of the page.
    fn parts(self) -> (StatusCode, String, String, Vec<String>) {
        let lang = self.lang;
        let plain = |status, title: &str, message: &str| {
            (status, t(lang, title), t(lang, message), Vec::new())
        };
        match self.kind {
            PageErrorKind::NotFound => plain(
                StatusCode::NOT_FOUND,
                "error-not-found-title",
                "error-not-found",
            ),
            PageErrorKind::BadInput(key) => {
                plain(StatusCode::BAD_REQUEST, "error-bad-input-title", key)
            }
            PageErrorKind::Invalid(mut messages) => {
                let heading = t(lang, "error-bad-input-title");
                if messages.len() == 1 {
                    (
                        StatusCode::UNPROCESSABLE_ENTITY,
                        heading,
                        messages.remove(0),
                        Vec::new(),
                    )
                } else {
                    (
                        StatusCode::UNPROCESSABLE_ENTITY,
                        heading,
                        t(lang, "error-bad-input"),
                        messages,
                    )
                }
            }
            PageErrorKind::Conflict => plain(
                StatusCode::CONFLICT,
                "error-conflict-title",
                "error-conflict",
            ),
            PageErrorKind::TooLarge(limit) => (
                StatusCode::PAYLOAD_TOO_LARGE,
                t(lang, "error-too-large-title"),
                t_args(
                    lang,
                    "error-too-large",
                    &[("size", format::megabytes(lang, limit))],
                ),
                Vec::new(),
            ),
            PageErrorKind::Forbidden => plain(
                StatusCode::FORBIDDEN,
                "error-forbidden-title",
                "error-forbidden",
            ),
            PageErrorKind::StaleForm => plain(
                StatusCode::FORBIDDEN,
                "error-stale-form-title",
                "error-stale-form",
            ),
            PageErrorKind::TooMany => plain(
                StatusCode::TOO_MANY_REQUESTS,
                "error-too-many-title",
                "error-too-many",
            ),
            PageErrorKind::NoFonts => {
                tracing::error!("a PDF was requested but no Bengali font is installed");
                plain(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "error-no-fonts-title",
                    "error-no-fonts",
                )
            }
            PageErrorKind::Unavailable(cause) => {
                tracing::warn!(%cause, "a request found the database or mail server unavailable");
                plain(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "error-unavailable-title",
                    "error-unavailable",
                )
            }
            PageErrorKind::Internal(cause) => {
                tracing::error!(%cause, "request failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    t(lang, "error-internal-title"),
                    t_args(
                        lang,
                        "error-internal",
                        &[("request", crate::ops::current_request_id())],
                    ),
                    Vec::new(),
                )
            }
        }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let lang = self.lang;
        let (status, heading, message, details) = self.parts();
        let page = ErrorPage {
            // Error pages have no application state at hand; the footer's date comes from the system clock.
            l: Layout::new(
                lang,
                &Visitor(None),
                heading.clone(),
                "",
                "/",
                bangla::today_in_dhaka(chrono::Utc::now()),
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
        let mut response = (status, page).into_response();
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(
                header::RETRY_AFTER,
                header::HeaderValue::from_static(RETRY_AFTER_SECONDS),
            );
        }
        response
    }
}
