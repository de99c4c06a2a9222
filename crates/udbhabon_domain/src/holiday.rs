//! The government's holidays (সরকারি ছুটি) as announced for each year, checked as typed, and the
//! working-day arithmetic every statutory clock counts with: Friday and Saturday off, and the holidays.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::portal::charter::{TimeLimit, TimeUnit};
use crate::vocabulary::{chosen, vocabulary};
use crate::{Bilingual, ValidationErrors};

/// The government's weekend: offices work Sunday to Thursday (`domain.md` §8).
pub const WEEKEND: [Weekday; 2] = [Weekday::Fri, Weekday::Sat];

/// The longest one holiday may run (the longest Eid holidays announced have run to about ten days).
pub const MAX_HOLIDAY_DAYS: u64 = 15;

/// The most working days a clock may count (the longest statutory limit is 75 days).
pub const MAX_WORKING_DAYS: u32 = 365;

vocabulary! {
    /// Under what a holiday is given.
    pub enum HolidayKind ("holiday kind", "holiday-kind") {
        /// A general holiday (সাধারণ ছুটি), under the Negotiable Instruments Act.
        General => "general",
        /// A holiday by executive order (নির্বাহী আদেশে ছুটি).
        Executive => "executive",
    }
}

/// A holiday: one day or a run of days, under one name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    pub name: Bilingual,
    pub kind: HolidayKind,
    pub starts: NaiveDate,
    /// The last day, the first for a one-day holiday.
    pub ends: NaiveDate,
    /// Whether its date depends on the sighting of the moon, and may move when announced.
    pub moon: bool,
}

impl Holiday {
    /// Every day it covers.
    pub fn days(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.starts.iter_days().take_while(|day| *day <= self.ends)
    }

    /// How many days it covers.
    pub fn length(&self) -> u64 {
        self.days().count() as u64
    }

    /// Whether it shares a day with `other`.
    pub fn overlaps(&self, other: &Holiday) -> bool {
        self.starts <= other.ends && other.starts <= self.ends
    }
}

/// A holiday as typed.
#[derive(Debug, Clone, Default)]
pub struct HolidayFields {
    pub name: Bilingual,
    pub kind: String,
    pub starts: String,
    /// Empty for a one-day holiday.
    pub ends: String,
    pub moon: bool,
}

/// Checks a holiday: a Bengali name, its kind, a first day, and a last day no earlier than the first in
/// a run of at most [`MAX_HOLIDAY_DAYS`] days; dates in either digit script.
pub fn check_holiday(fields: &HolidayFields) -> Result<Holiday, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    if fields.name.bn.trim().is_empty() {
        errors.add("name_bn", "error-required");
    }
    let kind = chosen::<HolidayKind>("kind", &fields.kind, &mut errors);
    let starts = bangla::parse_date(fields.starts.trim()).ok();
    if starts.is_none() {
        errors.add("starts", "error-bad-date");
    }
    let ends = match fields.ends.trim() {
        "" => starts,
        text => {
            let ends = bangla::parse_date(text).ok();
            if ends.is_none() {
                errors.add("ends", "error-bad-date");
            }
            ends
        }
    };
    if let (Some(starts), Some(ends)) = (starts, ends) {
        if ends < starts {
            errors.add("ends", "error-holiday-ends-before");
        } else if starts.checked_add_days(Days::new(MAX_HOLIDAY_DAYS)) <= Some(ends) {
            errors
                .add("ends", "error-holiday-too-long")
                .with("most", MAX_HOLIDAY_DAYS);
        }
    }
    match (kind, starts, ends) {
        (Some(kind), Some(starts), Some(ends)) if errors.is_empty() => Ok(Holiday {
            name: Bilingual::new(fields.name.bn.trim(), fields.name.en.trim()),
            kind,
            starts,
            ends,
            moon: fields.moon,
        }),
        _ => Err(errors),
    }
}

/// The first holiday of `holidays` that shares a day with `holiday`.
pub fn clash<'a>(holiday: &Holiday, holidays: &'a [Holiday]) -> Option<&'a Holiday> {
    holidays.iter().find(|other| holiday.overlaps(other))
}

/// The calendar a working-day clock counts on: the weekend, the holidays recorded, and the years whose
/// holidays have been entered at all.
#[derive(Debug, Clone, Default)]
pub struct WorkingCalendar {
    holidays: BTreeSet<NaiveDate>,
    entered: BTreeSet<i32>,
}

