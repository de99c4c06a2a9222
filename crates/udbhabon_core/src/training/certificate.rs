//! Training certificates: issued at once to everyone who attended a training, each fixed as issued
//! with a code; typeset as a Bengali (or English) PDF, and checked by anyone with the code.

use udbhabon_db::training::certificate::CertificateRow;
use udbhabon_docs::{CertificateView, render_certificate};
use udbhabon_domain::Lang;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::training::certificate::Certificate;
use udbhabon_i18n::{format, t, t_args};

use crate::account::SignedIn;
use crate::error::invalid;
use crate::secret::{tracking_code, typed_code};
use crate::team::order::pdf::{Document, document_language};
use crate::training::attended_minutes;
use crate::{App, Error};

/// The address a certificate is checked at, under the installation's public address.
pub fn check_path(code: &str) -> String {
    format!("/certificates?code={code}")
}

/// A certificate found by its code, with the key of the office that issued it.
#[derive(Debug, Clone)]
pub struct CheckedCertificate {
    pub row: CertificateRow,
    pub organiser_key: String,
}

impl App {
    /// Issues a certificate to each participant who attended a session and holds none yet; returns
    /// how many were issued. What each certifies is fixed now: later corrections to the training
    /// change no certificate already issued.
    pub async fn issue_certificates(&self, who: &SignedIn, id: i32) -> Result<usize, Error> {
        let row = self.db.training(id).await?;
        let organiser = self.db.office_by_id(row.office_id).await?;
        self.require(who, Action::ManageTeam, organiser.id).await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let row = tx.lock_training(id).await?;
        let certified = tx.certified(id).await?;
        let due: Vec<_> = tx
            .participants(id)
            .await?
            .into_iter()
            .filter(|participant| {
                !participant.attended.is_empty() && !certified.contains(&participant.id)
            })
            .collect();
        if due.is_empty() {
            return Err(invalid("certificates", "error-training-nobody-to-certify"));
        }
        let people = self
            .db
            .people(&due.iter().map(|due| due.person_id).collect::<Vec<_>>())
            .await?;
        let offices = self
            .db
            .offices_by_ids(&due.iter().map(|due| due.office_id).collect::<Vec<_>>())
            .await?;
        for participant in &due {
            let (Some(person), Some(office)) = (
                people.get(&participant.person_id),
                offices.get(&participant.office_id),
            ) else {
                continue;
            };
            let certificate = Certificate {
                name: person.name.clone(),
                office: office.name.clone(),
                organiser: organiser.name.clone(),
                title: row.training.title.clone(),
                first_day: row.training.starts_on(),
                last_day: row.training.ends_on(),
                minutes: attended_minutes(&row.training, &participant.attended),
            };
            tx.insert_certificate(
                id,
                participant.id,
                &tracking_code()?,
                self.today(),
                &certificate,
            )
            .await?;
        }
        tx.commit().await?;
        tracing::info!(training = id, issued = due.len(), "certificates issued");
        Ok(due.len())
    }

    /// A participant's certificate as a PDF in `lang`, for those who read the training's office's
    /// records.
    pub async fn certificate_pdf(
        &self,
        who: &SignedIn,
        id: i32,
        participant: i32,
        lang: Lang,
    ) -> Result<Document, Error> {
        let row = self.db.training(id).await?;
        self.require(who, Action::ViewOfficeRecords, row.office_id)
            .await?;
        let certificate = self
            .db
            .certificates(id)
            .await?
            .into_iter()
            .find(|certificate| certificate.participant_id == participant)
            .ok_or_else(|| {
                Error::NotFound(format!("the certificate of participant #{participant}"))
            })?;
        let view = certificate_view(lang, &certificate, &self.public_url);
        Ok(Document {
            file_name: format!("certificate-{}.pdf", certificate.code),
            bytes: render_certificate(self.fonts()?, &view)
                .map_err(|error| Error::Internal(error.to_string()))?,
        })
    }

    /// The certificate a code names, for anyone; `None` when no certificate has it.
    pub async fn check_certificate(&self, code: &str) -> Result<Option<CheckedCertificate>, Error> {
        let Some(row) = self.db.certificate_by_code(&typed_code(code)).await? else {
            return Ok(None);
        };
        let training = self.db.training(row.training_id).await?;
        let organiser = self.db.office_by_id(training.office_id).await?;
        Ok(Some(CheckedCertificate {
            row,
            organiser_key: organiser.key,
        }))
    }
}

fn certificate_view(lang: Lang, row: &CertificateRow, public_url: &str) -> CertificateView {
    let certificate = &row.certificate;
    CertificateView {
        language: document_language(lang),
        government: t(lang, "government"),
        organiser: certificate.organiser.get(lang).to_owned(),
        title: t(lang, "certificate-title"),
        preamble: t(lang, "certificate-preamble"),
        name: certificate.name.get(lang).to_owned(),
        body: t_args(
            lang,
            "certificate-body",
            &[
                ("office", certificate.office.get(lang).to_owned()),
                ("organiser", certificate.organiser.get(lang).to_owned()),
                ("training", certificate.title.get(lang).to_owned()),
                (
                    "dates",
                    format::date_span(lang, certificate.first_day, certificate.last_day),
                ),
                ("hours", format::hours(lang, u64::from(certificate.minutes))),
            ],
        ),
        check: t_args(
            lang,
            "certificate-check",
            &[
                ("code", row.code.clone()),
                ("address", format!("{public_url}{}", check_path(&row.code))),
            ],
        ),
        issued: t_args(
            lang,
            "certificate-issued",
            &[("date", format::date_both(lang, row.issued_on))],
        ),
        signature: t(lang, "certificate-signature"),
    }
}
