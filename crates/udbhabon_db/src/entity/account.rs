//! A person's account: the sign-in email, the password hash (never serialized), failures and lock, and
//! how its mail is sent.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "account")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub person_id: i32,
    pub email: String,
    #[serde(skip_serializing)]
    pub password_hash: String,
    pub failed_logins: i32,
    pub locked_until: Option<DateTimeUtc>,
    pub active: bool,
    pub created_at: DateTimeUtc,
    pub password_changed_at: DateTimeUtc,
    /// The SHA-256 of the account's calendar-feed token, kept out of the audit trail like the password.
    #[serde(skip_serializing)]
    pub calendar_token_hash: Option<String>,
    /// The language the account's mail is written in ("bn", "en").
    pub mail_lang: String,
    /// Whether hand-offs are gathered into one mail a day instead of mailed as they come.
    pub mail_digest: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
