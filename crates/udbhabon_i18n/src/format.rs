//! Dates, times and numbers as each language writes them: Bengali digits and month names in Bengali,
//! and the Bangla date beside the Gregorian where the government writes both.

use bangla::{BanglaDate, FiscalYear, format as bf};
use chrono::{Datelike, NaiveDate, NaiveTime};
use udbhabon_domain::Lang;

/// Digits in the reader's script ("৪০.০০" in Bengali, "40.00" in English).
pub fn digits(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Bn => bangla::to_bengali_digits(text),
        Lang::En => bangla::to_ascii_digits(text),
    }
}

/// A whole number with grouping: "১২,৩৪,৫৬৭" / "12,34,567".
pub fn number(lang: Lang, value: i64) -> String {
    match lang {
        Lang::Bn => bangla::number::format_grouped_bn(value),
        Lang::En => bangla::number::format_grouped_en(value),
    }
}

/// An achievement or target in its unit: a number (two decimals unless whole), a date as
/// "২২-১০-২০২২", or yes/no.
pub fn measure(lang: Lang, value: &udbhabon_domain::plan::score::Measure) -> String {
    use udbhabon_domain::plan::score::Measure;
    match value {
        Measure::Number(number) if number.fract() == 0.0 => digits(lang, &format!("{number:.0}")),
        Measure::Number(number) => digits(lang, &format!("{number:.2}")),
        Measure::Date(day) => date_short(lang, *day),
        Measure::YesNo(true) => crate::t(lang, "plan-yes"),
        Measure::YesNo(false) => crate::t(lang, "plan-no"),
    }
}

/// "১ম ত্রৈমাসিক" / "1st quarter".
pub fn quarter(lang: Lang, quarter: bangla::Quarter) -> String {
    match lang {
        Lang::Bn => quarter.name_bn().to_owned(),
        Lang::En => quarter.name_en().to_owned(),
    }
}

/// A size in whole megabytes, rounded down (a limit of ten megabytes and a little room for the
/// form around a file reads "১০" / "10").
pub fn megabytes(lang: Lang, bytes: usize) -> String {
    let megabytes = bytes / (1024 * 1024);
    number(lang, i64::try_from(megabytes).unwrap_or(i64::MAX))
}

/// Hours from minutes as people count them, to a tenth: "৫.৫", "৩".
pub fn hours(lang: Lang, minutes: u64) -> String {
    let tenths = (minutes * 10 + 30) / 60;
    let text = if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    };
    digits(lang, &text)
}

/// Marks with two decimals: "৬৬.৭৬".
pub fn marks(lang: Lang, value: f64) -> String {
    digits(lang, &format!("{value:.2}"))
}

/// "২৬ জানুয়ারি ২০২৬" / "26 January 2026".
pub fn date(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Bn => bf::gregorian_date_long_bn(date),
        Lang::En => bf::gregorian_date_long_en(date),
    }
}

/// The days something lasted: one date, or the first and the last ("২৫ সেপ্টেম্বর ২০২২ – ২৭ সেপ্টেম্বর
/// ২০২২").
pub fn date_span(lang: Lang, first: NaiveDate, last: NaiveDate) -> String {
    if first == last {
        date(lang, first)
    } else {
        format!("{} – {}", date(lang, first), date(lang, last))
    }
}

/// "নভেম্বর ২০২৬" / "November 2026": the month a monthly return is for.
pub fn month_year(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Bn => bf::gregorian_month_year_bn(date),
        Lang::En => bf::gregorian_month_year_en(date),
    }
}

/// "১২ মাঘ ১৪৩২" / "12 Magh 1432"; `None` outside the years the calendar supports.
pub fn bangla_date(lang: Lang, date: NaiveDate) -> Option<String> {
    let bangla_date = BanglaDate::from_gregorian(date).ok()?;
    Some(match lang {
        Lang::Bn => bf::bangla_date_long_bn(bangla_date),
        Lang::En => bf::bangla_date_long_en(bangla_date),
    })
}

/// Both calendars, Bangla first as letters date them: "১২ মাঘ ১৪৩২ বঙ্গাব্দ / ২৬ জানুয়ারি ২০২৬ খ্রিস্টাব্দ".
pub fn date_both(lang: Lang, date: NaiveDate) -> String {
    let Ok(bangla_date) = BanglaDate::from_gregorian(date) else {
        return self::date(lang, date);
    };
    match lang {
        Lang::Bn => format!(
            "{} / {}",
            bf::bangla_date_long_bn_with_era(bangla_date),
            bf::gregorian_date_long_bn_with_era(date)
        ),
        Lang::En => format!(
            "{} / {}",
            bf::bangla_date_long_en_with_era(bangla_date),
            bf::gregorian_date_long_en(date)
        ),
    }
}

/// The day of the week: "বুধবার" / "Wednesday".
pub fn weekday(lang: Lang, date: NaiveDate) -> &'static str {
    match lang {
        Lang::Bn => bangla::names::weekday_name_bn(date.weekday()),
        Lang::En => bangla::names::weekday_name_en(date.weekday()),
    }
}

/// "২৬-০১-২০২৬" / "26-01-2026", the style under signatures.
pub fn date_short(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Bn => bf::date_dmy_dash_bn(date),
        Lang::En => bf::date_dmy_dash_en(date),
    }
}

/// "বেলা ১১.০০টা" / "11:00 a.m." style.
pub fn time(lang: Lang, time: NaiveTime) -> String {
    match lang {
        Lang::Bn => bf::time_bn(time),
        Lang::En => bf::time_en(time),
    }
}

/// "২০২২-২৩" / "2022-23".
pub fn fiscal_year(lang: Lang, year: FiscalYear) -> String {
    match lang {
        Lang::Bn => year.short_bn(),
        Lang::En => year.short_en(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_order_date_is_written_in_both_calendars_in_each_language() {
        assert_eq!(
            date_both(Lang::Bn, day(2026, 1, 26)),
            "১২ মাঘ ১৪৩২ বঙ্গাব্দ / ২৬ জানুয়ারি ২০২৬ খ্রিস্টাব্দ"
        );
        assert!(date_both(Lang::En, day(2026, 1, 26)).contains("26 January 2026"));
    }

    #[test]
    fn numbers_and_digits_follow_the_language() {
        assert_eq!(number(Lang::Bn, 1_234_567), "১২,৩৪,৫৬৭");
        assert_eq!(number(Lang::En, 1_234_567), "12,34,567");
        assert_eq!(digits(Lang::En, "৪০.০০"), "40.00");
        assert_eq!(
            bangla_date(Lang::Bn, day(2022, 9, 19)).as_deref(),
            Some("৪ আশ্বিন ১৪২৯")
        );
    }
}
