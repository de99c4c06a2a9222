//! Opening an approved plan for revision: the version it had is kept (its targets, its approval and the
//! reason it was reopened), and the plan goes back to draft under the next version number.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::plan::progress::PlanStatus;

use crate::entity::{plan, plan_revision, plan_target};
use crate::plan::{TargetRow, target_row};
use crate::{Db, DbError, Tx};

/// A superseded version of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionRow {
    pub version: i32,
    pub reason: String,
    pub approved_on: Option<NaiveDate>,
    pub revised_by: String,
    pub revised_at: DateTime<Utc>,
}

impl From<plan_revision::Model> for RevisionRow {
    fn from(model: plan_revision::Model) -> Self {
        Self {
            version: model.version,
            reason: model.reason,
            approved_on: model.approved_on,
            revised_by: model.revised_by,
            revised_at: model.revised_at,
        }
    }
}

impl Db {
    /// The plan's earlier versions, latest first.
    pub async fn plan_revisions(&self, plan_id: i32) -> Result<Vec<RevisionRow>, DbError> {
        Ok(plan_revision::Entity::find()
            .filter(plan_revision::Column::PlanId.eq(plan_id))
            .order_by_desc(plan_revision::Column::Version)
            .all(self.connection())
            .await?
            .into_iter()
            .map(RevisionRow::from)
            .collect())
    }

    /// An earlier version of the plan with the office's targets as they were then, keyed by indicator.
    pub async fn plan_revision(
        &self,
        plan_id: i32,
        version: i32,
    ) -> Result<(RevisionRow, HashMap<i32, TargetRow>), DbError> {
        let model = plan_revision::Entity::find()
            .filter(plan_revision::Column::PlanId.eq(plan_id))
            .filter(plan_revision::Column::Version.eq(version))
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("version {version} of plan #{plan_id}")))?;
        let kept: Vec<plan_target::Model> =
            serde_json::from_str(&model.targets).map_err(|error| {
                DbError::Other(format!("the targets of version {version}: {error}"))
            })?;
        let targets = kept
            .into_iter()
            .map(|target| Ok((target.indicator_id, target_row(target)?)))
            .collect::<Result<_, DbError>>()?;
        Ok((model.into(), targets))
    }
}

impl Tx {
    /// Keeps the plan's current version with `reason` and reopens the plan as a draft of the next
    /// version; returns that version.
    pub async fn revise_plan(&self, plan_id: i32, reason: &str) -> Result<i32, DbError> {
        let current = self.plan_for_update(plan_id).await?;
        // Checked again under the lock: a second reviser who read the plan before the first
        // committed would otherwise keep the new draft as an approved version.
        if current.status != PlanStatus::Approved.code() {
            return Err(DbError::Conflict(format!(
                "plan #{plan_id} is no longer approved"
            )));
        }
        let targets = plan_target::Entity::find()
            .filter(plan_target::Column::PlanId.eq(plan_id))
            .order_by_asc(plan_target::Column::IndicatorId)
            .all(&self.transaction)
            .await?;
        let targets = serde_json::to_string(&targets)
            .map_err(|error| DbError::Other(format!("cannot keep the targets: {error}")))?;
        self.insert_audited(plan_revision::ActiveModel {
            plan_id: Set(plan_id),
            version: Set(current.version),
            reason: Set(reason.to_owned()),
            targets: Set(targets),
            approved_on: Set(current.approved_on),
            revised_by: Set(self.author.label.clone()),
            revised_at: Set(self.author.at),
            ..Default::default()
        })
        .await?;
        let version = current.version + 1;
        let (label, at) = (self.author.label.clone(), self.author.at);
        self.update_audited(current, |active: &mut plan::ActiveModel| {
            active.status = Set(PlanStatus::Draft.code().to_owned());
            active.version = Set(version);
            active.approved_meeting_id = Set(None);
            active.approved_on = Set(None);
            active.updated_by = Set(label);
            active.updated_at = Set(at);
        })
        .await?;
        Ok(version)
    }
}
