//! The innovation database (decision 2.3) as use cases: an office records its innovative ideas,
//! simplified and digitized services and takes each through its life (approved, piloted, evaluated,
//! scaled up, or dropped); another office replicates one, linked to the original; readers of an office's
//! records list them (by kind); any officer opens one with its steps, its replications and look-alikes.

pub mod award;
mod search;
pub mod showcase;
pub mod table;

use udbhabon_db::AuditEntryRow;
use udbhabon_db::innovation::{InnovationRow, InnovationStepRow};
use udbhabon_db::office::OfficeRow;
use udbhabon_domain::Vocabulary;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::innovation::{
    InnovationDraft, InnovationFields, InnovationKind, InnovationStage, InnovationStep, StepDraft,
    StepFields, Tcv, check_innovation, check_step,
};

use crate::account::{PeopleNames, SignedIn};
use crate::error::invalid;
use crate::{App, Error};

/// How many levels of copies of copies an innovation's page follows.
pub(crate) const MAX_REPLICATION_DEPTH: usize = 8;

/// Innovations listed per page: a national ministry's tens of thousands would otherwise be a page of
/// megabytes on a field office's phone.
pub const INNOVATIONS_PER_PAGE: u64 = 50;

/// A page of an office's innovations and those of the offices below it.
#[derive(Debug, Clone)]
pub struct InnovationList {
    pub office: OfficeRow,
    /// Each innovation of the page with the office it belongs to, newest first.
    pub innovations: Vec<(InnovationRow, OfficeRow)>,
    /// How many there are in all, the page shown (from 1) and how many pages.
    pub total: u64,
    pub page: u64,
    pub pages: u64,
    /// Whether the reader records innovations for this office.
    pub may_record: bool,
}

/// One innovation with its office and who recorded it, its steps and where it was copied.
#[derive(Debug, Clone)]
pub struct InnovationDetail {
    pub innovation: InnovationRow,
    pub office: OfficeRow,
    pub names: PeopleNames,
    /// Oldest first.
    pub steps: Vec<InnovationStepRow>,
    /// The innovation it replicates, with its office.
    pub original: Option<(InnovationRow, OfficeRow)>,
    /// Its replications and theirs, each with its depth below this one (1 for a direct copy).
    pub replications: Vec<(usize, InnovationRow, OfficeRow)>,
    /// Whether the reader takes its steps (submits for its office).
    pub may_step: bool,
    /// The other offices the reader could replicate it for.
    pub replicate_for: Vec<OfficeRow>,
    /// Innovations of any office that look like it, most alike first.
    pub similar: Vec<(InnovationRow, OfficeRow)>,
    /// Whether the reader puts it on the showcase or takes it off (runs its office's team).
    pub may_showcase: bool,
    /// Its record's history from the audit trail, for readers of the office's audit trail.
    pub history: Option<Vec<AuditEntryRow>>,
}

impl App {
    /// The innovations of an office (by default the reader's first office) and of the offices below
    /// it, of one kind if given.
    pub async fn innovations_of(
        &self,
        who: &SignedIn,
        office_key: Option<&str>,
        kind: Option<InnovationKind>,
        page: u64,
    ) -> Result<InnovationList, Error> {
        let office = self.listed_office(who, office_key).await?;
        let offset = page.saturating_sub(1).saturating_mul(INNOVATIONS_PER_PAGE);
        let (innovations, total) = self
            .innovations_window(&office, kind, None, (offset, INNOVATIONS_PER_PAGE))
            .await?;
        let pages = total.div_ceil(INNOVATIONS_PER_PAGE).max(1);
        Ok(InnovationList {
            may_record: self.may(who, Action::SubmitForOffice, office.id).await?,
            office,
            innovations,
            total,
            page: page.clamp(1, pages),
            pages,
        })
    }

    /// The office whose innovations are listed (the reader's by default), once the reader may read its
    /// records.
    pub(crate) async fn listed_office(
        &self,
        who: &SignedIn,
        office_key: Option<&str>,
    ) -> Result<OfficeRow, Error> {
        let office = self.office_for(Some(who), office_key).await?;
        self.require(who, Action::ViewOfficeRecords, office.id)
            .await?;
        Ok(office)
    }

