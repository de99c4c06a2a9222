//! An office order being composed: its content as JSON, how many times it was saved, and the order it
//! became once issued.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "team_order_draft")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub team_id: i32,
    #[sea_orm(column_type = "Text")]
    pub content: String,
    pub version: i32,
    pub updated_by: String,
    pub updated_at: DateTimeUtc,
    pub issued_order_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
