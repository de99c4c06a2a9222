//! Roll-ups over the office tree: every office in a subtree with its plan and scores for a year, the
//! indicators most often late or returned there, and the plans with nothing sent for a quarter. Each is
//! one query over the stored ancestor path, whatever the size of the tree.

use sea_orm::sea_query::{Expr, ExprTrait, IntoCondition};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, FromQueryResult, JoinType, QueryFilter, QueryOrder,
    QuerySelect, RelationDef,
};
use udbhabon_domain::office::OfficeKind;
use udbhabon_domain::progress::{EntryStatus, PlanStatus};
use udbhabon_domain::{Bilingual, Vocabulary};

use crate::entity::{office, plan, progress_entry};
use crate::{Db, DbError};

/// An office of a subtree with its plan for the year, if it has one.
#[derive(Debug, Clone, PartialEq)]
pub struct RollupRow {
    pub office_id: i32,
    pub key: String,
    pub name: Bilingual,
    pub kind: OfficeKind,
    pub parent_id: Option<i32>,
    /// 0 for the office at the top of the subtree.
    pub depth: usize,
    pub plan_id: Option<i32>,
    pub status: Option<PlanStatus>,
    pub score: Option<f64>,
    pub self_score: Option<f64>,
}

/// How often an indicator's entries in a subtree were sent late or are returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TroubleRow {
    pub indicator_id: i32,
    pub late: i64,
    pub returned: i64,
}

#[derive(Debug, FromQueryResult)]
struct RollupModel {
    office_id: i32,
    key: String,
    name_bn: String,
    name_en: String,
    kind: String,
    parent_id: Option<i32>,
    path: String,
    plan_id: Option<i32>,
    status: Option<String>,
    score: Option<f64>,
    self_score: Option<f64>,
}

#[derive(Debug, FromQueryResult)]
struct TroubleModel {
    indicator_id: i32,
    late: Option<i64>,
    returned: Option<i64>,
}

/// The office and everything below it.
fn in_subtree(top: &office::Model) -> Condition {
    Condition::any()
        .add(office::Column::Id.eq(top.id))
        .add(office::Column::Path.starts_with(format!("{}{}/", top.path, top.id)))
}

/// plan → office.
fn plan_office() -> RelationDef {
    plan::Entity::belongs_to(office::Entity)
        .from(plan::Column::OfficeId)
        .to(office::Column::Id)
        .into()
}

/// progress entry → plan.
fn entry_plan() -> RelationDef {
    progress_entry::Entity::belongs_to(plan::Entity)
        .from(progress_entry::Column::PlanId)
        .to(plan::Column::Id)
        .into()
}

