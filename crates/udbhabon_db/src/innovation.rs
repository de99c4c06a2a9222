//! The innovation database as stored: each office's innovations, read by office and kind.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::innovation::{
    InnovationDraft, InnovationKind, InnovationStage, ServiceChannel, Tcv,
};

use crate::entity::innovation;
use crate::office::rows;
use crate::{Db, DbError, Tx};

/// An innovation as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct InnovationRow {
    pub id: i32,
    pub office_id: i32,
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
            by: model.created_by,
            at: model.created_at,
        })
    }
}

impl Db {
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

    pub async fn innovation(&self, id: i32) -> Result<InnovationRow, DbError> {
        innovation::Entity::find_by_id(id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("innovation #{id}")))?
            .try_into()
    }
}

impl Tx {
    /// Records an office's innovation; returns its id.
    pub async fn insert_innovation(
        &self,
        office_id: i32,
        draft: InnovationDraft,
    ) -> Result<i32, DbError> {
        let tcv = (draft.tcv != Tcv::default())
            .then(|| serde_json::to_string(&draft.tcv))
            .transpose()
            .map_err(|error| DbError::Other(error.to_string()))?;
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
                ..Default::default()
            })
            .await?;
        Ok(inserted.id)
    }
}
