//! Turning validation errors into messages beside the form fields, in the reader's language.

use std::future::Future;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use udbhabon_core::Error;
use udbhabon_domain::ValidationErrors;
use udbhabon_i18n::{Lang, t_args};

use crate::error::PageError;

/// Each field's message: (field name, text).
pub(crate) fn field_messages(lang: Lang, errors: &ValidationErrors) -> Vec<(String, String)> {
    errors
        .errors
        .iter()
        .map(|error| {
            let args: Vec<(&'static str, String)> = error
                .args
                .iter()
                .map(|(name, value)| (*name, udbhabon_i18n::format::digits(lang, value)))
                .collect();
            (error.field.clone(), t_args(lang, error.message_key, &args))
        })
        .collect()
}

/// Answers a form the application refused: the page again with each field's message (422) when the
/// input was invalid, an error page for anything else.
pub(crate) async fn rejected<P, Render, Rendering>(
    lang: Lang,
    error: Error,
    render: Render,
) -> Result<Response, PageError>
where
    Render: FnOnce(Vec<(String, String)>) -> Rendering,
    Rendering: Future<Output = Result<P, PageError>>,
    P: IntoResponse,
{
    match error {
        Error::Invalid(errors) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            render(field_messages(lang, &errors)).await?,
        )
            .into_response()),
        other => Err(PageError::new(lang, other)),
    }
}
