//! The citizen charter (সিটিজেন চার্টার): an office's promised services in the prescribed seven columns,
//! the grievance block and what it expects of citizens, checked as typed; and whether a charter was
//! brought up to date in the current quarter, as the charter action plan asks of every office.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::vocabulary::vocabulary;
use crate::{Bilingual, ValidationErrors};

vocabulary! {
    /// The headings the charter's services are listed under (domain-2.md §2).
    pub enum ServiceCategory ("charter service category", "charter-category") {
        /// নাগরিক সেবা.
        Citizen => "citizen",
        /// প্রাতিষ্ঠানিক সেবা: to other offices and institutions.
        Institutional => "institutional",
        /// অভ্যন্তরীণ সেবা: to the office's own staff.
        Internal => "internal",
    }
}

vocabulary! {
    /// The unit a service's time limit is written in.
    pub enum TimeUnit ("time unit", "time-unit") {
        Hour => "hour",
        Day => "day",
        WorkingDay => "working_day",
        Month => "month",
    }
}

vocabulary! {
    /// Where a charter version stands: written, sent to the Chief Innovation Officer, or published.
    pub enum CharterStatus ("charter status", "charter-status") {
        Draft => "draft",
        Submitted => "submitted",
        Published => "published",
    }
}

/// What a service costs the citizen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fee {
    Free,
    /// In paisa.
    Taka(i64),
}

/// How long the office promises to take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeLimit {
    pub amount: u32,
    pub unit: TimeUnit,
}

/// An officer a charter names by post. The name and contacts are whoever holds the post when the
/// charter is published, kept with the version so that a later posting does not rewrite it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Officer {
    pub post_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
}

/// An officer as the published charter prints them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub name: Bilingual,
    pub designation: Bilingual,
    pub phone: String,
    pub email: String,
}

/// One promised service, in the seven columns of the prescribed form (the serial is its place).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CharterService {
    /// Names the service within its charter, so that forms can point at it while others are added.
    pub key: u32,
    pub category: ServiceCategory,
    pub name: Bilingual,
    /// সেবা প্রদান পদ্ধতি.
    pub method: Bilingual,
    /// প্রয়োজনীয় কাগজপত্র এবং প্রাপ্তিস্থান.
    pub documents: Bilingual,
    pub fee: Fee,
    /// How the fee is paid.
    pub payment: Bilingual,
    pub time_limit: TimeLimit,
    pub officer: Officer,
}

/// The grievance (GRS) block: whom a citizen turns to when the responsible officer fails them, and
/// how many working days each has. The third tier, the Cabinet Division, is the same for every office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grievance {
    /// অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক).
    pub officer: Option<Officer>,
    pub officer_days: u32,
    /// আপিল কর্মকর্তা.
    pub appeal: Option<Officer>,
    pub appeal_days: u32,
}

impl Default for Grievance {
    /// The guideline's limits: 30 working days for the অনিক, 20 for the appeal officer (domain-2.md §4).
    fn default() -> Self {
        Self {
            officer: None,
            officer_days: 30,
            appeal: None,
            appeal_days: 20,
        }
    }
}

/// A charter's whole text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CharterContent {
    /// রূপকল্প.
    pub vision: Bilingual,
    /// অভিলক্ষ্য.
    pub mission: Bilingual,
    pub services: Vec<CharterService>,
    pub grievance: Grievance,
    /// আপনার কাছে আমাদের প্রত্যাশা, in order.
    pub expectations: Vec<Bilingual>,
}

impl CharterContent {
    /// The services under one heading, in their order.
    pub fn services_in(&self, category: ServiceCategory) -> impl Iterator<Item = &CharterService> {
        self.services
            .iter()
            .filter(move |service| service.category == category)
    }

    /// A key no service of this charter has.
    pub fn next_key(&self) -> u32 {
        self.services
            .iter()
            .map(|service| service.key)
            .max()
            .map_or(1, |key| key + 1)
    }

    /// Every post the charter names: each service's responsible officer and the grievance officers.
    pub fn officers_mut(&mut self) -> impl Iterator<Item = &mut Officer> {
        self.services
            .iter_mut()
            .map(|service| &mut service.officer)
            .chain(self.grievance.officer.as_mut())
            .chain(self.grievance.appeal.as_mut())
    }

