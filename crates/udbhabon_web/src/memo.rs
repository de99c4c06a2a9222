//! The memo register page: every memo number the office issued, and taking the next number of a file.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use udbhabon_i18n::{Lang, format, t_args};

use crate::auth::{Member, Visitor};
use crate::error::PageError;
use crate::form::rejected;
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::state::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "memo/register.html")]
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
    #[serde(default)]
    csrf: String,
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
    let register = state
        .app
        .memo_register(&member.0)
        .await
        .map_err(|error| PageError::new(lang, error))?;
    let heading = t_args(
        lang,
        "memo-title",
        &[("office", register.office.name.get(lang).to_owned())],
    );
    Ok(RegisterPage {
        l: Layout::new(
            lang,
            &Visitor(Some(member.0.clone())),
            heading.clone(),
            "memos",
            "/memos",
            state.app.today(),
        ),
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

/// `GET /memos`.
pub(crate) async fn register(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
) -> Result<RegisterPage, PageError> {
    page(&state, lang, &member, None, Vec::new()).await
}

/// `POST /memos`: takes the next number of a file; the page then shows it at the top of the register.
pub(crate) async fn take(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Form(form): Form<TakeForm>,
) -> Result<Response, PageError> {
    member.check_form(lang, &form.csrf)?;
    match state
        .app
        .take_memo_number(&member.0, form.file, &form.purpose_bn, &form.purpose_en)
        .await
    {
        Ok(memo) => {
            let number = format::digits(lang, &memo.to_string());
            let notice = t_args(lang, "memo-taken", &[("memo", number)]);
            Ok(page(&state, lang, &member, Some(notice), Vec::new())
                .await?
                .into_response())
        }
        Err(error) => {
            rejected(lang, error, |errors| {
                page(&state, lang, &member, None, errors)
            })
            .await
        }
    }
}
