//! An office in the government tree; `path` lists its ancestors' ids ("/1/4/") so a subtree is one query.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "office")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub key: String,
    pub parent_id: Option<i32>,
    pub kind: String,
    pub name_bn: String,
    pub name_en: String,
    pub short_name_en: Option<String>,
    pub memo_code: Option<String>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub path: String,
    pub position: i32,
    /// The Bureau of Statistics code of the district a field office sits in.
    pub district_code: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
