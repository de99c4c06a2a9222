//! The quality and security certification of a system in the software register (terms of reference item
//! 23; domain-2.md §8): each test or audit — what kind, by whom, on which day, of which version, with
//! what result — and the findings it made, each with a day to be fixed by, followed until it is closed
//! with what was done.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ValidationErrors;
use crate::register::{LONG_CHARS, SHORT_CHARS, any_day, bounded, day};
use crate::vocabulary::{chosen, vocabulary};

vocabulary! {
    /// What a system was put through.
    pub enum CertificationKind ("certification kind", "certification-kind") {
        /// A quality or acceptance test.
        QualityTest => "quality_test",
        /// A vulnerability assessment and penetration test.
        SecurityTest => "security_test",
        /// A security audit of the system and how it is run.
        SecurityAudit => "security_audit",
    }
}

vocabulary! {
    /// What the test or audit concluded.
    pub enum CertificationResult ("certification result", "certification-result") {
        Passed => "passed",
        /// Passed on condition that its findings are fixed.
        Conditional => "conditional",
        Failed => "failed",
    }
}

vocabulary! {
    /// How grave a finding is.
    pub enum Severity ("severity", "finding-severity") {
        Critical => "critical",
        High => "high",
        Medium => "medium",
        Low => "low",
    }
}

/// A test or audit as kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certification {
    pub kind: CertificationKind,
    /// Who tested or audited it (BCC, BGD e-GOV CIRT, a firm).
    pub tester: String,
    pub tested_on: NaiveDate,
    /// The version tested, when named.
    pub version: String,
    pub result: CertificationResult,
    pub note: String,
}

/// A test or audit as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CertificationFields {
    pub kind: String,
    pub tester: String,
    pub tested_on: String,
    pub version: String,
    pub result: String,
    pub note: String,
}

/// Checks a test or audit: its kind, who did it, a day no later than today, and its result.
pub fn check_certification(
    fields: &CertificationFields,
    today: NaiveDate,
) -> Result<Certification, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let kind = chosen::<CertificationKind>("kind", &fields.kind, &mut errors);
    let tester = bounded("tester", &fields.tester, (true, SHORT_CHARS), &mut errors);
    let tested_on = day(
        "tested_on",
        &fields.tested_on,
        (None, ""),
        today,
        &mut errors,
    );
    let version = bounded(
        "version",
        &fields.version,
        (false, SHORT_CHARS),
        &mut errors,
    );
    let result = chosen::<CertificationResult>("result", &fields.result, &mut errors);
    let note = bounded("note", &fields.note, (false, LONG_CHARS), &mut errors);
    match (kind, tested_on, result) {
        (Some(kind), Some(tested_on), Some(result)) if errors.is_empty() => Ok(Certification {
            kind,
            tester,
            tested_on,
            version,
            result,
            note,
        }),
        _ => Err(errors),
    }
}

/// A finding as kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub text: String,
    pub severity: Severity,
    /// The day it is to be fixed by.
    pub due_on: NaiveDate,
}

/// A finding as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct FindingFields {
    pub text: String,
    pub severity: String,
    pub due_on: String,
}

/// Checks a finding of a test or audit done on `tested_on`: what was found, how grave, and a day to fix
/// it by no earlier than the test.
pub fn check_finding(
    fields: &FindingFields,
    tested_on: NaiveDate,
) -> Result<Finding, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let text = bounded("text", &fields.text, (true, LONG_CHARS), &mut errors);
    let severity = chosen::<Severity>("severity", &fields.severity, &mut errors);
    let due_on = any_day("due_on", &fields.due_on, &mut errors);
    if due_on.is_some_and(|date| date < tested_on) {
        errors.add("due_on", "error-finding-due-before-test");
    }
    match (severity, due_on) {
        (Some(severity), Some(due_on)) if errors.is_empty() => Ok(Finding {
            text,
            severity,
            due_on,
        }),
        _ => Err(errors),
    }
}

/// Where a finding stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingStanding {
    /// Open past the day it was to be fixed by.
    Overdue,
    Open,
    /// Closed; `late` when after the day it was to be fixed by.
    Closed {
        late: bool,
    },
}

