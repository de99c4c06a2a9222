//! Minutes: where a meeting's minutes stand and the steps between (written, circulated, approved,
//! issued), and how their title reads.

use crate::vocabulary::vocabulary;

vocabulary! {
    /// Where a meeting's minutes stand: written, sent round the members for comments, approved by the
    /// chief innovation officer, issued under a memo number (and fixed from then on).
    pub enum MinutesStage ("minutes stage", "minutes-stage") {
        Draft => "draft",
        Circulated => "circulated",
        Approved => "approved",
        Issued => "issued",
    }
}

/// A step taken on minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MinutesStep {
    /// Write or change the minutes.
    Save,
    /// Send them round the members for comments.
    Circulate,
    /// Take them back to change them after comments.
    Withdraw,
    /// The chief innovation officer's approval.
    Approve,
    /// Give them a memo number and issue them.
    Issue,
}

impl MinutesStep {
    /// The stage the step leads to from `stage` (`None`: nothing written yet), or `None` when the step
    /// cannot be taken there: minutes are written while a draft, commented on while circulated,
    /// approved only after circulating, and issued only once approved; issued minutes never change.
    pub fn from(self, stage: Option<MinutesStage>) -> Option<MinutesStage> {
        use MinutesStage as S;
        match (self, stage) {
            (Self::Save, None | Some(S::Draft)) => Some(S::Draft),
            (Self::Circulate, Some(S::Draft)) => Some(S::Circulated),
            (Self::Withdraw, Some(S::Circulated | S::Approved)) => Some(S::Draft),
            (Self::Approve, Some(S::Circulated)) => Some(S::Approved),
            (Self::Issue, Some(S::Approved)) => Some(S::Issued),
            _ => None,
        }
    }
}

/// The title of a meeting's minutes in Bengali: "… ২য় সভা" becomes "… ২য় সভার কার্যবিবরণী"; a title
/// that already names the minutes is kept.
pub fn minutes_title_bn(title: &str) -> String {
    const MINUTES: &str = "কার্যবিবরণী";
    if title.ends_with(MINUTES) {
        title.to_owned()
    } else {
        format!("{} {MINUTES}", bangla::grammar::genitive(title))
    }
}

/// The title of a meeting's minutes in English: "Minutes of the …", unless it already says so.
pub fn minutes_title_en(title: &str) -> String {
    if title.starts_with("Minutes") {
        title.to_owned()
    } else {
        format!("Minutes of the {title}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_are_written_circulated_approved_and_issued_in_that_order() {
        use MinutesStage as S;
        assert_eq!(MinutesStep::Save.from(None), Some(S::Draft));
        assert_eq!(MinutesStep::Issue.from(Some(S::Draft)), None);
        assert_eq!(MinutesStep::Issue.from(Some(S::Circulated)), None);
        assert_eq!(MinutesStep::Approve.from(Some(S::Draft)), None);
        assert_eq!(
            MinutesStep::Approve.from(Some(S::Circulated)),
            Some(S::Approved)
        );
        assert_eq!(MinutesStep::Save.from(Some(S::Circulated)), None);
        assert_eq!(
            MinutesStep::Withdraw.from(Some(S::Approved)),
            Some(S::Draft)
        );
        assert_eq!(MinutesStep::Issue.from(Some(S::Approved)), Some(S::Issued));
        for step in [
            MinutesStep::Save,
            MinutesStep::Circulate,
            MinutesStep::Withdraw,
            MinutesStep::Approve,
            MinutesStep::Issue,
        ] {
            assert_eq!(
                step.from(Some(S::Issued)),
                None,
                "issued minutes never change"
            );
        }
    }

    #[test]
    fn minutes_titles_name_the_minutes_of_the_meeting() {
        assert_eq!(
            minutes_title_bn("পর্যালোচনা সংক্রান্ত ২য় সভা"),
            "পর্যালোচনা সংক্রান্ত ২য় সভার কার্যবিবরণী"
        );
        assert_eq!(minutes_title_bn("বার্ষিক কর্মশালা"), "বার্ষিক কর্মশালার কার্যবিবরণী");
        assert_eq!(minutes_title_bn("সমন্বয় বৈঠক"), "সমন্বয় বৈঠকের কার্যবিবরণী");
        assert_eq!(minutes_title_bn("কর্মশালা ২০২৬"), "কর্মশালা ২০২৬-এর কার্যবিবরণী");
        assert_eq!(minutes_title_bn("১ম সভার কার্যবিবরণী"), "১ম সভার কার্যবিবরণী");
        assert_eq!(
            minutes_title_en("2nd meeting"),
            "Minutes of the 2nd meeting"
        );
        assert_eq!(
            minutes_title_en("Minutes of the 1st meeting"),
            "Minutes of the 1st meeting"
        );
    }
}
