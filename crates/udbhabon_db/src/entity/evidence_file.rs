//! An evidence file, stored once by its SHA-256 (the bytes are in the file store under that name).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "evidence_file")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub sha256: String,
    pub media_type: String,
    pub size: i64,
    #[sea_orm(column_type = "Text")]
    pub name: String,
    pub uploaded_by: String,
    pub uploaded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
