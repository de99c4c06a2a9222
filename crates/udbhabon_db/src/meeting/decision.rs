//! Following decisions to closure: the dated updates of each decision (a responsible body's report, the
//! team's confirmation, sending back or dropping) with their evidence files. A decision's standing is
//! replayed from its updates; a step is checked against it under the decision's lock.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::meeting::decision::{DecisionStatus, DecisionStep, Standing};

use crate::entity::{decision, decision_evidence, decision_update};
use crate::plan::progress::EvidenceRow;
use crate::{Db, DbError, Tx};

/// One dated step in following a decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionUpdateRow {
    pub id: i32,
    pub decision_id: i32,
    /// What the step recorded: the body's own status for a report, the decision's for the team's step.
    pub status: DecisionStatus,
    pub note: String,
    /// The responsible body (office) that reported, for a report.
    pub office_id: Option<i32>,
    pub by: String,
    pub at: DateTime<Utc>,
    pub evidence: Vec<EvidenceRow>,
}

impl Db {
    /// Every update of these decisions with its files, oldest first, keyed by decision.
    pub async fn decision_updates(
        &self,
        decision_ids: &[i32],
    ) -> Result<HashMap<i32, Vec<DecisionUpdateRow>>, DbError> {
        if decision_ids.is_empty() {
            return Ok(HashMap::new());
        }
        let updates = decision_update::Entity::find()
            .filter(decision_update::Column::DecisionId.is_in(decision_ids.iter().copied()))
            .order_by_asc(decision_update::Column::Id)
            .all(self.connection())
            .await?;
        let links = decision_evidence::Entity::find()
            .filter(
                decision_evidence::Column::UpdateId.is_in(updates.iter().map(|update| update.id)),
            )
            .order_by_asc(decision_evidence::Column::Id)
            .all(self.connection())
            .await?;
        let files = self
            .evidence_files(links.iter().map(|link| link.file_id))
            .await?;
        let mut by_update: HashMap<i32, Vec<EvidenceRow>> = HashMap::new();
        for link in links {
            if let Some(file) = files.get(&link.file_id) {
                by_update
                    .entry(link.update_id)
                    .or_default()
                    .push(file.clone());
            }
        }
        let mut by_decision: HashMap<i32, Vec<DecisionUpdateRow>> = HashMap::new();
        for model in updates {
            by_decision
                .entry(model.decision_id)
                .or_default()
                .push(DecisionUpdateRow {
                    evidence: by_update.remove(&model.id).unwrap_or_default(),
                    status: DecisionStatus::from_code(&model.status)?,
                    id: model.id,
                    decision_id: model.decision_id,
                    note: model.note,
                    office_id: model.office_id,
                    by: model.updated_by,
                    at: model.updated_at,
                });
        }
        Ok(by_decision)
    }
}

impl Tx {
    /// Records a step on a decision with its note and files: a report by `body`, one of the `bodies`
    /// that carry it out, or the team's step (no body); returns the decision's status after it. Under
    /// the decision's lock the step must follow its standing, so two people taking steps at once are
    /// ordered and the second one's step is checked against the first's.
    pub async fn add_decision_update(
        &self,
        decision_id: i32,
        step: DecisionStep,
        note: &str,
        body: Option<i32>,
        bodies: &[i32],
        file_ids: &[i32],
    ) -> Result<DecisionStatus, DbError> {
        decision::Entity::find_by_id(decision_id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("decision #{decision_id}")))?;
        let recorded = decision_update::Entity::find()
            .filter(decision_update::Column::DecisionId.eq(decision_id))
            .order_by_asc(decision_update::Column::Id)
            .all(&self.transaction)
            .await?
            .into_iter()
            .map(|update| Ok((DecisionStatus::from_code(&update.status)?, update.office_id)))
            .collect::<Result<Vec<_>, DbError>>()?;
        let mut standing = Standing::replay(bodies.to_vec(), recorded);
        let next = standing.take(step, body).map_err(|_| {
            DbError::Conflict(format!(
                "decision #{decision_id} is {} now",
                standing.status.code()
            ))
        })?;
        let office_id =
            body.filter(|_| matches!(step, DecisionStep::Progress | DecisionStep::Done));
        let update = self
            .insert_audited(decision_update::ActiveModel {
                decision_id: Set(decision_id),
                status: Set(next.code().to_owned()),
                note: Set(note.to_owned()),
                office_id: Set(office_id),
                updated_by: Set(self.author.label.clone()),
                updated_at: Set(self.author.at),
                ..Default::default()
            })
            .await?;
        for file_id in file_ids {
            self.insert_audited(decision_evidence::ActiveModel {
                update_id: Set(update.id),
                file_id: Set(*file_id),
                ..Default::default()
            })
            .await?;
        }
        Ok(standing.status)
    }
}
