//! Annual plans: the home office's plans, and a plan as its table prints it (areas, activities,
//! indicators with unit, marks, the five targets, achievement and marks earned).

pub(crate) mod assessment;
pub(crate) mod dashboard;
pub(crate) mod progress;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use udbhabon_core::RevisionRow;
use udbhabon_core::plan::{PlanIndicatorLine, PlanOverview, TargetFields};
use udbhabon_domain::plan::score::{BAND_PERCENTS, Measure, Targets};
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Member, Posted};
use crate::download::Disposition;
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::state::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "plan/list.html")]
pub(crate) struct PlansPage {
    l: Layout,
    heading: String,
    /// (link, title, status, score)
    plans: Vec<(String, String, String, String)>,
    /// For those who report for the office: the templates it has no plan from yet.
    start: Option<StartPlan>,
}

struct StartPlan {
    csrf: String,
    action: String,
    /// (key, title)
    templates: Vec<(String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "plan/show.html")]
pub(crate) struct PlanPage {
    l: Layout,
    heading: String,
    office: String,
    status: String,
    score: String,
    /// The headings of the five target columns: "অসাধারণ (১০০%)" ….
    band_headings: Vec<String>,
    rows: Vec<PlanRowView>,
    /// The headings of the four quarters.
    quarter_headings: Vec<String>,
    progress: Vec<ProgressRowView>,
    /// The steps the reader may take now: (form action, decision, button label).
    steps: Vec<(String, String, String)>,
    /// "Version 1, approved on …, reopened on … by …: reason", latest first.
    revisions: Vec<(String, String)>,
    csrf: String,
    /// Why the last step was refused.
    errors: Vec<String>,
    /// The form of the office's own targets, while the plan is a draft.
    targets_href: Option<String>,
    sheet_href: String,
    pdf_href: String,
    /// The half-yearly self-assessment, once the plan is approved.
    assessment_href: Option<String>,
    /// The meetings the approval can name: (key, date and title).
    meetings: Vec<(String, String)>,
    /// When the plan was approved, and at which meeting.
    approval: Option<String>,
}

/// One indicator's quarters and marks.
struct ProgressRowView {
    indicator: String,
    /// (link, value, status, late, the link's name: indicator, quarter and value)
    quarters: Vec<(String, String, String, bool, String)>,
    achieved: String,
    score: String,
}

/// One indicator's row; the area and activity cells are printed on the first row they cover.
struct PlanRowView {
    area: Option<(String, String, usize)>,
    activity: Option<(String, usize)>,
    number: String,
    indicator: String,
    unit: String,
    weight: String,
    targets: Vec<String>,
}

pub(crate) use udbhabon_i18n::format::{marks, measure};

/// The five target cells: the graded targets, or a single target in the first column.
fn target_cells(lang: Lang, line: &PlanIndicatorLine) -> Vec<String> {
    match &line.rule.targets {
        Some(Targets::Bands(bands)) => bands.iter().map(|band| measure(lang, band)).collect(),
        Some(Targets::Single(target)) => std::iter::once(measure(lang, target))
            .chain(std::iter::repeat_n(String::new(), 4))
            .collect(),
        None => std::iter::once(t(lang, "plan-yes"))
            .chain(std::iter::repeat_n(String::new(), 4))
            .collect(),
    }
}

fn rows(lang: Lang, overview: &PlanOverview) -> Vec<PlanRowView> {
    let mut rows = Vec::new();
    for area in &overview.tree.areas {
        let area_span: usize = area
            .activities
            .iter()
            .map(|activity| activity.indicators.len())
            .sum();
        let mut first_in_area = true;
        for activity in &area.activities {
            let mut first_in_activity = true;
            for indicator in &activity.indicators {
                let Some(line) = overview.lines.get(&indicator.id) else {
                    continue;
                };
                rows.push(PlanRowView {
                    area: first_in_area.then(|| {
                        (
                            format!("[{}] {}", area.number, area.title.get(lang)),
                            marks(lang, area.marks),
                            area_span,
                        )
                    }),
                    activity: first_in_activity.then(|| {
                        (
                            format!("[{}] {}", activity.number, activity.title.get(lang)),
                            activity.indicators.len(),
                        )
                    }),
                    number: format!("[{}]", indicator.number),
                    indicator: indicator.title.get(lang).to_owned(),
                    unit: t(lang, &line.rule.unit.message_key()),
                    weight: marks(lang, line.rule.weight),
                    targets: target_cells(lang, line),
                });
                first_in_area = false;
                first_in_activity = false;
            }
        }
    }
    rows
}

