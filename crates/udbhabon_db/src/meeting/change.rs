//! A called meeting's changes as stored: each postponement or cancellation with its numbered notice,
//! and the meeting moved or marked cancelled in the same step.

use chrono::{NaiveDate, NaiveTime};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::meeting::MeetingChangeKind;
use udbhabon_domain::office::memo::MemoNumber;

use crate::entity::{meeting, meeting_change};
use crate::office::memo::stored_memo;
use crate::{Db, DbError, Tx};

/// A meeting's day and starting time.
pub type MeetingTime = (NaiveDate, Option<NaiveTime>);

/// A postponement or cancellation to record: its notice's number and day, the reason, and for a
/// postponement the new day and time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMeetingChange {
    pub kind: MeetingChangeKind,
    pub reason: String,
    pub memo: MemoNumber,
    pub issued_on: NaiveDate,
    pub to: Option<MeetingTime>,
}

/// A change as stored, with the day and time the meeting moved from (who issued it and when stand in
/// the audit trail).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingChangeRow {
    pub id: i32,
    pub meeting_id: i32,
    pub change: NewMeetingChange,
    pub from: MeetingTime,
}

impl TryFrom<meeting_change::Model> for MeetingChangeRow {
    type Error = DbError;

    fn try_from(model: meeting_change::Model) -> Result<Self, DbError> {
        Ok(Self {
            id: model.id,
            meeting_id: model.meeting_id,
            change: NewMeetingChange {
                kind: MeetingChangeKind::from_code(&model.kind)?,
                reason: model.reason,
                memo: stored_memo(&model.memo)?,
                issued_on: model.issued_on,
                to: model.to_held_on.map(|day| (day, model.to_starts_at)),
            },
            from: (model.from_held_on, model.from_starts_at),
        })
    }
}

impl Db {
    /// A meeting's changes, oldest first.
    pub async fn meeting_changes(&self, meeting_id: i32) -> Result<Vec<MeetingChangeRow>, DbError> {
        meeting_change::Entity::find()
            .filter(meeting_change::Column::MeetingId.eq(meeting_id))
            .order_by_asc(meeting_change::Column::Id)
            .all(self.connection())
            .await?
            .into_iter()
            .map(TryInto::try_into)
            .collect()
    }
}

impl Tx {
    /// Records a change of a meeting locked by the caller, and moves it to its new day and time or
    /// marks it cancelled; returns the change's id.
    pub async fn record_meeting_change(
        &self,
        meeting_id: i32,
        change: NewMeetingChange,
    ) -> Result<i32, DbError> {
        let current = meeting::Entity::find_by_id(meeting_id)
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("meeting #{meeting_id}")))?;
        let from = (current.held_on, current.starts_at);
        let (to, cancelled_on) = match change.kind {
            MeetingChangeKind::Postponed => (change.to, None),
            MeetingChangeKind::Cancelled => (None, Some(change.issued_on)),
        };
        let inserted = self
            .insert_audited(meeting_change::ActiveModel {
                meeting_id: Set(meeting_id),
                kind: Set(change.kind.code().to_owned()),
                reason: Set(change.reason),
                memo: Set(change.memo.to_string()),
                issued_on: Set(change.issued_on),
                from_held_on: Set(from.0),
                from_starts_at: Set(from.1),
                to_held_on: Set(to.map(|(day, _)| day)),
                to_starts_at: Set(to.and_then(|(_, time)| time)),
                issued_by: Set(self.author.label.clone()),
                issued_at: Set(self.author.at),
                ..Default::default()
            })
            .await?;
        self.update_audited(current, |active: &mut meeting::ActiveModel| {
            if let Some((day, time)) = to {
                active.held_on = Set(day);
                active.starts_at = Set(time);
            }
            if cancelled_on.is_some() {
                active.cancelled_on = Set(cancelled_on);
            }
        })
        .await?;
        Ok(inserted.id)
    }
}
