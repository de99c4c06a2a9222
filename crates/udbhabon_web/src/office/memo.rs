//! An office's memo register page: its memo files (opened, corrected and closed by those who keep
//! them), taking the next number of a file, and every number the office issued.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use udbhabon_core::office::memo::{MemoFileForm, MemoRegister};
use udbhabon_domain::ValidationErrors;
use udbhabon_domain::office::memo::MemoFileFields;
use udbhabon_i18n::{Lang, format, t_args};

use crate::auth::{Member, Posted};
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::form::{Choice, choices, rejected, with_none};
use crate::lang::ReaderLang;
use crate::layout::{Layout, encode_component};
use crate::state::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "office/memo/register.html")]
pub(crate) struct RegisterPage {
    l: Layout,
    heading: String,
    office_href: String,
    /// For those who keep the files: the session's token.
    csrf: Option<String>,
    take_action: String,
    /// The open files a number can be taken from: (id, "number — subject").
    open_files: Vec<(i32, String)>,
    files: Vec<FileLine>,
    /// For those who keep the files: the form that opens one, with what was typed when it was refused.
    new_file: Option<FileFormView>,
    entries: Vec<RegisterLine>,
    notice: Option<String>,
    errors: Vec<(String, String)>,
}

struct FileLine {
    number: String,
    subject: String,
    unit: Option<String>,
    issued: String,
    /// "Closed on …", or `None` while the file is open.
    closed: Option<String>,
    /// For those who keep the files, while it is open: its correction form and where closing posts.
    edit: Option<FileFormView>,
    close_action: String,
}

/// The fields of a file's form.
struct FileFormView {
    action: String,
    /// Whether the form is shown open (it was just refused).
    open: bool,
    file_number: String,
    subject_bn: String,
    subject_en: String,
    units: Vec<Choice>,
    /// Distinguishes the ids of several forms on the page.
    id: String,
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

/// A memo file's form as posted.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct FileForm {
    file_number: String,
    subject_bn: String,
    #[serde(default)]
    subject_en: String,
    /// The unit's id, or empty for the office itself.
    #[serde(default)]
    unit: String,
}

impl FileForm {
    fn to_core(&self) -> Result<MemoFileForm, PageError> {
        let unit = self.unit.trim();
        Ok(MemoFileForm {
            fields: MemoFileFields {
                file_number: self.file_number.clone(),
                subject_bn: self.subject_bn.clone(),
                subject_en: self.subject_en.clone(),
            },
            unit_id: if unit.is_empty() {
                None
            } else {
                Some(
                    bangla::to_ascii_digits(unit)
                        .parse()
                        .map_err(|_| PageError::bad_input("error-memo-file-unit"))?,
                )
            },
        })
    }
}

/// Closing a file, confirmed by a ticked box.
#[derive(Debug, Deserialize)]
pub(crate) struct CloseForm {
    #[serde(default)]
    confirm: String,
}

/// A refused form to show again: which file's (`None` for a new one) and what was typed.
type Refused<'a> = Option<(Option<i32>, &'a FileForm)>;

fn file_form(
    lang: Lang,
    register: &MemoRegister,
    action: String,
    id: String,
    values: FileForm,
    open: bool,
) -> FileFormView {
    let selected = values.unit.trim().to_owned();
    FileFormView {
        action,
        open,
        file_number: values.file_number,
        subject_bn: values.subject_bn,
        subject_en: values.subject_en,
        units: with_none(choices(
            &register.units,
            Some(selected.as_str()),
            |unit| unit.id.to_string(),
            |unit| unit.name.get(lang).to_owned(),
        )),
        id,
    }
}

