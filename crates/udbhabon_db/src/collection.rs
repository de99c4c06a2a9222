//! Collections as stored: the collection and whom it asks, the periods it has opened, and every
//! version of every submission with its evidence files.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, QueryTrait,
};
use udbhabon_domain::collection::counts::Counts;
use udbhabon_domain::collection::{
    Cadence, CollectionDraft, CollectionKind, FieldSpec, Latest, Period, Recurrence,
    SubmissionStatus,
};
use udbhabon_domain::{Bilingual, Vocabulary};

use crate::entity::{
    collection, collection_forward, collection_period, collection_respondent, submission,
    submission_evidence,
};
use crate::office::rows;
use crate::plan::progress::EvidenceRow;
use crate::{Db, DbError, Tx};

/// A collection as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct CollectionRow {
    pub id: i32,
    pub key: String,
    /// The office that asks.
    pub office_id: i32,
    pub kind: CollectionKind,
    pub title: Bilingual,
    pub instructions: Bilingual,
    pub cadence: Cadence,
    pub late_allowed: bool,
    pub evidence_required: bool,
    /// The days the offices under the asking one have to forward what they gathered, when they gather.
    pub forward_days: Option<u32>,
    /// The collection's own fields, in order.
    pub fields: Vec<FieldSpec>,
    /// When it was closed before its time, why and by whom; a closed collection asks nothing more.
    pub closed: Option<Closing>,
}

/// The closing of a collection (who closed it stands beside it, and in the audit trail).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closing {
    pub on: NaiveDate,
    pub reason: String,
}

/// Reads JSON text a column keeps, naming what it is in the error.
fn from_json<T: serde::de::DeserializeOwned + Default>(
    text: Option<&str>,
    what: &str,
) -> Result<T, DbError> {
    text.map(serde_json::from_str)
        .transpose()
        .map(Option::unwrap_or_default)
        .map_err(|error| DbError::Other(format!("stored {what} are invalid: {error}")))
}

/// JSON text for a column, `None` for nothing.
fn to_json<T: serde::Serialize>(value: &T, empty: bool) -> Result<Option<String>, DbError> {
    if empty {
        return Ok(None);
    }
    serde_json::to_string(value)
        .map(Some)
        .map_err(|error| DbError::Other(error.to_string()))
}

impl TryFrom<collection::Model> for CollectionRow {
    type Error = DbError;

    fn try_from(model: collection::Model) -> Result<Self, DbError> {
        Ok(Self {
            fields: from_json(model.fields.as_deref(), "fields")?,
            kind: CollectionKind::from_code(&model.kind)?,
            cadence: Cadence {
                recurrence: Recurrence::from_code(&model.recurrence)?,
                opens_on: model.opens_on,
                due_day: u32::try_from(model.due_day).unwrap_or(0),
                due_on: model.due_on,
            },
            id: model.id,
            key: model.key,
            office_id: model.office_id,
            title: Bilingual::new(model.title_bn, model.title_en),
            instructions: Bilingual::new(model.instructions_bn, model.instructions_en),
            late_allowed: model.late_allowed,
            evidence_required: model.evidence_required,
            forward_days: model.forward_days.and_then(|days| u32::try_from(days).ok()),
            closed: model.closed_on.map(|on| Closing {
                on,
                reason: model.closed_reason.unwrap_or_default(),
            }),
        })
    }
}

/// An office, or a unit of one, that a collection asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RespondentRow {
    pub id: i32,
    pub collection_id: i32,
    pub office_id: i32,
    pub unit_id: Option<i32>,
}

impl From<collection_respondent::Model> for RespondentRow {
    fn from(model: collection_respondent::Model) -> Self {
        Self {
            id: model.id,
            collection_id: model.collection_id,
            office_id: model.office_id,
            unit_id: model.unit_id,
        }
    }
}

/// A period a collection has opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodRow {
    pub id: i32,
    pub collection_id: i32,
    pub period: Period,
}

