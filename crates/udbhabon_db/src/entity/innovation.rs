//! An innovative idea, simplified service or digitized service of an office.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "innovation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub office_id: i32,
    pub kind: String,
    pub stage: String,
    #[sea_orm(column_type = "Text")]
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub title_en: String,
    #[sea_orm(column_type = "Text")]
    pub service: String,
    #[sea_orm(column_type = "Text")]
    pub problem: String,
    #[sea_orm(column_type = "Text")]
    pub root_cause: String,
    #[sea_orm(column_type = "Text")]
    pub solution: String,
    pub started_on: Option<Date>,
    pub completed_on: Option<Date>,
    #[sea_orm(column_type = "Text", nullable)]
    pub service_link: Option<String>,
    pub channel: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub links: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub tcv: Option<String>,
    pub created_by: String,
    pub created_at: DateTimeUtc,
    pub replicates_id: Option<i32>,
    pub showcased_at: Option<DateTimeUtc>,
    pub showcased_by: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