    /// What still keeps the charter from going to the Chief Innovation Officer: a vision, a mission,
    /// at least one service and both grievance officers.
    pub fn check_complete(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        if self.vision.bn.trim().is_empty() || self.mission.bn.trim().is_empty() {
            errors.add("vision_bn", "error-charter-vision");
        }
        if self.services.is_empty() {
            errors.add("services", "error-charter-no-service");
        }
        if self.grievance.officer.is_none() || self.grievance.appeal.is_none() {
            errors.add("grievance", "error-charter-grievance");
        }
        errors.into_result(())
    }
}

/// A service as typed in its form.
#[derive(Debug, Clone, Default)]
pub struct ServiceFields {
    pub category: String,
    pub name: Bilingual,
    pub method: Bilingual,
    pub documents: Bilingual,
    /// A number of taka in either script, or "free" / "বিনামূল্যে".
    pub fee: String,
    pub payment: Bilingual,
    pub time_amount: String,
    pub time_unit: String,
    /// The responsible officer's post, by id; empty when none was chosen.
    pub officer_post: String,
}

/// Checks a service's fields: a heading, a name, a method, a fee that is a number or free, a time
/// limit in whole units, and a responsible officer among `posts` (the office's). `key` names it.
pub fn check_service(
    fields: &ServiceFields,
    posts: &[i32],
    key: u32,
) -> Result<CharterService, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let category = fields.category.parse::<ServiceCategory>().ok();
    if category.is_none() {
        errors.add("category", "error-charter-category");
    }
    for (field, text) in [
        ("name_bn", &fields.name.bn),
        ("method_bn", &fields.method.bn),
        ("documents_bn", &fields.documents.bn),
    ] {
        if text.trim().is_empty() {
            errors.add(field, "error-required");
        }
    }
    let fee = parse_fee(&fields.fee);
    if fee.is_none() {
        errors.add("fee", "error-charter-fee");
    }
    let time_limit = parse_time_limit(&fields.time_amount, &fields.time_unit);
    if time_limit.is_none() {
        errors.add("time_amount", "error-charter-time-limit");
    }
    let post_id = checked_post(&fields.officer_post, posts);
    if post_id.is_none() {
        errors.add("officer_post", "error-charter-officer");
    }
    match (category, fee, time_limit, post_id) {
        (Some(category), Some(fee), Some(time_limit), Some(post_id)) if errors.is_empty() => {
            Ok(CharterService {
                key,
                category,
                name: trimmed(&fields.name),
                method: trimmed(&fields.method),
                documents: trimmed(&fields.documents),
                fee,
                payment: trimmed(&fields.payment),
                time_limit,
                officer: Officer {
                    post_id,
                    contact: None,
                },
            })
        }
        _ => Err(errors),
    }
}

/// The vision, mission, expectations and grievance officers as typed in their form.
#[derive(Debug, Clone, Default)]
pub struct OverviewFields {
    pub vision: Bilingual,
    pub mission: Bilingual,
    /// One expectation per line, in each language (the English lines pair with the Bengali by place).
    pub expectations: Bilingual,
    pub grievance_post: String,
    pub grievance_days: String,
    pub appeal_post: String,
    pub appeal_days: String,
}

/// The parts of a charter an overview form sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    pub vision: Bilingual,
    pub mission: Bilingual,
    pub expectations: Vec<Bilingual>,
    pub grievance: Grievance,
}

/// Checks the overview: a vision and a mission in Bengali, both grievance officers among `posts` (the
/// office's and those of the office above), and their limits in whole working days (1 to 90).
pub fn check_overview(
    fields: &OverviewFields,
    posts: &[i32],
) -> Result<Overview, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    if fields.vision.bn.trim().is_empty() {
        errors.add("vision_bn", "error-required");
    }
    if fields.mission.bn.trim().is_empty() {
        errors.add("mission_bn", "error-required");
    }
    let mut officer = |post: &str, days: &str, post_field: &'static str, days_field| {
        let post_id = checked_post(post, posts);
        if post_id.is_none() {
            errors.add(post_field, "error-officer-post");
        }
        let days = bangla::to_ascii_digits(days.trim())
            .parse::<u32>()
            .ok()
            .filter(|days| (1..=90).contains(days));
        if days.is_none() {
            errors.add(days_field, "error-charter-grievance-days");
        }
        (post_id, days)
    };
    let (grievance_post, grievance_days) = officer(
        &fields.grievance_post,
        &fields.grievance_days,
        "grievance_post",
        "grievance_days",
    );
    let (appeal_post, appeal_days) = officer(
        &fields.appeal_post,
        &fields.appeal_days,
        "appeal_post",
        "appeal_days",
    );
    if grievance_post.is_some() && grievance_post == appeal_post {
        errors.add("appeal_post", "error-charter-appeal-same");
    }
    let expectations = paired_lines(&fields.expectations);
    errors.into_result(())?;
    let officer = |post_id: Option<i32>| {
        post_id.map(|post_id| Officer {
            post_id,
            contact: None,
        })
    };
    Ok(Overview {
        vision: trimmed(&fields.vision),
        mission: trimmed(&fields.mission),
        expectations,
        grievance: Grievance {
            officer: officer(grievance_post),
            officer_days: grievance_days.unwrap_or_default(),
            appeal: officer(appeal_post),
            appeal_days: appeal_days.unwrap_or_default(),
        },
    })
}

