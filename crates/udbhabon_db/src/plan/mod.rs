//! Plan templates (areas, activities, indicators) and offices' plans from them with their own targets.

pub mod assessment;
pub mod dashboard;
pub mod progress;
pub mod revision;

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use udbhabon_domain::plan::score::{IndicatorRule, Targets};
use udbhabon_domain::plan::{IndicatorFeed, PlanKind, QuarterDates, TemplateContent};
use udbhabon_domain::{Bilingual, Vocabulary};

use crate::entity::{plan, plan_activity, plan_area, plan_indicator, plan_target, plan_template};
use crate::{Db, DbError, Tx};

/// A plan template's heading and calendar.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateRow {
    pub id: i32,
    pub key: String,
    pub kind: PlanKind,
    /// The year the fiscal year starts in.
    pub fiscal_year: i32,
    pub title: Bilingual,
    pub total_marks: f64,
    pub quarter_due: QuarterDates,
    pub mid_year_review_due: NaiveDate,
    pub self_assessment_due: NaiveDate,
}

/// A template with its areas, activities and indicators, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateTree {
    pub template: TemplateRow,
    pub areas: Vec<AreaRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AreaRow {
    pub id: i32,
    pub number: String,
    pub title: Bilingual,
    pub marks: f64,
    pub activities: Vec<ActivityRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActivityRow {
    pub id: i32,
    pub number: String,
    pub title: Bilingual,
    pub indicators: Vec<IndicatorRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorRow {
    pub id: i32,
    pub number: String,
    pub title: Bilingual,
    /// The scoring set-up with the template's own targets.
    pub rule: IndicatorRule,
    pub evidence: Bilingual,
    pub method: Bilingual,
    /// The figure the system keeps for it, if any.
    pub feed: Option<IndicatorFeed>,
}

/// An office's plan for a year.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanRow {
    pub id: i32,
    pub template_id: i32,
    pub office_id: i32,
    pub status: udbhabon_domain::plan::progress::PlanStatus,
    pub version: i32,
    pub score: Option<f64>,
    pub self_score: Option<f64>,
    pub approved_meeting_id: Option<i32>,
    pub approved_on: Option<NaiveDate>,
}

/// An office's targets for one indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetRow {
    pub indicator_id: i32,
    pub targets: Option<Targets>,
    pub previous_year: String,
    pub year_before: String,
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, DbError> {
    serde_json::to_string(value).map_err(|error| DbError::Other(format!("cannot store: {error}")))
}

fn parse<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T, DbError> {
    serde_json::from_str(text).map_err(|error| DbError::Other(format!("stored {what}: {error}")))
}

/// A stored target as its row.
pub(crate) fn target_row(model: plan_target::Model) -> Result<TargetRow, DbError> {
    Ok(TargetRow {
        indicator_id: model.indicator_id,
        targets: model
            .targets
            .as_deref()
            .map(|text| parse(text, "targets"))
            .transpose()?,
        previous_year: model.previous_year,
        year_before: model.year_before,
    })
}

fn position(index: usize) -> i32 {
    i32::try_from(index + 1).unwrap_or(i32::MAX)
}

impl TryFrom<plan_template::Model> for TemplateRow {
    type Error = DbError;

    fn try_from(model: plan_template::Model) -> Result<Self, DbError> {
        Ok(Self {
            id: model.id,
            key: model.key,
            kind: PlanKind::from_code(&model.kind)?,
            fiscal_year: model.fiscal_year,
            title: Bilingual::new(model.title_bn, model.title_en),
            total_marks: model.total_marks,
            quarter_due: QuarterDates([model.q1_due, model.q2_due, model.q3_due, model.q4_due]),
            mid_year_review_due: model.mid_year_review_due,
            self_assessment_due: model.self_assessment_due,
        })
    }
}

impl TryFrom<plan::Model> for PlanRow {
    type Error = DbError;

    fn try_from(model: plan::Model) -> Result<Self, DbError> {
        Ok(Self {
            id: model.id,
            template_id: model.template_id,
            office_id: model.office_id,
            status: udbhabon_domain::plan::progress::PlanStatus::from_code(&model.status)?,
            version: model.version,
            score: model.score,
            self_score: model.self_score,
            approved_meeting_id: model.approved_meeting_id,
            approved_on: model.approved_on,
        })
    }
}

impl Db {
    pub async fn plan_template_by_key(&self, key: &str) -> Result<TemplateRow, DbError> {
        plan_template::Entity::find()
            .filter(plan_template::Column::Key.eq(key))
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("plan template {key}")))?
            .try_into()
    }

    /// Every template, the latest year first.
    pub async fn plan_templates(&self) -> Result<Vec<TemplateRow>, DbError> {
        plan_template::Entity::find()
            .order_by_desc(plan_template::Column::FiscalYear)
            .order_by_asc(plan_template::Column::Key)
            .all(self.connection())
            .await?
            .into_iter()
            .map(TryInto::try_into)
            .collect()
    }

    /// A template with its whole tree, in four queries.
    pub async fn template_tree(&self, template_id: i32) -> Result<TemplateTree, DbError> {
        let template: TemplateRow = plan_template::Entity::find_by_id(template_id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("plan template #{template_id}")))?
            .try_into()?;
        let areas = plan_area::Entity::find()
            .filter(plan_area::Column::TemplateId.eq(template_id))
            .order_by_asc(plan_area::Column::Position)
            .all(self.connection())
            .await?;
        let activities = plan_activity::Entity::find()
            .filter(plan_activity::Column::AreaId.is_in(areas.iter().map(|area| area.id)))
            .order_by_asc(plan_activity::Column::Position)
            .all(self.connection())
            .await?;
        let mut indicators: HashMap<i32, Vec<IndicatorRow>> = HashMap::new();
        for model in plan_indicator::Entity::find()
            .filter(plan_indicator::Column::TemplateId.eq(template_id))
            .order_by_asc(plan_indicator::Column::Position)
            .all(self.connection())
            .await?
        {
            indicators
                .entry(model.activity_id)
                .or_default()
                .push(IndicatorRow {
                    rule: parse(&model.rule, "indicator rule")?,
                    id: model.id,
                    number: model.number,
                    title: Bilingual::new(model.title_bn, model.title_en),
                    evidence: Bilingual::new(model.evidence_bn, model.evidence_en),
                    method: Bilingual::new(model.method_bn, model.method_en),
                    feed: model
                        .feed
                        .as_deref()
                        .map(IndicatorFeed::from_code)
                        .transpose()?,
                });
        }
        let mut by_area: HashMap<i32, Vec<ActivityRow>> = HashMap::new();
        for model in activities {
            by_area.entry(model.area_id).or_default().push(ActivityRow {
                indicators: indicators.remove(&model.id).unwrap_or_default(),
                id: model.id,
                number: model.number,
                title: Bilingual::new(model.title_bn, model.title_en),
            });
        }
        Ok(TemplateTree {
            template,
            areas: areas
                .into_iter()
                .map(|model| AreaRow {
                    activities: by_area.remove(&model.id).unwrap_or_default(),
                    id: model.id,
                    number: model.number,
                    title: Bilingual::new(model.title_bn, model.title_en),
                    marks: model.marks,
                })
                .collect(),
        })
    }

    pub async fn plan(&self, id: i32) -> Result<PlanRow, DbError> {
        plan::Entity::find_by_id(id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("plan #{id}")))?
            .try_into()
    }

    /// The plans of an office, the latest year first.
    pub async fn plans_of_office(&self, office_id: i32) -> Result<Vec<PlanRow>, DbError> {
        plan::Entity::find()
            .filter(plan::Column::OfficeId.eq(office_id))
            .order_by_desc(plan::Column::TemplateId)
            .all(self.connection())
            .await?
            .into_iter()
            .map(TryInto::try_into)
            .collect()
    }

    /// The plans of these offices sent for approval and not yet decided.
    pub async fn submitted_plans(&self, office_ids: &[i32]) -> Result<Vec<PlanRow>, DbError> {
        plan::Entity::find()
            .filter(plan::Column::OfficeId.is_in(office_ids.iter().copied()))
            .filter(
                plan::Column::Status
                    .eq(udbhabon_domain::plan::progress::PlanStatus::Submitted.code()),
            )
            .order_by_asc(plan::Column::Id)
            .all(self.connection())
            .await?
            .into_iter()
            .map(TryInto::try_into)
            .collect()
    }

    /// The office's own targets for each indicator of a plan, keyed by indicator.
    pub async fn plan_targets(&self, plan_id: i32) -> Result<HashMap<i32, TargetRow>, DbError> {
        plan_target::Entity::find()
            .filter(plan_target::Column::PlanId.eq(plan_id))
            .all(self.connection())
            .await?
            .into_iter()
            .map(|model| Ok((model.indicator_id, target_row(model)?)))
            .collect()
    }
}

