//! Quarterly progress entries with their review, evidence files by content hash, and the plan's status
//! and scores that follow from them.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::plan::progress::{EntryStatus, PlanStatus};
use udbhabon_domain::plan::score::Measure;

use crate::entity::{evidence_file, plan, progress_entry, progress_evidence};
use crate::{Db, DbError, Tx};

/// A quarter's progress against one indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressRow {
    pub id: i32,
    pub plan_id: i32,
    pub indicator_id: i32,
    /// 1 to 4.
    pub quarter: u8,
    pub value: Option<Measure>,
    pub comment: String,
    pub status: EntryStatus,
    pub submitted_at: Option<DateTime<Utc>>,
    pub on_time: Option<bool>,
    pub review_comment: String,
    pub reviewed_by: Option<String>,
    pub version: i32,
    pub updated_by: String,
    pub updated_at: DateTime<Utc>,
}

/// An evidence file's record; its bytes are in the file store under its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceRow {
    pub id: i32,
    pub sha256: String,
    pub media_type: String,
    pub size: i64,
    pub name: String,
}

/// What a saved entry holds.
#[derive(Debug, Clone)]
pub struct EntryValues {
    pub plan_id: i32,
    pub indicator_id: i32,
    pub quarter: u8,
    pub value: Measure,
    pub comment: String,
}

impl TryFrom<progress_entry::Model> for ProgressRow {
    type Error = DbError;

    fn try_from(model: progress_entry::Model) -> Result<Self, DbError> {
        Ok(Self {
            value: model
                .value
                .as_deref()
                .map(|text| {
                    serde_json::from_str(text).map_err(|error| {
                        DbError::Other(format!("progress entry #{}: {error}", model.id))
                    })
                })
                .transpose()?,
            status: EntryStatus::from_code(&model.status)?,
            quarter: u8::try_from(model.quarter).unwrap_or(0),
            id: model.id,
            plan_id: model.plan_id,
            indicator_id: model.indicator_id,
            comment: model.comment,
            submitted_at: model.submitted_at,
            on_time: model.on_time,
            review_comment: model.review_comment,
            reviewed_by: model.reviewed_by,
            version: model.version,
            updated_by: model.updated_by,
            updated_at: model.updated_at,
        })
    }
}

impl From<evidence_file::Model> for EvidenceRow {
    fn from(model: evidence_file::Model) -> Self {
        Self {
            id: model.id,
            sha256: model.sha256,
            media_type: model.media_type,
            size: model.size,
            name: model.name,
        }
    }
}

pub(crate) fn value_json(value: &Measure) -> Result<String, DbError> {
    serde_json::to_string(value).map_err(|error| DbError::Other(format!("cannot store: {error}")))
}

/// Every progress entry of a plan, on a connection or inside a transaction.
async fn entries_of_plan(
    connection: &impl ConnectionTrait,
    plan_id: i32,
) -> Result<Vec<ProgressRow>, DbError> {
    progress_entry::Entity::find()
        .filter(progress_entry::Column::PlanId.eq(plan_id))
        .order_by_asc(progress_entry::Column::IndicatorId)
        .order_by_asc(progress_entry::Column::Quarter)
        .all(connection)
        .await?
        .into_iter()
        .map(TryInto::try_into)
        .collect()
}

impl Db {
    /// Every progress entry of a plan.
    pub async fn progress_of_plan(&self, plan_id: i32) -> Result<Vec<ProgressRow>, DbError> {
        entries_of_plan(self.connection(), plan_id).await
    }

    /// The entry of a plan for an indicator and quarter, if one was saved.
    pub async fn progress_entry(
        &self,
        plan_id: i32,
        indicator_id: i32,
        quarter: u8,
    ) -> Result<Option<ProgressRow>, DbError> {
        progress_entry::Entity::find()
            .filter(progress_entry::Column::PlanId.eq(plan_id))
            .filter(progress_entry::Column::IndicatorId.eq(indicator_id))
            .filter(progress_entry::Column::Quarter.eq(i32::from(quarter)))
            .one(self.connection())
            .await?
            .map(TryInto::try_into)
            .transpose()
    }

    /// The evidence of these entries, keyed by entry.
    pub async fn evidence_of_entries(
        &self,
        entry_ids: &[i32],
    ) -> Result<HashMap<i32, Vec<EvidenceRow>>, DbError> {
        let links = progress_evidence::Entity::find()
            .filter(progress_evidence::Column::EntryId.is_in(entry_ids.iter().copied()))
            .order_by_asc(progress_evidence::Column::Id)
            .all(self.connection())
            .await?;
        let files = self
            .evidence_files(links.iter().map(|link| link.file_id))
            .await?;
        let mut by_entry: HashMap<i32, Vec<EvidenceRow>> = HashMap::new();
        for link in links {
            if let Some(file) = files.get(&link.file_id) {
                by_entry
                    .entry(link.entry_id)
                    .or_default()
                    .push(file.clone());
            }
        }
        Ok(by_entry)
    }