/// A time limit as typed: a whole number from 1 to 999, in either script, and its unit's code.
pub fn parse_time_limit(amount: &str, unit: &str) -> Option<TimeLimit> {
    let amount = bangla::to_ascii_digits(amount.trim())
        .parse::<u32>()
        .ok()
        .filter(|amount| (1..=999).contains(amount))?;
    Some(TimeLimit {
        amount,
        unit: unit.parse().ok()?,
    })
}

/// Lines typed one per line in each language, the English paired with the Bengali by place; blank
/// Bengali lines are left out with their English.
pub fn paired_lines(text: &Bilingual) -> Vec<Bilingual> {
    let english: Vec<&str> = text.en.lines().map(str::trim).collect();
    text.bn
        .lines()
        .map(str::trim)
        .enumerate()
        .filter(|(_, line)| !line.is_empty())
        .map(|(index, line)| Bilingual::new(line, english.get(index).copied().unwrap_or("")))
        .collect()
}

/// A fee as typed: "free" in either language (or nothing to pay), else a positive number of taka.
pub fn parse_fee(text: &str) -> Option<Fee> {
    let text = text.trim();
    let folded = text.to_lowercase().replace([' ', '-'], "");
    if ["free", "বিনামূল্যে", "বিনামূল্য", "ফ্রি"].contains(&folded.as_str())
    {
        return Some(Fee::Free);
    }
    match bangla::number::parse_taka(text) {
        Ok(0) => Some(Fee::Free),
        Ok(paisa) if paisa > 0 => Some(Fee::Taka(paisa)),
        _ => None,
    }
}

/// The post a form chose, if it is one of `posts`.
fn checked_post(text: &str, posts: &[i32]) -> Option<i32> {
    bangla::to_ascii_digits(text.trim())
        .parse::<i32>()
        .ok()
        .filter(|id| posts.contains(id))
}

fn trimmed(text: &Bilingual) -> Bilingual {
    Bilingual::new(text.bn.trim(), text.en.trim())
}

