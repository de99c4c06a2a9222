//! A meeting: when and where, who chaired, its invitation notice, and the minutes' paragraphs and memo
//! number.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "meeting")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub key: String,
    pub office_id: i32,
    pub team_id: Option<i32>,
    pub kind: String,
    pub plan_fiscal_year: Option<i32>,
    pub sequence: Option<i32>,
    pub title_bn: String,
    pub title_en: String,
    pub held_on: Date,
    pub starts_at: Option<Time>,
    pub place_bn: String,
    pub place_en: String,
    pub chair_person_id: Option<i32>,
    pub chair_designation_id: Option<i32>,
    pub member_secretary_person_id: Option<i32>,
    pub member_secretary_post_id: Option<i32>,
    pub opening_bn: String,
    pub opening_en: String,
    pub closing_bn: String,
    pub closing_en: String,
    pub memo_number: Option<String>,
    pub issued_on: Option<Date>,
    pub issuer_person_id: Option<i32>,
    pub issuer_post_id: Option<i32>,
    pub distribution_list_id: Option<i32>,
    pub online_link: String,
    pub notice_memo: Option<String>,
    pub notice_sent_on: Option<Date>,
    pub minutes_stage: Option<String>,
    pub circulated_on: Option<Date>,
    pub approved_on: Option<Date>,
    pub approved_by: Option<String>,
    pub cancelled_on: Option<Date>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
