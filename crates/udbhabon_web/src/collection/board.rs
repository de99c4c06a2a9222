//! The compliance board's pages: a period's board (and its XLSX), and the fiscal year's grid.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::Response;
use chrono::NaiveDate;
use serde::Deserialize;
use udbhabon_core::collection::board::{
    Board, BoardLine, RespondentStatus, YearGrid, forward_text, share_text,
};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::collection::Standing;
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::Member;
use crate::collection::{count, layout, period_name, standing_code};
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::state::AppState;

/// The period a board or an export is for, from the query string.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct PeriodQuery {
    #[serde(default)]
    period: String,
    /// A gathering office's key, for its own part of the board.
    #[serde(default)]
    office: String,
}

impl PeriodQuery {
    fn within(&self) -> Option<&str> {
        Some(self.office.trim()).filter(|key| !key.is_empty())
    }

    fn starts_on(&self) -> Result<Option<NaiveDate>, PageError> {
        match self.period.trim() {
            "" => Ok(None),
            text => text
                .parse()
                .map(Some)
                .map_err(|_| PageError::bad_input("error-bad-date")),
        }
    }
}

/// A respondent's line on the board.
struct RespondentLine {
    name: String,
    href: String,
    standing: String,
    standing_code: &'static str,
    submitted: String,
    share: String,
    reminders: String,
}

/// A line of the board as the template shows it.
enum Line {
    Group {
        name: String,
        /// The office's own part of the board, for an office below the board's.
        href: Option<String>,
        tally: String,
        on_time: String,
        depth: usize,
        /// Where its forward stands, for a gathering office.
        forward: Option<String>,
    },
    Respondent(RespondentLine),
}

#[derive(Template, WebTemplate)]
#[template(path = "collection/board/show.html")]
pub(crate) struct BoardPage {
    l: Layout,
    heading: String,
    /// When and why it was closed.
    closed: Option<String>,
    /// The page that corrects or closes it, for whoever runs it.
    manage_href: Option<String>,
    office: String,
    instructions: String,
    period: String,
    due: String,
    /// (value, label, chosen)
    periods: Vec<(String, String, bool)>,
    lines: Vec<Line>,
    /// Whether the offices below are shown by their tallies only, each opened as its own part.
    folded: bool,
    summary: String,
    counts: Vec<(String, String, usize)>,
    share: Option<String>,
    /// What the share of a return is called; none for a report.
    share_label: Option<String>,
    xlsx_href: String,
    year_href: String,
    action: String,
    /// The gathering office's own part of the board: its key, for the filters and the forward.
    within: Option<String>,
    /// The forward form, when the reader may forward: the message about what is unreviewed.
    forward: Option<String>,
    forward_action: String,
    csrf: String,
    note: String,
    reason: String,
    errors: Vec<(String, String)>,
}

fn respondent_line(lang: Lang, board: &Board, status: &RespondentStatus) -> RespondentLine {
    let latest = status.latest.as_ref();
    let escalated = status
        .reminders
        .iter()
        .filter(|sent| sent.step == "escalated")
        .count();
    let reminded = status.reminders.len() - escalated;
    RespondentLine {
        name: status.respondent.name().get(lang).to_owned(),
        href: format!(
            "/collections/{}/periods/{}/respondents/{}",
            board.collection.key, board.period.period.starts_on, status.respondent.row.id
        ),
        standing: t(lang, &status.standing.message_key()),
        standing_code: standing_code(status.standing),
        submitted: latest.map_or_else(String::new, |submission| {
            let day = format::date(lang, bangla::dhaka::today_in_dhaka(submission.at));
            if submission.version > 1 {
                t_args(
                    lang,
                    "board-submitted-version",
                    &[
                        ("date", day),
                        (
                            "version",
                            format::number(lang, i64::from(submission.version)),
                        ),
                    ],
                )
            } else {
                day
            }
        }),
        share: latest
            .and_then(|submission| submission.counts.as_ref())
            .zip(board.collection.kind.counts())
            .and_then(|(counts, asked)| asked.share([counts]))
            .map(|share| share_text(lang, share))
            .unwrap_or_default(),
        reminders: match (reminded, escalated) {
            (0, 0) => String::new(),
            (_, 0) => t_args(
                lang,
                "board-reminders-sent",
                &[("reminded", format::number(lang, count(reminded)))],
            ),
            _ => t_args(
                lang,
                "board-reminders-escalated",
                &[
                    ("reminded", format::number(lang, count(reminded))),
                    ("escalated", format::number(lang, count(escalated))),
                ],
            ),
        },
    }
}

