//! Writing a meeting's minutes: the form (opening, each agenda item's discussion, the decisions with
//! their responsible bodies and deadlines, closing), and the cycle's steps: circulating, withdrawing,
//! the chief innovation officer's approval, members' comments, and issue.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use udbhabon_core::meeting::minutes::cycle::{MinutesDraft, MinutesFields, minutes_fields};
use udbhabon_domain::meeting::minutes::MinutesStep;
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Button, Member, Posted};
use crate::error::PageError;
use crate::extract::Path;
use crate::form::{Choice, FieldErrors, choices, rejected};
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::state::AppState;

/// Empty decision rows offered below the filled ones, so that more can be added without a script.
const SPARE_ROWS: usize = 4;

#[derive(Template, WebTemplate)]
#[template(path = "meeting/minutes/form.html")]
pub(crate) struct MinutesPage {
    l: Layout,
    heading: String,
    csrf: String,
    action: String,
    meeting_href: String,
    errors: Vec<(String, String)>,
    fields: MinutesFields,
    /// Each agenda item: (index, "৩। আলোচ্যসূচি ১: …", discussion in Bengali, in English).
    items: Vec<(usize, String, String, String)>,
    /// The previous meeting's open decisions: ("২.১ — text", status).
    previous: Vec<(String, String)>,
    decisions: Vec<DecisionRowView>,
    comments: Vec<(String, String)>,
    /// Why the minutes cannot be written yet: the meeting is still to come.
    not_held: Option<String>,
}

struct DecisionRowView {
    index: usize,
    number: String,
    items: Vec<Choice>,
    bn: String,
    en: String,
    responsible: Vec<Choice>,
    deadline_kinds: Vec<Choice>,
    deadline_date: String,
    deadline_day: String,
}

impl FieldErrors for MinutesPage {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

fn minutes_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    draft: &MinutesDraft,
    fields: MinutesFields,
    errors: Vec<(String, String)>,
) -> MinutesPage {
    let detail = &draft.detail;
    let key = &detail.meeting.record.key;
    let heading = t_args(
        lang,
        "minutes-form-title",
        &[("title", detail.meeting.record.title.get(lang).to_owned())],
    );
    let agenda_items: Vec<(String, String)> =
        std::iter::once((String::new(), t(lang, "minutes-opening-paragraph")))
            .chain(detail.agenda.iter().enumerate().map(|(index, (item, _))| {
                (
                    index.to_string(),
                    format!(
                        "{}. {}",
                        format::digits(lang, &(index + 1).to_string()),
                        item.title.get(lang)
                    ),
                )
            }))
            .collect();
    let rows = fields.decisions_bn.len() + SPARE_ROWS;
    let decisions = (0..rows)
        .map(|index| {
            let chosen: Vec<&str> = fields
                .responsible
                .iter()
                .filter_map(|value| {
                    let (row, choice) = value.split_once('|')?;
                    (row == index.to_string()).then_some(choice)
                })
                .collect();
            DecisionRowView {
                index,
                number: format::digits(lang, &(index + 1).to_string()),
                items: choices(
                    &agenda_items,
                    Some(fields.decision_items.get(index).map_or("", String::as_str)),
                    |(value, _)| value.clone(),
                    |(_, label)| label.clone(),
                ),
                bn: fields.decisions_bn.get(index).cloned().unwrap_or_default(),
                en: fields.decisions_en.get(index).cloned().unwrap_or_default(),
                responsible: draft
                    .responsible
                    .iter()
                    .map(|choice| Choice {
                        value: format!("{index}|{}", choice.value),
                        label: choice.party.label.get(lang).to_owned(),
                        selected: chosen.contains(&choice.value.as_str()),
                    })
                    .collect(),
                deadline_kinds: choices(
                    ["by", "monthly", "yearly", "none"],
                    Some(
                        fields
                            .deadline_kinds
                            .get(index)
                            .map_or("by", String::as_str),
                    ),
                    |kind| (*kind).to_owned(),
                    |kind| t(lang, &format!("minutes-deadline-{kind}")),
                ),
                deadline_date: fields
                    .deadline_dates
                    .get(index)
                    .cloned()
                    .unwrap_or_default(),
                deadline_day: fields.deadline_days.get(index).cloned().unwrap_or_default(),
            }
        })
        .collect();
    let items = detail
        .agenda
        .iter()
        .enumerate()
        .map(|(index, (item, _))| {
            (
                index,
                format!(
                    "{}. {}",
                    format::digits(lang, &(index + 1).to_string()),
                    item.title.get(lang)
                ),
                fields
                    .discussions_bn
                    .get(index)
                    .cloned()
                    .unwrap_or_default(),
                fields
                    .discussions_en
                    .get(index)
                    .cloned()
                    .unwrap_or_default(),
            )
        })
        .collect();
    MinutesPage {
        l: Layout::of_member(
            &state.app,
            lang,
            member,
            heading.clone(),
            "meetings",
            &format!("/meetings/{key}/minutes"),
        ),
        heading,
        csrf: member.0.csrf_token.clone(),
        action: format!("/meetings/{key}/minutes"),
        meeting_href: format!("/meetings/{key}"),
        errors,
        items,
        not_held: (detail.meeting.record.held_on > state.app.today())
            .then(|| t(lang, "error-minutes-not-yet-held")),
        previous: draft
            .previous
            .iter()
            .flat_map(|previous| &previous.decisions)
            .map(|tracked| {
                (
                    format!(
                        "{} — {}",
                        format::digits(lang, &tracked.decision.serial.to_string()),
                        tracked.decision.text.get(lang)
                    ),
                    t(lang, &tracked.status.message_key()),
                )
            })
            .collect(),
        decisions,
        comments: draft
            .comments
            .iter()
            .map(|comment| (comment.author.clone(), comment.body.clone()))
            .collect(),
        fields,
    }
}

