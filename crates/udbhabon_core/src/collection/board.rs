//! The compliance board: for a collection and a period, who submitted on time or late, was returned or
//! is missing, tallied at every level of the office tree with the reminders that went out; the same
//! board as a spreadsheet, and a fiscal year's grid of every respondent month by month.

use std::collections::HashMap;

use chrono::NaiveDate;
use udbhabon_db::collection::{CollectionRow, ForwardRow, PeriodRow, SubmissionRow};
use udbhabon_db::office::OfficeRow;
use udbhabon_db::reminder::SentReminder;
use udbhabon_docs::table::{Rows, TableFormat, write_table};
use udbhabon_domain::Lang;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::collection::{Standing, SubmissionStatus, forward_due, standing};
use udbhabon_i18n::{format, t, t_args};

use crate::account::SignedIn;
use crate::collection::{
    REMINDER_SUBJECT, Respondent, current_period, gatherer, latest_versions, share_of,
};
use crate::{App, Error};

/// How many respondents stand each way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub on_time: usize,
    pub late: usize,
    pub returned: usize,
    pub missing: usize,
    pub awaited: usize,
}

impl Tally {
    pub(crate) fn add(&mut self, standing: Standing) {
        match standing {
            Standing::OnTime => self.on_time += 1,
            Standing::Late => self.late += 1,
            Standing::Returned => self.returned += 1,
            Standing::Missing => self.missing += 1,
            Standing::Awaited => self.awaited += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.on_time + self.late + self.returned + self.missing + self.awaited
    }

    /// The whole percentage of respondents that submitted (on time or late).
    pub fn submitted_percent(&self) -> usize {
        percent(self.on_time + self.late, self.total())
    }

    /// "৪টির মধ্যে ৩টি জমা (৭৫%)": submitted of all, with the percentage.
    pub fn describe(&self, lang: Lang) -> String {
        t_args(
            lang,
            "board-tally",
            &[
                (
                    "submitted",
                    format::number(lang, count(self.on_time + self.late)),
                ),
                ("total", format::number(lang, count(self.total()))),
                (
                    "percent",
                    format::number(lang, count(self.submitted_percent())),
                ),
            ],
        )
    }

    /// The whole percentage of respondents that submitted on time.
    pub fn on_time_percent(&self) -> usize {
        percent(self.on_time, self.total())
    }
}

/// Where a gathering office's forward stands: "২ অক্টোবর ২০২২ তারিখে পাঠানো হয়েছে" (late, or with the
/// reason stated), or "৭ অক্টোবর ২০২২-এর মধ্যে পাঠাতে হবে".
pub fn forward_text(lang: Lang, (due_on, done): &(NaiveDate, Option<ForwardRow>)) -> String {
    match done {
        Some(forward) => {
            let key = if forward.late {
                "forward-done-late"
            } else {
                "forward-done"
            };
            t_args(
                lang,
                key,
                &[(
                    "date",
                    format::date(lang, bangla::dhaka::today_in_dhaka(forward.at)),
                )],
            )
        }
        None => t_args(
            lang,
            "forward-due",
            &[("date", format::date(lang, *due_on))],
        ),
    }
}

/// A return's share as the board prints it: "৭৫.০%".
pub fn share_text(lang: Lang, share: f64) -> String {
    format::digits(lang, &format!("{share:.1}%"))
}

/// A whole percentage, rounded half up; none of nothing is 0.
fn percent(part: usize, whole: usize) -> usize {
    (part * 100 + whole / 2).checked_div(whole).unwrap_or(0)
}

/// Where one respondent stands in a period.
#[derive(Debug, Clone)]
pub struct RespondentStatus {
    pub respondent: Respondent,
    pub standing: Standing,
    /// The latest version, if any.
    pub latest: Option<SubmissionRow>,
    /// The reminders that went out about this period (to the respondent and, escalated, above).
    pub reminders: Vec<SentReminder>,
}

/// What the board needs to show the gathering offices' forwards.
struct Gathering<'a> {
    collection: &'a CollectionRow,
    due_on: NaiveDate,
    forwards: &'a [ForwardRow],
}

impl Gathering<'_> {
    /// When a gathering office must forward, and its forward if made.
    fn of(&self, office_id: i32) -> Option<(NaiveDate, Option<ForwardRow>)> {
        let days = self.collection.forward_days?;
        Some((
            forward_due(self.due_on, days),
            self.forwards
                .iter()
                .find(|forward| forward.office_id == office_id)
                .cloned(),
        ))
    }
}

