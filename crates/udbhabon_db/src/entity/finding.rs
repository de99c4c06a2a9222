//! A finding of a test or audit, as JSON, with the day it is to be fixed by and its closure.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "finding")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub certification_id: i32,
    pub office_id: i32,
    #[sea_orm(column_type = "Text")]
    pub content: String,
    pub due_on: Date,
    #[sea_orm(column_type = "Text", nullable)]
    pub closure: Option<String>,
    pub updated_by: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