impl From<collection_period::Model> for PeriodRow {
    fn from(model: collection_period::Model) -> Self {
        Self {
            id: model.id,
            collection_id: model.collection_id,
            period: Period {
                starts_on: model.starts_on,
                ends_on: model.ends_on,
                due_on: model.due_on,
            },
        }
    }
}

/// One version of a respondent's submission for a period.
#[derive(Debug, Clone, PartialEq)]
pub struct SubmissionRow {
    pub id: i32,
    pub period_id: i32,
    pub respondent_id: i32,
    /// 1 for the first, one more for each sent again after a return.
    pub version: i32,
    pub counts: Option<Counts>,
    /// The answers to the collection's own fields, by field key.
    pub answers: Vec<(String, String)>,
    pub note: String,
    pub late: bool,
    pub status: SubmissionStatus,
    pub by: String,
    pub at: DateTime<Utc>,
    /// Who accepted or returned it, when, and the comment sent with it.
    pub review: Option<(String, DateTime<Utc>, String)>,
    pub evidence: Vec<EvidenceRow>,
}

impl SubmissionRow {
    /// What the standing rules need of it.
    pub fn latest(&self) -> Latest {
        Latest {
            status: self.status,
            late: self.late,
        }
    }
}

fn submission_row(
    model: submission::Model,
    evidence: Vec<EvidenceRow>,
) -> Result<SubmissionRow, DbError> {
    let counts = from_json(model.counts.as_deref(), "counts")?;
    Ok(SubmissionRow {
        answers: from_json(model.answers.as_deref(), "answers")?,
        status: SubmissionStatus::from_code(&model.status)?,
        review: match (model.reviewed_by, model.reviewed_at) {
            (Some(by), Some(at)) => Some((by, at, model.review_comment.unwrap_or_default())),
            _ => None,
        },
        id: model.id,
        period_id: model.period_id,
        respondent_id: model.respondent_id,
        version: model.version,
        counts,
        note: model.note,
        late: model.late,
        by: model.submitted_by,
        at: model.submitted_at,
        evidence,
    })
}

/// A gathering office's forward of a period's submissions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForwardRow {
    pub period_id: i32,
    pub office_id: i32,
    pub note: String,
    /// Why it went before every submission under it was reviewed, if it did.
    pub reason: Option<String>,
    pub late: bool,
    pub by: String,
    pub at: DateTime<Utc>,
}

impl From<collection_forward::Model> for ForwardRow {
    fn from(model: collection_forward::Model) -> Self {
        Self {
            period_id: model.period_id,
            office_id: model.office_id,
            note: model.note,
            reason: model.reason,
            late: model.late,
            by: model.forwarded_by,
            at: model.forwarded_at,
        }
    }
}

/// A forward to record.
#[derive(Debug, Clone)]
pub struct NewForward {
    pub period_id: i32,
    pub office_id: i32,
    pub note: String,
    pub reason: Option<String>,
    pub late: bool,
}

/// A collection to record, with whom it asks: (office, unit) pairs in order.
#[derive(Debug, Clone)]
pub struct NewCollection {
    pub office_id: i32,
    pub draft: CollectionDraft,
    pub respondents: Vec<(i32, Option<i32>)>,
}

/// A submission to record.
#[derive(Debug, Clone)]
pub struct NewSubmission {
    pub period_id: i32,
    pub respondent_id: i32,
    pub counts: Option<Counts>,
    pub answers: Vec<(String, String)>,
    pub note: String,
    pub late: bool,
}

impl Db {
    /// Every collection, newest first.
    pub async fn collections(&self) -> Result<Vec<CollectionRow>, DbError> {
        let models = collection::Entity::find()
            .order_by_desc(collection::Column::OpensOn)
            .order_by_desc(collection::Column::Id)
            .all(self.connection())
            .await?;
        rows(models)
    }

