//! Annual plans: the home office's plans, and a plan as its table prints it (areas, activities,
//! indicators with unit, marks, the five targets, achievement and marks earned).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use udbhabon_core::plan::{PlanIndicatorLine, PlanOverview};
use udbhabon_domain::score::{BAND_PERCENTS, Measure, Targets};
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Member, Visitor};
use crate::error::PageError;
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
    achieved: String,
    score: String,
}

fn marks(lang: Lang, value: f64) -> String {
    format::digits(lang, &format!("{value:.2}"))
}

/// A value as printed in the indicator's unit.
fn measure(lang: Lang, value: &Measure) -> String {
    match value {
        Measure::Number(number) if number.fract() == 0.0 => {
            format::digits(lang, &format!("{number:.0}"))
        }
        Measure::Number(number) => format::digits(lang, &format!("{number:.2}")),
        Measure::Date(date) => format::date_short(lang, *date),
        Measure::YesNo(true) => t(lang, "plan-yes"),
        Measure::YesNo(false) => t(lang, "plan-no"),
    }
}

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
                    achieved: line
                        .achieved
                        .as_ref()
                        .map(|value| measure(lang, value))
                        .unwrap_or_default(),
                    score: marks(lang, line.score),
                });
                first_in_area = false;
                first_in_activity = false;
            }
        }
    }
    rows
}

/// `GET /plans`: the home office's plans.
pub(crate) async fn list(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
) -> Result<PlansPage, PageError> {
    let (office, plans) = state
        .app
        .home_plans(&member.0)
        .await
        .map_err(|error| PageError::new(lang, error))?;
    let heading = t_args(
        lang,
        "plans-title",
        &[("office", office.name.get(lang).to_owned())],
    );
    Ok(PlansPage {
        l: Layout::new(
            lang,
            &Visitor(Some(member.0.clone())),
            heading.clone(),
            "plans",
            "/plans",
            state.app.today(),
        ),
        heading,
        plans: plans
            .iter()
            .map(|(plan, template)| {
                (
                    format!("/plans/{}", plan.id),
                    template.title.get(lang).to_owned(),
                    t(lang, &format!("plan-status-{}", plan.status)),
                    plan.score
                        .map(|score| marks(lang, score))
                        .unwrap_or_default(),
                )
            })
            .collect(),
    })
}

/// `GET /plans/{id}`: the plan as a table.
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(id): Path<i32>,
) -> Result<PlanPage, PageError> {
    let overview = state
        .app
        .plan_overview(&member.0, id)
        .await
        .map_err(|error| PageError::new(lang, error))?;
    let heading = overview.tree.template.title.get(lang).to_owned();
    Ok(PlanPage {
        l: Layout::new(
            lang,
            &Visitor(Some(member.0.clone())),
            heading.clone(),
            "plans",
            &format!("/plans/{id}"),
            state.app.today(),
        ),
        heading,
        office: overview.office.name.get(lang).to_owned(),
        status: t(lang, &format!("plan-status-{}", overview.plan.status)),
        score: t_args(
            lang,
            "plan-score-of",
            &[
                ("score", marks(lang, overview.score)),
                ("total", marks(lang, overview.tree.template.total_marks)),
            ],
        ),
        band_headings: [
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
        .collect(),
        rows: rows(lang, &overview),
    })
}
