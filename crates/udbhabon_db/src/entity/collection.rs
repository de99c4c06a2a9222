//! A collection: what an office asks of offices and branches, how often, and by when.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "collection")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub key: String,
    pub office_id: i32,
    pub kind: String,
    #[sea_orm(column_type = "Text")]
    pub title_bn: String,
    #[sea_orm(column_type = "Text")]
    pub title_en: String,
    #[sea_orm(column_type = "Text")]
    pub instructions_bn: String,
    #[sea_orm(column_type = "Text")]
    pub instructions_en: String,
    pub recurrence: String,
    pub opens_on: Date,
    pub due_day: i32,
    pub due_on: Option<Date>,
    pub late_allowed: bool,
    pub evidence_required: bool,
    pub forward_days: Option<i32>,
    #[sea_orm(column_type = "Text", nullable)]
    pub fields: Option<String>,
    pub created_by: String,
    pub created_at: DateTimeUtc,
    pub closed_on: Option<Date>,
    #[sea_orm(column_type = "Text", nullable)]
    pub closed_reason: Option<String>,
    pub closed_by: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
