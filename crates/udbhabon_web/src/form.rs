//! Forms: validation errors as messages beside their fields, in the reader's language, the options of
//! selects, and the `?done=` a page is sent back with after a form was saved.

use std::future::Future;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use udbhabon_core::{Error, HolderRow, MemoFileRow, PostRow};
use udbhabon_domain::{ValidationErrors, Vocabulary};
use udbhabon_i18n::{Lang, t, t_args};

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
                .map(|(name, value)| {
                    // A number is written in the reader's digits; a name (a file's, "idea.mp4") as given.
                    let numeric = value
                        .chars()
                        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | ':' | '/'));
                    let value = if numeric {
                        udbhabon_i18n::format::digits(lang, value)
                    } else {
                        value.clone()
                    };
                    (*name, value)
                })
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
        other => Err(PageError::from(other)),
    }
}

/// Answers a form: back to `saved_to` when the application saved it, else as [`rejected`].
pub(crate) async fn saved_or_rejected<P, Render, Rendering>(
    lang: Lang,
    outcome: Result<(), Error>,
    saved_to: &str,
    render: Render,
) -> Result<Response, PageError>
where
    Render: FnOnce(Vec<(String, String)>) -> Rendering,
    Rendering: Future<Output = Result<P, PageError>>,
    P: IntoResponse,
{
    match outcome {
        Ok(()) => Ok(Redirect::to(saved_to).into_response()),
        Err(error) => rejected(lang, error, render).await,
    }
}

/// A form page's messages by field, for its template to show beside each field.
pub(crate) trait FieldErrors {
    /// (field name, message) for each refused field.
    fn errors(&self) -> &[(String, String)];

    /// The message for a field of the refused form, if it has one.
    fn error_for(&self, field: &str) -> Option<&str> {
        self.errors()
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, message)| message.as_str())
    }

    /// The message for row `index` of a repeated field (`member_post`, `agenda_bn`…).
    fn row_error(&self, prefix: &str, index: &usize) -> Option<&str> {
        self.error_for(&format!("{prefix}_{index}"))
    }
}

/// One option of a select.
pub(crate) struct Choice {
    pub(crate) value: String,
    pub(crate) label: String,
    pub(crate) selected: bool,
}

/// A form's messages as one line, for a form small enough to show them together.
pub(crate) fn joined(errors: &[(String, String)]) -> String {
    errors
        .iter()
        .map(|(_, message)| message.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A text shown as a dash when empty.
pub(crate) fn or_dash(text: &str) -> String {
    if text.is_empty() {
        "—".to_owned()
    } else {
        text.to_owned()
    }
}

/// The options of a select, `selected` marking the one chosen.
pub(crate) fn choices<T>(
    items: impl IntoIterator<Item = T>,
    selected: Option<&str>,
    value: impl Fn(&T) -> String,
    label: impl Fn(&T) -> String,
) -> Vec<Choice> {
    items
        .into_iter()
        .map(|item| {
            let value_text = value(&item);
            Choice {
                selected: selected == Some(value_text.as_str()),
                label: label(&item),
                value: value_text,
            }
        })
        .collect()
}

/// The options of a closed list, `selected` chosen.
pub(crate) fn listed<T: Vocabulary>(
    lang: Lang,
    selected: &str,
    key: fn(T) -> String,
) -> Vec<Choice> {
    choices(
        T::ALL.iter().copied(),
        Some(selected),
        |value| value.code().to_owned(),
        |value| t(lang, &key(*value)),
    )
}

/// The posts a form offers for an officer (a role, a grievance tier): "post — holder", or "vacant".
pub(crate) fn post_choices(
    lang: Lang,
    posts: &[(PostRow, Option<HolderRow>)],
    selected: &str,
) -> Vec<Choice> {
    with_none(choices(
        posts,
        Some(selected.trim()),
        |(post, _)| post.id.to_string(),
        |(post, holder)| {
            let name = holder.as_ref().map_or_else(
                || t(lang, "charter-post-vacant"),
                |holder| holder.person.name.get(lang).to_owned(),
            );
            format!("{} — {name}", post.label.get(lang))
        },
    ))
}

/// A "—" choice for leaving a row or a field empty, followed by `rest`.
pub(crate) fn with_none(rest: Vec<Choice>) -> Vec<Choice> {
    let none_selected = !rest.iter().any(|choice| choice.selected);
    std::iter::once(Choice {
        value: String::new(),
        label: "—".to_owned(),
        selected: none_selected,
    })
    .chain(rest)
    .collect()
}

/// The memo files a letter's number may be taken from, "file number — subject", none chosen first.
pub(crate) fn memo_file_choices(
    lang: Lang,
    files: &[MemoFileRow],
    selected: Option<&str>,
) -> Vec<Choice> {
    with_none(choices(
        files,
        selected,
        |file| file.id.to_string(),
        |file| {
            format!(
                "{} — {}",
                udbhabon_i18n::format::digits(lang, &file.file_number.to_string()),
                file.subject.get(lang)
            )
        },
    ))
}

/// What a page was sent back with after one of its forms was saved (`?done=added`), to say so.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct DoneQuery {
    pub(crate) done: Option<String>,
}
