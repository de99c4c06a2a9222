//! An office's grievance redress page, for those who read its records: the grievance and appeal
//! officers it names, and the working days each has as its published citizen's charter states them
//! (the guideline's 30 and 20 until it publishes one).

use udbhabon_db::office::OfficeRow;
use udbhabon_db::office::person::{HolderRow, PostRow};
use udbhabon_domain::account::access::Action;
use udbhabon_domain::portal::charter::Grievance;

use crate::account::SignedIn;
use crate::register::officer::OfficerView;
use crate::{App, Error};

/// An office's grievance redress, as its page shows it.
#[derive(Debug, Clone)]
pub struct GrsRegister {
    pub office: OfficeRow,
    pub officers: Vec<OfficerView>,
    /// The posts the reader may name as officers, for those who run the team.
    pub posts: Option<Vec<(PostRow, Option<HolderRow>)>>,
    /// The working days of the grievance and the appeal officer.
    pub limits: Grievance,
    /// Whether the office has published a charter (which then states the limits).
    pub charter_published: bool,
}

impl App {
    /// An office's grievance redress page, for those who read its records.
    pub async fn grs_register(
        &self,
        who: &SignedIn,
        office_key: &str,
    ) -> Result<GrsRegister, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ViewOfficeRecords, office.id)
            .await?;
        let charter = self
            .db
            .published_charters(office.id)
            .await?
            .into_iter()
            .next();
        let posts = if self.may(who, Action::ManageTeam, office.id).await? {
            Some(self.officer_posts(&office).await?)
        } else {
            None
        };
        Ok(GrsRegister {
            officers: self.officers(&office).await?,
            posts,
            charter_published: charter.is_some(),
            limits: charter.map(|row| row.content.grievance).unwrap_or_default(),
            office,
        })
    }
}
