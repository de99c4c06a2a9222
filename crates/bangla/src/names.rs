//! Names of the Gregorian months and of the weekdays, in Bengali and English, and reading them back.

use chrono::{Datelike, Month, NaiveDate, Weekday};

use crate::text::{fold, matches_any};

const MONTHS: [Month; 12] = [
    Month::January,
    Month::February,
    Month::March,
    Month::April,
    Month::May,
    Month::June,
    Month::July,
    Month::August,
    Month::September,
    Month::October,
    Month::November,
    Month::December,
];

/// Weekdays from Sunday, the first day of the Bangladeshi government work week (chrono counts from Monday).
const WEEKDAYS: [Weekday; 7] = [
    Weekday::Sun,
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
];

/// Gregorian months as Bangladeshi government documents spell them (জানুয়ারি and সেপ্টেম্বর as in the seeds).
const MONTHS_BN: [&str; 12] = [
    "জানুয়ারি",
    "ফেব্রুয়ারি",
    "মার্চ",
    "এপ্রিল",
    "মে",
    "জুন",
    "জুলাই",
    "আগস্ট",
    "সেপ্টেম্বর",
    "অক্টোবর",
    "নভেম্বর",
    "ডিসেম্বর",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Other spellings met in public pages and code, accepted when reading. Each entry lists every accepted
/// form of one month (Bengali variants, English abbreviations), January first.
const MONTH_SPELLINGS: [&[&str]; 12] = [
    &["জানুয়ারি", "জানুয়ারী", "january", "jan"],
    &["ফেব্রুয়ারি", "ফেব্রুয়ারী", "ফেব্রুআরি", "february", "feb"],
    &["মার্চ", "march", "mar"],
    &["এপ্রিল", "april", "apr"],
    &["মে", "may"],
    &["জুন", "june", "jun"],
    &["জুলাই", "july", "jul"],
    &["আগস্ট", "আগষ্ট", "অগাস্ট", "august", "aug"],
    &["সেপ্টেম্বর", "september", "sept", "sep"],
    &["অক্টোবর", "october", "oct"],
    &["নভেম্বর", "november", "nov"],
    &["ডিসেম্বর", "december", "dec"],
];

const WEEKDAYS_BN: [&str; 7] = [
    "রবিবার",
    "সোমবার",
    "মঙ্গলবার",
    "বুধবার",
    "বৃহস্পতিবার",
    "শুক্রবার",
    "শনিবার",
];

const WEEKDAYS_EN: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// Accepted forms of each weekday, Sunday first: the name with and without "বার", the common spelling
/// রোববার, and English names and abbreviations.
const WEEKDAY_SPELLINGS: [&[&str]; 7] = [
    &["রবিবার", "রোববার", "রবি", "sunday", "sun"],
    &["সোমবার", "সোম", "monday", "mon"],
    &["মঙ্গলবার", "মঙ্গল", "tuesday", "tue", "tues"],
    &["বুধবার", "বুধ", "wednesday", "wed"],
    &["বৃহস্পতিবার", "বৃহস্পতি", "thursday", "thu", "thurs"],
    &["শুক্রবার", "শুক্র", "friday", "fri"],
    &["শনিবার", "শনি", "saturday", "sat"],
];

/// The Bengali name of a Gregorian month: `Month::January` → `"জানুয়ারি"`.
pub fn month_name_bn(month: Month) -> &'static str {
    MONTHS_BN[month.number_from_month() as usize - 1]
}

/// The English name of a Gregorian month: `Month::January` → `"January"`.
pub fn month_name_en(month: Month) -> &'static str {
    MONTHS_EN[month.number_from_month() as usize - 1]
}

/// The month of a date, as chrono's [`Month`].
pub(crate) fn month_of(date: NaiveDate) -> Month {
    // month0() is 0..=11 for every date.
    MONTHS[date.month0() as usize]
}

/// Reads a Gregorian month name in Bengali or English (any letter case; common variant spellings such as
/// ফেব্রুয়ারী and আগষ্ট, and English abbreviations such as "Sept", are accepted).
pub fn parse_month(name: &str) -> Option<Month> {
    let folded = fold(name.trim());
    let index = MONTH_SPELLINGS
        .iter()
        .position(|spellings| matches_any(&folded, spellings))?;
    MONTHS.get(index).copied()
}

/// The Bengali name of a weekday: `Weekday::Sun` → `"রবিবার"`.
pub fn weekday_name_bn(weekday: Weekday) -> &'static str {
    WEEKDAYS_BN[weekday.num_days_from_sunday() as usize]
}

/// The English name of a weekday: `Weekday::Sun` → `"Sunday"`.
pub fn weekday_name_en(weekday: Weekday) -> &'static str {
    WEEKDAYS_EN[weekday.num_days_from_sunday() as usize]
}

/// Reads a weekday name in Bengali or English (with or without "বার"; English abbreviations accepted).
pub fn parse_weekday(name: &str) -> Option<Weekday> {
    let folded = fold(name.trim());
    let index = WEEKDAY_SPELLINGS
        .iter()
        .position(|spellings| matches_any(&folded, spellings))?;
    WEEKDAYS.get(index).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn january_and_september_are_spelled_as_in_the_seeds() {
        assert_eq!(month_name_bn(Month::January), "জানুয়ারি");
        assert_eq!(month_name_bn(Month::September), "সেপ্টেম্বর");
        assert_eq!(month_name_en(Month::September), "September");
    }

    #[test]
    fn every_month_name_reads_back_in_both_languages() {
        for month in MONTHS {
            assert_eq!(parse_month(month_name_bn(month)), Some(month));
            assert_eq!(parse_month(month_name_en(month)), Some(month));
            assert_eq!(
                parse_month(&month_name_en(month).to_uppercase()),
                Some(month)
            );
        }
    }

    #[test]
    fn variant_spellings_of_months_are_accepted() {
        assert_eq!(parse_month("ফেব্রুয়ারী"), Some(Month::February));
        assert_eq!(parse_month("আগষ্ট"), Some(Month::August));
        assert_eq!(parse_month("জানুয়ারী"), Some(Month::January));
        assert_eq!(parse_month("জানু\u{09DF}ারি"), Some(Month::January));
        assert_eq!(parse_month("Sept"), Some(Month::September));
        assert_eq!(parse_month("মাঘ"), None);
    }

    #[test]
    fn generated_names_use_the_encoding_of_the_seeds() {
        // The seeds, like Unicode NFC, write য় as য + nukta and ো whole; never the other encodings.
        let names = MONTHS_BN.iter().chain(&WEEKDAYS_BN).copied();
        let bangla_months = crate::BanglaMonth::ALL.map(crate::BanglaMonth::name_bn);
        for name in names.chain(bangla_months) {
            assert!(
                !name.contains(['\u{09DC}', '\u{09DD}', '\u{09DF}']),
                "{name}"
            );
            assert!(!name.contains("\u{09C7}\u{09BE}"), "{name}");
        }
    }

    #[test]
    fn every_weekday_name_reads_back_in_both_languages() {
        for weekday in WEEKDAYS {
            assert_eq!(parse_weekday(weekday_name_bn(weekday)), Some(weekday));
            assert_eq!(parse_weekday(weekday_name_en(weekday)), Some(weekday));
        }
        assert_eq!(weekday_name_bn(Weekday::Thu), "বৃহস্পতিবার");
        assert_eq!(parse_weekday("রোববার"), Some(Weekday::Sun));
        assert_eq!(parse_weekday("fri"), Some(Weekday::Fri));
        assert_eq!(parse_weekday("someday"), None);
    }
}
