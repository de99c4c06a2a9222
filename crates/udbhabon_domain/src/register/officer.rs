//! The officers each office names for the duties the team coordinates: under the Right to Information
//! Act the designated officer (দায়িত্বপ্রাপ্ত কর্মকর্তা), an alternate and the appellate authority; under
//! the grievance redress guideline the grievance officer (অনিক), the appeal officer and an alternate
//! for each (domain-2.md §4, §5). Each role is held by a post, whoever holds it answering.

use serde::{Deserialize, Serialize};

use crate::vocabulary::vocabulary;
use crate::{ValidationErrors, Vocabulary};

/// The duty an officer serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Duty {
    /// The Right to Information Act, 2009.
    Rti,
    /// The grievance redress system (GRS).
    Grs,
}

vocabulary! {
    /// What an office names an officer, and under which duty.
    pub enum OfficerRole ("officer role", "officer-role") {
        RtiDesignated => "rti_designated",
        RtiAlternate => "rti_alternate",
        RtiAppellate => "rti_appellate",
        /// অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক).
        GrsOfficer => "grs_officer",
        GrsAlternate => "grs_alternate",
        /// আপিল কর্মকর্তা.
        GrsAppellate => "grs_appellate",
        GrsAppellateAlternate => "grs_appellate_alternate",
    }
}

impl OfficerRole {
    /// The duty the role serves.
    pub fn duty(self) -> Duty {
        match self {
            Self::RtiDesignated | Self::RtiAlternate | Self::RtiAppellate => Duty::Rti,
            Self::GrsOfficer
            | Self::GrsAlternate
            | Self::GrsAppellate
            | Self::GrsAppellateAlternate => Duty::Grs,
        }
    }
}

impl Duty {
    /// The roles of the duty, in the order pages list them.
    pub fn roles(self) -> impl Iterator<Item = OfficerRole> {
        OfficerRole::ALL
            .iter()
            .copied()
            .filter(move |role| role.duty() == self)
    }
}

/// One of an office's officers: a role held by a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Officer {
    pub role: OfficerRole,
    pub post_id: i32,
}

/// An officer as chosen on the form.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OfficerFields {
    pub role: String,
    pub post: String,
}

/// Checks an officer: a role of the duty's list and a post chosen (whether the post may be chosen is
/// the office's to say).
pub fn check_officer(duty: Duty, fields: &OfficerFields) -> Result<Officer, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let role = OfficerRole::from_code(fields.role.trim())
        .ok()
        .filter(|role| role.duty() == duty);
    if role.is_none() {
        errors.add("role", "error-required");
    }
    let post_id = fields.post.trim().parse::<i32>().ok();
    if post_id.is_none() {
        errors.add("post", "error-required");
    }
    match (role, post_id) {
        (Some(role), Some(post_id)) => Ok(Officer { role, post_id }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(duty: Duty, fields: &OfficerFields) -> Vec<String> {
        check_officer(duty, fields)
            .unwrap_err()
            .errors
            .into_iter()
            .map(|error| error.field)
            .collect()
    }

    #[test]
    fn an_officer_needs_a_role_of_the_duty_and_a_post() {
        let fields = OfficerFields {
            role: "grs_appellate".into(),
            post: "12".into(),
        };
        assert_eq!(
            check_officer(Duty::Grs, &fields).unwrap(),
            Officer {
                role: OfficerRole::GrsAppellate,
                post_id: 12
            }
        );
        assert_eq!(problems(Duty::Rti, &fields), ["role"]);
        assert_eq!(
            problems(Duty::Rti, &OfficerFields::default()),
            ["role", "post"]
        );
    }

    #[test]
    fn each_duty_lists_its_own_roles() {
        assert_eq!(Duty::Rti.roles().count(), 3);
        assert!(Duty::Grs.roles().all(|role| role.duty() == Duty::Grs));
        assert_eq!(Duty::Grs.roles().next(), Some(OfficerRole::GrsOfficer));
    }
}