#[derive(Debug, Deserialize)]
pub(crate) struct OfficeQuery {
    office: Option<String>,
}

/// `GET /plans?office=KEY`: an office's plans (the home office's by default), and a form to start one.
pub(crate) async fn list(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Query(query): Query<OfficeQuery>,
) -> Result<PlansPage, PageError> {
    let office_key = query
        .office
        .as_deref()
        .map(str::trim)
        .filter(|key| !key.is_empty());
    let found = state.app.office_plans(&member.0, office_key).await?;
    let heading = t_args(
        lang,
        "plans-title",
        &[("office", found.office.name.get(lang).to_owned())],
    );
    Ok(PlansPage {
        l: Layout::of_member(
            &state.app,
            lang,
            &member,
            heading.clone(),
            "plans",
            "/plans",
        ),
        heading,
        plans: found
            .plans
            .iter()
            .map(|(plan, template)| {
                (
                    format!("/plans/{}", plan.id),
                    template.title.get(lang).to_owned(),
                    t(lang, &plan.status.message_key()),
                    plan.score
                        .map(|score| {
                            crate::plan::progress::both_scores(
                                lang,
                                score,
                                plan.self_score.unwrap_or(score),
                            )
                        })
                        .unwrap_or_default(),
                )
            })
            .collect(),
        start: (!found.startable.is_empty()).then(|| StartPlan {
            csrf: member.0.csrf_token.clone(),
            action: format!("/offices/{}/plans", found.office.key),
            templates: found
                .startable
                .iter()
                .map(|template| (template.key.clone(), template.title.get(lang).to_owned()))
                .collect(),
        }),
    })
}

#[derive(Debug, Deserialize)]
pub(crate) struct StartForm {
    #[serde(default)]
    template: String,
}

/// `POST /offices/{key}/plans`: starts the office's plan from a template.
pub(crate) async fn start(
    State(state): State<AppState>,
    Path(office_key): Path<String>,
    Posted(member, form): Posted<StartForm>,
) -> Result<Response, PageError> {
    match state
        .app
        .start_plan(Some(&member.0), form.template.trim(), &office_key)
        .await
    {
        Ok(id) => Ok(Redirect::to(&format!("/plans/{id}")).into_response()),
        Err(error) => Err(PageError::from(error)),
    }
}

fn progress_rows(lang: Lang, overview: &PlanOverview) -> Vec<ProgressRowView> {
    // An empty quarter invites the office to report it, and shows a dash to everyone else.
    let open_label = if overview.may_report && overview.plan.status.takes_progress() {
        t(lang, "progress-report")
    } else {
        "—".to_owned()
    };
    overview
        .tree
        .areas
        .iter()
        .flat_map(|area| &area.activities)
        .flat_map(|activity| &activity.indicators)
        .filter_map(|indicator| overview.lines.get(&indicator.id))
        .map(|line| {
            let number = format::digits(lang, &line.indicator.number);
            ProgressRowView {
                indicator: format!(
                    "[{}] {}",
                    line.indicator.number,
                    line.indicator.title.get(lang)
                ),
                quarters: bangla::Quarter::ALL
                    .iter()
                    .map(|quarter| {
                        let entry = line.quarters[usize::from(quarter.number()) - 1].as_ref();
                        let value = entry
                            .and_then(|entry| entry.entry.value.as_ref())
                            .map(|value| measure(lang, value))
                            .unwrap_or_else(|| open_label.clone());
                        // Forty links reading "report" tell a screen reader nothing: each names its cell.
                        let name =
                            format!("[{number}] {}: {value}", format::quarter(lang, *quarter));
                        (
                            format!(
                                "/plans/{}/indicators/{}/quarters/{}",
                                overview.plan.id,
                                line.indicator.id,
                                quarter.number()
                            ),
                            value,
                            entry
                                .map(|entry| t(lang, &entry.entry.status.message_key()))
                                .unwrap_or_default(),
                            entry.is_some_and(|entry| entry.entry.on_time == Some(false)),
                            name,
                        )
                    })
                    .collect(),
                achieved: line
                    .achieved
                    .as_ref()
                    .map(|value| measure(lang, value))
                    .unwrap_or_default(),
                score: crate::plan::progress::both_scores(lang, line.score, line.self_score),
            }
        })
        .collect()
}

