//! An office's proactive-disclosure list: read in the order entered, added to, corrected and shortened.

use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use udbhabon_domain::register::rti::disclosure::Disclosure;

use crate::entity::rti_disclosure;
use crate::json::{from_json, to_json};
use crate::{Db, DbError, Tx};

/// An entry as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisclosureRow {
    pub id: i32,
    pub office_id: i32,
    pub disclosure: Disclosure,
}

impl Db {
    /// An office's list, in the order entered.
    pub async fn disclosures(&self, office_id: i32) -> Result<Vec<DisclosureRow>, DbError> {
        rti_disclosure::Entity::find()
            .filter(rti_disclosure::Column::OfficeId.eq(office_id))
            .order_by_asc(rti_disclosure::Column::Id)
            .all(self.connection())
            .await?
            .into_iter()
            .map(|model| {
                Ok(DisclosureRow {
                    disclosure: from_json("rti disclosure", model.id, &model.content)?,
                    id: model.id,
                    office_id: model.office_id,
                })
            })
            .collect()
    }
}

impl Tx {
    pub async fn insert_disclosure(
        &self,
        office_id: i32,
        disclosure: &Disclosure,
    ) -> Result<i32, DbError> {
        let row = rti_disclosure::ActiveModel {
            office_id: Set(office_id),
            content: Set(to_json(disclosure)?),
            updated_by: Set(self.author.label.clone()),
            updated_at: Set(self.author.at),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    /// The entry `id` of the office, locked.
    async fn locked_disclosure(
        &self,
        office_id: i32,
        id: i32,
    ) -> Result<rti_disclosure::Model, DbError> {
        rti_disclosure::Entity::find_by_id(id)
            .filter(rti_disclosure::Column::OfficeId.eq(office_id))
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("rti disclosure #{id}")))
    }

    pub async fn update_disclosure(
        &self,
        office_id: i32,
        id: i32,
        disclosure: &Disclosure,
    ) -> Result<(), DbError> {
        let before = self.locked_disclosure(office_id, id).await?;
        let content = to_json(disclosure)?;
        let (label, at) = (self.author.label.clone(), self.author.at);
        self.update_audited(before, |active: &mut rti_disclosure::ActiveModel| {
            active.content = Set(content);
            active.updated_by = Set(label);
            active.updated_at = Set(at);
        })
        .await?;
        Ok(())
    }

    pub async fn delete_disclosure(&self, office_id: i32, id: i32) -> Result<(), DbError> {
        let before = self.locked_disclosure(office_id, id).await?;
        self.delete_audited::<rti_disclosure::ActiveModel>(before)
            .await
    }
}
