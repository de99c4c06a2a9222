//! A performance indicator of a plan template: its scoring set-up as JSON, its evidence and method.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "plan_indicator")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub activity_id: i32,
    pub template_id: i32,
    pub position: i32,
    pub number: String,
    pub title_bn: String,
    pub title_en: String,
    #[sea_orm(column_type = "Text")]
    pub rule: String,
    pub weight: f64,
    pub evidence_bn: String,
    pub evidence_en: String,
    pub method_bn: String,
    pub method_en: String,
    pub feed: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
