//! Meetings of the team and the coordination meetings that approve its plans.

pub mod decision;
pub mod minutes;

use crate::vocabulary::vocabulary;

vocabulary! {
    /// What a meeting is held for.
    pub enum MeetingKind ("meeting kind", "meeting-kind") {
        /// The team's quarterly review of the action plan (terms of reference item 3).
        QuarterlyReview => "quarterly_review",
        /// The office's monthly coordination meeting, which approves the plan (item 2).
        MonthlyCoordination => "monthly_coordination",
        Workshop => "workshop",
        Other => "other",
    }
}

vocabulary! {
    /// How a called meeting was changed after its notice went out.
    pub enum MeetingChangeKind ("meeting change", "meeting-change") {
        /// Moved to another day or time.
        Postponed => "postponed",
        /// Called off.
        Cancelled => "cancelled",
    }
}

/// The ordinal of a meeting in Bengali as minutes print it: ১ম, ২য়, ৩য়, ৪র্থ, ৫ম …
pub fn ordinal_bn(sequence: u32) -> String {
    let suffix = match sequence {
        1 | 5 | 7..=10 => "ম",
        2 | 3 => "য়",
        4 => "র্থ",
        6 => "ষ্ঠ",
        _ => "তম",
    };
    format!(
        "{}{}",
        bangla::digits::to_bengali_digits(&sequence.to_string()),
        suffix
    )
}

/// The ordinal of a meeting in English: 1st, 2nd, 3rd, 4th, 11th, 21st …
pub fn ordinal_en(sequence: u32) -> String {
    let suffix = match (sequence % 10, sequence % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{sequence}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bengali_ordinals_follow_the_printed_forms() {
        let printed: Vec<_> = (1..=12).map(ordinal_bn).collect();
        assert_eq!(
            printed,
            [
                "১ম",
                "২য়",
                "৩য়",
                "৪র্থ",
                "৫ম",
                "৬ষ্ঠ",
                "৭ম",
                "৮ম",
                "৯ম",
                "১০ম",
                "১১তম",
                "১২তম"
            ]
        );
    }

    #[test]
    fn english_ordinals_treat_the_teens_specially() {
        let printed: Vec<_> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101]
            .map(ordinal_en)
            .to_vec();
        assert_eq!(
            printed,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"
            ]
        );
    }
}
