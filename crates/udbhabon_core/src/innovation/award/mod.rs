//! The yearly innovation award as use cases: for an awarding office and a fiscal year, its agencies and
//! its field offices measured from the records (plan score, innovations implemented and replicated,
//! submissions on time) and ranked by the published rules (`data/awards.toml`); how the award's
//! names and figures are written.

mod notice;
pub mod round;

use std::collections::HashMap;
use std::sync::LazyLock;

use bangla::FiscalYear;
use udbhabon_db::office::OfficeRow;
use udbhabon_db::plan::TemplateRow;
use udbhabon_db::plan::dashboard::{RollupFilter, RollupOrder, Scope};
use udbhabon_domain::account::access::Action;
use udbhabon_domain::innovation::InnovationStage;
use udbhabon_domain::innovation::award::{
    AwardCategory, AwardRules, AwardRulesFile, Criterion, Measures, Ranked, check_rules, rank,
};
use udbhabon_domain::{Lang, Vocabulary};
use udbhabon_i18n::{format, t};

use crate::account::SignedIn;
use crate::{App, Error};

/// The award's published rules, as the data file gives them.
pub const AWARD_RULES_FILE: &str = include_str!("../../../../../data/awards.toml");

/// The rules, read and checked once; the file is part of the build, and its test keeps it valid.
static RULES: LazyLock<Result<AwardRules, String>> = LazyLock::new(|| {
    let file: AwardRulesFile =
        toml::from_str(AWARD_RULES_FILE).map_err(|error| error.to_string())?;
    check_rules(&file).map_err(|errors| errors.to_string())
});

/// The award's rules.
pub fn award_rules() -> Result<&'static AwardRules, Error> {
    RULES
        .as_ref()
        .map_err(|error| Error::Internal(format!("data/awards.toml: {error}")))
}

/// An award's name, in the singular: "দপ্তর/সংস্থা", "Agency".
pub fn award_name(lang: Lang, category: AwardCategory) -> String {
    t(
        lang,
        &format!("award-name-{}", category.code().replace('_', "-")),
    )
}

/// A criterion by its code, named in `lang` (the code itself if unknown).
pub fn criterion_label(lang: Lang, code: &str) -> String {
    Criterion::from_code(code).map_or_else(
        |_| code.to_owned(),
        |criterion| t(lang, &criterion.message_key()),
    )
}

/// A figure of the award's arithmetic without a needless ".0", in `lang`'s digits: 40, 12.5.
pub fn figure(lang: Lang, value: f64) -> String {
    let text = format!("{value:.2}");
    format::digits(lang, text.trim_end_matches('0').trim_end_matches('.'))
}

/// One candidate in a ranking: its place and arithmetic, its office, what was measured.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub ranked: Ranked,
    pub office: OfficeRow,
    pub measures: Measures,
}

/// A year's ranking for an awarding office.
#[derive(Debug, Clone)]
pub struct AwardRanking {
    pub office: OfficeRow,
    pub year: FiscalYear,
    pub rules: &'static AwardRules,
    /// The year's plan template of the kind the rules name, whose scores count; `None` when the year
    /// has none.
    pub plan: Option<TemplateRow>,
    /// The agencies, then the field offices, each best first.
    pub categories: Vec<(AwardCategory, Vec<Candidate>)>,
}

/// Whether an innovation counts as implemented in the year: past the approval stage and not dropped,
/// started or completed within it.
fn implemented_in(
    year: FiscalYear,
    stage: InnovationStage,
    dates: [Option<chrono::NaiveDate>; 2],
) -> bool {
    let implemented = !matches!(
        stage,
        InnovationStage::Idea | InnovationStage::ApprovedForPilot | InnovationStage::Dropped
    );
    implemented && dates.into_iter().flatten().any(|day| year.contains(day))
}