/// A line of the compliance board: an office with the tally of everyone under it, or a respondent.
#[derive(Debug, Clone)]
pub enum BoardLine {
    Group {
        office: Box<OfficeRow>,
        tally: Tally,
        /// How deep it sits below the board's top line.
        depth: usize,
        /// For an office that gathers its field offices' submissions: when it must forward them,
        /// and its forward once made.
        forward: Option<(NaiveDate, Option<ForwardRow>)>,
    },
    Respondent(Box<RespondentStatus>),
}

/// The compliance board of a collection for one period.
#[derive(Debug, Clone)]
pub struct Board {
    pub collection: CollectionRow,
    pub office: OfficeRow,
    /// Every period opened, newest first, for choosing another.
    pub periods: Vec<PeriodRow>,
    pub period: PeriodRow,
    pub lines: Vec<BoardLine>,
    pub total: Tally,
    /// The share the period's returns count (accepted or awaiting review), for a return.
    pub share: Option<f64>,
    /// Whether the reader runs the collection (and so reviews its submissions).
    pub may_manage: bool,
    /// When the board is a gathering office's own and the reader runs that office: how many of its
    /// offices' submissions are not yet reviewed, until it has forwarded them.
    pub may_forward: Option<usize>,
}

/// How many lines a board's page shows whole; a larger board is shown a level at a time.
const SHOWN_LINES: usize = 250;

impl Board {
    /// The lines a page shows: every one when the board is small; otherwise the board's own office with
    /// its respondents and the offices directly below it with their tallies, each to be opened as its
    /// own part, so that a collection asked of a whole country is read a level at a time. `true` when
    /// lines were folded away.
    pub fn shown_lines(&self) -> (Vec<&BoardLine>, bool) {
        if self.lines.len() <= SHOWN_LINES {
            return (self.lines.iter().collect(), false);
        }
        let mut group_depth = 0;
        let shown = self
            .lines
            .iter()
            .filter(|line| match line {
                BoardLine::Group { depth, .. } => {
                    group_depth = *depth;
                    *depth <= 1
                }
                BoardLine::Respondent(_) => group_depth == 0,
            })
            .collect();
        (shown, true)
    }
}

/// A year of a collection: every respondent's standing in each period that starts in the fiscal year.
#[derive(Debug, Clone)]
pub struct YearGrid {
    pub collection: CollectionRow,
    pub office: OfficeRow,
    pub year: bangla::FiscalYear,
    pub periods: Vec<PeriodRow>,
    /// Each respondent with its standing per period, in the periods' order.
    pub rows: Vec<(Respondent, Vec<Standing>)>,
}

impl App {
    /// The compliance board of a collection for the period starting on `starts_on` (by default the
    /// earliest still to fall due, or else the latest).
    pub async fn collection_board(
        &self,
        who: &SignedIn,
        key: &str,
        starts_on: Option<NaiveDate>,
        within: Option<&str>,
    ) -> Result<Board, Error> {
        let (collection, mut periods) = self.collection_with_periods(key).await?;
        let office = match within {
            Some(office_key) => self.db.office_by_key(office_key).await?,
            None => self.db.office_by_id(collection.office_id).await?,
        };
        self.require(who, Action::ViewOfficeRecords, office.id)
            .await?;
        let today = self.today();
        let period = match starts_on {
            Some(day) => periods
                .iter()
                .find(|period| period.period.starts_on == day)
                .copied()
                .ok_or_else(|| Error::NotFound(format!("the period from {day} of {key}")))?,
            None => current_period(&periods, today)
                .ok_or_else(|| Error::NotFound(format!("an open period of {key}")))?,
        };
        let below = format!("/{}/", office.id);
        let respondents: Vec<Respondent> = self
            .respondents(&[collection.id])
            .await?
            .into_iter()
            .filter(|respondent| {
                within.is_none()
                    || respondent.office.id == office.id
                    || respondent.path.contains(&below)
            })
            .collect();
        let submissions = self.db.submissions_in(&[period.id]).await?;
        let latest = latest_versions(&submissions);
        let reminders = self
            .db
            .reminders_sent(
                REMINDER_SUBJECT,
                &respondents.iter().map(|r| r.row.id).collect::<Vec<_>>(),
            )
            .await?;
        let statuses: Vec<RespondentStatus> = respondents
            .into_iter()
            .map(|respondent| {
                let latest = latest
                    .get(&(period.id, respondent.row.id))
                    .map(|s| (*s).clone());
                RespondentStatus {
                    standing: standing(
                        latest.as_ref().map(SubmissionRow::latest),
                        period.period.due_on,
                        today,
                    ),
                    reminders: reminders
                        .iter()
                        .filter(|sent| {
                            sent.record_id == respondent.row.id
                                && sent.due_on == period.period.due_on
                        })
                        .cloned()
                        .collect(),
                    latest,
                    respondent,
                }
            })
            .collect();
        let share = collection.kind.counts().and_then(|asked| {
            share_of(
                asked,
                statuses.iter().filter_map(|status| status.latest.as_ref()),
            )
        });
        // What is still to review before a gathering office forwards: nothing in, or not yet
        // accepted or returned.
        let unreviewed = statuses
            .iter()
            .filter(|status| {
                status
                    .latest
                    .as_ref()
                    .is_none_or(|latest| latest.status == SubmissionStatus::Submitted)
            })
            .count();
        let forwards = self.db.forwards_in(&[period.id]).await?;
        let gathering = Gathering {
            collection: &collection,
            due_on: period.period.due_on,
            forwards: &forwards,
        };
        let (lines, total) = self.board_lines(&office, statuses, &gathering).await?;
        let gathers_here = collection.forward_days.is_some()
            && within.is_some()
            && office.parent_id == Some(collection.office_id);
        let may_forward = (gathers_here
            && collection.closed.is_none()
            && !forwards
                .iter()
                .any(|forward| forward.office_id == office.id)
            && self.may(who, Action::ManageTeam, office.id).await?)
            .then_some(unreviewed);
        periods.reverse();
        Ok(Board {
            may_manage: self
                .may(who, Action::ManageTeam, collection.office_id)
                .await?,
            may_forward,
            collection,
            office,
            periods,
            period,
            lines,
            total,
            share,
        })
    }

