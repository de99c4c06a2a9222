//! Accounts, their server-side sessions, role grants and password-reset links.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
};
use udbhabon_domain::account::access::Role;
use udbhabon_domain::{Bilingual, Lang, Vocabulary};

pub mod notification;

use crate::entity::{account, office, password_reset, role_grant, session};
use crate::{Db, DbError, Tx};

/// An account, without its password hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountRow {
    pub id: i32,
    pub person_id: i32,
    pub email: String,
    pub active: bool,
    pub failed_logins: u32,
    pub locked_until: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub password_changed_at: DateTime<Utc>,
    /// The language the account's mail is written in.
    pub mail_lang: Lang,
    /// Whether hand-offs are gathered into one mail a day.
    pub mail_digest: bool,
}

/// A role granted on an office, with the office's ancestor path for subtree checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantRow {
    pub id: i32,
    pub account_id: i32,
    pub role: Role,
    pub office_id: i32,
    /// The office's stored ancestor path ("/1/4/").
    pub office_path: String,
    pub office_key: String,
    pub office_name: Bilingual,
}

/// A live session's stored state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    pub account_id: i32,
    pub csrf_token: String,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
}

/// A session to store; the token itself never reaches the database, only its hash.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub token_hash: String,
    pub account_id: i32,
    pub csrf_token: String,
    pub at: DateTime<Utc>,
    pub user_agent: Option<String>,
    pub address: Option<String>,
}

impl From<account::Model> for AccountRow {
    fn from(model: account::Model) -> Self {
        Self {
            id: model.id,
            person_id: model.person_id,
            email: model.email,
            active: model.active,
            failed_logins: u32::try_from(model.failed_logins).unwrap_or(0),
            locked_until: model.locked_until,
            created_at: model.created_at,
            password_changed_at: model.password_changed_at,
            // An unknown tag cannot be stored through the application; Bengali is the default.
            mail_lang: Lang::from_tag(&model.mail_lang).unwrap_or(Lang::Bn),
            mail_digest: model.mail_digest,
        }
    }
}

async fn account_model(db: &Db, id: i32) -> Result<account::Model, DbError> {
    account::Entity::find_by_id(id)
        .one(db.connection())
        .await?
        .ok_or_else(|| DbError::NotFound(format!("account #{id}")))
}

impl Db {
    /// The account signing in with `email` (already normalized), with its password hash.
    pub async fn account_credentials(
        &self,
        email: &str,
    ) -> Result<Option<(AccountRow, String)>, DbError> {
        let model = account::Entity::find()
            .filter(account::Column::Email.eq(email))
            .one(self.connection())
            .await?;
        Ok(model.map(|model| {
            let hash = model.password_hash.clone();
            (model.into(), hash)
        }))
    }

    pub async fn account(&self, id: i32) -> Result<AccountRow, DbError> {
        Ok(account_model(self, id).await?.into())
    }

    /// The password hash of an account, for re-checking the current password.
    pub async fn password_hash(&self, account_id: i32) -> Result<String, DbError> {
        Ok(account_model(self, account_id).await?.password_hash)
    }

    /// The account of a person, if the person has one.
    pub async fn account_of_person(&self, person_id: i32) -> Result<Option<AccountRow>, DbError> {
        let model = account::Entity::find()
            .filter(account::Column::PersonId.eq(person_id))
            .one(self.connection())
            .await?;
        Ok(model.map(Into::into))
    }

    /// Every account, by email.
    pub async fn accounts(&self) -> Result<Vec<AccountRow>, DbError> {
        let models = account::Entity::find()
            .order_by_asc(account::Column::Email)
            .all(self.connection())
            .await?;
        Ok(models.into_iter().map(Into::into).collect())
    }

    /// The accounts with these emails (the label records carry of who changed them).
    pub async fn accounts_by_email(&self, emails: &[&str]) -> Result<Vec<AccountRow>, DbError> {
        let models = account::Entity::find()
            .filter(account::Column::Email.is_in(emails.iter().copied()))
            .all(self.connection())
            .await?;
        Ok(models.into_iter().map(Into::into).collect())
    }

