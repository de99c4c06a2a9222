//! The software register (terms of reference items 18 and 23; domain-2.md §8): every system an office
//! runs or buys — who owns it, who built it, where it is hosted, what personal data it holds, how many
//! use it — and the handover of its source code (when, where to, which version, and who verified that
//! it builds), checked as typed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::innovation::web_address;
use crate::register::{LONG_CHARS, SHORT_CHARS, bounded, day, optional_day};
use crate::vocabulary::{chosen, vocabulary};
use crate::{Bilingual, ValidationErrors};

vocabulary! {
    /// Where a system runs.
    pub enum Hosting ("hosting", "software-hosting") {
        /// The National Data Center (BCC).
        NationalDataCenter => "national_data_center",
        OwnServer => "own_server",
        Cloud => "cloud",
        /// On the vendor's servers.
        Vendor => "vendor",
    }
}

vocabulary! {
    /// The most sensitive class of data a system holds, in the four classes of the Personal Data
    /// Protection Ordinance, 2025.
    pub enum DataClass ("data class", "software-data-class") {
        Open => "open",
        Internal => "internal",
        Confidential => "confidential",
        Restricted => "restricted",
    }
}

vocabulary! {
    /// Where a system's source code was handed over to (the draft National Source Code Policy, 2025).
    pub enum Custody ("custody", "software-custody") {
        /// The National Source Code Repository run by BCC.
        NationalRepository => "national_repository",
        /// A repository of the office's own.
        OwnRepository => "own_repository",
        /// Held in escrow.
        Escrow => "escrow",
        /// On a medium kept at the office (a disc, a drive).
        Medium => "medium",
    }
}

/// A system as registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Software {
    pub name: Bilingual,
    pub purpose: String,
    /// The branch or unit that owns it.
    pub owner: String,
    pub vendor: String,
    pub hosting: Hosting,
    /// Where it is reached, when it has a web address.
    pub url: String,
    /// How many use it, when known.
    pub users: Option<u32>,
    pub personal_data: bool,
    pub data_class: DataClass,
}

/// A system as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SoftwareFields {
    pub name_bn: String,
    pub name_en: String,
    pub purpose: String,
    pub owner: String,
    pub vendor: String,
    pub hosting: String,
    pub url: String,
    pub users: String,
    pub personal_data: Option<String>,
    pub data_class: String,
}

/// Checks a system: a Bengali name, its owner, where it is hosted and the class of data it holds; a
/// web address and a whole number of users when given.
pub fn check_software(fields: &SoftwareFields) -> Result<Software, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let name_bn = bounded("name_bn", &fields.name_bn, (true, SHORT_CHARS), &mut errors);
    let name_en = bounded(
        "name_en",
        &fields.name_en,
        (false, SHORT_CHARS),
        &mut errors,
    );
    let purpose = bounded("purpose", &fields.purpose, (false, LONG_CHARS), &mut errors);
    let owner = bounded("owner", &fields.owner, (true, SHORT_CHARS), &mut errors);
    let vendor = bounded("vendor", &fields.vendor, (false, SHORT_CHARS), &mut errors);
    let hosting = chosen::<Hosting>("hosting", &fields.hosting, &mut errors);
    let url = fields.url.trim();
    if !(url.is_empty() || web_address(url)) {
        errors.add("url", "error-web-address");
    }
    let users = fields.users.trim();
    let users = if users.is_empty() {
        None
    } else {
        let count = bangla::digits::to_ascii_digits(users)
            .replace(',', "")
            .parse::<u32>()
            .ok();
        if count.is_none() {
            errors.add("users", "error-count");
        }
        count
    };
    let data_class = chosen::<DataClass>("data_class", &fields.data_class, &mut errors);
    match (hosting, data_class) {
        (Some(hosting), Some(data_class)) if errors.is_empty() => Ok(Software {
            name: Bilingual::new(name_bn, name_en),
            purpose,
            owner,
            vendor,
            hosting,
            url: url.to_owned(),
            users,
            personal_data: fields.personal_data.is_some(),
            data_class,
        }),
        _ => Err(errors),
    }
}

/// The handover of a system's source code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handover {
    pub custody: Custody,
    pub handed_over_on: NaiveDate,
    /// The repository's address, or the medium and where it is kept.
    pub location: String,
    /// The version or release handed over.
    pub version: String,
    /// Who built it from the code handed over and found that it builds, and when.
    pub verified: Option<(String, NaiveDate)>,
}

/// A handover as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct HandoverFields {
    pub custody: String,
    pub handed_over_on: String,
    pub location: String,
    pub version: String,
    pub verified_by: String,
    pub verified_on: String,
}

