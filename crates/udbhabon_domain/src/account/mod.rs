//! Accounts: the sign-in email, the password policy, locking after repeated failures, and when a session ends.

pub mod access;

use chrono::{DateTime, Duration, Utc};

use crate::ValidationErrors;

/// Wrong passwords in a row that lock an account.
pub const LOCK_AFTER_FAILURES: u32 = 5;
/// How long a locked account stays locked.
pub const LOCK_DURATION: Duration = Duration::minutes(15);
/// The shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// The longest password accepted (argon2 hashes anything, but a megabyte "password" is an attack).
pub const MAX_PASSWORD_CHARS: usize = 200;

/// A sign-in email address, trimmed and lowercased so that one address is one account.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    /// Reads an address, or says why it is not one (`field` names the form field for the message).
    pub fn parse(text: &str, field: &str) -> Result<Self, ValidationErrors> {
        let address = text.trim().to_lowercase();
        let mut errors = ValidationErrors::new();
        let well_formed = match address.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !address
                        .chars()
                        .any(|c| c.is_whitespace() || c == ',' || c == ';')
                    && address.matches('@').count() == 1
            }
            None => false,
        };
        if address.is_empty() {
            errors.add(field, "error-required");
        } else if !well_formed || address.len() > 254 {
            errors.add(field, "error-email");
        }
        errors.into_result(Self(address))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Checks a new password: long enough, not too long, and not the email address itself.
pub fn validate_new_password(
    password: &str,
    email: &Email,
    field: &str,
) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let length = password.chars().count();
    if length < MIN_PASSWORD_CHARS {
        errors
            .add(field, "error-password-short")
            .with("min", MIN_PASSWORD_CHARS);
    } else if length > MAX_PASSWORD_CHARS {
        errors
            .add(field, "error-password-long")
            .with("max", MAX_PASSWORD_CHARS);
    } else if password.trim().to_lowercase() == email.as_str() {
        errors.add(field, "error-password-is-email");
    }
    errors.into_result(())
}

/// What a wrong password does to an account: the new failure count and, when it reaches the limit,
/// the time until which the account is locked.
pub fn after_failed_login(
    failures_before: u32,
    now: DateTime<Utc>,
) -> (u32, Option<DateTime<Utc>>) {
    let failures = failures_before.saturating_add(1);
    let locked_until = (failures >= LOCK_AFTER_FAILURES).then(|| now + LOCK_DURATION);
    (failures, locked_until)
}

/// Whether an account is locked at `now`.
pub fn is_locked(locked_until: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    locked_until.is_some_and(|until| now < until)
}

/// When sessions end: after a spell of inactivity, and in any case some hours after sign-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPolicy {
    pub idle: Duration,
    pub absolute: Duration,
}

impl Default for SessionPolicy {
    /// Two idle hours (an officer steps away from the desk), twelve hours at most (one working day).
    fn default() -> Self {
        Self {
            idle: Duration::hours(2),
            absolute: Duration::hours(12),
        }
    }
}

impl SessionPolicy {
    /// Whether a session signed in at `created` and last used at `last_seen` is still good at `now`.
    pub fn is_live(
        self,
        created: DateTime<Utc>,
        last_seen: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> bool {
        now < created + self.absolute && now < last_seen + self.idle
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn an_email_is_trimmed_and_lowercased() {
        assert_eq!(
            Email::parse("  Programmer@MoLE.gov.bd ", "email")
                .unwrap()
                .as_str(),
            "programmer@mole.gov.bd"
        );
    }

    #[test]
    fn malformed_emails_are_refused_with_the_fields_message() {
        for bad in [
            "programmer",
            "@mole.gov.bd",
            "a@b",
            "a@.bd",
            "a b@mole.gov.bd",
            "a@@mole.gov.bd",
        ] {
            let errors = Email::parse(bad, "email").unwrap_err();
            assert_eq!(errors.errors[0].message_key, "error-email", "{bad}");
        }
        assert_eq!(
            Email::parse(" ", "email").unwrap_err().errors[0].message_key,
            "error-required"
        );
    }

    #[test]
    fn passwords_must_be_long_enough_bounded_and_not_the_email() {
        let email = Email::parse("programmer@mole.gov.bd", "email").unwrap();
        assert!(validate_new_password("শ্রম-মন্ত্রণালয়-২০২৬", &email, "password").is_ok());
        let short = validate_new_password("short", &email, "password").unwrap_err();
        assert_eq!(short.errors[0].message_key, "error-password-short");
        assert_eq!(short.errors[0].args, vec![("min", "10".to_owned())]);
        let long = "x".repeat(MAX_PASSWORD_CHARS + 1);
        assert_eq!(
            validate_new_password(&long, &email, "password")
                .unwrap_err()
                .errors[0]
                .message_key,
            "error-password-long"
        );
        let same = validate_new_password("Programmer@MoLE.gov.bd", &email, "password").unwrap_err();
        assert_eq!(same.errors[0].message_key, "error-password-is-email");
    }

    #[test]
    fn the_fifth_wrong_password_in_a_row_locks_the_account_for_fifteen_minutes() {
        let now = at("2026-11-23T04:00:00Z");
        assert_eq!(after_failed_login(3, now), (4, None));
        let (failures, locked_until) = after_failed_login(4, now);
        assert_eq!(failures, 5);
        assert_eq!(locked_until, Some(at("2026-11-23T04:15:00Z")));
        assert!(is_locked(locked_until, at("2026-11-23T04:14:59Z")));
        assert!(!is_locked(locked_until, at("2026-11-23T04:15:00Z")));
        assert!(!is_locked(None, now));
    }

    #[test]
    fn a_session_ends_when_idle_too_long_or_too_old_whichever_comes_first() {
        let policy = SessionPolicy::default();
        let signed_in = at("2026-11-23T03:00:00Z");
        assert!(policy.is_live(
            signed_in,
            at("2026-11-23T04:00:00Z"),
            at("2026-11-23T05:59:59Z")
        ));
        assert!(!policy.is_live(
            signed_in,
            at("2026-11-23T04:00:00Z"),
            at("2026-11-23T06:00:00Z")
        ));
        assert!(policy.is_live(
            signed_in,
            at("2026-11-23T14:30:00Z"),
            at("2026-11-23T14:59:59Z")
        ));
        assert!(!policy.is_live(
            signed_in,
            at("2026-11-23T14:30:00Z"),
            at("2026-11-23T15:00:00Z")
        ));
    }
}
