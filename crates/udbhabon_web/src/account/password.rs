//! A forgotten password: asking for a reset link by mail, and setting a new password through it.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;
use udbhabon_i18n::{Lang, t};

use crate::auth::{Visitor, check_form_token, form_cookie};
use crate::error::PageError;
use crate::extract::{Form, Path};
use crate::form::rejected;
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::state::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "account/password/forgot.html")]
pub(crate) struct ForgotPage {
    l: Layout,
    form_token: String,
    sent: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "account/password/reset.html")]
pub(crate) struct ResetPage {
    l: Layout,
    /// The form's action; `None` when the link can no longer be used.
    action: Option<String>,
    errors: Vec<(String, String)>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ForgotForm {
    email: String,
    #[serde(default)]
    form_token: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ResetForm {
    new: String,
    confirm: String,
}

fn forgot_page(
    state: &AppState,
    lang: Lang,
    visitor: &Visitor,
    form_token: String,
    sent: bool,
) -> ForgotPage {
    ForgotPage {
        l: Layout::new(
            lang,
            visitor,
            t(lang, "reset-title"),
            "login",
            "/password/forgot",
            state.app.today(),
        ),
        form_token,
        sent,
    }
}

/// `GET /password/forgot`.
pub(crate) async fn forgot(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    jar: CookieJar,
) -> Result<Response, PageError> {
    let token = state
        .app
        .form_token()
        .map_err(|error| PageError::new(lang, error))?;
    let page = forgot_page(&state, lang, &visitor, token.clone(), false);
    Ok((jar.add(form_cookie(&token)), page).into_response())
}

/// `POST /password/forgot`: sends the link if the address has an account; the answer is the same either way.
pub(crate) async fn send_link(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    jar: CookieJar,
    Form(form): Form<ForgotForm>,
) -> Result<Response, PageError> {
    check_form_token(&jar, &form.form_token, lang)?;
    state
        .app
        .request_password_reset(&form.email, lang)
        .await
        .map_err(|error| PageError::new(lang, error))?;
    Ok(forgot_page(&state, lang, &visitor, String::new(), true).into_response())
}

async fn reset_page(
    state: &AppState,
    lang: Lang,
    visitor: &Visitor,
    token: &str,
    errors: Vec<(String, String)>,
) -> Result<ResetPage, PageError> {
    let usable = state
        .app
        .reset_link_usable(token)
        .await
        .map_err(|error| PageError::new(lang, error))?;
    Ok(ResetPage {
        l: Layout::new(
            lang,
            visitor,
            t(lang, "reset-new-title"),
            "login",
            "/password/forgot",
            state.app.today(),
        ),
        action: usable.then(|| format!("/password/reset/{token}")),
        errors,
    })
}

/// `GET /password/reset/{token}`: the new-password form, or why the link no longer works.
pub(crate) async fn reset_form(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    let page = reset_page(&state, lang, &visitor, &token, Vec::new()).await?;
    let status = if page.action.is_some() {
        StatusCode::OK
    } else {
        StatusCode::GONE
    };
    Ok((status, page).into_response())
}

/// `POST /password/reset/{token}`: sets the new password; the link is used up and every session ends.
/// The link itself is the proof of identity, so this form needs no other token.
pub(crate) async fn reset(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    Path(token): Path<String>,
    Form(form): Form<ResetForm>,
) -> Result<Response, PageError> {
    if form.new != form.confirm {
        let errors = vec![("confirm".to_owned(), t(lang, "error-password-mismatch"))];
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            reset_page(&state, lang, &visitor, &token, errors).await?,
        )
            .into_response());
    }
    match state.app.reset_password(&token, &form.new).await {
        Ok(Ok(())) => Ok(Redirect::to("/login?reset=1").into_response()),
        Ok(Err(_)) => Ok((
            StatusCode::GONE,
            reset_page(&state, lang, &visitor, &token, Vec::new()).await?,
        )
            .into_response()),
        Err(error) => {
            rejected(lang, error, |errors| {
                reset_page(&state, lang, &visitor, &token, errors)
            })
            .await
        }
    }
}
