//! Dates and times as government documents write them (domain.md §8.3), in Bengali and English, both ways.
//!
//! Generators: headers carry the long Bangla date over the long Gregorian date (`১২ মাঘ ১৪৩২ বঙ্গাব্দ`,
//! `২৬ জানুয়ারি ২০২৬ খ্রিস্টাব্দ`); signature blocks use dd-mm-yyyy. [`parse_date`] reads every style the
//! seeds show, and ISO, in either digit script.

use std::error::Error;
use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

use crate::calendar::{BanglaDate, BanglaMonth, CalendarError};
use crate::digits::{to_ascii_digits, to_bengali_digits};
use crate::names::{month_name_bn, month_name_en, month_of, parse_month};
use crate::text::fold;

/// `"১২ মাঘ ১৪৩২"`.
pub fn bangla_date_long_bn(date: BanglaDate) -> String {
    to_bengali_digits(&format!(
        "{} {} {}",
        date.day(),
        date.month().name_bn(),
        date.year()
    ))
}

/// `"১২ মাঘ ১৪৩২ বঙ্গাব্দ"`, as in the header of an order.
pub fn bangla_date_long_bn_with_era(date: BanglaDate) -> String {
    format!("{} বঙ্গাব্দ", bangla_date_long_bn(date))
}

/// `"12 Magh 1432"`.
pub fn bangla_date_long_en(date: BanglaDate) -> String {
    format!("{} {} {}", date.day(), date.month().name_en(), date.year())
}

/// `"12 Magh 1432 BS"` (Bangla Sal, the usual English marker of the Bangla era).
pub fn bangla_date_long_en_with_era(date: BanglaDate) -> String {
    format!("{} BS", bangla_date_long_en(date))
}

/// `"২৬ জানুয়ারি ২০২৬"`, `"১৫ সেপ্টেম্বর ২০২২"`.
pub fn gregorian_date_long_bn(date: NaiveDate) -> String {
    to_bengali_digits(&format!(
        "{} {} {}",
        date.day(),
        month_name_bn(month_of(date)),
        date.year()
    ))
}

/// `"২৬ জানুয়ারি ২০২৬ খ্রিস্টাব্দ"`, as in the header of an order.
pub fn gregorian_date_long_bn_with_era(date: NaiveDate) -> String {
    format!("{} খ্রিস্টাব্দ", gregorian_date_long_bn(date))
}

/// `"নভেম্বর ২০২৬"`, the month a monthly return is for.
pub fn gregorian_month_year_bn(date: NaiveDate) -> String {
    to_bengali_digits(&format!(
        "{} {}",
        month_name_bn(month_of(date)),
        date.year()
    ))
}

/// `"November 2026"`.
pub fn gregorian_month_year_en(date: NaiveDate) -> String {
    format!("{} {}", month_name_en(month_of(date)), date.year())
}

/// `"26 January 2026"`.
pub fn gregorian_date_long_en(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month_name_en(month_of(date)),
        date.year()
    )
}

/// `"২৬-০১-২০২৬"`, as under a signature.
pub fn date_dmy_dash_bn(date: NaiveDate) -> String {
    to_bengali_digits(&date_dmy_dash_en(date))
}

/// `"26-01-2026"`.
pub fn date_dmy_dash_en(date: NaiveDate) -> String {
    format!("{:02}-{:02}-{:04}", date.day(), date.month(), date.year())
}

/// `"০৬.১১.২০২৫"`, as when citing another office's memo.
pub fn date_dmy_dot_bn(date: NaiveDate) -> String {
    to_bengali_digits(&date_dmy_dot_en(date))
}

/// `"06.11.2025"`.
pub fn date_dmy_dot_en(date: NaiveDate) -> String {
    format!("{:02}.{:02}.{:04}", date.day(), date.month(), date.year())
}