impl Db {
    async fn office_model(&self, office_id: i32) -> Result<office::Model, DbError> {
        office::Entity::find_by_id(office_id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("office #{office_id}")))
    }

    /// The office and every office below it, parents first, each with its plan from `template_id`.
    pub async fn rollup(
        &self,
        office_id: i32,
        template_id: i32,
    ) -> Result<Vec<RollupRow>, DbError> {
        let top = self.office_model(office_id).await?;
        let base_depth = top.path.matches('/').count();
        let with_plan = plan_office().rev().on_condition(move |_office, plan| {
            Expr::col((plan, plan::Column::TemplateId))
                .eq(template_id)
                .into_condition()
        });
        let models = office::Entity::find()
            .join(JoinType::LeftJoin, with_plan)
            .filter(in_subtree(&top))
            .select_only()
            .column_as(office::Column::Id, "office_id")
            .column(office::Column::Key)
            .column(office::Column::NameBn)
            .column(office::Column::NameEn)
            .column(office::Column::Kind)
            .column(office::Column::ParentId)
            .column(office::Column::Path)
            .column_as(plan::Column::Id, "plan_id")
            .column(plan::Column::Status)
            .column(plan::Column::Score)
            .column(plan::Column::SelfScore)
            .order_by_asc(office::Column::Path)
            .order_by_asc(office::Column::Position)
            .order_by_asc(office::Column::Id)
            .into_model::<RollupModel>()
            .all(self.connection())
            .await?;
        models
            .into_iter()
            .map(|model| {
                Ok(RollupRow {
                    depth: model.path.matches('/').count().saturating_sub(base_depth),
                    kind: OfficeKind::from_code(&model.kind)?,
                    status: model
                        .status
                        .as_deref()
                        .map(PlanStatus::from_code)
                        .transpose()?,
                    office_id: model.office_id,
                    key: model.key,
                    name: Bilingual::new(model.name_bn, model.name_en),
                    parent_id: model.parent_id,
                    plan_id: model.plan_id,
                    score: model.score,
                    self_score: model.self_score,
                })
            })
            .collect()
    }

    /// The indicators whose entries in the subtree were most often sent late or are returned, worst
    /// first.
    pub async fn trouble_indicators(
        &self,
        office_id: i32,
        template_id: i32,
        limit: u64,
    ) -> Result<Vec<TroubleRow>, DbError> {
        let top = self.office_model(office_id).await?;
        let late = Expr::cust("SUM(CASE WHEN progress_entry.on_time = false THEN 1 ELSE 0 END)");
        let returned = Expr::cust(format!(
            "SUM(CASE WHEN progress_entry.status = '{}' THEN 1 ELSE 0 END)",
            EntryStatus::Returned.code()
        ));
        let models = progress_entry::Entity::find()
            .join(JoinType::InnerJoin, entry_plan())
            .join(JoinType::InnerJoin, plan_office())
            .filter(plan::Column::TemplateId.eq(template_id))
            .filter(in_subtree(&top))
            .select_only()
            .column(progress_entry::Column::IndicatorId)
            .column_as(late.clone(), "late")
            .column_as(returned.clone(), "returned")
            .group_by(progress_entry::Column::IndicatorId)
            .into_model::<TroubleModel>()
            .all(self.connection())
            .await?;
        let mut rows: Vec<TroubleRow> = models
            .into_iter()
            .map(|model| TroubleRow {
                indicator_id: model.indicator_id,
                late: model.late.unwrap_or(0),
                returned: model.returned.unwrap_or(0),
            })
            .filter(|row| row.late + row.returned > 0)
            .collect();
        rows.sort_by_key(|row| (std::cmp::Reverse(row.late + row.returned), row.indicator_id));
        rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        Ok(rows)
    }

    /// The approved plans in the subtree with nothing submitted (or accepted) for `quarter`: the
    /// offices that have not reported it.
    pub async fn silent_plans(
        &self,
        office_id: i32,
        template_id: i32,
        quarter: u8,
    ) -> Result<Vec<i32>, DbError> {
        let top = self.office_model(office_id).await?;
        let approved: Vec<(i32, i32)> = plan::Entity::find()
            .join(JoinType::InnerJoin, plan_office())
            .filter(plan::Column::TemplateId.eq(template_id))
            .filter(plan::Column::Status.eq(PlanStatus::Approved.code()))
            .filter(in_subtree(&top))
            .select_only()
            .column(plan::Column::Id)
            .column(plan::Column::OfficeId)
            .into_tuple()
            .all(self.connection())
            .await?;
        let reported: std::collections::HashSet<i32> = progress_entry::Entity::find()
            .join(JoinType::InnerJoin, entry_plan())
            .join(JoinType::InnerJoin, plan_office())
            .filter(plan::Column::TemplateId.eq(template_id))
            .filter(in_subtree(&top))
            .filter(progress_entry::Column::Quarter.eq(i32::from(quarter)))
            .filter(
                progress_entry::Column::Status
                    .is_in([EntryStatus::Submitted.code(), EntryStatus::Accepted.code()]),
            )
            .select_only()
            .column(progress_entry::Column::PlanId)
            .distinct()
            .into_tuple::<i32>()
            .all(self.connection())
            .await?
            .into_iter()
            .collect();
        Ok(approved
            .into_iter()
            .filter(|(plan_id, _)| !reported.contains(plan_id))
            .map(|(_, office_id)| office_id)
            .collect())
    }
}
