//! The signed-in person's own page: who they are, their roles, changing the password, signing out.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;
use udbhabon_i18n::{Lang, t};

use crate::auth::{Member, SESSION_COOKIE, Visitor};
use crate::error::PageError;
use crate::form::rejected;
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::state::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "account/show.html")]
pub(crate) struct AccountPage {
    l: Layout,
    name: String,
    email: String,
    roles: Vec<(String, String)>,
    csrf: String,
    notice: Option<String>,
    errors: Vec<(String, String)>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct PasswordForm {
    #[serde(default)]
    csrf: String,
    current: String,
    new: String,
    confirm: String,
}

async fn page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    notice: Option<String>,
    errors: Vec<(String, String)>,
) -> Result<AccountPage, PageError> {
    let who = &member.0;
    let offices = state
        .app
        .grant_offices(who)
        .await
        .map_err(|error| PageError::new(lang, error))?;
    let visitor = Visitor(Some(who.clone()));
    Ok(AccountPage {
        l: Layout::new(
            lang,
            &visitor,
            t(lang, "account-title"),
            "account",
            "/account",
            state.app.today(),
        ),
        name: who.name.get(lang).to_owned(),
        email: who.email.clone(),
        roles: offices
            .into_iter()
            .map(|(role, office)| {
                (
                    t(lang, &role.message_key()),
                    office.name.get(lang).to_owned(),
                )
            })
            .collect(),
        csrf: who.csrf_token.clone(),
        notice,
        errors,
    })
}

#[derive(Debug, Deserialize)]
pub(crate) struct ShowQuery {
    changed: Option<String>,
}

/// `GET /account` (`?changed=1` after a password change).
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Query(query): Query<ShowQuery>,
) -> Result<AccountPage, PageError> {
    let notice = query.changed.map(|_| t(lang, "account-password-changed"));
    page(&state, lang, &member, notice, Vec::new()).await
}

/// `POST /account/password`: changes the password; other sessions end, this one stays.
pub(crate) async fn change_password(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    jar: CookieJar,
    Form(form): Form<PasswordForm>,
) -> Result<Response, PageError> {
    member.check_form(lang, &form.csrf)?;
    if form.new != form.confirm {
        let errors = vec![("confirm".to_owned(), t(lang, "error-password-mismatch"))];
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            page(&state, lang, &member, None, errors).await?,
        )
            .into_response());
    }
    let token = jar
        .get(SESSION_COOKIE)
        .map(|cookie| cookie.value().to_owned())
        .unwrap_or_default();
    match state
        .app
        .change_password(&member.0, &token, &form.current, &form.new)
        .await
    {
        Ok(()) => Ok(Redirect::to("/account?changed=1").into_response()),
        Err(error) => {
            rejected(lang, error, |errors| {
                page(&state, lang, &member, None, errors)
            })
            .await
        }
    }
}