    pub async fn collection_by_key(&self, key: &str) -> Result<CollectionRow, DbError> {
        collection::Entity::find()
            .filter(collection::Column::Key.eq(key))
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("collection \"{key}\"")))?
            .try_into()
    }

    /// Whom these collections ask, in their set order.
    pub async fn respondents_of(
        &self,
        collection_ids: &[i32],
    ) -> Result<Vec<RespondentRow>, DbError> {
        Ok(collection_respondent::Entity::find()
            .filter(
                collection_respondent::Column::CollectionId.is_in(collection_ids.iter().copied()),
            )
            .order_by_asc(collection_respondent::Column::CollectionId)
            .order_by_asc(collection_respondent::Column::Position)
            .all(self.connection())
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// The periods these collections have opened, oldest first.
    pub async fn periods_of(&self, collection_ids: &[i32]) -> Result<Vec<PeriodRow>, DbError> {
        Ok(collection_period::Entity::find()
            .filter(collection_period::Column::CollectionId.is_in(collection_ids.iter().copied()))
            .order_by_asc(collection_period::Column::StartsOn)
            .all(self.connection())
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Whether anything was submitted or forwarded in any period of a collection.
    pub async fn collection_answered(&self, collection_id: i32) -> Result<bool, DbError> {
        answered(self.connection(), collection_id).await
    }

    /// The forwards made in these periods, oldest first.
    pub async fn forwards_in(&self, period_ids: &[i32]) -> Result<Vec<ForwardRow>, DbError> {
        Ok(collection_forward::Entity::find()
            .filter(collection_forward::Column::PeriodId.is_in(period_ids.iter().copied()))
            .order_by_asc(collection_forward::Column::Id)
            .all(self.connection())
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Every version of every submission in these periods with its files, oldest first.
    pub async fn submissions_in(&self, period_ids: &[i32]) -> Result<Vec<SubmissionRow>, DbError> {
        self.submissions_where(period_ids, Condition::all()).await
    }

    /// Every version of these respondents' submissions in these periods with their files, oldest first
    /// (one office's returns, read through the index of periods and respondents).
    pub async fn submissions_of(
        &self,
        period_ids: &[i32],
        respondent_ids: &[i32],
    ) -> Result<Vec<SubmissionRow>, DbError> {
        let respondents = Condition::all()
            .add(submission::Column::RespondentId.is_in(respondent_ids.iter().copied()));
        self.submissions_where(period_ids, respondents).await
    }

    async fn submissions_where(
        &self,
        period_ids: &[i32],
        condition: Condition,
    ) -> Result<Vec<SubmissionRow>, DbError> {
        if period_ids.is_empty() {
            return Ok(Vec::new());
        }
        let models = submission::Entity::find()
            .filter(submission::Column::PeriodId.is_in(period_ids.iter().copied()))
            .filter(condition)
            .order_by_asc(submission::Column::Id)
            .all(self.connection())
            .await?;
        let links = submission_evidence::Entity::find()
            .filter(
                submission_evidence::Column::SubmissionId
                    .is_in(models.iter().map(|model| model.id)),
            )
            .order_by_asc(submission_evidence::Column::Id)
            .all(self.connection())
            .await?;
        let files = self
            .evidence_files(links.iter().map(|link| link.file_id))
            .await?;
        let mut by_submission: HashMap<i32, Vec<EvidenceRow>> = HashMap::new();
        for link in links {
            if let Some(file) = files.get(&link.file_id) {
                by_submission
                    .entry(link.submission_id)
                    .or_default()
                    .push(file.clone());
            }
        }
        models
            .into_iter()
            .map(|model| {
                let evidence = by_submission.remove(&model.id).unwrap_or_default();
                submission_row(model, evidence)
            })
            .collect()
    }
}

impl Tx {
    /// Records a collection and whom it asks; returns its id.
    pub async fn insert_collection(&self, new: NewCollection) -> Result<i32, DbError> {
        let draft = new.draft;
        let inserted = self
            .insert_audited(collection::ActiveModel {
                key: Set(draft.key),
                office_id: Set(new.office_id),
                kind: Set(draft.kind.code().to_owned()),
                title_bn: Set(draft.title.bn),
                title_en: Set(draft.title.en),
                instructions_bn: Set(draft.instructions.bn),
                instructions_en: Set(draft.instructions.en),
                recurrence: Set(draft.cadence.recurrence.code().to_owned()),
                opens_on: Set(draft.cadence.opens_on),
                due_day: Set(i32::try_from(draft.cadence.due_day).unwrap_or(0)),
                due_on: Set(draft.cadence.due_on),
                late_allowed: Set(draft.late_allowed),
                evidence_required: Set(draft.evidence_required),
                forward_days: Set(draft.forward_days.and_then(|days| i32::try_from(days).ok())),
                fields: Set(to_json(&draft.fields, draft.fields.is_empty())?),
                created_by: Set(self.author.label.clone()),
                created_at: Set(self.author.at),
                closed_on: Set(None),
                closed_reason: Set(None),
                closed_by: Set(None),
                ..Default::default()
            })
            .await?;
        self.insert_respondents(inserted.id, new.respondents)
            .await?;
        Ok(inserted.id)
    }

    /// Closes a collection with the day and the reason, under its lock; a conflict when it is closed
    /// already.
    pub async fn close_collection(
        &self,
        collection_id: i32,
        on: NaiveDate,
        reason: &str,
    ) -> Result<(), DbError> {
        let model = self.collection_locked(collection_id).await?;
        if model.closed_on.is_some() {
            return Err(DbError::Conflict(format!(
                "collection #{collection_id} is closed"
            )));
        }
        let by = self.author.label.clone();
        self.update_audited::<collection::ActiveModel>(model, |active| {
            active.closed_on = Set(Some(on));
            active.closed_reason = Set(Some(reason.to_owned()));
            active.closed_by = Set(Some(by));
        })
        .await?;
        Ok(())
    }

    /// Refuses, as a conflict, to go on with a collection closed meanwhile: its row is read under a
    /// shared lock, so that a closing at the same moment waits for this transaction or is seen by it.
    pub async fn refuse_if_closed(&self, collection_id: i32) -> Result<(), DbError> {
        let model = collection::Entity::find_by_id(collection_id)
            .lock_shared()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("collection #{collection_id}")))?;
        match model.closed_on {
            Some(_) => Err(DbError::Conflict(format!(
                "collection #{collection_id} is closed"
            ))),
            None => Ok(()),
        }
    }

    /// Corrects a collection nobody has answered yet: its fields (not its key), whom it asks, and its
    /// periods, which are removed to open again by the corrected cadence. Under its lock, a conflict
    /// when it is closed or anything was submitted or forwarded in it meanwhile.
    pub async fn correct_collection(
        &self,
        collection_id: i32,
        draft: CollectionDraft,
        respondents: Vec<(i32, Option<i32>)>,
    ) -> Result<(), DbError> {
        let model = self.collection_locked(collection_id).await?;
        if model.closed_on.is_some() || answered(&self.transaction, collection_id).await? {
            return Err(DbError::Conflict(format!(
                "collection #{collection_id} is closed or answered"
            )));
        }
        let fields = to_json(&draft.fields, draft.fields.is_empty())?;
        self.update_audited::<collection::ActiveModel>(model, |active| {
            active.kind = Set(draft.kind.code().to_owned());
            active.title_bn = Set(draft.title.bn);
            active.title_en = Set(draft.title.en);
            active.instructions_bn = Set(draft.instructions.bn);
            active.instructions_en = Set(draft.instructions.en);
            active.recurrence = Set(draft.cadence.recurrence.code().to_owned());
            active.opens_on = Set(draft.cadence.opens_on);
            active.due_day = Set(i32::try_from(draft.cadence.due_day).unwrap_or(0));
            active.due_on = Set(draft.cadence.due_on);
            active.late_allowed = Set(draft.late_allowed);
            active.evidence_required = Set(draft.evidence_required);
            active.forward_days = Set(draft.forward_days.and_then(|days| i32::try_from(days).ok()));
            active.fields = Set(fields);
        })
        .await?;
        let periods = collection_period::Entity::find()
            .filter(collection_period::Column::CollectionId.eq(collection_id))
            .all(&self.transaction)
            .await?;
        for period in periods {
            self.delete_audited::<collection_period::ActiveModel>(period)
                .await?;
        }
        let asked = collection_respondent::Entity::find()
            .filter(collection_respondent::Column::CollectionId.eq(collection_id))
            .all(&self.transaction)
            .await?;
        for respondent in asked {
            self.delete_audited::<collection_respondent::ActiveModel>(respondent)
                .await?;
        }
        self.insert_respondents(collection_id, respondents).await
    }

    async fn collection_locked(&self, collection_id: i32) -> Result<collection::Model, DbError> {
        collection::Entity::find_by_id(collection_id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("collection #{collection_id}")))
    }

    /// Records whom a collection asks, in the order given.
    async fn insert_respondents(
        &self,
        collection_id: i32,
        respondents: Vec<(i32, Option<i32>)>,
    ) -> Result<(), DbError> {
        for (position, (office_id, unit_id)) in (0..).zip(respondents) {
            self.insert_audited(collection_respondent::ActiveModel {
                collection_id: Set(collection_id),
                office_id: Set(office_id),
                unit_id: Set(unit_id),
                position: Set(position),
                ..Default::default()
            })
            .await?;
        }
        Ok(())
    }

    /// Opens a period unless it is open already; `true` when it was opened now (the unique index
    /// decides, so two runners at once open it once).
    pub async fn open_period(&self, collection_id: i32, period: Period) -> Result<bool, DbError> {
        let open = collection_period::Entity::find()
            .filter(collection_period::Column::CollectionId.eq(collection_id))
            .filter(collection_period::Column::StartsOn.eq(period.starts_on))
            .one(&self.transaction)
            .await?;
        if open.is_some() {
            return Ok(false);
        }
        let inserted = self
            .insert_audited(collection_period::ActiveModel {
                collection_id: Set(collection_id),
                starts_on: Set(period.starts_on),
                ends_on: Set(period.ends_on),
                due_on: Set(period.due_on),
                ..Default::default()
            })
            .await;
        match inserted {
            Ok(_) => Ok(true),
            Err(DbError::Conflict(_)) => Ok(false),
            Err(error) => Err(error),
        }
    }

    /// The version and standing of the respondent's latest submission in the period, read under the
    /// period's lock so that two submissions at once are ordered and the second is judged against the
    /// first.
    pub async fn latest_submission_locked(
        &self,
        period_id: i32,
        respondent_id: i32,
    ) -> Result<Option<(i32, Latest)>, DbError> {
        collection_period::Entity::find_by_id(period_id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("collection period #{period_id}")))?;
        submission::Entity::find()
            .filter(submission::Column::PeriodId.eq(period_id))
            .filter(submission::Column::RespondentId.eq(respondent_id))
            .order_by_desc(submission::Column::Version)
            .one(&self.transaction)
            .await?
            .map(|model| {
                Ok((
                    model.version,
                    Latest {
                        status: SubmissionStatus::from_code(&model.status)?,
                        late: model.late,
                    },
                ))
            })
            .transpose()
    }

    /// Records the next version of a submission with its files; returns its id.
    pub async fn insert_submission(
        &self,
        new: NewSubmission,
        version: i32,
        file_ids: &[i32],
    ) -> Result<i32, DbError> {
        let counts = to_json(&new.counts, new.counts.is_none())?;
        let inserted = self
            .insert_audited(submission::ActiveModel {
                period_id: Set(new.period_id),
                respondent_id: Set(new.respondent_id),
                version: Set(version),
                counts: Set(counts),
                answers: Set(to_json(&new.answers, new.answers.is_empty())?),
                note: Set(new.note),
                late: Set(new.late),
                status: Set(SubmissionStatus::Submitted.code().to_owned()),
                submitted_by: Set(self.author.label.clone()),
                submitted_at: Set(self.author.at),
                ..Default::default()
            })
            .await?;
        for file_id in file_ids {
            self.insert_audited(submission_evidence::ActiveModel {
                submission_id: Set(inserted.id),
                file_id: Set(*file_id),
                ..Default::default()
            })
            .await?;
        }
        Ok(inserted.id)
    }

    /// Records a gathering office's forward; a conflict when it has forwarded the period already.
    pub async fn insert_forward(&self, new: NewForward) -> Result<(), DbError> {
        self.insert_audited(collection_forward::ActiveModel {
            period_id: Set(new.period_id),
            office_id: Set(new.office_id),
            note: Set(new.note),
            reason: Set(new.reason),
            late: Set(new.late),
            forwarded_by: Set(self.author.label.clone()),
            forwarded_at: Set(self.author.at),
            ..Default::default()
        })
        .await?;
        Ok(())
    }

    /// Accepts or returns a submission that is waiting for review, with the comment; a conflict when
    /// it was reviewed meanwhile.
    pub async fn review_submission(
        &self,
        submission_id: i32,
        status: SubmissionStatus,
        comment: &str,
    ) -> Result<(), DbError> {
        let model = submission::Entity::find_by_id(submission_id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("submission #{submission_id}")))?;
        if model.status != SubmissionStatus::Submitted.code() {
            return Err(DbError::Conflict(format!(
                "submission #{submission_id} is {} already",
                model.status
            )));
        }
        let (by, at) = (self.author.label.clone(), self.author.at);
        self.update_audited::<submission::ActiveModel>(model, |active| {
            active.status = Set(status.code().to_owned());
            active.reviewed_by = Set(Some(by));
            active.reviewed_at = Set(Some(at));
            active.review_comment = Set(Some(comment.to_owned()));
        })
        .await?;
        Ok(())
    }
}

