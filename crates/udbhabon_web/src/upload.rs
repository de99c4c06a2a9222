//! Uploads: a multipart form's fields and files read within the route's limit, whole or piece by piece,
//! and an import's problems as one message per line and column.

use axum::extract::multipart::{Field, MultipartError};
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::StatusCode;
use bytes::Bytes;
use udbhabon_domain::{FieldError, ValidationErrors};
use udbhabon_i18n::{Lang, format, t_args};

use crate::error::{PageError, PageErrorKind};
use crate::extract::{BodyLimit, FORM_BYTES, has_control_characters, with_plain_line_breaks};
use crate::form::field_messages;

/// A multipart form (text fields and files) not yet read, with its route's limit: a handler checks who
/// is asking before it reads what may be megabytes.
#[derive(Debug)]
pub(crate) struct Upload {
    multipart: Multipart,
    limit: usize,
}

/// A multipart form once read: its text fields in order, and its files.
#[derive(Debug, Default)]
pub(crate) struct Received {
    pub(crate) texts: Vec<(String, String)>,
    /// (file name, content) of every part that came as a file.
    pub(crate) files: Vec<(String, Vec<u8>)>,
}

impl<S: Send + Sync> FromRequest<S> for Upload {
    type Rejection = PageError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let limit = request
            .extensions()
            .get::<BodyLimit>()
            .map_or(FORM_BYTES, |limit| limit.0);
        let multipart = Multipart::from_request(request, state)
            .await
            .map_err(|_| PageError::bad_input("error-bad-form"))?;
        Ok(Self { multipart, limit })
    }
}

/// A multipart part that could not be read: over the route's limit (413, naming it), or no form (400).
fn refusal(limit: usize, error: &MultipartError) -> PageError {
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        PageError::of(PageErrorKind::TooLarge(limit))
    } else {
        PageError::bad_input("error-bad-form")
    }
}

/// A text part with its line breaks made plain, or the refusal of one that holds a control character.
fn plain_text(name: &str, text: &str) -> Result<String, PageError> {
    let text = with_plain_line_breaks(text).into_owned();
    if has_control_characters(name) || has_control_characters(&text) {
        Err(PageError::refused("error-control-character"))
    } else {
        Ok(text)
    }
}

impl Upload {
    /// The text of the first part, which must be the field `name` (a form's token comes first): any
    /// other first part is not this page's form, refused as expired.
    pub(crate) async fn first_text(&mut self, name: &str) -> Result<String, PageError> {
        let limit = self.limit;
        let field = match self.multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return Err(PageError::stale_form()),
            Err(error) => return Err(refusal(limit, &error)),
        };
        if field.name() != Some(name) || field.file_name().is_some() {
            return Err(PageError::stale_form());
        }
        let text = field.text().await.map_err(|error| refusal(limit, &error))?;
        plain_text(name, &text)
    }

    /// Reads every remaining part: a body over the route's limit is a 413 page naming the limit, a
    /// text with a control character a 422, a body that is not multipart a 400.
    pub(crate) async fn read(mut self) -> Result<Received, PageError> {
        let limit = self.limit;
        let mut received = Received::default();
        while let Some(field) = self
            .multipart
            .next_field()
            .await
            .map_err(|error| refusal(limit, &error))?
        {
            let name = field.name().unwrap_or_default().to_owned();
            match field.file_name().map(str::to_owned) {
                Some(file_name) => {
                    let bytes = field
                        .bytes()
                        .await
                        .map_err(|error| refusal(limit, &error))?;
                    received.files.push((file_name, bytes.to_vec()));
                }
                None => {
                    let text = field.text().await.map_err(|error| refusal(limit, &error))?;
                    received
                        .texts
                        .push((name.clone(), plain_text(&name, &text)?));
                }
            }
        }
        Ok(received)
    }
}

/// A part of a form read piece by piece: a file too large to hold in memory.
pub(crate) struct Part<'a> {
    field: Field<'a>,
    limit: usize,
}

impl Part<'_> {
    /// The form field it fills.
    pub(crate) fn name(&self) -> &str {
        self.field.name().unwrap_or_default()
    }

    /// The file's name as the browser sent it; empty for a text part or a file field left empty.
    pub(crate) fn file_name(&self) -> &str {
        self.field.file_name().unwrap_or_default()
    }

    /// The next piece, or nothing at its end.
    pub(crate) async fn piece(&mut self) -> Result<Option<Bytes>, PageError> {
        let limit = self.limit;
        self.field
            .chunk()
            .await
            .map_err(|error| refusal(limit, &error))
    }
}

impl Upload {
    /// The next part, to be read piece by piece before the one after it.
    pub(crate) async fn next_part(&mut self) -> Result<Option<Part<'_>>, PageError> {
        let limit = self.limit;
        let field = self
            .multipart
            .next_field()
            .await
            .map_err(|error| refusal(limit, &error))?;
        Ok(field.map(|field| Part { field, limit }))
    }
}

impl Received {
    /// The text of the field `name` (the last, if it came more than once), or empty.
    pub(crate) fn text(&self, name: &str) -> String {
        self.texts
            .iter()
            .rev()
            .find(|(field, _)| field == name)
            .map(|(_, text)| text.clone())
            .unwrap_or_default()
    }

    /// The content of the first file, or nothing: an import takes one.
    pub(crate) fn first_file(self) -> Vec<u8> {
        self.files
            .into_iter()
            .next()
            .map(|(_, bytes)| bytes)
            .unwrap_or_default()
    }
}

/// Each problem of an import as (column, "line N, column C: message").
pub(crate) fn line_problems(
    lang: Lang,
    problems: Vec<(usize, FieldError)>,
) -> Vec<(String, String)> {
    problems
        .into_iter()
        .map(|(line, error)| {
            let mut one = ValidationErrors::new();
            one.errors.push(error);
            let (field, message) = field_messages(lang, &one).remove(0);
            let line = format::number(lang, line as i64);
            (
                field.clone(),
                t_args(
                    lang,
                    "admin-import-problem",
                    &[("line", line), ("column", field), ("message", message)],
                ),
            )
        })
        .collect()
}
