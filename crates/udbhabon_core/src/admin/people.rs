//! Administering people, posts, postings, accounts and role grants; every use case checks that the
//! signed-in person may administer.

use chrono::NaiveDate;
use udbhabon_db::AuditEntryRow;
use udbhabon_db::account::{AccountRow, GrantRow, NewAccount};
use udbhabon_db::office::person::{PersonRow, PostRow, PostingRow};
use udbhabon_db::office::{OfficeRow, UnitRow};
use udbhabon_db::write::{NewPerson, NewPost, NewPosting};
use udbhabon_domain::account::Email;
use udbhabon_domain::account::access::{Action, Role, can_everywhere};
use udbhabon_domain::office::person::Charge;
use udbhabon_domain::{Bilingual, ValidationErrors};

use crate::account::SignedIn;
use crate::secret::{hash_password, random_token};
use crate::{App, Error};

/// The most people one search shows.
const SEARCH_LIMIT: u64 = 100;

/// A person in the people list.
#[derive(Debug, Clone)]
pub struct PersonSummary {
    pub person: PersonRow,
    /// The posts the person holds today.
    pub posts: Vec<PostRow>,
    pub account_email: Option<String>,
}

/// Everything the person page shows.
#[derive(Debug, Clone)]
pub struct PersonDetail {
    pub person: PersonRow,
    pub postings: Vec<(PostingRow, PostRow, OfficeRow)>,
    pub account: Option<AccountRow>,
    pub grants: Vec<(GrantRow, OfficeRow)>,
    pub history: Vec<AuditEntryRow>,
}

/// A post with its office and today's holder, for the posts list and the posting form.
#[derive(Debug, Clone)]
pub struct PostSummary {
    pub post: PostRow,
    pub office: OfficeRow,
    pub holder: Option<PersonRow>,
}

/// One office's posts and the units a new post there may sit in.
#[derive(Debug, Clone)]
pub struct OfficePosts {
    pub office: OfficeRow,
    pub posts: Vec<PostSummary>,
    pub units: Vec<UnitRow>,
}

/// What a new post is created with.
#[derive(Debug, Clone)]
pub struct PostForm {
    pub office_id: i32,
    pub unit_id: Option<i32>,
    pub designation_id: i32,
    pub label_bn: String,
    pub label_en: String,
}

/// What a new person is created with.
#[derive(Debug, Clone)]
pub struct PersonForm {
    pub name_bn: String,
    pub name_en: String,
    pub email: String,
    pub phone: String,
}

fn required(errors: &mut ValidationErrors, field: &str, value: &str) {
    if value.trim().is_empty() {
        errors.add(field, "error-required");
    }
}

impl App {
    /// Refuses anyone who may not administer the installation.
    pub async fn require_administrator(&self, who: &SignedIn) -> Result<(), Error> {
        if can_everywhere(&who.principal(), Action::Administer) {
            Ok(())
        } else {
            tracing::warn!(
                account = who.account_id,
                "refused: administration needs the system administrator role"
            );
            Err(Error::Forbidden)
        }
    }

    /// People whose name contains `query` in either language, with today's posts and their account.
    pub async fn people(&self, who: &SignedIn, query: &str) -> Result<Vec<PersonSummary>, Error> {
        self.require_administrator(who).await?;
        let people = self.db.search_people(query, SEARCH_LIMIT).await?;
        let ids: Vec<i32> = people.iter().map(|person| person.id).collect();
        let (postings, posts) = self.postings_held(&ids, &[self.today()]).await?;
        let accounts = self.db.accounts_of_people(&ids).await?;
        Ok(people
            .into_iter()
            .map(|person| PersonSummary {
                posts: postings
                    .iter()
                    .filter(|posting| posting.person_id == person.id)
                    .filter_map(|posting| posts.get(&posting.post_id).cloned())
                    .collect(),
                account_email: accounts
                    .iter()
                    .find(|account| account.person_id == person.id)
                    .map(|account| account.email.clone()),
                person,
            })
            .collect())
    }

