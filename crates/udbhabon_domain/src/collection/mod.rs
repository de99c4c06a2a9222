//! Collections: what an office asks of offices and branches by a deadline, the periods a recurring one
//! opens by itself, and how each respondent stands; `counts` holds what each kind of return counts.

pub mod counts;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::collection::counts::CountSet;
use crate::meeting::decision::day_in_month;
use crate::vocabulary::vocabulary;
use crate::{Bilingual, ValidationErrors, Vocabulary};

vocabulary! {
    /// What a collection gathers.
    pub enum CollectionKind ("collection kind", "collection-kind") {
        /// The monthly e-filing return of decision 2.4: counts of dak, files and notes, with the dak
        /// register's copy as evidence.
        EFilingReturn => "e_filing_return",
        /// A report: a text and its files (progress reports of field offices, decision 2.5).
        Report => "report",
        /// The monthly GRS return (domain-2.md §4): grievances received, settled in time and late,
        /// pending, and appeals, with the register's copy as evidence.
        GrsReturn => "grs_return",
    }
}

impl CollectionKind {
    /// The counts a return of this kind asks for; a report asks none.
    pub fn counts(self) -> Option<&'static CountSet> {
        match self {
            Self::EFilingReturn => Some(&counts::E_FILING),
            Self::GrsReturn => Some(&counts::GRS),
            Self::Report => None,
        }
    }
}

vocabulary! {
    /// How often a collection asks again.
    pub enum Recurrence ("recurrence", "recurrence") {
        /// Once, by a date.
        Once => "once",
        /// Every calendar month, due on a day of the next month ("by the 3rd").
        Monthly => "monthly",
        /// Every quarter of the fiscal year, due on a day of the month after it.
        Quarterly => "quarterly",
    }
}

vocabulary! {
    /// Where one submission stands with the office that asked for it.
    pub enum SubmissionStatus ("submission status", "submission-status") {
        Submitted => "submitted",
        Accepted => "accepted",
        /// Sent back with a comment, to be submitted again.
        Returned => "returned",
    }
}

vocabulary! {
    /// How a respondent stands in one period, as the compliance board shows it.
    pub enum Standing ("standing", "standing") {
        OnTime => "on_time",
        Late => "late",
        /// Returned and not yet submitted again.
        Returned => "returned",
        /// Nothing submitted, and the deadline has passed.
        Missing => "missing",
        /// Nothing submitted yet, and the deadline is still to come.
        Awaited => "awaited",
    }
}

vocabulary! {
    /// What a collection's own field takes.
    pub enum FieldKind ("field kind", "field-kind") {
        /// A number, whole or with decimals.
        Number => "number",
        Text => "text",
    }
}

/// A field a collection asks beside the note and the evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldSpec {
    /// "f1", "f2" … by position: answers refer to it.
    pub key: String,
    pub label: Bilingual,
    pub kind: FieldKind,
    pub required: bool,
}

/// A field as typed in the collection's form; a row with neither label is no field.
#[derive(Debug, Clone, Default)]
pub struct FieldSpecFields {
    pub label_bn: String,
    pub label_en: String,
    pub kind: String,
    pub required: bool,
}

/// The most fields a collection's form may ask.
pub const MAX_FIELDS: usize = 12;

/// One round of a collection: the days it covers and the day it is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub due_on: NaiveDate,
}

/// How a collection asks: how often, and when each round is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cadence {
    pub recurrence: Recurrence,
    /// The first day of the first period.
    pub opens_on: NaiveDate,
    /// For a recurring one, the day of the month after a period on which it is due.
    pub due_day: u32,
    /// For a one-off, the deadline.
    pub due_on: Option<NaiveDate>,
}

fn first_of_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1).expect("every month has a first day")
}

fn months_later(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(chrono::Months::new(months))
        .expect("dates stay within chrono's range")
}

impl Cadence {
    /// The months one period spans.
    fn months(self) -> u32 {
        match self.recurrence {
            Recurrence::Quarterly => 3,
            _ => 1,
        }
    }

