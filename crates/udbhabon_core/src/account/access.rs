//! Checking the permission rules for an office: the signed-in person's roles against the office's place
//! in the tree.

use udbhabon_domain::account::access::{Action, OfficePlace, can};

use crate::account::SignedIn;
use crate::{App, Error};

impl App {
    /// Whether `who` may do `action` on the office.
    pub(crate) async fn may(
        &self,
        who: &SignedIn,
        action: Action,
        office_id: i32,
    ) -> Result<bool, Error> {
        let path = self.db.office_path(office_id).await?;
        let place = OfficePlace::from_path(office_id, &path)
            .map_err(|error| Error::Internal(format!("office #{office_id}: {error}")))?;
        Ok(can(&who.principal(), action, &place))
    }

    /// Refuses, and logs, an action `who` may not do on the office.
    pub(crate) async fn require(
        &self,
        who: &SignedIn,
        action: Action,
        office_id: i32,
    ) -> Result<(), Error> {
        if self.may(who, action, office_id).await? {
            Ok(())
        } else {
            tracing::warn!(
                account = who.account_id,
                ?action,
                office_id,
                "refused by the permission rules"
            );
            Err(Error::Forbidden)
        }
    }
}
