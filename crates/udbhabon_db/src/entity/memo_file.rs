//! A memo file (নথি): its dotted file number, the office and unit it belongs to, its next letter serial and
//! the day it was closed.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "memo_file")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub office_id: i32,
    pub unit_id: Option<i32>,
    pub file_number: String,
    pub subject_bn: String,
    pub subject_en: String,
    pub next_letter: i32,
    pub closed_on: Option<Date>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
