//! Resetting a forgotten password by a single-use link sent by mail, valid for an hour.

use chrono::Duration;
use udbhabon_domain::Lang;
use udbhabon_domain::account::{Email, validate_new_password};
use udbhabon_i18n::t_args;

use crate::mail::Mail;
use crate::secret::{hash_password, random_token, token_hash};
use crate::{App, Error};

/// How long a reset link works.
pub const RESET_LINK_VALID_FOR: Duration = Duration::hours(1);

/// Why a reset link cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkNotUsable;

impl App {
    /// Sends a reset link to the account with this email, if there is one. The caller answers the same
    /// either way, so the form does not reveal which addresses have accounts.
    pub async fn request_password_reset(&self, email: &str, lang: Lang) -> Result<(), Error> {
        let Ok(email) = Email::parse(email, "email") else {
            return Ok(());
        };
        let Some((account, _)) = self.db.account_credentials(email.as_str()).await? else {
            tracing::info!("a reset link was asked for an unknown email");
            return Ok(());
        };
        if !account.active {
            return Ok(());
        }
        let token = random_token()?;
        let now = self.now();
        self.db
            .create_password_reset(
                &token_hash(&token),
                account.id,
                now,
                now + RESET_LINK_VALID_FOR,
            )
            .await?;
        let link = format!("{}/password/reset/{token}", self.public_url);
        self.mailer
            .send(Mail {
                at: now,
                to: account.email.clone(),
                subject: udbhabon_i18n::t(lang, "reset-mail-subject"),
                body: t_args(lang, "reset-mail-body", &[("link", link)]),
                attachments: Vec::new(),
            })
            .await?;
        tracing::info!(account = account.id, "a password-reset link was sent");
        Ok(())
    }

    /// Whether a reset link can still be used (for showing its form).
    pub async fn reset_link_usable(&self, token: &str) -> Result<bool, Error> {
        Ok(self
            .db
            .valid_password_reset(&token_hash(token), self.now())
            .await?
            .is_some())
    }

    /// Sets a new password through a reset link, which is used up; every session of the account ends.
    pub async fn reset_password(
        &self,
        token: &str,
        new: &str,
    ) -> Result<Result<(), LinkNotUsable>, Error> {
        let hash = token_hash(token);
        let Some(account_id) = self.db.valid_password_reset(&hash, self.now()).await? else {
            return Ok(Err(LinkNotUsable));
        };
        let account = self.db.account(account_id).await?;
        let email = Email::parse(&account.email, "new").map_err(Error::from)?;
        validate_new_password(new, &email, "new")?;
        let author = udbhabon_db::Author {
            account_id: Some(account.id),
            label: format!("{} (reset link)", account.email),
            at: self.now(),
        };
        let tx = self.db.begin(author).await?;
        if tx.consume_password_reset(&hash).await?.is_none() {
            return Ok(Err(LinkNotUsable));
        }
        tx.set_password_hash(account.id, hash_password(new)?)
            .await?;
        tx.commit().await?;
        self.db.delete_sessions_of(account.id).await?;
        Ok(Ok(()))
    }
}
