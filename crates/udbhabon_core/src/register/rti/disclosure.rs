//! An office's proactive-disclosure list: read by anyone, kept by those who keep its RTI register.

use udbhabon_db::office::OfficeRow;
use udbhabon_db::register::rti::disclosure::DisclosureRow;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::register::rti::disclosure::{DisclosureFields, check_disclosure};

use crate::account::SignedIn;
use crate::{App, Error};

impl App {
    /// An office's list, for anyone: it is what the office publishes of its own accord.
    pub async fn disclosures(&self, office: &OfficeRow) -> Result<Vec<DisclosureRow>, Error> {
        Ok(self.db.disclosures(office.id).await?)
    }

    /// Adds an entry to an office's list (`id` `None`), or corrects one.
    pub async fn save_disclosure(
        &self,
        who: &SignedIn,
        office_key: &str,
        id: Option<i32>,
        fields: &DisclosureFields,
    ) -> Result<(), Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ManageTeam, office.id).await?;
        let disclosure = check_disclosure(fields, self.today())?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        match id {
            Some(id) => tx.update_disclosure(office.id, id, &disclosure).await?,
            None => {
                tx.insert_disclosure(office.id, &disclosure).await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Takes an entry off an office's list.
    pub async fn remove_disclosure(
        &self,
        who: &SignedIn,
        office_key: &str,
        id: i32,
    ) -> Result<(), Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ManageTeam, office.id).await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.delete_disclosure(office.id, id).await?;
        tx.commit().await?;
        Ok(())
    }
}