/// The steps the reader may take on the plan now: (action, decision, label).
fn steps(lang: Lang, overview: &PlanOverview) -> Vec<(String, String, String)> {
    use udbhabon_domain::plan::progress::PlanStatus;
    let status = overview.plan.status;
    let id = overview.plan.id;
    let mut steps = Vec::new();
    if overview.may_report && status == PlanStatus::Draft {
        steps.push((format!("/plans/{id}/submit"), "", "plan-step-submit"));
    }
    if overview.may_approve && status == PlanStatus::Submitted {
        steps.push((
            format!("/plans/{id}/decision"),
            "approve",
            "plan-step-approve",
        ));
        steps.push((
            format!("/plans/{id}/decision"),
            "return",
            "plan-step-return",
        ));
    }
    if overview.may_approve && status == PlanStatus::Approved {
        steps.push((
            format!("/plans/{id}/decision"),
            "revise",
            "plan-step-revise",
        ));
        steps.push((format!("/plans/{id}/decision"), "lock", "plan-step-lock"));
    }
    steps
        .into_iter()
        .map(|(action, decision, key)| (action, decision.to_owned(), t(lang, key)))
        .collect()
}

fn plan_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    overview: &PlanOverview,
    errors: Vec<String>,
) -> PlanPage {
    let heading = overview.tree.template.title.get(lang).to_owned();
    PlanPage {
        l: Layout::of_member(
            &state.app,
            lang,
            member,
            heading.clone(),
            "plans",
            &format!("/plans/{}", overview.plan.id),
        ),
        heading,
        office: overview.office.name.get(lang).to_owned(),
        status: t(lang, &overview.plan.status.message_key()),
        score: t_args(
            lang,
            "plan-score-of",
            &[
                (
                    "score",
                    crate::plan::progress::both_scores(lang, overview.score, overview.self_score),
                ),
                ("total", marks(lang, overview.tree.template.total_marks)),
            ],
        ),
        band_headings: band_headings(lang),
        rows: rows(lang, overview),
        quarter_headings: bangla::Quarter::ALL
            .iter()
            .map(|quarter| format::quarter(lang, *quarter))
            .collect(),
        progress: progress_rows(lang, overview),
        steps: steps(lang, overview),
        revisions: overview
            .revisions
            .iter()
            .map(|revision| {
                (
                    format!("/plans/{}/versions/{}", overview.plan.id, revision.version),
                    revision_line(lang, overview, revision),
                )
            })
            .collect(),
        sheet_href: format!("/plans/{}/plan.xlsx", overview.plan.id),
        pdf_href: format!("/plans/{}/plan.pdf", overview.plan.id),
        approval: overview
            .plan
            .approved_on
            .map(|on| match &overview.approved_at {
                Some(meeting) => t_args(
                    lang,
                    "plan-approved-at",
                    &[
                        ("date", format::date(lang, on)),
                        ("meeting", meeting.record.title.get(lang).to_owned()),
                    ],
                ),
                None => format::date(lang, on),
            }),
        meetings: overview
            .approval_meetings
            .iter()
            .map(|meeting| {
                (
                    meeting.record.key.clone(),
                    format!(
                        "{} — {}",
                        format::date(lang, meeting.record.held_on),
                        meeting.record.title.get(lang)
                    ),
                )
            })
            .collect(),
        assessment_href: matches!(
            overview.plan.status,
            udbhabon_domain::plan::progress::PlanStatus::Approved
                | udbhabon_domain::plan::progress::PlanStatus::Locked
        )
        .then(|| format!("/plans/{}/self-assessment", overview.plan.id)),
        targets_href: (overview.may_report
            && overview.plan.status == udbhabon_domain::plan::progress::PlanStatus::Draft)
            .then(|| format!("/plans/{}/targets", overview.plan.id)),
        csrf: member.0.csrf_token.clone(),
        errors,
    }
}

/// "Version 1: approved on …; reopened on … by …. Reason: …".
fn revision_line(lang: Lang, overview: &PlanOverview, revision: &RevisionRow) -> String {
    t_args(
        lang,
        "plan-revision-line",
        &[
            ("version", format::number(lang, i64::from(revision.version))),
            (
                "approved",
                revision
                    .approved_on
                    .map(|on| format::date(lang, on))
                    .unwrap_or_else(|| "—".to_owned()),
            ),
            (
                "revised",
                format::date(lang, bangla::dhaka::today_in_dhaka(revision.revised_at)),
            ),
            ("by", overview.names.of(&revision.revised_by, lang)),
            ("reason", revision.reason.clone()),
        ],
    )
}

