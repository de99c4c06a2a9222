//! The team's registers of the duties it coordinates for its office: `rti` (the right-to-information
//! register and its statutory clocks), `grs` (grievance redress), `officer` (the officers named for
//! both), `software` (its systems and their source code), `renewal` (what each system needs
//! renewed), `certification` (each system's tests and audits and their findings), `project` (its
//! ICT projects and their milestones) and `budget` (its ICT budget lines and their spending); and the
//! office whose registers a reader keeps.

pub mod budget;
pub mod certification;
pub mod grs;
pub mod officer;
pub mod project;
pub mod renewal;
pub mod rti;
pub mod software;

use udbhabon_db::office::OfficeRow;
use udbhabon_domain::account::access::Action;

use crate::account::SignedIn;
use crate::{App, Error};

impl App {
    /// An office whose registers (and tutorial library) the reader keeps: those who run its team.
    pub async fn kept_office(&self, who: &SignedIn, office_key: &str) -> Result<OfficeRow, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ManageTeam, office.id).await?;
        Ok(office)
    }
}
