//! Quarterly progress: the form for one indicator's quarter (achievement, comment, evidence files; save
//! or submit), the office above's review of it, the plan's steps (submit, approve, return, lock), and
//! evidence downloads.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use bangla::Quarter;
use serde::Deserialize;
use udbhabon_core::Error;
use udbhabon_core::meeting::decision::{FeedBasis, FeedFigure};
use udbhabon_core::plan::progress::{ProgressForm, ProgressRefusal};
use udbhabon_core::plan::{PlanIndicatorLine, PlanOverview};
use udbhabon_domain::ValidationErrors;
use udbhabon_domain::plan::progress::{EntryStatus, PlanStatus};
use udbhabon_domain::plan::score::MeasureUnit;
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Button, Member, Posted, PostedUpload};
use crate::download::Disposition;
use crate::error::PageError;
use crate::extract::{Path, QuarterParam};
use crate::form::field_messages;
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::plan::{marks, measure, typed};
use crate::state::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "plan/progress/show.html")]
pub(crate) struct ProgressPage {
    l: Layout,
    heading: String,
    plan_href: String,
    action: String,
    csrf: String,
    unit: String,
    /// What to type, for the indicator's unit.
    hint: String,
    /// Where the offered achievement comes from, when the indicator is fed by a figure the system keeps.
    feed: Option<String>,
    evidence_required: String,
    due: String,
    /// The entry's status, submission time and review, when there is one.
    status: Option<String>,
    submitted: Option<String>,
    review: Option<String>,
    version: String,
    value: String,
    comment: String,
    files: Vec<(String, String, bool)>,
    editable: bool,
    /// Why a reader who reports the office's progress cannot report it here now.
    why_not: Option<String>,
    reviewable: bool,
    errors: Vec<(String, String)>,
    stale: Option<String>,
}

fn line(overview: &PlanOverview, indicator_id: i32) -> Result<&PlanIndicatorLine, Error> {
    overview
        .lines
        .get(&indicator_id)
        .ok_or_else(|| Error::NotFound(format!("indicator #{indicator_id}")))
}

/// What a refused form shows again: the value and comment as typed, the messages, or the note that
/// someone saved first.
#[derive(Default)]
struct Shown {
    typed_back: Option<(String, String)>,
    errors: Vec<(String, String)>,
    stale: Option<String>,
    /// The figure the system keeps for the indicator, offered as the achievement.
    feed: Option<FeedFigure>,
}

/// What is shown, with the figure the system keeps for the indicator (if it is fed by one).
async fn with_feed(
    state: &AppState,
    member: &Member,
    plan_id: i32,
    (indicator_id, quarter): (i32, Quarter),
    shown: Shown,
) -> Result<Shown, PageError> {
    let feed = state
        .app
        .indicator_feed(&member.0, plan_id, indicator_id, quarter)
        .await?;
    Ok(Shown { feed, ..shown })
}

