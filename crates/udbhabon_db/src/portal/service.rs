//! The digital service list: an office's services offered online, added, corrected and taken off.

use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use udbhabon_domain::portal::service::DigitalService;

use crate::entity::digital_service;
use crate::{Db, DbError, Tx};

/// A service on an office's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigitalServiceRow {
    pub id: i32,
    pub office_id: i32,
    pub service: DigitalService,
}

impl TryFrom<digital_service::Model> for DigitalServiceRow {
    type Error = DbError;

    fn try_from(model: digital_service::Model) -> Result<Self, DbError> {
        Ok(Self {
            service: serde_json::from_str(&model.content).map_err(|error| {
                DbError::Other(format!(
                    "digital service #{} is unreadable: {error}",
                    model.id
                ))
            })?,
            id: model.id,
            office_id: model.office_id,
        })
    }
}

fn json(service: &DigitalService) -> Result<String, DbError> {
    serde_json::to_string(service)
        .map_err(|error| DbError::Other(format!("cannot store the service: {error}")))
}

impl Db {
    /// An office's digital services, in its order.
    pub async fn digital_services(
        &self,
        office_id: i32,
    ) -> Result<Vec<DigitalServiceRow>, DbError> {
        digital_service::Entity::find()
            .filter(digital_service::Column::OfficeId.eq(office_id))
            .order_by_asc(digital_service::Column::Position)
            .order_by_asc(digital_service::Column::Id)
            .all(self.connection())
            .await?
            .into_iter()
            .map(TryInto::try_into)
            .collect()
    }

    pub async fn digital_service(&self, id: i32) -> Result<DigitalServiceRow, DbError> {
        digital_service::Entity::find_by_id(id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("digital service #{id}")))?
            .try_into()
    }
}

impl Tx {
    /// Adds a service at the end of an office's list; returns its id.
    pub async fn insert_digital_service(
        &self,
        office_id: i32,
        service: &DigitalService,
    ) -> Result<i32, DbError> {
        let last: Option<Option<i32>> = digital_service::Entity::find()
            .select_only()
            .column_as(digital_service::Column::Position.max(), "position")
            .filter(digital_service::Column::OfficeId.eq(office_id))
            .into_tuple()
            .one(&self.transaction)
            .await?;
        let row = digital_service::ActiveModel {
            office_id: Set(office_id),
            position: Set(last.flatten().unwrap_or(0) + 1),
            content: Set(json(service)?),
            updated_by: Set(self.author.label.clone()),
            updated_at: Set(self.author.at),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    async fn locked_digital_service(&self, id: i32) -> Result<digital_service::Model, DbError> {
        digital_service::Entity::find_by_id(id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("digital service #{id}")))
    }

    pub async fn update_digital_service(
        &self,
        id: i32,
        service: &DigitalService,
    ) -> Result<(), DbError> {
        let before = self.locked_digital_service(id).await?;
        let content = json(service)?;
        let (label, at) = (self.author.label.clone(), self.author.at);
        self.update_audited(before, |active: &mut digital_service::ActiveModel| {
            active.content = Set(content);
            active.updated_by = Set(label);
            active.updated_at = Set(at);
        })
        .await?;
        Ok(())
    }

    /// Takes a service off the list; the audit trail keeps what it was.
    pub async fn delete_digital_service(&self, id: i32) -> Result<(), DbError> {
        let before = self.locked_digital_service(id).await?;
        self.delete_audited::<digital_service::ActiveModel>(before)
            .await
    }
}
