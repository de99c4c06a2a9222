//! Signing in and out, server-side sessions with idle and absolute expiry, password changes, and
//! creating accounts.

mod access;
pub mod notification;
pub mod password;
mod readers;

pub(crate) use readers::Readers;

use udbhabon_db::Author;
use udbhabon_db::account::{AccountRow, GrantRow, NewAccount, NewSession, SessionRow};
use udbhabon_db::office::OfficeRow;
use udbhabon_db::write::NewPerson;
use udbhabon_domain::account::access::{Action, Grant, OfficePlace, Principal, Role, can};
use udbhabon_domain::account::{
    Email, SessionPolicy, after_failed_login, is_locked, validate_new_password,
};
use udbhabon_domain::{Bilingual, ValidationErrors};

use crate::secret::{
    hash_password, random_token, same_secret, token_hash, verify_password,
    verify_password_of_nobody,
};
use crate::{App, Edition, Error};

/// Signing in failed. An unknown email, a wrong password and a locked account are one case, answered
/// alike and in the same time, so that the answer reveals neither which addresses have accounts nor
/// which accounts are locked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignInRefused;

/// What a successful sign-in gives the browser: the session token for the cookie.
#[derive(Debug, Clone)]
pub struct SessionToken(pub String);

/// Where a request comes from, recorded with the session.
#[derive(Debug, Clone, Default)]
pub struct Client {
    pub address: Option<String>,
    pub user_agent: Option<String>,
}

/// The person behind a live session, with their roles.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub account_id: i32,
    pub person_id: i32,
    pub email: String,
    pub name: Bilingual,
    pub grants: Vec<GrantRow>,
    /// The offices whose pages are the person's own: the office of their posting first (when they may
    /// read its records), then the offices of their roles, each once.
    pub offices: Vec<ReaderOffice>,
    /// The session's token for state-changing forms.
    pub csrf_token: String,
}

/// An office a signed-in person works in or holds a role on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderOffice {
    pub key: String,
    pub name: Bilingual,
}

/// The people behind the account labels a record carries (who sent, reviewed or revised it).
#[derive(Debug, Clone, Default)]
pub struct PeopleNames(std::collections::HashMap<String, Bilingual>);

impl PeopleNames {
    /// The person's name in `lang`, or the label itself when it is no account's.
    pub fn of(&self, label: &str, lang: udbhabon_domain::Lang) -> String {
        self.0
            .get(label)
            .map_or_else(|| label.to_owned(), |name| name.get(lang).to_owned())
    }
}

impl SignedIn {
    /// The principal the permission rules judge.
    pub fn principal(&self) -> Principal {
        Principal::Account {
            account_id: self.account_id,
            grants: self
                .grants
                .iter()
                .map(|grant| Grant {
                    role: grant.role,
                    office_id: grant.office_id,
                })
                .collect(),
        }
    }

    /// Whether a posted form's token is this session's.
    pub fn csrf_matches(&self, token: &str) -> bool {
        same_secret(&self.csrf_token, token)
    }

    pub fn has_role(&self, role: Role) -> bool {
        self.grants.iter().any(|grant| grant.role == role)
    }
}

/// What an account is created with.
#[derive(Debug, Clone)]
pub struct AccountRequest {
    pub name: Bilingual,
    pub email: String,
    pub password: String,
    pub phone: Option<String>,
    /// Roles, each on an office given by its key.
    pub grants: Vec<(Role, String)>,
}

/// An account ready to be written: its email unused, its password checked and hashed.
#[derive(Debug, Clone)]
pub(crate) struct CheckedAccount {
    name: Bilingual,
    email: String,
    phone: Option<String>,
    password_hash: String,
}

/// Writes a person with their account and roles (each on an office by id) in the transaction.
pub(crate) async fn insert_account(
    tx: &udbhabon_db::Tx,
    account: CheckedAccount,
    roles: &[(Role, i32)],
    at: chrono::DateTime<chrono::Utc>,
) -> Result<i32, Error> {
    let person_id = tx
        .insert_person(NewPerson {
            key: None,
            name: account.name,
            email: Some(account.email.clone()),
            phone: account.phone,
        })
        .await?;
    let account_id = tx
        .insert_account(NewAccount {
            person_id,
            email: account.email,
            password_hash: account.password_hash,
            at,
        })
        .await?;
    for (role, office_id) in roles {
        tx.grant_role(account_id, *role, *office_id).await?;
    }
    Ok(account_id)
}

/// Whether a posted form token is the one issued (compared in constant time).
pub fn same_form_token(issued: &str, posted: &str) -> bool {
    same_secret(issued, posted)
}

impl App {
    /// The author of changes made by a signed-in person (or by the system when `None`).
    pub(crate) fn author(&self, who: Option<&SignedIn>, system: &str) -> Author {
        Author {
            account_id: who.map(|person| person.account_id),
            label: who.map_or_else(|| system.to_owned(), |person| person.email.clone()),
            at: self.now(),
        }
    }

