//! The memo register page: every memo number the office issued, and taking the next number of a file.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use udbhabon_i18n::{Lang, format, t_args};

use crate::auth::{Member, Posted};
use crate::error::PageError;
use crate::extract::Query;
use crate::form::rejected;
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::state::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "office/memo/register.html")]
pub(crate) struct RegisterPage {
    l: Layout,
    heading: String,
    csrf: Option<String>,
    files: Vec<(i32, String)>,
    entries: Vec<RegisterLine>,
    notice: Option<String>,
    errors: Vec<(String, String)>,
}

struct RegisterLine {
    memo: String,
    date: String,
    purpose: String,
    issued_by: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct TakeForm {
    file: i32,
    purpose_bn: String,
    #[serde(default)]
    purpose_en: String,
}

async fn page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    notice: Option<String>,
    errors: Vec<(String, String)>,
) -> Result<RegisterPage, PageError> {
    let register = state.app.memo_register(&member.0).await?;
    let heading = t_args(
        lang,
        "memo-title",
        &[("office", register.office.name.get(lang).to_owned())],
    );
    Ok(RegisterPage {
        l: Layout::of_member(&state.app, lang, member, heading.clone(), "memos", "/memos"),
        heading,
        csrf: register.can_take.then(|| member.0.csrf_token.clone()),
        files: register
            .files
            .iter()
            .map(|file| {
                (
                    file.id,
                    format!(
                        "{} — {}",
                        format::digits(lang, &file.file_number.to_string()),
                        file.subject.get(lang)
                    ),
                )
            })
            .collect(),
        entries: register
            .entries
            .iter()
            .map(|entry| RegisterLine {
                memo: format::digits(lang, &entry.memo_number.to_string()),
                date: format::date_both(lang, entry.issued_on),
                purpose: entry.purpose.get(lang).to_owned(),
                issued_by: entry.issued_by.clone(),
            })
            .collect(),
        notice,
        errors,
    })
}

#[derive(Debug, Deserialize)]
pub(crate) struct RegisterQuery {
    /// The number just taken, to announce above the register.
    taken: Option<String>,
}

/// `GET /memos` (`?taken=NUMBER` after taking one).
pub(crate) async fn register(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Query(query): Query<RegisterQuery>,
) -> Result<RegisterPage, PageError> {
    let mut page = page(&state, lang, &member, None, Vec::new()).await?;
    // Only a number the register holds is announced, so a link cannot make the page claim another.
    let taken = query
        .taken
        .map(|memo| format::digits(lang, &memo))
        .filter(|memo| page.entries.iter().any(|entry| entry.memo == *memo));
    page.notice = taken.map(|memo| t_args(lang, "memo-taken", &[("memo", memo)]));
    Ok(page)
}

/// `POST /memos`: takes the next number of a file, then goes to the register, which announces it at the
/// top; reloading the register takes no second number.
pub(crate) async fn take(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Posted(member, form): Posted<TakeForm>,
) -> Result<Response, PageError> {
    match state
        .app
        .take_memo_number(&member.0, form.file, &form.purpose_bn, &form.purpose_en)
        .await
    {
        Ok(memo) => Ok(Redirect::to(&format!(
            "/memos?taken={}",
            crate::layout::encode_component(&memo.to_string())
        ))
        .into_response()),
        Err(error) => {
            rejected(lang, error, |errors| {
                page(&state, lang, &member, None, errors)
            })
            .await
        }
    }
}
