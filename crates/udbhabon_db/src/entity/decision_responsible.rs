//! A body responsible for carrying out a decision, as the minutes' third column names it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "decision_responsible")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub decision_id: i32,
    pub position: i32,
    pub kind: String,
    pub team_id: Option<i32>,
    pub unit_id: Option<i32>,
    pub office_id: Option<i32>,
    pub label_bn: String,
    pub label_en: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
