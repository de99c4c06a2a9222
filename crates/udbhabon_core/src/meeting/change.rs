//! Postponing or cancelling a called meeting: a numbered notice of the change in both languages, kept
//! like the invitation, and mailed to the invitees with the calendar entry moved or called off.

use std::collections::HashMap;

use udbhabon_db::meeting::change::{MeetingChangeRow, NewMeetingChange};
use udbhabon_docs::NoticeView;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::meeting::MeetingChangeKind;
use udbhabon_domain::office::memo::MemoNumber;
use udbhabon_domain::{Bilingual, Lang, ValidationErrors, Vocabulary};
use udbhabon_i18n::{format, t, t_args};

use crate::account::SignedIn;
use crate::mail::{Attachment, Mail};
use crate::meeting::MeetingDetail;
use crate::meeting::notice::letter::{agenda_lines, distribution, invitee_label, particulars};
use crate::team::order::pdf::{
    Document, document_language, memo_line, office_letterhead, signature_of,
};
use crate::{App, Error};

/// The kind under which change notices' PDFs are stored, by change.
pub(crate) const CHANGE_DOCUMENT: &str = "meeting_change";

/// The change form as typed.
#[derive(Debug, Clone, Default)]
pub struct ChangeFields {
    /// "postponed" or "cancelled".
    pub kind: String,
    pub held_on: String,
    pub starts_at: String,
    pub reason: String,
    pub memo_file: String,
}

/// What a change notice prints in `lang`: `detail` is the meeting as it stands after the change.
pub fn change_view(detail: &MeetingDetail, change: &MeetingChangeRow, lang: Lang) -> NoticeView {
    let record = &detail.meeting.record;
    let title = record.title.get(lang).to_owned();
    let postponed = change.change.kind == MeetingChangeKind::Postponed;
    let kind = change.change.kind.code();
    let body = t_args(
        lang,
        &format!("doc-{kind}-body"),
        &[
            ("title", title.clone()),
            ("from", format::date(lang, change.from.0)),
            ("reason", change.change.reason.clone()),
        ],
    );
    NoticeView {
        language: document_language(lang),
        letterhead: office_letterhead(lang, &detail.office),
        memo_line: memo_line(
            lang,
            Some(&change.change.memo),
            Some(change.change.issued_on),
        ),
        title: t(lang, &format!("doc-{kind}-title")),
        subject: (t(lang, "doc-notice-subject"), title),
        body,
        fields: if postponed {
            particulars(detail, lang)
        } else {
            Vec::new()
        },
        agenda: (
            t(lang, "meeting-agenda"),
            if postponed {
                agenda_lines(detail, lang)
            } else {
                Vec::new()
            },
        ),
        request: if postponed {
            t(lang, "doc-notice-request")
        } else {
            String::new()
        },
        signature: signature_of(
            lang,
            Some(change.change.issued_on),
            detail.member_secretary.as_ref(),
            detail.member_secretary_post.as_ref(),
        ),
        distribution: distribution(detail, lang),
    }
}

/// What the change form shows: the meeting, the memo files its notice may be numbered from, the
/// invitees mail will not reach, and why it cannot be changed, when it cannot.
#[derive(Debug, Clone)]
pub struct ChangeChoices {
    pub detail: MeetingDetail,
    pub memo_files: Vec<udbhabon_db::office::memo::MemoFileRow>,
    pub unreached: Vec<String>,
    pub why_not: Option<&'static str>,
}

impl App {
    /// The change form of a meeting, for whoever runs its office's team.
    pub async fn change_choices(
        &self,
        who: &SignedIn,
        key: &str,
        lang: Lang,
    ) -> Result<ChangeChoices, Error> {
        let detail = self.meeting(key).await?;
        let office_id = detail.meeting.record.office_id;
        self.require(who, Action::ManageTeam, office_id).await?;
        let reach = self.invitee_reach(&detail).await?;
        let unreached = detail
            .invitees
            .iter()
            .zip(reach)
            .filter(|(_, address)| address.is_none())
            .map(|(invitee, _)| invitee_label(invitee, lang))
            .collect();
        Ok(ChangeChoices {
            why_not: changeable(&detail.meeting).err(),
            memo_files: self.db.memo_files(office_id).await?,
            unreached,
            detail,
        })
    }

