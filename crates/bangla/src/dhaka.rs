//! Dhaka local time (UTC+6, no daylight saving): today's date there and when a day there ends.
//!
//! The pure functions take the clock as an argument so that callers and tests decide what "now" is.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};

/// Bangladesh Standard Time, UTC+06:00. Bangladesh tried daylight saving time only once, from 19 June to
/// 31 December 2009; a fixed offset is exact for every other date and for everything the application stores.
pub const DHAKA_OFFSET: FixedOffset = match FixedOffset::east_opt(6 * 3600) {
    Some(offset) => offset,
    None => panic!("UTC+6 is a valid offset"),
};

/// Dhaka midnight, expressed as a UTC time of day on the previous date.
const DHAKA_MIDNIGHT_IN_UTC: NaiveTime = match NaiveTime::from_hms_opt(18, 0, 0) {
    Some(time) => time,
    None => panic!("18:00 is a valid time"),
};

/// The calendar date in Dhaka at the instant `now`. Between 18:00 and 24:00 UTC this is the UTC date
/// plus one; converting the UTC date instead is the bug seen on news mastheads (domain.md §9.2).
///
/// For the last six hours chrono can represent (year 262143) the Dhaka date does not exist in chrono;
/// the last date it has is returned there.
pub fn today_in_dhaka(now: DateTime<Utc>) -> NaiveDate {
    now.naive_utc()
        .checked_add_offset(DHAKA_OFFSET)
        .map_or(NaiveDate::MAX, |local| local.date())
}

/// The instant a Dhaka calendar day ends, which is also the instant the next one begins: for 3 February
/// 2026, `2026-02-03T18:00:00Z` (midnight between the 3rd and the 4th in Dhaka).
///
/// A deadline "by the 3rd" is met by any instant strictly before this one.
pub fn end_of_day_in_dhaka(date: NaiveDate) -> DateTime<Utc> {
    date.and_time(DHAKA_MIDNIGHT_IN_UTC).and_utc()
}

/// The current time in Dhaka, read from the system clock. Prefer passing a clock to the pure functions.
pub fn now_in_dhaka() -> DateTime<FixedOffset> {
    Utc::now().with_timezone(&DHAKA_OFFSET)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    fn utc(text: &str) -> DateTime<Utc> {
        text.parse().expect("test instants are valid RFC 3339")
    }

    fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("test dates are valid")
    }

    #[test]
    fn six_pm_utc_is_already_tomorrow_in_dhaka() {
        assert_eq!(
            today_in_dhaka(utc("2026-01-25T17:59:59Z")),
            ymd(2026, 1, 25)
        );
        assert_eq!(
            today_in_dhaka(utc("2026-01-25T18:00:00Z")),
            ymd(2026, 1, 26)
        );
        assert_eq!(
            today_in_dhaka(utc("2026-01-26T00:00:00Z")),
            ymd(2026, 1, 26)
        );
    }

    #[test]
    fn a_deadline_of_the_third_ends_at_dhaka_midnight() {
        let end = end_of_day_in_dhaka(ymd(2026, 2, 3));
        assert_eq!(end, utc("2026-02-03T18:00:00Z"));
        assert_eq!(
            end.with_timezone(&DHAKA_OFFSET).to_rfc3339(),
            "2026-02-04T00:00:00+06:00"
        );
        assert_eq!(
            today_in_dhaka(end - TimeDelta::nanoseconds(1)),
            ymd(2026, 2, 3)
        );
        assert_eq!(today_in_dhaka(end), ymd(2026, 2, 4));
    }

    #[test]
    fn the_offset_is_six_hours_east() {
        assert_eq!(DHAKA_OFFSET.local_minus_utc(), 6 * 3600);
    }

    #[test]
    fn the_very_last_instant_chrono_knows_does_not_panic() {
        assert_eq!(today_in_dhaka(DateTime::<Utc>::MAX_UTC), NaiveDate::MAX);
    }

    #[test]
    fn the_system_clock_reads_as_dhaka_time() {
        assert_eq!(now_in_dhaka().offset(), &DHAKA_OFFSET);
    }
}