impl Db {
    /// For each of these offices, of the periods asked of the office itself (not of its units) that
    /// fell due between `from` and `to`: how many its first submission met on time, and how many there
    /// were. A period left unanswered counts as due and not on time.
    pub async fn on_time_submissions(
        &self,
        office_ids: &[i32],
        (from, to): (chrono::NaiveDate, chrono::NaiveDate),
    ) -> Result<HashMap<i32, (u32, u32)>, DbError> {
        let respondents = collection_respondent::Entity::find()
            .filter(collection_respondent::Column::OfficeId.is_in(office_ids.iter().copied()))
            .filter(collection_respondent::Column::UnitId.is_null())
            .all(self.connection())
            .await?;
        let periods = collection_period::Entity::find()
            .filter(
                collection_period::Column::CollectionId.is_in(
                    respondents
                        .iter()
                        .map(|respondent| respondent.collection_id),
                ),
            )
            .filter(collection_period::Column::DueOn.between(from, to))
            .all(self.connection())
            .await?;
        let on_time: Vec<(i32, i32)> = submission::Entity::find()
            .select_only()
            .column(submission::Column::PeriodId)
            .column(submission::Column::RespondentId)
            .filter(submission::Column::PeriodId.is_in(periods.iter().map(|period| period.id)))
            .filter(
                submission::Column::RespondentId
                    .is_in(respondents.iter().map(|respondent| respondent.id)),
            )
            .filter(submission::Column::Version.eq(1))
            .filter(submission::Column::Late.eq(false))
            .into_tuple()
            .all(self.connection())
            .await?;
        let mut counts: HashMap<i32, (u32, u32)> = HashMap::new();
        for respondent in &respondents {
            for period in periods
                .iter()
                .filter(|period| period.collection_id == respondent.collection_id)
            {
                let count = counts.entry(respondent.office_id).or_default();
                count.1 += 1;
                if on_time.contains(&(period.id, respondent.id)) {
                    count.0 += 1;
                }
            }
        }
        Ok(counts)
    }
}

/// Whether anything was submitted or forwarded in any period of a collection.
async fn answered(connection: &impl ConnectionTrait, collection_id: i32) -> Result<bool, DbError> {
    let periods = collection_period::Entity::find()
        .select_only()
        .column(collection_period::Column::Id)
        .filter(collection_period::Column::CollectionId.eq(collection_id))
        .into_query();
    let submitted = submission::Entity::find()
        .filter(submission::Column::PeriodId.in_subquery(periods.clone()))
        .count(connection)
        .await?;
    let forwarded = collection_forward::Entity::find()
        .filter(collection_forward::Column::PeriodId.in_subquery(periods))
        .count(connection)
        .await?;
    Ok(submitted + forwarded > 0)
}
