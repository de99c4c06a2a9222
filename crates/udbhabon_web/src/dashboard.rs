//! The roll-up dashboard page: an office's own score, the scores of every office below it for a year
//! (filtered by kind, sorted by score or name), their spread as a chart, the indicators most often late
//! or returned, and who has not reported this quarter.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use serde::Deserialize;
use udbhabon_core::dashboard::DashboardQuery;
use udbhabon_domain::Vocabulary;
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Member, Visitor};
use crate::chart::BarChart;
use crate::error::PageError;
use crate::lang::ReaderLang;
use crate::layout::{Layout, encode_component};
use crate::plan::marks;
use crate::state::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "dashboard/show.html")]
pub(crate) struct DashboardPage {
    l: Layout,
    heading: String,
    office_key: String,
    /// (key, title, selected)
    templates: Vec<(String, String, bool)>,
    /// (code, name, selected)
    kinds: Vec<(String, String, bool)>,
    by_name: bool,
    own: String,
    chart: String,
    rows: Vec<DashboardLine>,
    /// "Not yet reported for the 2nd quarter".
    silent_heading: String,
    silent: Vec<String>,
    /// (indicator, times late, returned)
    trouble: Vec<(String, String, String)>,
}

struct DashboardLine {
    name: String,
    href: String,
    kind: String,
    status: String,
    score: String,
    self_score: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct DashboardParams {
    office: Option<String>,
    template: Option<String>,
    kind: Option<String>,
    sort: Option<String>,
}

fn given(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|text| !text.is_empty())
        .map(str::to_owned)
}

/// The spread of the offices' reviewed scores in ten bands of ten marks.
fn spread(lang: Lang, scores: &[f64], total: f64) -> BarChart {
    let mut counts = [0usize; 10];
    for score in scores {
        let band = ((score / total.max(1.0)) * 10.0).floor().clamp(0.0, 9.0) as usize;
        counts[band] += 1;
    }
    BarChart {
        title: t(lang, "dashboard-chart-title"),
        bars: counts
            .iter()
            .enumerate()
            .map(|(band, count)| {
                (
                    format::digits(lang, &format!("{}", band * 10)),
                    *count as f64,
                    format::number(lang, *count as i64),
                )
            })
            .collect(),
    }
}

/// `GET /dashboard?office=KEY&template=KEY&kind=KIND&sort=name`.
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Query(params): Query<DashboardParams>,
) -> Result<DashboardPage, PageError> {
    let query = DashboardQuery {
        office: given(&params.office),
        template: given(&params.template),
        kind: given(&params.kind),
        by_name: params.sort.as_deref() == Some("name"),
    };
    let board = state
        .app
        .dashboard(&member.0, &query)
        .await
        .map_err(|error| PageError::new(lang, error))?;
    let total = board.template.total_marks;
    let score = |value: Option<f64>| {
        value
            .map(|value| marks(lang, value))
            .unwrap_or_else(|| "—".to_owned())
    };
    let heading = t_args(
        lang,
        "dashboard-title",
        &[("office", board.office.name.get(lang).to_owned())],
    );
    let scores: Vec<f64> = board.below.iter().filter_map(|row| row.score).collect();
    Ok(DashboardPage {
        l: Layout::new(
            lang,
            &Visitor(Some(member.0.clone())),
            heading.clone(),
            "dashboard",
            "/dashboard",
            state.app.today(),
        ),
        heading,
        office_key: board.office.key.clone(),
        templates: board
            .templates
            .iter()
            .map(|template| {
                (
                    template.key.clone(),
                    template.title.get(lang).to_owned(),
                    template.id == board.template.id,
                )
            })
            .collect(),
        kinds: board
            .kinds
            .iter()
            .map(|kind| {
                (
                    kind.code().to_owned(),
                    t(lang, &kind.message_key()),
                    board.kind == Some(*kind),
                )
            })
            .collect(),
        by_name: query.by_name,
        own: t_args(
            lang,
            "plan-score-of",
            &[
                (
                    "score",
                    crate::progress::both_scores(
                        lang,
                        board.own.as_ref().and_then(|row| row.score).unwrap_or(0.0),
                        board
                            .own
                            .as_ref()
                            .and_then(|row| row.self_score)
                            .unwrap_or(0.0),
                    ),
                ),
                ("total", marks(lang, total)),
            ],
        ),
        chart: spread(lang, &scores, total).svg(),
        rows: board
            .below
            .iter()
            .map(|row| DashboardLine {
                name: row.name.get(lang).to_owned(),
                href: format!(
                    "/dashboard?office={}&template={}",
                    encode_component(&row.key),
                    encode_component(&board.template.key)
                ),
                kind: t(lang, &row.kind.message_key()),
                status: row
                    .status
                    .map(|status| t(lang, &status.message_key()))
                    .unwrap_or_else(|| t(lang, "dashboard-no-plan")),
                score: score(row.score),
                self_score: score(row.self_score),
            })
            .collect(),
        silent_heading: t_args(
            lang,
            "dashboard-silent",
            &[(
                "quarter",
                bangla::Quarter::from_number(board.quarter)
                    .map(|quarter| match lang {
                        Lang::Bn => quarter.name_bn().to_owned(),
                        Lang::En => quarter.name_en().to_owned(),
                    })
                    .unwrap_or_default(),
            )],
        ),
        silent: board
            .silent
            .iter()
            .map(|row| row.name.get(lang).to_owned())
            .collect(),
        trouble: board
            .trouble
            .iter()
            .map(|(indicator, late, returned)| {
                (
                    format!("[{}] {}", indicator.number, indicator.title.get(lang)),
                    format::number(lang, *late),
                    format::number(lang, *returned),
                )
            })
            .collect(),
    })
}
