//! A person, who may or may not have an account.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "person")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub key: Option<String>,
    pub name_bn: String,
    pub name_en: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Both names folded for search (`udbhabon_domain::text::search_key`).
    pub search_key: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
