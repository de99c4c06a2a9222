//! The Bangla calendar (বঙ্গাব্দ) as Bangladesh uses it: months, seasons, and conversion to and from Gregorian.
//!
//! Two rules apply (domain.md §9.1). From Bangla year 1426 on, the revision notified in October 2019:
//! Boishakh–Ashwin 31 days, Falgun 29 (30 when that February has 29 days), the rest 30. Up to 1425, the
//! earlier rule: Boishakh–Bhadro 31 days, Falgun 30 (31 in a leap year), the rest 30. Both start every
//! year on 14 April, and both give the same dates from 1 Boishakh to 30 Ashwin 1426, so switching at the
//! year boundary matches the October 2019 change exactly. Dates before the earlier rule existed are
//! computed by it as well (proleptically).

use std::error::Error;
use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::text::{fold, matches_any};

/// The first Bangla year counted under the 2019 revision.
const FIRST_REVISED_YEAR: i32 = 1426;

/// Bangla year *Y* begins on 14 April of Gregorian year *Y* + 593.
const GREGORIAN_YEAR_OFFSET: i32 = 593;

/// The twelve Bangla months, Boishakh first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BanglaMonth {
    /// বৈশাখ, from 14 April.
    Boishakh = 1,
    /// জ্যৈষ্ঠ, from 15 May.
    Jyoishtho,
    /// আষাঢ়, from 15 June.
    Asharh,
    /// শ্রাবণ, from 16 July.
    Srabon,
    /// ভাদ্র, from 16 August.
    Bhadro,
    /// আশ্বিন, from 16 September.
    Ashwin,
    /// কার্তিক, from 17 October (16 October up to 1425).
    Kartik,
    /// অগ্রহায়ণ, from 16 November (15 November up to 1425).
    Ogrohayon,
    /// পৌষ, from 16 December (15 December up to 1425).
    Poush,
    /// মাঘ, from 15 January (14 January up to 1425).
    Magh,
    /// ফাল্গুন, from 14 February (13 February up to 1425).
    Falgun,
    /// চৈত্র, from 15 March.
    Choitro,
}

impl BanglaMonth {
    /// All months in calendar order.
    pub const ALL: [Self; 12] = [
        Self::Boishakh,
        Self::Jyoishtho,
        Self::Asharh,
        Self::Srabon,
        Self::Bhadro,
        Self::Ashwin,
        Self::Kartik,
        Self::Ogrohayon,
        Self::Poush,
        Self::Magh,
        Self::Falgun,
        Self::Choitro,
    ];

    /// 1 for Boishakh … 12 for Choitro.
    pub const fn number(self) -> u8 {
        self as u8
    }

    /// The month numbered 1 (Boishakh) … 12 (Choitro).
    pub fn from_number(number: u8) -> Option<Self> {
        Self::ALL.get(usize::from(number).checked_sub(1)?).copied()
    }

