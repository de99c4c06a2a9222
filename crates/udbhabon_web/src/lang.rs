//! The reader's language for each request, and the switch that remembers a choice in a cookie.

use crate::extract::{Path, Query};
use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde::Deserialize;
use udbhabon_i18n::{Lang, negotiate};

/// The cookie that keeps the reader's language choice.
pub(crate) const LANG_COOKIE: &str = "lang";

/// The language to answer this request in: the reader's cookie, else Bengali.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ReaderLang(pub(crate) Lang);

impl<S: Send + Sync> FromRequestParts<S> for ReaderLang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(reader_lang(&parts.headers)))
    }
}

/// The language a request with these headers is answered in.
pub(crate) fn reader_lang(headers: &HeaderMap) -> Lang {
    let jar = CookieJar::from_headers(headers);
    negotiate(jar.get(LANG_COOKIE).map(|cookie| cookie.value()))
}

#[derive(Debug, Deserialize)]
pub(crate) struct SwitchQuery {
    back: Option<String>,
}

/// Whether `path` is a path on this site rather than another host. Browsers drop tabs and line breaks
/// from an address and read a backslash as a slash, so `/\t/host` and `/\\host` lead to `//host`:
/// control characters and backslashes are refused with the leading `//`.
pub(crate) fn is_local_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path
            .chars()
            .any(|character| character == '\\' || character.is_control())
}

/// Only a path on this site is a place to go back to, never another host; anything else goes home.
/// The path comes back with non-ASCII characters and spaces percent-encoded, as a `Location` must be.
pub(crate) fn safe_back(back: Option<String>) -> String {
    /// Spaces, quotes, angle brackets and every non-ASCII character are escaped; the rest of a path
    /// and query stays as written.
    const LOCATION: &AsciiSet = &CONTROLS.add(b' ').add(b'"').add(b'<').add(b'>').add(b'`');
    match back {
        Some(path) if is_local_path(&path) => utf8_percent_encode(&path, LOCATION).to_string(),
        _ => "/".to_owned(),
    }
}

/// `GET /lang/{tag}?back=/path`: remembers the language for a year and returns to the page.
pub(crate) async fn switch(
    Path(tag): Path<String>,
    Query(query): Query<SwitchQuery>,
    jar: CookieJar,
) -> impl IntoResponse {
    let lang = Lang::from_tag(&tag).unwrap_or_default();
    let cookie = Cookie::build((LANG_COOKIE, lang.tag()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .max_age(cookie::time::Duration::days(365))
        .build();
    (jar.add(cookie), Redirect::to(&safe_back(query.back)))
}

#[cfg(test)]
mod tests {
    use super::safe_back;

    #[test]
    fn the_switch_returns_only_to_paths_on_this_site() {
        assert_eq!(
            safe_back(Some("/teams/mole?on=2026-01-26".into())),
            "/teams/mole?on=2026-01-26"
        );
        assert_eq!(safe_back(Some("//evil.example/".into())), "/");
        assert_eq!(safe_back(Some("https://evil.example/".into())), "/");
        assert_eq!(safe_back(Some("/\\evil.example".into())), "/");
        assert_eq!(safe_back(Some("/\t/evil.example/path".into())), "/");
        assert_eq!(safe_back(Some("/\n/evil.example".into())), "/");
        assert_eq!(safe_back(Some("/ok\r\nSet-Cookie: x=1".into())), "/");
        assert_eq!(safe_back(Some("/\u{85}/evil.example".into())), "/");
        assert_eq!(safe_back(None), "/");
    }

    #[test]
    fn a_path_in_bengali_or_with_spaces_comes_back_percent_encoded() {
        assert_eq!(
            safe_back(Some("/innovations?q=ই-ফাইল সেবা".into())),
            "/innovations?q=%E0%A6%87-%E0%A6%AB%E0%A6%BE%E0%A6%87%E0%A6%B2%20%E0%A6%B8%E0%A7%87%E0%A6%AC%E0%A6%BE"
        );
    }
}