/// The opening and closing a first draft starts from: the seed minutes' wording.
fn with_standard_paragraphs(mut fields: MinutesFields) -> MinutesFields {
    if fields.opening_bn.is_empty() {
        fields.opening_bn = t(Lang::Bn, "minutes-standard-opening");
        fields.opening_en = t(Lang::En, "minutes-standard-opening");
    }
    if fields.closing_bn.is_empty() {
        fields.closing_bn = t(Lang::Bn, "minutes-standard-closing");
        fields.closing_en = t(Lang::En, "minutes-standard-closing");
    }
    fields
}

/// `GET /meetings/{key}/minutes`: the minutes form, started from the standard paragraphs.
pub(crate) async fn form(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
) -> Result<MinutesPage, PageError> {
    let draft = state.app.minutes_draft(&member.0, &key).await?;
    let fields = with_standard_paragraphs(minutes_fields(&draft));
    Ok(minutes_page(
        &state,
        lang,
        &member,
        &draft,
        fields,
        Vec::new(),
    ))
}

/// The minutes form as posted; decision rows arrive as repeated fields, in the order shown.
#[derive(Debug, Deserialize)]
pub(crate) struct MinutesForm {
    #[serde(default)]
    opening_bn: String,
    #[serde(default)]
    opening_en: String,
    #[serde(default)]
    closing_bn: String,
    #[serde(default)]
    closing_en: String,
    #[serde(default)]
    discussion_bn: Vec<String>,
    #[serde(default)]
    discussion_en: Vec<String>,
    #[serde(default)]
    decision_item: Vec<String>,
    #[serde(default)]
    decision_bn: Vec<String>,
    #[serde(default)]
    decision_en: Vec<String>,
    #[serde(default)]
    responsible: Vec<String>,
    #[serde(default)]
    deadline_kind: Vec<String>,
    #[serde(default)]
    deadline_on: Vec<String>,
    #[serde(default)]
    deadline_day: Vec<String>,
}