    /// The Bengali name: `"মাঘ"`.
    pub const fn name_bn(self) -> &'static str {
        match self {
            Self::Boishakh => "বৈশাখ",
            Self::Jyoishtho => "জ্যৈষ্ঠ",
            Self::Asharh => "আষাঢ়",
            Self::Srabon => "শ্রাবণ",
            Self::Bhadro => "ভাদ্র",
            Self::Ashwin => "আশ্বিন",
            Self::Kartik => "কার্তিক",
            Self::Ogrohayon => "অগ্রহায়ণ",
            Self::Poush => "পৌষ",
            Self::Magh => "মাঘ",
            Self::Falgun => "ফাল্গুন",
            Self::Choitro => "চৈত্র",
        }
    }

    /// The English transliteration used in Bangladesh: `"Magh"`.
    pub const fn name_en(self) -> &'static str {
        match self {
            Self::Boishakh => "Boishakh",
            Self::Jyoishtho => "Jyoishtho",
            Self::Asharh => "Asharh",
            Self::Srabon => "Srabon",
            Self::Bhadro => "Bhadro",
            Self::Ashwin => "Ashwin",
            Self::Kartik => "Kartik",
            Self::Ogrohayon => "Ogrohayon",
            Self::Poush => "Poush",
            Self::Magh => "Magh",
            Self::Falgun => "Falgun",
            Self::Choitro => "Choitro",
        }
    }

    /// Reads a month name in Bengali or English. Common variant spellings are accepted (জৈষ্ঠ, শ্রাবন,
    /// অগ্রহায়ন; Baishakh, Jaishtha, Ashar, Shrabon, Bhadra, Agrahayan, Paush, Phalgun, Chaitra, …).
    pub fn from_name(name: &str) -> Option<Self> {
        let folded = fold(name.trim());
        Self::ALL
            .into_iter()
            .find(|month| matches_any(&folded, month.spellings()))
    }

    /// The season (ঋতু) this month belongs to.
    pub const fn season(self) -> Season {
        match self {
            Self::Boishakh | Self::Jyoishtho => Season::Grishmo,
            Self::Asharh | Self::Srabon => Season::Borsha,
            Self::Bhadro | Self::Ashwin => Season::Shorot,
            Self::Kartik | Self::Ogrohayon => Season::Hemonto,
            Self::Poush | Self::Magh => Season::Sheet,
            Self::Falgun | Self::Choitro => Season::Boshonto,
        }
    }

    /// Every accepted spelling, the canonical Bengali and English names first.
    fn spellings(self) -> &'static [&'static str] {
        match self {
            Self::Boishakh => &["বৈশাখ", "boishakh", "baishakh", "boishak", "baisakh"],
            Self::Jyoishtho => &[
                "জ্যৈষ্ঠ",
                "জৈষ্ঠ",
                "জ্যেষ্ঠ",
                "jyoishtho",
                "joishtho",
                "jaishtha",
                "jyaistha",
                "jyoishtha",
            ],
            Self::Asharh => &["আষাঢ়", "আষাড়", "asharh", "ashar", "asadh", "ashad"],
            Self::Srabon => &[
                "শ্রাবণ",
                "শ্রাবন",
                "srabon",
                "shrabon",
                "shraban",
                "sraban",
                "srabn",
            ],
            Self::Bhadro => &["ভাদ্র", "bhadro", "bhadra"],
            Self::Ashwin => &["আশ্বিন", "ashwin", "ashshin", "aswin", "ashin"],
            Self::Kartik => &["কার্তিক", "কার্ত্তিক", "kartik", "kartick", "kartic"],
            Self::Ogrohayon => &[
                "অগ্রহায়ণ",
                "অগ্রহায়ন",
                "ogrohayon",
                "agrahayan",
                "ograhayon",
                "agrahayon",
            ],
            Self::Poush => &["পৌষ", "poush", "paush", "pous"],
            Self::Magh => &["মাঘ", "magh"],
            Self::Falgun => &["ফাল্গুন", "falgun", "phalgun", "falgoon"],
            Self::Choitro => &["চৈত্র", "choitro", "chaitra", "choitra", "chaitro"],
        }
    }
}

/// The six seasons (ঋতু), two months each from Boishakh.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Season {
    /// গ্রীষ্ম, summer: Boishakh, Jyoishtho.
    Grishmo,
    /// বর্ষা, monsoon: Asharh, Srabon.
    Borsha,
    /// শরৎ, autumn: Bhadro, Ashwin.
    Shorot,
    /// হেমন্ত, late autumn: Kartik, Ogrohayon.
    Hemonto,
    /// শীত, winter: Poush, Magh.
    Sheet,
    /// বসন্ত, spring: Falgun, Choitro.
    Boshonto,
}

impl Season {
    /// The Bengali name: `"শীত"`.
    pub const fn name_bn(self) -> &'static str {
        match self {
            Self::Grishmo => "গ্রীষ্ম",
            Self::Borsha => "বর্ষা",
            Self::Shorot => "শরৎ",
            Self::Hemonto => "হেমন্ত",
            Self::Sheet => "শীত",
            Self::Boshonto => "বসন্ত",
        }
    }

    /// The English name: `"Winter"`.
    pub const fn name_en(self) -> &'static str {
        match self {
            Self::Grishmo => "Summer",
            Self::Borsha => "Monsoon",
            Self::Shorot => "Autumn",
            Self::Hemonto => "Late autumn",
            Self::Sheet => "Winter",
            Self::Boshonto => "Spring",
        }
    }

    /// The two months of the season, in order.
    pub const fn months(self) -> [BanglaMonth; 2] {
        use BanglaMonth::*;
        match self {
            Self::Grishmo => [Boishakh, Jyoishtho],
            Self::Borsha => [Asharh, Srabon],
            Self::Shorot => [Bhadro, Ashwin],
            Self::Hemonto => [Kartik, Ogrohayon],
            Self::Sheet => [Poush, Magh],
            Self::Boshonto => [Falgun, Choitro],
        }
    }
}

