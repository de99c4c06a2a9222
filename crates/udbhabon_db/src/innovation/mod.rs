//! The innovation database as stored: each office's innovations, read by office and kind, their dated
//! steps, and which innovation each replicates.

pub mod award;
pub mod search;

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::innovation::{
    InnovationDraft, InnovationKind, InnovationStage, InnovationStep, ServiceChannel, StepDraft,
    Tcv,
};

use crate::entity::{innovation, innovation_step, office};
use crate::innovation::search::{index_statement, unindex_statement};
use crate::office::rows;
use crate::{Db, DbError, Tx};

/// An innovation as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct InnovationRow {
    pub id: i32,
    pub office_id: i32,
    /// The innovation of another office this one copies.
    pub replicates_id: Option<i32>,
    /// When its office's team put it on the public showcase, if it is there.
    pub showcased_at: Option<DateTime<Utc>>,
    pub record: InnovationDraft,
    pub by: String,
    pub at: DateTime<Utc>,
}

impl TryFrom<innovation::Model> for InnovationRow {
    type Error = DbError;

    fn try_from(model: innovation::Model) -> Result<Self, DbError> {
        let tcv: Tcv = model
            .tcv
            .as_deref()
            .map(serde_json::from_str)
            .transpose()
            .map_err(|error| DbError::Other(format!("a stored TCV is invalid: {error}")))?
            .unwrap_or_default();
        Ok(Self {
            record: InnovationDraft {
                kind: InnovationKind::from_code(&model.kind)?,
                stage: InnovationStage::from_code(&model.stage)?,
                channel: model
                    .channel
                    .as_deref()
                    .map(ServiceChannel::from_code)
                    .transpose()?,
                title: model.title,
                title_en: model.title_en,
                service: model.service,
                problem: model.problem,
                root_cause: model.root_cause,
                solution: model.solution,
                started_on: model.started_on,
                completed_on: model.completed_on,
                service_link: model.service_link,
                links: model.links.lines().map(str::to_owned).collect(),
                tcv,
            },
            id: model.id,
            office_id: model.office_id,
            replicates_id: model.replicates_id,
            showcased_at: model.showcased_at,
            by: model.created_by,
            at: model.created_at,
        })
    }
}

/// One dated step of an innovation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InnovationStepRow {
    pub step: InnovationStep,
    pub stage_after: InnovationStage,
    pub note: String,
    pub place: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub links: Vec<String>,
    pub by: String,
    pub at: DateTime<Utc>,
}

impl TryFrom<innovation_step::Model> for InnovationStepRow {
    type Error = DbError;

    fn try_from(model: innovation_step::Model) -> Result<Self, DbError> {
        Ok(Self {
            step: InnovationStep::from_code(&model.step)?,
            stage_after: InnovationStage::from_code(&model.stage_after)?,
            note: model.note,
            place: model.place,
            from: model.from_on,
            to: model.to_on,
            links: model.links.lines().map(str::to_owned).collect(),
            by: model.taken_by,
            at: model.taken_at,
        })
    }
}

impl Db {
    /// An innovation's steps, oldest first.
    pub async fn innovation_steps(
        &self,
        innovation_id: i32,
    ) -> Result<Vec<InnovationStepRow>, DbError> {
        let models = innovation_step::Entity::find()
            .filter(innovation_step::Column::InnovationId.eq(innovation_id))
            .order_by_asc(innovation_step::Column::Id)
            .all(self.connection())
            .await?;
        rows(models)
    }

    /// The innovations that replicate any of these, oldest first.
    pub async fn replications_of(&self, ids: &[i32]) -> Result<Vec<InnovationRow>, DbError> {
        let models = innovation::Entity::find()
            .filter(innovation::Column::ReplicatesId.is_in(ids.iter().copied()))
            .order_by_asc(innovation::Column::Id)
            .all(self.connection())
            .await?;
        rows(models)
    }

    /// The innovations of these offices (every office when `None`), of a kind if given, newest first.
    pub async fn innovations(
        &self,
        office_ids: Option<&[i32]>,
        kind: Option<InnovationKind>,
    ) -> Result<Vec<InnovationRow>, DbError> {
        let mut query = innovation::Entity::find();
        if let Some(ids) = office_ids {
            query = query.filter(innovation::Column::OfficeId.is_in(ids.iter().copied()));
        }
        if let Some(kind) = kind {
            query = query.filter(innovation::Column::Kind.eq(kind.code()));
        }
        let models = query
            .order_by_desc(innovation::Column::Id)
            .all(self.connection())
            .await?;
        rows(models)
    }

