//! Installation settings kept in the database, such as which demo data has been loaded.

use sea_orm::{ActiveValue::Set, EntityTrait};

use crate::entity::setting;
use crate::{Db, DbError, Tx};

impl Db {
    pub async fn setting(&self, key: &str) -> Result<Option<String>, DbError> {
        Ok(setting::Entity::find_by_id(key.to_owned())
            .one(self.connection())
            .await?
            .map(|model| model.value))
    }
}

impl Tx {
    /// Sets a setting, replacing any earlier value.
    pub async fn set_setting(&self, key: &str, value: &str) -> Result<(), DbError> {
        match setting::Entity::find_by_id(key.to_owned())
            .one(&self.transaction)
            .await?
        {
            Some(before) => {
                self.update_audited(before, |row: &mut setting::ActiveModel| {
                    row.value = Set(value.to_owned())
                })
                .await?;
            }
            None => {
                self.insert_audited(setting::ActiveModel {
                    key: Set(key.to_owned()),
                    value: Set(value.to_owned()),
                })
                .await?;
            }
        }
        Ok(())
    }
}
