//! Scoring an annual plan (domain.md §3.5–3.6): each indicator's achievement against its targets under
//! the rule its template names, weighted, summed per area and per plan. Pure functions only.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::vocabulary::vocabulary;
use crate::{FieldError, ValidationErrors};

vocabulary! {
    /// What an indicator is measured in (একক).
    pub enum MeasureUnit ("unit", "plan-unit") {
        /// সংখ্যা: a count (trainings, meetings, services).
        Number => "number",
        /// %: a share, 0 to 100.
        Percent => "percent",
        /// তারিখ: the day something was done.
        Date => "date",
        /// হ্যাঁ/না: done or not.
        YesNo => "yes_no",
    }
}

vocabulary! {
    /// Which way a number counts: most indicators reward more; a few (pending files, days taken) reward less.
    pub enum Direction ("direction", "plan-direction") {
        HigherIsBetter => "higher",
        LowerIsBetter => "lower",
    }
}

vocabulary! {
    /// How achievement becomes marks (domain.md §3.5).
    pub enum ScoringRule ("scoring rule", "plan-rule") {
        /// Rule P: marks in proportion to the single target, capped at the weight.
        Proportional => "proportional",
        /// Rule D: full marks if done by the deadline, none after.
        Deadline => "deadline",
        /// Rule B: five graded targets (100/90/80/70/60%), linear between adjacent columns, nothing
        /// below the last.
        Bands => "bands",
        /// Rule B, step variant: the column reached, without interpolation.
        BandsStep => "bands_step",
    }
}

vocabulary! {
    /// How the four quarters' values make the year's achievement (গণনা পদ্ধতি, domain.md §3.6).
    pub enum Calculation ("calculation method", "plan-calculation") {
        /// সমষ্টি: the quarters added.
        Sum => "sum",
        /// গড়: the mean of the quarters reported.
        Average => "average",
        /// তারিখ: the day it was done, the first reported.
        Date => "date",
        /// ক্রমপুঞ্জিভূত: each quarter reports the running total; the latest counts.
        Cumulative => "cumulative",
    }
}

/// A value in an indicator's unit: a number (counts and percentages), a date, or yes/no.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Number(f64),
    Date(NaiveDate),
    YesNo(bool),
}

/// An indicator's targets: one (rules P and D) or the five graded columns T100, T90, T80, T70, T60
/// (rule B), in the unit of the indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Targets {
    Single(Measure),
    Bands([Measure; 5]),
}

/// What scoring needs to know about an indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorRule {
    pub unit: MeasureUnit,
    pub direction: Direction,
    pub rule: ScoringRule,
    pub calculation: Calculation,
    /// Marks of the indicator (কর্মসম্পাদন সূচকের মান).
    pub weight: f64,
    /// `None` only for a yes/no indicator, where "yes" is the target.
    pub targets: Option<Targets>,
}

/// The column percentages of the five graded targets.
pub const BAND_PERCENTS: [f64; 5] = [100.0, 90.0, 80.0, 70.0, 60.0];

fn fits_unit(unit: MeasureUnit, value: &Measure) -> bool {
    matches!(
        (unit, value),
        (
            MeasureUnit::Number | MeasureUnit::Percent,
            Measure::Number(_)
        ) | (MeasureUnit::Date, Measure::Date(_))
            | (MeasureUnit::YesNo, Measure::YesNo(_))
    )
}

/// Checks a value against an indicator's unit and range: counts are not negative, percentages are
/// 0–100, dates lie within `within` (the plan's fiscal year, first and last day).
pub fn check_value(
    unit: MeasureUnit,
    value: &Measure,
    within: (NaiveDate, NaiveDate),
    field: &str,
) -> Result<(), FieldError> {
    let problem = |key: &'static str| {
        let mut errors = ValidationErrors::new();
        errors.add(field, key);
        errors.errors.remove(0)
    };
    if !fits_unit(unit, value) {
        return Err(problem("error-plan-wrong-unit"));
    }
    match (unit, value) {
        (_, Measure::Number(number)) if !number.is_finite() || *number < 0.0 => {
            Err(problem("error-plan-negative"))
        }
        (MeasureUnit::Percent, Measure::Number(number)) if *number > 100.0 => {
            Err(problem("error-plan-percent-range"))
        }
        (_, Measure::Date(date)) if *date < within.0 || *date > within.1 => {
            Err(problem("error-plan-date-range"))
        }
        _ => Ok(()),
    }
}

