//! Citizen charters: the version an office is writing, the versions it published (numbered as
//! editions), and when each office last published one.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::portal::charter::{CharterContent, CharterStatus};

use crate::entity::charter;
use crate::{Db, DbError, Tx};

/// A version of a charter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CharterRow {
    pub id: i32,
    pub office_id: i32,
    pub status: CharterStatus,
    pub content: CharterContent,
    pub updated_by: String,
    pub updated_at: DateTime<Utc>,
    /// Who sent it to the Chief Innovation Officer, while it waits there.
    pub submitted_by: Option<String>,
    /// Why the Chief Innovation Officer sent it back, while it is a draft again; empty otherwise.
    pub return_note: String,
    /// Its number among the office's published versions: 1 for the first.
    pub edition: Option<i32>,
    pub published_on: Option<NaiveDate>,
    pub published_at: Option<DateTime<Utc>>,
    pub approved_by: Option<String>,
}

impl TryFrom<charter::Model> for CharterRow {
    type Error = DbError;

    fn try_from(model: charter::Model) -> Result<Self, DbError> {
        let unreadable =
            |what: String| DbError::Other(format!("charter #{} is unreadable: {what}", model.id));
        Ok(Self {
            status: model
                .status
                .parse()
                .map_err(|error: udbhabon_domain::UnknownCode| unreadable(error.to_string()))?,
            content: serde_json::from_str(&model.content)
                .map_err(|error| unreadable(error.to_string()))?,
            id: model.id,
            office_id: model.office_id,
            updated_by: model.updated_by,
            updated_at: model.updated_at,
            submitted_by: model.submitted_by,
            return_note: model.return_note,
            edition: model.edition,
            published_on: model.published_on,
            published_at: model.published_at,
            approved_by: model.approved_by,
        })
    }
}

fn json(content: &CharterContent) -> Result<String, DbError> {
    serde_json::to_string(content)
        .map_err(|error| DbError::Other(format!("cannot store the charter: {error}")))
}

fn rows(models: Vec<charter::Model>) -> Result<Vec<CharterRow>, DbError> {
    models.into_iter().map(TryInto::try_into).collect()
}

impl Db {
    pub async fn charter(&self, id: i32) -> Result<CharterRow, DbError> {
        charter::Entity::find_by_id(id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("charter #{id}")))?
            .try_into()
    }

    /// The version an office is writing or has sent for approval, if any.
    pub async fn open_charter(&self, office_id: i32) -> Result<Option<CharterRow>, DbError> {
        charter::Entity::find()
            .filter(charter::Column::OfficeId.eq(office_id))
            .filter(charter::Column::Edition.is_null())
            .one(self.connection())
            .await?
            .map(TryInto::try_into)
            .transpose()
    }

    /// An office's published versions, the latest first.
    pub async fn published_charters(&self, office_id: i32) -> Result<Vec<CharterRow>, DbError> {
        rows(
            charter::Entity::find()
                .filter(charter::Column::OfficeId.eq(office_id))
                .filter(charter::Column::Edition.is_not_null())
                .order_by_desc(charter::Column::Edition)
                .all(self.connection())
                .await?,
        )
    }

    /// The day each of these offices last published its charter; an office that never did is absent.
    pub async fn charters_published_on(
        &self,
        office_ids: &[i32],
    ) -> Result<HashMap<i32, NaiveDate>, DbError> {
        let mut latest = HashMap::new();
        // Bounded batches keep each statement under the backends' parameter limits.
        for batch in office_ids.chunks(10_000) {
            let found: Vec<(i32, Option<NaiveDate>)> = charter::Entity::find()
                .select_only()
                .column(charter::Column::OfficeId)
                .column_as(charter::Column::PublishedOn.max(), "published_on")
                .filter(charter::Column::OfficeId.is_in(batch.iter().copied()))
                .filter(charter::Column::Edition.is_not_null())
                .group_by(charter::Column::OfficeId)
                .into_tuple()
                .all(self.connection())
                .await?;
            latest.extend(
                found
                    .into_iter()
                    .filter_map(|(office, on)| on.map(|on| (office, on))),
            );
        }
        Ok(latest)
    }
}

