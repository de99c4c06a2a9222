//! An office's software register: its systems in the order registered, some or one by their ids,
//! each added, corrected, and its source-code handover recorded.

use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use udbhabon_domain::register::software::{Handover, Software};

use crate::entity::software;
use crate::json::{from_json, to_json};
use crate::{Db, DbError, Tx};

/// A system as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SoftwareRow {
    pub id: i32,
    pub office_id: i32,
    pub software: Software,
    pub handover: Option<Handover>,
}

fn row(model: software::Model) -> Result<SoftwareRow, DbError> {
    Ok(SoftwareRow {
        software: from_json("software", model.id, &model.content)?,
        handover: model
            .handover
            .as_deref()
            .map(|text| from_json("software handover", model.id, text))
            .transpose()?,
        id: model.id,
        office_id: model.office_id,
    })
}

impl Db {
    /// An office's systems, in the order registered.
    pub async fn software_of(&self, office_id: i32) -> Result<Vec<SoftwareRow>, DbError> {
        software::Entity::find()
            .filter(software::Column::OfficeId.eq(office_id))
            .order_by_asc(software::Column::Id)
            .all(self.connection())
            .await?
            .into_iter()
            .map(row)
            .collect()
    }

    /// These systems, in the order registered.
    pub async fn software_by_ids(&self, ids: &[i32]) -> Result<Vec<SoftwareRow>, DbError> {
        software::Entity::find()
            .filter(software::Column::Id.is_in(ids.iter().copied()))
            .order_by_asc(software::Column::Id)
            .all(self.connection())
            .await?
            .into_iter()
            .map(row)
            .collect()
    }

    pub async fn software(&self, id: i32) -> Result<SoftwareRow, DbError> {
        software::Entity::find_by_id(id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("software #{id}")))
            .and_then(row)
    }
}

impl Tx {
    pub async fn insert_software(
        &self,
        office_id: i32,
        software: &Software,
    ) -> Result<i32, DbError> {
        let row = software::ActiveModel {
            office_id: Set(office_id),
            content: Set(to_json(software)?),
            handover: Set(None),
            updated_by: Set(self.author.label.clone()),
            updated_at: Set(self.author.at),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    /// Changes a system's details or its handover, whichever is given.
    pub async fn update_software(
        &self,
        id: i32,
        (software, handover): (Option<&Software>, Option<&Handover>),
    ) -> Result<(), DbError> {
        let before = software::Entity::find_by_id(id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("software #{id}")))?;
        let content = software.map(to_json).transpose()?;
        let handover = handover.map(to_json).transpose()?;
        let (label, at) = (self.author.label.clone(), self.author.at);
        self.update_audited(before, |active: &mut software::ActiveModel| {
            if let Some(content) = content {
                active.content = Set(content);
            }
            if let Some(handover) = handover {
                active.handover = Set(Some(handover));
            }
            active.updated_by = Set(label);
            active.updated_at = Set(at);
        })
        .await?;
        Ok(())
    }
}
