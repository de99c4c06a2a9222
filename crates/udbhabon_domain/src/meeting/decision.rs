//! Decisions recorded in minutes: their serials, deadlines and who carries them out, and the steps that
//! follow them to closure.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

use crate::vocabulary::vocabulary;

/// A decision's number in the minutes: paragraph and item, printed "২.১".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DecisionSerial {
    pub paragraph: u32,
    pub item: u32,
}

impl DecisionSerial {
    pub fn to_bengali(self) -> String {
        bangla::digits::to_bengali_digits(&self.to_string())
    }
}

impl fmt::Display for DecisionSerial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.paragraph, self.item)
    }
}

/// A serial that is not "<paragraph>.<item>".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a decision serial looks like 2.1 (paragraph, dot, item); found \"{0}\"")]
pub struct DecisionSerialError(pub String);

impl FromStr for DecisionSerial {
    type Err = DecisionSerialError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let ascii = bangla::digits::to_ascii_digits(text.trim());
        let invalid = || DecisionSerialError(text.to_owned());
        let (paragraph, item) = ascii.split_once('.').ok_or_else(invalid)?;
        Ok(Self {
            paragraph: paragraph.parse().map_err(|_| invalid())?,
            item: item.parse().map_err(|_| invalid())?,
        })
    }
}

/// When a decision must be carried out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deadline {
    /// By a fixed date.
    By(NaiveDate),
    /// Every month, by this day of the month (decision 2.4: by the 3rd).
    MonthlyBy(u32),
    /// Every year (decision 2.6: a yearly award).
    Yearly,
    /// "Within the set time": the minutes give no date.
    Unspecified,
}

impl Deadline {
    /// The next date by which the decision is due, on or after `today`; `None` when there is no date.
    ///
    /// A monthly deadline on a day a month lacks falls on that month's last day.
    pub fn next_due(self, today: NaiveDate) -> Option<NaiveDate> {
        match self {
            Self::By(date) => Some(date),
            Self::MonthlyBy(day) => {
                let this_month = day_in_month(today.year(), today.month(), day);
                if this_month >= today {
                    Some(this_month)
                } else {
                    let (year, month) = if today.month() == 12 {
                        (today.year() + 1, 1)
                    } else {
                        (today.year(), today.month() + 1)
                    };
                    Some(day_in_month(year, month, day))
                }
            }
            Self::Yearly | Self::Unspecified => None,
        }
    }
}

pub(crate) fn day_in_month(year: i32, month: u32, day: u32) -> NaiveDate {
    (1..=day.clamp(1, 31))
        .rev()
        .find_map(|candidate| NaiveDate::from_ymd_opt(year, month, candidate))
        .expect("every month has a first day")
}

vocabulary! {
    /// What kind of body a decision's responsible party is.
    pub enum ResponsibleKind ("responsible party kind", "responsible-kind") {
        /// An innovation team.
        Team => "team",
        /// One unit (branch, cell …) of an office.
        Unit => "unit",
        /// One office.
        Office => "office",
        /// Every unit of an office ("all sections of the ministry").
        AllUnits => "all_units",
        /// The offices under an office ("the agencies under the ministry").
        SubordinateOffices => "subordinate_offices",
    }
}

vocabulary! {
    /// Where the carrying out of a decision is.
    pub enum DecisionStatus ("decision status", "decision-status") {
        /// Nothing reported yet.
        NotStarted => "not_started",
        /// A responsible body reported work under way.
        InProgress => "in_progress",
        /// A responsible body reported it done; the member secretary has yet to confirm.
        Done => "done",
        /// Confirmed done by the member secretary: followed to closure.
        Closed => "closed",
        /// Dropped by the team, with the reason.
        Dropped => "dropped",
    }
}

/// A step in following a decision: a responsible body's report, or the team's confirmation, sending
/// back or dropping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionStep {
    /// A responsible body reports work under way.
    Progress,
    /// A responsible body reports it done.
    Done,
    /// The member secretary confirms it done.
    Confirm,
    /// The member secretary sends a reported "done" back as still under way.
    SendBack,
    /// The team drops it, with the reason.
    Drop,
}

impl DecisionStatus {
    /// The status after `step`, or why the step cannot be taken now.
    pub fn after(self, step: DecisionStep) -> Result<Self, &'static str> {
        use DecisionStatus::*;
        match (self, step) {
            (Closed | Dropped, _) => Err("error-decision-finished"),
            (NotStarted | InProgress, DecisionStep::Progress) => Ok(InProgress),
            (NotStarted | InProgress | Done, DecisionStep::Done) => Ok(Done),
            (Done, DecisionStep::Confirm) => Ok(Closed),
            (Done, DecisionStep::SendBack) => Ok(InProgress),
            (_, DecisionStep::Drop) => Ok(Dropped),
            _ => Err("error-decision-step"),
        }
    }

    /// Whether the decision still waits to be carried out (or confirmed).
    pub fn is_open(self) -> bool {
        matches!(self, Self::NotStarted | Self::InProgress | Self::Done)
    }

    /// Whether a fixed deadline has passed before the decision was reported done: overdue.
    pub fn is_overdue(self, deadline: Deadline, today: NaiveDate) -> bool {
        matches!(self, Self::NotStarted | Self::InProgress)
            && matches!(deadline, Deadline::By(date) if date < today)
    }
}

