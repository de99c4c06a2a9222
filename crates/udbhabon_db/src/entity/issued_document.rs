//! A document as issued: its bytes and SHA-256, never changed. The audit trail records the hash and
//! size, not the bytes.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "issued_document")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub kind: String,
    pub record_id: i32,
    pub lang: String,
    pub media_type: String,
    pub sha256: String,
    pub size: i32,
    #[serde(skip)]
    pub bytes: Vec<u8>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