/// The part of the day a Bengali time names before the 12-hour clock reading ("বেলা ১১.০০টা").
///
/// Boundaries, following common Bangladeshi usage and the seed's "বেলা ১১.০০টা" for 11 a.m.:
/// রাত 20:00–05:59, সকাল 06:00–10:59, বেলা 11:00–14:59, বিকাল 15:00–17:59, সন্ধ্যা 18:00–19:59.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayPeriod {
    /// সকাল, morning: 06:00–10:59.
    Morning,
    /// বেলা, late morning and midday: 11:00–14:59.
    Daytime,
    /// বিকাল, afternoon: 15:00–17:59.
    Afternoon,
    /// সন্ধ্যা, evening: 18:00–19:59.
    Evening,
    /// রাত, night: 20:00–05:59.
    Night,
}

impl DayPeriod {
    /// The period a time of day falls in.
    pub fn of(time: NaiveTime) -> Self {
        match time.hour() {
            6..=10 => Self::Morning,
            11..=14 => Self::Daytime,
            15..=17 => Self::Afternoon,
            18..=19 => Self::Evening,
            _ => Self::Night,
        }
    }

    /// `"সকাল"`, `"বেলা"`, `"বিকাল"`, `"সন্ধ্যা"` or `"রাত"`.
    pub const fn name_bn(self) -> &'static str {
        match self {
            Self::Morning => "সকাল",
            Self::Daytime => "বেলা",
            Self::Afternoon => "বিকাল",
            Self::Evening => "সন্ধ্যা",
            Self::Night => "রাত",
        }
    }
}

/// `"বেলা ১১.০০টা"`: the part of the day, the 12-hour clock with a dot, and টা ("o'clock").
pub fn time_bn(time: NaiveTime) -> String {
    to_bengali_digits(&format!(
        "{} {}.{:02}টা",
        DayPeriod::of(time).name_bn(),
        twelve_hour(time),
        time.minute()
    ))
}

/// `"11.00 a.m."`, matching the dot of the Bengali style.
pub fn time_en(time: NaiveTime) -> String {
    let meridiem = if time.hour() < 12 { "a.m." } else { "p.m." };
    format!("{}.{:02} {meridiem}", twelve_hour(time), time.minute())
}

fn twelve_hour(time: NaiveTime) -> u32 {
    match time.hour() % 12 {
        0 => 12,
        hour => hour,
    }
}

/// Why a written date could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseDateError {
    /// The text follows none of the accepted styles.
    Unrecognised,
    /// A word stands where a month name should be.
    UnknownMonth,
    /// The month has no such day in that year (31-02-2026, 31 Kartik 1432).
    NoSuchDay,
    /// The year lies outside what the calendar supports (see [`BanglaDate::MIN_YEAR`]).
    OutOfRange,
}

impl fmt::Display for ParseDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Unrecognised => "not a date in a recognised style",
            Self::UnknownMonth => "unknown month name",
            Self::NoSuchDay => "the month has no such day",
            Self::OutOfRange => "the year is outside the supported range",
        })
    }
}

impl Error for ParseDateError {}

impl From<CalendarError> for ParseDateError {
    fn from(error: CalendarError) -> Self {
        match error {
            CalendarError::NoSuchDay { .. } => Self::NoSuchDay,
            CalendarError::YearOutOfRange(_) | CalendarError::DateOutOfRange(_) => Self::OutOfRange,
        }
    }
}

/// Which calendar an era marker after a date names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Era {
    Bangla,
    Gregorian,
    Unstated,
}

/// Era markers, longer spellings before their own prefixes so the longest one is stripped.
const ERA_MARKERS: [(&str, Era); 14] = [
    ("বঙ্গাব্দ", Era::Bangla),
    ("b.s.", Era::Bangla),
    ("b.s", Era::Bangla),
    ("bs", Era::Bangla),
    ("খ্রিস্টাব্দ", Era::Gregorian),
    ("খ্রিষ্টাব্দ", Era::Gregorian),
    ("খ্রি.", Era::Gregorian),
    ("খ্রি", Era::Gregorian),
    ("ইংরেজি", Era::Gregorian),
    ("ইং.", Era::Gregorian),
    ("ইং", Era::Gregorian),
    ("a.d.", Era::Gregorian),
    ("ad", Era::Gregorian),
    ("ce", Era::Gregorian),
];

