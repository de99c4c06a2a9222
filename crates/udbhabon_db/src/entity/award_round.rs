//! A year's award round of an awarding office: the ranking as confirmed, the winners, the notice.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "award_round")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub office_id: i32,
    pub fiscal_year: i32,
    #[sea_orm(column_type = "Text")]
    pub rules: String,
    #[sea_orm(column_type = "Text")]
    pub ranking: String,
    pub agency_office_id: Option<i32>,
    #[sea_orm(column_type = "Text")]
    pub agency_reason: String,
    pub field_office_id: Option<i32>,
    #[sea_orm(column_type = "Text")]
    pub field_office_reason: String,
    pub confirmed_by_person_id: i32,
    pub confirmed_at: DateTimeUtc,
    pub memo_number: Option<String>,
    pub issued_on: Option<Date>,
    pub issuer_person_id: Option<i32>,
    pub issuer_post_id: Option<i32>,
    pub distribution_list_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
