//! A training's invitation: issued once, under a memo number, by a signer.

use chrono::NaiveDate;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use udbhabon_domain::office::memo::MemoNumber;

use crate::entity::training_invitation;
use crate::office::memo::stored_memo;
use crate::{Db, DbError, Tx};

/// A training's invitation as issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationRow {
    pub training_id: i32,
    pub memo: MemoNumber,
    pub issued_on: NaiveDate,
    pub signer_person_id: i32,
    /// The post the signer signed in, when they held one in the office.
    pub signer_post_id: Option<i32>,
}

impl TryFrom<training_invitation::Model> for InvitationRow {
    type Error = DbError;

    fn try_from(model: training_invitation::Model) -> Result<Self, DbError> {
        Ok(Self {
            memo: stored_memo(&model.memo)?,
            training_id: model.training_id,
            issued_on: model.issued_on,
            signer_person_id: model.signer_person_id,
            signer_post_id: model.signer_post_id,
        })
    }
}

impl Db {
    /// A training's invitation, once issued.
    pub async fn training_invitation(
        &self,
        training_id: i32,
    ) -> Result<Option<InvitationRow>, DbError> {
        training_invitation::Entity::find()
            .filter(training_invitation::Column::TrainingId.eq(training_id))
            .one(self.connection())
            .await?
            .map(InvitationRow::try_from)
            .transpose()
    }
}

impl Tx {
    /// Whether the training's invitation was issued (read in the transaction, after locking it).
    pub async fn training_invited(&self, training_id: i32) -> Result<bool, DbError> {
        Ok(training_invitation::Entity::find()
            .filter(training_invitation::Column::TrainingId.eq(training_id))
            .one(&self.transaction)
            .await?
            .is_some())
    }

    /// Records a training's invitation as issued.
    pub async fn record_training_invitation(&self, row: &InvitationRow) -> Result<(), DbError> {
        self.insert_audited(training_invitation::ActiveModel {
            training_id: Set(row.training_id),
            memo: Set(row.memo.to_string()),
            issued_on: Set(row.issued_on),
            signer_person_id: Set(row.signer_person_id),
            signer_post_id: Set(row.signer_post_id),
            issued_by: Set(self.author.label.clone()),
            issued_at: Set(self.author.at),
            ..Default::default()
        })
        .await?;
        Ok(())
    }
}
