//! Decisions recorded in minutes: their serials, deadlines and who carries them out, and the steps that
//! follow them to closure.

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

/// Whether a decision done on `done_on` met its deadline; `None` when the deadline has no fixed date.
pub fn done_on_time(done_on: NaiveDate, deadline: Deadline) -> Option<bool> {
    match deadline {
        Deadline::By(date) => Some(done_on <= date),
        _ => None,
    }
}

/// "Decisions implemented on time": of the decisions with a fixed deadline that has passed or that
/// are finished, how many were done by it. Each is (deadline, status, the day it was reported done).
/// Dropped decisions do not count.
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
                (DecisionStatus::Done | DecisionStatus::Closed, Some(done)) => Some(done <= due),
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
        assert_eq!(implemented_on_time(decisions, today), (1, 3));
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
