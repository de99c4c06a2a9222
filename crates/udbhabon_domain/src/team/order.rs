//! Composing an office order that constitutes a team: what a draft holds, and the checks it must pass
//! before it is issued (domain.md §2, §8.1).

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::office::memo::MemoNumber;
use crate::team::TeamRole;
use crate::{Bilingual, ValidationErrors};

/// An office order being composed. Every field may be incomplete while it is a draft; [`check_issue`]
/// says what must be put right before it can be issued.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderDraft {
    /// The memo file (নথি) the order's number is taken from.
    pub memo_file_id: Option<i32>,
    /// The day the order takes effect; the team it names replaces the previous one from then.
    pub effective_from: Option<NaiveDate>,
    /// The instrument the order follows (a Cabinet Division memo), as typed.
    pub cites_memo: String,
    pub cites_date: Option<NaiveDate>,
    pub preamble: Bilingual,
    /// The posts the order names, in the order they are printed.
    pub members: Vec<DraftMember>,
    pub terms_heading: Bilingual,
    /// The terms of reference, numbered (১), (২), … in print.
    pub terms: Vec<Bilingual>,
    pub closing: Bilingual,
    /// The post whose holder signs the order on the day it is issued.
    pub signatory_post_id: Option<i32>,
    /// "অবগতি ও প্রয়োজনীয় … (জ্যেষ্ঠতার ক্রমানুসারে নয়):".
    pub copies_intro: Bilingual,
    /// Who receives a copy, in the order printed.
    pub copies: Vec<DraftCopy>,
}

/// A post named in the order and its role in the team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftMember {
    pub post_id: i32,
    pub role: TeamRole,
}

/// A copy recipient: the printed line, and the post and office it goes to when it is one of ours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftCopy {
    pub post_id: Option<i32>,
    pub office_id: Option<i32>,
    pub text: Bilingual,
}

/// What the records say about a draft on the day it would be issued.
#[derive(Debug, Clone, Default)]
pub struct IssueFacts {
    /// Whether the draft's memo file is one of the issuing office's files.
    pub memo_file_known: bool,
    /// When the team's latest order took effect, if it has one.
    pub previous_effective: Option<NaiveDate>,
    /// The posts someone holds on the draft's effective date.
    pub held_on_effective: HashSet<i32>,
    /// Whether someone holds the signatory's post on the day of issue.
    pub signatory_held: bool,
}

/// Whether the draft may be issued now: every problem, by the form field it belongs to.
///
/// A team must have exactly one lead (the Chief Innovation Officer of a ministry, or the Innovation
/// Officer of an agency or field office) and exactly one member secretary; every post it names must be
/// held on the day the order takes effect, or the team would start with an empty seat.
pub fn check_issue(draft: &OrderDraft, facts: &IssueFacts) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::new();
    if draft.memo_file_id.is_none() || !facts.memo_file_known {
        errors.add("memo_file", "error-order-memo-file");
    }
    match draft.effective_from {
        None => {
            errors.add("effective_from", "error-required");
        }
        Some(effective) => {
            if let Some(previous) = facts
                .previous_effective
                .filter(|previous| effective < *previous)
            {
                errors
                    .add("effective_from", "error-order-effective-before-previous")
                    .with("date", previous.format("%d-%m-%Y"));
            }
        }
    }
    let cites = draft.cites_memo.trim();
    if !cites.is_empty() && cites.parse::<MemoNumber>().is_err() {
        errors.add("cites_memo", "error-memo-number");
    }
    for (field, text) in [
        ("preamble_bn", &draft.preamble),
        ("terms_heading_bn", &draft.terms_heading),
        ("closing_bn", &draft.closing),
    ] {
        if text.bn.trim().is_empty() {
            errors.add(field, "error-required");
        }
    }
    check_members(draft, facts, &mut errors);
    if draft.terms.is_empty() {
        errors.add("terms", "error-order-no-terms");
    }
    for (index, term) in draft.terms.iter().enumerate() {
        if term.bn.trim().is_empty() {
            errors
                .add(
                    format!("term_bn_{index}"),
                    "error-order-term-without-bengali",
                )
                .with("serial", index + 1);
        }
    }
    if draft.signatory_post_id.is_none() {
        errors.add("signatory_post", "error-required");
    } else if !facts.signatory_held {
        errors.add("signatory_post", "error-order-signatory-vacant");
    }
    for (index, copy) in draft.copies.iter().enumerate() {
        if copy.text.bn.trim().is_empty() {
            errors
                .add(format!("copy_bn_{index}"), "error-order-copy-without-text")
                .with("serial", index + 1);
        }
    }
    errors.into_result(())
}

