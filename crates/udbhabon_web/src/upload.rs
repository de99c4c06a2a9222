//! Spreadsheets in and out: the form's token and file read from an upload, an import's problems as one
//! message per line and column, and a table sent as a download.

use axum::extract::Multipart;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use udbhabon_core::TableFormat;
use udbhabon_domain::{FieldError, ValidationErrors};
use udbhabon_i18n::{Lang, format, t_args};

use crate::error::PageError;
use crate::form::field_messages;

/// The `csrf` and `file` fields of an upload form.
pub(crate) async fn csrf_and_file(
    lang: Lang,
    mut multipart: Multipart,
) -> Result<(String, Vec<u8>), PageError> {
    let unreadable = || PageError::bad_input(lang, "error-import-row");
    let mut csrf = String::new();
    let mut file = Vec::new();
    while let Some(field) = multipart.next_field().await.map_err(|_| unreadable())? {
        match field.name() {
            Some("csrf") => csrf = field.text().await.map_err(|_| unreadable())?,
            Some("file") => file = field.bytes().await.map_err(|_| unreadable())?.to_vec(),
            _ => {}
        }
    }
    Ok((csrf, file))
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
