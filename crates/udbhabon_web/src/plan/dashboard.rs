//! The roll-up dashboard page: an office's own score (or the whole country's), the scores of every
//! office below it for a year (filtered by kind and district, sorted by score or name, a page at a
//! time), their spread as a chart, the indicators most often late or returned, and who has not
//! reported this quarter.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use serde::Deserialize;
use udbhabon_core::plan::dashboard::{DashboardQuery, ROWS_PER_PAGE};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::office::geo::district_by_code;
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::Member;
use crate::chart::BarChart;
use crate::error::PageError;
use crate::extract::Query;
use crate::lang::ReaderLang;
use crate::layout::{Layout, encode_component};
use crate::pager::Pager;
use crate::plan::marks;
use crate::state::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "plan/dashboard/show.html")]
pub(crate) struct DashboardPage {
    l: Layout,
    heading: String,
    /// Empty for the whole country.
    office_key: String,
    nation: bool,
    /// The link to the whole country's roll-up, for those who may see it.
    nation_href: Option<String>,
    /// (key, title, selected)
    templates: Vec<(String, String, bool)>,
    /// (code, name, selected)
    kinds: Vec<(String, String, bool)>,
    /// (code, name, selected)
    districts: Vec<(String, String, bool)>,
    by_name: bool,
    own: Option<String>,
    /// "12,345 offices, 12,000 with a plan, average score 71.20".
    summary: String,
    chart: String,
    rows: Vec<DashboardLine>,
    /// "101–200 of 23,402", and the pages around.
    pager: Pager,
    /// "Not yet reported for the 2nd quarter".
    silent_heading: String,
    silent: Vec<String>,
    /// "and 1,234 more", when the list is cut short.
    silent_more: Option<String>,
    /// The self-assessments waiting for the mid-year review: (office, link to the assessment).
    awaiting_review: Vec<(String, String)>,
    /// (indicator, times late, returned)
    trouble: Vec<(String, String, String)>,
}

struct DashboardLine {
    name: String,
    href: String,
    kind: String,
    district: String,
    status: String,
    score: String,
    self_score: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct DashboardParams {
    office: Option<String>,
    /// `all`: the whole country.
    scope: Option<String>,
    template: Option<String>,
    kind: Option<String>,
    district: Option<String>,
    sort: Option<String>,
    page: Option<u64>,
}

/// Offices named in the "not yet reported" list before it is cut short.
const SILENT_SHOWN: usize = 50;

fn given(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|text| !text.is_empty())
        .map(str::to_owned)
}

/// The spread of the offices' reviewed scores in ten bands of a tenth of the marks.
fn spread(lang: Lang, counts: &[u64; 10]) -> BarChart {
    BarChart {
        title: t(lang, "dashboard-chart-title"),
        bars: counts
            .iter()
            .enumerate()
            .map(|(band, count)| {
                (
                    format::digits(lang, &format!("{}", band * 10)),
                    *count as f64,
                    format::number(lang, i64::try_from(*count).unwrap_or(i64::MAX)),
                )
            })
            .collect(),
    }
}

/// The dashboard's address with these choices.
fn dashboard_href(params: &[(&str, &str)]) -> String {
    let query: Vec<String> = params
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(name, value)| format!("{name}={}", encode_component(value)))
        .collect();
    format!("/dashboard?{}", query.join("&"))
}

