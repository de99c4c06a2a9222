//! A called meeting's postponement or cancellation, with its numbered notice.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "meeting_change")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub meeting_id: i32,
    pub kind: String,
    #[sea_orm(column_type = "Text")]
    pub reason: String,
    pub memo: String,
    pub issued_on: Date,
    pub from_held_on: Date,
    pub from_starts_at: Option<Time>,
    pub to_held_on: Option<Date>,
    pub to_starts_at: Option<Time>,
    pub issued_by: String,
    pub issued_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
