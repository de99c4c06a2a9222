//! What a system needs renewed to keep running (terms of reference item 23; domain-2.md §8): its domain
//! name, its TLS certificate, its licences, its support contract or hosting, each with the day it lapses
//! and how many days ahead its keepers want to be reminded; and where each one stands today.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ValidationErrors;
use crate::register::{SHORT_CHARS, any_day, bounded};
use crate::reminder::ReminderSchedule;
use crate::vocabulary::{chosen, vocabulary};

/// The lead time a renewal is reminded with when none is typed: a domain or a licence bought through
/// the procurement rules takes weeks.
pub const REMIND_DAYS: u32 = 30;

/// The longest lead time taken, in days.
pub const MOST_REMIND_DAYS: u32 = 180;

vocabulary! {
    /// What is renewed.
    pub enum RenewalKind ("renewal kind", "renewal-kind") {
        /// A domain name (a .gov.bd name through BTCL, say).
        Domain => "domain",
        /// A TLS (SSL) certificate.
        Certificate => "certificate",
        /// A software licence or subscription.
        Licence => "licence",
        /// A support and maintenance contract.
        Support => "support",
        /// A hosting or cloud contract.
        Hosting => "hosting",
    }
}

/// One renewal as kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Renewal {
    pub kind: RenewalKind,
    /// What exactly: the domain, the certificate's name, the licence and its seats.
    pub subject: String,
    pub expires_on: NaiveDate,
    /// How many days before it lapses the first reminder goes out.
    pub remind_days: u32,
}

/// A renewal as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RenewalFields {
    pub kind: String,
    pub subject: String,
    pub expires_on: String,
    pub remind_days: String,
}

/// Where a renewal stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenewalStanding {
    /// Lapsed: the day has passed.
    Lapsed,
    /// Within its lead time.
    Due,
    /// Not yet within its lead time.
    Current,
}

impl Renewal {
    /// Where it stands on `today`.
    pub fn standing(&self, today: NaiveDate) -> RenewalStanding {
        let days_left = (self.expires_on - today).num_days();
        if days_left < 0 {
            RenewalStanding::Lapsed
        } else if days_left <= i64::from(self.remind_days) {
            RenewalStanding::Due
        } else {
            RenewalStanding::Current
        }
    }

    /// Its reminders: at its lead time, the day before it lapses, and once it has lapsed.
    pub fn schedule(&self) -> ReminderSchedule {
        ReminderSchedule {
            days_before: vec![self.remind_days, 1],
            escalate_after: 0,
        }
    }
}

/// Checks a renewal: its kind, what it is, the day it lapses, and a lead time of 1 to 180 days (30
/// when left empty).
pub fn check_renewal(fields: &RenewalFields) -> Result<Renewal, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let kind = chosen::<RenewalKind>("kind", &fields.kind, &mut errors);
    let subject = bounded("subject", &fields.subject, (true, SHORT_CHARS), &mut errors);
    // Any day: a renewal already lapsed is recorded too.
    let expires_on = any_day("expires_on", &fields.expires_on, &mut errors);
    let typed = bangla::digits::to_ascii_digits(fields.remind_days.trim());
    let remind_days = if typed.is_empty() {
        Some(REMIND_DAYS)
    } else {
        typed
            .parse::<u32>()
            .ok()
            .filter(|days| (1..=MOST_REMIND_DAYS).contains(days))
    };
    if remind_days.is_none() {
        errors
            .add("remind_days", "error-renewal-remind-days")
            .with("max", MOST_REMIND_DAYS);
    }
    match (kind, expires_on, remind_days) {
        (Some(kind), Some(expires_on), Some(remind_days)) if errors.is_empty() => Ok(Renewal {
            kind,
            subject,
            expires_on,
            remind_days,
        }),
        _ => Err(errors),
    }
}

/// Checks the new lapse date of a renewal renewed: a later day than the one it had.
pub fn check_renewed(renewal: &Renewal, expires_on: &str) -> Result<Renewal, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    match any_day("expires_on", expires_on, &mut errors) {
        Some(date) if date > renewal.expires_on => Ok(Renewal {
            expires_on: date,
            ..renewal.clone()
        }),
        Some(_) => {
            errors.add("expires_on", "error-renewal-not-later");
            Err(errors)
        }
        None => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reminder::ReminderStep;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn certificate(remind_days: &str) -> RenewalFields {
        RenewalFields {
            kind: "certificate".into(),
            subject: "lims.mole.gov.bd".into(),
            expires_on: "১৫-০১-২০২৭".into(),
            remind_days: remind_days.into(),
        }
    }

    #[test]
    fn a_renewal_is_reminded_at_its_lead_time_and_the_day_before() {
        let renewal = check_renewal(&certificate("")).unwrap();
        assert_eq!(renewal.expires_on, day("2027-01-15"));
        assert_eq!(renewal.remind_days, REMIND_DAYS);
        assert_eq!(
            renewal.standing(day("2026-12-15")),
            RenewalStanding::Current
        );
        assert_eq!(renewal.standing(day("2026-12-16")), RenewalStanding::Due);
        assert_eq!(renewal.standing(day("2027-01-15")), RenewalStanding::Due);
        assert_eq!(renewal.standing(day("2027-01-16")), RenewalStanding::Lapsed);
        let schedule = renewal.schedule();
        assert_eq!(schedule.step(renewal.expires_on, day("2026-12-15")), None);
        assert_eq!(
            schedule.step(renewal.expires_on, day("2026-12-20")),
            Some(ReminderStep::Before(30))
        );
        assert_eq!(
            schedule.step(renewal.expires_on, day("2027-01-14")),
            Some(ReminderStep::Before(1))
        );
        assert_eq!(
            schedule.step(renewal.expires_on, day("2027-01-16")),
            Some(ReminderStep::Overdue)
        );
    }

    #[test]
    fn a_lead_time_is_one_to_180_days_and_a_renewal_only_moves_later() {
        assert_eq!(check_renewal(&certificate("৭")).unwrap().remind_days, 7);
        for wrong in ["0", "181", "সাত"] {
            assert_eq!(
                check_renewal(&certificate(wrong)).unwrap_err().problems(),
                [("remind_days".to_owned(), "error-renewal-remind-days")]
            );
        }
        let blank = RenewalFields {
            kind: String::new(),
            subject: " ".into(),
            expires_on: "soon".into(),
            ..certificate("")
        };
        assert_eq!(
            check_renewal(&blank).unwrap_err().problems(),
            [
                ("kind".to_owned(), "error-required"),
                ("subject".to_owned(), "error-required"),
                ("expires_on".to_owned(), "error-bad-date"),
            ]
        );
        let renewal = check_renewal(&certificate("")).unwrap();
        assert_eq!(
            check_renewed(&renewal, "2028-01-15").unwrap().expires_on,
            day("2028-01-15")
        );
        assert_eq!(
            check_renewed(&renewal, "2027-01-15")
                .unwrap_err()
                .problems(),
            [("expires_on".to_owned(), "error-renewal-not-later")]
        );
    }
}