async fn page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    office_key: &str,
    errors: Vec<(String, String)>,
    refused: Refused<'_>,
) -> Result<RegisterPage, PageError> {
    let register = state.app.memo_register(&member.0, office_key).await?;
    let key = encode_component(&register.office.key);
    let base = format!("/offices/{key}/memos");
    let heading = t_args(
        lang,
        "memo-title",
        &[("office", register.office.name.get(lang).to_owned())],
    );
    let label = |file: &udbhabon_core::MemoFileRow| {
        format!(
            "{} — {}",
            format::digits(lang, &file.file_number.to_string()),
            file.subject.get(lang)
        )
    };
    let files = register
        .files
        .iter()
        .map(|(file, issued)| {
            let refused_here = refused.filter(|(id, _)| *id == Some(file.id));
            let values = refused_here.map_or_else(
                || FileForm {
                    file_number: format::digits(lang, &file.file_number.to_string()),
                    subject_bn: file.subject.bn.clone(),
                    subject_en: file.subject.en.clone(),
                    unit: file.unit_id.map(|id| id.to_string()).unwrap_or_default(),
                },
                |(_, form)| (*form).clone(),
            );
            FileLine {
                number: format::digits(lang, &file.file_number.to_string()),
                subject: file.subject.get(lang).to_owned(),
                unit: file.unit_id.and_then(|id| {
                    register
                        .units
                        .iter()
                        .find(|unit| unit.id == id)
                        .map(|unit| unit.name.get(lang).to_owned())
                }),
                issued: t_args(
                    lang,
                    "memo-file-issued",
                    &[("count", format::number(lang, *issued as i64))],
                ),
                closed: file.closed_on.map(|on| {
                    t_args(
                        lang,
                        "memo-file-closed-on",
                        &[("date", format::date_both(lang, on))],
                    )
                }),
                edit: (register.can_manage && file.closed_on.is_none()).then(|| {
                    file_form(
                        lang,
                        &register,
                        format!("/offices/{key}/memo-files/{}", file.id),
                        format!("file-{}", file.id),
                        values,
                        refused_here.is_some(),
                    )
                }),
                close_action: format!("/offices/{key}/memo-files/{}/close", file.id),
            }
        })
        .collect();
    let new_values = refused
        .filter(|(id, _)| id.is_none())
        .map(|(_, form)| form.clone())
        .unwrap_or_default();
    let new_file = register.can_manage.then(|| {
        file_form(
            lang,
            &register,
            format!("/offices/{key}/memo-files"),
            "new".to_owned(),
            new_values,
            refused.is_some_and(|(id, _)| id.is_none()),
        )
    });
    Ok(RegisterPage {
        l: Layout::of_member(&state.app, lang, member, heading.clone(), "memos", &base),
        heading,
        office_href: format!("/offices/{key}"),
        csrf: register.can_manage.then(|| member.0.csrf_token.clone()),
        take_action: base,
        open_files: register
            .files
            .iter()
            .filter(|(file, _)| file.closed_on.is_none())
            .map(|(file, _)| (file.id, label(file)))
            .collect(),
        files,
        new_file,
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
        notice: None,
        errors,
    })
}

#[derive(Debug, Deserialize)]
pub(crate) struct RegisterQuery {
    /// The number just taken, to announce above the register.
    taken: Option<String>,
    /// A file just opened, corrected or closed, by its number.
    opened: Option<String>,
    saved: Option<String>,
    closed: Option<String>,
}

/// `GET /memos`: the register of the reader's own office.
pub(crate) async fn mine(
    State(state): State<AppState>,
    member: Member,
) -> Result<Response, PageError> {
    let office = state.app.office_for(Some(&member.0), None).await?;
    Ok(Redirect::to(&format!("/offices/{}/memos", encode_component(&office.key))).into_response())
}

