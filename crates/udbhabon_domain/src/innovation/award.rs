//! The yearly innovation award (seed 002, decision 2.6: one agency and one field office each year):
//! the published criteria with their weights and tie-breaks, read from data, and the ranking they give,
//! every step of its arithmetic kept so that the page can show it.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::plan::PlanKind;
use crate::vocabulary::vocabulary;
use crate::{ValidationErrors, Vocabulary};

vocabulary! {
    /// What an office is measured on, each scored out of 100.
    pub enum Criterion ("award criterion", "award-criterion") {
        /// The reviewed score of its e-Governance and Innovation Action Plan, of the plan's total marks.
        PlanScore => "plan_score",
        /// Innovations it implemented in the year, against the most any candidate implemented.
        Implemented => "implemented",
        /// Copies other offices made of its innovations in the year, against the most any had.
        Replicated => "replicated",
        /// Its submissions due in the year that came in on time, of all that were due.
        OnTime => "on_time",
    }
}

vocabulary! {
    /// The two awards of a year.
    pub enum AwardCategory ("award category", "award-category") {
        /// A department, board or other body directly under the awarding office.
        Agency => "agency",
        /// A divisional, district or upazila office anywhere below it.
        FieldOffice => "field_office",
    }
}

/// A criterion and its weight, as the rules file gives them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeightedCriterion {
    pub criterion: String,
    pub weight: f64,
}

/// The award's rules as published: the kind of plan whose score counts, the criteria with their
/// weights, and the criteria that break a tie of totals, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AwardRulesFile {
    /// A rule kept before the plan's kind was named was computed on the e-Government plan.
    #[serde(default = "egovernance_plan")]
    pub plan_kind: String,
    pub criteria: Vec<WeightedCriterion>,
    pub tie_breaks: Vec<String>,
}

fn egovernance_plan() -> String {
    PlanKind::EGovernance.code().to_owned()
}

/// The rules, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct AwardRules {
    /// The plan whose reviewed score is the `plan_score` criterion.
    pub plan_kind: PlanKind,
    pub criteria: Vec<(Criterion, f64)>,
    pub tie_breaks: Vec<Criterion>,
}

/// Checks rules read from data: known criteria, each once, positive weights, tie-breaks among them.
pub fn check_rules(file: &AwardRulesFile) -> Result<AwardRules, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let plan_kind = PlanKind::from_code(&file.plan_kind);
    if plan_kind.is_err() {
        errors.add("plan_kind", "error-award-plan-kind");
    }
    let mut criteria = Vec::new();
    for entry in &file.criteria {
        match Criterion::from_code(&entry.criterion) {
            Ok(criterion) if criteria.iter().any(|(seen, _)| *seen == criterion) => {
                errors.add("criteria", "error-award-criterion-twice");
            }
            Ok(criterion) if entry.weight.is_finite() && entry.weight > 0.0 => {
                criteria.push((criterion, entry.weight));
            }
            Ok(_) => {
                errors.add("criteria", "error-award-weight");
            }
            Err(_) => {
                errors.add("criteria", "error-award-criterion");
            }
        }
    }
    if criteria.is_empty() {
        errors.add("criteria", "error-award-criterion");
    }
    let mut tie_breaks = Vec::new();
    for code in &file.tie_breaks {
        match Criterion::from_code(code) {
            Ok(criterion) if criteria.iter().any(|(known, _)| *known == criterion) => {
                tie_breaks.push(criterion);
            }
            _ => {
                errors.add("tie_breaks", "error-award-criterion");
            }
        }
    }
    match plan_kind {
        Ok(plan_kind) => errors.into_result(AwardRules {
            plan_kind,
            criteria,
            tie_breaks,
        }),
        Err(_) => Err(errors),
    }
}

impl From<&AwardRules> for AwardRulesFile {
    /// The rules as they would be published again, to keep beside a decision made on them.
    fn from(rules: &AwardRules) -> Self {
        Self {
            plan_kind: rules.plan_kind.code().to_owned(),
            criteria: rules
                .criteria
                .iter()
                .map(|(criterion, weight)| WeightedCriterion {
                    criterion: criterion.code().to_owned(),
                    weight: *weight,
                })
                .collect(),
            tie_breaks: rules
                .tie_breaks
                .iter()
                .map(|criterion| criterion.code().to_owned())
                .collect(),
        }
    }
}

/// What is measured of a candidate office in the year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measures {
    /// The plan's reviewed score and the plan's total marks; none without a reviewed plan.
    pub plan_score: Option<(f64, f64)>,
    pub implemented: u32,
    pub replicated: u32,
    /// (on time, due).
    pub on_time: (u32, u32),
}