    /// The names of the people whose accounts these labels (emails) are; a label of no account (the
    /// system, a deleted account) is left out, to be shown as it is.
    pub async fn names_of(&self, labels: &[&str]) -> Result<PeopleNames, Error> {
        if labels.is_empty() {
            return Ok(PeopleNames::default());
        }
        let accounts = self.db.accounts_by_email(labels).await?;
        let ids: Vec<i32> = accounts.iter().map(|account| account.person_id).collect();
        let people = self.db.people(&ids).await?;
        Ok(PeopleNames(
            accounts
                .into_iter()
                .filter_map(|account| {
                    let person = people.get(&account.person_id)?;
                    Some((account.email, person.name.clone()))
                })
                .collect(),
        ))
    }

    /// Signs in with email and password: a new session on success (so a session id never survives
    /// sign-in), a count towards the lock on failure.
    pub async fn sign_in(
        &self,
        email: &str,
        password: &str,
        client: Client,
    ) -> Result<Result<SessionToken, SignInRefused>, Error> {
        let now = self.now();
        let Ok(email) = Email::parse(email, "email") else {
            verify_password_of_nobody(password);
            return Ok(Err(SignInRefused));
        };
        let Some((account, stored_hash)) = self.db.account_credentials(email.as_str()).await?
        else {
            verify_password_of_nobody(password);
            tracing::info!(email = email.as_str(), "sign-in with an unknown email");
            return Ok(Err(SignInRefused));
        };
        if is_locked(account.locked_until, now) {
            // Checked all the same, so that a locked account answers in the time a wrong password does.
            verify_password(password, &stored_hash);
            tracing::warn!(account = account.id, "sign-in attempt on a locked account");
            return Ok(Err(SignInRefused));
        }
        if !account.active || !verify_password(password, &stored_hash) {
            let (failures, locked_until) = after_failed_login(account.failed_logins, now);
            self.db
                .record_login_failure(account.id, failures, locked_until)
                .await?;
            tracing::warn!(
                account = account.id,
                failures,
                locked = locked_until.is_some(),
                "wrong password"
            );
            return Ok(Err(SignInRefused));
        }
        if account.failed_logins > 0 {
            self.db.clear_login_failures(account.id).await?;
        }
        let token = random_token()?;
        self.db
            .create_session(NewSession {
                token_hash: token_hash(&token),
                account_id: account.id,
                csrf_token: random_token()?,
                at: now,
                user_agent: client.user_agent,
                address: client.address,
            })
            .await?;
        tracing::info!(account = account.id, "signed in");
        Ok(Ok(SessionToken(token)))
    }

    /// The person behind a session token, if the session is live; an expired one is removed.
    /// `edition` is the one the request already read, if any (the page cache reads it first).
    pub async fn signed_in(
        &self,
        token: &str,
        edition: Option<Edition>,
    ) -> Result<Option<SignedIn>, Error> {
        let Some(session) = self.session_in_use(&token_hash(token)).await? else {
            return Ok(None);
        };
        // Everything a reader is read from is written through audited transactions (accounts, people,
        // roles, postings), so the edition says whether what was read of them still holds.
        let edition = match edition {
            Some(edition) => edition,
            None => self.edition().await?,
        };
        if let Some(who) = self
            .readers
            .at(session.account_id, &edition, &session.csrf_token)
        {
            return Ok(Some(who));
        }
        let account = self.db.account(session.account_id).await?;
        if !account.active {
            return Ok(None);
        }
        let who = self.signed_in_as(account, session.csrf_token).await?;
        self.readers.remember(edition, &who);
        Ok(Some(who))
    }

    /// Whether a token's session is live, marking it used: the page cache asks before it sends a
    /// signed-in reader a page kept for them.
    pub async fn session_is_live(&self, token: &str) -> Result<bool, Error> {
        Ok(self.session_in_use(&token_hash(token)).await?.is_some())
    }

    /// The session of a token's hash if it is live, marked used; an expired one is removed.
    async fn session_in_use(&self, hash: &str) -> Result<Option<SessionRow>, Error> {
        let Some(session) = self.db.session(hash).await? else {
            return Ok(None);
        };
        let now = self.now();
        if !SessionPolicy::default().is_live(session.created_at, session.last_seen_at, now) {
            self.db.delete_session(hash).await?;
            return Ok(None);
        }
        // Writing on every request would make each page a write; a minute's precision is plenty
        // for an idle timeout measured in hours.
        if now - session.last_seen_at > chrono::Duration::minutes(1) {
            self.db.touch_session(hash, now).await?;
        }
        Ok(Some(session))
    }

