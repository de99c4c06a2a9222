//! Trainings: an office's trainings of a year, who took part from which office, and the sessions each
//! attended; `course` keeps the plan of the year, `invitation` the issued invitation, `material` a
//! training's files, `tutorial` the video-tutorial library.

pub mod certificate;
pub mod course;
pub mod invitation;
pub mod material;
pub mod tutorial;

use std::collections::HashMap;

use sea_orm::sea_query::Query;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use udbhabon_domain::training::Training;

use crate::entity::{training, training_participant};
use crate::json::{from_json, to_json};
use crate::{Db, DbError, Tx};

/// A training as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainingRow {
    pub id: i32,
    pub office_id: i32,
    /// The start year of its fiscal year.
    pub fiscal_year: i32,
    /// The planned course it delivers.
    pub course_id: Option<i32>,
    pub training: Training,
}

/// A person taking part in a training.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipantRow {
    pub id: i32,
    pub training_id: i32,
    pub person_id: i32,
    /// The office they came from.
    pub office_id: i32,
    /// The sessions they attended, by index into the training's sessions, ascending.
    pub attended: Vec<usize>,
}

impl TryFrom<training::Model> for TrainingRow {
    type Error = DbError;

    fn try_from(model: training::Model) -> Result<Self, DbError> {
        Ok(Self {
            training: from_json("training", model.id, &model.content)?,
            id: model.id,
            office_id: model.office_id,
            fiscal_year: model.fiscal_year,
            course_id: model.course_id,
        })
    }
}

impl TryFrom<training_participant::Model> for ParticipantRow {
    type Error = DbError;

    fn try_from(model: training_participant::Model) -> Result<Self, DbError> {
        Ok(Self {
            attended: from_json("training participant", model.id, &model.attended)?,
            id: model.id,
            training_id: model.training_id,
            person_id: model.person_id,
            office_id: model.office_id,
        })
    }
}

fn rows<M, R: TryFrom<M, Error = DbError>>(models: Vec<M>) -> Result<Vec<R>, DbError> {
    models.into_iter().map(R::try_from).collect()
}

impl Db {
    /// An office's trainings of a fiscal year, in order of their first day.
    pub async fn trainings_of_office(
        &self,
        office_id: i32,
        fiscal_year: i32,
    ) -> Result<Vec<TrainingRow>, DbError> {
        rows(
            training::Entity::find()
                .filter(training::Column::OfficeId.eq(office_id))
                .filter(training::Column::FiscalYear.eq(fiscal_year))
                .order_by_asc(training::Column::StartsOn)
                .order_by_asc(training::Column::Id)
                .all(self.connection())
                .await?,
        )
    }

    pub async fn training(&self, id: i32) -> Result<TrainingRow, DbError> {
        training::Entity::find_by_id(id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("training #{id}")))?
            .try_into()
    }

    /// The trainings with these ids, by id.
    pub async fn trainings_with_ids(
        &self,
        ids: &[i32],
    ) -> Result<HashMap<i32, TrainingRow>, DbError> {
        let models = training::Entity::find()
            .filter(training::Column::Id.is_in(ids.iter().copied()))
            .all(self.connection())
            .await?;
        Ok(rows::<_, TrainingRow>(models)?
            .into_iter()
            .map(|row| (row.id, row))
            .collect())
    }

    /// Who takes part in a training, in the order they were added.
    pub async fn participants(&self, training_id: i32) -> Result<Vec<ParticipantRow>, DbError> {
        rows(
            training_participant::Entity::find()
                .filter(training_participant::Column::TrainingId.eq(training_id))
                .order_by_asc(training_participant::Column::Id)
                .all(self.connection())
                .await?,
        )
    }

    /// Who takes part in each of these trainings, by training.
    pub async fn participants_in(
        &self,
        training_ids: &[i32],
    ) -> Result<HashMap<i32, Vec<ParticipantRow>>, DbError> {
        let mut by_training: HashMap<i32, Vec<ParticipantRow>> = HashMap::new();
        for row in rows::<_, ParticipantRow>(
            training_participant::Entity::find()
                .filter(
                    training_participant::Column::TrainingId.is_in(training_ids.iter().copied()),
                )
                .order_by_asc(training_participant::Column::Id)
                .all(self.connection())
                .await?,
        )? {
            by_training.entry(row.training_id).or_default().push(row);
        }
        Ok(by_training)
    }

    /// Every training these people took part in, of any office and year.
    pub async fn participations_of(
        &self,
        person_ids: &[i32],
    ) -> Result<Vec<ParticipantRow>, DbError> {
        rows(
            training_participant::Entity::find()
                .filter(training_participant::Column::PersonId.is_in(person_ids.iter().copied()))
                .all(self.connection())
                .await?,
        )
    }

    /// The participations of a fiscal year by people who came from these offices, whoever organised
    /// the training.
    pub async fn participations_from(
        &self,
        office_ids: &[i32],
        fiscal_year: i32,
    ) -> Result<Vec<ParticipantRow>, DbError> {
        let of_year = Query::select()
            .column(training::Column::Id)
            .from(training::Entity)
            .and_where(training::Column::FiscalYear.eq(fiscal_year))
            .to_owned();
        rows(
            training_participant::Entity::find()
                .filter(training_participant::Column::OfficeId.is_in(office_ids.iter().copied()))
                .filter(training_participant::Column::TrainingId.in_subquery(of_year))
                .all(self.connection())
                .await?,
        )
    }
}