    /// The first period: a month from the first of the opening month, or the fiscal quarter (July,
    /// October, January, April) the opening day falls in; a one-off from its opening to its deadline.
    fn first(self) -> Period {
        let starts_on = match self.recurrence {
            Recurrence::Once => self.opens_on,
            Recurrence::Monthly => first_of_month(self.opens_on),
            Recurrence::Quarterly => {
                let month0 = self.opens_on.month0();
                let quarter_start = month0 - month0 % 3;
                NaiveDate::from_ymd_opt(self.opens_on.year(), quarter_start + 1, 1)
                    .expect("a quarter starts on a real day")
            }
        };
        match self.recurrence {
            Recurrence::Once => {
                let due_on = self.due_on.unwrap_or(self.opens_on);
                Period {
                    starts_on,
                    ends_on: due_on,
                    due_on,
                }
            }
            _ => self.period_from(starts_on),
        }
    }

    fn period_from(self, starts_on: NaiveDate) -> Period {
        let next = months_later(starts_on, self.months());
        Period {
            starts_on,
            ends_on: next.pred_opt().expect("a period ends on a real day"),
            due_on: day_in_month(next.year(), next.month(), self.due_day),
        }
    }

    /// Every period begun by `today`, oldest first: a recurring collection opens each period on its
    /// first day by itself (the first one covers the whole month or quarter it opens in); a one-off has
    /// its one period from the day it opens. Nothing before the collection opens.
    pub fn periods_until(self, today: NaiveDate) -> Vec<Period> {
        if self.opens_on > today {
            return Vec::new();
        }
        let first = self.first();
        if self.recurrence == Recurrence::Once {
            return vec![first];
        }
        std::iter::successors(Some(first), |period| {
            let next = self.period_from(period.ends_on.succ_opt()?);
            (next.starts_on <= today).then_some(next)
        })
        .collect()
    }
}

/// A collection as typed in the form, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectionDraft {
    pub key: String,
    pub kind: CollectionKind,
    pub title: Bilingual,
    pub instructions: Bilingual,
    pub cadence: Cadence,
    pub late_allowed: bool,
    pub evidence_required: bool,
    /// When set, each office directly under the asking one gathers its field offices' submissions,
    /// reviews them and forwards them within this many days of the deadline.
    pub forward_days: Option<u32>,
    /// The collection's own fields, in order.
    pub fields: Vec<FieldSpec>,
}

/// The fields of a collection as typed, before checking.
#[derive(Debug, Clone, Default)]
pub struct CollectionFields {
    pub key: String,
    pub kind: String,
    pub title_bn: String,
    pub title_en: String,
    pub instructions_bn: String,
    pub instructions_en: String,
    pub recurrence: String,
    pub opens_on: String,
    pub due_day: String,
    pub due_on: String,
    pub late_allowed: bool,
    pub evidence_required: bool,
    /// Empty when nobody gathers; else the days after the deadline the gathering offices have.
    pub forward_days: String,
    /// The rows of the form's own fields, empty ones included.
    pub fields: Vec<FieldSpecFields>,
}

/// The longest time a gathering office may be given to forward, in days.
const MAX_FORWARD_DAYS: u32 = 60;

/// Checks a collection's fields; every problem is reported against its field. A recurring one needs a
/// due day from 1 to 28 (every month has it); a one-off needs a deadline not before it opens.
pub fn check_collection(fields: &CollectionFields) -> Result<CollectionDraft, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let key = fields.key.trim().to_owned();
    if !crate::office::valid_key(&key) {
        errors.add("key", "error-key");
    }
    let kind = CollectionKind::from_code(fields.kind.trim());
    if kind.is_err() {
        errors.add("kind", "error-collection-kind");
    }
    for (field, value) in [
        ("title_bn", &fields.title_bn),
        ("title_en", &fields.title_en),
    ] {
        if value.trim().is_empty() {
            errors.add(field, "error-required");
        }
    }
    let recurrence = Recurrence::from_code(fields.recurrence.trim());
    if recurrence.is_err() {
        errors.add("recurrence", "error-collection-recurrence");
    }
    let date = |text: &str| bangla::format::parse_date(text.trim()).ok();
    let opens_on = date(&fields.opens_on);
    if opens_on.is_none() {
        errors.add("opens_on", "error-bad-date");
    }
    let mut due_day = 0;
    let mut due_on = None;
    match recurrence {
        Ok(Recurrence::Once) => {
            due_on = date(&fields.due_on);
            match (due_on, opens_on) {
                (None, _) => {
                    errors.add("due_on", "error-bad-date");
                }
                (Some(due), Some(opens)) if due < opens => {
                    errors.add("due_on", "error-collection-due-before-open");
                }
                _ => {}
            }
        }
        Ok(_) => match bangla::digits::to_ascii_digits(fields.due_day.trim()).parse::<u32>() {
            Ok(day @ 1..=28) => due_day = day,
            _ => {
                errors.add("due_day", "error-collection-due-day");
            }
        },
        Err(_) => {}
    }
    let forward_days = match bangla::digits::to_ascii_digits(fields.forward_days.trim()).as_str() {
        "" => None,
        typed => match typed.parse::<u32>() {
            Ok(days @ 1..=MAX_FORWARD_DAYS) => Some(days),
            _ => {
                errors.add("forward_days", "error-collection-forward-days");
                None
            }
        },
    };
    let specs = check_fields(&fields.fields, &mut errors);
    match (kind, recurrence, opens_on) {
        (Ok(kind), Ok(recurrence), Some(opens_on)) if errors.is_empty() => Ok(CollectionDraft {
            key,
            kind,
            title: Bilingual::new(fields.title_bn.trim(), fields.title_en.trim()),
            instructions: Bilingual::new(
                fields.instructions_bn.trim(),
                fields.instructions_en.trim(),
            ),
            cadence: Cadence {
                recurrence,
                opens_on,
                due_day,
                due_on,
            },
            late_allowed: fields.late_allowed,
            evidence_required: fields.evidence_required,
            forward_days,
            fields: specs,
        }),
        _ => Err(errors),
    }
}

