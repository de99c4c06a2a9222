//! Setting up an installation: the office it serves (the top of its tree), its first system
//! administrator, the designations posts are made of (`data/designations.toml`) and the built-in plan
//! templates, together in one transaction, once.

use serde::Deserialize;
use udbhabon_domain::Bilingual;

use udbhabon_domain::account::access::Role;
use udbhabon_domain::office::{OfficeFields, check_office};

use crate::account::{AccountRequest, insert_account};
use crate::admin::offices::new_office;
use crate::error::invalid;
use crate::office::TOP_OFFICE;
use crate::plan::{BUILTIN_TEMPLATES, insert_template};
use crate::{App, Error};

/// The designations a new installation starts with.
const DESIGNATIONS_FILE: &str = include_str!("../../../../data/designations.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Designations {
    designations: Vec<Designation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Designation {
    key: String,
    bn: String,
    en: String,
}

/// What an installation is set up with.
#[derive(Debug, Clone)]
pub struct Setup {
    /// The top office; it has no parent.
    pub office: OfficeFields,
    /// The first administrator; the grants are left empty (the role is given on the new office).
    pub administrator: AccountRequest,
}

impl App {
    /// Makes the top office and the first system administrator; refused once any administrator
    /// exists, so that set-up cannot be repeated to take over an installation. Returns the
    /// administrator's account id.
    pub async fn set_up(&self, setup: Setup, author: &str) -> Result<i32, Error> {
        if self.db.has_administrator().await? {
            return Err(invalid("setup", "error-setup-done"));
        }
        let mut problems = match check_office(&setup.office) {
            Ok(draft) if draft.parent_key.is_some() => Err(invalid("parent", "error-setup-parent")),
            checked => checked.map_err(Error::from),
        };
        if let Ok(draft) = &problems
            && self.db.office_by_key(&draft.key).await.is_ok()
        {
            problems = Err(invalid("key", "error-key-taken"));
        }
        let account = self.checked_account(setup.administrator).await;
        let (office, account) = match (problems, account) {
            (Ok(office), Ok(account)) => (office, account),
            (Err(Error::Invalid(mut errors)), Err(Error::Invalid(more))) => {
                errors.errors.extend(more.errors);
                return Err(Error::Invalid(errors));
            }
            (Err(error), _) | (_, Err(error)) => return Err(error),
        };
        let designations: Designations = toml::from_str(DESIGNATIONS_FILE)
            .map_err(|error| Error::Internal(format!("data/designations.toml: {error}")))?;
        let tx = self.db.begin(self.author(None, author)).await?;
        for designation in designations.designations {
            tx.insert_designation(
                &designation.key,
                Bilingual::new(designation.bn, designation.en),
            )
            .await?;
        }
        for (_, template) in BUILTIN_TEMPLATES {
            insert_template(&tx, template).await?;
        }
        let key = office.key.clone();
        let office_id = tx.insert_office(new_office(office, None)).await?;
        tx.set_setting(TOP_OFFICE, &key).await?;
        let account_id = insert_account(
            &tx,
            account,
            &[(Role::SystemAdministrator, office_id)],
            self.now(),
        )
        .await?;
        tx.commit().await?;
        Ok(account_id)
    }
}
