//! An office's RTI officers: read in the order of their roles, named or replaced one role at a time,
//! and taken off.

use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::register::rti::officer::{RtiOfficer, RtiOfficerRole};

use crate::entity::rti_officer;
use crate::{Db, DbError, Tx};

impl Db {
    /// An office's RTI officers, in the order of the roles.
    pub async fn rti_officers(&self, office_id: i32) -> Result<Vec<RtiOfficer>, DbError> {
        let models = rti_officer::Entity::find()
            .filter(rti_officer::Column::OfficeId.eq(office_id))
            .order_by_asc(rti_officer::Column::Id)
            .all(self.connection())
            .await?;
        let mut officers = models
            .into_iter()
            .map(|model| {
                let role = RtiOfficerRole::from_code(&model.role).map_err(|error| {
                    DbError::Other(format!("rti officer #{}: {error}", model.id))
                })?;
                Ok(RtiOfficer {
                    role,
                    post_id: model.post_id,
                })
            })
            .collect::<Result<Vec<_>, DbError>>()?;
        officers.sort_by_key(|officer| {
            RtiOfficerRole::ALL
                .iter()
                .position(|role| *role == officer.role)
        });
        Ok(officers)
    }
}

impl Tx {
    /// Names the post that holds a role at an office, replacing the one named before.
    pub async fn set_rti_officer(
        &self,
        office_id: i32,
        officer: RtiOfficer,
    ) -> Result<(), DbError> {
        let before = rti_officer::Entity::find()
            .filter(rti_officer::Column::OfficeId.eq(office_id))
            .filter(rti_officer::Column::Role.eq(officer.role.code()))
            .lock_exclusive()
            .one(&self.transaction)
            .await?;
        let (label, at) = (self.author.label.clone(), self.author.at);
        match before {
            Some(before) => {
                self.update_audited(before, |active: &mut rti_officer::ActiveModel| {
                    active.post_id = Set(officer.post_id);
                    active.updated_by = Set(label);
                    active.updated_at = Set(at);
                })
                .await?;
            }
            None => {
                self.insert_audited(rti_officer::ActiveModel {
                    office_id: Set(office_id),
                    role: Set(officer.role.code().to_owned()),
                    post_id: Set(officer.post_id),
                    updated_by: Set(label),
                    updated_at: Set(at),
                    ..Default::default()
                })
                .await?;
            }
        }
        Ok(())
    }

    /// Takes a role off an office; nothing happens when no post holds it.
    pub async fn remove_rti_officer(
        &self,
        office_id: i32,
        role: RtiOfficerRole,
    ) -> Result<(), DbError> {
        let before = rti_officer::Entity::find()
            .filter(rti_officer::Column::OfficeId.eq(office_id))
            .filter(rti_officer::Column::Role.eq(role.code()))
            .lock_exclusive()
            .one(&self.transaction)
            .await?;
        match before {
            Some(before) => {
                self.delete_audited::<rti_officer::ActiveModel>(before)
                    .await
            }
            None => Ok(()),
        }
    }
}
