//! Postponing or cancelling a called meeting: the form that says who mail will not reach, the change
//! issued with its numbered notice, and each change's notice as kept.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use udbhabon_core::meeting::change::{ChangeChoices, ChangeFields};
use udbhabon_core::meeting::notice::letter;
use udbhabon_domain::Vocabulary;
use udbhabon_domain::meeting::MeetingChangeKind;
use udbhabon_i18n::{Lang, t, t_args};

use crate::auth::{Member, Posted};
use crate::download::Disposition;
use crate::error::PageError;
use crate::extract::Path;
use crate::form::{Choice, FieldErrors, memo_file_choices, rejected};
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::state::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "meeting/change.html")]
pub(crate) struct ChangePage {
    l: Layout,
    heading: String,
    meeting_href: String,
    /// The meeting's day, time, place and chair as they stand.
    particulars: Vec<(String, String)>,
    /// Why it cannot be changed now; the form is then not shown.
    why_not: Option<String>,
    /// (code, label, chosen)
    kinds: Vec<(String, String, bool)>,
    typed: ChangeFields,
    memo_files: Vec<Choice>,
    unreached: Vec<String>,
    action: String,
    csrf: String,
    errors: Vec<(String, String)>,
}

impl FieldErrors for ChangePage {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

fn change_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    choices: &ChangeChoices,
    (typed, errors): (ChangeFields, Vec<(String, String)>),
) -> ChangePage {
    let record = &choices.detail.meeting.record;
    let key = &record.key;
    let heading = t_args(
        lang,
        "meeting-change-heading",
        &[("title", record.title.get(lang).to_owned())],
    );
    ChangePage {
        l: Layout::of_member(
            &state.app,
            lang,
            member,
            heading.clone(),
            "meetings",
            &format!("/meetings/{key}/change"),
        ),
        heading,
        meeting_href: format!("/meetings/{key}"),
        particulars: letter::particulars(&choices.detail, lang),
        why_not: choices.why_not.map(|key| t(lang, key)),
        kinds: MeetingChangeKind::ALL
            .iter()
            .map(|kind| {
                (
                    kind.code().to_owned(),
                    t(lang, &kind.message_key()),
                    kind.code() == typed.kind,
                )
            })
            .collect(),
        memo_files: memo_file_choices(lang, &choices.memo_files, Some(&typed.memo_file)),
        unreached: choices.unreached.clone(),
        action: format!("/meetings/{key}/change"),
        csrf: member.0.csrf_token.clone(),
        typed,
        errors,
    }
}

/// `GET /meetings/{key}/change`.
pub(crate) async fn form(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
) -> Result<ChangePage, PageError> {
    let choices = state.app.change_choices(&member.0, &key, lang).await?;
    let record = &choices.detail.meeting.record;
    let typed = ChangeFields {
        kind: MeetingChangeKind::Postponed.code().to_owned(),
        held_on: record.held_on.to_string(),
        starts_at: record
            .starts_at
            .map(|time| time.format("%H:%M").to_string())
            .unwrap_or_default(),
        // The change is numbered from the file the invitation was, unless another is chosen.
        memo_file: record
            .notice_memo
            .as_ref()
            .and_then(|memo| {
                choices
                    .memo_files
                    .iter()
                    .find(|file| file.file_number == memo.file())
            })
            .map(|file| file.id.to_string())
            .unwrap_or_default(),
        ..ChangeFields::default()
    };
    Ok(change_page(
        &state,
        lang,
        &member,
        &choices,
        (typed, Vec::new()),
    ))
}

/// The change form as posted.
#[derive(Debug, Deserialize)]
pub(crate) struct ChangeForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    held_on: String,
    #[serde(default)]
    starts_at: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    memo_file: String,
}

/// `POST /meetings/{key}/change`: the change issued, back to the meeting.
pub(crate) async fn change(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Posted(member, form): Posted<ChangeForm>,
) -> Result<Response, PageError> {
    let typed = ChangeFields {
        kind: form.kind,
        held_on: form.held_on,
        starts_at: form.starts_at,
        reason: form.reason,
        memo_file: form.memo_file,
    };
    match state.app.change_meeting(&member.0, &key, &typed).await {
        Ok(_) => Ok(Redirect::to(&format!("/meetings/{key}")).into_response()),
        Err(error) => {
            rejected(lang, error, |errors| async {
                let choices = state.app.change_choices(&member.0, &key, lang).await?;
                Ok(change_page(
                    &state,
                    lang,
                    &member,
                    &choices,
                    (typed, errors),
                ))
            })
            .await
        }
    }
}

/// `GET /meetings/{key}/changes/{id}/notice.pdf`: a change's notice as it was issued.
pub(crate) async fn notice_pdf(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path((key, id)): Path<(String, i32)>,
) -> Result<Response, PageError> {
    let document = state
        .app
        .change_notice_pdf(&member.0, &key, id, lang)
        .await?;
    Ok(crate::download::pdf(document, Disposition::Inline))
}
