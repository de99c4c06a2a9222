//! Files sent to the reader: documents, tables and evidence, each with its media type and a file name
//! the browser saves it under (an ASCII name for every browser, the name as written for those that read
//! RFC 6266's `filename*`); and a kept file a player reads a range at a time.

use axum::body::Body;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use http_range_header::{RangeUnsatisfiableError, parse_range_header};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use udbhabon_core::TableFormat;
use udbhabon_core::files::KeptFile;
use udbhabon_core::team::order::pdf::Document;

use crate::error::PageError;

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
    (
        [
            (header::CONTENT_TYPE, media_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                content_disposition(name, disposition),
            ),
        ],
        bytes,
    )
        .into_response()
}

/// The `Content-Disposition` of a file named `name`.
fn content_disposition(name: &str, disposition: Disposition) -> String {
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
    format!("{kind}; filename=\"{ascii}\"; filename*=UTF-8''{written}")
}

/// A kept file for a player: whole, or the one range its `Range` header asks for (RFC 9110, §14), read
/// from the store as it is sent. Its hash is its validator: a player that holds it is told so, and a
/// range asked `If-Range` of another version gets the whole file.
pub(crate) async fn ranged(kept: KeptFile, asked: &HeaderMap) -> Result<Response, PageError> {
    let size = u64::try_from(kept.file.size).unwrap_or_default();
    let etag = format!("\"{}\"", kept.file.sha256);
    let held = asked
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|tags| {
            tags.split(',')
                .any(|tag| matches!(tag.trim(), "*") || tag.trim() == etag)
        });
    if held {
        return Ok((StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response());
    }
    let range = asked
        .get(header::RANGE)
        .filter(|_| {
            asked
                .get(header::IF_RANGE)
                .is_none_or(|validator| validator == etag.as_str())
        })
        .and_then(|value| value.to_str().ok())
        .map(|value| parse_range_header(value).and_then(|ranges| ranges.validate(size)));
    let range = match range {
        Some(Ok(ranges)) if ranges.len() == 1 => Some(ranges[0].clone()),
        Some(Err(RangeUnsatisfiableError::Unsatisfiable)) => {
            return Ok((
                StatusCode::RANGE_NOT_SATISFIABLE,
                [(header::CONTENT_RANGE, format!("bytes */{size}"))],
            )
                .into_response());
        }
        // No range, several, or one this reader will not take: the whole file, as RFC 9110 allows.
        _ => None,
    };
    let mut response = Response::builder()
        .header(header::CONTENT_TYPE, &kept.file.media_type)
        .header(
            header::CONTENT_DISPOSITION,
            content_disposition(&kept.file.name, Disposition::Inline),
        )
        .header(header::ACCEPT_RANGES, "bytes")
        .header(header::ETAG, &etag)
        .header(header::CACHE_CONTROL, "private, no-cache");
    let body = match range {
        Some(range) => {
            let (first, last) = (*range.start(), *range.end());
            response = response
                .status(StatusCode::PARTIAL_CONTENT)
                .header(
                    header::CONTENT_RANGE,
                    format!("bytes {first}-{last}/{size}"),
                )
                .header(header::CONTENT_LENGTH, last - first + 1);
            kept.read(Some(first..last + 1)).await?
        }
        None => {
            response = response.header(header::CONTENT_LENGTH, size);
            kept.read(None).await?
        }
    };
    response
        .body(Body::from_stream(body))
        .map_err(|error| PageError::from(udbhabon_core::Error::Internal(error.to_string())))
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
