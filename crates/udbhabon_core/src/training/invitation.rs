//! A training's invitation (আমন্ত্রণপত্র), issued like a meeting notice: under the office's next memo
//! number, signed by whoever issues it, its PDF kept in both languages, and mailed to every
//! participant with the sessions for their calendar; before that, a draft to read.

use std::collections::HashMap;

use chrono::NaiveDate;
use udbhabon_db::office::person::{PersonRow, PostRow};
use udbhabon_db::training::invitation::InvitationRow;
use udbhabon_docs::{Fonts, NoticeView, NumberedItem};
use udbhabon_domain::account::access::Action;
use udbhabon_domain::office::memo::MemoNumber;
use udbhabon_domain::{Bilingual, Lang};
use udbhabon_i18n::{format, t, t_args};

use crate::account::SignedIn;
use crate::error::invalid;
use crate::mail::{Attachment, Mail};
use crate::team::order::pdf::{
    Document, document_language, full_stop, memo_line, office_letterhead, signature_of,
};
use crate::training::{Participant, TrainingDetail};
use crate::{App, Error};

/// The kind under which issued invitations' PDFs are stored.
const INVITATION_DOCUMENT: &str = "training_invitation";

/// Who signs an invitation and under which number: as issued, or (a draft) as the reader would sign
/// it, with no number or date yet.
#[derive(Debug, Clone, Default)]
pub struct Invitation {
    pub memo: Option<MemoNumber>,
    pub issued_on: Option<NaiveDate>,
    pub signer: Option<PersonRow>,
    pub signer_post: Option<PostRow>,
}

/// The training's particulars as the letter and its mail give them: dates, total hours, venue, link,
/// who helps give it and the trainers.
fn particulars(detail: &TrainingDetail, lang: Lang) -> Vec<(String, String)> {
    let training = &detail.row.training;
    let trainers: Vec<&str> = training
        .trainers
        .iter()
        .chain(&training.guest_trainers)
        .map(String::as_str)
        .collect();
    [
        (
            "training-dates",
            format::date_span(lang, training.starts_on(), training.ends_on()),
        ),
        (
            "training-total-hours",
            format::hours(lang, u64::from(training.minutes())),
        ),
        ("training-venue", training.venue.get(lang).to_owned()),
        ("meeting-online-link", training.online_link.clone()),
        ("training-provider", training.provider.clone()),
        ("training-invitation-trainers", trainers.join(", ")),
    ]
    .into_iter()
    .filter(|(_, value)| !value.is_empty())
    .map(|(label, value)| (t(lang, label), value))
    .collect()
}