impl Finding {
    /// Where it stands on `today`, closed or not.
    pub fn standing(&self, closure: Option<&Closure>, today: NaiveDate) -> FindingStanding {
        match closure {
            Some(closure) => FindingStanding::Closed {
                late: closure.closed_on > self.due_on,
            },
            None if today > self.due_on => FindingStanding::Overdue,
            None => FindingStanding::Open,
        }
    }
}

/// How a finding was closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closure {
    pub closed_on: NaiveDate,
    /// What was done (fixed, and how verified; or the risk accepted, and by whom).
    pub note: String,
}

/// A closure as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ClosureFields {
    pub closed_on: String,
    pub note: String,
}

/// Checks a closure of a finding made on `tested_on`: what was done, on a day between the test and
/// today.
pub fn check_closure(
    fields: &ClosureFields,
    (tested_on, today): (NaiveDate, NaiveDate),
) -> Result<Closure, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let closed_on = day(
        "closed_on",
        &fields.closed_on,
        (Some(tested_on), "error-finding-closed-before-test"),
        today,
        &mut errors,
    );
    let note = bounded("note", &fields.note, (true, LONG_CHARS), &mut errors);
    match closed_on {
        Some(closed_on) if errors.is_empty() => Ok(Closure { closed_on, note }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn a_test_is_done_by_someone_on_a_day_past() {
        let fields = CertificationFields {
            kind: "security_test".into(),
            tester: "বিজিডি ই-গভ সার্ট".into(),
            tested_on: "০১-১১-২০২৬".into(),
            result: "conditional".into(),
            ..CertificationFields::default()
        };
        let today = day("2026-11-23");
        let certification = check_certification(&fields, today).unwrap();
        assert_eq!(certification.tested_on, day("2026-11-01"));
        assert_eq!(certification.result, CertificationResult::Conditional);
        let wrong = CertificationFields {
            tester: String::new(),
            tested_on: "2026-11-24".into(),
            result: "maybe".into(),
            ..fields
        };
        assert_eq!(
            check_certification(&wrong, today).unwrap_err().problems(),
            [
                ("tester".to_owned(), "error-required"),
                ("tested_on".to_owned(), "error-future-date"),
                ("result".to_owned(), "error-required"),
            ]
        );
    }

    #[test]
    fn a_finding_is_due_and_closed_after_its_test() {
        let tested_on = day("2026-11-01");
        let finding = |due_on: &str| FindingFields {
            text: "লগইন পাতায় হারের সীমা নেই".into(),
            severity: "high".into(),
            due_on: due_on.into(),
        };
        assert_eq!(
            check_finding(&finding("2026-12-01"), tested_on)
                .unwrap()
                .due_on,
            day("2026-12-01")
        );
        assert_eq!(
            check_finding(&finding("2026-10-31"), tested_on)
                .unwrap_err()
                .problems(),
            [("due_on".to_owned(), "error-finding-due-before-test")]
        );
        let today = day("2026-11-23");
        let closure = |closed_on: &str, note: &str| ClosureFields {
            closed_on: closed_on.into(),
            note: note.into(),
        };
        assert_eq!(
            check_closure(
                &closure("2026-11-20", "হারের সীমা বসানো হয়েছে"),
                (tested_on, today)
            )
            .unwrap()
            .closed_on,
            day("2026-11-20")
        );
        let open = check_finding(&finding("2026-11-15"), tested_on).unwrap();
        assert_eq!(
            open.standing(None, day("2026-11-15")),
            FindingStanding::Open
        );
        assert_eq!(open.standing(None, today), FindingStanding::Overdue);
        let closed =
            check_closure(&closure("2026-11-20", "ঠিক করা হয়েছে"), (tested_on, today)).unwrap();
        assert_eq!(
            open.standing(Some(&closed), today),
            FindingStanding::Closed { late: true }
        );
        assert_eq!(
            check_closure(&closure("2026-10-30", ""), (tested_on, today))
                .unwrap_err()
                .problems(),
            [
                ("closed_on".to_owned(), "error-finding-closed-before-test"),
                ("note".to_owned(), "error-required"),
            ]
        );
    }
}
