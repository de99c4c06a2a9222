//! Training certificates: issued once per participant, found by their code.

use chrono::NaiveDate;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use udbhabon_domain::training::certificate::Certificate;

use crate::entity::training_certificate;
use crate::json::{from_json, to_json};
use crate::{Db, DbError, Tx};

/// A certificate as issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateRow {
    pub id: i32,
    pub training_id: i32,
    pub participant_id: i32,
    pub code: String,
    pub issued_on: NaiveDate,
    pub certificate: Certificate,
}

impl TryFrom<training_certificate::Model> for CertificateRow {
    type Error = DbError;

    fn try_from(model: training_certificate::Model) -> Result<Self, DbError> {
        Ok(Self {
            certificate: from_json("training certificate", model.id, &model.content)?,
            id: model.id,
            training_id: model.training_id,
            participant_id: model.participant_id,
            code: model.code,
            issued_on: model.issued_on,
        })
    }
}

impl Db {
    /// The certificates of a training's participants, in the order issued.
    pub async fn certificates(&self, training_id: i32) -> Result<Vec<CertificateRow>, DbError> {
        training_certificate::Entity::find()
            .filter(training_certificate::Column::TrainingId.eq(training_id))
            .order_by_asc(training_certificate::Column::Id)
            .all(self.connection())
            .await?
            .into_iter()
            .map(TryInto::try_into)
            .collect()
    }

    /// The certificate with this code, if one was issued.
    pub async fn certificate_by_code(&self, code: &str) -> Result<Option<CertificateRow>, DbError> {
        training_certificate::Entity::find()
            .filter(training_certificate::Column::Code.eq(code))
            .one(self.connection())
            .await?
            .map(TryInto::try_into)
            .transpose()
    }
}

impl Tx {
    /// The participants of a training who hold a certificate, as the transaction sees them.
    pub async fn certified(&self, training_id: i32) -> Result<Vec<i32>, DbError> {
        Ok(training_certificate::Entity::find()
            .filter(training_certificate::Column::TrainingId.eq(training_id))
            .all(&self.transaction)
            .await?
            .into_iter()
            .map(|model| model.participant_id)
            .collect())
    }

    /// Issues a participant's certificate under `code`, dated today.
    pub async fn insert_certificate(
        &self,
        training_id: i32,
        participant_id: i32,
        code: &str,
        issued_on: NaiveDate,
        certificate: &Certificate,
    ) -> Result<(), DbError> {
        let row = training_certificate::ActiveModel {
            training_id: Set(training_id),
            participant_id: Set(participant_id),
            code: Set(code.to_owned()),
            issued_on: Set(issued_on),
            content: Set(to_json(certificate)?),
            ..Default::default()
        };
        self.insert_audited(row).await?;
        Ok(())
    }
}
