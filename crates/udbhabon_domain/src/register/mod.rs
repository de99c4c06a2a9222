//! The team's registers of the duties it coordinates for its office: `rti` (applications under the
//! Right to Information Act and their statutory clocks), `officer` (the officers each office names
//! for RTI and for grievance redress), `software` (the systems it runs and their source code),
//! `renewal` (what each system needs renewed, and by when), `certification` (the tests and audits of
//! each system and their findings), `project` (its ICT projects and their milestones) and `budget`
//! (its ICT budget lines and their spending month by month); and the checks their forms share.

pub mod budget;
pub mod certification;
pub mod officer;
pub mod project;
pub mod renewal;
pub mod rti;
pub mod software;

use chrono::NaiveDate;

use crate::ValidationErrors;

/// The longest name, contact or reference, in characters.
pub const SHORT_CHARS: usize = 200;

/// The longest description or note, in characters.
pub const LONG_CHARS: usize = 2_000;

/// A date typed into `field`: read in either digit script, not after today and not before `earliest`
/// (named by `before_key`).
pub(crate) fn day(
    field: &'static str,
    text: &str,
    (earliest, before_key): (Option<NaiveDate>, &'static str),
    today: NaiveDate,
    errors: &mut ValidationErrors,
) -> Option<NaiveDate> {
    let Ok(date) = bangla::parse_date(text.trim()) else {
        errors.add(field, "error-bad-date");
        return None;
    };
    if date > today {
        errors.add(field, "error-future-date");
        None
    } else if earliest.is_some_and(|earliest| date < earliest) {
        errors.add(field, before_key);
        None
    } else {
        Some(date)
    }
}

/// A date typed into `field` in either digit script, past or to come (a lapse, a plan, a deadline).
pub(crate) fn any_day(
    field: &'static str,
    text: &str,
    errors: &mut ValidationErrors,
) -> Option<NaiveDate> {
    let date = bangla::parse_date(text.trim()).ok();
    if date.is_none() {
        errors.add(field, "error-bad-date");
    }
    date
}

/// A date that may be left empty.
pub(crate) fn optional_day(
    field: &'static str,
    text: &str,
    earliest: (Option<NaiveDate>, &'static str),
    today: NaiveDate,
    errors: &mut ValidationErrors,
) -> Option<Option<NaiveDate>> {
    if text.trim().is_empty() {
        Some(None)
    } else {
        day(field, text, earliest, today, errors).map(Some)
    }
}

/// A text of at most `most` characters, required or not.
pub(crate) fn bounded(
    field: &'static str,
    text: &str,
    (required, most): (bool, usize),
    errors: &mut ValidationErrors,
) -> String {
    let text = text.trim();
    if required && text.is_empty() {
        errors.add(field, "error-required");
    } else if text.chars().count() > most {
        errors.add(field, "error-too-long").with("max", most);
    }
    text.to_owned()
}

/// The largest sum taken, in thousand taka: a hundred times the whole national budget, far past any
/// line or project, and small enough that any number of them adds up without overflowing.
const MAX_SUM: u64 = 1_000_000_000_000;

/// A sum in thousand taka typed in either script, grouped or not; empty is nought.
pub(crate) fn sum(field: &'static str, text: &str, errors: &mut ValidationErrors) -> Option<u64> {
    let text = bangla::digits::to_ascii_digits(text.trim()).replace(',', "");
    if text.is_empty() {
        return Some(0);
    }
    let value = text.parse::<u64>().ok().filter(|value| *value <= MAX_SUM);
    if value.is_none() {
        errors.add(field, "error-amount");
    }
    value
}
