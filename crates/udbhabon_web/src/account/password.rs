//! A forgotten password: asking for a reset link by mail, and setting a new password through it.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;
use udbhabon_i18n::{Lang, t};

use crate::auth::{PreSession, Visitor, form_cookie};
use crate::error::PageError;
use crate::extract::Path;
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
    form_token: String,
    /// The form's action; `None` when the link can no longer be used.
    action: Option<String>,
    errors: Vec<(String, String)>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ForgotForm {
    email: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ResetForm {
    new: String,
    confirm: String,
    /// The form's token, for showing the form again.
    form_token: String,
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
    let token = state.app.form_token()?;
    let page = forgot_page(&state, lang, &visitor, token.clone(), false);
    Ok((jar.add(form_cookie(&token)), page).into_response())
}

/// `POST /password/forgot`: sends the link if the address has an account; the answer is the same either way.
pub(crate) async fn send_link(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    PreSession(form): PreSession<ForgotForm>,
) -> Result<Response, PageError> {
    state.app.request_password_reset(&form.email, lang).await?;
    Ok(forgot_page(&state, lang, &visitor, String::new(), true).into_response())
}

async fn reset_page(
    state: &AppState,
    lang: Lang,
    visitor: &Visitor,
    (token, form_token): (&str, &str),
    errors: Vec<(String, String)>,
) -> Result<ResetPage, PageError> {
    let usable = state.app.reset_link_usable(token).await?;
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
        form_token: form_token.to_owned(),
        errors,
    })
}

/// `GET /password/reset/{token}`: the new-password form, or why the link no longer works.
pub(crate) async fn reset_form(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    Path(token): Path<String>,
    jar: CookieJar,
) -> Result<Response, PageError> {
    let form_token = state.app.form_token()?;
    let page = reset_page(&state, lang, &visitor, (&token, &form_token), Vec::new()).await?;
    let status = if page.action.is_some() {
        StatusCode::OK
    } else {
        StatusCode::GONE
    };
    Ok((status, jar.add(form_cookie(&form_token)), page).into_response())
}

/// `POST /password/reset/{token}`: sets the new password; the link is used up and every session ends.
pub(crate) async fn reset(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    Path(token): Path<String>,
    PreSession(form): PreSession<ResetForm>,
) -> Result<Response, PageError> {
    let tokens = (token.as_str(), form.form_token.as_str());
    if form.new != form.confirm {
        let errors = vec![("confirm".to_owned(), t(lang, "error-password-mismatch"))];
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            reset_page(&state, lang, &visitor, tokens, errors).await?,
        )
            .into_response());
    }
    match state.app.reset_password(&token, &form.new).await {
        Ok(Ok(())) => Ok(Redirect::to("/login?reset=1").into_response()),
        Ok(Err(_)) => Ok((
            StatusCode::GONE,
            reset_page(&state, lang, &visitor, tokens, Vec::new()).await?,
        )
            .into_response()),
        Err(error) => {
            rejected(lang, error, |errors| {
                reset_page(&state, lang, &visitor, tokens, errors)
            })
            .await
        }
    }
}
