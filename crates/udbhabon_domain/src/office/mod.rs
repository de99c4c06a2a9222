//! Offices (ministries, agencies, field offices) and the units inside them (wings, branches, sections, cells).

pub mod geo;
pub mod memo;
pub mod person;

use crate::vocabulary::vocabulary;
use crate::{Bilingual, ValidationErrors, Vocabulary};

vocabulary! {
    /// What kind of government body an office is. A Secretariat Division and an administrative
    /// division share the Bengali word বিভাগ but are different kinds (domain.md §1.1).
    pub enum OfficeKind ("office kind", "office-kind") {
        Ministry => "ministry",
        /// A Secretariat Division such as the Cabinet Division.
        Division => "division",
        Department => "department",
        Board => "board",
        Tribunal => "tribunal",
        Foundation => "foundation",
        Fund => "fund",
        /// A field office at administrative-division level.
        DivisionalOffice => "divisional_office",
        DistrictOffice => "district_office",
        UpazilaOffice => "upazila_office",
    }
}

vocabulary! {
    /// The level of a unit inside an office (Secretariat Instructions terminology).
    pub enum UnitLevel ("unit level", "unit-level") {
        /// অনুবিভাগ, led by a Joint or Additional Secretary.
        Wing => "wing",
        /// অধিশাখা, led by a Deputy Secretary.
        Branch => "branch",
        /// শাখা.
        Section => "section",
        /// সেল, such as the ICT Cell.
        Cell => "cell",
        /// The office of a head, such as সচিবের দপ্তর.
        HeadOffice => "head_office",
    }
}

impl OfficeKind {
    /// Whether offices of this kind sit in the field rather than at headquarters.
    pub fn is_field_office(self) -> bool {
        matches!(
            self,
            Self::DivisionalOffice | Self::DistrictOffice | Self::UpazilaOffice
        )
    }
}

/// An office as typed in a form or an import row, checked: what `check_office` accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeDraft {
    pub key: String,
    pub parent_key: Option<String>,
    pub kind: OfficeKind,
    pub name: Bilingual,
    pub short_name_en: Option<String>,
    pub memo_code: Option<String>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// The district a field office sits in, by its two-digit code.
    pub district_code: Option<String>,
}

/// The fields of an office as typed, before checking.
#[derive(Debug, Clone, Default)]
pub struct OfficeFields {
    pub key: String,
    pub parent_key: String,
    pub kind: String,
    pub name_bn: String,
    pub name_en: String,
    pub short_name_en: String,
    pub memo_code: String,
    pub website: String,
    pub email: String,
    pub phone: String,
    /// A district's two-digit code (in either script) or its English name.
    pub district: String,
}

/// Whether `key` can name a record: 1–64 lowercase ASCII letters, digits and hyphens, starting with a
/// letter or digit (keys appear in addresses and import files).
pub fn valid_key(key: &str) -> bool {
    (1..=64).contains(&key.len())
        && key
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-')
        && !key.starts_with('-')
}

fn optional(text: &str) -> Option<String> {
    Some(text.trim().to_owned()).filter(|text| !text.is_empty())
}

/// Checks an office's fields; every problem is reported, each against its field.
pub fn check_office(fields: &OfficeFields) -> Result<OfficeDraft, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let key = fields.key.trim().to_owned();
    if !valid_key(&key) {
        errors.add("key", "error-key");
    }
    let parent_key = optional(&fields.parent_key);
    let kind = OfficeKind::from_code(fields.kind.trim());
    if kind.is_err() {
        errors.add("kind", "error-office-kind");
    }
    for (field, value) in [("name_bn", &fields.name_bn), ("name_en", &fields.name_en)] {
        if value.trim().is_empty() {
            errors.add(field, "error-required");
        }
    }
    let memo_code = optional(&bangla::digits::to_ascii_digits(&fields.memo_code));
    if memo_code.as_deref().is_some_and(|code| {
        !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit())
    }) {
        errors.add("memo_code", "error-memo-code");
    }
    let email = optional(&fields.email);
    if let Some(address) = &email
        && let Err(problems) = crate::account::Email::parse(address, "email")
    {
        errors.errors.extend(problems.errors);
    }
    let website = optional(&fields.website);
    if website
        .as_deref()
        .is_some_and(|site| site.contains(char::is_whitespace))
    {
        errors.add("website", "error-website");
    }
    let district = optional(&bangla::digits::to_ascii_digits(&fields.district));
    let district_code = district.as_deref().map(|typed| {
        crate::office::geo::DISTRICTS
            .iter()
            .find(|district| district.code == typed || district.en.eq_ignore_ascii_case(typed))
            .map(|district| district.code.to_owned())
    });
    if district_code.as_ref().is_some_and(Option::is_none) {
        errors.add("district", "error-district");
    }
    match kind {
        Ok(kind) if errors.is_empty() => Ok(OfficeDraft {
            key,
            parent_key,
            kind,
            name: Bilingual::new(fields.name_bn.trim(), fields.name_en.trim()),
            short_name_en: optional(&fields.short_name_en),
            memo_code,
            website,
            email: email.map(|address| address.to_lowercase()),
            phone: optional(&fields.phone),
            district_code: district_code.flatten(),
        }),
        _ => Err(errors),
    }
}

/// A unit (wing, branch, section, cell) as typed in a form or an import row, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitDraft {
    pub key: String,
    /// The unit it sits under, in the same office (a branch under its wing).
    pub parent_key: Option<String>,
    pub level: UnitLevel,
    pub name: Bilingual,
    /// The three-digit branch code of memo numbers ("036").
    pub memo_code: Option<String>,
}

