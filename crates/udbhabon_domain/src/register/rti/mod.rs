//! The right-to-information register (তথ্য অধিকার আইন, ২০০৯): each application an office receives, its
//! answer, the appeal and the complaint to the Information Commission, checked as typed; the statutory
//! clocks each runs on, and where an application stands against its clock.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub mod disclosure;

use crate::ValidationErrors;
use crate::holiday::{Due, WorkingCalendar};
use crate::portal::charter::TimeLimit;
use crate::register::{LONG_CHARS, SHORT_CHARS, bounded, day, optional_day};
use crate::vocabulary::{chosen, vocabulary};

vocabulary! {
    /// How an application came in.
    pub enum RtiChannel ("rti channel", "rti-channel") {
        InPerson => "in_person",
        Post => "post",
        Email => "email",
        /// Through the Information Commission's online tracking system.
        Online => "online",
    }
}

vocabulary! {
    /// What the designated officer decided.
    pub enum RtiOutcome ("rti outcome", "rti-outcome") {
        Supplied => "supplied",
        PartlySupplied => "partly_supplied",
        /// Refused under a section of the Act, which the answer names.
        Refused => "refused",
        /// The office does not hold it; the applicant was told where it is held.
        NotHeld => "not_held",
    }
}

vocabulary! {
    /// What the appellate authority decided.
    pub enum AppealOutcome ("rti appeal outcome", "rti-appeal-outcome") {
        /// The information ordered supplied.
        Ordered => "ordered",
        PartlyOrdered => "partly_ordered",
        /// The designated officer's decision upheld.
        Upheld => "upheld",
    }
}

/// The Act's time limits, from `data/rti.toml`: the answer (sections 9(1), 9(2) and 9(4)), the notice of
/// a refusal (9(3)), the appeal (24) and the complaint to the Information Commission (25).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct RtiLimits {
    pub answer: TimeLimit,
    /// When another unit or a third party is involved.
    pub answer_involving_others: TimeLimit,
    /// When the information concerns someone's life or liberty.
    pub answer_life_liberty: TimeLimit,
    pub refusal_notice: TimeLimit,
    /// From the answer, or from the day the answer fell due unanswered.
    pub appeal_filing: TimeLimit,
    pub appeal_decision: TimeLimit,
    pub complaint_filing: TimeLimit,
    pub complaint_decision: TimeLimit,
}

/// An application as received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RtiRequest {
    pub received_on: NaiveDate,
    pub channel: RtiChannel,
    pub applicant: String,
    /// The applicant's address, telephone or e-mail: never published.
    pub contact: String,
    pub information: String,
    /// Another unit or a third party is involved, which lengthens the limit.
    pub involves_others: bool,
    /// The information concerns someone's life or liberty (24 hours).
    pub life_liberty: bool,
}

/// An application as typed.
#[derive(Debug, Clone, Default)]
pub struct RtiRequestFields {
    pub received_on: String,
    pub channel: String,
    pub applicant: String,
    pub contact: String,
    pub information: String,
    pub involves_others: bool,
    pub life_liberty: bool,
}

/// The designated officer's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RtiAnswer {
    pub answered_on: NaiveDate,
    pub outcome: RtiOutcome,
    /// The section of the Act a refusal rests on ("৭(ঝ)").
    pub section: String,
    pub note: String,
    /// The fee the applicant paid for the information, in taka, by the fee schedule of the Rules.
    #[serde(default)]
    pub fee: u32,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RtiAnswerFields {
    pub answered_on: String,
    pub outcome: String,
    pub section: String,
    pub note: String,
    /// In taka; empty when none was charged.
    pub fee: String,
}

/// A line of the fee schedule for supplying information (ফরম ঘ of the তথ্য অধিকার (তথ্য প্রাপ্তি
/// সংক্রান্ত) বিধিমালা, ২০০৯), from `data/rti.toml`: what is supplied and what it costs, in words, as a
/// fee may be a sum, the actual cost or nothing.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RtiFee {
    pub item_bn: String,
    pub item_en: String,
    pub fee_bn: String,
    pub fee_en: String,
}