fn page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    overview: &PlanOverview,
    (indicator_id, quarter): (i32, Quarter),
    shown: Shown,
) -> Result<ProgressPage, PageError> {
    let Shown {
        typed_back,
        errors,
        stale,
        feed,
    } = shown;
    let line = line(overview, indicator_id)?;
    let entry = line
        .quarters
        .get(usize::from(quarter.number()) - 1)
        .and_then(Option::as_ref);
    let quarter_name = format::quarter(lang, quarter);
    let heading = format!(
        "[{}] {} — {}",
        line.indicator.number,
        line.indicator.title.get(lang),
        quarter_name
    );
    let path = format!(
        "/plans/{}/indicators/{indicator_id}/quarters/{}",
        overview.plan.id,
        quarter.number()
    );
    let editable = overview.may_report
        && overview.plan.status.takes_progress()
        && entry.is_none_or(|entry| entry.entry.status.editable());
    let offered = feed.as_ref().map(|feed| typed(lang, &feed.value));
    let (value, comment) = typed_back.unwrap_or_else(|| {
        entry.map_or_else(
            || (offered.clone().unwrap_or_default(), String::new()),
            |entry| {
                (
                    entry
                        .entry
                        .value
                        .as_ref()
                        .map(|value| typed(lang, value))
                        .unwrap_or_default(),
                    entry.entry.comment.clone(),
                )
            },
        )
    });
    let due = overview.tree.template.quarter_due.of(quarter);
    Ok(ProgressPage {
        l: Layout::of_member(&state.app, lang, member, heading.clone(), "plans", &path),
        heading,
        plan_href: format!("/plans/{}", overview.plan.id),
        csrf: member.0.csrf_token.clone(),
        unit: t(lang, &line.rule.unit.message_key()),
        hint: t(
            lang,
            match line.rule.unit {
                MeasureUnit::Number => "progress-hint-number",
                MeasureUnit::Percent => "progress-hint-percent",
                MeasureUnit::Date => "progress-hint-date",
                MeasureUnit::YesNo => "progress-hint-yes-no",
            },
        ),
        feed: feed.map(|feed| {
            let count =
                |value: usize| format::number(lang, i64::try_from(value).unwrap_or(i64::MAX));
            let value = ("value", offered.clone().unwrap_or_default());
            match feed.basis {
                FeedBasis::Decisions { on_time, counted } => t_args(
                    lang,
                    "progress-feed-decisions",
                    &[
                        ("on_time", count(on_time)),
                        ("counted", count(counted)),
                        value,
                    ],
                ),
                FeedBasis::EFilingReturns { returns } => t_args(
                    lang,
                    "progress-feed-e-filing",
                    &[("returns", count(returns)), value],
                ),
                FeedBasis::Trainings { held, attended } => t_args(
                    lang,
                    "progress-feed-trainings",
                    &[("held", count(held)), ("attended", count(attended))],
                ),
            }
        }),
        evidence_required: line.indicator.evidence.get(lang).to_owned(),
        due: format::date_both(lang, due),
        status: entry.map(|entry| t(lang, &entry.entry.status.message_key())),
        submitted: entry.and_then(|entry| {
            entry.entry.submitted_at.map(|at| {
                t_args(
                    lang,
                    if entry.entry.on_time == Some(true) {
                        "progress-submitted-on-time"
                    } else {
                        "progress-submitted-late"
                    },
                    &[("date", format::date(lang, bangla::today_in_dhaka(at)))],
                )
            })
        }),
        review: entry
            .filter(|entry| !entry.entry.review_comment.is_empty())
            .map(|entry| entry.entry.review_comment.clone()),
        version: entry
            .map(|entry| entry.entry.version.to_string())
            .unwrap_or_default(),
        value,
        comment,
        files: entry
            .map(|entry| {
                entry
                    .evidence
                    .iter()
                    .map(|(file, reused)| {
                        (
                            format!("/plans/{}/evidence/{}", overview.plan.id, file.id),
                            file.name.clone(),
                            *reused,
                        )
                    })
                    .collect()
            })
            .unwrap_or_default(),
        action: path,
        why_not: (overview.may_report && !editable).then(|| {
            t(
                lang,
                if overview.plan.status == PlanStatus::Locked {
                    "error-plan-locked"
                } else if overview.plan.status.takes_progress() {
                    "progress-not-editable"
                } else {
                    "error-plan-not-approved"
                },
            )
        }),
        editable,
        reviewable: overview.may_review
            && entry.is_some_and(|entry| entry.entry.status == EntryStatus::Submitted),
        errors,
        stale,
    })
}

/// `GET /plans/{id}/indicators/{indicator}/quarters/{quarter}`.
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path((plan_id, indicator_id, QuarterParam(quarter))): Path<(i32, i32, QuarterParam)>,
) -> Result<ProgressPage, PageError> {
    let overview = state.app.plan_overview(&member.0, plan_id).await?;
    let shown = with_feed(
        &state,
        &member,
        plan_id,
        (indicator_id, quarter),
        Shown::default(),
    )
    .await?;
    page(
        &state,
        lang,
        &member,
        &overview,
        (indicator_id, quarter),
        shown,
    )
}

/// `POST /plans/{id}/indicators/{indicator}/quarters/{quarter}`: saves or submits the entry, with
/// any evidence files (multipart).
pub(crate) async fn save(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path((plan_id, indicator_id, QuarterParam(quarter))): Path<(i32, i32, QuarterParam)>,
    PostedUpload(member, upload): PostedUpload,
) -> Result<Response, PageError> {
    // Someone who may not report for the office is refused before the upload is read.
    state.app.require_reporter(&member.0, plan_id).await?;
    let posted = upload.read().await?;
    let form = ProgressForm {
        value: posted.text("value"),
        comment: posted.text("comment"),
        seen_version: posted.text("version").trim().parse().ok(),
        submit: posted.text("submit") == "1",
        files: posted.files,
    };
    let typed_back = (form.value.clone(), form.comment.clone());
    match state
        .app
        .save_progress(&member.0, plan_id, indicator_id, quarter, form)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!(
            "/plans/{plan_id}/indicators/{indicator_id}/quarters/{}",
            quarter.number()
        ))
        .into_response()),
        Err(ProgressRefusal::Invalid(errors)) => {
            let overview = state.app.plan_overview(&member.0, plan_id).await?;
            let messages = field_messages(lang, &errors);
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                page(
                    &state,
                    lang,
                    &member,
                    &overview,
                    (indicator_id, quarter),
                    Shown {
                        typed_back: Some(typed_back),
                        errors: messages,
                        ..Shown::default()
                    },
                )?,
            )
                .into_response())
        }
        Err(ProgressRefusal::Stale(newer)) => {
            let overview = state.app.plan_overview(&member.0, plan_id).await?;
            let note = t_args(
                lang,
                "progress-stale",
                &[
                    ("who", newer.updated_by.clone()),
                    (
                        "value",
                        newer
                            .value
                            .as_ref()
                            .map(|value| measure(lang, value))
                            .unwrap_or_default(),
                    ),
                ],
            );
            Ok((
                StatusCode::CONFLICT,
                page(
                    &state,
                    lang,
                    &member,
                    &overview,
                    (indicator_id, quarter),
                    Shown {
                        stale: Some(note),
                        ..Shown::default()
                    },
                )?,
            )
                .into_response())
        }
        Err(ProgressRefusal::Failed(error)) => Err(PageError::from(error)),
    }
}