/// Checks an indicator's scoring set-up: a positive weight, targets in the unit that the rule needs,
/// and five graded targets that are ordered (non-increasing for "more is better", non-decreasing for
/// "less is better" and for dates).
pub fn check_rule(rule: &IndicatorRule) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::new();
    if !rule.weight.is_finite() || rule.weight <= 0.0 {
        errors.add("weight", "error-plan-weight");
    }
    match (&rule.targets, rule.unit) {
        (_, MeasureUnit::YesNo) => {}
        (None, _) => {
            errors.add("targets", "error-plan-targets-missing");
        }
        (Some(Targets::Single(target)), unit) => {
            if !fits_unit(unit, target) {
                errors.add("targets", "error-plan-wrong-unit");
            } else if matches!(rule.rule, ScoringRule::Bands | ScoringRule::BandsStep) {
                errors.add("targets", "error-plan-bands-needed");
            } else if let Measure::Number(number) = target
                && !(number.is_finite() && *number > 0.0)
            {
                errors.add("targets", "error-plan-target-positive");
            }
        }
        (Some(Targets::Bands(bands)), unit) => {
            if !bands.iter().all(|band| fits_unit(unit, band)) {
                errors.add("targets", "error-plan-wrong-unit");
            } else if !bands_ordered(bands, unit, rule.direction) {
                errors.add("targets", "error-plan-bands-order");
            }
        }
    }
    if rule.unit == MeasureUnit::Date && rule.rule == ScoringRule::Proportional {
        errors.add("rule", "error-plan-rule-for-unit");
    }
    errors.into_result(())
}

fn bands_ordered(bands: &[Measure; 5], unit: MeasureUnit, direction: Direction) -> bool {
    bands.windows(2).all(|pair| match (pair[0], pair[1]) {
        (Measure::Date(better), Measure::Date(worse)) => better <= worse,
        (Measure::Number(better), Measure::Number(worse)) => match direction {
            _ if unit == MeasureUnit::Date => false,
            Direction::HigherIsBetter => better >= worse,
            Direction::LowerIsBetter => better <= worse,
        },
        _ => false,
    })
}

/// A measure as a number on a scale where more is better: dates count days (earlier is more), and
/// "less is better" numbers are negated, so that one comparison serves every indicator.
fn merit(value: &Measure, direction: Direction) -> f64 {
    match value {
        Measure::Number(number) => match direction {
            Direction::HigherIsBetter => *number,
            Direction::LowerIsBetter => -*number,
        },
        Measure::Date(date) => -f64::from(date.num_days_from_ce()),
        Measure::YesNo(yes) => f64::from(u8::from(*yes)),
    }
}

/// The percentage (0–100) of its targets an achievement reaches under the indicator's rule.
pub fn achievement_percent(rule: &IndicatorRule, achieved: &Measure) -> f64 {
    if let Measure::YesNo(yes) = achieved {
        return if *yes { 100.0 } else { 0.0 };
    }
    let Some(targets) = &rule.targets else {
        return 0.0;
    };
    let value = merit(achieved, rule.direction);
    match (rule.rule, targets) {
        (ScoringRule::Proportional, Targets::Single(Measure::Number(target))) => match achieved {
            Measure::Number(number) => proportional(*number, *target, rule.direction),
            _ => 0.0,
        },
        (_, Targets::Single(target)) => {
            // Rule D, and a single target under any other rule: reached or not.
            if value >= merit(target, rule.direction) {
                100.0
            } else {
                0.0
            }
        }
        (rule_kind, Targets::Bands(bands)) => {
            let columns: Vec<f64> = bands
                .iter()
                .map(|band| merit(band, rule.direction))
                .collect();
            banded(value, &columns, rule_kind != ScoringRule::BandsStep)
        }
    }
}

/// Rule P: achieved ÷ target, capped at 100%; for "less is better", target ÷ achieved.
fn proportional(achieved: f64, target: f64, direction: Direction) -> f64 {
    let ratio = match direction {
        Direction::HigherIsBetter => achieved / target,
        Direction::LowerIsBetter if achieved <= target => 1.0,
        Direction::LowerIsBetter => target / achieved,
    };
    (ratio.clamp(0.0, 1.0) * 100.0).clamp(0.0, 100.0)
}

