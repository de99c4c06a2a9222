//! The government fiscal year (অর্থবছর, 1 July – 30 June), its quarters, and how both are written.

use std::error::Error;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

use crate::digits::{to_ascii_digits, to_bengali_digits};
use crate::text::fold;

/// The month the fiscal year starts in: July.
const FIRST_MONTH: u32 = 7;

/// Words that may follow a written fiscal year: অর্থবছর and the older অর্থবৎসর, with their genitive forms.
const FISCAL_YEAR_WORDS: [&str; 5] = ["অর্থবছরের", "অর্থবছর", "অর্থবৎসরের", "অর্থবৎসর", "অর্থ বছর"];

/// Why a fiscal year could not be made or read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum FiscalYearError {
    /// The starting year has no four-digit written form with a four-digit successor.
    OutOfRange(i32),
    /// The text is not written like `২০২৫-২৬`, `2025-26` or `২০২৫-২০২৬`.
    Unrecognised,
    /// The two years written are not consecutive, as in `2025-27`.
    NotConsecutive,
}

impl fmt::Display for FiscalYearError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::OutOfRange(year) => write!(
                f,
                "a fiscal year starting in {year} is outside {}..={}",
                FiscalYear::MIN_START_YEAR,
                FiscalYear::MAX_START_YEAR
            ),
            Self::Unrecognised => f.write_str("not a fiscal year such as 2025-26 or 2025-2026"),
            Self::NotConsecutive => {
                f.write_str("the two years of a fiscal year must be consecutive")
            }
        }
    }
}

impl Error for FiscalYearError {}

/// A fiscal year, named by the calendar year it starts in: `FiscalYear 2025` runs from 1 July 2025 to
/// 30 June 2026 and is written `২০২৫-২৬`.
///
/// Start years are limited to 1000..=9998 so that both years always have four digits, which keeps the
/// written forms unambiguous. [`fmt::Display`] writes the short English form, `2025-26`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FiscalYear {
    start_year: i32,
}

impl FiscalYear {
    /// The earliest starting year.
    pub const MIN_START_YEAR: i32 = 1000;
    /// The latest starting year.
    pub const MAX_START_YEAR: i32 = 9998;

    /// The fiscal year starting on 1 July of `start_year`.
    pub fn starting_in(start_year: i32) -> Result<Self, FiscalYearError> {
        if (Self::MIN_START_YEAR..=Self::MAX_START_YEAR).contains(&start_year) {
            Ok(Self { start_year })
        } else {
            Err(FiscalYearError::OutOfRange(start_year))
        }
    }

    /// The fiscal year a date falls in: July onwards belongs to the year starting then, January–June to
    /// the one that started the July before.
    pub fn of(date: NaiveDate) -> Result<Self, FiscalYearError> {
        let started_last_year = date.month() < FIRST_MONTH;
        Self::starting_in(date.year() - i32::from(started_last_year))
    }

    /// The calendar year of its 1 July.
    pub const fn start_year(self) -> i32 {
        self.start_year
    }

    /// The calendar year of its 30 June.
    pub const fn end_year(self) -> i32 {
        self.start_year + 1
    }

    /// 1 July of the start year.
    pub fn first_day(self) -> NaiveDate {
        self.quarter_first_day(Quarter::Q1)
    }

    /// 30 June of the end year.
    pub fn last_day(self) -> NaiveDate {
        self.quarter_last_day(Quarter::Q4)
    }

    /// Whether the date falls within this fiscal year.
    pub fn contains(self, date: NaiveDate) -> bool {
        (self.first_day()..=self.last_day()).contains(&date)
    }

    /// The first day of one of its quarters: Q1 → 1 July, Q3 → 1 January of the end year.
    pub fn quarter_first_day(self, quarter: Quarter) -> NaiveDate {
        let (year, month) = self.quarter_year_and_first_month(quarter);
        valid_date(year, month, 1)
    }

