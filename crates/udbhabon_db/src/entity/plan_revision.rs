//! A version of an approved plan kept when it was opened for revision: the reason and its targets then.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "plan_revision")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub plan_id: i32,
    /// The version that was superseded.
    pub version: i32,
    #[sea_orm(column_type = "Text")]
    pub reason: String,
    /// The office's targets of that version, as JSON: [{indicator_id, targets, previous_year, year_before}].
    #[sea_orm(column_type = "Text")]
    pub targets: String,
    pub approved_on: Option<Date>,
    pub revised_by: String,
    pub revised_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
