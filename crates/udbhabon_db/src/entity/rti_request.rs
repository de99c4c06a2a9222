//! An application in an office's RTI register, numbered in its fiscal year; what was asked, answered,
//! appealed and complained of, each as JSON.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "rti_request")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub office_id: i32,
    pub fiscal_year: i32,
    pub serial: i32,
    pub received_on: Date,
    #[sea_orm(column_type = "Text")]
    pub request: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub answer: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub appeal: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub complaint: Option<String>,
    pub updated_by: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
