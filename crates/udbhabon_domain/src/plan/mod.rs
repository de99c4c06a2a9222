//! Annual plans with graded indicators (the e-Governance and Innovation Action Plan first; the
//! performance agreement, integrity, RTI and grievance plans have the same shape): a year's template of
//! areas, activities and indicators, and the checks it must pass before offices plan from it.

pub mod assessment;
pub mod progress;
pub mod score;

use bangla::Quarter;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::plan::score::{IndicatorRule, check_rule};
use crate::vocabulary::vocabulary;
use crate::{Bilingual, ValidationErrors};

vocabulary! {
    /// Which annual plan a template is for.
    pub enum PlanKind ("plan kind", "plan-kind") {
        /// ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা.
        EGovernance => "egov",
        /// বার্ষিক কর্মসম্পাদন চুক্তি (এপিএ).
        PerformanceAgreement => "apa",
        /// শুদ্ধাচার কৌশল কর্মপরিকল্পনা.
        Integrity => "integrity",
        /// তথ্য অধিকার কর্মপরিকল্পনা.
        RightToInformation => "rti",
        /// অভিযোগ প্রতিকার ব্যবস্থা কর্মপরিকল্পনা.
        Grievance => "grievance",
    }
}

vocabulary! {
    /// A figure the system keeps that can serve as an indicator's achievement.
    pub enum IndicatorFeed ("indicator feed", "indicator-feed") {
        /// The share of the office's meeting decisions implemented on time, from the decision tracker.
        DecisionsOnTime => "decisions_on_time",
        /// The share of files handled in e-Nothi, from the branches' monthly e-filing returns.
        EFilingShare => "e_filing_share",
        /// The trainings the office held that someone attended, from the training records.
        TrainingsHeld => "trainings_held",
    }
}

/// A year's template: its areas of work, in order, and its calendar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TemplateContent {
    pub title: Bilingual,
    /// The marks the areas add up to (100 for the APA and the 2019-20 innovation ranking).
    pub total_marks: f64,
    /// When each quarter's progress is due, Q1 to Q4 (the fourth is the annual report).
    pub quarter_due: QuarterDates,
    /// By when the office above reviews its offices' progress (mid-year, ফলাবর্তক).
    pub mid_year_review_due: NaiveDate,
    /// By when the half-yearly self-assessment goes to the office above.
    pub self_assessment_due: NaiveDate,
    pub areas: Vec<AreaContent>,
}

/// When each quarter's progress is due, Q1 to Q4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct QuarterDates(pub [NaiveDate; 4]);

impl QuarterDates {
    /// The date of one quarter.
    pub fn of(&self, quarter: Quarter) -> NaiveDate {
        self.0[usize::from(quarter.number()) - 1]
    }

    /// Every date moved by `shift`.
    pub fn map(self, shift: impl FnMut(NaiveDate) -> NaiveDate) -> Self {
        Self(self.0.map(shift))
    }
}

/// An area of work (কার্যক্রমের ক্ষেত্র) with its marks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaContent {
    /// As printed: "১", "২" ….
    pub number: String,
    pub title: Bilingual,
    pub marks: f64,
    pub activities: Vec<ActivityContent>,
}

/// An activity (কার্যক্রম) of an area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityContent {
    /// "১.১".
    pub number: String,
    pub title: Bilingual,
    pub indicators: Vec<IndicatorContent>,
}

/// A performance indicator (কর্মসম্পাদন সূচক): what is measured, how it is scored, and what proves it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorContent {
    /// "১.১.১".
    pub number: String,
    pub title: Bilingual,
    pub rule: IndicatorRule,
    /// The evidence that proves an achievement (প্রমাণক).
    pub evidence: Bilingual,
    /// How the achievement is assessed.
    pub method: Bilingual,
    /// The figure the system keeps for it, offered as the achievement, if there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feed: Option<IndicatorFeed>,
}

/// Marks are compared to a hundredth: templates print two decimals.
fn same_marks(left: f64, right: f64) -> bool {
    (left - right).abs() < 0.005
}