/// The fields of a unit as typed, before checking; the office is chosen separately.
#[derive(Debug, Clone, Default)]
pub struct UnitFields {
    pub key: String,
    pub parent_key: String,
    pub level: String,
    pub name_bn: String,
    pub name_en: String,
    pub memo_code: String,
}

/// Checks a unit's fields; every problem is reported, each against its field.
pub fn check_unit(fields: &UnitFields) -> Result<UnitDraft, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let key = fields.key.trim().to_owned();
    if !valid_key(&key) {
        errors.add("key", "error-key");
    }
    let level = UnitLevel::from_code(fields.level.trim());
    if level.is_err() {
        errors.add("level", "error-unit-level");
    }
    for (field, value) in [("name_bn", &fields.name_bn), ("name_en", &fields.name_en)] {
        if value.trim().is_empty() {
            errors.add(field, "error-required");
        }
    }
    let memo_code = optional(&bangla::digits::to_ascii_digits(&fields.memo_code));
    if memo_code
        .as_deref()
        .is_some_and(|code| code.len() != 3 || !code.bytes().all(|b| b.is_ascii_digit()))
    {
        errors.add("memo_code", "error-unit-code");
    }
    match level {
        Ok(level) if errors.is_empty() => Ok(UnitDraft {
            key,
            parent_key: optional(&fields.parent_key),
            level,
            name: Bilingual::new(fields.name_bn.trim(), fields.name_en.trim()),
            memo_code,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_row_is_checked_field_by_field_and_its_code_read_in_either_digits() {
        let good = UnitFields {
            key: "mole-ict-cell".into(),
            level: "cell".into(),
            name_bn: "আইসিটি সেল".into(),
            name_en: "ICT Cell".into(),
            memo_code: "০৩৬".into(),
            ..UnitFields::default()
        };
        let draft = check_unit(&good).unwrap();
        assert_eq!(
            (draft.level, draft.memo_code.as_deref()),
            (UnitLevel::Cell, Some("036"))
        );
        let bad = UnitFields {
            key: "ICT".into(),
            level: "floor".into(),
            memo_code: "36".into(),
            name_en: String::new(),
            ..good
        };
        let fields: Vec<_> = check_unit(&bad)
            .unwrap_err()
            .errors
            .into_iter()
            .map(|error| error.field)
            .collect();
        assert_eq!(fields, ["key", "level", "name_en", "memo_code"]);
    }

    #[test]
    fn only_divisional_district_and_upazila_offices_are_field_offices() {
        let field: Vec<_> = OfficeKind::ALL
            .iter()
            .filter(|kind| kind.is_field_office())
            .collect();
        assert_eq!(
            field,
            [
                &OfficeKind::DivisionalOffice,
                &OfficeKind::DistrictOffice,
                &OfficeKind::UpazilaOffice
            ]
        );
    }
}

#[cfg(test)]
mod check_tests {
    use super::*;

    fn fields() -> OfficeFields {
        OfficeFields {
            key: "dife-dhaka".into(),
            parent_key: "dife".into(),
            kind: "divisional_office".into(),
            name_bn: "উপমহাপরিদর্শকের কার্যালয়, ঢাকা".into(),
            name_en: "Office of the Deputy Inspector General, Dhaka".into(),
            memo_code: "৪০".into(),
            ..OfficeFields::default()
        }
    }

    #[test]
    fn a_good_row_is_accepted_with_its_code_in_ascii_digits() {
        let draft = check_office(&fields()).unwrap();
        assert_eq!(draft.kind, OfficeKind::DivisionalOffice);
        assert_eq!(draft.memo_code.as_deref(), Some("40"));
        assert_eq!(draft.parent_key.as_deref(), Some("dife"));
        assert_eq!(draft.website, None);
        assert_eq!(draft.district_code, None);
    }

    #[test]
    fn a_district_is_taken_by_its_code_in_either_script_or_its_english_name() {
        for typed in ["২৬", "26", "dhaka"] {
            let draft = check_office(&OfficeFields {
                district: typed.into(),
                ..fields()
            })
            .unwrap();
            assert_eq!(draft.district_code.as_deref(), Some("26"), "{typed}");
        }
        let errors = check_office(&OfficeFields {
            district: "02".into(),
            ..fields()
        })
        .unwrap_err();
        assert_eq!(errors.errors[0].field, "district");
        assert_eq!(errors.errors[0].message_key, "error-district");
    }

    #[test]
    fn every_problem_of_a_row_is_reported_against_its_field() {
        let bad = OfficeFields {
            key: "DIFE Dhaka".into(),
            kind: "palace".into(),
            name_en: " ".into(),
            memo_code: "7".into(),
            email: "not an email".into(),
            ..fields()
        };
        let errors = check_office(&bad).unwrap_err();
        let fields: Vec<_> = errors
            .errors
            .iter()
            .map(|error| error.field.as_str())
            .collect();
        assert_eq!(fields, ["key", "kind", "name_en", "memo_code", "email"]);
    }

    #[test]
    fn keys_are_short_lowercase_ascii_with_hyphens() {
        assert!(valid_key("mole-ict-cell"));
        assert!(!valid_key("-mole"));
        assert!(!valid_key("মন্ত্রণালয়"));
        assert!(!valid_key(&"a".repeat(65)));
    }
}
