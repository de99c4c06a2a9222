//! The clock: the only source of "now", so tests can fix it and "today" is always the Dhaka date.

use std::fmt::Debug;

use chrono::{DateTime, NaiveDate, Utc};

/// Tells the current instant.
pub trait Clock: Send + Sync + Debug {
    fn now(&self) -> DateTime<Utc>;

    /// Today's date in Bangladesh (UTC+6), whatever the server's time zone.
    fn today(&self) -> NaiveDate {
        bangla::today_in_dhaka(self.now())
    }
}

/// The machine's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock stopped at one instant, for tests and reproducible documents.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn late_evening_utc_is_already_tomorrow_in_dhaka() {
        let clock = FixedClock("2026-02-02T18:30:00Z".parse().unwrap());
        assert_eq!(clock.today(), NaiveDate::from_ymd_opt(2026, 2, 3).unwrap());
    }
}