    /// The accounts of these people.
    pub async fn accounts_of_people(&self, person_ids: &[i32]) -> Result<Vec<AccountRow>, DbError> {
        let models = account::Entity::find()
            .filter(account::Column::PersonId.is_in(person_ids.iter().copied()))
            .all(self.connection())
            .await?;
        Ok(models.into_iter().map(Into::into).collect())
    }

    /// Records a wrong password: the new failure count and the lock, if it now applies. Security
    /// bookkeeping, not a change to an official record, so it is logged rather than audited.
    pub async fn record_login_failure(
        &self,
        account_id: i32,
        failures: u32,
        locked_until: Option<DateTime<Utc>>,
    ) -> Result<(), DbError> {
        self.set_login_failures(
            account_id,
            i32::try_from(failures).unwrap_or(i32::MAX),
            locked_until,
        )
        .await
    }

    /// Clears the failure count after a good password.
    pub async fn clear_login_failures(&self, account_id: i32) -> Result<(), DbError> {
        self.set_login_failures(account_id, 0, None).await
    }

    /// Sets an account's failure count and lock with a plain UPDATE. An UPDATE … RETURNING on a pooled
    /// SQLite connection was seen to return a column added by a later migration (`mail_lang`) as NULL
    /// now and then; nothing here needs the row back.
    async fn set_login_failures(
        &self,
        account_id: i32,
        failures: i32,
        locked_until: Option<DateTime<Utc>>,
    ) -> Result<(), DbError> {
        let updated = account::Entity::update_many()
            .col_expr(account::Column::FailedLogins, Expr::value(failures))
            .col_expr(account::Column::LockedUntil, Expr::value(locked_until))
            .filter(account::Column::Id.eq(account_id))
            .exec(self.connection())
            .await?;
        if updated.rows_affected == 0 {
            return Err(DbError::NotFound(format!("account #{account_id}")));
        }
        Ok(())
    }

    /// The roles an account holds, with each office's path (two queries).
    pub async fn grants_of(&self, account_id: i32) -> Result<Vec<GrantRow>, DbError> {
        let grants = role_grant::Entity::find()
            .filter(role_grant::Column::AccountId.eq(account_id))
            .order_by_asc(role_grant::Column::Id)
            .all(self.connection())
            .await?;
        let offices: std::collections::HashMap<i32, office::Model> = office::Entity::find()
            .filter(office::Column::Id.is_in(grants.iter().map(|grant| grant.office_id)))
            .all(self.connection())
            .await?
            .into_iter()
            .map(|office| (office.id, office))
            .collect();
        grants
            .into_iter()
            .map(|grant| {
                let office = offices.get(&grant.office_id).ok_or_else(|| {
                    DbError::Other(format!("role grant #{} names no office", grant.id))
                })?;
                Ok(GrantRow {
                    id: grant.id,
                    account_id: grant.account_id,
                    role: Role::from_code(&grant.role)?,
                    office_path: office.path.clone(),
                    office_key: office.key.clone(),
                    office_name: Bilingual::new(&office.name_bn, &office.name_en),
                    office_id: grant.office_id,
                })
            })
            .collect()
    }

    /// Whether any account holds the system administrator's role.
    pub async fn has_administrator(&self) -> Result<bool, DbError> {
        Ok(role_grant::Entity::find()
            .filter(role_grant::Column::Role.eq(Role::SystemAdministrator.code()))
            .one(self.connection())
            .await?
            .is_some())
    }

