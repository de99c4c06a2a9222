//! A test or audit of a system in a software register, as JSON, with its certificate or report file.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "certification")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub software_id: i32,
    #[sea_orm(column_type = "Text")]
    pub content: String,
    pub file_id: Option<i32>,
    pub updated_by: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