    /// A window of the innovations of an office's subtree, newest first (see
    /// [`udbhabon_db::Db::innovations_in_subtree`]), each with its office, and how many there are.
    pub(crate) async fn innovations_window(
        &self,
        office: &OfficeRow,
        kind: Option<InnovationKind>,
        before: Option<i32>,
        window: (u64, u64),
    ) -> Result<(Vec<(InnovationRow, OfficeRow)>, u64), Error> {
        let (rows, total) = self
            .db
            .innovations_in_subtree(office.id, kind, before, window)
            .await?;
        let ids: Vec<i32> = rows.iter().map(|row| row.office_id).collect();
        let offices = self.db.offices_by_ids(&ids).await?;
        let innovations = rows
            .into_iter()
            .filter_map(|row| {
                let office = offices.get(&row.office_id)?.clone();
                Some((row, office))
            })
            .collect();
        Ok((innovations, total))
    }

    /// The office whose innovation the reader is about to record, once the reader may.
    pub async fn innovation_office(
        &self,
        who: &SignedIn,
        office_key: &str,
    ) -> Result<OfficeRow, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::SubmitForOffice, office.id)
            .await?;
        Ok(office)
    }

    /// Records an office's innovation; nothing is kept when a field is refused.
    pub async fn record_innovation(
        &self,
        who: &SignedIn,
        office_key: &str,
        fields: &InnovationFields,
    ) -> Result<i32, Error> {
        let office = self.innovation_office(who, office_key).await?;
        let draft = check_innovation(fields)?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let id = tx.insert_innovation(office.id, draft, None).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Corrects what an office recorded of its innovation, for whoever records its innovations; its
    /// stage stays (only its steps move it). Nothing is written when nothing changed or a field is
    /// refused; the audit trail keeps each change for the innovation's history.
    pub async fn correct_innovation(
        &self,
        who: &SignedIn,
        id: i32,
        fields: &InnovationFields,
    ) -> Result<(), Error> {
        let innovation = self.db.innovation(id).await?;
        self.require(who, Action::SubmitForOffice, innovation.office_id)
            .await?;
        let fields = InnovationFields {
            stage: innovation.record.stage.code().to_owned(),
            ..fields.clone()
        };
        let draft = check_innovation(&fields)?;
        if draft == innovation.record {
            return Ok(());
        }
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.correct_innovation(id, draft).await?;
        tx.commit().await?;
        Ok(())
    }

    /// One innovation, for any signed-in reader (the database is there for offices to copy from one
    /// another), with its steps, the original it copies, the whole tree of its replications, and the
    /// innovations of any office that look like it.
    pub async fn innovation_detail(
        &self,
        who: &SignedIn,
        id: i32,
    ) -> Result<InnovationDetail, Error> {
        let innovation = self.db.innovation(id).await?;
        let steps = self.db.innovation_steps(id).await?;
        let original = match innovation.replicates_id {
            Some(original) => {
                let row = self.db.innovation(original).await?;
                let office = self.db.office_by_id(row.office_id).await?;
                Some((row, office))
            }
            None => None,
        };
        let replications = self.replication_tree(id).await?;
        let mut labels: Vec<&str> = steps.iter().map(|step| step.by.as_str()).collect();
        labels.push(innovation.by.as_str());
        let mut replicate_for = Vec::new();
        if innovation
            .record
            .stage
            .after(InnovationStep::Replicate)
            .is_ok()
        {
            let ids: Vec<i32> = who
                .grants
                .iter()
                .filter(|grant| grant.role.permits(Action::SubmitForOffice))
                .map(|grant| grant.office_id)
                .filter(|office| *office != innovation.office_id)
                .collect();
            let offices = self.db.offices_by_ids(&ids).await?;
            replicate_for = ids
                .iter()
                .filter_map(|id| offices.get(id).cloned())
                .collect();
        }
        let record = &innovation.record;
        let similar = self
            .similar_innovations(
                who,
                [&record.title, &record.title_en, &record.service],
                Some(id),
            )
            .await?;
        Ok(InnovationDetail {
            history: self
                .history(
                    Some(who),
                    innovation.office_id,
                    "innovation",
                    &id.to_string(),
                )
                .await?,
            similar,
            office: self.db.office_by_id(innovation.office_id).await?,
            names: self.names_of(&labels).await?,
            may_step: self
                .may(who, Action::SubmitForOffice, innovation.office_id)
                .await?,
            may_showcase: self
                .may(who, Action::ManageTeam, innovation.office_id)
                .await?,
            steps,
            original,
            replications,
            replicate_for,
            innovation,
        })
    }

    /// The replications of an innovation and theirs, each with its depth below it (1 for a direct
    /// copy), level by level; a copy is never its own ancestor, as each is newer.
    pub(crate) async fn replication_tree(
        &self,
        id: i32,
    ) -> Result<Vec<(usize, InnovationRow, OfficeRow)>, Error> {
        let mut replications = Vec::new();
        let mut level = vec![id];
        let mut depth = 1;
        while !level.is_empty() && depth <= MAX_REPLICATION_DEPTH {
            let found = self.db.replications_of(&level).await?;
            let offices = self
                .db
                .offices_by_ids(&found.iter().map(|row| row.office_id).collect::<Vec<_>>())
                .await?;
            level = found.iter().map(|row| row.id).collect();
            for row in found {
                if let Some(office) = offices.get(&row.office_id) {
                    replications.push((depth, row.clone(), office.clone()));
                }
            }
            depth += 1;
        }
        Ok(replications)
    }

    /// Takes the next step on an innovation for its office; nothing is kept when the step does not
    /// follow its stage or a field is refused, or when someone took a step meanwhile.
    pub async fn take_innovation_step(
        &self,
        who: &SignedIn,
        id: i32,
        fields: &StepFields,
    ) -> Result<InnovationStage, Error> {
        let innovation = self.db.innovation(id).await?;
        self.require(who, Action::SubmitForOffice, innovation.office_id)
            .await?;
        let stage = innovation.record.stage;
        let step = check_step(stage, fields)?;
        if step.step == InnovationStep::Replicate {
            return Err(invalid("step", "error-innovation-step"));
        }
        let after = step.stage_after;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        match tx.add_innovation_step(id, stage, step).await {
            Ok(()) => {}
            Err(udbhabon_db::DbError::Conflict(_)) => {
                return Err(invalid("step", "error-innovation-moved"));
            }
            Err(error) => return Err(error.into()),
        }
        tx.commit().await?;
        Ok(after)
    }

    /// Another office adopts an innovation: a copy of it, linked to the original, starts there as
    /// approved for a pilot, and the original is marked replicated with a dated step. An office does not
    /// replicate its own innovation, nor one not yet evaluated.
    pub async fn replicate_innovation(
        &self,
        who: &SignedIn,
        id: i32,
        office_key: &str,
    ) -> Result<i32, Error> {
        let original = self.db.innovation(id).await?;
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::SubmitForOffice, office.id)
            .await?;
        if office.id == original.office_id {
            return Err(invalid("office", "error-replicate-same-office"));
        }
        let stage = original.record.stage;
        let replicated = stage
            .after(InnovationStep::Replicate)
            .map_err(|_| invalid("office", "error-replicate-not-evaluated"))?;
        let copy = InnovationDraft {
            stage: InnovationStage::ApprovedForPilot,
            started_on: Some(self.today()),
            completed_on: None,
            service_link: None,
            links: Vec::new(),
            tcv: Tcv::default(),
            ..original.record.clone()
        };
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let copy_id = tx.insert_innovation(office.id, copy, Some(id)).await?;
        let step = StepDraft {
            step: InnovationStep::Replicate,
            stage_after: replicated,
            note: office.name.bn.clone(),
            place: office.key.clone(),
            from: Some(self.today()),
            to: None,
            links: Vec::new(),
        };
        match tx.add_innovation_step(id, stage, step).await {
            Ok(()) => {}
            Err(udbhabon_db::DbError::Conflict(_)) => {
                return Err(invalid("office", "error-innovation-moved"));
            }
            Err(error) => return Err(error.into()),
        }
        tx.commit().await?;
        Ok(copy_id)
    }
}
