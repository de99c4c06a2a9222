//! A decision in a meeting's minutes, numbered paragraph.item, with its deadline.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "decision")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub meeting_id: i32,
    pub paragraph: i32,
    pub item: i32,
    pub text_bn: String,
    pub text_en: String,
    pub deadline_on: Option<Date>,
    pub recurrence: Option<String>,
    pub day_of_month: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