/// Accepting or returning what an office submitted: the outcome and the comment.
#[derive(Debug, Deserialize)]
pub(crate) struct ReviewForm {
    #[serde(default)]
    pub(crate) outcome: String,
    #[serde(default)]
    pub(crate) comment: String,
}

/// `POST /plans/{id}/indicators/{indicator}/quarters/{quarter}/review`: accepts or returns the entry.
pub(crate) async fn review(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path((plan_id, indicator_id, QuarterParam(quarter))): Path<(i32, i32, QuarterParam)>,
    Posted(member, form): Posted<ReviewForm>,
) -> Result<Response, PageError> {
    let accept = form.outcome == "accept";
    match state
        .app
        .review_progress(
            &member.0,
            plan_id,
            indicator_id,
            quarter,
            accept,
            &form.comment,
        )
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!(
            "/plans/{plan_id}/indicators/{indicator_id}/quarters/{}",
            quarter.number()
        ))
        .into_response()),
        Err(Error::Invalid(errors)) => {
            let overview = state.app.plan_overview(&member.0, plan_id).await?;
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                page(
                    &state,
                    lang,
                    &member,
                    &overview,
                    (indicator_id, quarter),
                    Shown {
                        errors: field_messages(lang, &errors),
                        ..Shown::default()
                    },
                )?,
            )
                .into_response())
        }
        Err(error) => Err(PageError::from(error)),
    }
}

#[derive(Debug, Deserialize)]
pub(crate) struct DecisionForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    approved_on: String,
    #[serde(default)]
    meeting: String,
    /// Why an approved plan is reopened.
    #[serde(default)]
    reason: String,
}

/// The plan page again with why a step was refused, or the error page.
async fn step_refused(
    state: &AppState,
    lang: Lang,
    member: &Member,
    plan_id: i32,
    error: Error,
) -> Result<Response, PageError> {
    match error {
        Error::Invalid(errors) => Ok(crate::plan::refused_step(
            state, lang, member, plan_id, &errors,
        )
        .await?
        .into_response()),
        other => Err(PageError::from(other)),
    }
}

/// `POST /plans/{id}/submit`: the office sends its plan for approval.
pub(crate) async fn submit_plan(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(plan_id): Path<i32>,
    Posted(member, Button {}): Posted<Button>,
) -> Result<Response, PageError> {
    match state.app.submit_plan(&member.0, plan_id).await {
        Ok(_) => Ok(Redirect::to(&format!("/plans/{plan_id}")).into_response()),
        Err(error) => step_refused(&state, lang, &member, plan_id, error).await,
    }
}

/// `POST /plans/{id}/decision`: the approver approves, returns, reopens for revision or locks the plan.
pub(crate) async fn decide_plan(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(plan_id): Path<i32>,
    Posted(member, form): Posted<DecisionForm>,
) -> Result<Response, PageError> {
    let approved_on = match form.approved_on.trim() {
        "" => None,
        text => Some(bangla::parse_date(text).map_err(|_| PageError::bad_input("error-bad-date"))?),
    };
    let approved =
        approved_on.map(|on| (Some(form.meeting.trim()).filter(|key| !key.is_empty()), on));
    match state
        .app
        .decide_plan(
            &member.0,
            plan_id,
            form.decision.trim(),
            approved,
            &form.reason,
        )
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/plans/{plan_id}")).into_response()),
        Err(error) => step_refused(&state, lang, &member, plan_id, error).await,
    }
}

/// `GET /plans/{id}/evidence/{file}`: an evidence file, as an attachment.
pub(crate) async fn evidence(
    State(state): State<AppState>,
    member: Member,
    Path((plan_id, file_id)): Path<(i32, i32)>,
) -> Result<Response, PageError> {
    let (file, bytes) = state.app.evidence(&member.0, plan_id, file_id).await?;
    Ok(crate::download::file(
        &file.media_type,
        &file.name,
        Disposition::Attachment,
        bytes,
    ))
}

/// The messages of a refused step, for the plan page.
pub(crate) fn step_messages(lang: Lang, errors: &ValidationErrors) -> Vec<String> {
    field_messages(lang, errors)
        .into_iter()
        .map(|(_, message)| message)
        .collect()
}

/// A plan's marks: "reviewed (self-assessed)".
pub(crate) fn both_scores(lang: Lang, reviewed: f64, assessed: f64) -> String {
    t_args(
        lang,
        "plan-scores",
        &[
            ("score", marks(lang, reviewed)),
            ("self", marks(lang, assessed)),
        ],
    )
}
