//! A person's finishing of a tutorial: the office they finished it from, the day, and the minutes it
//! counted then.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "tutorial_completion")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub tutorial_id: i32,
    pub person_id: i32,
    pub office_id: i32,
    pub completed_on: Date,
    pub minutes: i32,
    pub updated_by: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
