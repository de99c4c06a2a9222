//! An office order constituting an innovation team; a later order supersedes it from its effective date.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "team_order")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub team_id: i32,
    pub issuing_unit_id: Option<i32>,
    pub memo_number: String,
    pub issued_on: Date,
    pub effective_from: Date,
    pub cites_memo: Option<String>,
    pub cites_date: Option<Date>,
    pub preamble_bn: String,
    pub preamble_en: String,
    pub terms_heading_bn: String,
    pub terms_heading_en: String,
    pub closing_bn: String,
    pub closing_en: String,
    pub signatory_person_id: i32,
    pub signatory_post_id: i32,
    pub signed_on: Date,
    pub endorsement: i32,
    pub copies_intro_bn: String,
    pub copies_intro_en: String,
    pub copies_list_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
