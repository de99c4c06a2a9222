//! An office's proactive-disclosure list (স্বপ্রণোদিত তথ্য প্রকাশ, section 6 of the Act): each kind of
//! information the office publishes of its own accord, where it is, and when it was last brought up to
//! date, checked as typed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::innovation::web_address;
use crate::register::{SHORT_CHARS, bounded, day};
use crate::{Bilingual, ValidationErrors};

/// One entry of the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disclosure {
    pub title: Bilingual,
    /// Where it is published (empty when it is kept at the office for inspection).
    pub link: String,
    pub updated_on: NaiveDate,
}

/// An entry as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct DisclosureFields {
    pub title_bn: String,
    pub title_en: String,
    pub link: String,
    pub updated_on: String,
}

/// Checks an entry: a Bengali title, a web address if one is given, and the day it was last brought up
/// to date, no later than today.
pub fn check_disclosure(
    fields: &DisclosureFields,
    today: NaiveDate,
) -> Result<Disclosure, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let title_bn = bounded(
        "title_bn",
        &fields.title_bn,
        (true, SHORT_CHARS),
        &mut errors,
    );
    let title_en = bounded(
        "title_en",
        &fields.title_en,
        (false, SHORT_CHARS),
        &mut errors,
    );
    let link = fields.link.trim();
    if !(link.is_empty() || web_address(link)) {
        errors.add("link", "error-web-address");
    }
    let updated_on = day(
        "updated_on",
        &fields.updated_on,
        (None, ""),
        today,
        &mut errors,
    );
    match updated_on {
        Some(updated_on) if errors.is_empty() => Ok(Disclosure {
            title: Bilingual::new(title_bn, title_en),
            link: link.to_owned(),
            updated_on,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_needs_a_title_a_web_address_if_any_and_a_past_date() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let fields = DisclosureFields {
            title_bn: "সিটিজেন চার্টার".into(),
            link: "https://mole.gov.bd/charter".into(),
            updated_on: "৩০-১১-২০২৬".into(),
            ..DisclosureFields::default()
        };
        assert_eq!(
            check_disclosure(&fields, today).unwrap().link,
            "https://mole.gov.bd/charter"
        );
        let wrong = DisclosureFields {
            link: "mole.gov.bd".into(),
            updated_on: "02-12-2026".into(),
            ..DisclosureFields::default()
        };
        let problems: Vec<_> = check_disclosure(&wrong, today)
            .unwrap_err()
            .errors
            .into_iter()
            .map(|error| error.message_key)
            .collect();
        assert_eq!(
            problems,
            ["error-required", "error-web-address", "error-future-date"]
        );
    }
}
