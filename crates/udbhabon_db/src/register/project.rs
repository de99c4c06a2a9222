//! The ICT projects of an office and their milestones: an office's projects, one by its id, the
//! milestones of some projects, each added or corrected, and a milestone reached.

use chrono::NaiveDate;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use udbhabon_domain::register::project::{Milestone, Project};

use crate::entity::{milestone, project};
use crate::json::{from_json, to_json};
use crate::{Db, DbError, Tx};

/// A project as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectRow {
    pub id: i32,
    pub office_id: i32,
    pub project: Project,
}

/// A milestone as kept, with its project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneRow {
    pub id: i32,
    pub project_id: i32,
    pub milestone: Milestone,
}

fn project_row(model: project::Model) -> Result<ProjectRow, DbError> {
    Ok(ProjectRow {
        project: from_json("project", model.id, &model.content)?,
        id: model.id,
        office_id: model.office_id,
    })
}

impl Db {
    /// An office's projects, in the order registered.
    pub async fn projects_of(&self, office_id: i32) -> Result<Vec<ProjectRow>, DbError> {
        project::Entity::find()
            .filter(project::Column::OfficeId.eq(office_id))
            .order_by_asc(project::Column::Id)
            .all(self.connection())
            .await?
            .into_iter()
            .map(project_row)
            .collect()
    }

    pub async fn project(&self, id: i32) -> Result<ProjectRow, DbError> {
        project::Entity::find_by_id(id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("project #{id}")))
            .and_then(project_row)
    }

    /// The milestones of these projects, the soonest planned first.
    pub async fn milestones_of(&self, project_ids: &[i32]) -> Result<Vec<MilestoneRow>, DbError> {
        Ok(milestone::Entity::find()
            .filter(milestone::Column::ProjectId.is_in(project_ids.iter().copied()))
            .order_by_asc(milestone::Column::PlannedOn)
            .order_by_asc(milestone::Column::Id)
            .all(self.connection())
            .await?
            .into_iter()
            .map(|model| MilestoneRow {
                id: model.id,
                project_id: model.project_id,
                milestone: Milestone {
                    title: model.title,
                    planned_on: model.planned_on,
                    reached_on: model.reached_on,
                },
            })
            .collect())
    }
}

impl Tx {
    pub async fn insert_project(&self, office_id: i32, project: &Project) -> Result<i32, DbError> {
        let row = project::ActiveModel {
            office_id: Set(office_id),
            content: Set(to_json(project)?),
            updated_by: Set(self.author.label.clone()),
            updated_at: Set(self.author.at),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    pub async fn update_project(&self, id: i32, project: &Project) -> Result<(), DbError> {
        let before = project::Entity::find_by_id(id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("project #{id}")))?;
        let content = to_json(project)?;
        let (label, at) = (self.author.label.clone(), self.author.at);
        self.update_audited(before, |active: &mut project::ActiveModel| {
            active.content = Set(content);
            active.updated_by = Set(label);
            active.updated_at = Set(at);
        })
        .await?;
        Ok(())
    }

    pub async fn insert_milestone(
        &self,
        project_id: i32,
        milestone: &Milestone,
    ) -> Result<i32, DbError> {
        let row = milestone::ActiveModel {
            project_id: Set(project_id),
            title: Set(milestone.title.clone()),
            planned_on: Set(milestone.planned_on),
            reached_on: Set(milestone.reached_on),
            updated_by: Set(self.author.label.clone()),
            updated_at: Set(self.author.at),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    /// Records the day a milestone was reached; one already reached is a conflict.
    pub async fn reach_milestone(&self, id: i32, reached_on: NaiveDate) -> Result<(), DbError> {
        let before = milestone::Entity::find_by_id(id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("milestone #{id}")))?;
        if before.reached_on.is_some() {
            return Err(DbError::Conflict(format!("milestone #{id} is reached")));
        }
        let (label, at) = (self.author.label.clone(), self.author.at);
        self.update_audited(before, |active: &mut milestone::ActiveModel| {
            active.reached_on = Set(Some(reached_on));
            active.updated_by = Set(label);
            active.updated_at = Set(at);
        })
        .await?;
        Ok(())
    }
}