/// Where a decision stands: the whole, and each responsible body's own report. A decision with
/// several responsible bodies is done only when every one of them has reported it done; the team's
/// sending back reopens every body's report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// The bodies (offices) that carry it out; when none is known, those that reported count.
    bodies: Vec<i32>,
    reports: BTreeMap<i32, DecisionStatus>,
    pub status: DecisionStatus,
}

impl Standing {
    pub fn new(mut bodies: Vec<i32>) -> Self {
        bodies.sort_unstable();
        bodies.dedup();
        Self {
            bodies,
            reports: BTreeMap::new(),
            status: DecisionStatus::NotStarted,
        }
    }

    /// Where the recorded steps leave a decision, oldest first: each the status it recorded and the
    /// body that reported it (none for the team's own steps).
    pub fn replay(
        bodies: Vec<i32>,
        recorded: impl IntoIterator<Item = (DecisionStatus, Option<i32>)>,
    ) -> Self {
        recorded
            .into_iter()
            .fold(Self::new(bodies), |mut standing, (status, body)| {
                standing.record(status, body);
                standing
            })
    }

    /// Takes a step, a body's report or the team's; returns the status to record for it (the body's
    /// own for a report), or why the step cannot be taken now.
    pub fn take(
        &mut self,
        step: DecisionStep,
        body: Option<i32>,
    ) -> Result<DecisionStatus, &'static str> {
        if !self.status.is_open() {
            return Err("error-decision-finished");
        }
        let recorded = match (step, body) {
            (DecisionStep::Progress | DecisionStep::Done, Some(body)) => {
                self.of(body).after(step)?
            }
            (DecisionStep::Progress | DecisionStep::Done, None) => {
                return Err("error-decision-step");
            }
            (DecisionStep::Confirm | DecisionStep::SendBack | DecisionStep::Drop, _) => {
                self.status.after(step)?
            }
        };
        let team_step = matches!(
            step,
            DecisionStep::Confirm | DecisionStep::SendBack | DecisionStep::Drop
        );
        self.record(recorded, body.filter(|_| !team_step));
        Ok(recorded)
    }

    /// Applies a recorded step. History is taken as written: a recorded confirmation closes the
    /// decision even if the rules of its day were not today's.
    pub fn record(&mut self, status: DecisionStatus, body: Option<i32>) {
        match body {
            Some(body) => {
                self.reports.insert(body, status);
            }
            None => match status {
                DecisionStatus::Closed | DecisionStatus::Dropped => self.status = status,
                DecisionStatus::InProgress => {
                    for report in self.reports.values_mut() {
                        if *report == DecisionStatus::Done {
                            *report = DecisionStatus::InProgress;
                        }
                    }
                    if self.status.is_open() {
                        self.status = DecisionStatus::InProgress;
                    }
                }
                DecisionStatus::NotStarted | DecisionStatus::Done => {}
            },
        }
        if self.status.is_open() {
            self.status = self.whole();
        }
    }

    /// The whole's status from the bodies' reports.
    fn whole(&self) -> DecisionStatus {
        let (done, bodies) = self.done_of_bodies();
        if bodies > 0 && done == bodies {
            DecisionStatus::Done
        } else if self.status == DecisionStatus::InProgress
            || self
                .reports
                .values()
                .any(|report| matches!(report, DecisionStatus::InProgress | DecisionStatus::Done))
        {
            // Once under way (a report, or a sending back), it stays under way until done.
            DecisionStatus::InProgress
        } else {
            DecisionStatus::NotStarted
        }
    }

    /// A body's own report: not started until it reports.
    pub fn of(&self, body: i32) -> DecisionStatus {
        self.reports
            .get(&body)
            .copied()
            .unwrap_or(DecisionStatus::NotStarted)
    }

    /// How many of the bodies have reported it done, of how many.
    pub fn done_of_bodies(&self) -> (usize, usize) {
        if self.bodies.is_empty() {
            let done = self
                .reports
                .values()
                .filter(|report| **report == DecisionStatus::Done)
                .count();
            return (done, self.reports.len());
        }
        let done = self
            .bodies()
            .filter(|(_, report)| *report == DecisionStatus::Done)
            .count();
        (done, self.bodies.len())
    }

    /// The bodies that carry the decision out, each with its own report.
    pub fn bodies(&self) -> impl Iterator<Item = (i32, DecisionStatus)> + '_ {
        self.bodies.iter().map(|body| (*body, self.of(*body)))
    }
}