/// The fee schedule, as `data/rti.toml` lists it beside the time limits.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct RtiFeeSchedule {
    pub fees: Vec<RtiFee>,
}

/// An appeal to the appellate authority, and its decision when made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RtiAppeal {
    pub filed_on: NaiveDate,
    pub decided_on: Option<NaiveDate>,
    pub outcome: Option<AppealOutcome>,
    pub note: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RtiAppealFields {
    pub filed_on: String,
    pub decided_on: String,
    pub outcome: String,
    pub note: String,
}

/// A complaint to the Information Commission, and its decision when made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RtiComplaint {
    pub filed_on: NaiveDate,
    pub reference: String,
    pub decided_on: Option<NaiveDate>,
    pub result: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RtiComplaintFields {
    pub filed_on: String,
    pub reference: String,
    pub decided_on: String,
    pub result: String,
}

/// The day something was filed, on or after `earliest` (named by `early_key`), and the day it was
/// decided, if it was, on or after the day it was filed.
fn filed_and_decided(
    (filed, decided): (&str, &str),
    earliest: (Option<NaiveDate>, &'static str),
    today: NaiveDate,
    errors: &mut ValidationErrors,
) -> (Option<NaiveDate>, Option<Option<NaiveDate>>) {
    let filed_on = day("filed_on", filed, earliest, today, errors);
    let decided_on = optional_day(
        "decided_on",
        decided,
        (filed_on, "error-rti-before-filed"),
        today,
        errors,
    );
    (filed_on, decided_on)
}

/// Checks an application: received on a day no later than today, by a channel of the list, with the
/// applicant's name and the information asked for.
pub fn check_request(
    fields: &RtiRequestFields,
    today: NaiveDate,
) -> Result<RtiRequest, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let received_on = day(
        "received_on",
        &fields.received_on,
        (None, ""),
        today,
        &mut errors,
    );
    let channel = chosen::<RtiChannel>("channel", &fields.channel, &mut errors);
    let applicant = bounded(
        "applicant",
        &fields.applicant,
        (true, SHORT_CHARS),
        &mut errors,
    );
    let contact = bounded(
        "contact",
        &fields.contact,
        (false, SHORT_CHARS),
        &mut errors,
    );
    let information = bounded(
        "information",
        &fields.information,
        (true, LONG_CHARS),
        &mut errors,
    );
    match (received_on, channel) {
        (Some(received_on), Some(channel)) if errors.is_empty() => Ok(RtiRequest {
            received_on,
            channel,
            applicant,
            contact,
            information,
            involves_others: fields.involves_others,
            life_liberty: fields.life_liberty,
        }),
        _ => Err(errors),
    }
}

/// Checks an answer: given on or after the day the application came in and no later than today; a
/// refusal names its section of the Act.
pub fn check_answer(
    fields: &RtiAnswerFields,
    received_on: NaiveDate,
    today: NaiveDate,
) -> Result<RtiAnswer, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let answered_on = day(
        "answered_on",
        &fields.answered_on,
        (Some(received_on), "error-rti-before-received"),
        today,
        &mut errors,
    );
    let outcome = chosen::<RtiOutcome>("outcome", &fields.outcome, &mut errors);
    let section = bounded(
        "section",
        &fields.section,
        (false, SHORT_CHARS),
        &mut errors,
    );
    if outcome == Some(RtiOutcome::Refused) && section.is_empty() {
        errors.add("section", "error-rti-section");
    }
    let note = bounded("note", &fields.note, (false, LONG_CHARS), &mut errors);
    let fee_text = bangla::digits::to_ascii_digits(fields.fee.trim()).replace(',', "");
    let fee = if fee_text.is_empty() {
        Some(0)
    } else {
        fee_text.parse::<u32>().ok()
    };
    if fee.is_none() {
        errors.add("fee", "error-rti-fee");
    } else if fee.is_some_and(|fee| fee > 0)
        && matches!(outcome, Some(RtiOutcome::Refused | RtiOutcome::NotHeld))
    {
        // A fee is the price of information supplied.
        errors.add("fee", "error-rti-fee-unsupplied");
    }
    match (answered_on, outcome, fee) {
        (Some(answered_on), Some(outcome), Some(fee)) if errors.is_empty() => Ok(RtiAnswer {
            answered_on,
            outcome,
            section,
            note,
            fee,
        }),
        _ => Err(errors),
    }
}