    /// The last day of one of its quarters: Q1 → 30 September, Q4 → 30 June of the end year.
    pub fn quarter_last_day(self, quarter: Quarter) -> NaiveDate {
        let (year, first_month) = self.quarter_year_and_first_month(quarter);
        let last_month = first_month + 2;
        // Every quarter ends in a month of 30 or 31 days: September, December, March, June.
        let last_day = if matches!(last_month, 9 | 6) { 30 } else { 31 };
        valid_date(year, last_month, last_day)
    }

    /// The fiscal year after this one, if in range.
    pub fn next(self) -> Option<Self> {
        Self::starting_in(self.start_year + 1).ok()
    }

    /// The fiscal year before this one, if in range.
    pub fn previous(self) -> Option<Self> {
        Self::starting_in(self.start_year - 1).ok()
    }

    /// `"2025-26"`.
    pub fn short_en(self) -> String {
        format!("{}-{:02}", self.start_year, self.end_year() % 100)
    }

    /// `"2025-2026"`.
    pub fn long_en(self) -> String {
        format!("{}-{}", self.start_year, self.end_year())
    }

    /// `"২০২৫-২৬"`.
    pub fn short_bn(self) -> String {
        to_bengali_digits(&self.short_en())
    }

    /// `"২০২৫-২০২৬"`.
    pub fn long_bn(self) -> String {
        to_bengali_digits(&self.long_en())
    }

    /// Reads `২০২৫-২৬`, `2025-26`, `২০২৫-২০২৬` or `2025-2026`, in either digit script; an en dash or a slash
    /// may replace the hyphen, and a leading `FY` or a following অর্থবছর / অর্থবৎসর is allowed.
    pub fn parse(text: &str) -> Result<Self, FiscalYearError> {
        let folded = fold(&to_ascii_digits(text));
        let mut rest = folded.trim();
        if let Some(after) = rest.strip_prefix("fy") {
            rest = after.trim_start_matches(['.', ' ']);
        }
        for word in FISCAL_YEAR_WORDS {
            if let Some(before) = rest.strip_suffix(fold(word).as_str()) {
                rest = before.trim_end();
                break;
            }
        }

        let (first, second) = rest
            .split_once(['-', '–', '—', '/'])
            .ok_or(FiscalYearError::Unrecognised)?;
        let (first, second) = (first.trim(), second.trim());
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if first.len() != 4 || !all_digits(first) || !all_digits(second) {
            return Err(FiscalYearError::Unrecognised);
        }
        let start_year: i32 = first.parse().map_err(|_| FiscalYearError::Unrecognised)?;
        let end: i32 = second.parse().map_err(|_| FiscalYearError::Unrecognised)?;
        let consecutive = match second.len() {
            2 => end == (start_year + 1) % 100,
            4 => end == start_year + 1,
            _ => return Err(FiscalYearError::Unrecognised),
        };
        if !consecutive {
            return Err(FiscalYearError::NotConsecutive);
        }
        Self::starting_in(start_year)
    }

    fn quarter_year_and_first_month(self, quarter: Quarter) -> (i32, u32) {
        match quarter {
            Quarter::Q1 => (self.start_year, 7),
            Quarter::Q2 => (self.start_year, 10),
            Quarter::Q3 => (self.end_year(), 1),
            Quarter::Q4 => (self.end_year(), 4),
        }
    }
}

impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.short_en())
    }
}

impl FromStr for FiscalYear {
    type Err = FiscalYearError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text)
    }
}

/// A quarter of the fiscal year (ত্রৈমাসিক): Q1 July–September, Q2 October–December, Q3 January–March,
/// Q4 April–June.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Quarter {
    /// July–September.
    Q1 = 1,
    /// October–December.
    Q2,
    /// January–March.
    Q3,
    /// April–June.
    Q4,
}

impl Quarter {
    /// The quarters in fiscal order.
    pub const ALL: [Self; 4] = [Self::Q1, Self::Q2, Self::Q3, Self::Q4];

    /// The quarter a date falls in (of the fiscal year [`FiscalYear::of`] gives).
    pub fn of(date: NaiveDate) -> Self {
        match date.month() {
            7..=9 => Self::Q1,
            10..=12 => Self::Q2,
            1..=3 => Self::Q3,
            _ => Self::Q4,
        }
    }

