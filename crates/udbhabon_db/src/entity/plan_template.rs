//! A year's template of an annual plan: its kind, title, total marks and calendar.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "plan_template")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub key: String,
    pub kind: String,
    pub fiscal_year: i32,
    pub title_bn: String,
    pub title_en: String,
    pub total_marks: f64,
    pub q1_due: Date,
    pub q2_due: Date,
    pub q3_due: Date,
    pub q4_due: Date,
    pub mid_year_review_due: Date,
    pub self_assessment_due: Date,
    pub copied_from_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
