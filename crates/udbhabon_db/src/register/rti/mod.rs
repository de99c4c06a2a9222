//! The RTI register: an office's applications of a fiscal year, numbered as received, and their answer,
//! appeal and complaint recorded as each comes.

pub mod disclosure;

use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use udbhabon_domain::register::rti::{RtiAnswer, RtiAppeal, RtiComplaint, RtiRequest};

use crate::entity::rti_request;
use crate::json::{from_json, to_json};
use crate::{Db, DbError, Tx};

/// An application as kept, with what has been recorded on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RtiRow {
    pub id: i32,
    pub office_id: i32,
    /// The start year of its fiscal year.
    pub fiscal_year: i32,
    /// Its number in the office's register of that year.
    pub serial: i32,
    pub request: RtiRequest,
    pub answer: Option<RtiAnswer>,
    pub appeal: Option<RtiAppeal>,
    pub complaint: Option<RtiComplaint>,
}

impl TryFrom<rti_request::Model> for RtiRow {
    type Error = DbError;

    fn try_from(model: rti_request::Model) -> Result<Self, DbError> {
        let id = model.id;
        Ok(Self {
            request: from_json("rti request", id, &model.request)?,
            answer: optional_json("rti answer", id, model.answer.as_deref())?,
            appeal: optional_json("rti appeal", id, model.appeal.as_deref())?,
            complaint: optional_json("rti complaint", id, model.complaint.as_deref())?,
            id,
            office_id: model.office_id,
            fiscal_year: model.fiscal_year,
            serial: model.serial,
        })
    }
}

/// A JSON column that may still be empty.
fn optional_json<T: serde::de::DeserializeOwned>(
    what: &str,
    id: i32,
    text: Option<&str>,
) -> Result<Option<T>, DbError> {
    text.map(|text| from_json(what, id, text)).transpose()
}

/// What is recorded on an application after it came in.
#[derive(Debug, Clone)]
pub enum RtiStep {
    Answer(RtiAnswer),
    Appeal(RtiAppeal),
    Complaint(RtiComplaint),
}

impl Db {
    /// An office's applications of a fiscal year, in the order received.
    pub async fn rti_requests(
        &self,
        office_id: i32,
        fiscal_year: i32,
    ) -> Result<Vec<RtiRow>, DbError> {
        rti_request::Entity::find()
            .filter(rti_request::Column::OfficeId.eq(office_id))
            .filter(rti_request::Column::FiscalYear.eq(fiscal_year))
            .order_by_asc(rti_request::Column::Serial)
            .all(self.connection())
            .await?
            .into_iter()
            .map(TryInto::try_into)
            .collect()
    }

    /// The applications still running a clock (unanswered, or appealed), of these offices or of all.
    pub async fn open_rti_requests(
        &self,
        office_ids: Option<&[i32]>,
    ) -> Result<Vec<RtiRow>, DbError> {
        let mut query = rti_request::Entity::find().filter(
            Condition::any()
                .add(rti_request::Column::Answer.is_null())
                .add(rti_request::Column::Appeal.is_not_null()),
        );
        if let Some(ids) = office_ids {
            query = query.filter(rti_request::Column::OfficeId.is_in(ids.iter().copied()));
        }
        query
            .order_by_asc(rti_request::Column::Id)
            .all(self.connection())
            .await?
            .into_iter()
            .map(TryInto::try_into)
            .collect()
    }

    pub async fn rti_request(&self, id: i32) -> Result<RtiRow, DbError> {
        rti_request::Entity::find_by_id(id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("rti request #{id}")))?
            .try_into()
    }
}

impl Tx {
    /// Enters an application under the next number of the office's register of its fiscal year;
    /// returns its id and number.
    pub async fn insert_rti_request(
        &self,
        office_id: i32,
        fiscal_year: i32,
        request: &RtiRequest,
    ) -> Result<(i32, i32), DbError> {
        let last: Option<Option<i32>> = rti_request::Entity::find()
            .select_only()
            .column_as(rti_request::Column::Serial.max(), "serial")
            .filter(rti_request::Column::OfficeId.eq(office_id))
            .filter(rti_request::Column::FiscalYear.eq(fiscal_year))
            .into_tuple()
            .one(&self.transaction)
            .await?;
        let serial = last.flatten().unwrap_or(0) + 1;
        let row = rti_request::ActiveModel {
            office_id: Set(office_id),
            fiscal_year: Set(fiscal_year),
            serial: Set(serial),
            received_on: Set(request.received_on),
            request: Set(to_json(request)?),
            updated_by: Set(self.author.label.clone()),
            updated_at: Set(self.author.at),
            ..Default::default()
        };
        Ok((self.insert_audited(row).await?.id, serial))
    }

    /// Records the answer, appeal or complaint of an application, replacing what was recorded of it.
    pub async fn record_rti_step(&self, id: i32, step: &RtiStep) -> Result<(), DbError> {
        let before = rti_request::Entity::find_by_id(id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("rti request #{id}")))?;
        let value = match step {
            RtiStep::Answer(answer) => to_json(answer)?,
            RtiStep::Appeal(appeal) => to_json(appeal)?,
            RtiStep::Complaint(complaint) => to_json(complaint)?,
        };
        let (label, at) = (self.author.label.clone(), self.author.at);
        self.update_audited(before, |active: &mut rti_request::ActiveModel| {
            match step {
                RtiStep::Answer(_) => active.answer = Set(Some(value)),
                RtiStep::Appeal(_) => active.appeal = Set(Some(value)),
                RtiStep::Complaint(_) => active.complaint = Set(Some(value)),
            }
            active.updated_by = Set(label);
            active.updated_at = Set(at);
        })
        .await?;
        Ok(())
    }
}