    /// The evidence files with these ids, keyed by id.
    pub(crate) async fn evidence_files(
        &self,
        ids: impl IntoIterator<Item = i32>,
    ) -> Result<HashMap<i32, EvidenceRow>, DbError> {
        Ok(evidence_file::Entity::find()
            .filter(evidence_file::Column::Id.is_in(ids))
            .all(self.connection())
            .await?
            .into_iter()
            .map(|model| (model.id, model.into()))
            .collect())
    }

    /// The SHA-256 of every evidence file recorded: the names the file store must hold.
    pub async fn evidence_hashes(&self) -> Result<Vec<String>, DbError> {
        use sea_orm::QuerySelect;
        Ok(evidence_file::Entity::find()
            .select_only()
            .column(evidence_file::Column::Sha256)
            .distinct()
            .into_tuple()
            .all(self.connection())
            .await?)
    }

    pub async fn evidence_file(&self, id: i32) -> Result<EvidenceRow, DbError> {
        Ok(evidence_file::Entity::find_by_id(id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("evidence file #{id}")))?
            .into())
    }

    /// The entries a file backs, as (entry, plan, indicator, quarter): a file used for more than one
    /// indicator or year is flagged to the reviewer.
    pub async fn uses_of_evidence(
        &self,
        file_ids: &[i32],
    ) -> Result<HashMap<i32, Vec<(i32, i32, i32, u8)>>, DbError> {
        let links = progress_evidence::Entity::find()
            .filter(progress_evidence::Column::FileId.is_in(file_ids.iter().copied()))
            .all(self.connection())
            .await?;
        let entries: HashMap<i32, progress_entry::Model> = progress_entry::Entity::find()
            .filter(progress_entry::Column::Id.is_in(links.iter().map(|link| link.entry_id)))
            .all(self.connection())
            .await?
            .into_iter()
            .map(|model| (model.id, model))
            .collect();
        let mut uses: HashMap<i32, Vec<(i32, i32, i32, u8)>> = HashMap::new();
        for link in links {
            if let Some(entry) = entries.get(&link.entry_id) {
                uses.entry(link.file_id).or_default().push((
                    entry.id,
                    entry.plan_id,
                    entry.indicator_id,
                    u8::try_from(entry.quarter).unwrap_or(0),
                ));
            }
        }
        Ok(uses)
    }
}

impl Tx {
    /// Every progress entry of a plan, as this transaction sees them.
    pub async fn progress_of_plan(&self, plan_id: i32) -> Result<Vec<ProgressRow>, DbError> {
        entries_of_plan(&self.transaction, plan_id).await
    }

    /// Saves a quarter's entry: a new one when `seen_version` is `None`, otherwise over that version.
    /// A save over an older version, or over an entry the office may no longer change, is a conflict.
    pub async fn save_progress(
        &self,
        values: &EntryValues,
        seen_version: Option<i32>,
    ) -> Result<ProgressRow, DbError> {
        let current = progress_entry::Entity::find()
            .filter(progress_entry::Column::PlanId.eq(values.plan_id))
            .filter(progress_entry::Column::IndicatorId.eq(values.indicator_id))
            .filter(progress_entry::Column::Quarter.eq(i32::from(values.quarter)))
            .lock_exclusive()
            .one(&self.transaction)
            .await?;
        let (label, at) = (self.author.label.clone(), self.author.at);
        let saved = match (current, seen_version) {
            (None, None) => {
                self.insert_audited(progress_entry::ActiveModel {
                    plan_id: Set(values.plan_id),
                    indicator_id: Set(values.indicator_id),
                    quarter: Set(i32::from(values.quarter)),
                    value: Set(Some(value_json(&values.value)?)),
                    comment: Set(values.comment.clone()),
                    status: Set(EntryStatus::Draft.code().to_owned()),
                    submitted_at: Set(None),
                    on_time: Set(None),
                    review_comment: Set(String::new()),
                    reviewed_by: Set(None),
                    reviewed_at: Set(None),
                    version: Set(1),
                    updated_by: Set(label),
                    updated_at: Set(at),
                    ..Default::default()
                })
                .await?
            }
            (Some(current), Some(seen))
                if current.version == seen
                    && EntryStatus::from_code(&current.status)?.editable() =>
            {
                let version = current.version + 1;
                let value = value_json(&values.value)?;
                let comment = values.comment.clone();
                self.update_audited(current, |active: &mut progress_entry::ActiveModel| {
                    active.value = Set(Some(value));
                    active.comment = Set(comment);
                    active.version = Set(version);
                    active.updated_by = Set(label);
                    active.updated_at = Set(at);
                })
                .await?
            }
            _ => {
                return Err(DbError::Conflict(format!(
                    "progress of plan #{} indicator #{} quarter {} changed since it was read",
                    values.plan_id, values.indicator_id, values.quarter
                )));
            }
        };
        saved.try_into()
    }