/// Checks a handover: where to, on a day no later than today, the repository or medium and the
/// version; and, when the build was verified, by whom and on a day between the handover and today.
pub fn check_handover(
    fields: &HandoverFields,
    today: NaiveDate,
) -> Result<Handover, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let custody = chosen::<Custody>("custody", &fields.custody, &mut errors);
    let handed_over_on = day(
        "handed_over_on",
        &fields.handed_over_on,
        (None, ""),
        today,
        &mut errors,
    );
    let location = bounded(
        "location",
        &fields.location,
        (true, SHORT_CHARS),
        &mut errors,
    );
    let version = bounded("version", &fields.version, (true, SHORT_CHARS), &mut errors);
    let verified_by = bounded(
        "verified_by",
        &fields.verified_by,
        (false, SHORT_CHARS),
        &mut errors,
    );
    let verified_on = optional_day(
        "verified_on",
        &fields.verified_on,
        (handed_over_on, "error-software-verified-before-handover"),
        today,
        &mut errors,
    );
    let verified = match (verified_by.is_empty(), verified_on) {
        (true, Some(None)) => Some(None),
        (false, Some(Some(on))) => Some(Some((verified_by, on))),
        (true, Some(Some(_))) => {
            errors.add("verified_by", "error-software-verified-by");
            None
        }
        (false, Some(None)) => {
            errors.add("verified_on", "error-software-verified-on");
            None
        }
        (_, None) => None,
    };
    match (custody, handed_over_on, verified) {
        (Some(custody), Some(handed_over_on), Some(verified)) if errors.is_empty() => {
            Ok(Handover {
                custody,
                handed_over_on,
                location,
                version,
                verified,
            })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn system() -> SoftwareFields {
        SoftwareFields {
            name_bn: "শ্রমিক নিবন্ধন ব্যবস্থা".into(),
            owner: "আইসিটি সেল".into(),
            hosting: "national_data_center".into(),
            url: "https://lims.mole.gov.bd".into(),
            users: "১,২০০".into(),
            personal_data: Some("1".into()),
            data_class: "confidential".into(),
            ..SoftwareFields::default()
        }
    }

    #[test]
    fn a_system_needs_a_name_an_owner_its_hosting_and_its_data_class() {
        let software = check_software(&system()).unwrap();
        assert_eq!(software.users, Some(1200));
        assert!(software.personal_data);
        let wrong = SoftwareFields {
            owner: " ".into(),
            url: "lims".into(),
            users: "অনেক".into(),
            hosting: String::new(),
            ..system()
        };
        assert_eq!(
            check_software(&wrong).unwrap_err().problems(),
            [
                ("owner".to_owned(), "error-required"),
                ("hosting".to_owned(), "error-required"),
                ("url".to_owned(), "error-web-address"),
                ("users".to_owned(), "error-count"),
            ]
        );
    }

    fn handover(verified_by: &str, verified_on: &str) -> HandoverFields {
        HandoverFields {
            custody: "national_repository".into(),
            handed_over_on: "২০-১১-২০২৬".into(),
            location: "https://code.bcc.gov.bd/mole/lims".into(),
            version: "v2.3.0".into(),
            verified_by: verified_by.into(),
            verified_on: verified_on.into(),
        }
    }

    #[test]
    fn a_build_is_verified_by_someone_on_a_day_after_the_handover() {
        let today = day("2026-12-01");
        let taken = check_handover(&handover("প্রোগ্রামার, আইসিটি সেল", "2026-11-25"), today).unwrap();
        assert_eq!(taken.handed_over_on, day("2026-11-20"));
        assert_eq!(
            taken.verified,
            Some(("প্রোগ্রামার, আইসিটি সেল".to_owned(), day("2026-11-25")))
        );
        assert_eq!(
            check_handover(&handover("", ""), today).unwrap().verified,
            None
        );
        assert_eq!(
            check_handover(&handover("", "2026-11-25"), today)
                .unwrap_err()
                .problems(),
            [("verified_by".to_owned(), "error-software-verified-by")]
        );
        assert_eq!(
            check_handover(&handover("কেউ", "2026-11-19"), today)
                .unwrap_err()
                .problems(),
            [(
                "verified_on".to_owned(),
                "error-software-verified-before-handover"
            )]
        );
        let future = HandoverFields {
            handed_over_on: "2026-12-02".into(),
            ..handover("", "")
        };
        assert_eq!(
            check_handover(&future, today).unwrap_err().problems(),
            [("handed_over_on".to_owned(), "error-future-date")]
        );
    }
}