/// Whether a decision done on `done_on` met its deadline; `None` when the deadline has no fixed date.
pub fn done_on_time(done_on: NaiveDate, deadline: Deadline) -> Option<bool> {
    match deadline {
        Deadline::By(date) => Some(done_on <= date),
        _ => None,
    }
}

/// "Decisions implemented on time": of the decisions with a fixed deadline that has passed or that
/// are closed, how many were done by it. Each is (deadline, status, the day it was reported done).
/// A decision counts as implemented only once the team has confirmed it (closed), on the day its
/// last body reported it done; dropped decisions do not count.
pub fn implemented_on_time(
    decisions: impl IntoIterator<Item = (Deadline, DecisionStatus, Option<NaiveDate>)>,
    today: NaiveDate,
) -> (usize, usize) {
    decisions
        .into_iter()
        .filter_map(|(deadline, status, done_on)| {
            let Deadline::By(due) = deadline else {
                return None;
            };
            if status == DecisionStatus::Dropped {
                return None;
            }
            match (status, done_on) {
                (DecisionStatus::Closed, Some(done)) => Some(done <= due),
                _ if due < today => Some(false),
                _ => None,
            }
        })
        .fold((0, 0), |(on_time, counted), in_time| {
            (on_time + usize::from(in_time), counted + 1)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decision_is_reported_then_confirmed_and_nothing_follows_closure() {
        let done = DecisionStatus::NotStarted
            .after(DecisionStep::Progress)
            .and_then(|status| status.after(DecisionStep::Done))
            .unwrap();
        assert_eq!(done, DecisionStatus::Done);
        assert_eq!(
            done.after(DecisionStep::SendBack),
            Ok(DecisionStatus::InProgress)
        );
        let closed = done.after(DecisionStep::Confirm).unwrap();
        assert!(!closed.is_open());
        assert_eq!(
            closed.after(DecisionStep::Progress),
            Err("error-decision-finished")
        );
        assert_eq!(
            DecisionStatus::InProgress.after(DecisionStep::Confirm),
            Err("error-decision-step"),
            "only a reported \"done\" is confirmed"
        );
        assert_eq!(
            DecisionStatus::NotStarted.after(DecisionStep::Drop),
            Ok(DecisionStatus::Dropped)
        );
    }

    #[test]
    fn a_decision_of_two_bodies_is_done_when_both_report_and_sending_back_reopens_both() {
        let (ministry_unit, agency) = (4, 9);
        let mut standing = Standing::new(vec![agency, ministry_unit]);
        assert_eq!(
            standing.take(DecisionStep::Done, Some(agency)),
            Ok(DecisionStatus::Done),
            "the body's own report is recorded as done"
        );
        assert_eq!(standing.status, DecisionStatus::InProgress);
        assert_eq!(standing.done_of_bodies(), (1, 2));
        assert_eq!(
            standing.take(DecisionStep::Confirm, None),
            Err("error-decision-step"),
            "nothing to confirm while a body has not reported"
        );
        assert_eq!(
            standing.take(DecisionStep::Progress, Some(agency)),
            Err("error-decision-step"),
            "a body that reported done does not step back on its own"
        );
        standing
            .take(DecisionStep::Done, Some(ministry_unit))
            .unwrap();
        assert_eq!(standing.status, DecisionStatus::Done);
        standing.take(DecisionStep::SendBack, None).unwrap();
        assert_eq!(standing.status, DecisionStatus::InProgress);
        assert_eq!(standing.of(agency), DecisionStatus::InProgress);
        assert_eq!(standing.done_of_bodies(), (0, 2));
        standing.take(DecisionStep::Done, Some(agency)).unwrap();
        standing
            .take(DecisionStep::Done, Some(ministry_unit))
            .unwrap();
        assert_eq!(
            standing.take(DecisionStep::Confirm, None),
            Ok(DecisionStatus::Closed)
        );
        assert_eq!(
            standing.take(DecisionStep::Done, Some(agency)),
            Err("error-decision-finished")
        );
    }

    #[test]
    fn replaying_recorded_steps_gives_the_same_standing_and_takes_history_as_written() {
        let mut taken = Standing::new(vec![1, 2]);
        let mut recorded = Vec::new();
        for (step, body) in [
            (DecisionStep::Progress, Some(1)),
            (DecisionStep::Done, Some(1)),
            (DecisionStep::Done, Some(2)),
            (DecisionStep::SendBack, None),
            (DecisionStep::Done, Some(2)),
        ] {
            let status = taken.take(step, body).unwrap();
            let body = body.filter(|_| matches!(step, DecisionStep::Progress | DecisionStep::Done));
            recorded.push((status, body));
        }
        assert_eq!(Standing::replay(vec![1, 2], recorded.clone()), taken);
        assert_eq!(taken.status, DecisionStatus::InProgress);
        // A confirmation recorded under an older rule still closes it.
        recorded.push((DecisionStatus::Closed, None));
        assert_eq!(
            Standing::replay(vec![1, 2], recorded).status,
            DecisionStatus::Closed
        );
        // With no body known, those that reported count.
        let alone = Standing::replay(Vec::new(), [(DecisionStatus::Done, Some(7))]);
        assert_eq!(alone.status, DecisionStatus::Done);
    }

    #[test]
    fn a_decision_is_overdue_only_past_a_fixed_deadline_and_before_it_is_reported_done() {
        let due = Deadline::By(date(2022, 9, 30));
        assert!(!DecisionStatus::NotStarted.is_overdue(due, date(2022, 9, 30)));
        assert!(DecisionStatus::NotStarted.is_overdue(due, date(2022, 10, 1)));
        assert!(DecisionStatus::InProgress.is_overdue(due, date(2022, 10, 1)));
        assert!(!DecisionStatus::Done.is_overdue(due, date(2022, 10, 1)));
        assert!(!DecisionStatus::NotStarted.is_overdue(Deadline::MonthlyBy(3), date(2023, 1, 1)));
    }

    #[test]
    fn the_on_time_share_counts_fixed_deadlines_that_are_due_or_done() {
        let today = date(2022, 10, 10);
        let decisions = [
            // done by its date
            (
                Deadline::By(date(2022, 9, 30)),
                DecisionStatus::Closed,
                Some(date(2022, 9, 28)),
            ),
            // done late
            (
                Deadline::By(date(2022, 9, 30)),
                DecisionStatus::Closed,
                Some(date(2022, 10, 2)),
            ),
            // reported done in time but not confirmed by a passed deadline: not implemented
            (
                Deadline::By(date(2022, 10, 1)),
                DecisionStatus::Done,
                Some(date(2022, 9, 29)),
            ),
            // reported done, not yet confirmed, not yet due: not counted
            (
                Deadline::By(date(2022, 10, 20)),
                DecisionStatus::Done,
                Some(date(2022, 10, 2)),
            ),
            // past due, not done
            (
                Deadline::By(date(2022, 10, 5)),
                DecisionStatus::InProgress,
                None,
            ),
            // not yet due: not counted
            (
                Deadline::By(date(2022, 10, 15)),
                DecisionStatus::NotStarted,
                None,
            ),
            // dropped and recurring: not counted
            (
                Deadline::By(date(2022, 9, 1)),
                DecisionStatus::Dropped,
                None,
            ),
            (Deadline::MonthlyBy(3), DecisionStatus::InProgress, None),
        ];
        assert_eq!(implemented_on_time(decisions, today), (1, 4));
        assert_eq!(
            done_on_time(date(2022, 10, 2), Deadline::By(date(2022, 9, 30))),
            Some(false)
        );
        assert_eq!(done_on_time(date(2022, 10, 2), Deadline::Yearly), None);
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn serials_read_either_digit_script_and_print_in_bengali() {
        let serial: DecisionSerial = "২.৪".parse().unwrap();
        assert_eq!(
            serial,
            DecisionSerial {
                paragraph: 2,
                item: 4
            }
        );
        assert_eq!(serial.to_bengali(), "২.৪");
        assert_eq!("2.10".parse::<DecisionSerial>().unwrap().item, 10);
        assert!("২".parse::<DecisionSerial>().is_err());
    }

    #[test]
    fn a_monthly_deadline_of_the_third_is_this_month_until_the_third_then_next_month() {
        let by_third = Deadline::MonthlyBy(3);
        assert_eq!(
            by_third.next_due(date(2022, 10, 3)),
            Some(date(2022, 10, 3))
        );
        assert_eq!(
            by_third.next_due(date(2022, 10, 4)),
            Some(date(2022, 11, 3))
        );
        assert_eq!(
            by_third.next_due(date(2022, 12, 20)),
            Some(date(2023, 1, 3))
        );
    }

    #[test]
    fn a_monthly_deadline_past_the_end_of_a_short_month_falls_on_its_last_day() {
        assert_eq!(
            Deadline::MonthlyBy(31).next_due(date(2023, 2, 1)),
            Some(date(2023, 2, 28))
        );
    }

    #[test]
    fn fixed_deadlines_stay_put_and_undated_ones_have_none() {
        assert_eq!(
            Deadline::By(date(2022, 9, 30)).next_due(date(2023, 1, 1)),
            Some(date(2022, 9, 30))
        );
        assert_eq!(Deadline::Yearly.next_due(date(2023, 1, 1)), None);
        assert_eq!(Deadline::Unspecified.next_due(date(2023, 1, 1)), None);
    }
}