/// The plan page again with why a step was refused (422).
pub(crate) async fn refused_step(
    state: &AppState,
    lang: Lang,
    member: &Member,
    plan_id: i32,
    errors: &udbhabon_domain::ValidationErrors,
) -> Result<(axum::http::StatusCode, PlanPage), PageError> {
    let overview = state.app.plan_overview(&member.0, plan_id).await?;
    Ok((
        axum::http::StatusCode::UNPROCESSABLE_ENTITY,
        plan_page(
            state,
            lang,
            member,
            &overview,
            crate::plan::progress::step_messages(lang, errors),
        ),
    ))
}

/// `GET /plans/{id}`: the plan as a table, with its quarters and marks.
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(id): Path<i32>,
) -> Result<PlanPage, PageError> {
    let overview = state.app.plan_overview(&member.0, id).await?;
    Ok(plan_page(&state, lang, &member, &overview, Vec::new()))
}

#[derive(Template, WebTemplate)]
#[template(path = "plan/targets.html")]
pub(crate) struct TargetsPage {
    l: Layout,
    heading: String,
    plan_href: String,
    action: String,
    csrf: String,
    band_headings: Vec<String>,
    rows: Vec<TargetInputRow>,
    errors: Vec<(String, String)>,
}

/// One indicator's inputs: how many target columns it takes (5, 1 or none) and their values.
struct TargetInputRow {
    indicator_id: i32,
    indicator: String,
    unit: String,
    columns: usize,
    values: Vec<String>,
    previous_year: String,
    year_before: String,
    error: Option<String>,
}

/// A value as a form shows it again (dates as the date field wants them).
pub(crate) fn typed(lang: Lang, value: &Measure) -> String {
    match value {
        Measure::Date(date) => date.format("%Y-%m-%d").to_string(),
        other => measure(lang, other),
    }
}

fn targets_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    overview: &PlanOverview,
    errors: Vec<(String, String)>,
) -> TargetsPage {
    let rows = overview
        .tree
        .areas
        .iter()
        .flat_map(|area| &area.activities)
        .flat_map(|activity| &activity.indicators)
        .filter_map(|indicator| overview.lines.get(&indicator.id))
        .map(|line| {
            let (columns, values): (usize, Vec<String>) = match &line.rule.targets {
                Some(Targets::Bands(bands)) => {
                    (5, bands.iter().map(|band| typed(lang, band)).collect())
                }
                Some(Targets::Single(target)) => (1, vec![typed(lang, target)]),
                None => (0, Vec::new()),
            };
            let field = format!("target_{}", line.indicator.id);
            TargetInputRow {
                indicator_id: line.indicator.id,
                indicator: format!(
                    "[{}] {}",
                    line.indicator.number,
                    line.indicator.title.get(lang)
                ),
                unit: t(lang, &line.rule.unit.message_key()),
                values: values
                    .into_iter()
                    .chain(std::iter::repeat(String::new()))
                    .take(5)
                    .collect(),
                columns,
                previous_year: line
                    .target
                    .as_ref()
                    .map(|target| target.previous_year.clone())
                    .unwrap_or_default(),
                year_before: line
                    .target
                    .as_ref()
                    .map(|target| target.year_before.clone())
                    .unwrap_or_default(),
                error: errors
                    .iter()
                    .find(|(name, _)| *name == field)
                    .map(|(_, message)| message.clone()),
            }
        })
        .collect();
    let heading = t_args(
        lang,
        "plan-targets-title",
        &[("plan", overview.tree.template.title.get(lang).to_owned())],
    );
    TargetsPage {
        l: Layout::of_member(
            &state.app,
            lang,
            member,
            heading.clone(),
            "plans",
            &format!("/plans/{}/targets", overview.plan.id),
        ),
        heading,
        plan_href: format!("/plans/{}", overview.plan.id),
        action: format!("/plans/{}/targets", overview.plan.id),
        csrf: member.0.csrf_token.clone(),
        band_headings: band_headings(lang),
        rows,
        errors,
    }
}

fn band_headings(lang: Lang) -> Vec<String> {
    [
        "plan-band-100",
        "plan-band-90",
        "plan-band-80",
        "plan-band-70",
        "plan-band-60",
    ]
    .iter()
    .zip(BAND_PERCENTS)
    .map(|(key, percent)| {
        format!(
            "{} ({}%)",
            t(lang, key),
            format::digits(lang, &format!("{percent:.0}"))
        )
    })
    .collect()
}

