//! An office's own targets for one indicator of its plan, and its two previous years' achievements.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "plan_target")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub plan_id: i32,
    pub indicator_id: i32,
    #[sea_orm(column_type = "Text", nullable)]
    pub targets: Option<String>,
    pub previous_year: String,
    pub year_before: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