    /// The account a grant belongs to.
    pub async fn account_of_grant(&self, grant_id: i32) -> Result<i32, DbError> {
        Ok(role_grant::Entity::find_by_id(grant_id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("role grant #{grant_id}")))?
            .account_id)
    }

    /// Stores a new session.
    pub async fn create_session(&self, new: NewSession) -> Result<(), DbError> {
        session::ActiveModel {
            token_hash: Set(new.token_hash),
            account_id: Set(new.account_id),
            csrf_token: Set(new.csrf_token),
            created_at: Set(new.at),
            last_seen_at: Set(new.at),
            user_agent: Set(new.user_agent),
            address: Set(new.address),
        }
        .insert(self.connection())
        .await?;
        Ok(())
    }

    pub async fn session(&self, token_hash: &str) -> Result<Option<SessionRow>, DbError> {
        let model = session::Entity::find_by_id(token_hash.to_owned())
            .one(self.connection())
            .await?;
        Ok(model.map(|model| SessionRow {
            account_id: model.account_id,
            csrf_token: model.csrf_token,
            created_at: model.created_at,
            last_seen_at: model.last_seen_at,
        }))
    }

    /// Marks a session as used at `at` (for the idle timeout).
    pub async fn touch_session(&self, token_hash: &str, at: DateTime<Utc>) -> Result<(), DbError> {
        session::Entity::update_many()
            .col_expr(session::Column::LastSeenAt, Expr::value(at))
            .filter(session::Column::TokenHash.eq(token_hash))
            .exec(self.connection())
            .await?;
        Ok(())
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<(), DbError> {
        session::Entity::delete_by_id(token_hash.to_owned())
            .exec(self.connection())
            .await?;
        Ok(())
    }

    /// Ends every session of an account ("sign out everywhere", or after a password change); returns how many.
    pub async fn delete_sessions_of(&self, account_id: i32) -> Result<u64, DbError> {
        let result = session::Entity::delete_many()
            .filter(session::Column::AccountId.eq(account_id))
            .exec(self.connection())
            .await?;
        Ok(result.rows_affected)
    }

    /// Ends every session of an account but one (after a password change made in that one).
    pub async fn delete_other_sessions(
        &self,
        account_id: i32,
        keep_token_hash: &str,
    ) -> Result<u64, DbError> {
        let result = session::Entity::delete_many()
            .filter(session::Column::AccountId.eq(account_id))
            .filter(session::Column::TokenHash.ne(keep_token_hash))
            .exec(self.connection())
            .await?;
        Ok(result.rows_affected)
    }

    /// Stores a password-reset link's token hash; the account's earlier links stop working, so only
    /// the newest link sent is ever usable.
    pub async fn create_password_reset(
        &self,
        token_hash: &str,
        account_id: i32,
        at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<(), DbError> {
        password_reset::Entity::update_many()
            .col_expr(password_reset::Column::UsedAt, Expr::value(at))
            .filter(password_reset::Column::AccountId.eq(account_id))
            .filter(password_reset::Column::UsedAt.is_null())
            .exec(self.connection())
            .await?;
        password_reset::ActiveModel {
            token_hash: Set(token_hash.to_owned()),
            account_id: Set(account_id),
            created_at: Set(at),
            expires_at: Set(expires_at),
            used_at: Set(None),
        }
        .insert(self.connection())
        .await?;
        Ok(())
    }

    /// The account a reset link is for, if the link exists, is unused and has not expired at `at`.
    pub async fn valid_password_reset(
        &self,
        token_hash: &str,
        at: DateTime<Utc>,
    ) -> Result<Option<i32>, DbError> {
        let model = password_reset::Entity::find_by_id(token_hash.to_owned())
            .one(self.connection())
            .await?;
        Ok(model
            .filter(|reset| reset.used_at.is_none() && at < reset.expires_at)
            .map(|reset| reset.account_id))
    }
}

/// A new account to insert.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub person_id: i32,
    pub email: String,
    pub password_hash: String,
    pub at: DateTime<Utc>,
}

