//! Files sent to the reader: documents, tables and evidence, each with its media type and a file name
//! the browser saves it under (an ASCII name for every browser, the name as written for those that read
//! RFC 6266's `filename*`).

use axum::http::header;
use axum::response::{IntoResponse, Response};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use udbhabon_core::TableFormat;
use udbhabon_core::team::order::pdf::Document;

/// Whether the browser shows the file or saves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Disposition {
    Inline,
    Attachment,
}

/// A file of `media_type` named `name`.
pub(crate) fn file(
    media_type: &str,
    name: &str,
    disposition: Disposition,
    bytes: Vec<u8>,
) -> Response {
    let kind = match disposition {
        Disposition::Inline => "inline",
        Disposition::Attachment => "attachment",
    };
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let written = utf8_percent_encode(name, ATTR_CHAR_ESCAPED);
    (
        [
            (header::CONTENT_TYPE, media_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("{kind}; filename=\"{ascii}\"; filename*=UTF-8''{written}"),
            ),
        ],
        bytes,
    )
        .into_response()
}

/// A typeset document.
pub(crate) fn pdf(document: Document, disposition: Disposition) -> Response {
    file(
        "application/pdf",
        &document.file_name,
        disposition,
        document.bytes,
    )
}

/// A table as a download named `stem` with its format's extension.
pub(crate) fn table(format: TableFormat, stem: &str, bytes: Vec<u8>) -> Response {
    let (media_type, extension) = match format {
        TableFormat::Csv => ("text/csv; charset=utf-8", "csv"),
        TableFormat::Xlsx => (XLSX, "xlsx"),
    };
    file(
        media_type,
        &format!("{stem}.{extension}"),
        Disposition::Attachment,
        bytes,
    )
}

/// What `filename*` must escape: all but RFC 5987's `attr-char`.
const ATTR_CHAR_ESCAPED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'!')
    .remove(b'#')
    .remove(b'$')
    .remove(b'&')
    .remove(b'+')
    .remove(b'-')
    .remove(b'.')
    .remove(b'^')
    .remove(b'_')
    .remove(b'`')
    .remove(b'|')
    .remove(b'~');

/// The media type of an XLSX workbook.
pub(crate) const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bengali_file_name_is_sent_as_written_beside_an_ascii_one() {
        let response = file(
            "application/pdf",
            "হাজিরা খাতা.pdf",
            Disposition::Attachment,
            Vec::new(),
        );
        let disposition = response.headers()[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            disposition.starts_with("attachment; filename=\"______"),
            "{disposition}"
        );
        assert!(
            disposition.ends_with("filename*=UTF-8''%E0%A6%B9%E0%A6%BE%E0%A6%9C%E0%A6%BF%E0%A6%B0%E0%A6%BE%20%E0%A6%96%E0%A6%BE%E0%A6%A4%E0%A6%BE.pdf"),
            "{disposition}"
        );
    }
}