/// Ordinal endings written after a day number: ১লা, ২রা, ৪ঠা, ৫ই, ২১শে; 1st, 2nd, 3rd, 4th.
const DAY_ORDINAL_SUFFIXES: [&str; 9] = ["লা", "রা", "ঠা", "ই", "শে", "st", "nd", "rd", "th"];

/// Reads a date written in any style of domain.md §8.3, in either digit script, and returns it as a
/// Gregorian date:
///
/// - `১২ মাঘ ১৪৩২ বঙ্গাব্দ`, `12 Magh 1432 BS` (Bangla calendar, converted; the era marker is optional);
/// - `২৬ জানুয়ারি ২০২৬ খ্রিস্টাব্দ`, `26 January 2026`, `January 26, 2026`, `২১শে ফেব্রুয়ারি ২০২৬`;
/// - `৩০ সেপ্টেম্বর'২২` (a two-digit year after an apostrophe means 20yy);
/// - `০৬.১১.২০২৫`, `২৬-০১-২০২৬`, `26/01/2026`, `৩০-০৯-২০২২ ইং` (day first, four-digit year; spaces
///   around the separators are tolerated, as in the seed's `০৬.১১. ২০২৫`);
/// - ISO `2026-01-26`.
///
/// A numeric date followed by বঙ্গাব্দ is read as day-month-year of the Bangla calendar.
pub fn parse_date(text: &str) -> Result<NaiveDate, ParseDateError> {
    let folded = fold(&to_ascii_digits(text));
    let (body, era) = split_era(folded.trim());
    if body.starts_with(|c: char| c.is_ascii_digit()) && body.chars().all(is_numeric_date_char) {
        parse_numeric_date(body, era)
    } else {
        parse_worded_date(body, era)
    }
}

fn split_era(text: &str) -> (&str, Era) {
    for (marker, era) in ERA_MARKERS {
        if let Some(body) = text.strip_suffix(fold(marker).as_str()) {
            return (body.trim_end(), era);
        }
    }
    (text, Era::Unstated)
}

fn is_numeric_date_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '-' | '.' | '/') || c.is_whitespace()
}

/// `dd-mm-yyyy`, `dd.mm.yyyy`, `dd/mm/yyyy` or `yyyy-mm-dd`.
fn parse_numeric_date(body: &str, era: Era) -> Result<NaiveDate, ParseDateError> {
    let parts: Vec<&str> = body.split(['-', '.', '/']).map(str::trim).collect();
    let [first, second, third] = parts[..] else {
        return Err(ParseDateError::Unrecognised);
    };
    let short = |part: &str| (1..=2).contains(&part.len());
    let (year, month, day) = if first.len() == 4 && short(second) && short(third) {
        (first, second, third)
    } else if short(first) && short(second) && third.len() == 4 {
        (third, second, first)
    } else {
        return Err(ParseDateError::Unrecognised);
    };
    let year: i32 = number(year)?;
    let month: u32 = number(month)?;
    let day: u32 = number(day)?;
    match era {
        Era::Bangla => {
            let month = u8::try_from(month)
                .ok()
                .and_then(BanglaMonth::from_number)
                .ok_or(ParseDateError::NoSuchDay)?;
            bangla_to_gregorian(year, month, day)
        }
        Era::Gregorian | Era::Unstated => gregorian(year, month, day),
    }
}

