//! An ICT budget line of an office: a fiscal year's allocation under an economic code.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "budget_line")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub office_id: i32,
    /// The calendar year its fiscal year starts in.
    pub fiscal_year: i32,
    pub kind: String,
    pub code: String,
    pub head_bn: String,
    pub head_en: String,
    pub allocation: i64,
    pub revised: Option<i64>,
    pub updated_by: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
