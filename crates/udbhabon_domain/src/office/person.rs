//! People and the posts they hold: a posting is a person in a post from a date, on a kind of charge.

use chrono::NaiveDate;

use crate::vocabulary::vocabulary;

vocabulary! {
    /// On what footing a person holds a post.
    pub enum Charge ("charge", "charge") {
        Regular => "regular",
        /// অতিরিক্ত দায়িত্ব: held in addition to the person's own post.
        Additional => "additional",
        /// চলতি দায়িত্ব: current charge, acting in the post.
        Current => "current",
    }
}

/// The dates a posting covers; `until` is `None` while the person still holds the post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tenure {
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
}

impl Tenure {
    /// Whether the post was held on `date` (both ends inclusive).
    pub fn covers(self, date: NaiveDate) -> bool {
        self.from <= date && self.until.is_none_or(|until| date <= until)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_tenure_covers_both_of_its_end_days_and_nothing_outside() {
        let tenure = Tenure {
            from: date(2022, 1, 1),
            until: Some(date(2022, 12, 31)),
        };
        assert!(tenure.covers(date(2022, 1, 1)));
        assert!(tenure.covers(date(2022, 12, 31)));
        assert!(!tenure.covers(date(2021, 12, 31)));
        assert!(!tenure.covers(date(2023, 1, 1)));
    }

    #[test]
    fn an_open_tenure_covers_every_day_from_its_start() {
        let tenure = Tenure {
            from: date(2026, 1, 26),
            until: None,
        };
        assert!(tenure.covers(date(2030, 6, 30)));
        assert!(!tenure.covers(date(2026, 1, 25)));
    }
}