/// `day month year`, or `month day year` as English sometimes has it; commas are ignored.
fn parse_worded_date(body: &str, era: Era) -> Result<NaiveDate, ParseDateError> {
    // "সেপ্টেম্বর'২২": the apostrophe joins month and two-digit year, so split there as well.
    let spaced = body.replace(',', " ").replace(['\'', '’', '‘'], " '");
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    let [first, second, year] = tokens[..] else {
        return Err(ParseDateError::Unrecognised);
    };
    let (day, month) = if first.starts_with(|c: char| c.is_ascii_digit()) {
        (first, second)
    } else {
        (second, first)
    };
    let day = day_number(day)?;

    if let Some(month) = BanglaMonth::from_name(month) {
        if era == Era::Gregorian || year.starts_with('\'') {
            return Err(ParseDateError::Unrecognised);
        }
        return bangla_to_gregorian(number(year)?, month, day);
    }
    let month = parse_month(month).ok_or(ParseDateError::UnknownMonth)?;
    if era == Era::Bangla {
        return Err(ParseDateError::Unrecognised);
    }
    let year = match year.strip_prefix('\'') {
        // The seeds' '২২ is 2022; government documents of the last century are out of scope.
        Some(two_digits) if two_digits.len() == 2 => 2000 + number::<i32>(two_digits)?,
        Some(_) => return Err(ParseDateError::Unrecognised),
        None => number(year)?,
    };
    gregorian(year, month.number_from_month(), day)
}

/// A day number with an optional ordinal ending (২১শে, 1st).
fn day_number(token: &str) -> Result<u32, ParseDateError> {
    let split = token
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(token.len());
    let (digits, ending) = token.split_at(split);
    if ending.is_empty() || DAY_ORDINAL_SUFFIXES.iter().any(|s| fold(s) == ending) {
        number(digits)
    } else {
        Err(ParseDateError::Unrecognised)
    }
}

/// An unsigned run of ASCII digits (the input was already converted from Bengali digits).
fn number<T: std::str::FromStr>(digits: &str) -> Result<T, ParseDateError> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ParseDateError::Unrecognised);
    }
    digits.parse().map_err(|_| ParseDateError::OutOfRange)
}

fn gregorian(year: i32, month: u32, day: u32) -> Result<NaiveDate, ParseDateError> {
    if !(1..=12).contains(&month) {
        return Err(ParseDateError::NoSuchDay);
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or(ParseDateError::NoSuchDay)
}

fn bangla_to_gregorian(
    year: i32,
    month: BanglaMonth,
    day: u32,
) -> Result<NaiveDate, ParseDateError> {
    let day = u8::try_from(day).map_err(|_| ParseDateError::NoSuchDay)?;
    Ok(BanglaDate::new(year, month, day)?.to_gregorian())
}

/// Why a written time could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseTimeError {
    /// The text follows none of the accepted styles.
    Unrecognised,
    /// An hour or minute beyond the clock (13 with a part of the day, 60 minutes).
    OutOfRange,
}

impl fmt::Display for ParseTimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Unrecognised => "not a time in a recognised style",
            Self::OutOfRange => "hour or minute out of range",
        })
    }
}

impl Error for ParseTimeError {}

/// A word for a part of the day and the hours (`first..end`, wrapping past midnight) it covers. A
/// 12-hour reading is placed in the a.m. or p.m. hour that falls in that span, or else in `pm_otherwise`.
#[derive(Debug, Clone, Copy)]
struct PeriodWord {
    spelling: &'static str,
    first: u32,
    end: u32,
    pm_otherwise: bool,
}

impl PeriodWord {
    const fn new(spelling: &'static str, first: u32, end: u32, pm_otherwise: bool) -> Self {
        Self {
            spelling,
            first,
            end,
            pm_otherwise,
        }
    }

    fn covers(self, hour: u32) -> bool {
        if self.first < self.end {
            (self.first..self.end).contains(&hour)
        } else {
            hour >= self.first || hour < self.end
        }
    }