    /// One page of the innovations of an office and every office below it (of a kind if given, and
    /// older than `before` if given), the newest first, and how many there are in all: two queries on
    /// the office's ancestor path however large the subtree, and only the page read out. A reader
    /// going through them all asks for those `before` the last it read, which no insertion shifts.
    pub async fn innovations_in_subtree(
        &self,
        office_id: i32,
        kind: Option<InnovationKind>,
        before: Option<i32>,
        (offset, limit): (u64, u64),
    ) -> Result<(Vec<InnovationRow>, u64), DbError> {
        use sea_orm::PaginatorTrait;
        use sea_orm::sea_query::Query;
        let below = self
            .offices_below(crate::plan::dashboard::Scope::Office(office_id))
            .await?;
        let subtree = Query::select()
            .column((office::Entity, office::Column::Id))
            .from(office::Entity)
            .cond_where(below.condition())
            .to_owned();
        let mut query = innovation::Entity::find().filter(
            sea_orm::Condition::any()
                .add(innovation::Column::OfficeId.eq(office_id))
                .add(innovation::Column::OfficeId.in_subquery(subtree)),
        );
        if let Some(kind) = kind {
            query = query.filter(innovation::Column::Kind.eq(kind.code()));
        }
        if let Some(before) = before {
            query = query.filter(innovation::Column::Id.lt(before));
        }
        let total = query.clone().count(self.connection()).await?;
        let models = query
            .order_by_desc(innovation::Column::Id)
            .offset(offset)
            .limit(limit)
            .all(self.connection())
            .await?;
        Ok((rows(models)?, total))
    }

    /// The innovations with these ids, in the order given (an id not found is left out).
    pub async fn innovations_with_ids(&self, ids: &[i32]) -> Result<Vec<InnovationRow>, DbError> {
        let mut found: Vec<InnovationRow> = rows(
            innovation::Entity::find()
                .filter(innovation::Column::Id.is_in(ids.iter().copied()))
                .all(self.connection())
                .await?,
        )?;
        found.sort_by_key(|row| ids.iter().position(|id| *id == row.id));
        Ok(found)
    }

    /// The innovations on the public showcase, of a kind if given, the latest shown first.
    pub async fn showcased_innovations(
        &self,
        kind: Option<InnovationKind>,
    ) -> Result<Vec<InnovationRow>, DbError> {
        let mut query =
            innovation::Entity::find().filter(innovation::Column::ShowcasedAt.is_not_null());
        if let Some(kind) = kind {
            query = query.filter(innovation::Column::Kind.eq(kind.code()));
        }
        let models = query
            .order_by_desc(innovation::Column::ShowcasedAt)
            .order_by_desc(innovation::Column::Id)
            .all(self.connection())
            .await?;
        rows(models)
    }

    /// How many replications each of these innovations has, counting copies of copies: the tree is
    /// read a level at a time, each level one query, to `max_depth` levels.
    pub async fn replication_counts(
        &self,
        ids: &[i32],
        max_depth: usize,
    ) -> Result<HashMap<i32, usize>, DbError> {
        let mut counts: HashMap<i32, usize> = ids.iter().map(|id| (*id, 0)).collect();
        // Each copy at the current level, with the innovation whose tree it belongs to.
        let mut level: HashMap<i32, i32> = ids.iter().map(|id| (*id, *id)).collect();
        for _ in 0..max_depth {
            if level.is_empty() {
                break;
            }
            let copies: Vec<(i32, Option<i32>)> = innovation::Entity::find()
                .select_only()
                .column(innovation::Column::Id)
                .column(innovation::Column::ReplicatesId)
                .filter(innovation::Column::ReplicatesId.is_in(level.keys().copied()))
                .into_tuple()
                .all(self.connection())
                .await?;
            let mut next = HashMap::new();
            for (copy, original) in copies {
                if let Some(root) = original.and_then(|original| level.get(&original)) {
                    *counts.entry(*root).or_default() += 1;
                    next.insert(copy, *root);
                }
            }
            level = next;
        }
        Ok(counts)
    }

    pub async fn innovation(&self, id: i32) -> Result<InnovationRow, DbError> {
        innovation::Entity::find_by_id(id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("innovation #{id}")))?
            .try_into()
    }
}

