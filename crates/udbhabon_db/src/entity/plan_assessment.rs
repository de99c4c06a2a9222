//! A plan's half-yearly self-assessment and its mid-year review by the office above.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "plan_assessment")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub plan_id: i32,
    pub status: String,
    pub self_score: f64,
    pub submitted_by: String,
    pub submitted_at: DateTimeUtc,
    pub on_time: bool,
    pub reviewed_score: Option<f64>,
    #[sea_orm(column_type = "Text")]
    pub feedback: String,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<DateTimeUtc>,
    pub review_on_time: Option<bool>,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
