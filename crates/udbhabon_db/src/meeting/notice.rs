//! A meeting's schedule as kept: who is invited, the agenda with its presenters, the invitation notice,
//! attendance marked against the invitation, and the token of each account's calendar feed.

use chrono::NaiveDate;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use udbhabon_domain::office::memo::MemoNumber;
use udbhabon_domain::{Bilingual, Vocabulary};

use crate::account::AccountRow;
use crate::entity::{account, agenda_item, meeting, meeting_attendance, meeting_invitee};
use crate::meeting::{AttendanceRow, MeetingRecord, MeetingRow};
use crate::office::rows;
use crate::{Db, DbError, Tx};

/// Someone a meeting invites: a post, whoever holds it on the day, or a person by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Invitee {
    Post(i32),
    Person(i32),
}

/// One item of the agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaItem {
    pub title: Bilingual,
    pub presenter_post_id: Option<i32>,
    /// What the minutes record of its discussion; empty until they are written.
    pub discussion: Bilingual,
}

fn position(index: usize) -> i32 {
    i32::try_from(index + 1).unwrap_or(i32::MAX)
}

impl Db {
    /// Who a meeting invites, in the order the notice lists them.
    pub async fn invitees(&self, meeting_id: i32) -> Result<Vec<Invitee>, DbError> {
        let models = meeting_invitee::Entity::find()
            .filter(meeting_invitee::Column::MeetingId.eq(meeting_id))
            .order_by_asc(meeting_invitee::Column::Position)
            .all(self.connection())
            .await?;
        models
            .into_iter()
            .map(|model| match (model.post_id, model.person_id) {
                (Some(post_id), _) => Ok(Invitee::Post(post_id)),
                (None, Some(person_id)) => Ok(Invitee::Person(person_id)),
                (None, None) => Err(DbError::Other(format!(
                    "meeting invitee #{} names neither a post nor a person",
                    model.id
                ))),
            })
            .collect()
    }

    /// A meeting's agenda in order.
    pub async fn agenda(&self, meeting_id: i32) -> Result<Vec<AgendaItem>, DbError> {
        let models = agenda_item::Entity::find()
            .filter(agenda_item::Column::MeetingId.eq(meeting_id))
            .order_by_asc(agenda_item::Column::Position)
            .all(self.connection())
            .await?;
        Ok(models
            .into_iter()
            .map(|model| AgendaItem {
                title: Bilingual::new(model.title_bn, model.title_en),
                presenter_post_id: model.presenter_post_id,
                discussion: Bilingual::new(model.discussion_bn, model.discussion_en),
            })
            .collect())
    }

    /// The meetings that invite this person by name or one of these posts, or that they chair, on or
    /// after `from`, by date.
    pub async fn meetings_inviting(
        &self,
        person_id: i32,
        post_ids: &[i32],
        from: NaiveDate,
    ) -> Result<Vec<MeetingRow>, DbError> {
        let invited: Vec<i32> = meeting_invitee::Entity::find()
            .select_only()
            .column(meeting_invitee::Column::MeetingId)
            .filter(
                Condition::any()
                    .add(meeting_invitee::Column::PersonId.eq(person_id))
                    .add(meeting_invitee::Column::PostId.is_in(post_ids.iter().copied())),
            )
            .into_tuple()
            .all(self.connection())
            .await?;
        let models = meeting::Entity::find()
            .filter(
                Condition::any()
                    .add(meeting::Column::Id.is_in(invited))
                    .add(meeting::Column::ChairPersonId.eq(person_id)),
            )
            .filter(meeting::Column::HeldOn.gte(from))
            .order_by_asc(meeting::Column::HeldOn)
            .order_by_asc(meeting::Column::Id)
            .all(self.connection())
            .await?;
        rows(models)
    }

    /// The account whose calendar feed has this token hash.
    pub async fn account_by_calendar_token(
        &self,
        token_hash: &str,
    ) -> Result<Option<AccountRow>, DbError> {
        Ok(account::Entity::find()
            .filter(account::Column::CalendarTokenHash.eq(token_hash))
            .filter(account::Column::Active.eq(true))
            .one(self.connection())
            .await?
            .map(Into::into))
    }

    /// Whether the account has a calendar feed.
    pub async fn has_calendar_feed(&self, account_id: i32) -> Result<bool, DbError> {
        Ok(account::Entity::find_by_id(account_id)
            .one(self.connection())
            .await?
            .is_some_and(|model| model.calendar_token_hash.is_some()))
    }
}

