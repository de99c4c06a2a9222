//! The renewals of the software registers: a system's, the offices' lapsing by a day (for the inbox and
//! the reminder job), each added, renewed and taken off.

use chrono::NaiveDate;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::register::renewal::{Renewal, RenewalKind};

use crate::entity::renewal;
use crate::{Db, DbError, Tx};

/// A renewal as kept, with the system and office it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenewalRow {
    pub id: i32,
    pub software_id: i32,
    pub office_id: i32,
    pub renewal: Renewal,
}

fn row(model: renewal::Model) -> Result<RenewalRow, DbError> {
    Ok(RenewalRow {
        id: model.id,
        software_id: model.software_id,
        office_id: model.office_id,
        renewal: Renewal {
            kind: RenewalKind::from_code(&model.kind)?,
            subject: model.subject,
            expires_on: model.expires_on,
            remind_days: u32::try_from(model.remind_days).unwrap_or_default(),
        },
    })
}

fn rows(models: Vec<renewal::Model>) -> Result<Vec<RenewalRow>, DbError> {
    models.into_iter().map(row).collect()
}

impl Db {
    /// The renewals of these systems, the soonest to lapse first.
    pub async fn renewals_of(&self, software_ids: &[i32]) -> Result<Vec<RenewalRow>, DbError> {
        rows(
            renewal::Entity::find()
                .filter(renewal::Column::SoftwareId.is_in(software_ids.iter().copied()))
                .order_by_asc(renewal::Column::ExpiresOn)
                .order_by_asc(renewal::Column::Id)
                .all(self.connection())
                .await?,
        )
    }

    /// The renewals lapsing by a day — since another day, when given — of these offices or of every
    /// office, the soonest first.
    pub async fn renewals_lapsing(
        &self,
        (since, until): (Option<NaiveDate>, NaiveDate),
        offices: Option<&[i32]>,
    ) -> Result<Vec<RenewalRow>, DbError> {
        let mut query = renewal::Entity::find()
            .filter(renewal::Column::ExpiresOn.lte(until))
            .order_by_asc(renewal::Column::ExpiresOn)
            .order_by_asc(renewal::Column::Id);
        if let Some(since) = since {
            query = query.filter(renewal::Column::ExpiresOn.gte(since));
        }
        if let Some(offices) = offices {
            query = query.filter(renewal::Column::OfficeId.is_in(offices.iter().copied()));
        }
        rows(query.all(self.connection()).await?)
    }

    pub async fn renewal(&self, id: i32) -> Result<RenewalRow, DbError> {
        renewal::Entity::find_by_id(id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("renewal #{id}")))
            .and_then(row)
    }
}

impl Tx {
    /// Adds a renewal to a system of an office; returns its id.
    pub async fn insert_renewal(
        &self,
        (software_id, office_id): (i32, i32),
        renewal: &Renewal,
    ) -> Result<i32, DbError> {
        let row = renewal::ActiveModel {
            software_id: Set(software_id),
            office_id: Set(office_id),
            kind: Set(renewal.kind.code().to_owned()),
            subject: Set(renewal.subject.clone()),
            expires_on: Set(renewal.expires_on),
            remind_days: Set(i32::try_from(renewal.remind_days).unwrap_or(i32::MAX)),
            updated_by: Set(self.author.label.clone()),
            updated_at: Set(self.author.at),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    /// Moves a renewal's lapse date, once renewed.
    pub async fn renew(&self, id: i32, expires_on: NaiveDate) -> Result<(), DbError> {
        let before = self.locked_renewal(id).await?;
        let (label, at) = (self.author.label.clone(), self.author.at);
        self.update_audited(before, |active: &mut renewal::ActiveModel| {
            active.expires_on = Set(expires_on);
            active.updated_by = Set(label);
            active.updated_at = Set(at);
        })
        .await?;
        Ok(())
    }

    /// Takes a renewal off its system (a licence no longer bought, a domain given up).
    pub async fn remove_renewal(&self, id: i32) -> Result<(), DbError> {
        let before = self.locked_renewal(id).await?;
        self.delete_audited::<renewal::ActiveModel>(before).await
    }

    async fn locked_renewal(&self, id: i32) -> Result<renewal::Model, DbError> {
        renewal::Entity::find_by_id(id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("renewal #{id}")))
    }
}