    /// 1 to 4.
    pub const fn number(self) -> u8 {
        self as u8
    }

    /// The quarter numbered 1 to 4.
    pub fn from_number(number: u8) -> Option<Self> {
        Self::ALL.get(usize::from(number).checked_sub(1)?).copied()
    }

    /// `"১ম ত্রৈমাসিক"` … `"৪র্থ ত্রৈমাসিক"`.
    pub const fn name_bn(self) -> &'static str {
        match self {
            Self::Q1 => "১ম ত্রৈমাসিক",
            Self::Q2 => "২য় ত্রৈমাসিক",
            Self::Q3 => "৩য় ত্রৈমাসিক",
            Self::Q4 => "৪র্থ ত্রৈমাসিক",
        }
    }

    /// `"1st quarter"` … `"4th quarter"`.
    pub const fn name_en(self) -> &'static str {
        match self {
            Self::Q1 => "1st quarter",
            Self::Q2 => "2nd quarter",
            Self::Q3 => "3rd quarter",
            Self::Q4 => "4th quarter",
        }
    }

    /// `"Q1"` … `"Q4"`.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Q1 => "Q1",
            Self::Q2 => "Q2",
            Self::Q3 => "Q3",
            Self::Q4 => "Q4",
        }
    }
}

/// A date the fiscal-year range guarantees to exist (years 1000–9999, real month ends).
fn valid_date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day)
        .expect("fiscal-year dates lie well inside chrono's range")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("test dates are valid")
    }

    fn fy(start_year: i32) -> FiscalYear {
        FiscalYear::starting_in(start_year).expect("test years are in range")
    }

    #[test]
    fn the_fiscal_year_turns_on_the_first_of_july() {
        assert_eq!(FiscalYear::of(ymd(2025, 6, 30)), Ok(fy(2024)));
        assert_eq!(FiscalYear::of(ymd(2025, 7, 1)), Ok(fy(2025)));
        assert_eq!(FiscalYear::of(ymd(2026, 1, 26)), Ok(fy(2025)));
        assert_eq!(fy(2025).first_day(), ymd(2025, 7, 1));
        assert_eq!(fy(2025).last_day(), ymd(2026, 6, 30));
        assert!(fy(2025).contains(ymd(2026, 6, 30)));
        assert!(!fy(2025).contains(ymd(2026, 7, 1)));
    }

    #[test]
    fn fiscal_year_2025_is_written_2025_26_short_and_2025_2026_long() {
        assert_eq!(fy(2025).short_bn(), "২০২৫-২৬");
        assert_eq!(fy(2025).long_bn(), "২০২৫-২০২৬");
        assert_eq!(fy(2025).short_en(), "2025-26");
        assert_eq!(fy(2025).long_en(), "2025-2026");
        assert_eq!(fy(2025).to_string(), "2025-26");
        assert_eq!(fy(1999).short_en(), "1999-00");
    }

    #[test]
    fn fiscal_years_are_read_in_every_written_form() {
        for text in [
            "২০২৫-২৬",
            "2025-26",
            "২০২৫-২০২৬",
            "2025-2026",
            "2025–26",
            "2025/26",
            "FY 2025-26",
        ] {
            assert_eq!(FiscalYear::parse(text), Ok(fy(2025)), "{text}");
        }
        assert_eq!("২০২১-২০২২ অর্থবৎসর".parse(), Ok(fy(2021)));
        assert_eq!("২০২২-২৩ অর্থবছরের".parse(), Ok(fy(2022)));
        assert_eq!(FiscalYear::parse("1999-00"), Ok(fy(1999)));
    }

    #[test]
    fn malformed_fiscal_years_are_rejected() {
        assert_eq!(
            FiscalYear::parse("2025-27"),
            Err(FiscalYearError::NotConsecutive)
        );
        assert_eq!(
            FiscalYear::parse("2025-2027"),
            Err(FiscalYearError::NotConsecutive)
        );
        assert_eq!(
            FiscalYear::parse("2025"),
            Err(FiscalYearError::Unrecognised)
        );
        assert_eq!(
            FiscalYear::parse("25-26"),
            Err(FiscalYearError::Unrecognised)
        );
        assert_eq!(
            FiscalYear::parse("2025-2"),
            Err(FiscalYearError::Unrecognised)
        );
        assert_eq!(
            FiscalYear::parse("9999-00"),
            Err(FiscalYearError::OutOfRange(9999))
        );
        assert_eq!(
            FiscalYear::of(ymd(10_000, 7, 1)),
            Err(FiscalYearError::OutOfRange(10_000))
        );
    }

    #[test]
    fn quarters_run_july_october_january_april() {
        let year = fy(2022);
        let expected = [
            (Quarter::Q1, ymd(2022, 7, 1), ymd(2022, 9, 30)),
            (Quarter::Q2, ymd(2022, 10, 1), ymd(2022, 12, 31)),
            (Quarter::Q3, ymd(2023, 1, 1), ymd(2023, 3, 31)),
            (Quarter::Q4, ymd(2023, 4, 1), ymd(2023, 6, 30)),
        ];
        for (quarter, first, last) in expected {
            assert_eq!(year.quarter_first_day(quarter), first);
            assert_eq!(year.quarter_last_day(quarter), last);
            assert_eq!(Quarter::of(first), quarter);
            assert_eq!(Quarter::of(last), quarter);
        }
        assert_eq!(Quarter::of(ymd(2022, 9, 30)), Quarter::Q1);
        assert_eq!(Quarter::of(ymd(2022, 10, 1)), Quarter::Q2);
    }

    #[test]
    fn quarters_have_bengali_and_english_names() {
        assert_eq!(Quarter::Q1.name_bn(), "১ম ত্রৈমাসিক");
        assert_eq!(Quarter::Q2.name_bn(), "২য় ত্রৈমাসিক");
        assert_eq!(Quarter::Q3.name_bn(), "৩য় ত্রৈমাসিক");
        assert_eq!(Quarter::Q4.name_bn(), "৪র্থ ত্রৈমাসিক");
        assert_eq!(Quarter::Q4.name_en(), "4th quarter");
        assert_eq!(Quarter::Q3.code(), "Q3");
        for quarter in Quarter::ALL {
            assert_eq!(Quarter::from_number(quarter.number()), Some(quarter));
        }
        assert_eq!(Quarter::from_number(5), None);
    }

    #[test]
    fn neighbouring_fiscal_years_stop_at_the_range_ends() {
        assert_eq!(fy(2025).next(), Some(fy(2026)));
        assert_eq!(fy(2025).previous(), Some(fy(2024)));
        assert_eq!(fy(FiscalYear::MAX_START_YEAR).next(), None);
        assert_eq!(fy(FiscalYear::MIN_START_YEAR).previous(), None);
    }

    #[test]
    fn quarters_tile_every_fiscal_year_from_1900_to_2200_without_gaps() {
        for start in 1899..=2200 {
            let year = fy(start);
            let mut expected_first = year.first_day();
            for quarter in Quarter::ALL {
                assert_eq!(year.quarter_first_day(quarter), expected_first);
                expected_first = year.quarter_last_day(quarter).succ_opt().expect("in range");
            }
            assert_eq!(year.last_day().succ_opt(), Some(fy(start + 1).first_day()));
        }
    }

    proptest! {
        #[test]
        fn every_written_form_reads_back(start in FiscalYear::MIN_START_YEAR..=FiscalYear::MAX_START_YEAR) {
            let year = fy(start);
            for text in [year.short_bn(), year.long_bn(), year.short_en(), year.long_en()] {
                prop_assert_eq!(FiscalYear::parse(&text), Ok(year));
            }
        }

        #[test]
        fn a_date_lies_in_its_fiscal_year_and_quarter(days in 0i64..110_000) {
            let date = ymd(1900, 1, 1) + chrono::TimeDelta::days(days);
            let year = FiscalYear::of(date).expect("in range");
            let quarter = Quarter::of(date);
            prop_assert!(year.contains(date));
            prop_assert!(year.quarter_first_day(quarter) <= date);
            prop_assert!(date <= year.quarter_last_day(quarter));
        }
    }
}
