//! The reader's language for each request, and the switch that remembers a choice in a cookie.

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
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
        let jar = CookieJar::from_headers(&parts.headers);
        Ok(Self(negotiate(
            jar.get(LANG_COOKIE).map(|cookie| cookie.value()),
        )))
    }
}

#[derive(Debug, Deserialize)]
pub(crate) struct SwitchQuery {
    back: Option<String>,
}

/// Only a path on this site is a place to go back to, never another host.
pub(crate) fn safe_back(back: Option<String>) -> String {
    match back {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') => {
            path
        }
        _ => "/".to_owned(),
    }
}

/// `GET /lang/{tag}?back=/path`: remembers the language for a year and returns to the page.
pub(crate) async fn switch(
    axum::extract::Path(tag): axum::extract::Path<String>,
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
        assert_eq!(safe_back(None), "/");
    }
}