impl Tx {
    /// Adds a training of an office; returns its id.
    pub async fn insert_training(
        &self,
        office_id: i32,
        fiscal_year: i32,
        course_id: Option<i32>,
        training: &Training,
    ) -> Result<i32, DbError> {
        let row = training::ActiveModel {
            office_id: Set(office_id),
            fiscal_year: Set(fiscal_year),
            starts_on: Set(training.starts_on()),
            course_id: Set(course_id),
            content: Set(to_json(training)?),
            updated_by: Set(self.author.label.clone()),
            updated_at: Set(self.author.at),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    /// The training, locked until the transaction ends, so that its sessions and its attendance
    /// change one at a time.
    pub async fn lock_training(&self, id: i32) -> Result<TrainingRow, DbError> {
        self.locked_training(id).await?.try_into()
    }

    async fn locked_training(&self, id: i32) -> Result<training::Model, DbError> {
        training::Entity::find_by_id(id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("training #{id}")))
    }

    pub async fn update_training(
        &self,
        id: i32,
        fiscal_year: i32,
        course_id: Option<i32>,
        training: &Training,
    ) -> Result<(), DbError> {
        let before = self.locked_training(id).await?;
        let content = to_json(training)?;
        let starts_on = training.starts_on();
        let (label, at) = (self.author.label.clone(), self.author.at);
        self.update_audited(before, |active: &mut training::ActiveModel| {
            active.fiscal_year = Set(fiscal_year);
            active.starts_on = Set(starts_on);
            active.course_id = Set(course_id);
            active.content = Set(content);
            active.updated_by = Set(label);
            active.updated_at = Set(at);
        })
        .await?;
        Ok(())
    }

    /// Adds a participant who came from `office_id`, with no session attended yet.
    pub async fn insert_participant(
        &self,
        training_id: i32,
        person_id: i32,
        office_id: i32,
    ) -> Result<i32, DbError> {
        let row = training_participant::ActiveModel {
            training_id: Set(training_id),
            person_id: Set(person_id),
            office_id: Set(office_id),
            attended: Set("[]".to_owned()),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    async fn participant_model(&self, id: i32) -> Result<training_participant::Model, DbError> {
        training_participant::Entity::find_by_id(id)
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("training participant #{id}")))
    }

    /// Records the sessions a participant attended, replacing what was recorded.
    pub async fn set_attended(&self, id: i32, attended: &[usize]) -> Result<(), DbError> {
        let before = self.participant_model(id).await?;
        let attended = to_json(&attended)?;
        if before.attended == attended {
            return Ok(());
        }
        self.update_audited(before, |active: &mut training_participant::ActiveModel| {
            active.attended = Set(attended);
        })
        .await?;
        Ok(())
    }

    /// Takes a participant off a training; the audit trail keeps what was recorded.
    pub async fn delete_participant(&self, id: i32) -> Result<(), DbError> {
        let before = self.participant_model(id).await?;
        self.delete_audited::<training_participant::ActiveModel>(before)
            .await
    }

    /// The participants of a training as the transaction sees them.
    pub async fn participants(&self, training_id: i32) -> Result<Vec<ParticipantRow>, DbError> {
        rows(
            training_participant::Entity::find()
                .filter(training_participant::Column::TrainingId.eq(training_id))
                .order_by_asc(training_participant::Column::Id)
                .all(&self.transaction)
                .await?,
        )
    }
}