/// Rule B on merits (more is better): 100 at or above the first column, nothing below the last, and
/// between two adjacent columns either the lower column's percentage (step) or linear interpolation.
fn banded(value: f64, columns: &[f64], interpolate: bool) -> f64 {
    if value >= columns[0] {
        return 100.0;
    }
    for index in 0..columns.len() - 1 {
        let (upper, lower) = (columns[index], columns[index + 1]);
        if value >= lower {
            let base = BAND_PERCENTS[index + 1];
            if !interpolate || upper <= lower {
                return base;
            }
            return base + 10.0 * (value - lower) / (upper - lower);
        }
    }
    0.0
}

/// The marks an achievement earns: the weight times the percentage reached; nothing without one.
pub fn indicator_score(rule: &IndicatorRule, achieved: Option<&Measure>) -> f64 {
    achieved.map_or(0.0, |value| {
        rule.weight * achievement_percent(rule, value) / 100.0
    })
}

/// The year's achievement from the quarters reported so far (in quarter order), by the indicator's
/// calculation method.
pub fn annual_achievement(
    calculation: Calculation,
    quarters: &[Option<Measure>],
) -> Option<Measure> {
    let reported: Vec<Measure> = quarters.iter().flatten().copied().collect();
    let numbers: Vec<f64> = reported
        .iter()
        .filter_map(|value| match value {
            Measure::Number(number) => Some(*number),
            _ => None,
        })
        .collect();
    match calculation {
        _ if reported.is_empty() => None,
        Calculation::Cumulative => reported.last().copied(),
        Calculation::Date => reported.first().copied(),
        _ if numbers.len() != reported.len() => reported.last().copied(),
        Calculation::Sum => Some(Measure::Number(numbers.iter().sum())),
        Calculation::Average => Some(Measure::Number(
            numbers.iter().sum::<f64>() / numbers.len() as f64,
        )),
    }
}