/// `GET /plans/{id}/targets`: the office's targets of its draft plan, as a form.
pub(crate) async fn targets_form(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(id): Path<i32>,
) -> Result<TargetsPage, PageError> {
    let overview = state.app.plan_overview(&member.0, id).await?;
    if !overview.may_report {
        return Err(PageError::from(udbhabon_core::Error::Forbidden));
    }
    Ok(targets_page(&state, lang, &member, &overview, Vec::new()))
}

/// The targets form as posted: each indicator's row as parallel repeated fields.
#[derive(Debug, Deserialize)]
pub(crate) struct TargetsForm {
    #[serde(default)]
    indicator: Vec<i32>,
    #[serde(default)]
    c0: Vec<String>,
    #[serde(default)]
    c1: Vec<String>,
    #[serde(default)]
    c2: Vec<String>,
    #[serde(default)]
    c3: Vec<String>,
    #[serde(default)]
    c4: Vec<String>,
    #[serde(default)]
    previous_year: Vec<String>,
    #[serde(default)]
    year_before: Vec<String>,
}

/// `POST /plans/{id}/targets`: saves every target, or none with each problem by its indicator.
pub(crate) async fn save_targets(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, form): Posted<TargetsForm>,
) -> Result<Response, PageError> {
    let cell = |column: &[String], index: usize| column.get(index).cloned().unwrap_or_default();
    let fields: Vec<TargetFields> = form
        .indicator
        .iter()
        .enumerate()
        .map(|(index, indicator_id)| TargetFields {
            indicator_id: *indicator_id,
            columns: [
                cell(&form.c0, index),
                cell(&form.c1, index),
                cell(&form.c2, index),
                cell(&form.c3, index),
                cell(&form.c4, index),
            ],
            previous_year: cell(&form.previous_year, index),
            year_before: cell(&form.year_before, index),
        })
        .collect();
    match state.app.save_targets(&member.0, id, &fields).await {
        Ok(()) => Ok(Redirect::to(&format!("/plans/{id}")).into_response()),
        Err(udbhabon_core::Error::Invalid(errors)) => {
            let overview = state.app.plan_overview(&member.0, id).await?;
            let messages = crate::form::field_messages(lang, &errors);
            Ok((
                axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                targets_page(&state, lang, &member, &overview, messages),
            )
                .into_response())
        }
        Err(error) => Err(PageError::from(error)),
    }
}

/// `GET /plans/{id}/plan.xlsx`: the plan and its progress as a spreadsheet in the prescribed layout.
pub(crate) async fn sheet(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(id): Path<i32>,
) -> Result<Response, PageError> {
    let document = state.app.plan_sheet(&member.0, id, lang).await?;
    Ok(crate::download::file(
        crate::download::XLSX,
        &document.file_name,
        Disposition::Attachment,
        document.bytes,
    ))
}

/// `GET /plans/{id}/plan.pdf`: the same table as a landscape PDF.
pub(crate) async fn sheet_pdf(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(id): Path<i32>,
) -> Result<Response, PageError> {
    let document = state.app.plan_pdf(&member.0, id, lang).await?;
    Ok(crate::download::pdf(document, Disposition::Inline))
}

#[derive(Template, WebTemplate)]
#[template(path = "plan/version.html")]
pub(crate) struct VersionPage {
    l: Layout,
    heading: String,
    plan_href: String,
    plan_title: String,
    office: String,
    /// "Version 1: approved on …; reopened … Reason: …".
    summary: String,
    band_headings: Vec<String>,
    rows: Vec<PlanRowView>,
}

/// `GET /plans/{id}/versions/{version}`: the targets an earlier, approved version of the plan had.
pub(crate) async fn version(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path((id, version)): Path<(i32, i32)>,
) -> Result<VersionPage, PageError> {
    let (overview, revision) = state.app.plan_version(&member.0, id, version).await?;
    let heading = t_args(
        lang,
        "plan-version-heading",
        &[("version", format::number(lang, i64::from(version)))],
    );
    Ok(VersionPage {
        l: Layout::of_member(
            &state.app,
            lang,
            &member,
            heading.clone(),
            "plans",
            &format!("/plans/{id}/versions/{version}"),
        ),
        heading,
        plan_href: format!("/plans/{id}"),
        plan_title: overview.tree.template.title.get(lang).to_owned(),
        office: overview.office.name.get(lang).to_owned(),
        summary: revision_line(lang, &overview, &revision),
        band_headings: band_headings(lang),
        rows: rows(lang, &overview),
    })
}