/// Why a Bangla date could not be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum CalendarError {
    /// The Bangla year lies outside [`BanglaDate::MIN_YEAR`]..=[`BanglaDate::MAX_YEAR`].
    YearOutOfRange(i32),
    /// The Gregorian date lies outside [`BanglaDate::FIRST_GREGORIAN`]..=[`BanglaDate::LAST_GREGORIAN`].
    DateOutOfRange(NaiveDate),
    /// The month has fewer days in that year (or the day is 0).
    NoSuchDay {
        /// The Bangla year asked for.
        year: i32,
        /// The month asked for.
        month: BanglaMonth,
        /// The day asked for.
        day: u8,
    },
}

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::YearOutOfRange(year) => write!(
                f,
                "Bangla year {year} is outside the supported range {}..={}",
                BanglaDate::MIN_YEAR,
                BanglaDate::MAX_YEAR
            ),
            Self::DateOutOfRange(date) => write!(
                f,
                "{date} is outside the supported range {}..={}",
                BanglaDate::FIRST_GREGORIAN,
                BanglaDate::LAST_GREGORIAN
            ),
            Self::NoSuchDay { year, month, day } => write!(
                f,
                "{} {year} has {} days, not day {day}",
                month.name_en(),
                days_in_month(*year, *month)
            ),
        }
    }
}

impl Error for CalendarError {}

/// A day of the Bangla calendar. Always valid: the fields can only be set through [`BanglaDate::new`] and
/// [`BanglaDate::from_gregorian`].
///
/// Supported years are [`BanglaDate::MIN_YEAR`] (1306, from 14 April 1899) to [`BanglaDate::MAX_YEAR`]
/// (1607, to 13 April 2201), which covers every day of the Gregorian years 1900 to 2200. Ordering is
/// chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BanglaDate {
    year: i32,
    month: BanglaMonth,
    day: u8,
}

impl BanglaDate {
    /// The first supported Bangla year; it begins on 14 April 1899.
    pub const MIN_YEAR: i32 = 1306;
    /// The last supported Bangla year; it ends on 13 April 2201.
    pub const MAX_YEAR: i32 = 1607;
    /// The first Gregorian date that converts: 14 April 1899, 1 Boishakh 1306.
    pub const FIRST_GREGORIAN: NaiveDate = pohela_boishakh(Self::MIN_YEAR);
    /// The last Gregorian date that converts: 13 April 2201, 30 Choitro 1607.
    pub const LAST_GREGORIAN: NaiveDate = match pohela_boishakh(Self::MAX_YEAR + 1).pred_opt() {
        Some(date) => date,
        None => panic!("13 April 2201 exists"),
    };

    /// Checks the day against the month's length in that year (which depends on the rule of the year
    /// and, for Falgun, on the Gregorian leap year).
    pub fn new(year: i32, month: BanglaMonth, day: u8) -> Result<Self, CalendarError> {
        if !(Self::MIN_YEAR..=Self::MAX_YEAR).contains(&year) {
            return Err(CalendarError::YearOutOfRange(year));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(CalendarError::NoSuchDay { year, month, day });
        }
        Ok(Self { year, month, day })
    }

    /// The Bangla date of a Gregorian date. Pass the date as it is in Dhaka (see
    /// [`crate::dhaka::today_in_dhaka`]), never the UTC date of a timestamp.
    pub fn from_gregorian(date: NaiveDate) -> Result<Self, CalendarError> {
        let before_new_year = (date.month(), date.day()) < (4, 14);
        let year = date.year() - GREGORIAN_YEAR_OFFSET - i32::from(before_new_year);
        if !(Self::MIN_YEAR..=Self::MAX_YEAR).contains(&year) {
            return Err(CalendarError::DateOutOfRange(date));
        }
        let mut offset = date.num_days_from_ce() - pohela_boishakh(year).num_days_from_ce();
        // Walk the first eleven months; whatever is left lies in Choitro, the last.
        for month in &BanglaMonth::ALL[..11] {
            let length = i32::from(days_in_month(year, *month));
            if offset < length {
                return Ok(Self::exact(year, *month, offset));
            }
            offset -= length;
        }
        Ok(Self::exact(year, BanglaMonth::Choitro, offset))
    }