/// One criterion's part of a candidate's total: the measure as counted, its score of 100, the
/// weight, and the weighted marks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    pub criterion: String,
    /// The measure and what it is scored against: (score, total marks), (count, most), (on time, due).
    pub measure: (f64, f64),
    pub score: f64,
    pub weight: f64,
    pub marks: f64,
}

/// A candidate's place in the ranking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ranked {
    pub office_id: i32,
    pub parts: Vec<Part>,
    /// The sum of the parts' marks over the sum of the weights, out of 100, to two decimals.
    pub total: f64,
    /// 1 for the first; candidates the rules cannot tell apart share a place.
    pub place: usize,
    /// The criterion that put it below the one before, when the totals were equal.
    pub decided_by: Option<String>,
}

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// A score out of 100 of `part` against `whole`; nothing against nothing scores 0.
fn of(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        round2(part / whole * 100.0)
    } else {
        0.0
    }
}

/// Ranks candidates by the rules: each criterion scored out of 100 (counts against the most any
/// candidate has), weighted, totalled out of 100; equal totals ordered by the tie-break criteria in
/// turn, and candidates equal on all of them sharing a place (the committee decides between them).
pub fn rank(rules: &AwardRules, candidates: &[(i32, Measures)]) -> Vec<Ranked> {
    let most = |count: fn(&Measures) -> u32| {
        candidates
            .iter()
            .map(|(_, measures)| count(measures))
            .max()
            .unwrap_or(0)
    };
    let most_implemented = f64::from(most(|measures| measures.implemented));
    let most_replicated = f64::from(most(|measures| measures.replicated));
    let weights: f64 = rules.criteria.iter().map(|(_, weight)| weight).sum();
    let mut ranked: Vec<Ranked> = candidates
        .iter()
        .map(|(office_id, measures)| {
            let parts: Vec<Part> = rules
                .criteria
                .iter()
                .map(|(criterion, weight)| {
                    let measure = match criterion {
                        Criterion::PlanScore => measures.plan_score.unwrap_or((0.0, 100.0)),
                        Criterion::Implemented => {
                            (f64::from(measures.implemented), most_implemented)
                        }
                        Criterion::Replicated => (f64::from(measures.replicated), most_replicated),
                        Criterion::OnTime => {
                            (f64::from(measures.on_time.0), f64::from(measures.on_time.1))
                        }
                    };
                    let score = of(measure.0, measure.1);
                    Part {
                        criterion: criterion.code().to_owned(),
                        measure,
                        score,
                        weight: *weight,
                        marks: round2(score * weight / 100.0),
                    }
                })
                .collect();
            let marks: f64 = parts.iter().map(|part| part.marks).sum();
            Ranked {
                office_id: *office_id,
                total: round2(marks / weights * 100.0),
                parts,
                place: 0,
                decided_by: None,
            }
        })
        .collect();
    let score_of = |ranked: &Ranked, criterion: Criterion| {
        ranked
            .parts
            .iter()
            .find(|part| part.criterion == criterion.code())
            .map_or(0.0, |part| part.score)
    };
    let order = |a: &Ranked, b: &Ranked| {
        b.total.total_cmp(&a.total).then_with(|| {
            rules
                .tie_breaks
                .iter()
                .map(|criterion| score_of(b, *criterion).total_cmp(&score_of(a, *criterion)))
                .find(|order| *order != Ordering::Equal)
                .unwrap_or(Ordering::Equal)
        })
    };
    ranked.sort_by(order);
    for index in 0..ranked.len() {
        if index == 0 {
            ranked[0].place = 1;
            continue;
        }
        let (before, this) = (&ranked[index - 1], &ranked[index]);
        if order(before, this) == Ordering::Equal {
            ranked[index].place = before.place;
        } else {
            let decided_by = (before.total == this.total)
                .then(|| {
                    rules
                        .tie_breaks
                        .iter()
                        .find(|criterion| {
                            score_of(before, **criterion) != score_of(this, **criterion)
                        })
                        .map(|criterion| criterion.code().to_owned())
                })
                .flatten();
            ranked[index].place = index + 1;
            ranked[index].decided_by = decided_by;
        }
    }
    ranked
}

/// A category's ranking as the committee saw it when it confirmed the winners.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankedCategory {
    pub category: AwardCategory,
    pub ranked: Vec<Ranked>,
}

