//! Decisions recorded in minutes: their serials, deadlines and who carries them out.

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

fn day_in_month(year: i32, month: u32, day: u32) -> NaiveDate {
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

#[cfg(test)]
mod tests {
    use super::*;

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
