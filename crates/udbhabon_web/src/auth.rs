//! Who is asking: the session cookie, the signed-in person behind it, and the CSRF check on every form
//! that changes something.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use udbhabon_core::account::SignedIn;
use udbhabon_i18n::Lang;

use crate::error::PageError;
use crate::lang::ReaderLang;
use crate::state::AppState;

/// The cookie holding the session token.
pub(crate) const SESSION_COOKIE: &str = "udbhabon_session";
/// The cookie holding the token that the sign-in form must echo (there is no session yet to hold it).
pub(crate) const FORM_COOKIE: &str = "udbhabon_form";

/// The session cookie: HttpOnly, SameSite=Lax, and Secure when the site is served over TLS.
pub(crate) fn session_cookie(token: String, secure: bool) -> Cookie<'static> {
    Cookie::build((SESSION_COOKIE, token))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .build()
}

/// The cookie holding a pre-session form's token, sent back only to the sign-in and reset forms.
pub(crate) fn form_cookie(token: &str) -> Cookie<'static> {
    Cookie::build((FORM_COOKIE, token.to_owned()))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .build()
}

/// Refuses a pre-session form (sign-in, password reset) whose echoed token is not the one its cookie holds.
pub(crate) fn check_form_token(jar: &CookieJar, posted: &str, lang: Lang) -> Result<(), PageError> {
    let issued = jar
        .get(FORM_COOKIE)
        .map(|cookie| cookie.value().to_owned())
        .unwrap_or_default();
    if !issued.is_empty() && udbhabon_core::account::same_form_token(&issued, posted) {
        Ok(())
    } else {
        tracing::warn!("a form was posted without the token it was issued with");
        Err(PageError::stale_form(lang))
    }
}

/// A cookie that removes `name`.
pub(crate) fn removal(name: &'static str) -> Cookie<'static> {
    Cookie::build((name, "")).path("/").build()
}

/// The signed-in person, if any; pages that anyone may see take this.
#[derive(Debug, Clone)]
pub(crate) struct Visitor(pub(crate) Option<SignedIn>);

impl FromRequestParts<AppState> for Visitor {
    type Rejection = PageError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(visitor) = parts.extensions.get::<Visitor>() {
            return Ok(visitor.clone());
        }
        let jar = CookieJar::from_headers(&parts.headers);
        let Some(token) = jar
            .get(SESSION_COOKIE)
            .map(|cookie| cookie.value().to_owned())
        else {
            return Ok(Self(None));
        };
        let ReaderLang(lang) = ReaderLang::from_request_parts(parts, state)
            .await
            .unwrap_or(ReaderLang(Lang::Bn));
        let visitor = Self(
            state
                .app
                .signed_in(&token)
                .await
                .map_err(|error| PageError::new(lang, error))?,
        );
        parts.extensions.insert(visitor.clone());
        Ok(visitor)
    }
}

/// A signed-in person; a page that needs one sends others to sign in and come back.
#[derive(Debug, Clone)]
pub(crate) struct Member(pub(crate) SignedIn);

/// Where to send a visitor who must sign in first.
#[derive(Debug)]
pub(crate) struct SignInFirst(String);

impl IntoResponse for SignInFirst {
    fn into_response(self) -> Response {
        Redirect::to(&format!(
            "/login?next={}",
            crate::layout::encode_component(&self.0)
        ))
        .into_response()
    }
}

impl FromRequestParts<AppState> for Member {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        match Visitor::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?
        {
            Visitor(Some(person)) => Ok(Self(person)),
            Visitor(None) => {
                let here = parts
                    .uri
                    .path_and_query()
                    .map_or("/", |path| path.as_str())
                    .to_owned();
                Err(SignInFirst(here).into_response())
            }
        }
    }
}

impl Member {
    /// Refuses a posted form whose CSRF token is not this session's.
    pub(crate) fn check_form(&self, lang: Lang, token: &str) -> Result<(), PageError> {
        if self.0.csrf_matches(token) {
            Ok(())
        } else {
            tracing::warn!(
                account = self.0.account_id,
                "a form was posted without this session's CSRF token"
            );
            Err(PageError::stale_form(lang))
        }
    }
}
