//! The tests and audits of the software registers and their findings: some systems', the open findings
//! of some offices due by a day (for the inbox and the reminder job), each added, and a finding closed.

use chrono::NaiveDate;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use udbhabon_domain::register::certification::{Certification, Closure, Finding};

use crate::entity::{certification, finding};
use crate::json::{from_json, to_json};
use crate::{Db, DbError, Tx};

/// A test or audit as kept, with its certificate or report file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificationRow {
    pub id: i32,
    pub software_id: i32,
    pub certification: Certification,
    pub file_id: Option<i32>,
}

/// A finding as kept, with its test and office, and its closure once closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingRow {
    pub id: i32,
    pub certification_id: i32,
    pub office_id: i32,
    pub finding: Finding,
    pub closure: Option<Closure>,
}

fn certification_row(model: certification::Model) -> Result<CertificationRow, DbError> {
    Ok(CertificationRow {
        certification: from_json("certification", model.id, &model.content)?,
        id: model.id,
        software_id: model.software_id,
        file_id: model.file_id,
    })
}

fn finding_rows(models: Vec<finding::Model>) -> Result<Vec<FindingRow>, DbError> {
    models
        .into_iter()
        .map(|model| {
            Ok(FindingRow {
                finding: from_json("finding", model.id, &model.content)?,
                closure: model
                    .closure
                    .as_deref()
                    .map(|text| from_json("finding closure", model.id, text))
                    .transpose()?,
                id: model.id,
                certification_id: model.certification_id,
                office_id: model.office_id,
            })
        })
        .collect()
}

impl Db {
    /// The tests and audits of these systems, the latest first.
    pub async fn certifications_of(
        &self,
        software_ids: &[i32],
    ) -> Result<Vec<CertificationRow>, DbError> {
        let mut rows = certification::Entity::find()
            .filter(certification::Column::SoftwareId.is_in(software_ids.iter().copied()))
            .order_by_desc(certification::Column::Id)
            .all(self.connection())
            .await?
            .into_iter()
            .map(certification_row)
            .collect::<Result<Vec<_>, _>>()?;
        rows.sort_by_key(|row| std::cmp::Reverse(row.certification.tested_on));
        Ok(rows)
    }

    /// These tests and audits.
    pub async fn certifications(&self, ids: &[i32]) -> Result<Vec<CertificationRow>, DbError> {
        certification::Entity::find()
            .filter(certification::Column::Id.is_in(ids.iter().copied()))
            .all(self.connection())
            .await?
            .into_iter()
            .map(certification_row)
            .collect()
    }

    /// The findings of these tests and audits, the soonest due first.
    pub async fn findings_of(&self, certification_ids: &[i32]) -> Result<Vec<FindingRow>, DbError> {
        finding_rows(
            finding::Entity::find()
                .filter(finding::Column::CertificationId.is_in(certification_ids.iter().copied()))
                .order_by_asc(finding::Column::DueOn)
                .order_by_asc(finding::Column::Id)
                .all(self.connection())
                .await?,
        )
    }

    /// The findings still open that are due by `until`, of these offices or of every office, the
    /// soonest first.
    pub async fn open_findings(
        &self,
        until: NaiveDate,
        offices: Option<&[i32]>,
    ) -> Result<Vec<FindingRow>, DbError> {
        let mut query = finding::Entity::find()
            .filter(finding::Column::Closure.is_null())
            .filter(finding::Column::DueOn.lte(until))
            .order_by_asc(finding::Column::DueOn)
            .order_by_asc(finding::Column::Id);
        if let Some(offices) = offices {
            query = query.filter(finding::Column::OfficeId.is_in(offices.iter().copied()));
        }
        finding_rows(query.all(self.connection()).await?)
    }
}

impl Tx {
    /// Records a test or audit of a system, with its file; returns its id.
    pub async fn insert_certification(
        &self,
        software_id: i32,
        (certification, file_id): (&Certification, Option<i32>),
    ) -> Result<i32, DbError> {
        let row = certification::ActiveModel {
            software_id: Set(software_id),
            content: Set(to_json(certification)?),
            file_id: Set(file_id),
            updated_by: Set(self.author.label.clone()),
            updated_at: Set(self.author.at),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    /// Records a finding of a test or audit of an office's system; returns its id.
    pub async fn insert_finding(
        &self,
        (certification_id, office_id): (i32, i32),
        finding: &Finding,
    ) -> Result<i32, DbError> {
        let row = finding::ActiveModel {
            certification_id: Set(certification_id),
            office_id: Set(office_id),
            content: Set(to_json(finding)?),
            due_on: Set(finding.due_on),
            closure: Set(None),
            updated_by: Set(self.author.label.clone()),
            updated_at: Set(self.author.at),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    /// Closes a finding; one already closed is a conflict.
    pub async fn close_finding(&self, id: i32, closure: &Closure) -> Result<(), DbError> {
        let before = finding::Entity::find_by_id(id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("finding #{id}")))?;
        if before.closure.is_some() {
            return Err(DbError::Conflict(format!("finding #{id} is closed")));
        }
        let closure = to_json(closure)?;
        let (label, at) = (self.author.label.clone(), self.author.at);
        self.update_audited(before, |active: &mut finding::ActiveModel| {
            active.closure = Set(Some(closure));
            active.updated_by = Set(label);
            active.updated_at = Set(at);
        })
        .await?;
        Ok(())
    }
}
