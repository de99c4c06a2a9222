//! The tests and audits of a system in the software register, kept by those who run its office's team:
//! each recorded with its certificate or report file (read by those who read the office's records), its
//! findings added with the day each is to be fixed by, and each finding closed with what was done; and
//! the open findings due soon or overdue, for the inbox and the reminder job.

use chrono::Duration;
use udbhabon_db::plan::progress::EvidenceRow;
use udbhabon_db::register::certification::{CertificationRow, FindingRow};
use udbhabon_domain::account::access::Action;
use udbhabon_domain::register::certification::{
    CertificationFields, ClosureFields, FindingFields, check_certification, check_closure,
    check_finding,
};
use udbhabon_domain::{Bilingual, Lang};
use udbhabon_i18n::t_args;

use crate::account::SignedIn;
use crate::files::{EVIDENCE, check_uploads, record_uploads};
use crate::{App, Error};

/// A finding as the inbox and the reminders name it: what, and of which system.
fn finding_title(row: &FindingRow, system: &Bilingual) -> Bilingual {
    let title = |lang: Lang| {
        t_args(
            lang,
            "finding-title",
            &[
                ("text", row.finding.text.clone()),
                ("system", system.get(lang).to_owned()),
            ],
        )
    };
    Bilingual::new(title(Lang::Bn), title(Lang::En))
}

/// An open finding to watch: the finding, its title, and its system's id.
pub(crate) type WatchedFinding = (FindingRow, Bilingual, i32);

impl App {
    /// Records a test or audit of a system, with its certificate or report file when one is given.
    pub async fn add_certification(
        &self,
        who: &SignedIn,
        software_id: i32,
        fields: &CertificationFields,
        files: Vec<(String, Vec<u8>)>,
    ) -> Result<(), Error> {
        let system = self.managed_software(who, software_id).await?;
        let checked = check_certification(fields, self.today());
        let mut errors = checked.as_ref().err().cloned().unwrap_or_default();
        let uploads = check_uploads(EVIDENCE, files, "file", &mut errors);
        if uploads.len() > 1 {
            errors.add("file", "error-certification-one-file");
        }
        errors.into_result(())?;
        let certification = checked?;
        let stored = self.files.keep(uploads).await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let file_ids = record_uploads(&tx, &stored).await?;
        tx.insert_certification(system.id, (&certification, file_ids.first().copied()))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The certificate or report file of a system's test or audit, for those who read its office's
    /// records.
    pub async fn certification_file(
        &self,
        who: &SignedIn,
        (software_id, id): (i32, i32),
    ) -> Result<(EvidenceRow, Vec<u8>), Error> {
        let system = self.db.software(software_id).await?;
        self.require(who, Action::ViewOfficeRecords, system.office_id)
            .await?;
        let certification = self.certification_of(software_id, id).await?;
        let file_id = certification
            .file_id
            .ok_or_else(|| Error::NotFound(format!("the file of certification #{id}")))?;
        let file = self.db.evidence_file(file_id).await?;
        let bytes = self.files.get(&file.sha256).await?;
        Ok((file, bytes))
    }

    /// Adds a finding to a system's test or audit.
    pub async fn add_finding(
        &self,
        who: &SignedIn,
        (software_id, certification_id): (i32, i32),
        fields: &FindingFields,
    ) -> Result<(), Error> {
        let system = self.managed_software(who, software_id).await?;
        let certification = self.certification_of(software_id, certification_id).await?;
        let finding = check_finding(fields, certification.certification.tested_on)?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.insert_finding((certification.id, system.office_id), &finding)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Closes a finding of a system's test or audit with what was done.
    pub async fn close_finding(
        &self,
        who: &SignedIn,
        (software_id, id): (i32, i32),
        fields: &ClosureFields,
    ) -> Result<(), Error> {
        self.managed_software(who, software_id).await?;
        let certifications = self.db.certifications_of(&[software_id]).await?;
        let ids: Vec<i32> = certifications.iter().map(|row| row.id).collect();
        let findings = self.db.findings_of(&ids).await?;
        let finding = findings
            .iter()
            .find(|finding| finding.id == id)
            .ok_or_else(|| Error::NotFound(format!("finding #{id} of software #{software_id}")))?;
        let tested_on = certifications
            .iter()
            .find(|row| row.id == finding.certification_id)
            .map(|row| row.certification.tested_on)
            .ok_or_else(|| {
                Error::NotFound(format!("certification #{}", finding.certification_id))
            })?;
        let closure = check_closure(fields, (tested_on, self.today()))?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.close_finding(id, &closure).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A test or audit of this system.
    async fn certification_of(&self, software_id: i32, id: i32) -> Result<CertificationRow, Error> {
        self.db
            .certifications(&[id])
            .await?
            .into_iter()
            .find(|row| row.software_id == software_id)
            .ok_or_else(|| {
                Error::NotFound(format!("certification #{id} of software #{software_id}"))
            })
    }

    /// The open findings of these offices (or of every office) due within `ahead_days` or overdue,
    /// each with its title and its system.
    pub(crate) async fn findings_to_watch(
        &self,
        offices: Option<&[i32]>,
        ahead_days: i64,
    ) -> Result<Vec<WatchedFinding>, Error> {
        let until = self.today() + Duration::days(ahead_days);
        let findings = self.db.open_findings(until, offices).await?;
        let mut ids: Vec<i32> = findings.iter().map(|row| row.certification_id).collect();
        ids.sort_unstable();
        ids.dedup();
        let certifications = self.db.certifications(&ids).await?;
        let software_ids: Vec<i32> = certifications.iter().map(|row| row.software_id).collect();
        let names = self.software_names(&software_ids).await?;
        Ok(findings
            .into_iter()
            .filter_map(|row| {
                let certification = certifications
                    .iter()
                    .find(|certification| certification.id == row.certification_id)?;
                let software_id = certification.software_id;
                let title = finding_title(&row, names.get(&software_id)?);
                Some((row, title, software_id))
            })
            .collect())
    }
}