    /// Postpones or cancels a called meeting, for whoever runs its office's team: after its notice
    /// went out and before its minutes are begun. The change's notice takes the next number of the
    /// memo file, is typeset in both languages and kept, and is mailed to every invitee with an address
    /// with the calendar entry moved (or called off); nothing is kept unless all of it succeeds.
    pub async fn change_meeting(
        &self,
        who: &SignedIn,
        key: &str,
        fields: &ChangeFields,
    ) -> Result<MemoNumber, Error> {
        let meeting = self.db.meeting_by_key(key).await?;
        self.require(who, Action::ManageTeam, meeting.record.office_id)
            .await?;
        let today = self.today();
        let mut errors = ValidationErrors::new();
        if let Err(key) = changeable(&meeting) {
            errors.add("kind", key);
        }
        let kind = MeetingChangeKind::from_code(fields.kind.trim()).ok();
        if kind.is_none() {
            errors.add("kind", "error-meeting-change-kind");
        }
        let record = &meeting.record;
        let mut to = None;
        if kind == Some(MeetingChangeKind::Postponed) {
            let day = match bangla::parse_date(fields.held_on.trim()) {
                Ok(day) if day < today => {
                    errors.add("held_on", "error-meeting-change-past");
                    None
                }
                Ok(day) => Some(day),
                Err(_) => {
                    errors.add("held_on", "error-bad-date");
                    None
                }
            };
            let time = match fields.starts_at.trim() {
                "" => Ok(record.starts_at),
                typed => bangla::parse_time(typed).map(Some),
            };
            match (day, time) {
                (_, Err(_)) => {
                    errors.add("starts_at", "error-meeting-bad-time");
                }
                (Some(day), Ok(time)) if (day, time) == (record.held_on, record.starts_at) => {
                    errors.add("held_on", "error-meeting-change-same");
                }
                (Some(day), Ok(time)) => to = Some((day, time)),
                (None, Ok(_)) => {}
            }
        }
        if fields.reason.trim().is_empty() {
            errors.add("reason", "error-decision-reason");
        }
        let file = match self
            .office_memo_file(record.office_id, &fields.memo_file)
            .await
        {
            Ok(file) => Some(file),
            Err(Error::Invalid(problems)) => {
                errors.errors.extend(problems.errors);
                None
            }
            Err(error) => return Err(error),
        };
        errors.into_result(())?;
        let (Some(kind), Some(file)) = (kind, file) else {
            return Err(Error::Internal("a checked change lost its kind".into()));
        };
        let fonts = self.fonts()?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let locked = tx.lock_meeting(meeting.id).await?;
        changeable(&locked).map_err(|key| crate::error::invalid("kind", key))?;
        // The form was checked against the day and time read before the lock; a change taken
        // meanwhile moved them.
        if (locked.record.held_on, locked.record.starts_at) != (record.held_on, record.starts_at) {
            return Err(crate::error::invalid(
                "kind",
                "error-meeting-changed-meanwhile",
            ));
        }
        let purpose = Bilingual::new(
            format!(
                "{}: {}",
                t(Lang::Bn, &format!("doc-{}-title", kind.code())),
                record.title.bn
            ),
            format!(
                "{}: {}",
                t(Lang::En, &format!("doc-{}-title", kind.code())),
                record.title.en
            ),
        );
        let memo = tx.take_memo_number(file.id, today, purpose).await?;
        let change = NewMeetingChange {
            kind,
            reason: fields.reason.trim().to_owned(),
            memo: memo.clone(),
            issued_on: today,
            to,
        };
        let change_id = tx.record_meeting_change(meeting.id, change.clone()).await?;
        let mut detail = self.meeting(key).await?;
        let row = MeetingChangeRow {
            id: change_id,
            meeting_id: meeting.id,
            change,
            from: (record.held_on, record.starts_at),
        };
        if let Some((day, time)) = to {
            detail.meeting.record.held_on = day;
            detail.meeting.record.starts_at = time;
        }
        let mut pdfs = HashMap::new();
        for lang in Lang::ALL {
            let bytes = udbhabon_docs::render_notice(fonts, &change_view(&detail, &row, lang))
                .map_err(|error| Error::Internal(error.to_string()))?;
            tx.store_issued_document(
                CHANGE_DOCUMENT,
                change_id,
                lang,
                "application/pdf",
                bytes.clone(),
            )
            .await?;
            pdfs.insert(lang, bytes);
        }
        // Calendar programs take the latest of an event by its sequence: one per change.
        let sequence = detail.changes.len() + 1;
        let calendar = self.meeting_change_calendar(&detail, kind, sequence);
        let mut mails = Vec::new();
        for address in self.invitee_addresses(&detail).await? {
            mails.push(Mail {
                at: self.now(),
                to: address,
                subject: t_args(
                    Lang::Bn,
                    &format!("meeting-{}-mail-subject", kind.code()),
                    &[("title", record.title.bn.clone())],
                ),
                body: change_mail_body(&detail, &row),
                attachments: vec![
                    Attachment::pdf(
                        format!("{}-{key}.pdf", kind.code()),
                        pdfs.get(&Lang::Bn).cloned().unwrap_or_default(),
                    ),
                    Attachment::calendar(
                        "invitation.ics",
                        if kind == MeetingChangeKind::Cancelled {
                            "CANCEL"
                        } else {
                            "REQUEST"
                        },
                        &calendar,
                    ),
                ],
            });
        }
        tx.commit().await?;
        self.mail_letters(mails, key, "a meeting change").await;
        tracing::info!(meeting = %key, memo = %memo, change = kind.code(), "meeting changed");
        Ok(memo)
    }

