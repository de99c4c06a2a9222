//! The signed-in person's own page: who they are, their roles, changing the password, how they are
//! mailed, the calendar feed, signing out; and the feed itself.

pub(crate) mod notification;
pub(crate) mod password;
pub(crate) mod session;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;
use udbhabon_core::account::notification::MailPreference;
use udbhabon_i18n::{Lang, t};

use crate::auth::{Button, Member, Posted, SESSION_COOKIE, Visitor};
use crate::error::PageError;
use crate::extract::{Path, Query};
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
    /// Whether the account has a calendar feed, and its address just after it was made (only then
    /// can it be shown: the system keeps a hash of it).
    has_calendar: bool,
    calendar_address: Option<String>,
    /// How the account is mailed: the language's tag, and whether in one digest a day.
    mail_lang: &'static str,
    mail_digest: bool,
}

#[derive(Debug, Deserialize)]
pub(crate) struct MailForm {
    /// The language's tag, "bn" or "en".
    lang: String,
    /// "at-once" or "digest".
    when: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct PasswordForm {
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
    with_calendar(state, lang, member, notice, errors, None).await
}

async fn with_calendar(
    state: &AppState,
    lang: Lang,
    member: &Member,
    notice: Option<String>,
    errors: Vec<(String, String)>,
    calendar_address: Option<String>,
) -> Result<AccountPage, PageError> {
    let who = &member.0;
    let has_calendar = state.app.has_calendar_feed(who).await?;
    let mail = state.app.mail_preference(who).await?;
    let offices = state.app.grant_offices(who).await?;
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
        has_calendar,
        calendar_address,
        mail_lang: mail.lang.tag(),
        mail_digest: mail.digest,
    })
}

/// `POST /account/calendar`: makes a new secret address for the account's calendar feed and shows
/// it once; an earlier address stops working.
pub(crate) async fn renew_calendar(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Posted(member, Button {}): Posted<Button>,
) -> Result<AccountPage, PageError> {
    let token = state.app.renew_calendar_feed(&member.0).await?;
    let address = state.app.calendar_address(&token);
    with_calendar(
        &state,
        lang,
        &member,
        Some(t(lang, "account-calendar-made")),
        Vec::new(),
        Some(address),
    )
    .await
}

/// `GET /calendar/{token}`: the account's meetings and deadlines as an iCalendar feed, for calendar
/// programs, which cannot sign in; the token is the secret.
pub(crate) async fn calendar_feed(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    let token = token.trim_end_matches(".ics");
    let feed = state.app.calendar_feed(token).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "private, max-age=300"),
        ],
        feed,
    )
        .into_response())
}

#[derive(Debug, Deserialize)]
pub(crate) struct ShowQuery {
    changed: Option<String>,
    mail: Option<String>,
}

/// `GET /account` (`?changed=1` after a password change, `?mail=1` after the mail settings).
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Query(query): Query<ShowQuery>,
) -> Result<AccountPage, PageError> {
    let notice = match (query.changed, query.mail) {
        (Some(_), _) => Some(t(lang, "account-password-changed")),
        (None, Some(_)) => Some(t(lang, "account-mail-saved")),
        (None, None) => None,
    };
    page(&state, lang, &member, notice, Vec::new()).await
}

/// `POST /account/mail`: the language of the account's mail, and whether hand-offs come one by one or
/// in a digest a day.
pub(crate) async fn change_mail(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Posted(member, form): Posted<MailForm>,
) -> Result<Response, PageError> {
    let mail_lang = Lang::ALL.into_iter().find(|known| known.tag() == form.lang);
    let digest = match form.when.as_str() {
        "at-once" => Some(false),
        "digest" => Some(true),
        _ => None,
    };
    let (Some(mail_lang), Some(digest)) = (mail_lang, digest) else {
        let errors = vec![("mail".to_owned(), t(lang, "error-mail-preference"))];
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            page(&state, lang, &member, None, errors).await?,
        )
            .into_response());
    };
    let preference = MailPreference {
        lang: mail_lang,
        digest,
    };
    state.app.set_mail_preference(&member.0, preference).await?;
    Ok(Redirect::to("/account?mail=1").into_response())
}

/// `POST /account/password`: changes the password; other sessions end, this one stays.
pub(crate) async fn change_password(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    jar: CookieJar,
    Posted(member, form): Posted<PasswordForm>,
) -> Result<Response, PageError> {
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
