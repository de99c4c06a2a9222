//! The money spent on a budget line in one month.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "budget_spending")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub line_id: i32,
    /// The month's first day.
    pub month: Date,
    pub amount: i64,
    pub updated_by: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