impl App {
    /// The year's ranking of the offices below `office_key` by the award's rules, for readers of its
    /// records.
    pub async fn award_ranking(
        &self,
        who: &SignedIn,
        office_key: &str,
        year: FiscalYear,
    ) -> Result<AwardRanking, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ViewOfficeRecords, office.id)
            .await?;
        let rules = award_rules()?;
        let template = self
            .db
            .plan_templates()
            .await?
            .into_iter()
            .find(|template| {
                template.fiscal_year == year.start_year() && template.kind == rules.plan_kind
            });
        let below = self.db.offices_below(Scope::Office(office.id)).await?;
        let offices = self.db.offices_under(office.id).await?;
        let plan_scores: HashMap<i32, Option<(f64, f64)>> = match &template {
            Some(template) => self
                .db
                .rollup_page(
                    &below,
                    template.id,
                    &RollupFilter::default(),
                    RollupOrder::Name,
                    (0, offices.len() as u64),
                )
                .await?
                .into_iter()
                .map(|row| {
                    (
                        row.office_id,
                        row.score.map(|score| (score, template.total_marks)),
                    )
                })
                .collect(),
            None => HashMap::new(),
        };
        let ids: Vec<i32> = offices.iter().map(|office| office.id).collect();
        let innovations = self.db.innovations(Some(&ids), None).await?;
        let mut implemented: HashMap<i32, u32> = HashMap::new();
        for row in &innovations {
            let record = &row.record;
            if implemented_in(year, record.stage, [record.started_on, record.completed_on]) {
                *implemented.entry(row.office_id).or_default() += 1;
            }
        }
        let owners: HashMap<i32, i32> = innovations
            .iter()
            .map(|row| (row.id, row.office_id))
            .collect();
        let mut replicated: HashMap<i32, u32> = HashMap::new();
        let originals: Vec<i32> = owners.keys().copied().collect();
        for copy in self.db.replications_of(&originals).await? {
            // A copy counts in the year it started there (the replication form dates it that day).
            let made_on = copy
                .record
                .started_on
                .unwrap_or_else(|| bangla::dhaka::today_in_dhaka(copy.at));
            if let Some(owner) = copy.replicates_id.and_then(|id| owners.get(&id))
                && year.contains(made_on)
                && copy.office_id != *owner
            {
                *replicated.entry(*owner).or_default() += 1;
            }
        }
        let on_time = self
            .db
            .on_time_submissions(&ids, (year.first_day(), year.last_day()))
            .await?;
        let measures_of = |office: &OfficeRow| Measures {
            plan_score: plan_scores.get(&office.id).copied().flatten(),
            implemented: implemented.get(&office.id).copied().unwrap_or_default(),
            replicated: replicated.get(&office.id).copied().unwrap_or_default(),
            on_time: on_time.get(&office.id).copied().unwrap_or_default(),
        };
        let categories = AwardCategory::ALL
            .iter()
            .map(|category| {
                let members: Vec<&OfficeRow> = offices
                    .iter()
                    .filter(|candidate| match category {
                        AwardCategory::Agency => {
                            candidate.parent_id == Some(office.id)
                                && !candidate.kind.is_field_office()
                        }
                        AwardCategory::FieldOffice => candidate.kind.is_field_office(),
                    })
                    .collect();
                let measured: Vec<(i32, Measures)> = members
                    .iter()
                    .map(|candidate| (candidate.id, measures_of(candidate)))
                    .collect();
                let candidates = rank(rules, &measured)
                    .into_iter()
                    .filter_map(|ranked| {
                        let index = members
                            .iter()
                            .position(|office| office.id == ranked.office_id)?;
                        Some(Candidate {
                            measures: measured[index].1.clone(),
                            office: members[index].clone(),
                            ranked,
                        })
                    })
                    .collect();
                (*category, candidates)
            })
            .collect();
        Ok(AwardRanking {
            office,
            year,
            rules,
            plan: template,
            categories,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_rules_are_valid() {
        let rules = award_rules().unwrap();
        assert_eq!(rules.criteria.len(), 4);
        let weights: f64 = rules.criteria.iter().map(|(_, weight)| weight).sum();
        assert_eq!(weights, 100.0);
    }

    #[test]
    fn an_innovation_counts_in_the_year_it_started_or_was_completed() {
        let year = FiscalYear::starting_in(2025).unwrap();
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);
        let scaled = InnovationStage::ScaledUp;
        assert!(implemented_in(
            year,
            scaled,
            [day(2024, 1, 1), day(2025, 12, 31)]
        ));
        assert!(implemented_in(year, scaled, [day(2025, 7, 1), None]));
        assert!(!implemented_in(
            year,
            scaled,
            [day(2024, 7, 1), day(2025, 6, 30)]
        ));
        assert!(!implemented_in(
            year,
            InnovationStage::Dropped,
            [day(2025, 7, 1), None]
        ));
    }
}
