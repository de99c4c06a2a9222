//! The award page: a year's ranking of an office's agencies and field offices by the published rules,
//! every criterion's arithmetic shown, with the rules and tie-breaks beside it; the team's decision
//! on it (the chief innovation officer confirms the winners, the member secretary issues the
//! notice), and the issued notice's PDF.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use bangla::FiscalYear;
use serde::Deserialize;
use udbhabon_core::innovation::award::round::{
    AwardChoice, AwardRoundState, WinnerChoice, award_fields,
};
use udbhabon_core::innovation::award::{
    AwardRanking, Candidate, award_name, criterion_label, figure,
};
use udbhabon_domain::innovation::award::AwardCategory;
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Member, Posted};
use crate::download::Disposition;
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::form::{Choice, FieldErrors, choices, memo_file_choices, rejected, with_none};
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::state::AppState;

/// How many past years the year choice offers.
const YEARS_OFFERED: usize = 5;

/// How many candidates of each award the page lists unless the whole ranking is asked for: a ministry
/// with hundreds of field offices would otherwise send a page of megabytes to a slow connection.
const CANDIDATES_SHOWN: usize = 20;

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
    /// "শীর্ষ ২০টি দেখানো হলো, মোট ৫৮৪টি" when the table is cut short.
    more: Option<String>,
}

/// The candidates the form offers: the first ones (all of them when `whole`), and the one chosen
/// already (entered or confirmed) wherever it stands.
fn listed<'a>(candidates: &'a [Candidate], whole: bool, keep: Option<&str>) -> Vec<&'a Candidate> {
    candidates
        .iter()
        .enumerate()
        .filter(|(index, candidate)| {
            whole
                || *index < CANDIDATES_SHOWN
                || keep == Some(candidate.office.id.to_string().as_str())
        })
        .map(|(_, candidate)| candidate)
        .collect()
}

#[derive(Template, WebTemplate)]
#[template(path = "innovation/award/ranking.html")]
pub(crate) struct AwardPage {
    l: Layout,
    heading: String,
    office_key: String,
    years: Vec<(String, String)>,
    year: String,
    /// (criterion, weight) of the rules, and what each measures.
    criteria: Vec<(String, String, String)>,
    tie_breaks: String,
    /// Whose plan score counts: the year's template of the rules' kind, or that the year has none.
    plan: String,
    tables: Vec<Table>,
    decision: Decision,
    csrf: String,
    errors: Vec<(String, String)>,
}

impl FieldErrors for AwardPage {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

/// One award in the confirmation form: the candidates to choose from and the reason given.
struct AwardField {
    heading: String,
    field: &'static str,
    reason_field: &'static str,
    choices: Vec<Choice>,
    reason: String,
}

/// The team's decision on the year as the page shows it, and the forms the reader may use.
struct Decision {
    /// Why nothing can be decided yet, when the year is still running.
    note: Option<String>,
    /// (award, winner, the team's reason) once confirmed.
    winners: Vec<(String, String, String)>,
    /// "নিশ্চিত করেছেন …" once confirmed.
    confirmed: Option<String>,
    /// "বিজ্ঞপ্তি জারি হয়েছে …" and the notice's address, once issued.
    issued: Option<(String, String)>,
    /// The confirmation form's fingerprint and awards, when the reader may confirm.
    fingerprint: String,
    confirm: Vec<AwardField>,
    /// The files the notice's number may be taken from, when the reader may issue it.
    memo_files: Vec<Choice>,
}

/// What was entered in the confirmation form, kept when the form is shown again.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ConfirmForm {
    #[serde(default)]
    ranking: String,
    #[serde(default)]
    agency: String,
    #[serde(default)]
    agency_reason: String,
    #[serde(default)]
    field_office: String,
    #[serde(default)]
    field_office_reason: String,
}

impl ConfirmForm {
    /// The winner and reason entered for one award.
    fn entered(&self, category: AwardCategory) -> (&str, &str) {
        match category {
            AwardCategory::Agency => (&self.agency, &self.agency_reason),
            AwardCategory::FieldOffice => (&self.field_office, &self.field_office_reason),
        }
    }

