//! The life of a plan and of its quarterly progress entries: which step may follow which, reading an
//! achievement typed in an indicator's unit, and whether a submission was on time.

use chrono::NaiveDate;

use crate::plan::score::{Measure, MeasureUnit};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// Where a plan is in its year.
    pub enum PlanStatus ("plan status", "plan-status") {
        /// Being written by the office; targets can change.
        Draft => "draft",
        /// Sent for approval at the monthly coordination meeting.
        Submitted => "submitted",
        /// Approved: progress is reported against it.
        Approved => "approved",
        /// The year is closed: nothing changes any more.
        Locked => "locked",
    }
}

vocabulary! {
    /// Where a quarter's progress entry is.
    pub enum EntryStatus ("progress status", "progress-status") {
        /// Saved by the office, not yet sent.
        Draft => "draft",
        /// Sent to the office above; its time was recorded.
        Submitted => "submitted",
        /// Accepted by the office above: it counts towards the reviewed score.
        Accepted => "accepted",
        /// Sent back with a comment, to be corrected and sent again.
        Returned => "returned",
    }
}

/// A step in a plan's life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanStep {
    Submit,
    Approve,
    /// Send a submitted plan back to its office.
    ReturnToDraft,
    /// Reopen an approved plan as a draft of its next version (the approved one is kept).
    Revise,
    Lock,
}

impl PlanStatus {
    /// The status after `step`, or why the step cannot be taken now.
    pub fn after(self, step: PlanStep) -> Result<Self, &'static str> {
        match (self, step) {
            (Self::Draft, PlanStep::Submit) => Ok(Self::Submitted),
            (Self::Submitted, PlanStep::Approve) => Ok(Self::Approved),
            (Self::Submitted, PlanStep::ReturnToDraft) => Ok(Self::Draft),
            (Self::Approved, PlanStep::Revise) => Ok(Self::Draft),
            (Self::Approved, PlanStep::Lock) => Ok(Self::Locked),
            (Self::Locked, _) => Err("error-plan-locked"),
            _ => Err("error-plan-step"),
        }
    }

    /// Whether the office may report progress: only against an approved plan.
    pub fn takes_progress(self) -> bool {
        self == Self::Approved
    }
}

impl EntryStatus {
    /// Whether the office may still change the entry.
    pub fn editable(self) -> bool {
        matches!(self, Self::Draft | Self::Returned)
    }
}

/// Reads an achievement as typed in a form, in the indicator's unit: digits in either script (a "%" or
/// thousands separators allowed), a date in any style the government writes, or yes/no (হ্যাঁ/না).
pub fn read_measure(unit: MeasureUnit, text: &str) -> Result<Measure, &'static str> {
    let text = text.trim();
    if text.is_empty() {
        return Err("error-required");
    }
    match unit {
        MeasureUnit::Number | MeasureUnit::Percent => {
            let ascii = bangla::digits::to_ascii_digits(text);
            let cleaned: String = ascii
                .chars()
                .filter(|c| !matches!(c, ',' | '%' | ' '))
                .collect();
            cleaned
                .parse::<f64>()
                .ok()
                .filter(|number| number.is_finite())
                .map(Measure::Number)
                .ok_or("error-plan-not-a-number")
        }
        MeasureUnit::Date => bangla::parse_date(text)
            .map(Measure::Date)
            .map_err(|_| "error-bad-date"),
        MeasureUnit::YesNo => match text.to_lowercase().as_str() {
            "yes" | "হ্যাঁ" | "হ্যা" | "true" => Ok(Measure::YesNo(true)),
            "no" | "না" | "false" => Ok(Measure::YesNo(false)),
            _ => Err("error-plan-not-yes-no"),
        },
    }
}

/// Whether a submission made on `submitted_on` (the day in Dhaka) meets the quarter's due date.
pub fn on_time(submitted_on: NaiveDate, due: NaiveDate) -> bool {
    submitted_on <= due
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_goes_from_draft_to_locked_and_no_step_leaves_a_locked_plan() {
        let approved = PlanStatus::Draft
            .after(PlanStep::Submit)
            .and_then(|status| status.after(PlanStep::Approve))
            .unwrap();
        assert!(approved.takes_progress());
        assert!(!PlanStatus::Draft.takes_progress());
        assert_eq!(approved.after(PlanStep::Lock), Ok(PlanStatus::Locked));
        assert_eq!(approved.after(PlanStep::Revise), Ok(PlanStatus::Draft));
        assert_eq!(
            PlanStatus::Submitted.after(PlanStep::Revise),
            Err("error-plan-step")
        );
        assert_eq!(
            PlanStatus::Locked.after(PlanStep::Revise),
            Err("error-plan-locked")
        );
        assert_eq!(
            PlanStatus::Draft.after(PlanStep::Approve),
            Err("error-plan-step")
        );
        assert_eq!(
            PlanStatus::Locked.after(PlanStep::Submit),
            Err("error-plan-locked")
        );
        assert_eq!(
            PlanStatus::Submitted.after(PlanStep::ReturnToDraft),
            Ok(PlanStatus::Draft)
        );
    }

    #[test]
    fn achievements_are_read_in_either_script_and_in_the_indicators_unit() {
        assert_eq!(
            read_measure(MeasureUnit::Percent, "৬৫.৫%"),
            Ok(Measure::Number(65.5))
        );
        assert_eq!(
            read_measure(MeasureUnit::Number, "1,250"),
            Ok(Measure::Number(1250.0))
        );
        assert_eq!(
            read_measure(MeasureUnit::Date, "২২-১০-২০২২"),
            Ok(Measure::Date(
                NaiveDate::from_ymd_opt(2022, 10, 22).unwrap()
            ))
        );
        assert_eq!(
            read_measure(MeasureUnit::YesNo, "হ্যাঁ"),
            Ok(Measure::YesNo(true))
        );
        assert_eq!(
            read_measure(MeasureUnit::Number, "four"),
            Err("error-plan-not-a-number")
        );
        assert_eq!(
            read_measure(MeasureUnit::Date, "soon"),
            Err("error-bad-date")
        );
        assert_eq!(
            read_measure(MeasureUnit::YesNo, "maybe"),
            Err("error-plan-not-yes-no")
        );
        assert_eq!(
            read_measure(MeasureUnit::Number, " "),
            Err("error-required")
        );
    }

    #[test]
    fn a_submission_on_the_due_date_is_on_time_and_the_day_after_is_late() {
        let due = NaiveDate::from_ymd_opt(2022, 10, 15).unwrap();
        assert!(on_time(due, due));
        assert!(!on_time(due.succ_opt().unwrap(), due));
    }
}