    /// The board's lines in tree order: under each office that has respondents below it (from the
    /// board's top office down), its tally (and, for a gathering office, its forward), then its own
    /// respondents, then the offices below it.
    async fn board_lines(
        &self,
        top: &OfficeRow,
        statuses: Vec<RespondentStatus>,
        gathering: &Gathering<'_>,
    ) -> Result<(Vec<BoardLine>, Tally), Error> {
        // Each respondent's chain of offices from the top one down to the office it answers under.
        let chain = |status: &RespondentStatus| -> Vec<i32> {
            let respondent = &status.respondent;
            let mut ids: Vec<i32> = respondent
                .path
                .split('/')
                .filter_map(|id| id.parse().ok())
                .collect();
            if respondent.unit.is_some() {
                ids.push(respondent.office.id);
            }
            match ids.iter().position(|id| *id == top.id) {
                Some(start) => ids.split_off(start),
                // A respondent outside the asking office's tree answers directly under it.
                None => vec![top.id],
            }
        };
        let chains: Vec<Vec<i32>> = statuses.iter().map(chain).collect();
        let gatherers: Vec<i32> = statuses
            .iter()
            .filter_map(|status| gatherer(gathering.collection, &status.respondent))
            .collect();
        // Each office once: respondents share their offices above, thousands of times over on a board
        // of a country's field offices.
        let mut group_ids: Vec<i32> = chains.iter().flatten().copied().collect();
        group_ids.sort_unstable();
        group_ids.dedup();
        let groups = self.db.offices_by_ids(&group_ids).await?;
        let mut tallies: HashMap<i32, Tally> = HashMap::new();
        let mut total = Tally::default();
        for (status, chain) in statuses.iter().zip(&chains) {
            total.add(status.standing);
            for id in chain {
                tallies.entry(*id).or_default().add(status.standing);
            }
        }
        let mut children: HashMap<i32, Vec<i32>> = HashMap::new();
        for chain in &chains {
            for pair in chain.windows(2) {
                let below = children.entry(pair[0]).or_default();
                if !below.contains(&pair[1]) {
                    below.push(pair[1]);
                }
            }
        }
        let mut by_group: HashMap<i32, Vec<RespondentStatus>> = HashMap::new();
        for (status, chain) in statuses.into_iter().zip(&chains) {
            by_group
                .entry(*chain.last().unwrap_or(&top.id))
                .or_default()
                .push(status);
        }
        let mut lines = Vec::new();
        let mut stack = vec![(top.id, 0_usize)];
        while let Some((id, depth)) = stack.pop() {
            if let Some(office) = groups.get(&id) {
                lines.push(BoardLine::Group {
                    office: Box::new(office.clone()),
                    tally: tallies.get(&id).copied().unwrap_or_default(),
                    depth,
                    forward: gatherers.contains(&id).then(|| gathering.of(id)).flatten(),
                });
            }
            for status in by_group.remove(&id).unwrap_or_default() {
                lines.push(BoardLine::Respondent(Box::new(status)));
            }
            if let Some(below) = children.get(&id) {
                stack.extend(below.iter().rev().map(|child| (*child, depth + 1)));
            }
        }
        Ok((lines, total))
    }

