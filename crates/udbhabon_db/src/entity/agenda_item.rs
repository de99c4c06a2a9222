//! One item of a meeting's agenda: its title, who presents it, and what the minutes say was discussed.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "agenda_item")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub meeting_id: i32,
    pub position: i32,
    #[sea_orm(column_type = "Text")]
    pub title_bn: String,
    #[sea_orm(column_type = "Text")]
    pub title_en: String,
    pub presenter_post_id: Option<i32>,
    #[sea_orm(column_type = "Text")]
    pub discussion_bn: String,
    #[sea_orm(column_type = "Text")]
    pub discussion_en: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