    fn hour_24(self, hour_12: u32) -> u32 {
        let am = hour_12 % 12;
        let pm = am + 12;
        if self.covers(am) {
            am
        } else if self.covers(pm) || self.pm_otherwise {
            pm
        } else {
            am
        }
    }
}

/// The five periods [`time_bn`] writes, plus ভোর (dawn) and দুপুর (noon) and the inflected forms ("রাতে"),
/// each inflected form before its stem so that the longest match wins.
const PERIOD_WORDS: [PeriodWord; 14] = [
    PeriodWord::new("ভোরে", 4, 6, false),
    PeriodWord::new("ভোর", 4, 6, false),
    PeriodWord::new("সকালে", 6, 11, false),
    PeriodWord::new("সকাল", 6, 11, false),
    PeriodWord::new("বেলা", 11, 15, true),
    PeriodWord::new("দুপুরে", 12, 15, true),
    PeriodWord::new("দুপুর", 12, 15, true),
    PeriodWord::new("বিকালে", 15, 18, true),
    PeriodWord::new("বিকাল", 15, 18, true),
    PeriodWord::new("বিকেলে", 15, 18, true),
    PeriodWord::new("বিকেল", 15, 18, true),
    PeriodWord::new("সন্ধ্যা", 18, 20, true),
    PeriodWord::new("রাতে", 20, 6, true),
    PeriodWord::new("রাত", 20, 6, true),
];

/// Reads a time: `বেলা ১১.০০টা`, `সকাল ১০টা`, `বিকেল ৩.৩০ টায়`, `রাত ৮.০০ ঘটিকা`, `11.00 a.m.`,
/// `3:30 PM`, or a 24-hour `14:30`. With a part of the day or a.m./p.m. the hour must be 1–12.
pub fn parse_time(text: &str) -> Result<NaiveTime, ParseTimeError> {
    let folded = fold(&to_ascii_digits(text));
    let mut rest = folded.trim();

    let mut period = None;
    for word in PERIOD_WORDS {
        if let Some(after) = rest.strip_prefix(fold(word.spelling).as_str()) {
            // "সন্ধ্যায়" is সন্ধ্যা + য়; take the locative ending with it.
            let after = after.strip_prefix(fold("য়").as_str()).unwrap_or(after);
            period = Some(word);
            rest = after.trim_start();
            break;
        }
    }
    for suffix in ["ঘটিকায়", "ঘটিকা", "টায়", "টা"] {
        if let Some(before) = rest.strip_suffix(fold(suffix).as_str()) {
            rest = before.trim_end();
            break;
        }
    }
    let mut afternoon = None;
    for (suffix, pm) in [
        ("a.m.", false),
        ("a.m", false),
        ("am", false),
        ("p.m.", true),
        ("p.m", true),
        ("pm", true),
    ] {
        if let Some(before) = rest.strip_suffix(suffix) {
            afternoon = Some(pm);
            rest = before.trim_end();
            break;
        }
    }

    let (hour, minute) = match rest.split_once(['.', ':']) {
        Some((hour, minute)) if minute.len() == 2 => (hour, minute),
        Some(_) => return Err(ParseTimeError::Unrecognised),
        None => (rest, "00"),
    };
    let hour = clock_number(hour)?;
    let minute = clock_number(minute)?;

    let hour = match (period, afternoon) {
        (Some(_), Some(_)) => return Err(ParseTimeError::Unrecognised),
        (Some(word), None) => word.hour_24(twelve_hour_reading(hour)?),
        (None, Some(pm)) => twelve_hour_reading(hour)? % 12 + if pm { 12 } else { 0 },
        (None, None) => hour,
    };
    NaiveTime::from_hms_opt(hour, minute, 0).ok_or(ParseTimeError::OutOfRange)
}

fn clock_number(digits: &str) -> Result<u32, ParseTimeError> {
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ParseTimeError::Unrecognised);
    }
    digits.parse().map_err(|_| ParseTimeError::Unrecognised)
}

