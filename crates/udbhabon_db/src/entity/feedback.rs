//! A citizen's idea or feedback sent to an office, and the office's answer.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "feedback")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub office_id: i32,
    pub code_hash: String,
    pub kind: String,
    pub service: String,
    #[sea_orm(column_type = "Text")]
    pub message: String,
    pub name: String,
    pub contact: String,
    pub lang: String,
    pub received_at: DateTimeUtc,
    #[sea_orm(column_type = "Text")]
    pub answer: String,
    pub answered_by: Option<String>,
    pub answered_at: Option<DateTimeUtc>,
    pub published: bool,
    pub innovation_id: Option<i32>,
    /// The photo or PDF sent with the message (an evidence file).
    pub attachment_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
