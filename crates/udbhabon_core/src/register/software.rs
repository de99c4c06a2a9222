//! An office's software register, read with its records (where a system runs and what data it holds
//! are not published) and kept by those who run its team: systems registered and corrected, the
//! handover of each one's source code recorded, and what each needs renewed and its tests and audits
//! shown with it.

use udbhabon_db::office::OfficeRow;
use udbhabon_db::plan::progress::EvidenceRow;
use udbhabon_db::register::certification::{CertificationRow, FindingRow};
use udbhabon_db::register::renewal::RenewalRow;
use udbhabon_db::register::software::SoftwareRow;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::register::software::{
    HandoverFields, SoftwareFields, check_handover, check_software,
};

use crate::account::SignedIn;
use crate::{App, Error};

/// An office's register, as its page shows it.
#[derive(Debug, Clone)]
pub struct SoftwareRegister {
    pub office: OfficeRow,
    pub systems: Vec<SoftwareRow>,
    /// The systems' renewals, the soonest to lapse first.
    pub renewals: Vec<RenewalRow>,
    /// Whether the reader keeps the register.
    pub can_manage: bool,
}

/// One system, for its page.
#[derive(Debug, Clone)]
pub struct SoftwareDetail {
    pub office: OfficeRow,
    pub row: SoftwareRow,
    /// Its renewals, the soonest to lapse first.
    pub renewals: Vec<RenewalRow>,
    /// Its tests and audits, the latest first, each with its file.
    pub certifications: Vec<(CertificationRow, Option<EvidenceRow>)>,
    /// Their findings, the soonest due first.
    pub findings: Vec<FindingRow>,
    pub can_manage: bool,
}

impl App {
    /// An office's register, for those who read its records.
    pub async fn software_register(
        &self,
        who: &SignedIn,
        office_key: &str,
    ) -> Result<SoftwareRegister, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ViewOfficeRecords, office.id)
            .await?;
        let systems = self.db.software_of(office.id).await?;
        let ids: Vec<i32> = systems.iter().map(|row| row.id).collect();
        Ok(SoftwareRegister {
            renewals: self.db.renewals_of(&ids).await?,
            systems,
            can_manage: self.may(who, Action::ManageTeam, office.id).await?,
            office,
        })
    }

    /// Registers a system of an office; returns its id.
    pub async fn add_software(
        &self,
        who: &SignedIn,
        office_key: &str,
        fields: &SoftwareFields,
    ) -> Result<i32, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ManageTeam, office.id).await?;
        let software = check_software(fields)?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let id = tx.insert_software(office.id, &software).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// One system, for those who read its office's records.
    pub async fn software_detail(&self, who: &SignedIn, id: i32) -> Result<SoftwareDetail, Error> {
        let row = self.db.software(id).await?;
        let office = self.db.office_by_id(row.office_id).await?;
        self.require(who, Action::ViewOfficeRecords, office.id)
            .await?;
        let mut certifications = Vec::new();
        for certification in self.db.certifications_of(row.id).await? {
            let file = match certification.file_id {
                Some(file_id) => Some(self.db.evidence_file(file_id).await?),
                None => None,
            };
            certifications.push((certification, file));
        }
        let ids: Vec<i32> = certifications.iter().map(|(row, _)| row.id).collect();
        Ok(SoftwareDetail {
            findings: self.db.findings_of(&ids).await?,
            certifications,
            renewals: self.db.renewals_of(&[row.id]).await?,
            can_manage: self.may(who, Action::ManageTeam, office.id).await?,
            office,
            row,
        })
    }

    /// Corrects a system's details.
    pub async fn save_software(
        &self,
        who: &SignedIn,
        id: i32,
        fields: &SoftwareFields,
    ) -> Result<(), Error> {
        self.managed_software(who, id).await?;
        let software = check_software(fields)?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.update_software(id, (Some(&software), None)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records the handover of a system's source code (again, when it is handed over anew).
    pub async fn record_handover(
        &self,
        who: &SignedIn,
        id: i32,
        fields: &HandoverFields,
    ) -> Result<(), Error> {
        self.managed_software(who, id).await?;
        let handover = check_handover(fields, self.today())?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.update_software(id, (None, Some(&handover))).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A system whose register the reader keeps.
    pub(crate) async fn managed_software(
        &self,
        who: &SignedIn,
        id: i32,
    ) -> Result<SoftwareRow, Error> {
        let row = self.db.software(id).await?;
        self.require(who, Action::ManageTeam, row.office_id).await?;
        Ok(row)
    }
}