/// Where a clock of working days ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub date: NaiveDate,
    /// Days off passed over on the way: weekend days, and holidays on working weekdays.
    pub weekend_days: u32,
    pub holidays: u32,
    /// The first calendar year the count crossed whose holidays were not entered: the date may then
    /// come out earlier than the law's.
    pub unentered_year: Option<i32>,
}

impl WorkingCalendar {
    /// The calendar of the holidays recorded.
    pub fn new<'a>(holidays: impl IntoIterator<Item = &'a Holiday>) -> Self {
        let mut calendar = Self::default();
        for holiday in holidays {
            calendar.entered.insert(holiday.starts.year());
            calendar.entered.insert(holiday.ends.year());
            calendar.holidays.extend(holiday.days());
        }
        calendar
    }

    /// Whether offices work on `day`.
    pub fn is_working(&self, day: NaiveDate) -> bool {
        !WEEKEND.contains(&day.weekday()) && !self.holidays.contains(&day)
    }

    /// Whether any holiday of `year` is recorded.
    pub fn entered(&self, year: i32) -> bool {
        self.entered.contains(&year)
    }

    /// The date `days` working days after `from`, the day `from` itself not counted (the law counts
    /// from the day after receipt); with zero days, `from`.
    pub fn after(&self, from: NaiveDate, days: u32) -> Due {
        let mut due = Due {
            date: from,
            weekend_days: 0,
            holidays: 0,
            unentered_year: None,
        };
        let mut counted = 0;
        while counted < days.min(MAX_WORKING_DAYS) {
            let Some(next) = due.date.succ_opt() else {
                break;
            };
            due.date = next;
            if due.unentered_year.is_none() && !self.entered(next.year()) {
                due.unentered_year = Some(next.year());
            }
            if WEEKEND.contains(&next.weekday()) {
                due.weekend_days += 1;
            } else if self.holidays.contains(&next) {
                due.holidays += 1;
            } else {
                counted += 1;
            }
        }
        due
    }

    /// Where a time limit given from `from` ends, in whatever unit the law gives it: working days on
    /// this calendar, days, months, or hours (to the end of the day they run into).
    pub fn due(&self, from: NaiveDate, limit: TimeLimit) -> Due {
        let plain = |date: Option<NaiveDate>| Due {
            date: date.unwrap_or(NaiveDate::MAX),
            weekend_days: 0,
            holidays: 0,
            unentered_year: None,
        };
        match limit.unit {
            TimeUnit::WorkingDay => self.after(from, limit.amount),
            TimeUnit::Day => plain(from.checked_add_days(Days::new(u64::from(limit.amount)))),
            TimeUnit::Hour => {
                plain(from.checked_add_days(Days::new(u64::from(limit.amount.div_ceil(24)))))
            }
            TimeUnit::Month => plain(from.checked_add_months(Months::new(limit.amount))),
        }
    }

    /// The working days after `from` up to and including `to`; zero when `to` is not after `from`.
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        from.iter_days()
            .skip(1)
            .take_while(|day| *day <= to)
            .filter(|day| self.is_working(*day))
            .count() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn holiday(starts: &str, ends: &str) -> Holiday {
        Holiday {
            name: Bilingual::new("ছুটি", "Holiday"),
            kind: HolidayKind::General,
            starts: date(starts),
            ends: date(ends),
            moon: false,
        }
    }

    fn fields(starts: &str, ends: &str) -> HolidayFields {
        HolidayFields {
            name: Bilingual::new("বিজয় দিবস", "Victory Day"),
            kind: "general".to_owned(),
            starts: starts.to_owned(),
            ends: ends.to_owned(),
            moon: false,
        }
    }

    fn problems(fields: &HolidayFields) -> Vec<(String, &'static str)> {
        check_holiday(fields)
            .unwrap_err()
            .errors
            .into_iter()
            .map(|error| (error.field, error.message_key))
            .collect()
    }

    #[test]
    fn a_clock_skips_the_weekend() {
        let calendar = WorkingCalendar::new(&[holiday("2026-01-01", "2026-01-01")]);
        // Thursday 8 January 2026: the next working day is Sunday the 11th.
        let due = calendar.after(date("2026-01-08"), 1);
        assert_eq!(due.date, date("2026-01-11"));
        assert_eq!((due.weekend_days, due.holidays), (2, 0));
        assert_eq!(due.unentered_year, None);
    }

    #[test]
    fn a_clock_skips_a_holiday_and_a_weekend_together() {
        // Victory Day, Wednesday 16 December 2026, then the weekend of the 18th and 19th.
        let calendar = WorkingCalendar::new(&[holiday("2026-12-16", "2026-12-16")]);
        let due = calendar.after(date("2026-12-15"), 3);
        assert_eq!(due.date, date("2026-12-21"));
        assert_eq!((due.weekend_days, due.holidays), (2, 1));
        assert_eq!(calendar.between(date("2026-12-15"), due.date), 3);
    }

    #[test]
    fn twenty_working_days_span_four_weeks_and_a_holiday_run() {
        let calendar = WorkingCalendar::new(&[holiday("2026-03-19", "2026-03-23")]);
        // From Sunday 1 March: four working weeks, with Thursday 19 to Monday 23 March off (three
        // of them weekdays).
        let due = calendar.after(date("2026-03-01"), 20);
        assert_eq!(due.date, date("2026-04-01"));
        assert_eq!(due.holidays, 3);
    }

    #[test]
    fn a_year_without_holidays_is_named() {
        let calendar = WorkingCalendar::new(&[holiday("2026-12-16", "2026-12-16")]);
        let due = calendar.after(date("2026-12-28"), 10);
        assert_eq!(due.unentered_year, Some(2027));
        assert!(calendar.entered(2026) && !calendar.entered(2027));
    }

    #[test]
    fn a_limit_ends_in_its_own_unit() {
        let calendar = WorkingCalendar::new(&[holiday("2026-12-16", "2026-12-16")]);
        let limit = |amount, unit| TimeLimit { amount, unit };
        let from = date("2026-12-15");
        assert_eq!(
            calendar.due(from, limit(3, TimeUnit::WorkingDay)).date,
            date("2026-12-21")
        );
        assert_eq!(
            calendar.due(from, limit(15, TimeUnit::Day)).date,
            date("2026-12-30")
        );
        assert_eq!(
            calendar.due(from, limit(24, TimeUnit::Hour)).date,
            date("2026-12-16")
        );
        assert_eq!(
            calendar
                .due(date("2027-01-31"), limit(1, TimeUnit::Month))
                .date,
            date("2027-02-28")
        );
    }

    #[test]
    fn zero_days_end_where_they_start_and_between_never_goes_negative() {
        let calendar = WorkingCalendar::default();
        assert_eq!(
            calendar.after(date("2026-05-05"), 0).date,
            date("2026-05-05")
        );
        assert_eq!(calendar.between(date("2026-05-05"), date("2026-05-01")), 0);
    }

    #[test]
    fn a_holiday_is_checked_with_every_problem_named() {
        let checked = check_holiday(&fields("১৬-১২-২০২৬", "")).unwrap();
        assert_eq!(
            (checked.starts, checked.ends),
            (date("2026-12-16"), date("2026-12-16"))
        );
        assert_eq!(checked.length(), 1);
        let run = check_holiday(&fields("30-03-2025", "01-04-2025")).unwrap();
        assert_eq!(run.length(), 3);
        assert_eq!(
            problems(&fields("16-12-2026", "15-12-2026")),
            [("ends".to_owned(), "error-holiday-ends-before")]
        );
        assert_eq!(
            problems(&fields("01-01-2026", "20-01-2026")),
            [("ends".to_owned(), "error-holiday-too-long")]
        );
        let mut blank = fields("yesterday", "");
        blank.name = Bilingual::default();
        blank.kind = String::new();
        assert_eq!(
            problems(&blank),
            [
                ("name_bn".to_owned(), "error-required"),
                ("kind".to_owned(), "error-required"),
                ("starts".to_owned(), "error-bad-date"),
            ]
        );
    }

    #[test]
    fn holidays_sharing_a_day_clash() {
        let eid = holiday("2025-03-30", "2025-04-01");
        let listed = [holiday("2025-03-26", "2025-03-26"), eid.clone()];
        assert_eq!(
            clash(&holiday("2025-04-01", "2025-04-01"), &listed),
            Some(&eid)
        );
        assert_eq!(clash(&holiday("2025-04-02", "2025-04-02"), &listed), None);
    }
}
