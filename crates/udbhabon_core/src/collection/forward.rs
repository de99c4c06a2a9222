//! Gathering up the office tree: an office directly under the asking one reviews its field offices'
//! submissions and forwards them upward by its own deadline, with a reason when some are not yet
//! reviewed; the forward is kept with its note and whether it came late.

use chrono::NaiveDate;
use udbhabon_db::collection::NewForward;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::collection::{check_forward, forward_due};

use crate::account::SignedIn;
use crate::collection::board::Board;
use crate::collection::closed_meanwhile;
use crate::error::invalid;
use crate::{App, Error};

impl App {
    /// The gathering office forwards the period's submissions of the offices under it to the asking
    /// office. Nothing is kept when the office does not gather for this collection, has forwarded
    /// already, or leaves submissions unreviewed without saying why.
    pub async fn forward_collection(
        &self,
        who: &SignedIn,
        (key, starts_on): (&str, NaiveDate),
        office_key: &str,
        (note, reason): (&str, &str),
    ) -> Result<Board, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ManageTeam, office.id).await?;
        let board = self
            .collection_board(who, key, Some(starts_on), Some(office_key))
            .await?;
        if board.collection.closed.is_some() {
            return Err(invalid("forward", "error-collection-withdrawn"));
        }
        let Some(days) = board.collection.forward_days else {
            return Err(invalid("forward", "error-forward-not-gathered"));
        };
        if office.parent_id != Some(board.collection.office_id) {
            return Err(invalid("forward", "error-forward-not-gathered"));
        }
        let Some(unreviewed) = board.may_forward else {
            return Err(invalid("forward", "error-forward-done"));
        };
        let reason = check_forward(unreviewed, reason).map_err(|key| invalid("reason", key))?;
        let late = self.today() > forward_due(board.period.period.due_on, days);
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        closed_meanwhile(tx.refuse_if_closed(board.collection.id).await, "forward")?;
        match tx
            .insert_forward(NewForward {
                period_id: board.period.id,
                office_id: office.id,
                note: note.trim().to_owned(),
                reason,
                late,
            })
            .await
        {
            Ok(()) => {}
            // Someone else of the office forwarded it a moment before.
            Err(udbhabon_db::DbError::Conflict(_)) => {
                return Err(invalid("forward", "error-forward-done"));
            }
            Err(error) => return Err(error.into()),
        }
        tx.commit().await?;
        self.collection_board(who, key, Some(starts_on), Some(office_key))
            .await
    }
}
