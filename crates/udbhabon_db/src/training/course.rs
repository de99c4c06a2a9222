//! The training plan of the year: an office's planned courses, added, corrected and taken off (their
//! tutorials left in no course).

use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use udbhabon_domain::training::course::Course;

use crate::entity::{training, training_course, tutorial_course};
use crate::json::{from_json, to_json};
use crate::{Db, DbError, Tx};

/// A course of an office's plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseRow {
    pub id: i32,
    pub office_id: i32,
    pub fiscal_year: i32,
    pub course: Course,
}

impl TryFrom<training_course::Model> for CourseRow {
    type Error = DbError;

    fn try_from(model: training_course::Model) -> Result<Self, DbError> {
        Ok(Self {
            course: from_json("training course", model.id, &model.content)?,
            id: model.id,
            office_id: model.office_id,
            fiscal_year: model.fiscal_year,
        })
    }
}

impl Db {
    /// An office's planned courses of a fiscal year, in its order.
    pub async fn courses(
        &self,
        office_id: i32,
        fiscal_year: i32,
    ) -> Result<Vec<CourseRow>, DbError> {
        training_course::Entity::find()
            .filter(training_course::Column::OfficeId.eq(office_id))
            .filter(training_course::Column::FiscalYear.eq(fiscal_year))
            .order_by_asc(training_course::Column::Position)
            .order_by_asc(training_course::Column::Id)
            .all(self.connection())
            .await?
            .into_iter()
            .map(TryInto::try_into)
            .collect()
    }

    pub async fn course(&self, id: i32) -> Result<CourseRow, DbError> {
        training_course::Entity::find_by_id(id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("training course #{id}")))?
            .try_into()
    }
}

impl Tx {
    /// Adds a course at the end of an office's plan of the year; returns its id.
    pub async fn insert_course(
        &self,
        office_id: i32,
        fiscal_year: i32,
        course: &Course,
    ) -> Result<i32, DbError> {
        let last: Option<Option<i32>> = training_course::Entity::find()
            .select_only()
            .column_as(training_course::Column::Position.max(), "position")
            .filter(training_course::Column::OfficeId.eq(office_id))
            .filter(training_course::Column::FiscalYear.eq(fiscal_year))
            .into_tuple()
            .one(&self.transaction)
            .await?;
        let row = training_course::ActiveModel {
            office_id: Set(office_id),
            fiscal_year: Set(fiscal_year),
            position: Set(last.flatten().unwrap_or(0) + 1),
            content: Set(to_json(course)?),
            updated_by: Set(self.author.label.clone()),
            updated_at: Set(self.author.at),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    async fn locked_course(&self, id: i32) -> Result<training_course::Model, DbError> {
        training_course::Entity::find_by_id(id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("training course #{id}")))
    }

    pub async fn update_course(&self, id: i32, course: &Course) -> Result<(), DbError> {
        let before = self.locked_course(id).await?;
        let content = to_json(course)?;
        let (label, at) = (self.author.label.clone(), self.author.at);
        self.update_audited(before, |active: &mut training_course::ActiveModel| {
            active.content = Set(content);
            active.updated_by = Set(label);
            active.updated_at = Set(at);
        })
        .await?;
        Ok(())
    }

    /// Takes a course off the plan, once no training delivers it.
    pub async fn delete_course(&self, id: i32) -> Result<(), DbError> {
        let before = self.locked_course(id).await?;
        let delivered = training::Entity::find()
            .filter(training::Column::CourseId.eq(id))
            .one(&self.transaction)
            .await?;
        if delivered.is_some() {
            return Err(DbError::Conflict(format!(
                "training course #{id} is delivered by a training"
            )));
        }
        // Its tutorials stay in their library, in no course.
        for link in tutorial_course::Entity::find()
            .filter(tutorial_course::Column::CourseId.eq(id))
            .all(&self.transaction)
            .await?
        {
            self.delete_audited::<tutorial_course::ActiveModel>(link)
                .await?;
        }
        self.delete_audited::<training_course::ActiveModel>(before)
            .await
    }
}