    fn choice(&self) -> AwardChoice {
        let winner = |category| {
            let (office_id, reason) = self.entered(category);
            WinnerChoice {
                office_id: office_id.to_owned(),
                reason: reason.to_owned(),
            }
        };
        AwardChoice {
            ranking: self.ranking.clone(),
            agency: winner(AwardCategory::Agency),
            field_office: winner(AwardCategory::FieldOffice),
        }
    }
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
                    ("measure", figure(lang, measure)),
                    ("against", figure(lang, against)),
                    ("score", format::marks(lang, part.score)),
                    ("weight", figure(lang, part.weight)),
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

/// The team's decision as shown, and the forms the reader may use on it.
fn decision(
    lang: Lang,
    ranking: &AwardRanking,
    state: &AwardRoundState,
    entered: Option<&ConfirmForm>,
    whole: bool,
) -> Decision {
    let stored = state.round.as_ref();
    let office_name = |id: i32| {
        state
            .winners
            .get(&id)
            .map(|office| office.name.get(lang).to_owned())
            .unwrap_or_default()
    };
    let winners = stored
        .into_iter()
        .flat_map(|round| round.winners())
        .map(|(category, winner)| {
            (
                award_name(lang, category),
                office_name(winner.office_id),
                winner.reason.clone(),
            )
        })
        .collect();
    let confirmed = stored.map(|round| {
        t_args(
            lang,
            "award-confirmed-by",
            &[
                (
                    "who",
                    state
                        .confirmed_by
                        .as_ref()
                        .map(|person| person.name.get(lang).to_owned())
                        .unwrap_or_default(),
                ),
                (
                    "date",
                    format::date(lang, bangla::dhaka::today_in_dhaka(round.confirmed_at)),
                ),
            ],
        )
    });
    let issued = stored.and_then(|round| {
        let printed = round.memo_number.as_ref()?.printed(lang);
        Some((
            t_args(
                lang,
                "award-issued",
                &[
                    ("memo", printed),
                    ("date", format::date(lang, round.issued_on?)),
                ],
            ),
            notice_href(&ranking.office.key, ranking.year),
        ))
    });
    let confirm = if state.may_confirm {
        ranking
            .categories
            .iter()
            .filter(|(_, candidates)| !candidates.is_empty())
            .map(|(category, candidates)| {
                let (field, reason_field) = award_fields(*category);
                let entered = entered.map(|form| form.entered(*category));
                let confirmed = stored.and_then(|round| round.winner(*category));
                // The form offers what was entered, else the confirmed winner, else the one the
                // ranking puts first alone.
                let alone_first = (candidates
                    .iter()
                    .filter(|candidate| candidate.ranked.place == 1)
                    .count()
                    == 1)
                    .then(|| candidates[0].office.id.to_string());
                let selected = match entered {
                    Some((winner, _)) => Some(winner.to_owned()),
                    None => confirmed
                        .map(|winner| winner.office_id.to_string())
                        .or(alone_first),
                };
                AwardField {
                    heading: award_name(lang, *category),
                    field,
                    reason_field,
                    choices: with_none(choices(
                        listed(candidates, whole, selected.as_deref()),
                        selected.as_deref(),
                        |candidate| candidate.office.id.to_string(),
                        |candidate| {
                            format!(
                                "{}. {} ({})",
                                format::number(lang, candidate.ranked.place as i64),
                                candidate.office.name.get(lang),
                                format::marks(lang, candidate.ranked.total)
                            )
                        },
                    )),
                    reason: match entered {
                        Some((_, reason)) => reason.to_owned(),
                        None => confirmed
                            .map(|winner| winner.reason.clone())
                            .unwrap_or_default(),
                    },
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    Decision {
        note: (!state.year_over).then(|| t(lang, "award-year-open")),
        winners,
        confirmed,
        issued,
        fingerprint: state.fingerprint.clone(),
        confirm,
        memo_files: if state.may_issue {
            memo_file_choices(lang, &state.memo_files, None)
        } else {
            Vec::new()
        },
    }
}

/// Where the issued notice of a year is served.
pub(crate) fn notice_href(office_key: &str, year: FiscalYear) -> String {
    format!(
        "/offices/{office_key}/awards/{}/notice.pdf",
        year.short_en()
    )
}

/// What a form posted, and the messages it was refused with, to show the page again.
struct Refused<'a> {
    entered: Option<&'a ConfirmForm>,
    errors: Vec<(String, String)>,
}

fn page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    ranking: &AwardRanking,
    round: &AwardRoundState,
    refused: Refused<'_>,
    whole: bool,
) -> AwardPage {
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
        .map(|(category, candidates)| {
            let shown = if whole {
                candidates.len()
            } else {
                candidates.len().min(CANDIDATES_SHOWN)
            };
            Table {
                heading: t(lang, &category.message_key()),
                lines: candidates[..shown]
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
                more: (shown < candidates.len()).then(|| {
                    t_args(
                        lang,
                        "award-more",
                        &[
                            ("shown", format::number(lang, shown as i64)),
                            ("all", format::number(lang, candidates.len() as i64)),
                        ],
                    )
                }),
            }
        })
        .collect();
    AwardPage {
        l: Layout::of_member(
            &state.app,
            lang,
            member,
            heading.clone(),
            "innovations",
            &format!("/offices/{}/awards", ranking.office.key),
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
                    figure(lang, *weight),
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
        plan: match &ranking.plan {
            Some(template) => t_args(
                lang,
                "award-plan-counted",
                &[("plan", template.title.get(lang).to_owned())],
            ),
            None => t_args(
                lang,
                "award-plan-none",
                &[("kind", t(lang, &ranking.rules.plan_kind.message_key()))],
            ),
        },
        tables,
        decision: decision(lang, ranking, round, refused.entered, whole),
        csrf: member.0.csrf_token.clone(),
        errors: refused.errors,
    }
}

/// The year asked for, as the query string carries it.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct AwardQuery {
    #[serde(default)]
    year: String,
    /// "1" lists every candidate.
    #[serde(default)]
    all: String,
}

/// `GET /offices/{key}/awards?year=2025-26`: the year's ranking (by default the last full year, whose
/// plan the award looks back on) and the team's decision on it.
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
        text => FiscalYear::parse(text).ok(),
    }
    .ok_or_else(|| PageError::bad_input("error-award-year"))?;
    let whole = query.all == "1";
    shown(&state, lang, &member, &key, year, no_refusal(), whole).await
}

fn no_refusal() -> Refused<'static> {
    Refused {
        entered: None,
        errors: Vec::new(),
    }
}

