//! Who is asking: the session cookie, the signed-in person behind it, and the token every posted form
//! must carry. A handler of a form takes [`Posted`], [`PostedUpload`], [`PreSession`] or
//! [`PreSessionUpload`], which check the token before the handler runs: a form without it cannot reach
//! a handler at all.

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use serde::de::DeserializeOwned;
use udbhabon_core::Edition;
use udbhabon_core::account::SignedIn;

use crate::error::PageError;
use crate::extract::{form_body, form_fields, form_value};
use crate::state::AppState;
use crate::upload::Upload;

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
        let edition = parts.extensions.get::<Edition>().cloned();
        let visitor = Self(state.app.signed_in(&token, edition).await?);
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
    /// Refuses a posted token that is not this session's.
    fn check_token(&self, posted: &str) -> Result<(), PageError> {
        if self.0.csrf_matches(posted) {
            Ok(())
        } else {
            tracing::warn!(
                account = self.0.account_id,
                "a form was posted without this session's CSRF token"
            );
            Err(PageError::stale_form())
        }
    }
}

/// A form a signed-in member posted, with this session's token in its `csrf` field.
#[derive(Debug)]
pub(crate) struct Posted<T>(pub(crate) Member, pub(crate) T);

impl<T: DeserializeOwned> FromRequest<AppState> for Posted<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = request.into_parts();
        let member = Member::from_request_parts(&mut parts, state).await?;
        let refused = IntoResponse::into_response;
        let encoded = form_body(Request::from_parts(parts, body), state)
            .await
            .map_err(refused)?;
        member
            .check_token(&form_value(&encoded, "csrf").unwrap_or_default())
            .map_err(refused)?;
        let form = form_fields(&encoded).map_err(refused)?;
        Ok(Self(member, form))
    }
}

/// A posted form that is only a button: no fields beside its token.
#[derive(Debug, serde::Deserialize)]
pub(crate) struct Button {}

/// A multipart form (with files) a signed-in member posted, its first part this session's token; the
/// rest is left unread for the handler, which checks who is asking before it reads megabytes.
#[derive(Debug)]
pub(crate) struct PostedUpload(pub(crate) Member, pub(crate) Upload);

impl FromRequest<AppState> for PostedUpload {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = request.into_parts();
        let member = Member::from_request_parts(&mut parts, state).await?;
        let mut upload = Upload::from_request(Request::from_parts(parts, body), state)
            .await
            .map_err(IntoResponse::into_response)?;
        let token = upload
            .first_text("csrf")
            .await
            .map_err(IntoResponse::into_response)?;
        member
            .check_token(&token)
            .map_err(IntoResponse::into_response)?;
        Ok(Self(member, upload))
    }
}

/// A form posted before there is a session (signing in, asking for or using a reset link), with the
/// token its cookie holds in its `form_token` field.
#[derive(Debug)]
pub(crate) struct PreSession<T>(pub(crate) T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for PreSession<T> {
    type Rejection = PageError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let issued = issued_form_token(&request);
        let encoded = form_body(request, state).await?;
        check_form_token(
            &issued,
            &form_value(&encoded, "form_token").unwrap_or_default(),
        )?;
        Ok(Self(form_fields(&encoded)?))
    }
}

/// A multipart form posted before there is a session (a citizen's message with its attachment), its
/// first part the token its cookie holds; the rest is left unread for the handler.
#[derive(Debug)]
pub(crate) struct PreSessionUpload(pub(crate) Upload);

impl<S: Send + Sync> FromRequest<S> for PreSessionUpload {
    type Rejection = PageError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let issued = issued_form_token(&request);
        let mut upload = Upload::from_request(request, state).await?;
        check_form_token(&issued, &upload.first_text("form_token").await?)?;
        Ok(Self(upload))
    }
}

/// The token the form cookie of this request holds, or empty.
fn issued_form_token(request: &Request) -> String {
    CookieJar::from_headers(request.headers())
        .get(FORM_COOKIE)
        .map(|cookie| cookie.value().to_owned())
        .unwrap_or_default()
}

/// Refuses a form whose posted token is not the one its cookie was issued with.
fn check_form_token(issued: &str, posted: &str) -> Result<(), PageError> {
    if issued.is_empty() || !udbhabon_core::account::same_form_token(issued, posted) {
        tracing::warn!("a form was posted without the token it was issued with");
        return Err(PageError::stale_form());
    }
    Ok(())
}