fn check_members(draft: &OrderDraft, facts: &IssueFacts, errors: &mut ValidationErrors) {
    if draft.members.is_empty() {
        errors.add("members", "error-order-no-members");
        return;
    }
    let leads = draft
        .members
        .iter()
        .filter(|member| member.role.leads())
        .count();
    let secretaries = draft
        .members
        .iter()
        .filter(|member| member.role == TeamRole::MemberSecretary)
        .count();
    match leads {
        0 => {
            errors.add("members", "error-order-no-lead");
        }
        1 => {}
        _ => {
            errors.add("members", "error-order-two-leads");
        }
    }
    match secretaries {
        0 => {
            errors.add("members", "error-order-no-member-secretary");
        }
        1 => {}
        _ => {
            errors.add("members", "error-order-two-member-secretaries");
        }
    }
    let mut seen = HashSet::new();
    for (index, member) in draft.members.iter().enumerate() {
        let field = format!("member_post_{index}");
        if !seen.insert(member.post_id) {
            errors
                .add(field, "error-order-post-twice")
                .with("serial", index + 1);
        } else if draft.effective_from.is_some()
            && !facts.held_on_effective.contains(&member.post_id)
        {
            errors
                .add(field, "error-order-post-vacant")
                .with("serial", index + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    fn text(bn: &str) -> Bilingual {
        Bilingual::new(bn, "")
    }

    /// A draft that may be issued: a lead, a member and a member secretary, all posts held.
    fn ready() -> (OrderDraft, IssueFacts) {
        let draft = OrderDraft {
            memo_file_id: Some(1),
            effective_from: Some(date(2026, 2, 1)),
            cites_memo: "০৪.০০.০০০০.৮৩৩.৩৩.০০২.২০-১০০".into(),
            cites_date: Some(date(2025, 11, 6)),
            preamble: text("পুনর্গঠন করা হলোঃ"),
            members: vec![
                DraftMember {
                    post_id: 10,
                    role: TeamRole::ChiefInnovationOfficer,
                },
                DraftMember {
                    post_id: 11,
                    role: TeamRole::Member,
                },
                DraftMember {
                    post_id: 12,
                    role: TeamRole::MemberSecretary,
                },
            ],
            terms_heading: text("কার্যপরিধি:"),
            terms: vec![text("সভা অনুষ্ঠান;")],
            closing: text("এ আদেশ অবিলম্বে কার্যকর হবে।"),
            signatory_post_id: Some(12),
            copies_intro: text("অনুলিপি:"),
            copies: vec![DraftCopy {
                post_id: None,
                office_id: None,
                text: text("অফিস কপি।"),
            }],
        };
        let facts = IssueFacts {
            memo_file_known: true,
            previous_effective: Some(date(2026, 1, 26)),
            held_on_effective: [10, 11, 12].into(),
            signatory_held: true,
        };
        (draft, facts)
    }

    fn problems(draft: &OrderDraft, facts: &IssueFacts) -> Vec<(String, &'static str)> {
        check_issue(draft, facts)
            .err()
            .map(|errors| {
                errors
                    .errors
                    .into_iter()
                    .map(|error| (error.field, error.message_key))
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn a_complete_draft_may_be_issued() {
        let (draft, facts) = ready();
        assert_eq!(check_issue(&draft, &facts), Ok(()));
    }

    #[test]
    fn an_order_without_a_member_secretary_or_a_lead_is_refused() {
        let (mut draft, facts) = ready();
        draft
            .members
            .retain(|member| member.role == TeamRole::Member);
        assert_eq!(
            problems(&draft, &facts),
            vec![
                ("members".to_owned(), "error-order-no-lead"),
                ("members".to_owned(), "error-order-no-member-secretary"),
            ]
        );
    }

    #[test]
    fn an_innovation_officer_leads_a_team_as_a_chief_innovation_officer_does() {
        let (mut draft, facts) = ready();
        draft.members[0].role = TeamRole::InnovationOfficer;
        assert_eq!(check_issue(&draft, &facts), Ok(()));
        draft.members[1].role = TeamRole::ChiefInnovationOfficer;
        assert_eq!(
            problems(&draft, &facts),
            vec![("members".to_owned(), "error-order-two-leads")]
        );
    }

    #[test]
    fn a_post_nobody_holds_on_the_effective_date_is_refused_by_its_row() {
        let (draft, mut facts) = ready();
        facts.held_on_effective.remove(&11);
        let refused = check_issue(&draft, &facts).unwrap_err();
        assert_eq!(refused.errors[0].field, "member_post_1");
        assert_eq!(refused.errors[0].message_key, "error-order-post-vacant");
        assert_eq!(refused.errors[0].args, vec![("serial", "2".to_owned())]);
    }

    #[test]
    fn a_post_named_twice_is_refused() {
        let (mut draft, facts) = ready();
        draft.members[1].post_id = 10;
        assert_eq!(
            problems(&draft, &facts),
            vec![("member_post_1".to_owned(), "error-order-post-twice")]
        );
    }

    #[test]
    fn an_effective_date_before_the_previous_order_is_refused_and_the_same_day_is_not() {
        let (mut draft, facts) = ready();
        draft.effective_from = Some(date(2026, 1, 25));
        let refused = check_issue(&draft, &facts).unwrap_err();
        assert_eq!(
            refused.errors[0].message_key,
            "error-order-effective-before-previous"
        );
        assert_eq!(
            refused.errors[0].args,
            vec![("date", "26-01-2026".to_owned())]
        );
        draft.effective_from = Some(date(2026, 1, 26));
        assert_eq!(check_issue(&draft, &facts), Ok(()));
    }

    #[test]
    fn an_unknown_memo_file_and_an_unreadable_cited_memo_are_refused() {
        let (mut draft, mut facts) = ready();
        facts.memo_file_known = false;
        draft.cites_memo = "04.00.833".into();
        assert_eq!(
            problems(&draft, &facts),
            vec![
                ("memo_file".to_owned(), "error-order-memo-file"),
                ("cites_memo".to_owned(), "error-memo-number"),
            ]
        );
    }

    #[test]
    fn a_vacant_signatory_post_and_empty_texts_are_refused() {
        let (mut draft, mut facts) = ready();
        facts.signatory_held = false;
        draft.terms.push(Bilingual::new("", "Only in English"));
        draft.copies[0].text = Bilingual::default();
        draft.closing = Bilingual::default();
        assert_eq!(
            problems(&draft, &facts),
            vec![
                ("closing_bn".to_owned(), "error-required"),
                ("term_bn_1".to_owned(), "error-order-term-without-bengali"),
                ("signatory_post".to_owned(), "error-order-signatory-vacant"),
                ("copy_bn_0".to_owned(), "error-order-copy-without-text"),
            ]
        );
    }

    #[test]
    fn a_draft_survives_being_stored_as_json() {
        let (draft, _) = ready();
        let stored = serde_json::to_string(&draft).unwrap();
        assert_eq!(serde_json::from_str::<OrderDraft>(&stored).unwrap(), draft);
    }
}
