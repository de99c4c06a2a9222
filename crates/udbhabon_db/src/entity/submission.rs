//! One version of a respondent's submission for a period, and how the asking office took it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "submission")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub period_id: i32,
    pub respondent_id: i32,
    pub version: i32,
    #[sea_orm(column_type = "Text", nullable)]
    pub counts: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub note: String,
    pub late: bool,
    pub status: String,
    pub submitted_by: String,
    pub submitted_at: DateTimeUtc,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text", nullable)]
    pub review_comment: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub answers: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