/// Checks an appeal: filed on or after the day the application came in, no later than today; decided,
/// if it is, on or after the day it was filed and with what was decided.
pub fn check_appeal(
    fields: &RtiAppealFields,
    received_on: NaiveDate,
    today: NaiveDate,
) -> Result<RtiAppeal, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let (filed_on, decided_on) = filed_and_decided(
        (&fields.filed_on, &fields.decided_on),
        (Some(received_on), "error-rti-before-received"),
        today,
        &mut errors,
    );
    let outcome = match fields.outcome.trim() {
        "" => None,
        _ => chosen::<AppealOutcome>("outcome", &fields.outcome, &mut errors),
    };
    if matches!(decided_on, Some(Some(_))) && outcome.is_none() {
        errors.add("outcome", "error-required");
    }
    if matches!(decided_on, Some(None)) && outcome.is_some() {
        errors.add("decided_on", "error-required");
    }
    let note = bounded("note", &fields.note, (false, LONG_CHARS), &mut errors);
    match (filed_on, decided_on) {
        (Some(filed_on), Some(decided_on)) if errors.is_empty() => Ok(RtiAppeal {
            filed_on,
            decided_on,
            outcome,
            note,
        }),
        _ => Err(errors),
    }
}

/// Checks a complaint to the Information Commission: filed on or after `earliest` (the appeal, or the
/// application when there was none) and no later than today, decided no earlier than filed.
pub fn check_complaint(
    fields: &RtiComplaintFields,
    earliest: NaiveDate,
    today: NaiveDate,
) -> Result<RtiComplaint, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let (filed_on, decided_on) = filed_and_decided(
        (&fields.filed_on, &fields.decided_on),
        (Some(earliest), "error-rti-complaint-early"),
        today,
        &mut errors,
    );
    let reference = bounded(
        "reference",
        &fields.reference,
        (false, SHORT_CHARS),
        &mut errors,
    );
    let result = bounded("result", &fields.result, (false, LONG_CHARS), &mut errors);
    match (filed_on, decided_on) {
        (Some(filed_on), Some(decided_on)) if errors.is_empty() => Ok(RtiComplaint {
            filed_on,
            reference,
            decided_on,
            result,
        }),
        _ => Err(errors),
    }
}

/// Where an application stands against its clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RtiStanding {
    /// Not answered; `working_days_left` until the due date (zero on the day itself).
    Open {
        working_days_left: u32,
    },
    /// Not answered and past its due date by `days` calendar days.
    Overdue {
        days: i64,
    },
    AnsweredInTime,
    /// Answered `days` calendar days after its due date (the Act's penalty runs per day of delay).
    AnsweredLate {
        days: i64,
    },
}

impl RtiStanding {
    /// Whether the Act's limit was or is being missed.
    pub fn late(self) -> bool {
        matches!(self, Self::Overdue { .. } | Self::AnsweredLate { .. })
    }
}

/// An application's clocks on the calendar: when its answer is due, when an appeal may be filed until,
/// and when the appeal and the complaint must be decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RtiClocks {
    pub answer_due: Due,
    pub standing: RtiStanding,
    /// The last day to appeal: counted from the answer, or from the due date when none came in time.
    pub appeal_until: NaiveDate,
    pub appeal_decision_due: Option<NaiveDate>,
    pub complaint_decision_due: Option<NaiveDate>,
}

impl RtiRequest {
    /// The limit the answer runs on.
    pub fn answer_limit(&self, limits: &RtiLimits) -> TimeLimit {
        if self.life_liberty {
            limits.answer_life_liberty
        } else if self.involves_others {
            limits.answer_involving_others
        } else {
            limits.answer
        }
    }
}

