//! Checking the audit trail and reading a record's history.

use udbhabon_db::{AuditEntryRow, ChainCheck};
use udbhabon_domain::account::access::Action;

use crate::account::SignedIn;
use crate::{App, Error};

impl App {
    /// Recomputes the whole hash chain; names the first entry that does not follow.
    pub async fn verify_audit(&self) -> Result<ChainCheck, Error> {
        Ok(self.db.verify_audit_chain().await?)
    }

    /// The history of one record of an office (`entity` is its table, `id` its key), oldest first, for
    /// a reader whose roles allow seeing it; `None` for everyone else.
    pub async fn history(
        &self,
        who: Option<&SignedIn>,
        office_id: i32,
        entity: &str,
        id: &str,
    ) -> Result<Option<Vec<AuditEntryRow>>, Error> {
        let Some(who) = who else { return Ok(None) };
        if !self.may(who, Action::ViewAudit, office_id).await? {
            return Ok(None);
        }
        Ok(Some(self.db.audit_history(entity, id).await?))
    }
}