/// The form's own fields: rows with neither label are skipped; a row needs both labels and a kind.
fn check_fields(rows: &[FieldSpecFields], errors: &mut ValidationErrors) -> Vec<FieldSpec> {
    let mut specs = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        let (bn, en) = (row.label_bn.trim(), row.label_en.trim());
        if bn.is_empty() && en.is_empty() {
            continue;
        }
        if bn.is_empty() || en.is_empty() {
            errors.add(format!("field_{index}"), "error-field-labels");
            continue;
        }
        let Ok(kind) = FieldKind::from_code(row.kind.trim()) else {
            errors.add(format!("field_{index}"), "error-field-kind");
            continue;
        };
        specs.push(FieldSpec {
            key: format!("f{}", specs.len() + 1),
            label: Bilingual::new(bn, en),
            kind,
            required: row.required,
        });
    }
    if specs.len() > MAX_FIELDS {
        errors
            .add("fields", "error-fields-too-many")
            .with("most", MAX_FIELDS);
    }
    specs
}

/// Checks the answers to a collection's own fields (typed by field key): a required one must be there,
/// a number must read as one (in either script, with a decimal point); returns them by key, as typed
/// but trimmed and with numbers in ASCII digits, leaving out the empty ones.
pub fn check_answers(
    specs: &[FieldSpec],
    typed: &[(String, String)],
) -> Result<Vec<(String, String)>, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let mut answers = Vec::new();
    for spec in specs {
        let value = typed
            .iter()
            .find(|(key, _)| *key == spec.key)
            .map_or("", |(_, value)| value.trim());
        let field = format!("answer_{}", spec.key);
        if value.is_empty() {
            if spec.required {
                errors.add(field, "error-required");
            }
            continue;
        }
        let value = match spec.kind {
            FieldKind::Number => {
                let number = bangla::digits::to_ascii_digits(value).replace(',', "");
                if number.parse::<f64>().is_err() {
                    errors.add(field, "error-answer-number");
                    continue;
                }
                number
            }
            FieldKind::Text => value.to_owned(),
        };
        answers.push((spec.key.clone(), value));
    }
    errors.into_result(answers)
}

/// The day a gathering office must forward a period's submissions by.
pub fn forward_due(due_on: NaiveDate, forward_days: u32) -> NaiveDate {
    due_on + chrono::Days::new(u64::from(forward_days))
}

/// Whether an office may forward with `unreviewed` of its offices' submissions not yet accepted or
/// returned (or not in at all): only with the reason stated, which is then kept.
pub fn check_forward(unreviewed: usize, reason: &str) -> Result<Option<String>, &'static str> {
    match (unreviewed, reason.trim()) {
        (0, _) => Ok(None),
        (_, "") => Err("error-forward-reason"),
        (_, reason) => Ok(Some(reason.to_owned())),
    }
}

