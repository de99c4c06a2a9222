//! What a request carries, read at the edge: path, query and form values parsed into their types, and
//! refused with a page in the reader's language when they cannot be or hold control characters.

use axum::extract::rejection::RawFormRejection;
use axum::extract::{FromRequest, FromRequestParts, RawForm, RawPathParams, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use bangla::Quarter;
use serde::de::DeserializeOwned;

use crate::error::{PageError, PageErrorKind};

/// The largest form without files: axum's default body limit, which every route without evidence keeps.
pub(crate) const FORM_BYTES: usize = 2 * 1024 * 1024;

/// Whether `text` holds a control character other than a tab or a line break. No field of a form
/// takes one; a NUL byte in particular is refused by PostgreSQL, and others hide text from readers.
pub(crate) fn has_control_characters(text: &str) -> bool {
    text.chars()
        .any(|character| character.is_control() && !matches!(character, '\t' | '\n' | '\r'))
}

/// The line breaks office programs put in copied text (Word's vertical tab for a line break within a
/// paragraph, a form feed for a page break) as the line breaks they stand for; other control
/// characters stay, to be refused.
pub(crate) fn with_plain_line_breaks(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(['\u{b}', '\u{c}']) {
        text.replace(['\u{b}', '\u{c}'], "\n").into()
    } else {
        text.into()
    }
}

/// An `application/x-www-form-urlencoded` text with its line breaks made plain (see
/// [`with_plain_line_breaks`]), or `None` when a name or value still holds a control character.
fn checked_pairs(encoded: &[u8]) -> Option<std::borrow::Cow<'_, [u8]>> {
    let mut changed = false;
    let mut pairs = Vec::new();
    for (name, value) in form_urlencoded::parse(encoded) {
        let plain = with_plain_line_breaks(&value).into_owned();
        if has_control_characters(&name) || has_control_characters(&plain) {
            return None;
        }
        changed |= plain != value;
        pairs.push((name, plain));
    }
    if !changed {
        return Some(encoded.into());
    }
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    for (name, value) in &pairs {
        serializer.append_pair(name, value);
    }
    Some(serializer.finish().into_bytes().into())
}

fn deserialize<T: DeserializeOwned>(encoded: &[u8]) -> Option<T> {
    T::deserialize(serde_html_form::Deserializer::new(form_urlencoded::parse(
        encoded,
    )))
    .ok()
}

/// A posted `application/x-www-form-urlencoded` body, within the route's limit, with its line breaks
/// made plain: refused (413, 422, 400) when it is too large, holds a control character or is no form.
pub(crate) async fn form_body<S: Send + Sync>(
    request: Request,
    state: &S,
) -> Result<Vec<u8>, PageError> {
    let limit = request
        .extensions()
        .get::<BodyLimit>()
        .map_or(FORM_BYTES, |limit| limit.0);
    let RawForm(bytes) = RawForm::from_request(request, state)
        .await
        .map_err(|rejection| body_refusal(&rejection, limit))?;
    checked_pairs(&bytes)
        .map(std::borrow::Cow::into_owned)
        .ok_or_else(|| PageError::refused("error-control-character"))
}

/// The value of the field `name` of a form body, if it has one.
pub(crate) fn form_value(encoded: &[u8], name: &str) -> Option<String> {
    form_urlencoded::parse(encoded)
        .find(|(field, _)| field == name)
        .map(|(_, value)| value.into_owned())
}

/// A form body read into its type (repeated names fill a `Vec`); a value the type cannot hold is 422.
pub(crate) fn form_fields<T: DeserializeOwned>(encoded: &[u8]) -> Result<T, PageError> {
    deserialize(encoded).ok_or_else(|| PageError::refused("error-bad-form"))
}

fn body_refusal(rejection: &RawFormRejection, limit: usize) -> PageError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        PageError::of(PageErrorKind::TooLarge(limit))
    } else {
        PageError::bad_input("error-bad-form")
    }
}

/// The body limit of a route, when it is not [`FORM_BYTES`]: set beside axum's own limit so that a
/// refusal can name the size.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BodyLimit(pub(crate) usize);

/// The query of the address. A value with a control character, or one the type cannot hold, is a
/// 400 page.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Query<T>(pub(crate) T);

impl<T, S> FromRequestParts<S> for Query<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or_default().as_bytes();
        let Some(query) = checked_pairs(query) else {
            return Err(PageError::bad_input("error-control-character"));
        };
        deserialize(&query)
            .map(Self)
            .ok_or_else(|| PageError::bad_input("error-bad-query"))
    }
}

/// The parameters of the route's path. A value the type cannot hold (a word where a number goes, a
/// quarter 5) or holding a control character names nothing here: a 404 page.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Path<T>(pub(crate) T);

impl<T, S> FromRequestParts<S> for Path<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let raw = RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|_| PageError::not_found())?;
        if raw.iter().any(|(_, value)| has_control_characters(value)) {
            return Err(PageError::not_found());
        }
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Path(value)| Self(value))
            .map_err(|_| PageError::not_found())
    }
}

/// A quarter in an address: 1 to 4; any other number names no page.
#[derive(Debug, Clone, Copy, serde::Deserialize)]
#[serde(try_from = "u8")]
pub(crate) struct QuarterParam(pub(crate) Quarter);

impl TryFrom<u8> for QuarterParam {
    type Error = &'static str;

    fn try_from(number: u8) -> Result<Self, Self::Error> {
        Quarter::from_number(number)
            .map(Self)
            .ok_or("a quarter is numbered 1 to 4")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_and_line_breaks_are_text_and_other_control_characters_are_not() {
        assert!(!has_control_characters("সভা\tএক\r\nদুই"));
        assert!(has_control_characters("a\0b"));
        assert!(has_control_characters("a\u{1b}[31m"));
        assert!(has_control_characters("a\u{7f}"));
        assert!(has_control_characters("a\u{85}"));
        assert!(
            !has_control_characters("কর্ম\u{200c}সংস্থান"),
            "a zero-width non-joiner is text"
        );
    }

    #[test]
    fn a_percent_encoded_nul_in_any_pair_is_found() {
        assert!(checked_pairs(b"title=a%00b").is_none());
        assert!(checked_pairs(b"a%01=x").is_none());
        assert_eq!(
            checked_pairs(b"title=a+b%0D%0Ac").as_deref(),
            Some(&b"title=a+b%0D%0Ac"[..]),
            "an untouched form is passed on as it came"
        );
    }

    #[test]
    fn line_breaks_copied_from_office_programs_become_plain_ones() {
        let checked = checked_pairs(b"note=%E0%A6%95%0B%E0%A6%96%0Cend").unwrap();
        let pairs: Vec<_> = form_urlencoded::parse(&checked).collect();
        assert_eq!(pairs[0].1, "ক\nখ\nend");
    }
}
