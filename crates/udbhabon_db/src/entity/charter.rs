//! A version of an office's citizen charter: its text as JSON, its status and, once published, its
//! edition and dates.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "charter")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub office_id: i32,
    pub status: String,
    #[sea_orm(column_type = "Text")]
    pub content: String,
    pub updated_by: String,
    pub updated_at: DateTimeUtc,
    pub submitted_by: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub return_note: String,
    pub edition: Option<i32>,
    pub published_on: Option<Date>,
    pub published_at: Option<DateTimeUtc>,
    pub approved_by: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
