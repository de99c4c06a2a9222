//! One indicator of a self-assessment: the half-year's achievement, whether evidence came with it, and
//! the office's and the reviewer's marks.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "assessment_line")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub assessment_id: i32,
    pub indicator_id: i32,
    #[sea_orm(column_type = "Text", nullable)]
    pub achieved: Option<String>,
    pub evidence: bool,
    pub self_marks: f64,
    pub reviewed_marks: Option<f64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