/// Whether a charter last published on `published_on` was brought up to date in the quarter of
/// `today`; a charter never published never was.
pub fn updated_this_quarter(published_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    published_on.is_some_and(|on| {
        on <= today
            && bangla::FiscalYear::of(on).ok() == bangla::FiscalYear::of(today).ok()
            && bangla::Quarter::of(on) == bangla::Quarter::of(today)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn service_fields() -> ServiceFields {
        ServiceFields {
            category: "citizen".into(),
            name: Bilingual::new("শ্রমিক নিবন্ধন", "Worker registration"),
            method: Bilingual::new("অনলাইনে", "Online"),
            documents: Bilingual::new("জাতীয় পরিচয়পত্র", ""),
            fee: "বিনামূল্যে".into(),
            payment: Bilingual::default(),
            time_amount: "৭".into(),
            time_unit: "working_day".into(),
            officer_post: "12".into(),
        }
    }

    fn refused(result: Result<CharterService, ValidationErrors>) -> Vec<(String, String)> {
        result
            .unwrap_err()
            .errors
            .iter()
            .map(|error| (error.field.clone(), error.message_key.to_owned()))
            .collect()
    }

    #[test]
    fn a_complete_service_is_accepted_with_bengali_digits() {
        let service = check_service(&service_fields(), &[12], 3).unwrap();
        assert_eq!(service.key, 3);
        assert_eq!(service.fee, Fee::Free);
        assert_eq!(
            service.time_limit,
            TimeLimit {
                amount: 7,
                unit: TimeUnit::WorkingDay
            }
        );
        assert_eq!(service.officer.post_id, 12);
    }

    #[test]
    fn a_fee_is_a_number_of_taka_or_free() {
        assert_eq!(parse_fee("free"), Some(Fee::Free));
        assert_eq!(parse_fee(" বিনা মূল্যে "), Some(Fee::Free));
        assert_eq!(parse_fee("০"), Some(Fee::Free));
        assert_eq!(parse_fee("২০০"), Some(Fee::Taka(20_000)));
        assert_eq!(parse_fee("৳ 1,500.50"), Some(Fee::Taka(150_050)));
        assert_eq!(parse_fee("200 টাকা"), Some(Fee::Taka(20_000)));
        assert_eq!(parse_fee("সরকার নির্ধারিত"), None);
        assert_eq!(parse_fee(""), None);
        assert_eq!(parse_fee("-5"), None);
    }

    #[test]
    fn a_service_without_officer_or_time_limit_or_a_wordy_fee_is_refused() {
        let fields = ServiceFields {
            fee: "আলোচনা সাপেক্ষে".into(),
            time_amount: "".into(),
            officer_post: "".into(),
            ..service_fields()
        };
        assert_eq!(
            refused(check_service(&fields, &[12], 1)),
            [
                ("fee".to_owned(), "error-charter-fee".to_owned()),
                (
                    "time_amount".to_owned(),
                    "error-charter-time-limit".to_owned()
                ),
                (
                    "officer_post".to_owned(),
                    "error-charter-officer".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn the_responsible_officer_must_hold_a_post_of_the_office() {
        let errors = refused(check_service(&service_fields(), &[5, 6], 1));
        assert_eq!(
            errors,
            [(
                "officer_post".to_owned(),
                "error-charter-officer".to_owned()
            )]
        );
    }

    #[test]
    fn expectations_pair_english_lines_with_bengali_by_place() {
        let fields = OverviewFields {
            vision: Bilingual::new("রূপকল্প", ""),
            mission: Bilingual::new("অভিলক্ষ্য", ""),
            expectations: Bilingual::new(
                "নির্ধারিত ফরমে আবেদন\n\nনির্ধারিত ফি পরিশোধ",
                "Apply on the form\n\nPay the fee",
            ),
            grievance_post: "1".into(),
            grievance_days: "৩০".into(),
            appeal_post: "2".into(),
            appeal_days: "20".into(),
        };
        let overview = check_overview(&fields, &[1, 2]).unwrap();
        assert_eq!(
            overview.expectations,
            [
                Bilingual::new("নির্ধারিত ফরমে আবেদন", "Apply on the form"),
                Bilingual::new("নির্ধারিত ফি পরিশোধ", "Pay the fee"),
            ]
        );
        assert_eq!(overview.grievance.officer_days, 30);
        let errors = check_overview(
            &OverviewFields {
                appeal_days: "0".into(),
                ..fields.clone()
            },
            &[1, 2],
        )
        .unwrap_err();
        assert_eq!(errors.errors[0].field, "appeal_days");
        let same = check_overview(
            &OverviewFields {
                appeal_post: "1".into(),
                ..fields
            },
            &[1, 2],
        )
        .unwrap_err();
        assert_eq!(same.errors[0].message_key, "error-charter-appeal-same");
    }

    #[test]
    fn a_charter_is_current_only_when_published_in_this_quarter() {
        let today = date(2026, 12, 6);
        assert!(updated_this_quarter(Some(date(2026, 10, 1)), today));
        assert!(!updated_this_quarter(Some(date(2026, 9, 30)), today));
        assert!(!updated_this_quarter(Some(date(2025, 11, 1)), today));
        assert!(!updated_this_quarter(None, today));
    }

    #[test]
    fn a_charter_goes_to_approval_only_when_complete() {
        let mut content = CharterContent::default();
        let keys: Vec<String> = content
            .check_complete()
            .unwrap_err()
            .errors
            .iter()
            .map(|error| error.message_key.to_owned())
            .collect();
        assert_eq!(
            keys,
            [
                "error-charter-vision",
                "error-charter-no-service",
                "error-charter-grievance"
            ]
        );
        content.vision = Bilingual::new("রূপকল্প", "");
        content.mission = Bilingual::new("অভিলক্ষ্য", "");
        content
            .services
            .push(check_service(&service_fields(), &[12], 1).unwrap());
        content.grievance.officer = Some(Officer {
            post_id: 1,
            contact: None,
        });
        content.grievance.appeal = content.grievance.officer.clone();
        assert!(content.check_complete().is_ok());
        assert_eq!(content.next_key(), 2);
    }
}