    /// Records a submission at the server's time, and whether it met the due date.
    pub async fn submit_progress(&self, entry_id: i32, on_time: bool) -> Result<(), DbError> {
        let current = self.entry_for_update(entry_id).await?;
        let at = self.author.at;
        self.update_audited(current, |active: &mut progress_entry::ActiveModel| {
            active.status = Set(EntryStatus::Submitted.code().to_owned());
            active.submitted_at = Set(Some(at));
            active.on_time = Set(Some(on_time));
        })
        .await?;
        Ok(())
    }

    /// Accepts an entry or returns it to its office, with the reviewer's comment.
    pub async fn review_progress(
        &self,
        entry_id: i32,
        outcome: EntryStatus,
        comment: &str,
    ) -> Result<(), DbError> {
        let current = self.entry_for_update(entry_id).await?;
        let (label, at) = (self.author.label.clone(), self.author.at);
        let comment = comment.to_owned();
        self.update_audited(current, |active: &mut progress_entry::ActiveModel| {
            active.status = Set(outcome.code().to_owned());
            active.review_comment = Set(comment);
            active.reviewed_by = Set(Some(label));
            active.reviewed_at = Set(Some(at));
        })
        .await?;
        Ok(())
    }

    async fn entry_for_update(&self, entry_id: i32) -> Result<progress_entry::Model, DbError> {
        progress_entry::Entity::find_by_id(entry_id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("progress entry #{entry_id}")))
    }

    /// The evidence file with this hash, recorded now if it is new; returns its id.
    pub async fn evidence_by_hash(
        &self,
        sha256: &str,
        media_type: &str,
        size: i64,
        name: &str,
    ) -> Result<i32, DbError> {
        if let Some(existing) = evidence_file::Entity::find()
            .filter(evidence_file::Column::Sha256.eq(sha256))
            .one(&self.transaction)
            .await?
        {
            return Ok(existing.id);
        }
        Ok(self
            .insert_audited(evidence_file::ActiveModel {
                sha256: Set(sha256.to_owned()),
                media_type: Set(media_type.to_owned()),
                size: Set(size),
                name: Set(name.to_owned()),
                uploaded_by: Set(self.author.label.clone()),
                uploaded_at: Set(self.author.at),
                ..Default::default()
            })
            .await?
            .id)
    }

    /// Attaches a file to an entry (once).
    pub async fn attach_evidence(&self, entry_id: i32, file_id: i32) -> Result<(), DbError> {
        let already = progress_evidence::Entity::find()
            .filter(progress_evidence::Column::EntryId.eq(entry_id))
            .filter(progress_evidence::Column::FileId.eq(file_id))
            .one(&self.transaction)
            .await?;
        if already.is_none() {
            self.insert_audited(progress_evidence::ActiveModel {
                entry_id: Set(entry_id),
                file_id: Set(file_id),
                ..Default::default()
            })
            .await?;
        }
        Ok(())
    }

    /// Moves a plan to `status`, recording the approving meeting and day when it is approved.
    pub async fn set_plan_status(
        &self,
        plan_id: i32,
        status: PlanStatus,
        approved: Option<(Option<i32>, NaiveDate)>,
    ) -> Result<(), DbError> {
        let current = self.plan_for_update(plan_id).await?;
        let (label, at) = (self.author.label.clone(), self.author.at);
        self.update_audited(current, |active: &mut plan::ActiveModel| {
            active.status = Set(status.code().to_owned());
            if let Some((meeting, on)) = approved {
                active.approved_meeting_id = Set(meeting);
                active.approved_on = Set(Some(on));
            }
            active.updated_by = Set(label);
            active.updated_at = Set(at);
        })
        .await?;
        Ok(())
    }

    /// Stores the plan's reviewed and self-assessed marks, for the roll-ups.
    pub async fn set_plan_scores(
        &self,
        plan_id: i32,
        score: f64,
        self_score: f64,
    ) -> Result<(), DbError> {
        let current = self.plan_for_update(plan_id).await?;
        self.update_audited(current, |active: &mut plan::ActiveModel| {
            active.score = Set(Some(score));
            active.self_score = Set(Some(self_score));
        })
        .await?;
        Ok(())
    }

    pub(crate) async fn plan_for_update(&self, plan_id: i32) -> Result<plan::Model, DbError> {
        plan::Entity::find_by_id(plan_id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("plan #{plan_id}")))
    }
}
