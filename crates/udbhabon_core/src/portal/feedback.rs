//! Citizens' ideas and feedback: a message received without an account and given a tracking code, its
//! status looked up with that code, the office's inbox where its focal point or member secretary
//! answers and chooses what is published, and the published answers on the office's page.

use udbhabon_db::office::OfficeRow;
use udbhabon_db::portal::feedback::FeedbackRow;
use udbhabon_domain::Lang;
use udbhabon_domain::Vocabulary;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::innovation::{
    InnovationFields, InnovationKind, InnovationStage, check_innovation,
};
use udbhabon_domain::portal::feedback::{FeedbackFields, FeedbackKind, check_feedback};

use crate::account::SignedIn;
use crate::error::invalid;
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
    /// Receives a citizen's message to an office; returns its tracking code, which is shown once.
    pub async fn send_feedback(
        &self,
        office_key: &str,
        fields: &FeedbackFields,
        lang: Lang,
    ) -> Result<String, Error> {
        let office = self.db.office_by_key(office_key).await?;
        let draft = check_feedback(fields)?;
        let code = tracking_code()?;
        let tx = self
            .db
            .begin(self.author(None, "a citizen on the portal"))
            .await?;
        tx.insert_feedback(office.id, &token_hash(&code), &draft, lang)
            .await?;
        tx.commit().await?;
        Ok(code)
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