/// Checks a template: every indicator's scoring set-up, the weights of each area adding up to its
/// marks and the areas to the total, numbers not repeated, and a calendar inside or after the year.
pub fn check_template(
    content: &TemplateContent,
    year: (NaiveDate, NaiveDate),
) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let mut numbers = std::collections::HashSet::new();
    let mut area_sum = 0.0;
    for area in &content.areas {
        area_sum += area.marks;
        let mut weights = 0.0;
        for activity in &area.activities {
            for indicator in &activity.indicators {
                let field = format!("indicator {}", indicator.number);
                if !numbers.insert(indicator.number.clone()) {
                    errors.add(field.clone(), "error-plan-number-twice");
                }
                if let Err(problems) = check_rule(&indicator.rule) {
                    for problem in problems.errors {
                        errors
                            .add(format!("{field}: {}", problem.field), problem.message_key)
                            .args
                            .extend(problem.args);
                    }
                }
                weights += indicator.rule.weight;
            }
        }
        if !same_marks(weights, area.marks) {
            errors
                .add(format!("area {}", area.number), "error-plan-area-weights")
                .with("weights", format!("{weights:.2}"))
                .with("marks", format!("{:.2}", area.marks));
        }
    }
    if !same_marks(area_sum, content.total_marks) {
        errors
            .add("total_marks", "error-plan-total-marks")
            .with("sum", format!("{area_sum:.2}"))
            .with("total", format!("{:.2}", content.total_marks));
    }
    if content
        .quarter_due
        .0
        .windows(2)
        .any(|pair| pair[0] > pair[1])
        || content.quarter_due.of(Quarter::Q1) < year.0
    {
        errors.add("quarter_due", "error-plan-calendar");
    }
    errors.into_result(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::score::{Calculation, Direction, Measure, MeasureUnit, ScoringRule, Targets};

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    fn indicator(number: &str, weight: f64) -> IndicatorContent {
        IndicatorContent {
            number: number.into(),
            title: Bilingual::new("প্রশিক্ষণ আয়োজিত", "Trainings held"),
            rule: IndicatorRule {
                unit: MeasureUnit::Number,
                direction: Direction::HigherIsBetter,
                rule: ScoringRule::Proportional,
                calculation: Calculation::Sum,
                weight,
                targets: Some(Targets::Single(Measure::Number(4.0))),
            },
            evidence: Bilingual::new("নোটিশ, হাজিরা", "Notice, attendance"),
            method: Bilingual::default(),
            feed: None,
        }
    }

    fn template(weights: [f64; 2], marks: f64) -> TemplateContent {
        TemplateContent {
            title: Bilingual::new("কর্মপরিকল্পনা", "Plan"),
            total_marks: marks,
            quarter_due: QuarterDates([
                date(2022, 10, 15),
                date(2023, 1, 15),
                date(2023, 4, 15),
                date(2023, 7, 15),
            ]),
            mid_year_review_due: date(2023, 1, 15),
            self_assessment_due: date(2023, 1, 15),
            areas: vec![AreaContent {
                number: "১".into(),
                title: Bilingual::new("প্রাতিষ্ঠানিক ব্যবস্থাপনা", "Institutional arrangements"),
                marks,
                activities: vec![ActivityContent {
                    number: "১.১".into(),
                    title: Bilingual::new("প্রশিক্ষণ", "Training"),
                    indicators: vec![
                        indicator("১.১.১", weights[0]),
                        indicator("১.১.২", weights[1]),
                    ],
                }],
            }],
        }
    }

    const YEAR: (NaiveDate, NaiveDate) = (
        NaiveDate::from_ymd_opt(2022, 7, 1).unwrap(),
        NaiveDate::from_ymd_opt(2023, 6, 30).unwrap(),
    );

    #[test]
    fn a_template_whose_weights_add_up_is_accepted() {
        assert_eq!(check_template(&template([6.0, 4.0], 10.0), YEAR), Ok(()));
    }

    #[test]
    fn weights_that_do_not_add_up_to_the_marks_are_refused_with_both_sums() {
        let mut content = template([6.0, 3.0], 10.0);
        content.areas[0].activities[0].indicators[1].number = "১.১.১".into();
        let errors = check_template(&content, YEAR).unwrap_err();
        let keys: Vec<_> = errors
            .errors
            .iter()
            .map(|error| error.message_key)
            .collect();
        assert_eq!(keys, ["error-plan-number-twice", "error-plan-area-weights"]);
        assert_eq!(
            errors.errors[1].args,
            vec![
                ("weights", "9.00".to_owned()),
                ("marks", "10.00".to_owned())
            ]
        );
    }

    #[test]
    fn an_indicator_with_unordered_bands_makes_the_template_wrong() {
        let mut content = template([6.0, 4.0], 10.0);
        content.areas[0].activities[0].indicators[0].rule.rule = ScoringRule::Bands;
        content.areas[0].activities[0].indicators[0].rule.targets = Some(Targets::Bands(
            [1.0, 5.0, 3.0, 2.0, 1.0].map(Measure::Number),
        ));
        let errors = check_template(&content, YEAR).unwrap_err();
        assert_eq!(errors.errors[0].field, "indicator ১.১.১: targets");
        assert_eq!(errors.errors[0].message_key, "error-plan-bands-order");
    }
}