impl Tx {
    /// The meeting, locked for the rest of this transaction (a row lock on PostgreSQL; SQLite's write
    /// transaction already excludes other writers).
    pub async fn lock_meeting(&self, id: i32) -> Result<MeetingRow, DbError> {
        meeting::Entity::find_by_id(id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("meeting #{id}")))?
            .try_into()
    }

    pub(crate) async fn insert_invitees(
        &self,
        meeting_id: i32,
        invitees: &[Invitee],
    ) -> Result<(), DbError> {
        for (index, invitee) in invitees.iter().enumerate() {
            let (post_id, person_id) = match *invitee {
                Invitee::Post(id) => (Some(id), None),
                Invitee::Person(id) => (None, Some(id)),
            };
            self.insert_audited(meeting_invitee::ActiveModel {
                meeting_id: Set(meeting_id),
                position: Set(position(index)),
                post_id: Set(post_id),
                person_id: Set(person_id),
                ..Default::default()
            })
            .await?;
        }
        Ok(())
    }

    pub(crate) async fn insert_agenda(
        &self,
        meeting_id: i32,
        agenda: &[AgendaItem],
    ) -> Result<(), DbError> {
        for (index, item) in agenda.iter().enumerate() {
            self.insert_audited(agenda_item::ActiveModel {
                meeting_id: Set(meeting_id),
                position: Set(position(index)),
                title_bn: Set(item.title.bn.clone()),
                title_en: Set(item.title.en.clone()),
                presenter_post_id: Set(item.presenter_post_id),
                discussion_bn: Set(item.discussion.bn.clone()),
                discussion_en: Set(item.discussion.en.clone()),
                ..Default::default()
            })
            .await?;
        }
        Ok(())
    }

    /// Sets what scheduling decides (kind, title, when, where, chair, series) from `record`, and
    /// replaces the invitees and the agenda.
    pub async fn update_meeting_schedule(
        &self,
        id: i32,
        record: &MeetingRecord,
        invitees: &[Invitee],
        agenda: &[AgendaItem],
    ) -> Result<(), DbError> {
        let current = meeting::Entity::find_by_id(id)
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("meeting #{id}")))?;
        let record = record.clone();
        self.update_audited(current, |active: &mut meeting::ActiveModel| {
            active.kind = Set(record.kind.code().to_owned());
            active.team_id = Set(record.team_id);
            active.plan_fiscal_year = Set(record.plan_fiscal_year);
            active.sequence = Set(record
                .sequence
                .map(|value| i32::try_from(value).unwrap_or(i32::MAX)));
            active.title_bn = Set(record.title.bn);
            active.title_en = Set(record.title.en);
            active.held_on = Set(record.held_on);
            active.starts_at = Set(record.starts_at);
            active.place_bn = Set(record.place.bn);
            active.place_en = Set(record.place.en);
            active.online_link = Set(record.online_link);
            active.chair_person_id = Set(record.chair_person_id);
            active.chair_designation_id = Set(record.chair_designation_id);
            active.member_secretary_person_id = Set(record.member_secretary_person_id);
            active.member_secretary_post_id = Set(record.member_secretary_post_id);
        })
        .await?;
        for model in meeting_invitee::Entity::find()
            .filter(meeting_invitee::Column::MeetingId.eq(id))
            .all(&self.transaction)
            .await?
        {
            self.delete_audited::<meeting_invitee::ActiveModel>(model)
                .await?;
        }
        for model in agenda_item::Entity::find()
            .filter(agenda_item::Column::MeetingId.eq(id))
            .all(&self.transaction)
            .await?
        {
            self.delete_audited::<agenda_item::ActiveModel>(model)
                .await?;
        }
        self.insert_invitees(id, invitees).await?;
        self.insert_agenda(id, agenda).await
    }

    /// Records the invitation notice's memo number and the day it was sent.
    pub async fn record_meeting_notice(
        &self,
        id: i32,
        memo: &MemoNumber,
        sent_on: NaiveDate,
    ) -> Result<(), DbError> {
        let current = meeting::Entity::find_by_id(id)
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("meeting #{id}")))?;
        let memo = memo.to_string();
        self.update_audited(current, |active: &mut meeting::ActiveModel| {
            active.notice_memo = Set(Some(memo));
            active.notice_sent_on = Set(Some(sent_on));
        })
        .await?;
        Ok(())
    }

    /// Replaces a meeting's attendance with these rows.
    pub async fn record_attendance(
        &self,
        meeting_id: i32,
        attendance: &[AttendanceRow],
    ) -> Result<(), DbError> {
        for model in meeting_attendance::Entity::find()
            .filter(meeting_attendance::Column::MeetingId.eq(meeting_id))
            .all(&self.transaction)
            .await?
        {
            self.delete_audited::<meeting_attendance::ActiveModel>(model)
                .await?;
        }
        for row in attendance {
            self.insert_audited(meeting_attendance::ActiveModel {
                meeting_id: Set(meeting_id),
                person_id: Set(row.person_id),
                present: Set(row.present),
                invited: Set(row.invited),
                ..Default::default()
            })
            .await?;
        }
        Ok(())
    }

    /// Sets the hash of an account's calendar-feed token; the previous address stops working.
    pub async fn set_calendar_token(
        &self,
        account_id: i32,
        token_hash: &str,
    ) -> Result<(), DbError> {
        let current = account::Entity::find_by_id(account_id)
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("account #{account_id}")))?;
        let hash = token_hash.to_owned();
        self.update_audited(current, |active: &mut account::ActiveModel| {
            active.calendar_token_hash = Set(Some(hash));
        })
        .await?;
        Ok(())
    }
}
