//! The lines of each account's inbox that have been mailed, so that a hand-off is mailed once while it
//! waits, and again only if it comes back after it was done.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::entity::notification_mail;
use crate::{Db, DbError, Tx};

/// A line of an inbox that was mailed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailedNotification {
    pub id: i32,
    /// The kind of step ("plan-to-approve").
    pub kind: String,
    /// The page where it is acted on, which tells one step of a kind from another.
    pub link: String,
    pub mailed_at: DateTime<Utc>,
}

impl From<notification_mail::Model> for MailedNotification {
    fn from(model: notification_mail::Model) -> Self {
        Self {
            id: model.id,
            kind: model.kind,
            link: model.link,
            mailed_at: model.mailed_at,
        }
    }
}

impl Db {
    /// The lines of an account's inbox mailed so far, oldest first.
    pub async fn notifications_mailed(
        &self,
        account_id: i32,
    ) -> Result<Vec<MailedNotification>, DbError> {
        Ok(notification_mail::Entity::find()
            .filter(notification_mail::Column::AccountId.eq(account_id))
            .order_by_asc(notification_mail::Column::Id)
            .all(self.connection())
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }
}

impl Tx {
    /// Records lines of an account's inbox as mailed now, and returns those not recorded before (the
    /// unique index decides, so two runners at once mail each line once).
    pub async fn record_notifications_mailed(
        &self,
        account_id: i32,
        lines: Vec<(String, String)>,
    ) -> Result<Vec<MailedNotification>, DbError> {
        let mut recorded = Vec::new();
        for (kind, link) in lines {
            let known = notification_mail::Entity::find()
                .filter(notification_mail::Column::AccountId.eq(account_id))
                .filter(notification_mail::Column::Kind.eq(kind.as_str()))
                .filter(notification_mail::Column::Link.eq(link.as_str()))
                .one(&self.transaction)
                .await?;
            if known.is_some() {
                continue;
            }
            let inserted = self
                .insert_audited(notification_mail::ActiveModel {
                    account_id: Set(account_id),
                    kind: Set(kind),
                    link: Set(link),
                    mailed_at: Set(self.author.at),
                    ..Default::default()
                })
                .await;
            match inserted {
                Ok(model) => recorded.push(model.into()),
                Err(DbError::Conflict(_)) => {}
                Err(error) => return Err(error),
            }
        }
        Ok(recorded)
    }

    /// Forgets mailed lines: those no longer waiting (so that a step that comes back is mailed again)
    /// and those whose mail failed (so that the next run tries again).
    pub async fn forget_notifications_mailed(&self, ids: &[i32]) -> Result<(), DbError> {
        let models = notification_mail::Entity::find()
            .filter(notification_mail::Column::Id.is_in(ids.iter().copied()))
            .all(&self.transaction)
            .await?;
        for model in models {
            self.delete_audited::<notification_mail::ActiveModel>(model)
                .await?;
        }
        Ok(())
    }
}