/// What the forward form was given, shown again with its messages when it was refused.
#[derive(Default)]
pub(crate) struct Typed {
    pub(crate) note: String,
    pub(crate) reason: String,
    pub(crate) errors: Vec<(String, String)>,
}

pub(crate) fn board_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    board: &Board,
    (within, typed): (Option<&str>, Typed),
) -> BoardPage {
    let collection = &board.collection;
    let office_query = within.map_or_else(String::new, |key| format!("&office={key}"));
    let recurrence = collection.cadence.recurrence;
    let starts_on = board.period.period.starts_on;
    let heading = collection.title.get(lang).to_owned();
    let total = &board.total;
    let (shown, folded) = board.shown_lines();
    BoardPage {
        l: layout(
            state,
            lang,
            member,
            heading.clone(),
            &format!("/collections/{}", collection.key),
        ),
        heading,
        closed: collection.closed.as_ref().map(|closing| {
            t_args(
                lang,
                "collection-closed-on",
                &[
                    ("date", format::date(lang, closing.on)),
                    ("reason", closing.reason.clone()),
                ],
            )
        }),
        manage_href: board
            .may_manage
            .then(|| format!("/collections/{}/edit", collection.key)),
        office: board.office.name.get(lang).to_owned(),
        instructions: collection.instructions.get(lang).to_owned(),
        period: period_name(lang, recurrence, starts_on, board.period.period.ends_on),
        due: format::date_both(lang, board.period.period.due_on),
        periods: board
            .periods
            .iter()
            .map(|period| {
                (
                    period.period.starts_on.to_string(),
                    period_name(
                        lang,
                        recurrence,
                        period.period.starts_on,
                        period.period.ends_on,
                    ),
                    period.id == board.period.id,
                )
            })
            .collect(),
        folded,
        lines: shown
            .into_iter()
            .map(|line| match line {
                BoardLine::Group {
                    office,
                    tally,
                    depth,
                    forward,
                } => Line::Group {
                    forward: forward.as_ref().map(|forward| forward_text(lang, forward)),
                    name: office.name.get(lang).to_owned(),
                    href: (*depth > 0).then(|| {
                        format!(
                            "/collections/{}?period={starts_on}&office={}",
                            collection.key, office.key
                        )
                    }),
                    tally: tally.describe(lang),
                    on_time: t_args(
                        lang,
                        "board-on-time-percent",
                        &[(
                            "percent",
                            format::number(lang, count(tally.on_time_percent())),
                        )],
                    ),
                    depth: *depth,
                },
                BoardLine::Respondent(status) => {
                    Line::Respondent(respondent_line(lang, board, status))
                }
            })
            .collect(),
        summary: t_args(
            lang,
            "board-summary",
            &[
                (
                    "submitted",
                    format::number(lang, count(total.on_time + total.late)),
                ),
                ("total", format::number(lang, count(total.total()))),
                (
                    "percent",
                    format::number(lang, count(total.submitted_percent())),
                ),
                (
                    "on_time",
                    format::number(lang, count(total.on_time_percent())),
                ),
            ],
        ),
        counts: [
            (Standing::OnTime, total.on_time),
            (Standing::Late, total.late),
            (Standing::Returned, total.returned),
            (Standing::Missing, total.missing),
            (Standing::Awaited, total.awaited),
        ]
        .into_iter()
        .map(|(standing, number)| {
            (
                standing.code().to_owned(),
                t(lang, &standing.message_key()),
                number,
            )
        })
        .map(|(code, label, number)| {
            (
                code,
                format!("{label}: {}", format::number(lang, count(number))),
                number,
            )
        })
        .collect(),
        share: board.share.map(|share| share_text(lang, share)),
        share_label: collection
            .kind
            .counts()
            .map(|asked| t(lang, &asked.share_key())),
        xlsx_href: format!(
            "/collections/{}/board.xlsx?period={starts_on}{office_query}",
            collection.key
        ),
        year_href: format!(
            "/collections/{}/year?year={}",
            collection.key,
            bangla::FiscalYear::of(starts_on)
                .map(|year| year.short_en())
                .unwrap_or_default()
        ),
        action: format!("/collections/{}", collection.key),
        within: within.map(str::to_owned),
        forward: board.may_forward.map(|unreviewed| {
            if unreviewed == 0 {
                t(lang, "forward-all-reviewed")
            } else {
                t_args(
                    lang,
                    "forward-unreviewed",
                    &[("count", format::number(lang, count(unreviewed)))],
                )
            }
        }),
        forward_action: format!(
            "/collections/{}/periods/{starts_on}/forwards",
            collection.key
        ),
        csrf: member.0.csrf_token.clone(),
        note: typed.note,
        reason: typed.reason,
        errors: typed.errors,
    }
}

