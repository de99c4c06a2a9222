//! The innovation database (decision 2.3) as use cases: an office records its innovative ideas,
//! simplified and digitized services; readers of an office's records list them (by kind) and open one.

use udbhabon_db::innovation::InnovationRow;
use udbhabon_db::office::OfficeRow;
use udbhabon_domain::access::Action;
use udbhabon_domain::innovation::{InnovationFields, InnovationKind, check_innovation};

use crate::account::{PeopleNames, SignedIn};
use crate::{App, Error};

/// An office's innovations, and those of the offices below it.
#[derive(Debug, Clone)]
pub struct InnovationList {
    pub office: OfficeRow,
    /// Each innovation with the office it belongs to, newest first.
    pub innovations: Vec<(InnovationRow, OfficeRow)>,
    /// Whether the reader records innovations for this office.
    pub may_record: bool,
}

/// One innovation with its office and who recorded it.
#[derive(Debug, Clone)]
pub struct InnovationDetail {
    pub innovation: InnovationRow,
    pub office: OfficeRow,
    pub names: PeopleNames,
}

impl App {
    /// The innovations of an office (by default the reader's first office) and of the offices below
    /// it, of one kind if given.
    pub async fn innovations_of(
        &self,
        who: &SignedIn,
        office_key: Option<&str>,
        kind: Option<InnovationKind>,
    ) -> Result<InnovationList, Error> {
        let office = match office_key {
            Some(key) => self.db.office_by_key(key).await?,
            None => {
                let grant = who.grants.first().ok_or(Error::Forbidden)?;
                self.db.office_by_id(grant.office_id).await?
            }
        };
        self.require(who, Action::ViewOfficeRecords, office.id)
            .await?;
        let mut offices = self.db.offices_under(office.id).await?;
        offices.push(office.clone());
        let ids: Vec<i32> = offices.iter().map(|office| office.id).collect();
        let innovations = self
            .db
            .innovations(Some(&ids), kind)
            .await?
            .into_iter()
            .filter_map(|row| {
                let office = offices.iter().find(|office| office.id == row.office_id)?;
                Some((row, office.clone()))
            })
            .collect();
        Ok(InnovationList {
            may_record: self.may(who, Action::SubmitForOffice, office.id).await?,
            office,
            innovations,
        })
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
        let id = tx.insert_innovation(office.id, draft).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// One innovation, for readers of its office's records.
    pub async fn innovation_detail(
        &self,
        who: &SignedIn,
        id: i32,
    ) -> Result<InnovationDetail, Error> {
        let innovation = self.db.innovation(id).await?;
        self.require(who, Action::ViewOfficeRecords, innovation.office_id)
            .await?;
        Ok(InnovationDetail {
            office: self.db.office_by_id(innovation.office_id).await?,
            names: self.names_of(&[innovation.by.as_str()]).await?,
            innovation,
        })
    }
}