    /// The person behind an account, with their roles and offices.
    pub(crate) async fn signed_in_as(
        &self,
        account: AccountRow,
        csrf_token: String,
    ) -> Result<SignedIn, Error> {
        let person = self
            .db
            .people(&[account.person_id])
            .await?
            .remove(&account.person_id)
            .ok_or_else(|| Error::Internal(format!("account #{} has no person", account.id)))?;
        let grants = self.db.grants_of(account.id).await?;
        let mut who = SignedIn {
            account_id: account.id,
            person_id: account.person_id,
            email: account.email,
            name: person.name,
            grants,
            offices: Vec::new(),
            csrf_token,
        };
        let principal = who.principal();
        let posted = self
            .db
            .posted_offices(who.person_id, self.today())
            .await?
            .into_iter()
            .filter(|(office, path)| {
                OfficePlace::from_path(office.id, path)
                    .is_ok_and(|place| can(&principal, Action::ViewOfficeRecords, &place))
            })
            .map(|(office, _)| ReaderOffice {
                key: office.key,
                name: office.name,
            });
        let granted = who.grants.iter().map(|grant| ReaderOffice {
            key: grant.office_key.clone(),
            name: grant.office_name.clone(),
        });
        for office in posted.chain(granted) {
            if !who.offices.iter().any(|known| known.key == office.key) {
                who.offices.push(office);
            }
        }
        Ok(who)
    }

    /// Ends one session.
    pub async fn sign_out(&self, token: &str) -> Result<(), Error> {
        Ok(self.db.delete_session(&token_hash(token)).await?)
    }

    /// Ends every session of the signed-in person, on every device; returns how many ended.
    pub async fn sign_out_everywhere(&self, who: &SignedIn) -> Result<u64, Error> {
        Ok(self.db.delete_sessions_of(who.account_id).await?)
    }

    /// A strong password for an account created by an operator: 80 random bits, to be changed at first sign-in.
    pub fn generate_password(&self) -> Result<String, Error> {
        Ok(random_token()?[..20].to_owned())
    }

    /// A sign-in email that no account uses yet, or why it cannot be one.
    pub(crate) async fn unused_email(&self, text: &str) -> Result<Email, Error> {
        let email = Email::parse(text, "email")?;
        if self.db.account_credentials(email.as_str()).await?.is_some() {
            let mut errors = ValidationErrors::new();
            errors.add("email", "error-email-taken");
            return Err(errors.into());
        }
        Ok(email)
    }

    /// A fresh token for a form posted before there is a session (the sign-in form).
    pub fn form_token(&self) -> Result<String, Error> {
        random_token()
    }

    /// The offices of the signed-in person's roles, for their account page (one query).
    pub async fn grant_offices(&self, who: &SignedIn) -> Result<Vec<(Role, OfficeRow)>, Error> {
        let ids: Vec<i32> = who.grants.iter().map(|grant| grant.office_id).collect();
        let offices = self.db.offices_by_ids(&ids).await?;
        Ok(who
            .grants
            .iter()
            .filter_map(|grant| {
                offices
                    .get(&grant.office_id)
                    .map(|office| (grant.role, office.clone()))
            })
            .collect())
    }

    /// Changes the signed-in person's password after checking the current one; every other session of
    /// the account ends, the one making the change (`session_token`) stays.
    pub async fn change_password(
        &self,
        who: &SignedIn,
        session_token: &str,
        current: &str,
        new: &str,
    ) -> Result<(), Error> {
        let stored = self.db.password_hash(who.account_id).await?;
        if !verify_password(current, &stored) {
            let mut errors = ValidationErrors::new();
            errors.add("current", "error-password-current");
            return Err(errors.into());
        }
        let email = Email::parse(&who.email, "new").map_err(Error::from)?;
        validate_new_password(new, &email, "new")?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.set_password_hash(who.account_id, hash_password(new)?)
            .await?;
        tx.commit().await?;
        self.db
            .delete_other_sessions(who.account_id, &token_hash(session_token))
            .await?;
        Ok(())
    }

    /// Creates a person with an account and roles, in one transaction.
    pub async fn create_account(
        &self,
        request: AccountRequest,
        author: &str,
    ) -> Result<i32, Error> {
        let mut offices = Vec::new();
        for (role, office_key) in &request.grants {
            offices.push((*role, self.db.office_by_key(office_key).await?.id));
        }
        let account = self.checked_account(request).await?;
        let tx = self.db.begin(self.author(None, author)).await?;
        let account_id = insert_account(&tx, account, &offices, self.now()).await?;
        tx.commit().await?;
        Ok(account_id)
    }

    /// An account's particulars checked (an unused email, a strong password) and its password hashed.
    pub(crate) async fn checked_account(
        &self,
        request: AccountRequest,
    ) -> Result<CheckedAccount, Error> {
        let email = self.unused_email(&request.email).await?;
        validate_new_password(&request.password, &email, "password")?;
        Ok(CheckedAccount {
            password_hash: hash_password(&request.password)?,
            email: email.as_str().to_owned(),
            name: request.name,
            phone: request.phone,
        })
    }
}