/// `GET /collections/{key}`: the compliance board of a period (by default the one now running).
pub(crate) async fn board(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
    Query(query): Query<PeriodQuery>,
) -> Result<BoardPage, PageError> {
    let board = state
        .app
        .collection_board(&member.0, &key, query.starts_on()?, query.within())
        .await?;
    Ok(board_page(
        &state,
        lang,
        &member,
        &board,
        (query.within(), Typed::default()),
    ))
}

/// `GET /collections/{key}/board.xlsx`.
pub(crate) async fn board_xlsx(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
    Query(query): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    let (board, bytes) = state
        .app
        .collection_board_file(&member.0, (&key, query.starts_on()?, query.within()), lang)
        .await?;
    Ok(crate::download::table(
        udbhabon_core::TableFormat::Xlsx,
        &format!("{}-{}", board.collection.key, board.period.period.starts_on),
        bytes,
    ))
}

/// The fiscal year of the year grid, from the query string.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct YearQuery {
    #[serde(default)]
    year: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "collection/board/year.html")]
pub(crate) struct YearPage {
    l: Layout,
    heading: String,
    board_href: String,
    /// (label, href)
    months: Vec<(String, String)>,
    /// (name, [(code, label)])
    rows: Vec<(String, Vec<(&'static str, String)>)>,
    previous: Option<String>,
    next: Option<String>,
}

fn year_page(state: &AppState, lang: Lang, member: &Member, grid: &YearGrid) -> YearPage {
    let collection = &grid.collection;
    let heading = t_args(
        lang,
        "collection-year-heading",
        &[
            ("collection", collection.title.get(lang).to_owned()),
            ("year", format::fiscal_year(lang, grid.year)),
        ],
    );
    let href = |year: bangla::FiscalYear| {
        format!(
            "/collections/{}/year?year={}",
            collection.key,
            year.short_en()
        )
    };
    YearPage {
        l: layout(
            state,
            lang,
            member,
            heading.clone(),
            &format!("/collections/{}/year", collection.key),
        ),
        heading,
        board_href: format!("/collections/{}", collection.key),
        months: grid
            .periods
            .iter()
            .map(|period| {
                (
                    period_name(
                        lang,
                        collection.cadence.recurrence,
                        period.period.starts_on,
                        period.period.ends_on,
                    ),
                    format!(
                        "/collections/{}?period={}",
                        collection.key, period.period.starts_on
                    ),
                )
            })
            .collect(),
        rows: grid
            .rows
            .iter()
            .map(|(respondent, standings)| {
                (
                    respondent.name().get(lang).to_owned(),
                    standings
                        .iter()
                        .map(|standing| (standing.code(), t(lang, &standing.message_key())))
                        .collect(),
                )
            })
            .collect(),
        previous: grid.year.previous().map(href),
        next: grid.year.next().map(href),
    }
}

/// `GET /collections/{key}/year`: every respondent's standing month by month in a fiscal year.
pub(crate) async fn year(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
    Query(query): Query<YearQuery>,
) -> Result<YearPage, PageError> {
    let year = match query.year.trim() {
        "" => bangla::FiscalYear::of(state.app.today()),
        text => bangla::FiscalYear::parse(text),
    }
    .map_err(|_| PageError::bad_input("error-fiscal-year"))?;
    let grid = state.app.collection_year(&member.0, &key, year).await?;
    Ok(year_page(&state, lang, &member, &grid))
}
