//! Installation settings kept in the database, such as which demo data has been loaded.

use sea_orm::sea_query::OnConflict;
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
        let row = setting::ActiveModel {
            key: Set(key.to_owned()),
            value: Set(value.to_owned()),
        };
        setting::Entity::insert(row)
            .on_conflict(
                OnConflict::column(setting::Column::Key)
                    .update_column(setting::Column::Value)
                    .to_owned(),
            )
            .exec(&self.transaction)
            .await?;
        Ok(())
    }
}
