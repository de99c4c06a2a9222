//! A training an office holds: its fiscal year and first day, the planned course it delivers, and the
//! rest (title, topic, trainers, sessions) as JSON.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "training")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub office_id: i32,
    pub fiscal_year: i32,
    pub starts_on: Date,
    pub course_id: Option<i32>,
    #[sea_orm(column_type = "Text")]
    pub content: String,
    pub updated_by: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