impl Tx {
    /// Inserts a checked template with its whole tree; returns the tree as stored.
    pub async fn insert_plan_template(
        &self,
        key: &str,
        kind: PlanKind,
        fiscal_year: i32,
        content: &TemplateContent,
    ) -> Result<TemplateTree, DbError> {
        let QuarterDates([q1, q2, q3, q4]) = content.quarter_due;
        let template: TemplateRow = self
            .insert_audited(plan_template::ActiveModel {
                key: Set(key.to_owned()),
                kind: Set(kind.code().to_owned()),
                fiscal_year: Set(fiscal_year),
                title_bn: Set(content.title.bn.clone()),
                title_en: Set(content.title.en.clone()),
                total_marks: Set(content.total_marks),
                q1_due: Set(q1),
                q2_due: Set(q2),
                q3_due: Set(q3),
                q4_due: Set(q4),
                mid_year_review_due: Set(content.mid_year_review_due),
                self_assessment_due: Set(content.self_assessment_due),
                copied_from_id: Set(None),
                ..Default::default()
            })
            .await?
            .try_into()?;
        let mut areas = Vec::new();
        let mut indicator_position = 0;
        for (area_index, area) in content.areas.iter().enumerate() {
            let area_id = self
                .insert_audited(plan_area::ActiveModel {
                    template_id: Set(template.id),
                    position: Set(position(area_index)),
                    number: Set(area.number.clone()),
                    title_bn: Set(area.title.bn.clone()),
                    title_en: Set(area.title.en.clone()),
                    marks: Set(area.marks),
                    ..Default::default()
                })
                .await?
                .id;
            let mut activities = Vec::new();
            for (activity_index, activity) in area.activities.iter().enumerate() {
                let activity_id = self
                    .insert_audited(plan_activity::ActiveModel {
                        area_id: Set(area_id),
                        position: Set(position(activity_index)),
                        number: Set(activity.number.clone()),
                        title_bn: Set(activity.title.bn.clone()),
                        title_en: Set(activity.title.en.clone()),
                        ..Default::default()
                    })
                    .await?
                    .id;
                let mut indicators = Vec::new();
                for indicator in &activity.indicators {
                    let id = self
                        .insert_audited(plan_indicator::ActiveModel {
                            activity_id: Set(activity_id),
                            template_id: Set(template.id),
                            position: Set(position(indicator_position)),
                            number: Set(indicator.number.clone()),
                            title_bn: Set(indicator.title.bn.clone()),
                            title_en: Set(indicator.title.en.clone()),
                            rule: Set(json(&indicator.rule)?),
                            weight: Set(indicator.rule.weight),
                            evidence_bn: Set(indicator.evidence.bn.clone()),
                            evidence_en: Set(indicator.evidence.en.clone()),
                            method_bn: Set(indicator.method.bn.clone()),
                            method_en: Set(indicator.method.en.clone()),
                            feed: Set(indicator.feed.map(|feed| feed.code().to_owned())),
                            ..Default::default()
                        })
                        .await?
                        .id;
                    indicator_position += 1;
                    indicators.push(IndicatorRow {
                        id,
                        number: indicator.number.clone(),
                        title: indicator.title.clone(),
                        rule: indicator.rule.clone(),
                        evidence: indicator.evidence.clone(),
                        method: indicator.method.clone(),
                        feed: indicator.feed,
                    });
                }
                activities.push(ActivityRow {
                    id: activity_id,
                    number: activity.number.clone(),
                    title: activity.title.clone(),
                    indicators,
                });
            }
            areas.push(AreaRow {
                id: area_id,
                number: area.number.clone(),
                title: area.title.clone(),
                marks: area.marks,
                activities,
            });
        }
        Ok(TemplateTree { template, areas })
    }

