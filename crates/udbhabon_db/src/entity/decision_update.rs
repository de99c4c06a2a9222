//! One dated step in following a decision: a responsible body's report or the team's confirmation.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "decision_update")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub decision_id: i32,
    pub status: String,
    #[sea_orm(column_type = "Text")]
    pub note: String,
    pub office_id: Option<i32>,
    pub updated_by: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
