//! Error pages: what went wrong in the reader's language with a way back; internal causes are logged,
//! once, with the request id, and never shown.

use askama::Template;
use askama_web::WebTemplate;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use udbhabon_core::Error;
use udbhabon_i18n::{Lang, t, t_args};

use crate::auth::Visitor;
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
    /// A query value the page cannot use; the message key says which.
    BadInput(&'static str),
    /// PDFs cannot be made on this server (no Bengali font).
    NoFonts,
    /// The reader may not do this; nothing about the record is revealed.
    Forbidden,
    /// A form came back without its token (expired, or posted from elsewhere).
    StaleForm,
    /// Too many attempts from this address.
    TooMany,
    Internal(String),
}

#[derive(Template, WebTemplate)]
#[template(path = "error.html")]
struct ErrorPage {
    l: Layout,
    heading: String,
    message: String,
}

impl PageError {
    pub(crate) fn new(lang: Lang, error: Error) -> Self {
        let kind = match error {
            Error::NotFound(_) => PageErrorKind::NotFound,
            Error::Forbidden => PageErrorKind::Forbidden,
            Error::NoFonts(_) => PageErrorKind::NoFonts,
            other => PageErrorKind::Internal(other.to_string()),
        };
        Self { lang, kind }
    }

    pub(crate) fn stale_form(lang: Lang) -> Self {
        Self {
            lang,
            kind: PageErrorKind::StaleForm,
        }
    }

    pub(crate) fn too_many(lang: Lang) -> Self {
        Self {
            lang,
            kind: PageErrorKind::TooMany,
        }
    }

    pub(crate) fn bad_input(lang: Lang, message_key: &'static str) -> Self {
        Self {
            lang,
            kind: PageErrorKind::BadInput(message_key),
        }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let lang = self.lang;
        let (status, heading, message) = match self.kind {
            PageErrorKind::NotFound => (
                StatusCode::NOT_FOUND,
                t(lang, "error-not-found-title"),
                t(lang, "error-not-found"),
            ),
            PageErrorKind::BadInput(key) => (
                StatusCode::BAD_REQUEST,
                t(lang, "error-not-found-title"),
                t(lang, key),
            ),
            PageErrorKind::Forbidden => (
                StatusCode::FORBIDDEN,
                t(lang, "error-forbidden-title"),
                t(lang, "error-forbidden"),
            ),
            PageErrorKind::StaleForm => (
                StatusCode::FORBIDDEN,
                t(lang, "error-stale-form-title"),
                t(lang, "error-stale-form"),
            ),
            PageErrorKind::TooMany => (
                StatusCode::TOO_MANY_REQUESTS,
                t(lang, "error-too-many-title"),
                t(lang, "error-too-many"),
            ),
            PageErrorKind::NoFonts => {
                tracing::error!("a PDF was requested but no Bengali font is installed");
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    t(lang, "error-no-fonts-title"),
                    t(lang, "error-no-fonts"),
                )
            }
            PageErrorKind::Internal(cause) => {
                tracing::error!(%cause, "request failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    t(lang, "error-internal-title"),
                    t_args(lang, "error-internal", &[("request", current_request_id())]),
                )
            }
        };
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
        };
        (status, page).into_response()
    }
}

/// The id of the request being served, as the request-id middleware set it.
fn current_request_id() -> String {
    crate::ops::REQUEST_ID
        .try_with(Clone::clone)
        .unwrap_or_else(|_| "-".to_owned())
}
