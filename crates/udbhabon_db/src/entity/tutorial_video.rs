//! A tutorial's uploaded video and its subtitle track, both kept as files.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "tutorial_video")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tutorial_id: i32,
    pub video_file_id: i32,
    pub subtitles_file_id: Option<i32>,
    pub updated_by: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
