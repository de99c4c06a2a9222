//! An office's software register, read with its records (where a system runs and what data it holds
//! are not published) and kept by those who run its team: systems registered and corrected, the
//! handover of each one's source code recorded, and what each needs renewed and its tests and audits
//! shown with it; the register as a table.

use std::collections::HashMap;

use chrono::NaiveDate;
use udbhabon_db::office::OfficeRow;
use udbhabon_db::plan::progress::EvidenceRow;
use udbhabon_db::register::certification::{CertificationRow, FindingRow};
use udbhabon_db::register::renewal::RenewalRow;
use udbhabon_db::register::software::SoftwareRow;
use udbhabon_docs::table::{Rows, TableFormat, write_table};
use udbhabon_domain::account::access::Action;
use udbhabon_domain::register::software::{
    HandoverFields, SoftwareFields, check_handover, check_software,
};
use udbhabon_domain::{Bilingual, Vocabulary};

use crate::account::SignedIn;
use crate::{App, Error};

/// The columns of the register as a table.
pub const SOFTWARE_COLUMNS: [&str; 22] = [
    "id",
    "name_bn",
    "name_en",
    "owner",
    "vendor",
    "hosting",
    "url",
    "users",
    "personal_data",
    "data_class",
    "code_custody",
    "code_handed_over_on",
    "code_version",
    "build_verified_on",
    "next_renewal_kind",
    "next_renewal_subject",
    "next_renewal_expires_on",
    "latest_test_kind",
    "latest_tested_on",
    "latest_test_result",
    "open_findings",
    "overdue_findings",
];

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
        for certification in self.db.certifications_of(&[row.id]).await? {
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

    /// An office's register as a table for those who read its records: a row per system with its
    /// source-code handover, its next renewal, its latest test and its findings open and overdue.
    pub async fn export_software(
        &self,
        who: &SignedIn,
        office_key: &str,
        format: TableFormat,
    ) -> Result<Vec<u8>, Error> {
        let register = self.software_register(who, office_key).await?;
        let ids: Vec<i32> = register.systems.iter().map(|row| row.id).collect();
        let certifications = self.db.certifications_of(&ids).await?;
        let tested: Vec<i32> = certifications.iter().map(|row| row.id).collect();
        let findings = self.db.findings_of(&tested).await?;
        let today = self.today();
        let date = |date: NaiveDate| date.format("%Y-%m-%d").to_string();
        let mut rows: Rows = vec![
            SOFTWARE_COLUMNS
                .iter()
                .map(|column| (*column).to_owned())
                .collect(),
        ];
        for row in &register.systems {
            let software = &row.software;
            let handover = row.handover.as_ref();
            let verified = handover.and_then(|handover| handover.verified.as_ref());
            let renewal = register
                .renewals
                .iter()
                .find(|renewal| renewal.software_id == row.id)
                .map(|row| &row.renewal);
            let latest = certifications
                .iter()
                .find(|certification| certification.software_id == row.id)
                .map(|row| &row.certification);
            let open: Vec<_> = findings
                .iter()
                .filter(|finding| finding.closure.is_none())
                .filter(|finding| {
                    certifications.iter().any(|certification| {
                        certification.id == finding.certification_id
                            && certification.software_id == row.id
                    })
                })
                .collect();
            rows.push(vec![
                row.id.to_string(),
                software.name.bn.clone(),
                software.name.en.clone(),
                software.owner.clone(),
                software.vendor.clone(),
                software.hosting.code().to_owned(),
                software.url.clone(),
                software
                    .users
                    .map(|users| users.to_string())
                    .unwrap_or_default(),
                if software.personal_data { "yes" } else { "no" }.to_owned(),
                software.data_class.code().to_owned(),
                handover
                    .map(|handover| handover.custody.code().to_owned())
                    .unwrap_or_default(),
                handover
                    .map(|handover| date(handover.handed_over_on))
                    .unwrap_or_default(),
                handover
                    .map(|handover| handover.version.clone())
                    .unwrap_or_default(),
                verified.map(|(_, on)| date(*on)).unwrap_or_default(),
                renewal
                    .map(|renewal| renewal.kind.code().to_owned())
                    .unwrap_or_default(),
                renewal
                    .map(|renewal| renewal.subject.clone())
                    .unwrap_or_default(),
                renewal
                    .map(|renewal| date(renewal.expires_on))
                    .unwrap_or_default(),
                latest
                    .map(|latest| latest.kind.code().to_owned())
                    .unwrap_or_default(),
                latest
                    .map(|latest| date(latest.tested_on))
                    .unwrap_or_default(),
                latest
                    .map(|latest| latest.result.code().to_owned())
                    .unwrap_or_default(),
                open.len().to_string(),
                open.iter()
                    .filter(|finding| finding.finding.due_on < today)
                    .count()
                    .to_string(),
            ]);
        }
        write_table(format, "software", &rows).map_err(|error| Error::Internal(error.to_string()))
    }

    /// The names of these systems (any order, repeats allowed), by id.
    pub(crate) async fn software_names(
        &self,
        ids: &[i32],
    ) -> Result<HashMap<i32, Bilingual>, Error> {
        let mut ids = ids.to_vec();
        ids.sort_unstable();
        ids.dedup();
        Ok(self
            .db
            .software_by_ids(&ids)
            .await?
            .into_iter()
            .map(|row| (row.id, row.software.name))
            .collect())
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