/// `GET /dashboard?office=KEY|scope=all&template=KEY&kind=KIND&district=CODE&sort=name&page=N`.
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Query(params): Query<DashboardParams>,
) -> Result<DashboardPage, PageError> {
    let query = DashboardQuery {
        office: given(&params.office),
        nation: params.scope.as_deref() == Some("all"),
        template: given(&params.template),
        kind: given(&params.kind),
        district: given(&params.district),
        by_name: params.sort.as_deref() == Some("name"),
        page: params.page.unwrap_or(1),
    };
    let board = state.app.dashboard(&member.0, &query).await?;
    let total = board.template.total_marks;
    let score = |value: Option<f64>| {
        value
            .map(|value| marks(lang, value))
            .unwrap_or_else(|| "—".to_owned())
    };
    let heading = match &board.office {
        Some(office) => t_args(
            lang,
            "dashboard-title",
            &[("office", office.name.get(lang).to_owned())],
        ),
        None => t(lang, "dashboard-title-nation"),
    };
    let office_key = board
        .office
        .as_ref()
        .map(|office| office.key.clone())
        .unwrap_or_default();
    let nation = board.office.is_none();
    let kind_code = board.kind.map(|kind| kind.code()).unwrap_or_default();
    let district_code = board
        .district
        .map(|district| district.code)
        .unwrap_or_default();
    let sort = if query.by_name { "name" } else { "" };
    let page_href = |page: u64| {
        let page = page.to_string();
        dashboard_href(&[
            ("office", &office_key),
            ("scope", if nation { "all" } else { "" }),
            ("template", &board.template.key),
            ("kind", kind_code),
            ("district", district_code),
            ("sort", sort),
            ("page", &page),
        ])
    };
    let count = |value: u64| format::number(lang, i64::try_from(value).unwrap_or(i64::MAX));
    Ok(DashboardPage {
        l: Layout::of_member(
            &state.app,
            lang,
            &member,
            heading.clone(),
            "dashboard",
            "/dashboard",
        ),
        heading,
        nation_href: (board.may_see_nation && !nation)
            .then(|| dashboard_href(&[("scope", "all"), ("template", &board.template.key)])),
        office_key: office_key.clone(),
        nation,
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
        districts: board
            .districts
            .iter()
            .map(|district| {
                (
                    district.code.to_owned(),
                    district.name(lang).to_owned(),
                    board.district == Some(*district),
                )
            })
            .collect(),
        by_name: query.by_name,
        summary: t_args(
            lang,
            "dashboard-summary",
            &[
                ("offices", count(board.summary.offices)),
                ("plans", count(board.summary.with_plan)),
                (
                    "average",
                    board
                        .summary
                        .average
                        .map(|average| marks(lang, average))
                        .unwrap_or_else(|| "—".to_owned()),
                ),
            ],
        ),
        own: board.own.as_ref().map(|own| {
            t_args(
                lang,
                "plan-score-of",
                &[
                    (
                        "score",
                        crate::plan::progress::both_scores(
                            lang,
                            own.score.unwrap_or(0.0),
                            own.self_score.unwrap_or(0.0),
                        ),
                    ),
                    ("total", marks(lang, total)),
                ],
            )
        }),
        chart: spread(lang, &board.summary.tenths).svg(),
        rows: board
            .rows
            .iter()
            .map(|row| DashboardLine {
                name: row.name.get(lang).to_owned(),
                href: dashboard_href(&[("office", &row.key), ("template", &board.template.key)]),
                kind: t(lang, &row.kind.message_key()),
                district: row
                    .district_code
                    .as_deref()
                    .and_then(district_by_code)
                    .map(|district| district.name(lang).to_owned())
                    .unwrap_or_default(),
                status: row
                    .status
                    .map(|status| t(lang, &status.message_key()))
                    .unwrap_or_else(|| t(lang, "dashboard-no-plan")),
                score: score(row.score),
                self_score: score(row.self_score),
            })
            .collect(),
        pager: Pager::new(
            lang,
            t(lang, "dashboard-pages"),
            (board.page, board.pages, ROWS_PER_PAGE),
            (board.rows.len(), board.summary.offices),
            page_href,
        ),
        silent_heading: t_args(
            lang,
            "dashboard-silent",
            &[(
                "quarter",
                bangla::Quarter::from_number(board.quarter)
                    .map(|quarter| format::quarter(lang, quarter))
                    .unwrap_or_default(),
            )],
        ),
        silent: board
            .silent
            .iter()
            .take(SILENT_SHOWN)
            .map(|row| row.name.get(lang).to_owned())
            .collect(),
        silent_more: (board.silent.len() > SILENT_SHOWN).then(|| {
            t_args(
                lang,
                "dashboard-silent-more",
                &[(
                    "count",
                    format::number(lang, (board.silent.len() - SILENT_SHOWN) as i64),
                )],
            )
        }),
        awaiting_review: board
            .awaiting_review
            .iter()
            .filter_map(|row| {
                Some((
                    row.name.get(lang).to_owned(),
                    format!("/plans/{}/self-assessment", row.plan_id?),
                ))
            })
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