/// A participant as the distribution names them: "name, post, office".
pub fn participant_label(participant: &Participant, lang: Lang) -> String {
    [
        Some(participant.person.name.get(lang)),
        participant.post.as_ref().map(|post| post.label.get(lang)),
        Some(participant.office.name.get(lang)),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ")
}

/// The sessions, numbered: the day in both calendars, the hours, and what each covers.
fn schedule(detail: &TrainingDetail, lang: Lang) -> Vec<NumberedItem> {
    detail
        .row
        .training
        .sessions
        .iter()
        .enumerate()
        .map(|(index, session)| {
            let when = format!(
                "{}, {} – {}",
                format::date_both(lang, session.on),
                format::time(lang, session.from),
                format::time(lang, session.until)
            );
            NumberedItem {
                number: full_stop(lang, index + 1),
                text: if session.subject.is_empty() {
                    when
                } else {
                    format!("{when}: {}", session.subject)
                },
            }
        })
        .collect()
}

/// What the invitation prints in `lang`: the office's letter announcing the training and its
/// sessions, addressed to the participants.
pub fn invitation_view(detail: &TrainingDetail, invitation: &Invitation, lang: Lang) -> NoticeView {
    let title = detail.row.training.title.get(lang).to_owned();
    NoticeView {
        language: document_language(lang),
        letterhead: office_letterhead(lang, &detail.office),
        memo_line: memo_line(lang, invitation.memo.as_ref(), invitation.issued_on),
        title: match invitation.memo {
            Some(_) => t(lang, "doc-training-invitation-title"),
            None => format!(
                "{} ({})",
                t(lang, "doc-training-invitation-title"),
                t(lang, "doc-draft")
            ),
        },
        subject: (
            t(lang, "doc-notice-subject"),
            t_args(
                lang,
                "doc-training-invitation-subject",
                &[("title", title.clone())],
            ),
        ),
        body: t_args(lang, "doc-training-invitation-body", &[("title", title)]),
        fields: particulars(detail, lang),
        agenda: (t(lang, "doc-training-schedule"), schedule(detail, lang)),
        request: t(lang, "doc-training-invitation-request"),
        signature: signature_of(
            lang,
            invitation.issued_on,
            invitation.signer.as_ref(),
            invitation.signer_post.as_ref(),
        ),
        distribution: (
            format!("{} :", t(lang, "meeting-distribution-heading")),
            detail
                .participants
                .iter()
                .enumerate()
                .map(|(index, participant)| NumberedItem {
                    number: format::digits(lang, &format!("{})", index + 1)),
                    text: participant_label(participant, lang),
                })
                .collect(),
        ),
    }
}

fn render(
    fonts: &Fonts,
    detail: &TrainingDetail,
    invitation: &Invitation,
    lang: Lang,
) -> Result<Vec<u8>, Error> {
    udbhabon_docs::render_notice(fonts, &invitation_view(detail, invitation, lang))
        .map_err(|error| Error::Internal(error.to_string()))
}

/// The invitation mail's text, in Bengali and then in English.
fn mail_body(detail: &TrainingDetail, memo: &MemoNumber) -> String {
    Lang::ALL
        .into_iter()
        .map(|lang| {
            let lines = |items: Vec<String>| items.join("\n");
            t_args(
                lang,
                "training-invitation-mail-body",
                &[
                    ("memo", memo.printed(lang)),
                    ("title", detail.row.training.title.get(lang).to_owned()),
                    (
                        "office",
                        match lang {
                            Lang::Bn => bangla::grammar::genitive(&detail.office.name.bn),
                            Lang::En => detail.office.name.en.clone(),
                        },
                    ),
                    (
                        "particulars",
                        lines(
                            particulars(detail, lang)
                                .into_iter()
                                .map(|(label, value)| format!("{label}: {value}"))
                                .collect(),
                        ),
                    ),
                    (
                        "schedule",
                        lines(
                            schedule(detail, lang)
                                .into_iter()
                                .map(|item| format!("{} {}", item.number, item.text))
                                .collect(),
                        ),
                    ),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n----\n\n")
}

impl App {
    /// A training's invitation as issued, with its signer.
    pub(crate) async fn issued_invitation(
        &self,
        training_id: i32,
    ) -> Result<Option<Invitation>, Error> {
        let Some(row) = self.db.training_invitation(training_id).await? else {
            return Ok(None);
        };
        Ok(Some(self.invitation_signed(&row).await?))
    }

    async fn invitation_signed(&self, row: &InvitationRow) -> Result<Invitation, Error> {
        Ok(Invitation {
            memo: Some(row.memo.clone()),
            issued_on: Some(row.issued_on),
            signer: self
                .db
                .people(&[row.signer_person_id])
                .await?
                .remove(&row.signer_person_id),
            signer_post: self.post_of(row.signer_post_id).await?,
        })
    }

    async fn post_of(&self, id: Option<i32>) -> Result<Option<PostRow>, Error> {
        Ok(match id {
            Some(id) => self.db.posts(&[id]).await?.remove(&id),
            None => None,
        })
    }

    /// The mail address of each participant, in their order (`None` for one mail cannot reach).
    pub(crate) async fn participant_reach(
        &self,
        participants: &[Participant],
    ) -> Result<Vec<Option<String>>, Error> {
        let people: Vec<Option<&PersonRow>> = participants
            .iter()
            .map(|participant| Some(&participant.person))
            .collect();
        self.addresses_of(&people).await
    }

    /// Issues a training's invitation: takes its memo number from the file, keeps its PDF in both
    /// languages, and mails each participant with an address the letter and the sessions for their
    /// calendar. Refused once issued, before anyone takes part, and after the training has begun.
    /// The number is used and the letter kept only if all of that succeeds.
    pub async fn issue_training_invitation(
        &self,
        who: &SignedIn,
        id: i32,
        memo_file: &str,
    ) -> Result<MemoNumber, Error> {
        let office = self.training_office(who, id).await?;
        let fonts = self.fonts()?;
        let today = self.today();
        let signer_post_id = self.post_held_in(who.person_id, office.id).await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let row = tx.lock_training(id).await?;
        if tx.training_invited(id).await? {
            return Err(invalid("memo_file", "error-training-invited"));
        }
        if row.training.starts_on() < today {
            return Err(invalid("memo_file", "error-training-invitation-begun"));
        }
        if tx.participants(id).await?.is_empty() {
            return Err(invalid("memo_file", "error-training-invitation-nobody"));
        }
        // The file is asked for once the training can be invited to at all.
        let file = self.office_memo_file(office.id, memo_file).await?;
        let purpose = Bilingual::new(
            format!("প্রশিক্ষণের আমন্ত্রণপত্র: {}", row.training.title.bn),
            format!("Training invitation: {}", row.training.title.en),
        );
        let memo = tx.take_memo_number(file.id, today, purpose).await?;
        let issued = InvitationRow {
            training_id: id,
            memo: memo.clone(),
            issued_on: today,
            signer_person_id: who.person_id,
            signer_post_id,
        };
        tx.record_training_invitation(&issued).await?;
        let detail = self.training_record(who, id).await?;
        let invitation = self.invitation_signed(&issued).await?;
        let mut pdfs = HashMap::new();
        for lang in Lang::ALL {
            let bytes = render(fonts, &detail, &invitation, lang)?;
            tx.store_issued_document(
                INVITATION_DOCUMENT,
                id,
                lang,
                "application/pdf",
                bytes.clone(),
            )
            .await?;
            pdfs.insert(lang, bytes);
        }
        let mut addresses: Vec<String> = self
            .participant_reach(&detail.participants)
            .await?
            .into_iter()
            .flatten()
            .collect();
        addresses.sort();
        addresses.dedup();
        let calendar = self.training_schedule(&detail.row);
        let lang = Lang::Bn;
        let mails: Vec<Mail> = addresses
            .into_iter()
            .map(|to| Mail {
                at: self.now(),
                to,
                subject: t_args(
                    lang,
                    "training-invitation-mail-subject",
                    &[("title", detail.row.training.title.get(lang).to_owned())],
                ),
                body: mail_body(&detail, &memo),
                attachments: vec![
                    Attachment::pdf(
                        format!("training-invitation-{id}.pdf"),
                        pdfs.get(&lang).cloned().unwrap_or_default(),
                    ),
                    Attachment::calendar("sessions.ics", "PUBLISH", &calendar),
                ],
            })
            .collect();
        tx.commit().await?;
        self.mail_letters(mails, &format!("training #{id}"), "a training invitation")
            .await;
        tracing::info!(training = id, memo = %memo, "training invitation issued");
        Ok(memo)
    }

    /// A training's invitation in `lang`: as issued and kept, for readers of the office's records;
    /// before that, a draft without number or date signed by the reader, for those who run its
    /// trainings.
    pub async fn invitation_pdf(
        &self,
        who: &SignedIn,
        id: i32,
        lang: Lang,
    ) -> Result<Document, Error> {
        let row = self.db.training(id).await?;
        self.require(who, Action::ViewOfficeRecords, row.office_id)
            .await?;
        let file_name = format!("training-invitation-{id}.pdf");
        if let Some(stored) = self
            .db
            .issued_document(INVITATION_DOCUMENT, id, lang)
            .await?
        {
            return Ok(Document {
                file_name,
                bytes: stored.bytes,
            });
        }
        if !self.may(who, Action::ManageTeam, row.office_id).await? {
            return Err(Error::NotFound(format!("the invitation of training #{id}")));
        }
        let detail = self.training_record(who, id).await?;
        let draft = Invitation {
            signer: self
                .db
                .people(&[who.person_id])
                .await?
                .remove(&who.person_id),
            signer_post: self
                .post_of(self.post_held_in(who.person_id, row.office_id).await?)
                .await?,
            ..Invitation::default()
        };
        Ok(Document {
            file_name: format!("training-invitation-{id}-draft.pdf"),
            bytes: render(self.fonts()?, &detail, &draft, lang)?,
        })
    }
}