    /// A date from a 0-based day offset already known to lie within the month (at most 30).
    const fn exact(year: i32, month: BanglaMonth, offset: i32) -> Self {
        Self {
            year,
            month,
            day: offset as u8 + 1,
        }
    }

    /// The Gregorian date of this day.
    pub fn to_gregorian(self) -> NaiveDate {
        let days_before_month: i32 = BanglaMonth::ALL[..usize::from(self.month.number() - 1)]
            .iter()
            .map(|&month| i32::from(days_in_month(self.year, month)))
            .sum();
        let days =
            pohela_boishakh(self.year).num_days_from_ce() + days_before_month + i32::from(self.day)
                - 1;
        // The year range keeps every date far inside chrono's range.
        NaiveDate::from_num_days_from_ce_opt(days)
            .expect("supported Bangla years map to valid Gregorian dates")
    }

    /// The Bangla year (বঙ্গাব্দ), e.g. 1432.
    pub const fn year(self) -> i32 {
        self.year
    }

    /// The month.
    pub const fn month(self) -> BanglaMonth {
        self.month
    }

    /// The day of the month, from 1.
    pub const fn day(self) -> u8 {
        self.day
    }

    /// The season the date falls in.
    pub const fn season(self) -> Season {
        self.month.season()
    }
}

/// `"12 Magh 1432"`; see [`crate::format`] for the Bengali and era-marked styles.
impl fmt::Display for BanglaDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.day, self.month.name_en(), self.year)
    }
}

impl TryFrom<NaiveDate> for BanglaDate {
    type Error = CalendarError;

    fn try_from(date: NaiveDate) -> Result<Self, Self::Error> {
        Self::from_gregorian(date)
    }
}

impl From<BanglaDate> for NaiveDate {
    fn from(date: BanglaDate) -> Self {
        date.to_gregorian()
    }
}

/// The number of days of a month in a Bangla year, under the rule that year follows.
pub fn days_in_month(year: i32, month: BanglaMonth) -> u8 {
    let revised = year >= FIRST_REVISED_YEAR;
    let leap = u8::from(falgun_is_in_leap_year(year));
    match month {
        BanglaMonth::Boishakh | BanglaMonth::Jyoishtho | BanglaMonth::Asharh => 31,
        BanglaMonth::Srabon | BanglaMonth::Bhadro => 31,
        // The 2019 revision moved Ashwin's 31st day out of Falgun.
        BanglaMonth::Ashwin if revised => 31,
        BanglaMonth::Falgun if revised => 29 + leap,
        BanglaMonth::Falgun => 30 + leap,
        _ => 30,
    }
}

/// The number of days in a Bangla year: 366 when its Falgun has a 29 February, else 365.
pub fn days_in_year(year: i32) -> u16 {
    365 + u16::from(falgun_is_in_leap_year(year))
}

/// Falgun of Bangla year *Y* lies in February of Gregorian year *Y* + 594.
fn falgun_is_in_leap_year(year: i32) -> bool {
    let gregorian = i64::from(year) + i64::from(GREGORIAN_YEAR_OFFSET) + 1;
    gregorian % 4 == 0 && (gregorian % 100 != 0 || gregorian % 400 == 0)
}