    /// Sets the office's own targets for an indicator of its plan, with its two previous years.
    pub async fn set_plan_target(&self, plan_id: i32, target: &TargetRow) -> Result<(), DbError> {
        let current = plan_target::Entity::find()
            .filter(plan_target::Column::PlanId.eq(plan_id))
            .filter(plan_target::Column::IndicatorId.eq(target.indicator_id))
            .one(&self.transaction)
            .await?
            .ok_or_else(|| {
                DbError::NotFound(format!(
                    "indicator #{} of plan #{plan_id}",
                    target.indicator_id
                ))
            })?;
        let targets = target.targets.as_ref().map(json).transpose()?;
        let (previous_year, year_before) =
            (target.previous_year.clone(), target.year_before.clone());
        self.update_audited(current, |active: &mut plan_target::ActiveModel| {
            active.targets = Set(targets);
            active.previous_year = Set(previous_year);
            active.year_before = Set(year_before);
        })
        .await?;
        Ok(())
    }

    /// Starts an office's plan from a template, as a draft with the template's targets.
    pub async fn insert_plan(
        &self,
        template: &TemplateTree,
        office_id: i32,
    ) -> Result<i32, DbError> {
        let plan = self
            .insert_audited(plan::ActiveModel {
                template_id: Set(template.template.id),
                office_id: Set(office_id),
                status: Set(udbhabon_domain::plan::progress::PlanStatus::Draft
                    .code()
                    .to_owned()),
                version: Set(1),
                score: Set(None),
                self_score: Set(None),
                approved_meeting_id: Set(None),
                approved_on: Set(None),
                updated_by: Set(self.author.label.clone()),
                updated_at: Set(self.author.at),
                ..Default::default()
            })
            .await?;
        let indicators = template
            .areas
            .iter()
            .flat_map(|area| &area.activities)
            .flat_map(|activity| &activity.indicators);
        for indicator in indicators {
            self.insert_audited(plan_target::ActiveModel {
                plan_id: Set(plan.id),
                indicator_id: Set(indicator.id),
                targets: Set(indicator.rule.targets.as_ref().map(json).transpose()?),
                previous_year: Set(String::new()),
                year_before: Set(String::new()),
                ..Default::default()
            })
            .await?;
        }
        Ok(plan.id)
    }
}
