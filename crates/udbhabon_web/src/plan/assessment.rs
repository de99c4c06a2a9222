//! The half-yearly self-assessment page of a plan: the office sends it, the office above records its
//! mid-year review (marks per indicator and feedback), and either downloads the report as PDF.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use udbhabon_core::plan::assessment::AssessmentOverview;
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Button, Member, Posted};
use crate::download::Disposition;
use crate::error::PageError;
use crate::extract::Path;
use crate::form::rejected;
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::state::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "plan/assessment/show.html")]
pub(crate) struct AssessmentPage {
    l: Layout,
    heading: String,
    plan_title: String,
    plan_href: String,
    intro: String,
    /// The status tag, or that nothing was sent yet.
    status: String,
    facts: Vec<(String, String)>,
    headings: Vec<String>,
    rows: Vec<LineView>,
    total: Vec<String>,
    feedback: Option<(String, String)>,
    /// The send button's label when the reader may send now.
    submit: Option<String>,
    /// When sending opens, while it is not yet open for the office.
    opens: Option<String>,
    /// The review form is shown.
    reviewing: bool,
    typed_feedback: String,
    version: i32,
    pdf_href: Option<String>,
    action: String,
    csrf: String,
    errors: Vec<(String, String)>,
}

/// One indicator's line, with the reviewer's input when the review form is shown.
struct LineView {
    field: String,
    cells: Vec<String>,
    reviewed: String,
}

fn page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    overview: &AssessmentOverview,
    typed: &ReviewForm,
    errors: Vec<(String, String)>,
) -> AssessmentPage {
    let plan = &overview.plan;
    let template = &plan.tree.template;
    let report = overview.report(lang);
    let heading = t_args(
        lang,
        "assessment-heading",
        &[("office", plan.office.name.get(lang).to_owned())],
    );
    let path = format!("/plans/{}/self-assessment", plan.plan.id);
    let ids = overview
        .lines()
        .iter()
        .filter(|line| plan.lines.contains_key(&line.indicator_id))
        .map(|line| line.indicator_id);
    let rows = report
        .rows
        .iter()
        .zip(ids)
        .map(|(row, id)| {
            let field = format!("marks_{id}");
            LineView {
                reviewed: typed
                    .marks
                    .get(&field)
                    .cloned()
                    .unwrap_or_else(|| row.self_marks.clone()),
                field,
                cells: vec![
                    row.indicator.clone(),
                    row.unit.clone(),
                    row.weight.clone(),
                    row.target.clone(),
                    row.achieved.clone(),
                    row.evidence.clone(),
                    row.self_marks.clone(),
                    row.reviewed_marks.clone(),
                ],
            }
        })
        .collect();
    let sent = overview.sent.as_ref();
    AssessmentPage {
        l: Layout::of_member(&state.app, lang, member, heading.clone(), "plans", &path),
        plan_title: template.title.get(lang).to_owned(),
        plan_href: format!("/plans/{}", plan.plan.id),
        intro: t_args(
            lang,
            "assessment-intro",
            &[
                ("due", format::date(lang, template.self_assessment_due)),
                ("review", format::date(lang, template.mid_year_review_due)),
            ],
        ),
        status: sent.map_or_else(
            || t(lang, "assessment-not-sent"),
            |sent| t(lang, &sent.status.message_key()),
        ),
        facts: report.facts,
        headings: report.headings.to_vec(),
        rows,
        total: report.total.to_vec(),
        feedback: Some(report.feedback).filter(|(_, text)| !text.is_empty()),
        submit: overview.may_submit.then(|| {
            t(
                lang,
                if sent.is_some() {
                    "assessment-resubmit"
                } else {
                    "assessment-submit"
                },
            )
        }),
        opens: (plan.may_report && state.app.today() < overview.opens_on).then(|| {
            t_args(
                lang,
                "assessment-opens",
                &[("date", format::date(lang, overview.opens_on))],
            )
        }),
        reviewing: overview.may_review,
        typed_feedback: typed.feedback.clone(),
        version: sent.map_or(0, |sent| sent.version),
        pdf_href: sent.map(|_| format!("{path}.pdf")),
        action: path,
        csrf: member.0.csrf_token.clone(),
        errors,
        heading,
    }
}

/// `GET /plans/{id}/self-assessment`.
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(plan_id): Path<i32>,
) -> Result<AssessmentPage, PageError> {
    let overview = state.app.self_assessment(&member.0, plan_id).await?;
    Ok(page(
        &state,
        lang,
        &member,
        &overview,
        &ReviewForm::default(),
        Vec::new(),
    ))
}

/// `POST /plans/{id}/self-assessment`: the office sends its self-assessment, or sends it again.
pub(crate) async fn submit(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(plan_id): Path<i32>,
    Posted(member, Button {}): Posted<Button>,
) -> Result<Response, PageError> {
    match state.app.submit_self_assessment(&member.0, plan_id).await {
        Ok(()) => Ok(Redirect::to(&format!("/plans/{plan_id}/self-assessment")).into_response()),
        Err(error) => {
            rejected(lang, error, |errors| async {
                let overview = state.app.self_assessment(&member.0, plan_id).await?;
                Ok(page(
                    &state,
                    lang,
                    &member,
                    &overview,
                    &ReviewForm::default(),
                    errors,
                ))
            })
            .await
        }
    }
}

/// The review form: `marks_<indicator>` for each indicator, the feedback and the version read (as
/// text: the other fields are gathered into `marks`, and a flattened form reads every value as text).
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ReviewForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    feedback: String,
    #[serde(flatten)]
    marks: HashMap<String, String>,
}

/// `POST /plans/{id}/self-assessment/review`: the office above's mid-year review.
pub(crate) async fn review(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(plan_id): Path<i32>,
    Posted(member, form): Posted<ReviewForm>,
) -> Result<Response, PageError> {
    let marks: HashMap<i32, String> = form
        .marks
        .iter()
        .filter_map(|(field, value)| {
            let id = field.strip_prefix("marks_")?.parse().ok()?;
            Some((id, value.clone()))
        })
        .collect();
    match state
        .app
        .review_self_assessment(
            &member.0,
            plan_id,
            form.version.trim().parse().unwrap_or(0),
            &marks,
            &form.feedback,
        )
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/plans/{plan_id}/self-assessment")).into_response()),
        Err(error) => {
            rejected(lang, error, |errors| async {
                let overview = state.app.self_assessment(&member.0, plan_id).await?;
                Ok(page(&state, lang, &member, &overview, &form, errors))
            })
            .await
        }
    }
}

/// `GET /plans/{id}/self-assessment.pdf`: the report, once sent.
pub(crate) async fn pdf(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(plan_id): Path<i32>,
) -> Result<Response, PageError> {
    let document = state
        .app
        .self_assessment_pdf(&member.0, plan_id, lang)
        .await?;
    Ok(crate::download::pdf(document, Disposition::Inline))
}
