//! Uploads and downloads: a multipart form's fields and files read within the route's limit, an import's problems as one
//! message per line and column, and a table sent as a download.

use axum::extract::multipart::MultipartError;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use udbhabon_core::TableFormat;
use udbhabon_domain::{FieldError, ValidationErrors};
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::error::{PageError, PageErrorKind};
use crate::extract::{BodyLimit, FORM_BYTES, has_control_characters, with_plain_line_breaks};
use crate::form::field_messages;
use crate::lang::reader_lang;

/// A multipart form (text fields and files) not yet read, with what refusing it needs: a handler
/// checks who is asking before it reads what may be megabytes.
#[derive(Debug)]
pub(crate) struct Upload {
    multipart: Multipart,
    lang: Lang,
    limit: usize,
}

/// A multipart form once read: its text fields in order, and its files.
#[derive(Debug, Default)]
pub(crate) struct Posted {
    pub(crate) texts: Vec<(String, String)>,
    /// (file name, content) of every part that came as a file.
    pub(crate) files: Vec<(String, Vec<u8>)>,
}

impl<S: Send + Sync> FromRequest<S> for Upload {
    type Rejection = PageError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let lang = reader_lang(request.headers());
        let limit = request
            .extensions()
            .get::<BodyLimit>()
            .map_or(FORM_BYTES, |limit| limit.0);
        let multipart = Multipart::from_request(request, state)
            .await
            .map_err(|_| PageError::bad_input(lang, "error-bad-form"))?;
        Ok(Self {
            multipart,
            lang,
            limit,
        })
    }
}

impl Upload {
    /// Reads every part: a body over the route's limit is a 413 page naming the limit, a text with a
    /// control character a 422, a body that is not multipart a 400.
    pub(crate) async fn read(mut self) -> Result<Posted, PageError> {
        let (lang, limit) = (self.lang, self.limit);
        let refused = |error: MultipartError| {
            if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
                PageError::of(lang, PageErrorKind::TooLarge(limit))
            } else {
                PageError::bad_input(lang, "error-bad-form")
            }
        };
        let mut posted = Posted::default();
        while let Some(field) = self.multipart.next_field().await.map_err(refused)? {
            let name = field.name().unwrap_or_default().to_owned();
            match field.file_name().map(str::to_owned) {
                Some(file_name) => {
                    let bytes = field.bytes().await.map_err(refused)?;
                    posted.files.push((file_name, bytes.to_vec()));
                }
                None => {
                    let text = field.text().await.map_err(refused)?;
                    let text = with_plain_line_breaks(&text).into_owned();
                    if has_control_characters(&name) || has_control_characters(&text) {
                        return Err(PageError::of(
                            lang,
                            PageErrorKind::Invalid(vec![t(lang, "error-control-character")]),
                        ));
                    }
                    posted.texts.push((name, text));
                }
            }
        }
        Ok(posted)
    }
}

impl Posted {
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

/// A table file sent as a download named `stem` with the format's extension.
pub(crate) fn table_download(format: TableFormat, stem: &str, bytes: Vec<u8>) -> Response {
    let (media_type, extension) = match format {
        TableFormat::Csv => ("text/csv; charset=utf-8", "csv"),
        TableFormat::Xlsx => (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
    };
    (
        [
            (header::CONTENT_TYPE, media_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{stem}.{extension}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}