/// The clocks of an application with its answer, appeal and complaint so far, on `today`.
pub fn clocks(
    request: &RtiRequest,
    (answer, appeal, complaint): (
        Option<&RtiAnswer>,
        Option<&RtiAppeal>,
        Option<&RtiComplaint>,
    ),
    (limits, calendar): (&RtiLimits, &WorkingCalendar),
    today: NaiveDate,
) -> RtiClocks {
    let answer_due = calendar.due(request.received_on, request.answer_limit(limits));
    let due = answer_due.date;
    let standing = match answer {
        Some(answer) if answer.answered_on > due => RtiStanding::AnsweredLate {
            days: (answer.answered_on - due).num_days(),
        },
        Some(_) => RtiStanding::AnsweredInTime,
        None if today > due => RtiStanding::Overdue {
            days: (today - due).num_days(),
        },
        None => RtiStanding::Open {
            working_days_left: calendar.between(today, due),
        },
    };
    let appeal_from = answer.map_or(due, |answer| answer.answered_on);
    RtiClocks {
        answer_due,
        standing,
        appeal_until: calendar.due(appeal_from, limits.appeal_filing).date,
        appeal_decision_due: appeal
            .map(|appeal| calendar.due(appeal.filed_on, limits.appeal_decision).date),
        complaint_decision_due: complaint.map(|complaint| {
            calendar
                .due(complaint.filed_on, limits.complaint_decision)
                .date
        }),
    }
}

/// The clock an application still runs on, with its last day: the appeal's decision while one is
/// undecided, else the answer while there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RtiPending {
    Answer(NaiveDate),
    AppealDecision(NaiveDate),
}

impl RtiPending {
    /// The last day of the clock.
    pub fn due_on(self) -> NaiveDate {
        match self {
            Self::Answer(due) | Self::AppealDecision(due) => due,
        }
    }
}

impl RtiClocks {
    /// The clock still running for an application with this answer and appeal, if any.
    pub fn pending(
        &self,
        answer: Option<&RtiAnswer>,
        appeal: Option<&RtiAppeal>,
    ) -> Option<RtiPending> {
        match (appeal, self.appeal_decision_due) {
            (Some(appeal), Some(due)) if appeal.decided_on.is_none() => {
                Some(RtiPending::AppealDecision(due))
            }
            _ => answer
                .is_none()
                .then_some(RtiPending::Answer(self.answer_due.date)),
        }
    }
}

/// A year's figures, as the Information Commission's yearly report asks them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RtiFigures {
    pub received: u32,
    pub supplied: u32,
    pub partly_supplied: u32,
    pub refused: u32,
    pub not_held: u32,
    pub in_time: u32,
    pub late: u32,
    pub open: u32,
    pub overdue: u32,
    pub appeals: u32,
    pub appeals_decided: u32,
    pub complaints: u32,
    /// The fees paid, in taka.
    pub fees: u64,
}

