//! Signing in and out: the sign-in form (rate-limited per address, locked per account), sign-out here
//! or on every device.

use std::net::SocketAddr;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;
use udbhabon_core::account::Client;
use udbhabon_i18n::{Lang, t};

use crate::auth::{
    Button, FORM_COOKIE, Posted, PreSession, SESSION_COOKIE, Visitor, form_cookie, removal,
    session_cookie,
};
use crate::error::PageError;
use crate::extract::Query;
use crate::lang::{ReaderLang, safe_back};
use crate::layout::Layout;
use crate::state::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "account/session/login.html")]
pub(crate) struct LoginPage {
    l: Layout,
    email: String,
    next: String,
    form_token: String,
    error: Option<String>,
    /// Whether the reader has just set a new password through a reset link.
    reset: bool,
}

#[derive(Debug, Deserialize)]
pub(crate) struct NextQuery {
    next: Option<String>,
    reset: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct LoginForm {
    email: String,
    password: String,
    #[serde(default)]
    next: String,
}

fn login_page(
    state: &AppState,
    lang: Lang,
    visitor: &Visitor,
    email: String,
    next: String,
    form_token: String,
    error: Option<String>,
) -> LoginPage {
    let l = Layout::new(
        lang,
        visitor,
        t(lang, "login-title"),
        "login",
        "/login",
        state.app.today(),
    );
    LoginPage {
        l,
        email,
        next,
        form_token,
        error,
        reset: false,
    }
}

/// `GET /login`: the sign-in form, with a fresh token in a cookie for the form to echo.
pub(crate) async fn form(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    Query(query): Query<NextQuery>,
    jar: CookieJar,
) -> Result<Response, PageError> {
    let token = state.app.form_token()?;
    let next = safe_back(query.next);
    let mut page = login_page(
        &state,
        lang,
        &visitor,
        String::new(),
        next,
        token.clone(),
        None,
    );
    page.reset = query.reset.is_some();
    Ok((jar.add(form_cookie(&token)), page).into_response())
}

/// `POST /login`: signs in and returns to where the reader was going.
pub(crate) async fn submit(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    jar: CookieJar,
    PreSession(form): PreSession<LoginForm>,
) -> Result<Response, PageError> {
    let client = Client {
        address: Some(peer.ip().to_string()),
        user_agent: headers
            .get(header::USER_AGENT)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned),
    };
    let outcome = state
        .app
        .sign_in(&form.email, &form.password, client)
        .await?;
    match outcome {
        Ok(session) => {
            // Any earlier session in this browser ends: a session id never survives signing in.
            if let Some(old) = jar.get(SESSION_COOKIE) {
                state.app.sign_out(old.value()).await?;
            }
            let jar = jar
                .remove(removal(FORM_COOKIE))
                .add(session_cookie(session.0, state.secure_cookies));
            // The home page opens with what waits for the reader.
            let next = safe_back(Some(form.next));
            let next = if next.starts_with("/login") {
                "/".to_owned()
            } else {
                next
            };
            Ok((jar, Redirect::to(&next)).into_response())
        }
        Err(_refused) => {
            let (status, message) = (StatusCode::UNAUTHORIZED, t(lang, "login-wrong"));
            let token = state.app.form_token()?;
            let page = login_page(
                &state,
                lang,
                &visitor,
                form.email,
                safe_back(Some(form.next)),
                token.clone(),
                Some(message),
            );
            Ok((status, jar.add(form_cookie(&token)), page).into_response())
        }
    }
}

/// `POST /logout`: ends this session.
pub(crate) async fn logout(
    State(state): State<AppState>,
    jar: CookieJar,
    Posted(_, Button {}): Posted<Button>,
) -> Result<Response, PageError> {
    if let Some(cookie) = jar.get(SESSION_COOKIE) {
        state.app.sign_out(cookie.value()).await?;
    }
    Ok((jar.remove(removal(SESSION_COOKIE)), Redirect::to("/")).into_response())
}

/// `POST /logout/everywhere`: ends every session of this account, on every device.
pub(crate) async fn logout_everywhere(
    State(state): State<AppState>,
    jar: CookieJar,
    Posted(member, Button {}): Posted<Button>,
) -> Result<Response, PageError> {
    let ended = state.app.sign_out_everywhere(&member.0).await?;
    tracing::info!(
        account = member.0.account_id,
        ended,
        "signed out everywhere"
    );
    Ok((jar.remove(removal(SESSION_COOKIE)), Redirect::to("/login")).into_response())
}
