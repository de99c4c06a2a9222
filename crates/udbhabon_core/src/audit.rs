//! Checking the audit trail and reading a record's history.

use udbhabon_db::{AuditEntryRow, ChainCheck};

use crate::{App, Error};

impl App {
    /// Recomputes the whole hash chain; names the first entry that does not follow.
    pub async fn verify_audit(&self) -> Result<ChainCheck, Error> {
        Ok(self.db.verify_audit_chain().await?)
    }

    /// The history of one record (`entity` is its table, `id` its key), oldest first.
    pub async fn history(&self, entity: &str, id: &str) -> Result<Vec<AuditEntryRow>, Error> {
        Ok(self.db.audit_history(entity, id).await?)
    }
}
