//! The officers the Right to Information Act names at each office: the designated officer (দায়িত্বপ্রাপ্ত
//! কর্মকর্তা) who answers applications, an alternate, and the appellate authority (আপিল কর্তৃপক্ষ), each a
//! post, whoever holds it answering.

use serde::{Deserialize, Serialize};

use crate::ValidationErrors;
use crate::vocabulary::{chosen, vocabulary};

vocabulary! {
    /// What the Act makes an officer.
    pub enum RtiOfficerRole ("rti officer role", "rti-officer-role") {
        Designated => "designated",
        Alternate => "alternate",
        Appellate => "appellate",
    }
}

/// One of an office's RTI officers: a role held by a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RtiOfficer {
    pub role: RtiOfficerRole,
    pub post_id: i32,
}

/// An officer as chosen on the form.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RtiOfficerFields {
    pub role: String,
    pub post: String,
}

/// Checks an officer: a role of the list and a post chosen (whether the post may be chosen is the
/// office's to say).
pub fn check_officer(fields: &RtiOfficerFields) -> Result<RtiOfficer, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let role = chosen::<RtiOfficerRole>("role", &fields.role, &mut errors);
    let post_id = fields.post.trim().parse::<i32>().ok();
    if post_id.is_none() {
        errors.add("post", "error-required");
    }
    match (role, post_id) {
        (Some(role), Some(post_id)) => Ok(RtiOfficer { role, post_id }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_officer_needs_a_role_and_a_post() {
        let fields = RtiOfficerFields {
            role: "appellate".into(),
            post: "12".into(),
        };
        assert_eq!(
            check_officer(&fields).unwrap(),
            RtiOfficer {
                role: RtiOfficerRole::Appellate,
                post_id: 12
            }
        );
        let problems: Vec<_> = check_officer(&RtiOfficerFields::default())
            .unwrap_err()
            .errors
            .into_iter()
            .map(|error| error.field)
            .collect();
        assert_eq!(problems, ["role", "post"]);
    }
}