impl Tx {
    pub async fn insert_account(&self, new: NewAccount) -> Result<i32, DbError> {
        let row = account::ActiveModel {
            person_id: Set(new.person_id),
            email: Set(new.email),
            password_hash: Set(new.password_hash),
            failed_logins: Set(0),
            locked_until: Set(None),
            active: Set(true),
            created_at: Set(new.at),
            password_changed_at: Set(new.at),
            mail_lang: Set(Lang::Bn.tag().to_owned()),
            mail_digest: Set(false),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    /// Replaces an account's password hash (the audit entry records when, never the hash).
    pub async fn set_password_hash(
        &self,
        account_id: i32,
        password_hash: String,
    ) -> Result<(), DbError> {
        let before = self.account_model(account_id).await?;
        let at = self.author.at;
        self.update_audited(before, |row: &mut account::ActiveModel| {
            row.password_hash = Set(password_hash);
            row.password_changed_at = Set(at);
            row.failed_logins = Set(0);
            row.locked_until = Set(None);
        })
        .await?;
        Ok(())
    }

    /// An account as it stands in this transaction, to update.
    async fn account_model(&self, account_id: i32) -> Result<account::Model, DbError> {
        account::Entity::find_by_id(account_id)
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("account #{account_id}")))
    }

    /// How an account's mail is sent: in which language, and whether hand-offs come as one digest a day.
    pub async fn set_mail_preference(
        &self,
        account_id: i32,
        lang: Lang,
        digest: bool,
    ) -> Result<(), DbError> {
        let before = self.account_model(account_id).await?;
        self.update_audited(before, |row: &mut account::ActiveModel| {
            row.mail_lang = Set(lang.tag().to_owned());
            row.mail_digest = Set(digest);
        })
        .await?;
        Ok(())
    }

    /// Grants `role` on an office to an account; granting what it already holds changes nothing.
    pub async fn grant_role(
        &self,
        account_id: i32,
        role: Role,
        office_id: i32,
    ) -> Result<i32, DbError> {
        let existing = role_grant::Entity::find()
            .filter(role_grant::Column::AccountId.eq(account_id))
            .filter(role_grant::Column::Role.eq(role.code()))
            .filter(role_grant::Column::OfficeId.eq(office_id))
            .one(&self.transaction)
            .await?;
        if let Some(grant) = existing {
            return Ok(grant.id);
        }
        let row = role_grant::ActiveModel {
            account_id: Set(account_id),
            role: Set(role.code().to_owned()),
            office_id: Set(office_id),
            granted_at: Set(self.author.at),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    /// Withdraws a grant.
    pub async fn revoke_grant(&self, grant_id: i32) -> Result<(), DbError> {
        let grant = role_grant::Entity::find_by_id(grant_id)
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("role grant #{grant_id}")))?;
        self.delete_audited::<role_grant::ActiveModel>(grant).await
    }

    /// Marks a reset link used, only if it is still unused and unexpired, and with it every other link
    /// of its account; returns its account. The conditional update makes the link single-use even when
    /// two requests race.
    pub async fn consume_password_reset(&self, token_hash: &str) -> Result<Option<i32>, DbError> {
        let at = self.author.at;
        let Some(reset) = password_reset::Entity::find_by_id(token_hash.to_owned())
            .one(&self.transaction)
            .await?
        else {
            return Ok(None);
        };
        let result = password_reset::Entity::update_many()
            .col_expr(password_reset::Column::UsedAt, Expr::value(at))
            .filter(password_reset::Column::TokenHash.eq(token_hash))
            .filter(password_reset::Column::UsedAt.is_null())
            .filter(password_reset::Column::ExpiresAt.gt(at))
            .exec(&self.transaction)
            .await?;
        if result.rows_affected != 1 {
            return Ok(None);
        }
        password_reset::Entity::update_many()
            .col_expr(password_reset::Column::UsedAt, Expr::value(at))
            .filter(password_reset::Column::AccountId.eq(reset.account_id))
            .filter(password_reset::Column::UsedAt.is_null())
            .exec(&self.transaction)
            .await?;
        Ok(Some(reset.account_id))
    }
}
