//! Citizens' ideas and feedback: a message received without an account (with a photo or PDF if the
//! citizen adds one) and given a tracking code, its status looked up with that code, the office's inbox
//! where its focal point or member secretary answers and chooses what is published, and the published
//! answers on the office's page. An attachment is only ever shown to the office.

use udbhabon_db::office::OfficeRow;
use udbhabon_db::plan::progress::EvidenceRow;
use udbhabon_db::portal::feedback::FeedbackRow;
use udbhabon_domain::Lang;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::innovation::{
    InnovationFields, InnovationKind, InnovationStage, check_innovation,
};
use udbhabon_domain::portal::feedback::{FeedbackFields, FeedbackKind, check_feedback};
use udbhabon_domain::{ValidationErrors, Vocabulary};

use crate::account::SignedIn;
use crate::error::invalid;
use crate::files::{ATTACHMENT, check_uploads, record_uploads};
use crate::secret::{token_hash, tracking_code, typed_code};
use crate::{App, Error};

/// How many messages an inbox or the published list shows: the latest, which is what is answered.
const SHOWN: u64 = 200;

/// An office's inbox.
#[derive(Debug, Clone)]
pub struct FeedbackInbox {
    pub office: OfficeRow,
    /// Those not answered first, then the newest.
    pub messages: Vec<FeedbackRow>,
}

/// A message as its sender sees it with the tracking code: never the sender's contact.
#[derive(Debug, Clone)]
pub struct TrackedFeedback {
    pub office: OfficeRow,
    pub message: FeedbackRow,
}

impl App {
    /// Receives a citizen's message to an office, with at most one attachment (`files`: name and
    /// content); returns its tracking code, which is shown once.
    pub async fn send_feedback(
        &self,
        office_key: &str,
        fields: &FeedbackFields,
        files: Vec<(String, Vec<u8>)>,
        lang: Lang,
    ) -> Result<String, Error> {
        let office = self.db.office_by_key(office_key).await?;
        let checked = check_feedback(fields);
        let mut errors = match &checked {
            // A program that filled the trap learns nothing more, not even about its file.
            Err(errors) if !fields.trap.is_empty() => return Err(errors.clone().into()),
            Err(errors) => errors.clone(),
            Ok(_) => ValidationErrors::new(),
        };
        let uploads = check_uploads(ATTACHMENT, files, "attachment", &mut errors);
        if uploads.len() > 1 {
            errors.add("attachment", "error-attachment-one");
        }
        let (Ok(draft), true) = (checked, errors.is_empty()) else {
            return Err(errors.into());
        };
        let code = tracking_code()?;
        let stored = self.files.keep(uploads).await?;
        let tx = self
            .db
            .begin(self.author(None, "a citizen on the portal"))
            .await?;
        let attachment = record_uploads(&tx, &stored).await?.first().copied();
        tx.insert_feedback(office.id, &token_hash(&code), &draft, lang, attachment)
            .await?;
        tx.commit().await?;
        Ok(code)
    }

    /// The photo or PDF a message came with, for the office's focal point or member secretary.
    pub async fn feedback_attachment(
        &self,
        who: &SignedIn,
        office_key: &str,
        id: i32,
    ) -> Result<(EvidenceRow, Vec<u8>), Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::SubmitForOffice, office.id)
            .await?;
        let message = self.message_of_office(&office, id).await?;
        let file_id = message
            .attachment_id
            .ok_or_else(|| Error::NotFound(format!("an attachment of message #{id}")))?;
        let file = self.db.evidence_file(file_id).await?;
        let bytes = self.files.get(&file.sha256).await?;
        Ok((file, bytes))
    }

    /// The message a tracking code names, as typed (either case, with or without its hyphen).
    pub async fn tracked_feedback(&self, code: &str) -> Result<TrackedFeedback, Error> {
        let message = self
            .db
            .feedback_by_code(&token_hash(&typed_code(code)))
            .await?;
        Ok(TrackedFeedback {
            office: self.db.office_by_id(message.office_id).await?,
            message,
        })
    }

    /// An office's messages, for its focal point or member secretary.
    pub async fn feedback_inbox(
        &self,
        who: &SignedIn,
        office_key: &str,
    ) -> Result<FeedbackInbox, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::SubmitForOffice, office.id)
            .await?;
        Ok(FeedbackInbox {
            messages: self.db.feedback_of_office(office.id, SHOWN).await?,
            office,
        })
    }

    /// Answers a message, and publishes it with its answer or keeps both to the office.
    pub async fn answer_feedback(
        &self,
        who: &SignedIn,
        office_key: &str,
        id: i32,
        answer: &str,
        publish: bool,
    ) -> Result<(), Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::SubmitForOffice, office.id)
            .await?;
        self.message_of_office(&office, id).await?;
        if answer.trim().is_empty() {
            return Err(invalid("answer", "error-feedback-answer"));
        }
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.answer_feedback(id, answer.trim(), publish).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Takes a citizen's idea up as the office's innovation record of kind "idea", from the fields the
    /// focal point wrote from it; the idea's sender then sees that it was taken up. Returns the
    /// innovation's id.
    pub async fn take_up_feedback(
        &self,
        who: &SignedIn,
        office_key: &str,
        id: i32,
        fields: &InnovationFields,
    ) -> Result<i32, Error> {
        let office = self.innovation_office(who, office_key).await?;
        let message = self.message_of_office(&office, id).await?;
        if message.kind != FeedbackKind::Idea || message.innovation_id.is_some() {
            return Err(invalid("message", "error-feedback-taken-up"));
        }
        let draft = check_innovation(&InnovationFields {
            kind: InnovationKind::Idea.code().to_owned(),
            stage: InnovationStage::Idea.code().to_owned(),
            ..fields.clone()
        })?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let innovation = tx.insert_innovation(office.id, draft, None).await?;
        tx.link_feedback_innovation(id, innovation)
            .await
            .map_err(|error| match error {
                udbhabon_db::DbError::Conflict(_) => invalid("message", "error-feedback-taken-up"),
                other => other.into(),
            })?;
        tx.commit().await?;
        Ok(innovation)
    }

    /// A message of the office; another office's, or none, is a refusal the page explains.
    async fn message_of_office(&self, office: &OfficeRow, id: i32) -> Result<FeedbackRow, Error> {
        match self.db.feedback(id).await {
            Ok(message) if message.office_id == office.id => Ok(message),
            Ok(_) | Err(udbhabon_db::DbError::NotFound(_)) => {
                Err(invalid("message", "error-feedback-gone"))
            }
            Err(other) => Err(other.into()),
        }
    }

    /// An office's published messages and answers, for anyone.
    pub async fn published_feedback(&self, office_key: &str) -> Result<Vec<FeedbackRow>, Error> {
        let office = self.db.office_by_key(office_key).await?;
        Ok(self.db.published_feedback(office.id, SHOWN).await?)
    }
}
