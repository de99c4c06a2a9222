//! One line of the memo register: a memo number issued, when, by whom, for what.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "memo_register")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub memo_file_id: i32,
    pub letter: i32,
    pub endorsement: i32,
    pub copies: Option<i32>,
    pub memo_number: String,
    pub issued_on: Date,
    pub purpose_bn: String,
    pub purpose_en: String,
    pub issued_by: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