impl Tx {
    /// Starts a new version of an office's charter from `content`; refused as a conflict when the
    /// office already has one in the making.
    pub async fn insert_charter(
        &self,
        office_id: i32,
        content: &CharterContent,
    ) -> Result<i32, DbError> {
        let row = charter::ActiveModel {
            office_id: Set(office_id),
            status: Set(CharterStatus::Draft.code().to_owned()),
            content: Set(json(content)?),
            updated_by: Set(self.author.label.clone()),
            updated_at: Set(self.author.at),
            submitted_by: Set(None),
            return_note: Set(String::new()),
            edition: Set(None),
            published_on: Set(None),
            published_at: Set(None),
            approved_by: Set(None),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    /// The charter, locked for the rest of this transaction (a row lock on PostgreSQL; SQLite's write
    /// transaction already excludes other writers).
    pub async fn lock_charter(&self, id: i32) -> Result<CharterRow, DbError> {
        self.locked(id).await?.try_into()
    }

    async fn locked(&self, id: i32) -> Result<charter::Model, DbError> {
        charter::Entity::find_by_id(id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("charter #{id}")))
    }

    /// Saves a draft's text; a version that is no longer a draft is a conflict.
    pub async fn save_charter(&self, id: i32, content: &CharterContent) -> Result<(), DbError> {
        let current = self.locked(id).await?;
        if current.status != CharterStatus::Draft.code() {
            return Err(DbError::Conflict(format!("charter #{id} is not a draft")));
        }
        let content = json(content)?;
        let (label, at) = (self.author.label.clone(), self.author.at);
        self.update_audited(current, |active: &mut charter::ActiveModel| {
            active.content = Set(content);
            active.updated_by = Set(label);
            active.updated_at = Set(at);
        })
        .await?;
        Ok(())
    }

    /// Moves a version between draft and submitted: sent for approval (`note` empty) or sent back
    /// with the Chief Innovation Officer's note.
    pub async fn set_charter_status(
        &self,
        id: i32,
        status: CharterStatus,
        note: &str,
    ) -> Result<(), DbError> {
        let current = self.locked(id).await?;
        let submitted_by = (status == CharterStatus::Submitted).then(|| self.author.label.clone());
        let note = note.to_owned();
        self.update_audited(current, |active: &mut charter::ActiveModel| {
            active.status = Set(status.code().to_owned());
            active.submitted_by = Set(submitted_by);
            active.return_note = Set(note);
        })
        .await?;
        Ok(())
    }

    /// Publishes a version with its final text (the officers' contacts filled in) as the office's
    /// next edition; returns the edition.
    pub async fn publish_charter(
        &self,
        id: i32,
        content: &CharterContent,
        on: NaiveDate,
    ) -> Result<i32, DbError> {
        let current = self.locked(id).await?;
        let last: Option<Option<i32>> = charter::Entity::find()
            .select_only()
            .column_as(charter::Column::Edition.max(), "edition")
            .filter(charter::Column::OfficeId.eq(current.office_id))
            .into_tuple()
            .one(&self.transaction)
            .await?;
        let edition = last.flatten().unwrap_or(0) + 1;
        let content = json(content)?;
        let (label, at) = (self.author.label.clone(), self.author.at);
        self.update_audited(current, |active: &mut charter::ActiveModel| {
            active.status = Set(CharterStatus::Published.code().to_owned());
            active.content = Set(content);
            active.edition = Set(Some(edition));
            active.published_on = Set(Some(on));
            active.published_at = Set(Some(at));
            active.approved_by = Set(Some(label));
        })
        .await?;
        Ok(edition)
    }
}