/// `GET /offices/{key}/memos` (`?taken=NUMBER` after taking one, `?opened=`, `?saved=` or `?closed=`
/// with a file's number after keeping the files).
pub(crate) async fn register(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
    Query(query): Query<RegisterQuery>,
) -> Result<RegisterPage, PageError> {
    let mut page = page(&state, lang, &member, &key, Vec::new(), None).await?;
    // Only what the register holds is announced, so a link cannot make the page claim another.
    let number = |text: &Option<String>| text.as_deref().map(|text| format::digits(lang, text));
    let taken =
        number(&query.taken).filter(|memo| page.entries.iter().any(|entry| entry.memo == *memo));
    let file = |text: &Option<String>| {
        number(text).filter(|number| page.files.iter().any(|file| file.number == *number))
    };
    page.notice = match (
        taken,
        file(&query.opened),
        file(&query.saved),
        file(&query.closed),
    ) {
        (Some(memo), ..) => Some(t_args(lang, "memo-taken", &[("memo", memo)])),
        (_, Some(file), ..) => Some(t_args(lang, "memo-file-opened", &[("file", file)])),
        (_, _, Some(file), _) => Some(t_args(lang, "memo-file-saved", &[("file", file)])),
        (.., Some(file)) => Some(t_args(lang, "memo-file-closed", &[("file", file)])),
        _ => None,
    };
    Ok(page)
}

/// The register, announcing `what` about the file or number `value`.
fn back_to_register(key: &str, what: &str, value: &str) -> Response {
    Redirect::to(&format!(
        "/offices/{}/memos?{what}={}",
        encode_component(key),
        encode_component(value)
    ))
    .into_response()
}

/// `POST /offices/{key}/memos`: takes the next number of a file, then goes to the register, which
/// announces it at the top; reloading the register takes no second number.
pub(crate) async fn take(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Posted(member, form): Posted<TakeForm>,
) -> Result<Response, PageError> {
    match state
        .app
        .take_memo_number(
            &member.0,
            &key,
            form.file,
            &form.purpose_bn,
            &form.purpose_en,
        )
        .await
    {
        Ok(memo) => Ok(back_to_register(&key, "taken", &memo.to_string())),
        Err(error) => {
            rejected(lang, error, |errors| {
                page(&state, lang, &member, &key, errors, None)
            })
            .await
        }
    }
}

/// `POST /offices/{key}/memo-files`: opens a file.
pub(crate) async fn open(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Posted(member, form): Posted<FileForm>,
) -> Result<Response, PageError> {
    let result = state
        .app
        .add_memo_file(&member.0, &key, &form.to_core()?)
        .await;
    match result {
        Ok(number) => Ok(back_to_register(&key, "opened", &number.to_string())),
        Err(error) => {
            rejected(lang, error, |errors| {
                page(&state, lang, &member, &key, errors, Some((None, &form)))
            })
            .await
        }
    }
}

/// `POST /offices/{key}/memo-files/{id}`: corrects a file.
pub(crate) async fn save(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path((key, id)): Path<(String, i32)>,
    Posted(member, form): Posted<FileForm>,
) -> Result<Response, PageError> {
    let result = state
        .app
        .change_memo_file(&member.0, &key, id, &form.to_core()?)
        .await;
    match result {
        Ok(number) => Ok(back_to_register(&key, "saved", &number.to_string())),
        Err(error) => {
            rejected(lang, error, |errors| {
                page(&state, lang, &member, &key, errors, Some((Some(id), &form)))
            })
            .await
        }
    }
}

/// `POST /offices/{key}/memo-files/{id}/close`: closes a file; its numbers stay in the register.
pub(crate) async fn close(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path((key, id)): Path<(String, i32)>,
    Posted(member, form): Posted<CloseForm>,
) -> Result<Response, PageError> {
    let closed = if form.confirm == "1" {
        state.app.close_memo_file(&member.0, &key, id).await
    } else {
        let mut errors = ValidationErrors::new();
        errors.add("confirm", "error-memo-file-close-confirm");
        Err(errors.into())
    };
    match closed {
        Ok(number) => Ok(back_to_register(&key, "closed", &number.to_string())),
        Err(error) => {
            rejected(lang, error, |errors| {
                page(&state, lang, &member, &key, errors, None)
            })
            .await
        }
    }
}