impl From<MinutesForm> for MinutesFields {
    fn from(form: MinutesForm) -> Self {
        Self {
            opening_bn: form.opening_bn,
            opening_en: form.opening_en,
            closing_bn: form.closing_bn,
            closing_en: form.closing_en,
            discussions_bn: form.discussion_bn,
            discussions_en: form.discussion_en,
            decision_items: form.decision_item,
            decisions_bn: form.decision_bn,
            decisions_en: form.decision_en,
            responsible: form.responsible,
            deadline_kinds: form.deadline_kind,
            deadline_dates: form.deadline_on,
            deadline_days: form.deadline_day,
        }
    }
}

/// `POST /meetings/{key}/minutes`: saves the draft minutes.
pub(crate) async fn save(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Posted(member, form): Posted<MinutesForm>,
) -> Result<Response, PageError> {
    let fields = MinutesFields::from(form);
    match state.app.save_minutes(&member.0, &key, &fields).await {
        Ok(()) => Ok(Redirect::to(&format!("/meetings/{key}")).into_response()),
        Err(error) => {
            rejected(lang, error, |errors| async {
                let draft = state.app.minutes_draft(&member.0, &key).await?;
                Ok(minutes_page(&state, lang, &member, &draft, fields, errors))
            })
            .await
        }
    }
}

#[derive(Debug, Deserialize)]
pub(crate) struct StepForm {
    #[serde(default)]
    comment: String,
    #[serde(default)]
    memo_file: String,
}

/// Answers a step on the minutes: back to the meeting, or the reason it was refused.
fn step_answer(key: &str, done: Result<(), udbhabon_core::Error>) -> Result<Response, PageError> {
    match done {
        Ok(()) => Ok(Redirect::to(&format!("/meetings/{key}")).into_response()),
        Err(error) => Err(PageError::from(error)),
    }
}

async fn take_step(
    state: AppState,
    member: Member,
    key: String,
    step: MinutesStep,
) -> Result<Response, PageError> {
    let done = state.app.minutes_step(&member.0, &key, step).await;
    step_answer(&key, done)
}

/// `POST /meetings/{key}/minutes/circulate`: sends the draft round the members for comments.
pub(crate) async fn circulate(
    State(state): State<AppState>,
    Path(key): Path<String>,
    Posted(member, _): Posted<Button>,
) -> Result<Response, PageError> {
    take_step(state, member, key, MinutesStep::Circulate).await
}

/// `POST /meetings/{key}/minutes/withdraw`: takes circulated or approved minutes back to the draft.
pub(crate) async fn withdraw(
    State(state): State<AppState>,
    Path(key): Path<String>,
    Posted(member, _): Posted<Button>,
) -> Result<Response, PageError> {
    take_step(state, member, key, MinutesStep::Withdraw).await
}

/// `POST /meetings/{key}/minutes/approve`: the chief innovation officer approves circulated minutes.
pub(crate) async fn approve(
    State(state): State<AppState>,
    Path(key): Path<String>,
    Posted(member, _): Posted<Button>,
) -> Result<Response, PageError> {
    take_step(state, member, key, MinutesStep::Approve).await
}

/// `POST /meetings/{key}/minutes/comments`: a member's comment on circulated minutes.
pub(crate) async fn comment(
    State(state): State<AppState>,
    Path(key): Path<String>,
    Posted(member, form): Posted<StepForm>,
) -> Result<Response, PageError> {
    let done = state
        .app
        .comment_on_minutes(&member.0, &key, &form.comment)
        .await;
    step_answer(&key, done)
}

/// `POST /meetings/{key}/minutes/issue`: numbers and issues approved minutes.
pub(crate) async fn issue(
    State(state): State<AppState>,
    Path(key): Path<String>,
    Posted(member, form): Posted<StepForm>,
) -> Result<Response, PageError> {
    let done = state
        .app
        .issue_minutes(&member.0, &key, &form.memo_file)
        .await
        .map(|_| ());
    step_answer(&key, done)
}

/// `GET /meetings/{key}/minutes/preview.pdf`: the minutes as they will be issued, marked as a preview.
pub(crate) async fn preview_pdf(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
) -> Result<Response, PageError> {
    let document = state.app.minutes_preview(&member.0, &key, lang).await?;
    Ok(crate::download::pdf(
        document,
        crate::download::Disposition::Inline,
    ))
}
