//! A participant's training certificate: its code, the day it was issued and what it certifies (JSON).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "training_certificate")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub training_id: i32,
    pub participant_id: i32,
    pub code: String,
    pub issued_on: Date,
    #[sea_orm(column_type = "Text")]
    pub content: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