    /// One person with postings, account, roles and history.
    pub async fn person_detail(
        &self,
        who: &SignedIn,
        person_id: i32,
    ) -> Result<PersonDetail, Error> {
        self.require_administrator(who).await?;
        let person = self.db.person(person_id).await?;
        let postings = self.db.postings_of(&[person_id]).await?;
        let posts = self
            .db
            .posts(
                &postings
                    .iter()
                    .map(|posting| posting.post_id)
                    .collect::<Vec<_>>(),
            )
            .await?;
        let account = self.db.account_of_person(person_id).await?;
        let grants = match &account {
            Some(account) => self.db.grants_of(account.id).await?,
            None => Vec::new(),
        };
        let office_ids: Vec<i32> = posts
            .values()
            .map(|post| post.office_id)
            .chain(grants.iter().map(|grant| grant.office_id))
            .collect();
        let offices = self.db.offices_by_ids(&office_ids).await?;
        let mut history = self
            .db
            .audit_history("person", &person_id.to_string())
            .await?;
        if let Some(account) = &account {
            history.extend(
                self.db
                    .audit_history("account", &account.id.to_string())
                    .await?,
            );
            history.sort_by_key(|entry| entry.id);
        }
        Ok(PersonDetail {
            postings: postings
                .into_iter()
                .filter_map(|posting| {
                    let post = posts.get(&posting.post_id)?.clone();
                    let office = offices.get(&post.office_id)?.clone();
                    Some((posting, post, office))
                })
                .collect(),
            grants: grants
                .into_iter()
                .filter_map(|grant| {
                    offices
                        .get(&grant.office_id)
                        .cloned()
                        .map(|office| (grant, office))
                })
                .collect(),
            person,
            account,
            history,
        })
    }

    /// The office the administration pages work in: the one named by key, else the office the
    /// installation serves; with its posts (each with today's holder) and its units, so that a post,
    /// a posting or a role is chosen among one office's however large the tree.
    pub async fn posts_of_office(
        &self,
        who: &SignedIn,
        office_key: Option<&str>,
    ) -> Result<OfficePosts, Error> {
        self.require_administrator(who).await?;
        let office = match office_key {
            Some(key) => self.db.office_by_key(key).await?,
            None => self
                .top_office()
                .await?
                .ok_or_else(|| Error::NotFound("an office to work in".into()))?,
        };
        let ids = self.db.post_ids_of_office(office.id).await?;
        let mut posts = self.db.posts(&ids).await?;
        let holders = self.db.holders_on(&ids, self.today()).await?;
        let posts = ids
            .into_iter()
            .filter_map(|id| {
                let post = posts.remove(&id)?;
                Some(PostSummary {
                    office: office.clone(),
                    holder: holders.get(&id).map(|holder| holder.person.clone()),
                    post,
                })
            })
            .collect();
        Ok(OfficePosts {
            units: self.db.units_of_office(office.id).await?,
            office,
            posts,
        })
    }

    /// Every designation a post may be made of: (id, name).
    pub async fn designations(&self, who: &SignedIn) -> Result<Vec<(i32, Bilingual)>, Error> {
        self.require_administrator(who).await?;
        Ok(self.db.all_designations().await?)
    }

