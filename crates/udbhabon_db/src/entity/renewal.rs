//! A renewal a system of a software register needs: what, and the day it lapses.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "renewal")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub software_id: i32,
    pub office_id: i32,
    pub kind: String,
    pub subject: String,
    pub expires_on: Date,
    pub remind_days: i32,
    pub updated_by: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