/// Whether the committee must say why it chose `winner`: the rules did not put it first, or it
/// shares the first place. `None` when it is not among the candidates.
pub fn reason_needed(ranked: &[Ranked], winner: i32) -> Option<bool> {
    let chosen = ranked.iter().find(|one| one.office_id == winner)?;
    let firsts = ranked.iter().filter(|one| one.place == 1).count();
    Some(chosen.place != 1 || firsts > 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> AwardRules {
        check_rules(&AwardRulesFile {
            plan_kind: "egov".into(),
            criteria: [
                ("plan_score", 40.0),
                ("implemented", 25.0),
                ("replicated", 15.0),
                ("on_time", 20.0),
            ]
            .map(|(criterion, weight)| WeightedCriterion {
                criterion: criterion.into(),
                weight,
            })
            .to_vec(),
            tie_breaks: vec!["plan_score".into(), "replicated".into()],
        })
        .unwrap()
    }

    fn measures(
        plan: Option<f64>,
        implemented: u32,
        replicated: u32,
        on_time: (u32, u32),
    ) -> Measures {
        Measures {
            plan_score: plan.map(|score| (score, 100.0)),
            implemented,
            replicated,
            on_time,
        }
    }

    #[test]
    fn the_total_is_the_weighted_scores_of_100() {
        let ranked = rank(
            &rules(),
            &[
                (1, measures(Some(80.0), 2, 1, (9, 12))),
                (2, measures(Some(90.0), 4, 0, (12, 12))),
            ],
        );
        // Office 2: 90×40% + 100×25% + 0×15% + 100×20% = 36 + 25 + 0 + 20 = 81.
        // Office 1: 80×40% + 50×25% + 100×15% + 75×20% = 32 + 12.5 + 15 + 15 = 74.5.
        assert_eq!(
            ranked
                .iter()
                .map(|r| (r.office_id, r.total, r.place))
                .collect::<Vec<_>>(),
            [(2, 81.0, 1), (1, 74.5, 2)]
        );
        assert_eq!(
            ranked[1]
                .parts
                .iter()
                .map(|part| part.marks)
                .collect::<Vec<_>>(),
            [32.0, 12.5, 15.0, 15.0]
        );
    }

    #[test]
    fn equal_totals_are_ordered_by_the_tie_breaks_and_else_share_a_place() {
        let ranked = rank(
            &rules(),
            &[
                (1, measures(Some(50.0), 0, 1, (1, 1))),
                (2, measures(Some(87.5), 0, 0, (1, 1))),
                (3, measures(Some(50.0), 0, 1, (1, 1))),
            ],
        );
        // 1 and 3: 20 + 0 + 15 + 20 = 55; 2: 35 + 0 + 0 + 20 = 55. The plan score breaks the tie.
        assert_eq!(
            ranked
                .iter()
                .map(|r| (r.office_id, r.total, r.place))
                .collect::<Vec<_>>(),
            [(2, 55.0, 1), (1, 55.0, 2), (3, 55.0, 2)]
        );
        assert_eq!(ranked[1].decided_by.as_deref(), Some("plan_score"));
        assert_eq!(ranked[2].decided_by, None);
    }

    #[test]
    fn nothing_to_count_scores_nothing() {
        let ranked = rank(&rules(), &[(1, measures(None, 0, 0, (0, 0)))]);
        assert_eq!(ranked[0].total, 0.0);
    }

    #[test]
    fn rules_name_a_plan_kind_and_known_criteria_once_with_positive_weights() {
        let file = AwardRulesFile {
            plan_kind: "budget".into(),
            criteria: vec![
                WeightedCriterion {
                    criterion: "plan_score".into(),
                    weight: 0.0,
                },
                WeightedCriterion {
                    criterion: "luck".into(),
                    weight: 10.0,
                },
            ],
            tie_breaks: vec!["on_time".into()],
        };
        let errors = check_rules(&file).unwrap_err();
        assert_eq!(errors.errors.len(), 5);
        assert_eq!(errors.errors[0].message_key, "error-award-plan-kind");
    }

    #[test]
    fn a_winner_needs_a_reason_unless_first_alone() {
        let ranked = rank(
            &rules(),
            &[
                (1, measures(Some(90.0), 0, 0, (1, 1))),
                (2, measures(Some(50.0), 0, 0, (1, 1))),
                (3, measures(Some(50.0), 0, 0, (1, 1))),
            ],
        );
        assert_eq!(reason_needed(&ranked, 1), Some(false));
        assert_eq!(reason_needed(&ranked, 2), Some(true));
        assert_eq!(reason_needed(&ranked, 9), None);
        let shared = rank(
            &rules(),
            &[
                (2, measures(Some(50.0), 0, 0, (1, 1))),
                (3, measures(Some(50.0), 0, 0, (1, 1))),
            ],
        );
        assert_eq!(reason_needed(&shared, 3), Some(true));
    }
}