fn twelve_hour_reading(hour: u32) -> Result<u32, ParseTimeError> {
    if (1..=12).contains(&hour) {
        Ok(hour)
    } else {
        Err(ParseTimeError::OutOfRange)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use BanglaMonth::*;
    use proptest::prelude::*;

    fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("test dates are valid")
    }

    fn hm(hour: u32, minute: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(hour, minute, 0).expect("test times are valid")
    }

    fn bangla(year: i32, month: BanglaMonth, day: u8) -> BanglaDate {
        BanglaDate::new(year, month, day).expect("test Bangla dates are valid")
    }

    #[test]
    fn the_office_order_header_reads_twelve_magh_over_twenty_six_january() {
        let date = ymd(2026, 1, 26);
        let bangla_date = BanglaDate::from_gregorian(date).expect("2026 is supported");
        assert_eq!(
            bangla_date_long_bn_with_era(bangla_date),
            "১২ মাঘ ১৪৩২ বঙ্গাব্দ"
        );
        assert_eq!(bangla_date_long_bn(bangla_date), "১২ মাঘ ১৪৩২");
        assert_eq!(
            gregorian_date_long_bn_with_era(date),
            "২৬ জানুয়ারি ২০২৬ খ্রিস্টাব্দ"
        );
        assert_eq!(gregorian_date_long_bn(date), "২৬ জানুয়ারি ২০২৬");
    }

    #[test]
    fn the_meeting_date_is_written_fifteen_september_2022() {
        assert_eq!(gregorian_date_long_bn(ymd(2022, 9, 15)), "১৫ সেপ্টেম্বর ২০২২");
    }

    #[test]
    fn numeric_dates_are_zero_padded_with_dash_or_dot() {
        assert_eq!(date_dmy_dash_bn(ymd(2026, 1, 26)), "২৬-০১-২০২৬");
        assert_eq!(date_dmy_dot_bn(ymd(2025, 11, 6)), "০৬.১১.২০২৫");
        assert_eq!(date_dmy_dash_en(ymd(2026, 1, 26)), "26-01-2026");
        assert_eq!(date_dmy_dot_en(ymd(2025, 11, 6)), "06.11.2025");
    }

    #[test]
    fn english_dates_spell_the_month_and_mark_the_bangla_era_bs() {
        assert_eq!(gregorian_date_long_en(ymd(2026, 1, 26)), "26 January 2026");
        assert_eq!(
            bangla_date_long_en_with_era(bangla(1432, Magh, 12)),
            "12 Magh 1432 BS"
        );
        assert_eq!(
            bangla_date_long_en(bangla(1429, Ashwin, 4)),
            "4 Ashwin 1429"
        );
    }

    #[test]
    fn every_date_style_of_the_seeds_is_read() {
        let cases = [
            ("১২ মাঘ ১৪৩২ বঙ্গাব্দ", ymd(2026, 1, 26)),
            ("২৬ জানুয়ারি ২০২৬ খ্রিস্টাব্দ", ymd(2026, 1, 26)),
            ("০৬.১১.২০২৫", ymd(2025, 11, 6)),
            ("০৬.১১. ২০২৫", ymd(2025, 11, 6)),
            ("২৬-০১-২০২৬", ymd(2026, 1, 26)),
            ("৩০ সেপ্টেম্বর'২২", ymd(2022, 9, 30)),
            ("১৫ অক্টোবর'২২", ymd(2022, 10, 15)),
            ("৩০-০৯-২০২২ ইং", ymd(2022, 9, 30)),
            ("2026-01-26", ymd(2026, 1, 26)),
            ("৪ আশ্বিন ১৪২৯", ymd(2022, 9, 19)),
            ("১৫ সেপ্টেম্বর ২০২২", ymd(2022, 9, 15)),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_date(text), Ok(expected), "{text}");
        }
    }

    #[test]
    fn other_common_date_styles_are_read() {
        let cases = [
            ("12 Magh 1432 BS", ymd(2026, 1, 26)),
            ("26 January 2026", ymd(2026, 1, 26)),
            ("January 26, 2026", ymd(2026, 1, 26)),
            ("26 Jan 2026", ymd(2026, 1, 26)),
            ("২১শে ফেব্রুয়ারী ২০২৬", ymd(2026, 2, 21)),
            ("১লা বৈশাখ ১৪৩৩", ymd(2026, 4, 14)),
            ("1st Boishakh 1433", ymd(2026, 4, 14)),
            ("26/01/2026", ymd(2026, 1, 26)),
            ("  ২৬-০১-২০২৬  ", ymd(2026, 1, 26)),
            ("30 September’22", ymd(2022, 9, 30)),
            ("১২-১০-১৪৩২ বঙ্গাব্দ", ymd(2026, 1, 26)),
            ("২৬ জানুয়ারি ২০২৬ খ্রিষ্টাব্দ", ymd(2026, 1, 26)),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_date(text), Ok(expected), "{text}");
        }
    }

    #[test]
    fn impossible_or_garbled_dates_are_rejected_with_a_reason() {
        assert_eq!(parse_date(""), Err(ParseDateError::Unrecognised));
        assert_eq!(parse_date("৩১-০২-২০২৬"), Err(ParseDateError::NoSuchDay));
        assert_eq!(parse_date("২৬-১৩-২০২৬"), Err(ParseDateError::NoSuchDay));
        assert_eq!(parse_date("৩১ কার্তিক ১৪৩২"), Err(ParseDateError::NoSuchDay));
        assert_eq!(parse_date("১২ মাঘ ১২০০"), Err(ParseDateError::OutOfRange));
        assert_eq!(parse_date("১২ ফাগুন ১৪৩২"), Err(ParseDateError::UnknownMonth));
        assert_eq!(
            parse_date("১২ মাঘ ১৪৩২ খ্রিস্টাব্দ"),
            Err(ParseDateError::Unrecognised)
        );
        assert_eq!(
            parse_date("২৬ জানুয়ারি ২০২৬ বঙ্গাব্দ"),
            Err(ParseDateError::Unrecognised)
        );
        assert_eq!(parse_date("২৬-০১-২৬"), Err(ParseDateError::Unrecognised));
        assert_eq!(parse_date("২৬ জানুয়ারি"), Err(ParseDateError::Unrecognised));
        assert_eq!(
            parse_date("২৬x জানুয়ারি ২০২৬"),
            Err(ParseDateError::Unrecognised)
        );
    }

    #[test]
    fn the_meeting_time_is_written_bela_eleven_o_clock() {
        assert_eq!(time_bn(hm(11, 0)), "বেলা ১১.০০টা");
        assert_eq!(time_en(hm(11, 0)), "11.00 a.m.");
        assert_eq!(parse_time("বেলা ১১.০০টা"), Ok(hm(11, 0)));
    }

    #[test]
    fn parts_of_the_day_follow_the_documented_boundaries() {
        let cases = [
            (hm(0, 0), "রাত ১২.০০টা"),
            (hm(5, 59), "রাত ৫.৫৯টা"),
            (hm(6, 0), "সকাল ৬.০০টা"),
            (hm(10, 30), "সকাল ১০.৩০টা"),
            (hm(12, 0), "বেলা ১২.০০টা"),
            (hm(14, 30), "বেলা ২.৩০টা"),
            (hm(15, 0), "বিকাল ৩.০০টা"),
            (hm(18, 0), "সন্ধ্যা ৬.০০টা"),
            (hm(20, 0), "রাত ৮.০০টা"),
        ];
        for (time, text) in cases {
            assert_eq!(time_bn(time), text);
        }
        assert_eq!(time_en(hm(0, 0)), "12.00 a.m.");
        assert_eq!(time_en(hm(12, 0)), "12.00 p.m.");
    }

    #[test]
    fn everyday_ways_of_writing_a_time_are_read() {
        let cases = [
            ("সকাল ১০টা", hm(10, 0)),
            ("বিকেল ৩.৩০ টায়", hm(15, 30)),
            ("বেলা ৩টা", hm(15, 0)),
            ("দুপুর ১২টা", hm(12, 0)),
            ("দুপুর ২.৩০টা", hm(14, 30)),
            ("সন্ধ্যা ৭টা", hm(19, 0)),
            ("সন্ধ্যায় ৬.৩০টায়", hm(18, 30)),
            ("রাত ৮.০০ ঘটিকা", hm(20, 0)),
            ("রাত ৭টা", hm(19, 0)),
            ("ভোর ৫টা", hm(5, 0)),
            ("11:00 AM", hm(11, 0)),
            ("3.30 p.m.", hm(15, 30)),
            ("12.00 a.m.", hm(0, 0)),
            ("14:30", hm(14, 30)),
            ("১৪.৩০", hm(14, 30)),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_time(text), Ok(expected), "{text}");
        }
    }

    #[test]
    fn impossible_times_are_rejected() {
        assert_eq!(parse_time("বেলা ১৩টা"), Err(ParseTimeError::OutOfRange));
        assert_eq!(parse_time("24:00"), Err(ParseTimeError::OutOfRange));
        assert_eq!(parse_time("10:60"), Err(ParseTimeError::OutOfRange));
        assert_eq!(
            parse_time("বেলা ১১.০০ a.m."),
            Err(ParseTimeError::Unrecognised)
        );
        assert_eq!(parse_time("10.5"), Err(ParseTimeError::Unrecognised));
        assert_eq!(parse_time("দশটা"), Err(ParseTimeError::Unrecognised));
    }

    #[test]
    fn every_minute_of_the_day_reads_back_from_both_languages() {
        for minutes in 0..24 * 60 {
            let time = hm(minutes / 60, minutes % 60);
            assert_eq!(parse_time(&time_bn(time)), Ok(time), "{}", time_bn(time));
            assert_eq!(parse_time(&time_en(time)), Ok(time), "{}", time_en(time));
        }
    }

    fn supported_date() -> impl Strategy<Value = NaiveDate> {
        let first = ymd(1900, 1, 1);
        let days = (ymd(2200, 12, 31) - first).num_days();
        (0..=days).prop_map(move |offset| first + chrono::TimeDelta::days(offset))
    }

    proptest! {
        #[test]
        fn every_generated_date_style_reads_back(date in supported_date()) {
            let bangla_date = BanglaDate::from_gregorian(date).expect("1900..=2200 is supported");
            for text in [
                bangla_date_long_bn(bangla_date),
                bangla_date_long_bn_with_era(bangla_date),
                bangla_date_long_en(bangla_date),
                bangla_date_long_en_with_era(bangla_date),
                gregorian_date_long_bn(date),
                gregorian_date_long_bn_with_era(date),
                gregorian_date_long_en(date),
                date_dmy_dash_bn(date),
                date_dmy_dash_en(date),
                date_dmy_dot_bn(date),
                date_dmy_dot_en(date),
                date.format("%Y-%m-%d").to_string(),
            ] {
                prop_assert_eq!(parse_date(&text), Ok(date), "{}", text);
            }
        }

        #[test]
        fn two_digit_years_after_an_apostrophe_are_this_century(date in supported_date()) {
            prop_assume!((2000..=2099).contains(&date.year()));
            let text = format!(
                "{} {}'{:02}",
                to_bengali_digits(&date.day().to_string()),
                month_name_bn(month_of(date)),
                to_bengali_digits(&format!("{:02}", date.year() % 100))
            );
            prop_assert_eq!(parse_date(&text), Ok(date));
        }

        #[test]
        fn the_date_parser_never_panics(text in "\\PC{0,40}") {
            let _ = parse_date(&text);
            let _ = parse_time(&text);
        }
    }
}