    /// Creates a post: a designation in an office, optionally in one of its units, with an optional
    /// printed label ("যুগ্মসচিব/উপসচিব (প্রশাসন অধিশাখা)").
    pub async fn create_post(&self, who: &SignedIn, form: PostForm) -> Result<i32, Error> {
        self.require_administrator(who).await?;
        self.db.office_by_id(form.office_id).await?;
        let mut errors = ValidationErrors::new();
        if let Some(unit_id) = form.unit_id
            && self.db.unit_by_id(unit_id).await?.office_id != form.office_id
        {
            errors.add("unit", "error-unit-of-other-office");
        }
        if self
            .db
            .designations(&[form.designation_id])
            .await?
            .is_empty()
        {
            errors.add("designation", "error-required");
        }
        if form.label_bn.trim().is_empty() && !form.label_en.trim().is_empty() {
            errors.add("label_bn", "error-required");
        }
        errors.into_result(())?;
        let label = (!form.label_bn.trim().is_empty())
            .then(|| Bilingual::new(form.label_bn.trim(), form.label_en.trim()));
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let id = tx
            .insert_post(NewPost {
                key: format!("post-{}", &random_token()?[..12]),
                office_id: form.office_id,
                unit_id: form.unit_id,
                designation_id: form.designation_id,
                label,
            })
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Creates a person (who may get an account later).
    pub async fn create_person(&self, who: &SignedIn, form: PersonForm) -> Result<i32, Error> {
        self.require_administrator(who).await?;
        let mut errors = ValidationErrors::new();
        required(&mut errors, "name_bn", &form.name_bn);
        required(&mut errors, "name_en", &form.name_en);
        let email = match form.email.trim() {
            "" => None,
            text => match Email::parse(text, "email") {
                Ok(email) => Some(email.as_str().to_owned()),
                Err(problems) => {
                    errors.errors.extend(problems.errors);
                    None
                }
            },
        };
        errors.into_result(())?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let id = tx
            .insert_person(NewPerson {
                key: None,
                name: Bilingual::new(form.name_bn.trim(), form.name_en.trim()),
                email,
                phone: Some(form.phone.trim().to_owned()).filter(|phone| !phone.is_empty()),
            })
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Records that a person holds a post from a date; a regular posting ends the previous holder's
    /// open regular posting of that post the day before (a transfer). Acting (current charge) and
    /// additional-charge postings leave the regular holder in place.
    pub async fn add_posting(
        &self,
        who: &SignedIn,
        person_id: i32,
        post_id: i32,
        from: NaiveDate,
        charge: Charge,
    ) -> Result<(), Error> {
        self.require_administrator(who).await?;
        self.db.person(person_id).await?;
        if self.db.posts(&[post_id]).await?.is_empty() {
            let mut errors = ValidationErrors::new();
            errors.add("post", "error-required");
            return Err(errors.into());
        }
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        if charge == Charge::Regular {
            tx.end_postings_before(post_id, person_id, from).await?;
        }
        tx.insert_posting(NewPosting {
            person_id,
            post_id,
            charge,
            held_from: from,
            held_until: None,
        })
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Opens an account for a person; returns the generated first password, shown once.
    pub async fn open_account(
        &self,
        who: &SignedIn,
        person_id: i32,
        email: &str,
    ) -> Result<String, Error> {
        self.require_administrator(who).await?;
        self.db.person(person_id).await?;
        let email = self.unused_email(email).await?;
        if self.db.account_of_person(person_id).await?.is_some() {
            let mut errors = ValidationErrors::new();
            errors.add("email", "error-person-has-account");
            return Err(errors.into());
        }
        let password = self.generate_password()?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.insert_account(NewAccount {
            person_id,
            email: email.as_str().to_owned(),
            password_hash: hash_password(&password)?,
            at: self.now(),
        })
        .await?;
        tx.commit().await?;
        Ok(password)
    }

    /// Grants a role on an office to a person's account.
    pub async fn grant(
        &self,
        who: &SignedIn,
        account_id: i32,
        role: Role,
        office_id: i32,
    ) -> Result<(), Error> {
        self.require_administrator(who).await?;
        self.db.account(account_id).await?;
        self.db.office_by_id(office_id).await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.grant_role(account_id, role, office_id).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Withdraws a grant; returns the person whose grant it was.
    pub async fn revoke(&self, who: &SignedIn, grant_id: i32) -> Result<(), Error> {
        self.require_administrator(who).await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.revoke_grant(grant_id).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The person behind an account.
    pub async fn person_of_account(&self, who: &SignedIn, account_id: i32) -> Result<i32, Error> {
        self.require_administrator(who).await?;
        Ok(self.db.account(account_id).await?.person_id)
    }

    /// The person holding a grant.
    pub async fn person_of_grant(&self, who: &SignedIn, grant_id: i32) -> Result<i32, Error> {
        self.require_administrator(who).await?;
        let account_id = self.db.account_of_grant(grant_id).await?;
        Ok(self.db.account(account_id).await?.person_id)
    }
}
