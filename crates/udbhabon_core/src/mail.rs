//! Sending mail: through an SMTP server when one is configured, otherwise into a folder of `.eml`
//! files (development, tests, and offices without mail), so that nothing is ever lost silently.

use std::path::PathBuf;

use lettre::message::header::ContentType;
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use udbhabon_db::office::person::PersonRow;

use crate::{App, Error};

/// Where mail goes.
#[derive(Debug, Clone)]
pub enum MailSettings {
    /// An SMTP server: `smtp://host:25`, `smtps://user:password@host:465`, `smtp://host:587?tls=required`.
    Smtp { url: String, from: String },
    /// A folder that receives each message as an `.eml` file.
    Folder { dir: PathBuf, from: String },
}

/// The configured way of sending mail.
#[derive(Debug, Clone)]
pub(crate) enum Mailer {
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
    },
    Folder {
        dir: PathBuf,
        from: Mailbox,
    },
}

/// A message to one recipient, in plain text, with any attached files.
#[derive(Debug, Clone)]
pub(crate) struct Mail {
    /// When it is sent, from the application's clock (names the file in a mail folder).
    pub(crate) at: chrono::DateTime<chrono::Utc>,
    pub(crate) to: String,
    pub(crate) subject: String,
    pub(crate) body: String,
    pub(crate) attachments: Vec<Attachment>,
}

/// A file sent with a message.
#[derive(Debug, Clone)]
pub(crate) struct Attachment {
    pub(crate) file_name: String,
    /// The media type, with parameters ("text/calendar; method=REQUEST; charset=UTF-8").
    pub(crate) media_type: String,
    pub(crate) bytes: Vec<u8>,
}

impl Attachment {
    /// A PDF document.
    pub(crate) fn pdf(file_name: String, bytes: Vec<u8>) -> Self {
        Self {
            file_name,
            media_type: "application/pdf".into(),
            bytes,
        }
    }

    /// An iCalendar text sent with its iTIP `method` (REQUEST, CANCEL, PUBLISH).
    pub(crate) fn calendar(file_name: &str, method: &str, text: &str) -> Self {
        Self {
            file_name: file_name.into(),
            media_type: format!("text/calendar; method={method}; charset=UTF-8"),
            bytes: text.as_bytes().to_vec(),
        }
    }
}

fn mailbox(text: &str) -> Result<Mailbox, Error> {
    text.parse().map_err(|error| {
        Error::Unavailable(format!(
            "the mail sender \"{text}\" is not a valid address: {error}"
        ))
    })
}

impl Mailer {
    pub(crate) fn new(settings: &MailSettings) -> Result<Self, Error> {
        match settings {
            MailSettings::Smtp { url, from } => Ok(Self::Smtp {
                transport: AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|error| {
                        Error::Unavailable(format!("the SMTP address is not usable: {error}"))
                    })?
                    .build(),
                from: mailbox(from)?,
            }),
            MailSettings::Folder { dir, from } => Ok(Self::Folder {
                dir: dir.clone(),
                from: mailbox(from)?,
            }),
        }
    }

    /// Sends a message, or writes it to the folder.
    pub(crate) async fn send(&self, mail: Mail) -> Result<(), Error> {
        let at = mail.at;
        let from = match self {
            Self::Smtp { from, .. } | Self::Folder { from, .. } => from.clone(),
        };
        let builder = Message::builder()
            .from(from)
            .to(mailbox(&mail.to)?)
            .subject(mail.subject);
        let built = if mail.attachments.is_empty() {
            builder.header(ContentType::TEXT_PLAIN).body(mail.body)
        } else {
            let mut parts = MultiPart::mixed().singlepart(SinglePart::plain(mail.body));
            for attachment in mail.attachments {
                let media_type = ContentType::parse(&attachment.media_type).map_err(|error| {
                    Error::Internal(format!(
                        "the attachment type {} is not valid: {error}",
                        attachment.media_type
                    ))
                })?;
                parts = parts.singlepart(
                    lettre::message::Attachment::new(attachment.file_name)
                        .body(attachment.bytes, media_type),
                );
            }
            builder.multipart(parts)
        };
        let message = built
            .map_err(|error| Error::Internal(format!("cannot build a mail message: {error}")))?;
        match self {
            Self::Smtp { transport, .. } => {
                transport.send(message).await.map_err(|error| {
                    Error::Unavailable(format!("the mail server refused the message: {error}"))
                })?;
            }
            Self::Folder { dir, .. } => {
                tokio::fs::create_dir_all(dir).await.map_err(|error| {
                    Error::Unavailable(format!("cannot write mail to {}: {error}", dir.display()))
                })?;
                let name = format!(
                    "{}-{}.eml",
                    at.format("%Y%m%dT%H%M%S%.6f"),
                    &crate::secret::random_token()?[..8]
                );
                tokio::fs::write(dir.join(&name), message.formatted())
                    .await
                    .map_err(|error| {
                        Error::Unavailable(format!(
                            "cannot write mail to {}: {error}",
                            dir.display()
                        ))
                    })?;
                tracing::info!(file = %dir.join(name).display(), "mail written to the mail folder");
            }
        }
        Ok(())
    }
}

impl App {
    /// Sends letters' mails once the letter is committed, so that a mail server's refusal cannot undo
    /// an issued letter: a message that fails is logged (with `what` was not mailed, about `record`)
    /// and the letter stays issued, to be printed and carried.
    pub(crate) async fn mail_letters(&self, mails: Vec<Mail>, record: &str, what: &str) {
        for mail in mails {
            let to = mail.to.clone();
            if let Err(error) = self.mailer.send(mail).await {
                tracing::warn!(record, %to, %error, "{what} was not mailed");
            }
        }
    }

    /// Each person's mail address, in order: their own, else their account's; `None` for nobody (a
    /// vacant post) and for a person with neither, whom a letter reaches only on paper.
    pub(crate) async fn addresses_of(
        &self,
        people: &[Option<&PersonRow>],
    ) -> Result<Vec<Option<String>>, Error> {
        let ids: Vec<i32> = people.iter().flatten().map(|person| person.id).collect();
        let accounts = self.db.accounts_of_people(&ids).await?;
        Ok(people
            .iter()
            .map(|person| {
                let person = (*person)?;
                person.email.clone().or_else(|| {
                    accounts
                        .iter()
                        .find(|account| account.person_id == person.id)
                        .map(|account| account.email.clone())
                })
            })
            .collect())
    }
}
