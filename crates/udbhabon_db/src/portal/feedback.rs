//! Citizens' ideas and feedback: received, found again by their tracking code's hash, listed for the
//! office that answers them, answered and published.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use udbhabon_domain::Lang;
use udbhabon_domain::portal::feedback::{FeedbackDraft, FeedbackKind};

use crate::entity::feedback;
use crate::{Db, DbError, Tx};

/// A message and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackRow {
    pub id: i32,
    pub office_id: i32,
    pub kind: FeedbackKind,
    pub service: String,
    pub message: String,
    pub name: String,
    pub contact: String,
    pub lang: Lang,
    pub received_at: DateTime<Utc>,
    /// The office's answer; empty until it answers.
    pub answer: String,
    pub answered_by: Option<String>,
    pub answered_at: Option<DateTime<Utc>>,
    /// Whether the message and its answer are shown on the office's page.
    pub published: bool,
    /// The innovation record an idea became, once the office took it up.
    pub innovation_id: Option<i32>,
    /// The photo or PDF sent with it, kept as an evidence file; only the office sees it.
    pub attachment_id: Option<i32>,
}

impl TryFrom<feedback::Model> for FeedbackRow {
    type Error = DbError;

    fn try_from(model: feedback::Model) -> Result<Self, DbError> {
        Ok(Self {
            kind: model.kind.parse()?,
            lang: Lang::from_tag(&model.lang).unwrap_or_default(),
            id: model.id,
            office_id: model.office_id,
            service: model.service,
            message: model.message,
            name: model.name,
            contact: model.contact,
            received_at: model.received_at,
            answer: model.answer,
            answered_by: model.answered_by,
            answered_at: model.answered_at,
            published: model.published,
            innovation_id: model.innovation_id,
            attachment_id: model.attachment_id,
        })
    }
}

fn rows(models: Vec<feedback::Model>) -> Result<Vec<FeedbackRow>, DbError> {
    models.into_iter().map(TryInto::try_into).collect()
}

impl Db {
    /// The message a tracking code's hash names.
    pub async fn feedback_by_code(&self, code_hash: &str) -> Result<FeedbackRow, DbError> {
        feedback::Entity::find()
            .filter(feedback::Column::CodeHash.eq(code_hash))
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound("a message with that tracking code".into()))?
            .try_into()
    }

    pub async fn feedback(&self, id: i32) -> Result<FeedbackRow, DbError> {
        feedback::Entity::find_by_id(id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("message #{id}")))?
            .try_into()
    }

    /// An office's messages, those not answered first, then the newest; at most `limit`.
    pub async fn feedback_of_office(
        &self,
        office_id: i32,
        limit: u64,
    ) -> Result<Vec<FeedbackRow>, DbError> {
        rows(
            feedback::Entity::find()
                .filter(feedback::Column::OfficeId.eq(office_id))
                .order_by_asc(feedback::Column::AnsweredAt.is_not_null())
                .order_by_desc(feedback::Column::ReceivedAt)
                .order_by_desc(feedback::Column::Id)
                .limit(limit)
                .all(self.connection())
                .await?,
        )
    }

    /// An office's published messages and answers, the latest answered first; at most `limit`.
    pub async fn published_feedback(
        &self,
        office_id: i32,
        limit: u64,
    ) -> Result<Vec<FeedbackRow>, DbError> {
        rows(
            feedback::Entity::find()
                .filter(feedback::Column::OfficeId.eq(office_id))
                .filter(feedback::Column::Published.eq(true))
                .order_by_desc(feedback::Column::AnsweredAt)
                .order_by_desc(feedback::Column::Id)
                .limit(limit)
                .all(self.connection())
                .await?,
        )
    }
}

impl Tx {
    /// Receives a message under its tracking code's hash, with the evidence file of its attachment;
    /// returns its id.
    pub async fn insert_feedback(
        &self,
        office_id: i32,
        code_hash: &str,
        draft: &FeedbackDraft,
        lang: Lang,
        attachment_id: Option<i32>,
    ) -> Result<i32, DbError> {
        let row = feedback::ActiveModel {
            office_id: Set(office_id),
            code_hash: Set(code_hash.to_owned()),
            kind: Set(udbhabon_domain::Vocabulary::code(draft.kind).to_owned()),
            service: Set(draft.service.clone()),
            message: Set(draft.message.clone()),
            name: Set(draft.name.clone()),
            contact: Set(draft.contact.clone()),
            lang: Set(lang.tag().to_owned()),
            received_at: Set(self.author.at),
            answer: Set(String::new()),
            answered_by: Set(None),
            answered_at: Set(None),
            published: Set(false),
            innovation_id: Set(None),
            attachment_id: Set(attachment_id),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    /// Records the innovation record an idea became.
    pub async fn link_feedback_innovation(
        &self,
        id: i32,
        innovation_id: i32,
    ) -> Result<(), DbError> {
        let before = feedback::Entity::find_by_id(id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("message #{id}")))?;
        if before.innovation_id.is_some() {
            return Err(DbError::Conflict(format!(
                "message #{id} was taken up already"
            )));
        }
        self.update_audited(before, |active: &mut feedback::ActiveModel| {
            active.innovation_id = Set(Some(innovation_id));
        })
        .await?;
        Ok(())
    }

    /// Records the office's answer, and whether the message and answer are published.
    pub async fn answer_feedback(
        &self,
        id: i32,
        answer: &str,
        published: bool,
    ) -> Result<(), DbError> {
        let before = feedback::Entity::find_by_id(id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("message #{id}")))?;
        let answer = answer.to_owned();
        let (label, at) = (self.author.label.clone(), self.author.at);
        self.update_audited(before, |active: &mut feedback::ActiveModel| {
            active.answer = Set(answer);
            active.answered_by = Set(Some(label));
            active.answered_at = Set(Some(at));
            active.published = Set(published);
        })
        .await?;
        Ok(())
    }
}
