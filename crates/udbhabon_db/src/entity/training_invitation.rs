//! A training's invitation as issued: its memo number, day and signer.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "training_invitation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub training_id: i32,
    pub memo: String,
    pub issued_on: Date,
    pub signer_person_id: i32,
    pub signer_post_id: Option<i32>,
    pub issued_by: String,
    pub issued_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