/// Rounds marks to two decimals, as they are shown.
pub fn round2(marks: f64) -> f64 {
    (marks * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    fn numbers(values: [f64; 5]) -> Targets {
        Targets::Bands(values.map(Measure::Number))
    }

    fn banded_rule(
        unit: MeasureUnit,
        weight: f64,
        targets: Targets,
        rule: ScoringRule,
    ) -> IndicatorRule {
        IndicatorRule {
            unit,
            direction: Direction::HigherIsBetter,
            rule,
            calculation: Calculation::Sum,
            weight,
            targets: Some(targets),
        }
    }

    fn close(left: f64, right: f64) -> bool {
        (left - right).abs() < 1e-9
    }

    #[test]
    fn rule_p_gives_marks_in_proportion_to_the_target() {
        // domain.md §3.5: target 4 trainings, weight 2, achieved 3 → 1.50.
        let rule = IndicatorRule {
            rule: ScoringRule::Proportional,
            targets: Some(Targets::Single(Measure::Number(4.0))),
            ..banded_rule(
                MeasureUnit::Number,
                2.0,
                numbers([4.0; 5]),
                ScoringRule::Proportional,
            )
        };
        assert!(close(
            indicator_score(&rule, Some(&Measure::Number(3.0))),
            1.5
        ));
        assert!(
            close(indicator_score(&rule, Some(&Measure::Number(6.0))), 2.0),
            "capped at the weight"
        );
        assert!(close(indicator_score(&rule, None), 0.0));
    }

    #[test]
    fn rule_d_gives_all_or_nothing_by_the_deadline() {
        let rule = IndicatorRule {
            unit: MeasureUnit::Date,
            direction: Direction::HigherIsBetter,
            rule: ScoringRule::Deadline,
            calculation: Calculation::Date,
            weight: 3.0,
            targets: Some(Targets::Single(Measure::Date(date(2023, 1, 15)))),
        };
        assert!(close(
            indicator_score(&rule, Some(&Measure::Date(date(2023, 1, 15)))),
            3.0
        ));
        assert!(close(
            indicator_score(&rule, Some(&Measure::Date(date(2023, 1, 16)))),
            0.0
        ));
    }

    #[test]
    fn the_worked_examples_of_rule_b_score_as_domain_md_says() {
        // 1. Number: targets 10/9/8/7/6, weight 5, achieved 8.5 → 4.25 (step: 4.00).
        let trainings = banded_rule(
            MeasureUnit::Number,
            5.0,
            numbers([10.0, 9.0, 8.0, 7.0, 6.0]),
            ScoringRule::Bands,
        );
        assert!(close(
            indicator_score(&trainings, Some(&Measure::Number(8.5))),
            4.25
        ));
        let step = IndicatorRule {
            rule: ScoringRule::BandsStep,
            ..trainings.clone()
        };
        assert!(close(
            indicator_score(&step, Some(&Measure::Number(8.5))),
            4.0
        ));
        // 4. Below the last column: nothing.
        assert!(close(
            indicator_score(&trainings, Some(&Measure::Number(5.0))),
            0.0
        ));
        // 2. Percentage: 80/70/60/50/40 %, weight 4, achieved 65 % → 3.40.
        let share = banded_rule(
            MeasureUnit::Percent,
            4.0,
            numbers([80.0, 70.0, 60.0, 50.0, 40.0]),
            ScoringRule::Bands,
        );
        assert!(close(
            indicator_score(&share, Some(&Measure::Number(65.0))),
            3.4
        ));
        // 3. Date: D100 15-10-2022, D90 31-10-2022, achieved 22-10-2022, weight 2 → 1.9125 (step 1.80).
        let dates = [
            date(2022, 10, 15),
            date(2022, 10, 31),
            date(2022, 11, 15),
            date(2022, 11, 30),
            date(2022, 12, 15),
        ];
        let report = banded_rule(
            MeasureUnit::Date,
            2.0,
            Targets::Bands(dates.map(Measure::Date)),
            ScoringRule::Bands,
        );
        assert!(close(
            indicator_score(&report, Some(&Measure::Date(date(2022, 10, 22)))),
            1.9125
        ));
        let report_step = IndicatorRule {
            rule: ScoringRule::BandsStep,
            ..report.clone()
        };
        assert!(close(
            indicator_score(&report_step, Some(&Measure::Date(date(2022, 10, 22)))),
            1.8
        ));
        assert!(
            close(
                indicator_score(&report, Some(&Measure::Date(date(2022, 12, 16)))),
                0.0
            ),
            "after D60"
        );
    }

    #[test]
    fn fewer_is_better_reverses_the_comparisons_and_yes_no_is_all_or_nothing() {
        let pending = IndicatorRule {
            direction: Direction::LowerIsBetter,
            ..banded_rule(
                MeasureUnit::Number,
                10.0,
                numbers([2.0, 4.0, 6.0, 8.0, 10.0]),
                ScoringRule::Bands,
            )
        };
        assert!(close(
            indicator_score(&pending, Some(&Measure::Number(1.0))),
            10.0
        ));
        assert!(close(
            indicator_score(&pending, Some(&Measure::Number(3.0))),
            9.5
        ));
        assert!(close(
            indicator_score(&pending, Some(&Measure::Number(11.0))),
            0.0
        ));
        let done = IndicatorRule {
            unit: MeasureUnit::YesNo,
            targets: None,
            ..pending
        };
        assert!(close(
            indicator_score(&done, Some(&Measure::YesNo(true))),
            10.0
        ));
        assert!(close(
            indicator_score(&done, Some(&Measure::YesNo(false))),
            0.0
        ));
    }

    #[test]
    fn quarters_make_the_year_by_the_calculation_method() {
        // domain.md §3.6: trainings 10, 15, 20, 25 → sum 70, average 17.5.
        let quarters = [10.0, 15.0, 20.0, 25.0].map(|value| Some(Measure::Number(value)));
        assert_eq!(
            annual_achievement(Calculation::Sum, &quarters),
            Some(Measure::Number(70.0))
        );
        assert_eq!(
            annual_achievement(Calculation::Average, &quarters),
            Some(Measure::Number(17.5))
        );
        assert_eq!(
            annual_achievement(Calculation::Cumulative, &quarters),
            Some(Measure::Number(25.0))
        );
        let half = [
            Some(Measure::Number(10.0)),
            None,
            Some(Measure::Number(20.0)),
            None,
        ];
        assert_eq!(
            annual_achievement(Calculation::Average, &half),
            Some(Measure::Number(15.0))
        );
        let done = [
            None,
            Some(Measure::Date(date(2022, 11, 2))),
            Some(Measure::Date(date(2023, 2, 1))),
            None,
        ];
        assert_eq!(
            annual_achievement(Calculation::Date, &done),
            Some(Measure::Date(date(2022, 11, 2)))
        );
        assert_eq!(
            annual_achievement(Calculation::Sum, &[None, None, None, None]),
            None
        );
    }

    #[test]
    fn targets_out_of_order_or_in_the_wrong_unit_are_refused() {
        let unordered = banded_rule(
            MeasureUnit::Number,
            5.0,
            numbers([10.0, 11.0, 8.0, 7.0, 6.0]),
            ScoringRule::Bands,
        );
        assert_eq!(
            check_rule(&unordered).unwrap_err().errors[0].message_key,
            "error-plan-bands-order"
        );
        let dates_backwards = banded_rule(
            MeasureUnit::Date,
            2.0,
            Targets::Bands(
                [
                    date(2022, 10, 31),
                    date(2022, 10, 15),
                    date(2022, 11, 15),
                    date(2022, 11, 30),
                    date(2022, 12, 15),
                ]
                .map(Measure::Date),
            ),
            ScoringRule::Bands,
        );
        assert_eq!(
            check_rule(&dates_backwards).unwrap_err().errors[0].message_key,
            "error-plan-bands-order"
        );
        let wrong_unit = banded_rule(
            MeasureUnit::Date,
            2.0,
            numbers([5.0, 4.0, 3.0, 2.0, 1.0]),
            ScoringRule::Bands,
        );
        assert_eq!(
            check_rule(&wrong_unit).unwrap_err().errors[0].message_key,
            "error-plan-wrong-unit"
        );
        let no_weight = banded_rule(
            MeasureUnit::Number,
            0.0,
            numbers([5.0, 4.0, 3.0, 2.0, 1.0]),
            ScoringRule::Bands,
        );
        assert_eq!(
            check_rule(&no_weight).unwrap_err().errors[0].field,
            "weight"
        );
        assert_eq!(
            check_rule(&banded_rule(
                MeasureUnit::Number,
                5.0,
                numbers([5.0, 4.0, 3.0, 2.0, 1.0]),
                ScoringRule::Bands
            )),
            Ok(())
        );
    }

    #[test]
    fn a_value_in_the_wrong_unit_or_outside_its_range_is_refused() {
        let year = (date(2022, 7, 1), date(2023, 6, 30));
        let key = |unit, value| {
            check_value(unit, &value, year, "achieved")
                .err()
                .map(|error| error.message_key)
        };
        assert_eq!(
            key(MeasureUnit::Percent, Measure::Number(101.0)),
            Some("error-plan-percent-range")
        );
        assert_eq!(
            key(MeasureUnit::Number, Measure::Number(-1.0)),
            Some("error-plan-negative")
        );
        assert_eq!(
            key(MeasureUnit::Date, Measure::Number(3.0)),
            Some("error-plan-wrong-unit")
        );
        assert_eq!(
            key(MeasureUnit::Date, Measure::Date(date(2023, 7, 1))),
            Some("error-plan-date-range")
        );
        assert_eq!(key(MeasureUnit::Percent, Measure::Number(65.0)), None);
    }

    fn any_bands() -> impl Strategy<Value = [f64; 5]> {
        prop::array::uniform5(0.0..50.0f64).prop_map(|mut values| {
            values.sort_by(|a, b| b.total_cmp(a));
            values
        })
    }

    proptest! {
        #[test]
        fn more_achievement_never_scores_less_and_never_more_than_the_weight(
            bands in any_bands(),
            weight in 0.5..20.0f64,
            first in 0.0..60.0f64,
            extra in 0.0..30.0f64,
            step in any::<bool>(),
        ) {
            let rule = banded_rule(
                MeasureUnit::Number,
                weight,
                numbers(bands),
                if step { ScoringRule::BandsStep } else { ScoringRule::Bands },
            );
            let lower = indicator_score(&rule, Some(&Measure::Number(first)));
            let higher = indicator_score(&rule, Some(&Measure::Number(first + extra)));
            prop_assert!(higher >= lower - 1e-9);
            prop_assert!((0.0..=weight + 1e-9).contains(&lower));
            prop_assert!((0.0..=weight + 1e-9).contains(&higher));
        }

        #[test]
        fn rule_p_is_monotone_and_bounded_too(target in 0.5..100.0f64, weight in 0.5..20.0f64, first in 0.0..200.0f64, extra in 0.0..50.0f64) {
            let rule = IndicatorRule {
                rule: ScoringRule::Proportional,
                targets: Some(Targets::Single(Measure::Number(target))),
                ..banded_rule(MeasureUnit::Number, weight, numbers([1.0; 5]), ScoringRule::Proportional)
            };
            let lower = indicator_score(&rule, Some(&Measure::Number(first)));
            let higher = indicator_score(&rule, Some(&Measure::Number(first + extra)));
            prop_assert!(higher >= lower - 1e-9);
            prop_assert!((0.0..=weight + 1e-9).contains(&higher));
        }
    }
}
