//! Reminders as the job runner keeps them: who acts for an office or a unit (the accounts to remind),
//! the issued meetings whose decisions are due, and the record that makes each reminder go out once.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::account::access::Role;

use crate::account::AccountRow;
use crate::entity::{account, meeting, post, posting, reminder, role_grant};
use crate::meeting::MeetingRow;
use crate::office::person::held_on;
use crate::office::rows;
use crate::{Db, DbError, Tx};

/// One reminder to record: about what, due when, at which step, to whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReminder {
    /// What the reminder is about ("decision").
    pub subject: String,
    pub record_id: i32,
    pub due_on: NaiveDate,
    /// When in the deadline's life it is sent ("before_3", "before_1", "overdue").
    pub step: String,
    pub account_id: i32,
}

/// A reminder that went out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentReminder {
    pub record_id: i32,
    pub due_on: NaiveDate,
    pub step: String,
    pub account_id: i32,
    pub sent_at: DateTime<Utc>,
}

impl Db {
    /// The reminders sent about these records of a subject, oldest first.
    pub async fn reminders_sent(
        &self,
        subject: &str,
        record_ids: &[i32],
    ) -> Result<Vec<SentReminder>, DbError> {
        Ok(reminder::Entity::find()
            .filter(reminder::Column::Subject.eq(subject))
            .filter(reminder::Column::RecordId.is_in(record_ids.iter().copied()))
            .order_by_asc(reminder::Column::Id)
            .all(self.connection())
            .await?
            .into_iter()
            .map(|model| SentReminder {
                record_id: model.record_id,
                due_on: model.due_on,
                step: model.step,
                account_id: model.account_id,
                sent_at: model.sent_at,
            })
            .collect())
    }

    /// The units whose posts these people hold on `on`, as (person, unit) pairs.
    pub async fn units_held_on(
        &self,
        person_ids: &[i32],
        on: NaiveDate,
    ) -> Result<Vec<(i32, i32)>, DbError> {
        let postings = posting::Entity::find()
            .filter(posting::Column::PersonId.is_in(person_ids.iter().copied()))
            .filter(held_on(on))
            .all(self.connection())
            .await?;
        let units: std::collections::HashMap<i32, i32> = post::Entity::find()
            .filter(post::Column::Id.is_in(postings.iter().map(|posting| posting.post_id)))
            .all(self.connection())
            .await?
            .into_iter()
            .filter_map(|post| Some((post.id, post.unit_id?)))
            .collect();
        Ok(postings
            .into_iter()
            .filter_map(|posting| Some((posting.person_id, *units.get(&posting.post_id)?)))
            .collect())
    }

    /// The active accounts of the people who hold a post in one of these units on `on`, as (unit,
    /// account) pairs.
    pub async fn accounts_posted_in(
        &self,
        unit_ids: &[i32],
        on: NaiveDate,
    ) -> Result<Vec<(i32, AccountRow)>, DbError> {
        let posts: std::collections::HashMap<i32, i32> = post::Entity::find()
            .filter(post::Column::UnitId.is_in(unit_ids.iter().copied()))
            .all(self.connection())
            .await?
            .into_iter()
            .filter_map(|post| Some((post.id, post.unit_id?)))
            .collect();
        let postings = posting::Entity::find()
            .filter(posting::Column::PostId.is_in(posts.keys().copied()))
            .filter(held_on(on))
            .all(self.connection())
            .await?;
        let accounts = account::Entity::find()
            .filter(
                account::Column::PersonId.is_in(postings.iter().map(|posting| posting.person_id)),
            )
            .filter(account::Column::Active.eq(true))
            .order_by_asc(account::Column::Id)
            .all(self.connection())
            .await?;
        let mut found = Vec::new();
        for posting in &postings {
            for model in accounts
                .iter()
                .filter(|model| model.person_id == posting.person_id)
            {
                let pair = (posts[&posting.post_id], AccountRow::from(model.clone()));
                if !found.contains(&pair) {
                    found.push(pair);
                }
            }
        }
        Ok(found)
    }

    /// Every meeting whose minutes are issued, by date.
    pub async fn issued_meetings(&self) -> Result<Vec<MeetingRow>, DbError> {
        let models = meeting::Entity::find()
            .filter(meeting::Column::IssuedOn.is_not_null())
            .order_by_asc(meeting::Column::HeldOn)
            .order_by_asc(meeting::Column::Id)
            .all(self.connection())
            .await?;
        rows(models)
    }

    /// The active accounts holding one of `roles` on one of these offices, each once.
    pub async fn accounts_acting_for(
        &self,
        office_ids: &[i32],
        roles: &[Role],
    ) -> Result<Vec<AccountRow>, DbError> {
        let account_ids: Vec<i32> = role_grant::Entity::find()
            .filter(role_grant::Column::OfficeId.is_in(office_ids.iter().copied()))
            .filter(role_grant::Column::Role.is_in(roles.iter().map(|role| role.code())))
            .all(self.connection())
            .await?
            .into_iter()
            .map(|grant| grant.account_id)
            .collect();
        Ok(account::Entity::find()
            .filter(account::Column::Id.is_in(account_ids))
            .filter(account::Column::Active.eq(true))
            .order_by_asc(account::Column::Id)
            .all(self.connection())
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }
}

impl Tx {
    /// Removes the record of a reminder that could not be sent, so that it is sent later.
    pub async fn forget_reminder(&self, sent: NewReminder) -> Result<(), DbError> {
        if let Some(model) = self.reminder_model(&sent).await? {
            self.delete_audited::<reminder::ActiveModel>(model).await?;
        }
        Ok(())
    }

    async fn reminder_model(&self, new: &NewReminder) -> Result<Option<reminder::Model>, DbError> {
        Ok(reminder::Entity::find()
            .filter(reminder::Column::Subject.eq(new.subject.as_str()))
            .filter(reminder::Column::RecordId.eq(new.record_id))
            .filter(reminder::Column::DueOn.eq(new.due_on))
            .filter(reminder::Column::Step.eq(new.step.as_str()))
            .filter(reminder::Column::AccountId.eq(new.account_id))
            .one(&self.transaction)
            .await?)
    }

    /// Records a reminder as sent; `false` when it was sent before (the unique index decides, so two
    /// runners at once still send it once).
    pub async fn record_reminder(&self, new: NewReminder) -> Result<bool, DbError> {
        if self.reminder_model(&new).await?.is_some() {
            return Ok(false);
        }
        let inserted = self
            .insert_audited(reminder::ActiveModel {
                subject: Set(new.subject),
                record_id: Set(new.record_id),
                due_on: Set(new.due_on),
                step: Set(new.step),
                account_id: Set(new.account_id),
                sent_at: Set(self.author.at),
                ..Default::default()
            })
            .await;
        match inserted {
            Ok(_) => Ok(true),
            // Another runner recorded it between the look and the insert.
            Err(DbError::Conflict(_)) => Ok(false),
            Err(error) => Err(error),
        }
    }
}