/// The award page of a year, with what a refused form posted.
async fn shown(
    state: &AppState,
    lang: Lang,
    member: &Member,
    key: &str,
    year: FiscalYear,
    refused: Refused<'_>,
    whole: bool,
) -> Result<AwardPage, PageError> {
    let ranking = state.app.award_ranking(&member.0, key, year).await?;
    let round = state.app.award_round_state(&member.0, &ranking).await?;
    Ok(page(state, lang, member, &ranking, &round, refused, whole))
}

/// The year a form's address names.
fn path_year(text: &str) -> Result<FiscalYear, PageError> {
    FiscalYear::parse(text).map_err(|_| PageError::bad_input("error-award-year"))
}

/// Back to the year's award page.
fn to_page(key: &str, year: FiscalYear) -> Response {
    Redirect::to(&format!("/offices/{key}/awards?year={}", year.short_en())).into_response()
}

/// `POST /offices/{key}/awards/{year}/confirm`: the chief innovation officer confirms the winners.
pub(crate) async fn confirm(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path((key, year)): Path<(String, String)>,
    Posted(member, form): Posted<ConfirmForm>,
) -> Result<Response, PageError> {
    let year = path_year(&year)?;
    match state
        .app
        .confirm_award(&member.0, &key, year, &form.choice())
        .await
    {
        Ok(()) => Ok(to_page(&key, year)),
        Err(error) => {
            rejected(lang, error, |errors| {
                let refused = Refused {
                    entered: Some(&form),
                    errors,
                };
                shown(&state, lang, &member, &key, year, refused, false)
            })
            .await
        }
    }
}

/// The notice's memo file as posted.
#[derive(Debug, Deserialize)]
pub(crate) struct IssueForm {
    #[serde(default)]
    memo_file: String,
}

/// `POST /offices/{key}/awards/{year}/notice`: the member secretary issues the award notice.
pub(crate) async fn issue(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path((key, year)): Path<(String, String)>,
    Posted(member, form): Posted<IssueForm>,
) -> Result<Response, PageError> {
    let year = path_year(&year)?;
    match state
        .app
        .issue_award_notice(&member.0, &key, year, &form.memo_file)
        .await
    {
        Ok(_) => Ok(to_page(&key, year)),
        Err(error) => {
            rejected(lang, error, |errors| {
                let refused = Refused {
                    entered: None,
                    errors,
                };
                shown(&state, lang, &member, &key, year, refused, false)
            })
            .await
        }
    }
}

/// `GET /offices/{key}/awards/{year}/notice.pdf`: the issued notice, open to everyone.
pub(crate) async fn notice_pdf(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path((key, year)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let year = path_year(&year)?;
    let document = state.app.award_notice_pdf(&key, year, lang).await?;
    Ok(crate::download::pdf(document, Disposition::Inline))
}