impl RtiFigures {
    /// Each figure with the message key that names it, in the order the yearly report gives them.
    pub fn lines(&self) -> [(&'static str, u64); 13] {
        let count = u64::from;
        [
            ("rti-figure-received", count(self.received)),
            ("rti-figure-supplied", count(self.supplied)),
            ("rti-figure-partly", count(self.partly_supplied)),
            ("rti-figure-refused", count(self.refused)),
            ("rti-figure-not-held", count(self.not_held)),
            ("rti-figure-in-time", count(self.in_time)),
            ("rti-figure-late", count(self.late)),
            ("rti-figure-open", count(self.open)),
            ("rti-figure-overdue", count(self.overdue)),
            ("rti-figure-appeals", count(self.appeals)),
            ("rti-figure-appeals-decided", count(self.appeals_decided)),
            ("rti-figure-complaints", count(self.complaints)),
            ("rti-figure-fees", self.fees),
        ]
    }

    /// Adds one application, with its answer, whether it was appealed or complained of, and where it
    /// stands.
    pub fn count(
        &mut self,
        answer: Option<&RtiAnswer>,
        (appeal, complaint): (Option<&RtiAppeal>, bool),
        standing: RtiStanding,
    ) {
        self.received += 1;
        self.fees += u64::from(answer.map_or(0, |answer| answer.fee));
        match answer.map(|answer| answer.outcome) {
            Some(RtiOutcome::Supplied) => self.supplied += 1,
            Some(RtiOutcome::PartlySupplied) => self.partly_supplied += 1,
            Some(RtiOutcome::Refused) => self.refused += 1,
            Some(RtiOutcome::NotHeld) => self.not_held += 1,
            None => {}
        }
        match standing {
            RtiStanding::AnsweredInTime => self.in_time += 1,
            RtiStanding::AnsweredLate { .. } => self.late += 1,
            RtiStanding::Open { .. } => self.open += 1,
            RtiStanding::Overdue { .. } => self.overdue += 1,
        }
        if let Some(appeal) = appeal {
            self.appeals += 1;
            if appeal.decided_on.is_some() {
                self.appeals_decided += 1;
            }
        }
        if complaint {
            self.complaints += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Bilingual;
    use crate::holiday::{Holiday, HolidayKind};
    use crate::portal::charter::TimeUnit;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn limits() -> RtiLimits {
        let working = |amount| TimeLimit {
            amount,
            unit: TimeUnit::WorkingDay,
        };
        let days = |amount| TimeLimit {
            amount,
            unit: TimeUnit::Day,
        };
        RtiLimits {
            answer: working(20),
            answer_involving_others: working(30),
            answer_life_liberty: TimeLimit {
                amount: 24,
                unit: TimeUnit::Hour,
            },
            refusal_notice: working(10),
            appeal_filing: days(30),
            appeal_decision: days(15),
            complaint_filing: days(30),
            complaint_decision: days(75),
        }
    }

    fn calendar() -> WorkingCalendar {
        WorkingCalendar::new(&[Holiday {
            name: Bilingual::new("বিজয় দিবস", "Victory Day"),
            kind: HolidayKind::General,
            starts: date("2026-12-16"),
            ends: date("2026-12-16"),
            moon: false,
        }])
    }

    fn request(involves_others: bool) -> RtiRequest {
        check_request(
            &RtiRequestFields {
                received_on: "২৫-১১-২০২৬".to_owned(),
                channel: "email".to_owned(),
                applicant: "মো. করিম".to_owned(),
                contact: "karim@example.com".to_owned(),
                information: "২০২৫-২৬ অর্থবছরের কারখানা পরিদর্শন প্রতিবেদন".to_owned(),
                involves_others,
                life_liberty: false,
            },
            date("2026-12-01"),
        )
        .unwrap()
    }

    fn answer(on: &str) -> RtiAnswer {
        RtiAnswer {
            fee: 0,
            answered_on: date(on),
            outcome: RtiOutcome::Supplied,
            section: String::new(),
            note: String::new(),
        }
    }

    #[test]
    fn twenty_working_days_skip_the_weekends_and_victory_day() {
        // Wednesday 25 November 2026: twenty working days, past four weekends and 16 December, end on
        // Thursday 24 December.
        let clocks = clocks(
            &request(false),
            (None, None, None),
            (&limits(), &calendar()),
            date("2026-12-01"),
        );
        assert_eq!(clocks.answer_due.date, date("2026-12-24"));
        assert_eq!(clocks.answer_due.holidays, 1);
        assert_eq!(
            clocks.standing,
            RtiStanding::Open {
                working_days_left: 16
            }
        );
        assert_eq!(clocks.appeal_until, date("2027-01-23"));
        assert_eq!(
            clocks.pending(None, None),
            Some(RtiPending::Answer(date("2026-12-24")))
        );
    }

    #[test]
    fn another_unit_lengthens_the_clock_and_a_late_answer_is_flagged() {
        let request = request(true);
        let late = answer("2027-01-11");
        let clocks = clocks(
            &request,
            (Some(&late), None, None),
            (&limits(), &calendar()),
            date("2027-01-20"),
        );
        assert_eq!(clocks.answer_due.date, date("2027-01-07"));
        assert_eq!(clocks.standing, RtiStanding::AnsweredLate { days: 4 });
        assert!(clocks.standing.late());
        let on_time = answer("2027-01-07");
        let standing = super::clocks(
            &request,
            (Some(&on_time), None, None),
            (&limits(), &calendar()),
            date("2027-01-20"),
        )
        .standing;
        assert_eq!(standing, RtiStanding::AnsweredInTime);
        let overdue = super::clocks(
            &request,
            (None, None, None),
            (&limits(), &calendar()),
            date("2027-01-10"),
        )
        .standing;
        assert_eq!(overdue, RtiStanding::Overdue { days: 3 });
        let appeal = RtiAppeal {
            filed_on: date("2027-01-12"),
            decided_on: None,
            outcome: None,
            note: String::new(),
        };
        let appealed = super::clocks(
            &request,
            (Some(&late), Some(&appeal), None),
            (&limits(), &calendar()),
            date("2027-01-20"),
        );
        assert_eq!(
            appealed.pending(Some(&late), Some(&appeal)),
            Some(RtiPending::AppealDecision(date("2027-01-27")))
        );
        let decided = RtiAppeal {
            decided_on: Some(date("2027-01-20")),
            outcome: Some(AppealOutcome::Upheld),
            ..appeal
        };
        assert_eq!(appealed.pending(Some(&late), Some(&decided)), None);
    }

    #[test]
    fn bad_dates_and_a_refusal_without_its_section_are_named() {
        let today = date("2026-12-01");
        let mut fields = RtiRequestFields {
            received_on: "02-12-2026".to_owned(),
            channel: "pigeon".to_owned(),
            ..RtiRequestFields::default()
        };
        let problems: Vec<_> = check_request(&fields, today)
            .unwrap_err()
            .errors
            .into_iter()
            .map(|error| (error.field, error.message_key))
            .collect();
        assert_eq!(
            problems,
            [
                ("received_on".to_owned(), "error-future-date"),
                ("channel".to_owned(), "error-required"),
                ("applicant".to_owned(), "error-required"),
                ("information".to_owned(), "error-required"),
            ]
        );
        fields.received_on = "2026-11-25".to_owned();
        let answer = RtiAnswerFields {
            answered_on: "24-11-2026".to_owned(),
            outcome: "refused".to_owned(),
            ..RtiAnswerFields::default()
        };
        let problems: Vec<_> = check_answer(&answer, date("2026-11-25"), today)
            .unwrap_err()
            .errors
            .into_iter()
            .map(|error| (error.field, error.message_key))
            .collect();
        assert_eq!(
            problems,
            [
                ("answered_on".to_owned(), "error-rti-before-received"),
                ("section".to_owned(), "error-rti-section"),
            ]
        );
        // A fee is the price of information supplied: none for a refusal.
        let charged = RtiAnswerFields {
            answered_on: "25-11-2026".to_owned(),
            section: "৭(ঝ)".to_owned(),
            fee: "২০".to_owned(),
            ..answer.clone()
        };
        assert_eq!(
            check_answer(&charged, date("2026-11-25"), date("2026-11-26"))
                .unwrap_err()
                .problems(),
            [("fee".to_owned(), "error-rti-fee-unsupplied")]
        );
        let appeal = RtiAppealFields {
            filed_on: "28-11-2026".to_owned(),
            decided_on: "27-11-2026".to_owned(),
            outcome: "upheld".to_owned(),
            note: String::new(),
        };
        let problems: Vec<_> = check_appeal(&appeal, date("2026-11-25"), today)
            .unwrap_err()
            .errors
            .into_iter()
            .map(|error| error.message_key)
            .collect();
        assert_eq!(problems, ["error-rti-before-filed"]);
    }

    #[test]
    fn the_figures_count_each_application_once_by_its_standing() {
        let mut figures = RtiFigures::default();
        let supplied = answer("2026-12-01");
        let appeal = RtiAppeal {
            filed_on: date("2026-12-05"),
            decided_on: None,
            outcome: None,
            note: String::new(),
        };
        figures.count(Some(&supplied), (None, false), RtiStanding::AnsweredInTime);
        figures.count(
            None,
            (Some(&appeal), true),
            RtiStanding::Overdue { days: 2 },
        );
        assert_eq!(
            (
                figures.received,
                figures.supplied,
                figures.in_time,
                figures.overdue
            ),
            (2, 1, 1, 1)
        );
        assert_eq!(
            (figures.appeals, figures.appeals_decided, figures.complaints),
            (1, 0, 1)
        );
    }
}