    /// The board as a spreadsheet: a line per office (with its tally and forward) and respondent with
    /// its standing, the date and version of its latest submission, and for a return its counts and
    /// share. Within a gathering office, it is the package that office forwards.
    pub async fn collection_board_file(
        &self,
        who: &SignedIn,
        (key, starts_on, within): (&str, Option<NaiveDate>, Option<&str>),
        lang: Lang,
    ) -> Result<(Board, Vec<u8>), Error> {
        let board = self.collection_board(who, key, starts_on, within).await?;
        let asked = board.collection.kind.counts();
        let mut heading: Vec<String> = [
            "board-office",
            "board-standing",
            "board-submitted-on",
            "board-version",
            "board-reminders",
        ]
        .iter()
        .map(|key| t(lang, key))
        .collect();
        if let Some(asked) = asked {
            heading.extend(
                asked
                    .names
                    .iter()
                    .map(|name| asked.label_key(name))
                    .chain([asked.share_key()])
                    .map(|key| t(lang, &key)),
            );
        }
        let fields = &board.collection.fields;
        heading.extend(fields.iter().map(|field| field.label.get(lang).to_owned()));
        let mut rows: Rows = vec![heading];
        for line in &board.lines {
            match line {
                BoardLine::Group {
                    office,
                    tally,
                    depth,
                    forward,
                } => rows.push(vec![
                    format!("{}{}", "  ".repeat(*depth), office.name.get(lang)),
                    tally.describe(lang),
                    forward
                        .as_ref()
                        .map(|forward| forward_text(lang, forward))
                        .unwrap_or_default(),
                ]),
                BoardLine::Respondent(status) => {
                    let latest = status.latest.as_ref();
                    let mut row = vec![
                        status.respondent.name().get(lang).to_owned(),
                        t(lang, &status.standing.message_key()),
                        latest.map_or_else(String::new, |submission| {
                            format::date(lang, bangla::dhaka::today_in_dhaka(submission.at))
                        }),
                        latest.map_or_else(String::new, |submission| {
                            format::number(lang, i64::from(submission.version))
                        }),
                        format::number(lang, count(status.reminders.len())),
                    ];
                    if let Some(asked) = asked {
                        let counts = latest.and_then(|submission| submission.counts.as_ref());
                        row.extend(asked.names.iter().map(|name| {
                            counts.map_or_else(String::new, |counts| {
                                format::number(lang, i64::from(counts.get(name)))
                            })
                        }));
                        row.push(
                            counts
                                .and_then(|counts| asked.share([counts]))
                                .map_or_else(String::new, |share| share_text(lang, share)),
                        );
                    }
                    row.extend(fields.iter().map(|field| {
                        latest
                            .and_then(|s| s.answers.iter().find(|(key, _)| *key == field.key))
                            .map_or_else(String::new, |(_, value)| format::digits(lang, value))
                    }));
                    rows.push(row);
                }
            }
        }
        let bytes = write_table(TableFormat::Xlsx, "board", &rows)
            .map_err(|error| Error::Internal(error.to_string()))?;
        Ok((board, bytes))
    }

    /// A year of a collection: every respondent's standing in each period starting in the fiscal year.
    pub async fn collection_year(
        &self,
        who: &SignedIn,
        key: &str,
        year: bangla::FiscalYear,
    ) -> Result<YearGrid, Error> {
        let (collection, periods) = self.collection_with_periods(key).await?;
        self.require(who, Action::ViewOfficeRecords, collection.office_id)
            .await?;
        let today = self.today();
        let periods: Vec<PeriodRow> = periods
            .into_iter()
            .filter(|period| year.contains(period.period.starts_on))
            .collect();
        let submissions = self
            .db
            .submissions_in(&periods.iter().map(|period| period.id).collect::<Vec<_>>())
            .await?;
        let latest = latest_versions(&submissions);
        let rows = self
            .respondents(&[collection.id])
            .await?
            .into_iter()
            .map(|respondent| {
                let standings = periods
                    .iter()
                    .map(|period| {
                        standing(
                            latest
                                .get(&(period.id, respondent.row.id))
                                .map(|submission| submission.latest()),
                            period.period.due_on,
                            today,
                        )
                    })
                    .collect();
                (respondent, standings)
            })
            .collect();
        Ok(YearGrid {
            office: self.db.office_by_id(collection.office_id).await?,
            collection,
            year,
            periods,
            rows,
        })
    }
}

fn count(value: usize) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}
