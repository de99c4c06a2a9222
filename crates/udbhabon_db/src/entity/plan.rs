//! An office's plan for a year from a template: its status, version and current score.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "plan")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub template_id: i32,
    pub office_id: i32,
    pub status: String,
    pub version: i32,
    pub score: Option<f64>,
    pub self_score: Option<f64>,
    pub approved_meeting_id: Option<i32>,
    pub approved_on: Option<Date>,
    pub updated_by: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
