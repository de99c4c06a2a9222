//! The award page: a year's ranking of an office's agencies and field offices by the published rules,
//! every criterion's arithmetic shown, with the rules and tie-breaks beside it.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use bangla::FiscalYear;
use serde::Deserialize;
use udbhabon_core::award::{AwardRanking, Candidate};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::award::Criterion;
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Member, Visitor};
use crate::error::PageError;
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::state::AppState;

/// How many past years the year choice offers.
const YEARS_OFFERED: usize = 5;

/// A candidate's line: place, office, each criterion's working, the total, and how a tie went.
struct Line {
    place: String,
    office: String,
    /// (criterion, "measure / against → score × weight% = marks") in the rules' order.
    parts: Vec<(String, String)>,
    total: String,
    tie: Option<String>,
    first: bool,
}

/// One award's table.
struct Table {
    heading: String,
    lines: Vec<Line>,
}

#[derive(Template, WebTemplate)]
#[template(path = "award/ranking.html")]
pub(crate) struct AwardPage {
    l: Layout,
    heading: String,
    office_key: String,
    years: Vec<(String, String)>,
    year: String,
    /// (criterion, weight) of the rules, and what each measures.
    criteria: Vec<(String, String, String)>,
    tie_breaks: String,
    tables: Vec<Table>,
}

fn criterion_label(lang: Lang, code: &str) -> String {
    Criterion::from_code(code).map_or_else(
        |_| code.to_owned(),
        |criterion| t(lang, &criterion.message_key()),
    )
}

fn line(lang: Lang, candidate: &Candidate, shares_place: bool) -> Line {
    let ranked = &candidate.ranked;
    let parts = ranked
        .parts
        .iter()
        .map(|part| {
            let (measure, against) = part.measure;
            let working = t_args(
                lang,
                "award-working",
                &[
                    ("measure", format::digits(lang, &trimmed(measure))),
                    ("against", format::digits(lang, &trimmed(against))),
                    ("score", format::marks(lang, part.score)),
                    ("weight", format::digits(lang, &trimmed(part.weight))),
                    ("marks", format::marks(lang, part.marks)),
                ],
            );
            (criterion_label(lang, &part.criterion), working)
        })
        .collect();
    let tie = match (&ranked.decided_by, shares_place) {
        (_, true) => Some(t(lang, "award-tie-shared")),
        (Some(criterion), false) => Some(t_args(
            lang,
            "award-tie-broken",
            &[("criterion", criterion_label(lang, criterion))],
        )),
        (None, false) => None,
    };
    Line {
        place: format::number(lang, ranked.place as i64),
        office: candidate.office.name.get(lang).to_owned(),
        parts,
        total: format::marks(lang, ranked.total),
        tie,
        first: ranked.place == 1,
    }
}

/// A figure without a needless ".0": 40, 82.5.
fn trimmed(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn page(state: &AppState, lang: Lang, member: &Member, ranking: &AwardRanking) -> AwardPage {
    let year = ranking.year;
    let heading = t_args(
        lang,
        "award-heading",
        &[
            ("year", format::digits(lang, &year.short_en())),
            ("office", ranking.office.name.get(lang).to_owned()),
        ],
    );
    let mut years = Vec::new();
    let mut offered = FiscalYear::of(state.app.today()).ok();
    while let Some(one) = offered {
        if years.len() == YEARS_OFFERED {
            break;
        }
        years.push((one.short_en(), format::digits(lang, &one.short_en())));
        offered = one.previous();
    }
    let tables = ranking
        .categories
        .iter()
        .map(|(category, candidates)| Table {
            heading: t(lang, &category.message_key()),
            lines: candidates
                .iter()
                .enumerate()
                .map(|(index, candidate)| {
                    let place = candidate.ranked.place;
                    let shares = candidates
                        .iter()
                        .enumerate()
                        .any(|(other, them)| other != index && them.ranked.place == place);
                    line(lang, candidate, shares)
                })
                .collect(),
        })
        .collect();
    AwardPage {
        l: Layout::new(
            lang,
            &Visitor(Some(member.0.clone())),
            heading.clone(),
            "innovations",
            &format!("/offices/{}/awards", ranking.office.key),
            state.app.today(),
        ),
        heading,
        office_key: ranking.office.key.clone(),
        years,
        year: year.short_en(),
        criteria: ranking
            .rules
            .criteria
            .iter()
            .map(|(criterion, weight)| {
                (
                    t(lang, &criterion.message_key()),
                    format::digits(lang, &trimmed(*weight)),
                    t(lang, &format!("{}-help", criterion.message_key())),
                )
            })
            .collect(),
        tie_breaks: ranking
            .rules
            .tie_breaks
            .iter()
            .map(|criterion| t(lang, &criterion.message_key()))
            .collect::<Vec<_>>()
            .join(" → "),
        tables,
    }
}

/// The year asked for, as the query string carries it.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct AwardQuery {
    #[serde(default)]
    year: String,
}

/// `GET /offices/{key}/awards?year=2025-26`: the year's ranking (by default the last full year, whose
/// plan the award looks back on).
pub(crate) async fn ranking(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
    Query(query): Query<AwardQuery>,
) -> Result<AwardPage, PageError> {
    let year = match query.year.trim() {
        "" => FiscalYear::of(state.app.today())
            .ok()
            .and_then(FiscalYear::previous),
        text => Some(
            FiscalYear::parse(text).map_err(|_| PageError::bad_input(lang, "error-award-year"))?,
        ),
    }
    .ok_or_else(|| PageError::bad_input(lang, "error-award-year"))?;
    let ranking = state
        .app
        .award_ranking(&member.0, &key, year)
        .await
        .map_err(|error| PageError::new(lang, error))?;
    Ok(page(&state, lang, &member, &ranking))
}