/// A respondent's latest submission in a period, as much as its standing needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Latest {
    pub status: SubmissionStatus,
    /// Whether the first submission of the period came after the deadline.
    pub late: bool,
}

/// How a respondent stands in a period today.
pub fn standing(latest: Option<Latest>, due_on: NaiveDate, today: NaiveDate) -> Standing {
    match latest {
        None if today > due_on => Standing::Missing,
        None => Standing::Awaited,
        Some(latest) if latest.status == SubmissionStatus::Returned => Standing::Returned,
        Some(latest) if latest.late => Standing::Late,
        Some(_) => Standing::OnTime,
    }
}

/// Why a submission cannot be taken now, as a message key; `Ok(late)` says whether it counts as late.
/// A first submission after the deadline is taken only where late ones are allowed; one sent again
/// after a return keeps the first one's mark, whenever it comes.
pub fn accepts(
    latest: Option<Latest>,
    due_on: NaiveDate,
    today: NaiveDate,
    late_allowed: bool,
) -> Result<bool, &'static str> {
    match latest {
        Some(latest) if latest.status == SubmissionStatus::Returned => Ok(latest.late),
        Some(_) => Err("error-submission-already-in"),
        None if today <= due_on => Ok(false),
        None if late_allowed => Ok(true),
        None => Err("error-collection-closed"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn monthly(opens_on: &str) -> Cadence {
        Cadence {
            recurrence: Recurrence::Monthly,
            opens_on: day(opens_on),
            due_day: 3,
            due_on: None,
        }
    }

    #[test]
    fn a_monthly_collection_opens_each_month_due_on_the_third_of_the_next() {
        let periods = monthly("2026-10-15").periods_until(day("2026-12-01"));
        assert_eq!(periods.len(), 3);
        assert_eq!(
            periods[0],
            Period {
                starts_on: day("2026-10-01"),
                ends_on: day("2026-10-31"),
                due_on: day("2026-11-03"),
            }
        );
        assert_eq!(periods[2].starts_on, day("2026-12-01"));
        assert_eq!(periods[2].due_on, day("2027-01-03"));
        assert!(
            monthly("2026-12-02")
                .periods_until(day("2026-12-01"))
                .is_empty()
        );
    }

    #[test]
    fn a_quarterly_collection_follows_the_fiscal_quarters() {
        let cadence = Cadence {
            recurrence: Recurrence::Quarterly,
            opens_on: day("2026-08-20"),
            due_day: 10,
            due_on: None,
        };
        let periods = cadence.periods_until(day("2027-01-01"));
        assert_eq!(periods.len(), 3);
        assert_eq!(periods[0].starts_on, day("2026-07-01"));
        assert_eq!(periods[0].ends_on, day("2026-09-30"));
        assert_eq!(periods[0].due_on, day("2026-10-10"));
        assert_eq!(periods[2].starts_on, day("2027-01-01"));
    }

    #[test]
    fn a_one_off_has_one_period_to_its_deadline() {
        let cadence = Cadence {
            recurrence: Recurrence::Once,
            opens_on: day("2022-09-01"),
            due_day: 0,
            due_on: Some(day("2022-09-30")),
        };
        assert_eq!(cadence.periods_until(day("2022-08-31")), vec![]);
        let periods = cadence.periods_until(day("2023-01-01"));
        assert_eq!(periods.len(), 1);
        assert_eq!(periods[0].due_on, day("2022-09-30"));
    }

    fn fields() -> CollectionFields {
        CollectionFields {
            key: "mole-e-filing".into(),
            kind: "e_filing_return".into(),
            title_bn: "ই-ফাইলিংয়ের মাসিক তথ্য".into(),
            title_en: "Monthly e-filing return".into(),
            recurrence: "monthly".into(),
            opens_on: "০১-১০-২০২২".into(),
            due_day: "৩".into(),
            ..CollectionFields::default()
        }
    }

    #[test]
    fn a_collection_is_checked_field_by_field() {
        let draft = check_collection(&fields()).unwrap();
        assert_eq!(draft.cadence.due_day, 3);
        assert_eq!(draft.cadence.opens_on, day("2022-10-01"));

        let wrong = CollectionFields {
            due_day: "31".into(),
            title_en: " ".into(),
            ..fields()
        };
        let errors = check_collection(&wrong).unwrap_err();
        let fields_named: Vec<&str> = errors.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields_named, ["title_en", "due_day"]);

        let once = CollectionFields {
            recurrence: "once".into(),
            due_on: "2022-09-30".into(),
            ..fields()
        };
        let errors = check_collection(&once).unwrap_err();
        assert_eq!(
            errors.errors[0].message_key,
            "error-collection-due-before-open"
        );
    }

    #[test]
    fn a_gathering_office_forwards_within_its_days_and_gives_a_reason_for_what_is_unreviewed() {
        let draft = check_collection(&CollectionFields {
            forward_days: "৭".into(),
            ..fields()
        })
        .unwrap();
        assert_eq!(draft.forward_days, Some(7));
        assert_eq!(check_collection(&fields()).unwrap().forward_days, None);
        let errors = check_collection(&CollectionFields {
            forward_days: "90".into(),
            ..fields()
        })
        .unwrap_err();
        assert_eq!(errors.errors[0].field, "forward_days");
        assert_eq!(forward_due(day("2022-09-30"), 7), day("2022-10-07"));
        assert_eq!(check_forward(0, ""), Ok(None));
        assert_eq!(check_forward(1, " "), Err("error-forward-reason"));
        assert_eq!(
            check_forward(1, " উপজেলা অফিস এখনও পাঠায়নি "),
            Ok(Some("উপজেলা অফিস এখনও পাঠায়নি".to_owned()))
        );
    }

    #[test]
    fn a_collections_own_fields_are_numbered_and_their_answers_checked() {
        let rows = vec![
            FieldSpecFields {
                label_bn: "পরিদর্শিত কারখানা".into(),
                label_en: "Factories inspected".into(),
                kind: "number".into(),
                required: true,
            },
            FieldSpecFields::default(),
            FieldSpecFields {
                label_bn: "উদ্ভাবন".into(),
                label_en: "Innovations".into(),
                kind: "text".into(),
                required: false,
            },
        ];
        let draft = check_collection(&CollectionFields {
            fields: rows.clone(),
            ..fields()
        })
        .unwrap();
        let keys: Vec<&str> = draft.fields.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(keys, ["f1", "f2"]);
        let half = vec![FieldSpecFields {
            label_bn: "শুধু বাংলা".into(),
            kind: "text".into(),
            ..FieldSpecFields::default()
        }];
        let errors = check_collection(&CollectionFields {
            fields: half,
            ..fields()
        })
        .unwrap_err();
        assert_eq!(errors.errors[0].field, "field_0");

        let typed = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect()
        };
        assert_eq!(
            check_answers(&draft.fields, &typed(&[("f1", " ১,২০০ "), ("f2", "")])).unwrap(),
            [("f1".to_owned(), "1200".to_owned())]
        );
        let errors = check_answers(&draft.fields, &typed(&[("f1", "বারো")])).unwrap_err();
        assert_eq!(errors.errors[0].message_key, "error-answer-number");
        let errors = check_answers(&draft.fields, &[]).unwrap_err();
        assert_eq!(
            (
                errors.errors[0].field.as_str(),
                errors.errors[0].message_key
            ),
            ("answer_f1", "error-required")
        );
    }

    #[test]
    fn a_late_first_submission_needs_late_ones_allowed_and_a_resubmission_keeps_its_mark() {
        let due = day("2026-12-03");
        assert_eq!(accepts(None, due, day("2026-12-03"), false), Ok(false));
        assert_eq!(
            accepts(None, due, day("2026-12-04"), false),
            Err("error-collection-closed")
        );
        assert_eq!(accepts(None, due, day("2026-12-04"), true), Ok(true));
        let returned = Latest {
            status: SubmissionStatus::Returned,
            late: false,
        };
        assert_eq!(
            accepts(Some(returned), due, day("2026-12-20"), false),
            Ok(false)
        );
        let accepted = Latest {
            status: SubmissionStatus::Accepted,
            late: true,
        };
        assert_eq!(
            accepts(Some(accepted), due, day("2026-12-01"), true),
            Err("error-submission-already-in")
        );
        assert_eq!(
            standing(Some(accepted), due, day("2026-12-01")),
            Standing::Late
        );
        assert_eq!(standing(None, due, day("2026-12-03")), Standing::Awaited);
        assert_eq!(standing(None, due, day("2026-12-04")), Standing::Missing);
        assert_eq!(
            standing(Some(returned), due, day("2026-12-04")),
            Standing::Returned
        );
    }
}
