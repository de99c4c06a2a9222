//! The officers offices name for the duties the team coordinates: read for one office or many, in the
//! order of their roles, named or replaced one role at a time, and taken off.

use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::register::officer::{Officer, OfficerRole};

use crate::entity::duty_officer;
use crate::{Db, DbError, Tx};

fn officer(model: &duty_officer::Model) -> Result<Officer, DbError> {
    let role = OfficerRole::from_code(&model.role)
        .map_err(|error| DbError::Other(format!("officer #{}: {error}", model.id)))?;
    Ok(Officer {
        role,
        post_id: model.post_id,
    })
}

fn role_order(officer: &Officer) -> Option<usize> {
    OfficerRole::ALL
        .iter()
        .position(|role| *role == officer.role)
}

impl Db {
    /// An office's officers of every duty, in the order of the roles.
    pub async fn officers(&self, office_id: i32) -> Result<Vec<Officer>, DbError> {
        let models = duty_officer::Entity::find()
            .filter(duty_officer::Column::OfficeId.eq(office_id))
            .all(self.connection())
            .await?;
        let mut officers = models.iter().map(officer).collect::<Result<Vec<_>, _>>()?;
        officers.sort_by_key(role_order);
        Ok(officers)
    }

    /// Who holds one role at each of `office_ids`, by office (a page of the teams directory).
    pub async fn officers_in_role(
        &self,
        office_ids: &[i32],
        role: OfficerRole,
    ) -> Result<Vec<(i32, Officer)>, DbError> {
        if office_ids.is_empty() {
            return Ok(Vec::new());
        }
        let models = duty_officer::Entity::find()
            .filter(duty_officer::Column::OfficeId.is_in(office_ids.iter().copied()))
            .filter(duty_officer::Column::Role.eq(role.code()))
            .order_by_asc(duty_officer::Column::OfficeId)
            .all(self.connection())
            .await?;
        models
            .iter()
            .map(|model| Ok((model.office_id, officer(model)?)))
            .collect()
    }
}

impl Tx {
    /// Names the post that holds a role at an office, replacing the one named before.
    pub async fn set_officer(&self, office_id: i32, officer: Officer) -> Result<(), DbError> {
        let before = duty_officer::Entity::find()
            .filter(duty_officer::Column::OfficeId.eq(office_id))
            .filter(duty_officer::Column::Role.eq(officer.role.code()))
            .lock_exclusive()
            .one(&self.transaction)
            .await?;
        let (label, at) = (self.author.label.clone(), self.author.at);
        match before {
            Some(before) => {
                self.update_audited(before, |active: &mut duty_officer::ActiveModel| {
                    active.post_id = Set(officer.post_id);
                    active.updated_by = Set(label);
                    active.updated_at = Set(at);
                })
                .await?;
            }
            None => {
                self.insert_audited(duty_officer::ActiveModel {
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
    pub async fn remove_officer(&self, office_id: i32, role: OfficerRole) -> Result<(), DbError> {
        let before = duty_officer::Entity::find()
            .filter(duty_officer::Column::OfficeId.eq(office_id))
            .filter(duty_officer::Column::Role.eq(role.code()))
            .lock_exclusive()
            .one(&self.transaction)
            .await?;
        match before {
            Some(before) => {
                self.delete_audited::<duty_officer::ActiveModel>(before)
                    .await
            }
            None => Ok(()),
        }
    }
}