    /// A change notice of a meeting in `lang`, as kept when it was issued, for readers of the
    /// office's records.
    pub async fn change_notice_pdf(
        &self,
        who: &SignedIn,
        key: &str,
        change_id: i32,
        lang: Lang,
    ) -> Result<Document, Error> {
        let meeting = self.db.meeting_by_key(key).await?;
        self.require(who, Action::ViewOfficeRecords, meeting.record.office_id)
            .await?;
        let change = self
            .db
            .meeting_changes(meeting.id)
            .await?
            .into_iter()
            .find(|change| change.id == change_id)
            .ok_or_else(|| Error::NotFound(format!("change #{change_id} of {key}")))?;
        let stored = self
            .db
            .issued_document(CHANGE_DOCUMENT, change.id, lang)
            .await?
            .ok_or_else(|| Error::NotFound(format!("the notice of change #{change_id}")))?;
        Ok(Document {
            file_name: format!("{}-{key}.pdf", change.change.kind.code()),
            bytes: stored.bytes,
        })
    }
}

/// Whether a meeting may still be postponed or cancelled: its notice went out, it was not called off,
/// and its minutes are not begun; else why not, as a message key.
pub fn changeable(meeting: &udbhabon_db::meeting::MeetingRow) -> Result<(), &'static str> {
    if meeting.cancelled_on.is_some() {
        Err("error-meeting-cancelled")
    } else if meeting.record.minutes_stage.is_some() {
        Err("error-meeting-change-held")
    } else if meeting.record.notice_memo.is_none() {
        Err("error-meeting-change-before-notice")
    } else {
        Ok(())
    }
}

/// The change mail's text, in Bengali and then in English.
fn change_mail_body(detail: &MeetingDetail, change: &MeetingChangeRow) -> String {
    Lang::ALL
        .into_iter()
        .map(|lang| {
            let view = change_view(detail, change, lang);
            let particulars = view
                .fields
                .iter()
                .map(|(label, value)| format!("{label}: {value}"))
                .collect::<Vec<_>>()
                .join("\n");
            [view.title, view.body, particulars]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join("\n\n")
        })
        .collect::<Vec<_>>()
        .join("\n\n----\n\n")
}
