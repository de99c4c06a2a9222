//! One dated step in an innovation's life.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "innovation_step")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub innovation_id: i32,
    pub step: String,
    pub stage_after: String,
    #[sea_orm(column_type = "Text")]
    pub note: String,
    #[sea_orm(column_type = "Text")]
    pub place: String,
    pub from_on: Option<Date>,
    pub to_on: Option<Date>,
    #[sea_orm(column_type = "Text")]
    pub links: String,
    pub taken_by: String,
    pub taken_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
