//! Reading innovation teams, the office orders that constitute them, their members and terms of reference.

pub mod directory;
pub mod order;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use udbhabon_domain::Bilingual;
use udbhabon_domain::office::memo::MemoNumber;
use udbhabon_domain::team::TeamRole;

use crate::entity::{team, team_order, team_order_term};
use crate::office::memo::stored_memo;
use crate::office::rows;
use crate::{Db, DbError};

/// An office's innovation team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamRow {
    pub id: i32,
    pub key: String,
    pub office_id: i32,
    pub name: Bilingual,
}

/// What an office order constituting a team records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamOrderRecord {
    pub team_id: i32,
    pub issuing_unit_id: Option<i32>,
    pub memo_number: MemoNumber,
    pub issued_on: NaiveDate,
    pub effective_from: NaiveDate,
    pub cites_memo: Option<MemoNumber>,
    pub cites_date: Option<NaiveDate>,
    pub preamble: Bilingual,
    pub terms_heading: Bilingual,
    pub closing: Bilingual,
    pub signatory_person_id: i32,
    pub signatory_post_id: i32,
    pub signed_on: NaiveDate,
    /// The endorsement serial under which the copies go out ("/১").
    pub endorsement: u32,
    pub copies_intro: Bilingual,
}

/// A stored office order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamOrderRow {
    pub id: i32,
    pub record: TeamOrderRecord,
    pub copies_list_id: i32,
}

/// A post's place and role in the team an order constitutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamMemberRow {
    pub position: i32,
    pub post_id: i32,
    pub role: TeamRole,
}

impl From<team::Model> for TeamRow {
    fn from(model: team::Model) -> Self {
        Self {
            id: model.id,
            key: model.key,
            office_id: model.office_id,
            name: Bilingual::new(model.name_bn, model.name_en),
        }
    }
}

impl TryFrom<team_order::Model> for TeamOrderRow {
    type Error = DbError;

    fn try_from(model: team_order::Model) -> Result<Self, DbError> {
        let record = TeamOrderRecord {
            team_id: model.team_id,
            issuing_unit_id: model.issuing_unit_id,
            memo_number: stored_memo(&model.memo_number)?,
            issued_on: model.issued_on,
            effective_from: model.effective_from,
            cites_memo: model.cites_memo.as_deref().map(stored_memo).transpose()?,
            cites_date: model.cites_date,
            preamble: Bilingual::new(model.preamble_bn, model.preamble_en),
            terms_heading: Bilingual::new(model.terms_heading_bn, model.terms_heading_en),
            closing: Bilingual::new(model.closing_bn, model.closing_en),
            signatory_person_id: model.signatory_person_id,
            signatory_post_id: model.signatory_post_id,
            signed_on: model.signed_on,
            endorsement: u32::try_from(model.endorsement)
                .map_err(|_| DbError::Other("negative endorsement".into()))?,
            copies_intro: Bilingual::new(model.copies_intro_bn, model.copies_intro_en),
        };
        Ok(Self {
            id: model.id,
            record,
            copies_list_id: model.copies_list_id,
        })
    }
}

impl Db {
    pub async fn team_by_key(&self, key: &str) -> Result<TeamRow, DbError> {
        Ok(team::Entity::find()
            .filter(team::Column::Key.eq(key))
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("team {key}")))?
            .into())
    }

    pub async fn team_by_id(&self, id: i32) -> Result<TeamRow, DbError> {
        Ok(team::Entity::find_by_id(id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("team #{id}")))?
            .into())
    }

    pub async fn team_order(&self, id: i32) -> Result<TeamOrderRow, DbError> {
        team_order::Entity::find_by_id(id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("office order #{id}")))?
            .try_into()
    }

    /// The innovation teams of an office (normally one).
    pub async fn teams_of_office(&self, office_id: i32) -> Result<Vec<TeamRow>, DbError> {
        let models = team::Entity::find()
            .filter(team::Column::OfficeId.eq(office_id))
            .order_by_asc(team::Column::Id)
            .all(self.connection())
            .await?;
        Ok(models.into_iter().map(Into::into).collect())
    }

    /// The order in force on `on`: the latest to take effect on or before that day.
    pub async fn order_in_force(
        &self,
        team_id: i32,
        on: NaiveDate,
    ) -> Result<Option<TeamOrderRow>, DbError> {
        team_order::Entity::find()
            .filter(team_order::Column::TeamId.eq(team_id))
            .filter(team_order::Column::EffectiveFrom.lte(on))
            .order_by_desc(team_order::Column::EffectiveFrom)
            .order_by_desc(team_order::Column::Id)
            .one(self.connection())
            .await?
            .map(TryInto::try_into)
            .transpose()
    }

    /// Every order of a team, newest first.
    pub async fn orders_of_team(&self, team_id: i32) -> Result<Vec<TeamOrderRow>, DbError> {
        let models = team_order::Entity::find()
            .filter(team_order::Column::TeamId.eq(team_id))
            .order_by_desc(team_order::Column::EffectiveFrom)
            .order_by_desc(team_order::Column::Id)
            .all(self.connection())
            .await?;
        rows(models)
    }

    /// The members an order names, in its order.
    pub async fn order_members(&self, order_id: i32) -> Result<Vec<TeamMemberRow>, DbError> {
        Ok(self
            .members_of_orders(&[order_id])
            .await?
            .remove(&order_id)
            .unwrap_or_default())
    }

    /// The terms of reference an order gives, in their numbered order.
    pub async fn order_terms(&self, order_id: i32) -> Result<Vec<Bilingual>, DbError> {
        let models = team_order_term::Entity::find()
            .filter(team_order_term::Column::OrderId.eq(order_id))
            .order_by_asc(team_order_term::Column::Position)
            .all(self.connection())
            .await?;
        Ok(models
            .into_iter()
            .map(|model| Bilingual::new(model.text_bn, model.text_en))
            .collect())
    }
}
