//! One recipient line of a distribution list, printed as stored.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "distribution_entry")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub list_id: i32,
    pub position: i32,
    pub text_bn: String,
    pub text_en: String,
    pub office_id: Option<i32>,
    pub post_id: Option<i32>,
    pub attention_bn: Option<String>,
    pub attention_en: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