/// 1 Boishakh of a supported Bangla year (or the year after the last): 14 April of year + 593.
const fn pohela_boishakh(year: i32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year + GREGORIAN_YEAR_OFFSET, 4, 14) {
        Some(date) => date,
        // Callers pass only supported years, whose 14 April always exists.
        None => panic!("14 April exists in every supported year"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use BanglaMonth::*;

    fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("test dates are valid")
    }

    fn bangla(year: i32, month: BanglaMonth, day: u8) -> BanglaDate {
        BanglaDate::new(year, month, day).expect("test Bangla dates are valid")
    }

    fn assert_converts(gregorian: NaiveDate, expected: BanglaDate) {
        assert_eq!(
            BanglaDate::from_gregorian(gregorian),
            Ok(expected),
            "{gregorian}"
        );
        assert_eq!(expected.to_gregorian(), gregorian, "{expected:?}");
    }

    #[test]
    fn twenty_sixth_january_2026_is_twelfth_magh_1432() {
        assert_converts(ymd(2026, 1, 26), bangla(1432, Magh, 12));
    }

    #[test]
    fn nineteenth_september_2022_is_fourth_ashwin_1429() {
        assert_converts(ymd(2022, 9, 19), bangla(1429, Ashwin, 4));
    }

    #[test]
    fn the_other_checks_of_the_domain_reference_hold() {
        assert_converts(ymd(2022, 9, 15), bangla(1429, Bhadro, 31));
        assert_converts(ymd(2025, 11, 6), bangla(1432, Kartik, 21));
        assert_converts(ymd(2024, 2, 21), bangla(1430, Falgun, 8));
        assert_converts(ymd(2024, 3, 14), bangla(1430, Falgun, 30));
        assert_converts(ymd(2025, 3, 14), bangla(1431, Falgun, 29));
        assert_converts(ymd(2025, 12, 16), bangla(1432, Poush, 1));
        assert_converts(ymd(2025, 3, 26), bangla(1431, Choitro, 12));
        assert_converts(ymd(2026, 4, 13), bangla(1432, Choitro, 30));
        assert_converts(ymd(2026, 4, 14), bangla(1433, Boishakh, 1));
        assert_converts(ymd(2025, 7, 30), bangla(1432, Srabon, 15));
        assert_converts(ymd(2025, 7, 5), bangla(1432, Asharh, 21));
    }

    #[test]
    fn falgun_1430_has_thirty_days_because_february_2024_has_twenty_nine() {
        assert_eq!(days_in_month(1430, Falgun), 30);
        assert_eq!(days_in_month(1431, Falgun), 29);
        assert_eq!(
            BanglaDate::new(1431, Falgun, 30),
            Err(CalendarError::NoSuchDay {
                year: 1431,
                month: Falgun,
                day: 30
            })
        );
    }

    #[test]
    fn the_revision_took_effect_with_a_thirty_first_ashwin_1426() {
        assert_converts(ymd(2019, 10, 16), bangla(1426, Ashwin, 31));
        assert_converts(ymd(2019, 10, 17), bangla(1426, Kartik, 1));
    }

    #[test]
    fn twenty_first_february_2019_is_ninth_falgun_under_the_earlier_rule() {
        assert_converts(ymd(2019, 2, 21), bangla(1425, Falgun, 9));
        assert_converts(ymd(2019, 2, 13), bangla(1425, Falgun, 1));
        assert_converts(ymd(2019, 4, 13), bangla(1425, Choitro, 30));
        assert_converts(ymd(2019, 4, 14), bangla(1426, Boishakh, 1));
        assert_eq!(
            BanglaDate::new(1425, Ashwin, 31),
            Err(CalendarError::NoSuchDay {
                year: 1425,
                month: Ashwin,
                day: 31
            })
        );
    }

    #[test]
    fn a_bangla_year_has_366_days_when_its_falgun_meets_a_29_february() {
        assert_eq!(days_in_year(1430), 366);
        assert_eq!(days_in_year(1431), 365);
        // 2100 is not a Gregorian leap year, so Falgun 1506 keeps 29 days.
        assert_eq!(days_in_year(1506), 365);
        assert_eq!(days_in_month(1506, Falgun), 29);
        for year in BanglaDate::MIN_YEAR..=BanglaDate::MAX_YEAR {
            let months: u16 = BanglaMonth::ALL
                .iter()
                .map(|&m| u16::from(days_in_month(year, m)))
                .sum();
            assert_eq!(months, days_in_year(year), "{year}");
        }
    }

    #[test]
    fn a_bangla_date_displays_in_english() {
        assert_eq!(bangla(1432, Magh, 12).to_string(), "12 Magh 1432");
        assert_eq!(
            BanglaDate::try_from(ymd(2026, 1, 26)),
            Ok(bangla(1432, Magh, 12))
        );
        assert_eq!(NaiveDate::from(bangla(1432, Magh, 12)), ymd(2026, 1, 26));
    }

    #[test]
    fn falgun_had_thirty_one_days_in_leap_years_under_the_earlier_rule() {
        assert_eq!(days_in_month(1422, Falgun), 31);
        assert_converts(ymd(2016, 3, 14), bangla(1422, Falgun, 31));
        assert_converts(ymd(2016, 3, 15), bangla(1422, Choitro, 1));
    }

    #[test]
    fn national_days_have_fixed_bangla_dates_in_every_revised_year() {
        for year in 2020..=2200 {
            let before_boishakh = year - 594;
            let after_boishakh = year - 593;
            assert_converts(ymd(year, 2, 21), bangla(before_boishakh, Falgun, 8));
            assert_converts(ymd(year, 3, 26), bangla(before_boishakh, Choitro, 12));
            assert_converts(ymd(year, 4, 14), bangla(after_boishakh, Boishakh, 1));
            assert_converts(ymd(year, 5, 8), bangla(after_boishakh, Boishakh, 25));
            assert_converts(ymd(year, 5, 25), bangla(after_boishakh, Jyoishtho, 11));
            assert_converts(ymd(year, 12, 16), bangla(after_boishakh, Poush, 1));
        }
    }

    /// The month-start table of domain.md §9.1, as (month, Gregorian month, day, whether the start falls
    /// in the second Gregorian year of the Bangla year).
    const REVISED_MONTH_STARTS: [(BanglaMonth, u32, u32, bool); 12] = [
        (Boishakh, 4, 14, false),
        (Jyoishtho, 5, 15, false),
        (Asharh, 6, 15, false),
        (Srabon, 7, 16, false),
        (Bhadro, 8, 16, false),
        (Ashwin, 9, 16, false),
        (Kartik, 10, 17, false),
        (Ogrohayon, 11, 16, false),
        (Poush, 12, 16, false),
        (Magh, 1, 15, true),
        (Falgun, 2, 14, true),
        (Choitro, 3, 15, true),
    ];

    const EARLIER_MONTH_STARTS: [(BanglaMonth, u32, u32, bool); 12] = [
        (Boishakh, 4, 14, false),
        (Jyoishtho, 5, 15, false),
        (Asharh, 6, 15, false),
        (Srabon, 7, 16, false),
        (Bhadro, 8, 16, false),
        (Ashwin, 9, 16, false),
        (Kartik, 10, 16, false),
        (Ogrohayon, 11, 15, false),
        (Poush, 12, 15, false),
        (Magh, 1, 14, true),
        (Falgun, 2, 13, true),
        (Choitro, 3, 15, true),
    ];

    fn assert_month_starts(
        years: std::ops::RangeInclusive<i32>,
        table: &[(BanglaMonth, u32, u32, bool); 12],
    ) {
        for year in years {
            for &(month, gregorian_month, day, next_year) in table {
                let gregorian_year = year + 593 + i32::from(next_year);
                assert_converts(
                    ymd(gregorian_year, gregorian_month, day),
                    bangla(year, month, 1),
                );
            }
        }
    }

    #[test]
    fn months_start_on_the_revised_table_dates_in_every_year_from_1426() {
        assert_month_starts(
            FIRST_REVISED_YEAR..=BanglaDate::MAX_YEAR,
            &REVISED_MONTH_STARTS,
        );
    }

    #[test]
    fn months_start_on_the_earlier_table_dates_in_every_year_up_to_1425() {
        assert_month_starts(
            BanglaDate::MIN_YEAR..=FIRST_REVISED_YEAR - 1,
            &EARLIER_MONTH_STARTS,
        );
    }

    #[test]
    fn every_day_from_1900_to_2200_converts_there_and_back_one_day_after_another() {
        let mut gregorian = ymd(1900, 1, 1);
        let mut previous =
            BanglaDate::from_gregorian(gregorian.pred_opt().expect("1899-12-31 exists"))
                .expect("1899-12-31 is supported");
        while gregorian <= ymd(2200, 12, 31) {
            let date = BanglaDate::from_gregorian(gregorian).expect("1900..=2200 is supported");
            assert_eq!(date.to_gregorian(), gregorian);
            assert_eq!(Some(date), next_day(previous), "the day after {previous:?}");
            previous = date;
            gregorian = gregorian.succ_opt().expect("2201 exists");
        }
    }

    /// The day after, counted in the Bangla calendar alone, to check conversion against simple counting.
    fn next_day(date: BanglaDate) -> Option<BanglaDate> {
        BanglaDate::new(date.year(), date.month(), date.day() + 1)
            .or_else(|_| {
                let month = BanglaMonth::from_number(date.month().number() + 1).ok_or(())?;
                BanglaDate::new(date.year(), month, 1).map_err(|_| ())
            })
            .or_else(|_| BanglaDate::new(date.year() + 1, Boishakh, 1))
            .ok()
    }

    #[test]
    fn the_supported_range_ends_are_exact() {
        assert_eq!(BanglaDate::FIRST_GREGORIAN, ymd(1899, 4, 14));
        assert_eq!(BanglaDate::LAST_GREGORIAN, ymd(2201, 4, 13));
        assert_converts(ymd(2201, 4, 13), bangla(1607, Choitro, 30));
        assert_eq!(
            BanglaDate::from_gregorian(ymd(1899, 4, 13)),
            Err(CalendarError::DateOutOfRange(ymd(1899, 4, 13)))
        );
        assert_eq!(
            BanglaDate::from_gregorian(ymd(2201, 4, 14)),
            Err(CalendarError::DateOutOfRange(ymd(2201, 4, 14)))
        );
        assert_eq!(
            BanglaDate::new(1305, Choitro, 30),
            Err(CalendarError::YearOutOfRange(1305))
        );
        assert_eq!(
            BanglaDate::new(1608, Boishakh, 1),
            Err(CalendarError::YearOutOfRange(1608))
        );
    }

    #[test]
    fn day_zero_and_day_thirty_two_do_not_exist() {
        assert!(BanglaDate::new(1432, Boishakh, 0).is_err());
        assert!(BanglaDate::new(1432, Boishakh, 32).is_err());
        assert!(BanglaDate::new(1432, Kartik, 31).is_err());
    }

    #[test]
    fn dates_order_chronologically() {
        assert!(bangla(1432, Choitro, 30) < bangla(1433, Boishakh, 1));
        assert!(bangla(1432, Boishakh, 31) < bangla(1432, Jyoishtho, 1));
    }

    #[test]
    fn every_month_has_its_names_number_and_season() {
        assert_eq!(Magh.name_bn(), "মাঘ");
        assert_eq!(Magh.name_en(), "Magh");
        assert_eq!(Kartik.season(), Season::Hemonto);
        assert_eq!(Season::Sheet.name_bn(), "শীত");
        for (index, month) in BanglaMonth::ALL.into_iter().enumerate() {
            assert_eq!(usize::from(month.number()), index + 1);
            assert_eq!(BanglaMonth::from_number(month.number()), Some(month));
            assert_eq!(BanglaMonth::from_name(month.name_bn()), Some(month));
            assert_eq!(BanglaMonth::from_name(month.name_en()), Some(month));
            assert!(month.season().months().contains(&month));
        }
        assert_eq!(BanglaMonth::from_number(0), None);
        assert_eq!(BanglaMonth::from_number(13), None);
    }

    #[test]
    fn variant_spellings_of_bangla_months_are_accepted() {
        assert_eq!(BanglaMonth::from_name("জৈষ্ঠ"), Some(Jyoishtho));
        assert_eq!(BanglaMonth::from_name("অগ্রহায়ন"), Some(Ogrohayon));
        assert_eq!(BanglaMonth::from_name("CHAITRA"), Some(Choitro));
        assert_eq!(BanglaMonth::from_name("আষা\u{09DD}"), Some(Asharh));
        assert_eq!(BanglaMonth::from_name("January"), None);
    }

    #[test]
    fn seasons_cover_the_year_two_months_each_from_boishakh() {
        let seasons: Vec<Season> = BanglaMonth::ALL.iter().map(|m| m.season()).collect();
        let expected = [
            Season::Grishmo,
            Season::Borsha,
            Season::Shorot,
            Season::Hemonto,
            Season::Sheet,
            Season::Boshonto,
        ];
        for (pair, season) in seasons.chunks(2).zip(expected) {
            assert_eq!(pair, [season, season]);
        }
    }
}