impl Tx {
    /// Corrects what was recorded of an innovation (everything but its stage, which only its steps
    /// move), under its row lock, and indexes it again; the audit trail keeps both states.
    pub async fn correct_innovation(
        &self,
        innovation_id: i32,
        draft: InnovationDraft,
    ) -> Result<(), DbError> {
        let model = innovation::Entity::find_by_id(innovation_id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("innovation #{innovation_id}")))?;
        let tcv = tcv_text(&draft.tcv)?;
        let search_text = draft.search_text();
        self.update_audited::<innovation::ActiveModel>(model, |active| {
            active.kind = Set(draft.kind.code().to_owned());
            active.title = Set(draft.title);
            active.title_en = Set(draft.title_en);
            active.service = Set(draft.service);
            active.problem = Set(draft.problem);
            active.root_cause = Set(draft.root_cause);
            active.solution = Set(draft.solution);
            active.started_on = Set(draft.started_on);
            active.completed_on = Set(draft.completed_on);
            active.service_link = Set(draft.service_link);
            active.channel = Set(draft.channel.map(|channel| channel.code().to_owned()));
            active.links = Set(draft.links.join("\n"));
            active.tcv = Set(tcv);
        })
        .await?;
        let backend = self.transaction.get_database_backend();
        self.transaction
            .execute_raw(unindex_statement(backend, innovation_id))
            .await?;
        self.transaction
            .execute_raw(index_statement(backend, innovation_id, search_text))
            .await?;
        Ok(())
    }

    /// Puts an innovation on the public showcase, or takes it off.
    pub async fn set_showcased(&self, innovation_id: i32, showcased: bool) -> Result<(), DbError> {
        let model = innovation::Entity::find_by_id(innovation_id)
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("innovation #{innovation_id}")))?;
        let (at, by) = if showcased {
            (Some(self.author.at), Some(self.author.label.clone()))
        } else {
            (None, None)
        };
        self.update_audited::<innovation::ActiveModel>(model, |active| {
            active.showcased_at = Set(at);
            active.showcased_by = Set(by);
        })
        .await?;
        Ok(())
    }

    /// Takes a step on an innovation under its row lock: the stage must still be the one the step was
    /// checked against (a conflict otherwise, when someone took a step meanwhile); the step is kept and
    /// the stage follows.
    pub async fn add_innovation_step(
        &self,
        innovation_id: i32,
        from_stage: InnovationStage,
        step: StepDraft,
    ) -> Result<(), DbError> {
        let model = innovation::Entity::find_by_id(innovation_id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("innovation #{innovation_id}")))?;
        if model.stage != from_stage.code() {
            return Err(DbError::Conflict(format!(
                "innovation #{innovation_id} is {} now",
                model.stage
            )));
        }
        self.insert_audited(innovation_step::ActiveModel {
            innovation_id: Set(innovation_id),
            step: Set(step.step.code().to_owned()),
            stage_after: Set(step.stage_after.code().to_owned()),
            note: Set(step.note),
            place: Set(step.place),
            from_on: Set(step.from),
            to_on: Set(step.to),
            links: Set(step.links.join("\n")),
            taken_by: Set(self.author.label.clone()),
            taken_at: Set(self.author.at),
            ..Default::default()
        })
        .await?;
        let stage = step.stage_after.code().to_owned();
        self.update_audited::<innovation::ActiveModel>(model, |active| {
            active.stage = Set(stage);
        })
        .await?;
        Ok(())
    }

    /// Records an office's innovation (a copy of another office's, when `replicates` is given);
    /// returns its id.
    pub async fn insert_innovation(
        &self,
        office_id: i32,
        draft: InnovationDraft,
        replicates: Option<i32>,
    ) -> Result<i32, DbError> {
        let tcv = tcv_text(&draft.tcv)?;
        let search_text = draft.search_text();
        let inserted = self
            .insert_audited(innovation::ActiveModel {
                office_id: Set(office_id),
                kind: Set(draft.kind.code().to_owned()),
                stage: Set(draft.stage.code().to_owned()),
                title: Set(draft.title),
                title_en: Set(draft.title_en),
                service: Set(draft.service),
                problem: Set(draft.problem),
                root_cause: Set(draft.root_cause),
                solution: Set(draft.solution),
                started_on: Set(draft.started_on),
                completed_on: Set(draft.completed_on),
                service_link: Set(draft.service_link),
                channel: Set(draft.channel.map(|channel| channel.code().to_owned())),
                links: Set(draft.links.join("\n")),
                tcv: Set(tcv),
                created_by: Set(self.author.label.clone()),
                created_at: Set(self.author.at),
                replicates_id: Set(replicates),
                showcased_at: Set(None),
                showcased_by: Set(None),
                ..Default::default()
            })
            .await?;
        // The index is derived from the row just audited, so it is written beside it, unaudited.
        self.transaction
            .execute_raw(index_statement(
                self.transaction.get_database_backend(),
                inserted.id,
                search_text,
            ))
            .await?;
        Ok(inserted.id)
    }
}

/// The TCV figures as stored: none when nothing was given.
fn tcv_text(tcv: &Tcv) -> Result<Option<String>, DbError> {
    (*tcv != Tcv::default())
        .then(|| serde_json::to_string(tcv))
        .transpose()
        .map_err(|error| DbError::Other(error.to_string()))
}
