//! The invitation notice of a meeting: what it prints, its PDF (typeset when sent and kept), and the
//! mail that carries it to each invitee.

use udbhabon_docs::{Fonts, NoticeView, NumberedItem};
use udbhabon_domain::Lang;
use udbhabon_domain::account::access::Action;
use udbhabon_i18n::{format, t, t_args};

use crate::account::SignedIn;
use crate::meeting::MeetingDetail;
use crate::meeting::notice::InviteeDetail;
use crate::team::order::pdf::{
    Document, document_language, full_stop, memo_line, office_letterhead, signature_of,
};
use crate::{App, Error};

/// The kind under which sent notices' PDFs are stored.
pub(crate) const NOTICE_DOCUMENT: &str = "meeting_notice";

/// An invitee as the distribution list names them: the post and its office, or the person.
pub fn invitee_label(invitee: &InviteeDetail, lang: Lang) -> String {
    match (&invitee.post, &invitee.office, &invitee.person) {
        (Some(post), Some(office), _) => {
            format!("{}, {}", post.label.get(lang), office.name.get(lang))
        }
        (Some(post), None, _) => post.label.get(lang).to_owned(),
        (None, _, Some(person)) => person.name.get(lang).to_owned(),
        (None, _, None) => String::new(),
    }
}

/// The chair as the notice and the minutes name them: "name, designation".
fn chair(detail: &MeetingDetail, lang: Lang) -> String {
    [
        detail
            .chair
            .as_ref()
            .map(|person| person.name.get(lang).to_owned()),
        detail
            .chair_designation
            .as_ref()
            .map(|designation| designation.get(lang).to_owned()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ")
}

/// The meeting's particulars, label and value: date (both calendars), time, place, link, chair.
pub fn particulars(detail: &MeetingDetail, lang: Lang) -> Vec<(String, String)> {
    let record = &detail.meeting.record;
    let mut fields = vec![(
        t(lang, "meeting-date"),
        format::date_both(lang, record.held_on),
    )];
    if let Some(starts_at) = record.starts_at {
        fields.push((t(lang, "meeting-time"), format::time(lang, starts_at)));
    }
    if !record.place.bn.is_empty() {
        fields.push((t(lang, "meeting-place"), record.place.get(lang).to_owned()));
    }
    if !record.online_link.is_empty() {
        fields.push((t(lang, "meeting-online-link"), record.online_link.clone()));
    }
    fields.push((t(lang, "meeting-chair"), chair(detail, lang)));
    fields
}

/// The agenda items as numbered lines, each with its presenter.
pub fn agenda_lines(detail: &MeetingDetail, lang: Lang) -> Vec<NumberedItem> {
    detail
        .agenda
        .iter()
        .enumerate()
        .map(|(index, (item, presenter))| NumberedItem {
            number: full_stop(lang, index + 1),
            text: match presenter {
                Some(post) => format!(
                    "{} ({})",
                    item.title.get(lang),
                    t_args(
                        lang,
                        "meeting-presenter",
                        &[("who", post.label.get(lang).to_owned())]
                    )
                ),
                None => item.title.get(lang).to_owned(),
            },
        })
        .collect()
}

/// What the notice prints in `lang`; an unsent notice has no number or date yet.
pub fn notice_view(detail: &MeetingDetail, lang: Lang) -> NoticeView {
    let record = &detail.meeting.record;
    let title = record.title.get(lang).to_owned();
    NoticeView {
        language: document_language(lang),
        letterhead: office_letterhead(lang, &detail.office),
        memo_line: memo_line(lang, record.notice_memo.as_ref(), record.notice_sent_on),
        title: t(lang, "doc-notice-title"),
        subject: (t(lang, "doc-notice-subject"), title.clone()),
        body: t_args(lang, "doc-notice-body", &[("title", title)]),
        fields: particulars(detail, lang),
        agenda: (t(lang, "meeting-agenda"), agenda_lines(detail, lang)),
        request: t(lang, "doc-notice-request"),
        signature: signature_of(
            lang,
            record.notice_sent_on,
            detail.member_secretary.as_ref(),
            detail.member_secretary_post.as_ref(),
        ),
        distribution: distribution(detail, lang),
    }
}

/// "বিতরণ …:" and the invitees, numbered, as a notice's distribution prints them.
pub(crate) fn distribution(detail: &MeetingDetail, lang: Lang) -> (String, Vec<NumberedItem>) {
    (
        format!("{} :", t(lang, "meeting-distribution-heading")),
        detail
            .invitees
            .iter()
            .enumerate()
            .map(|(index, invitee)| NumberedItem {
                number: format::digits(lang, &format!("{})", index + 1)),
                text: invitee_label(invitee, lang),
            })
            .collect(),
    )
}

/// Typesets the notice in `lang`.
pub(crate) fn render_notice(
    fonts: &Fonts,
    detail: &MeetingDetail,
    lang: Lang,
) -> Result<Vec<u8>, Error> {
    udbhabon_docs::render_notice(fonts, &notice_view(detail, lang))
        .map_err(|error| Error::Internal(error.to_string()))
}

/// The notice mail's text, in Bengali and then in English.
pub(crate) fn mail_body(detail: &MeetingDetail) -> String {
    Lang::ALL
        .into_iter()
        .map(|lang| {
            let particulars = particulars(detail, lang)
                .into_iter()
                .map(|(label, value)| format!("{label}: {value}"))
                .collect::<Vec<_>>()
                .join("\n");
            let agenda = agenda_lines(detail, lang)
                .into_iter()
                .map(|item| format!("{} {}", item.number, item.text))
                .collect::<Vec<_>>()
                .join("\n");
            t_args(
                lang,
                "meeting-notice-mail-body",
                &[
                    ("title", detail.meeting.record.title.get(lang).to_owned()),
                    ("particulars", particulars),
                    ("agenda", agenda),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n----\n\n")
}

impl App {
    /// The sent notice of a meeting in `lang`, as stored when it was sent, for readers of the
    /// office's records.
    pub async fn notice_pdf(
        &self,
        who: &SignedIn,
        key: &str,
        lang: Lang,
    ) -> Result<Document, Error> {
        let meeting = self.db.meeting_by_key(key).await?;
        self.require(who, Action::ViewOfficeRecords, meeting.record.office_id)
            .await?;
        let stored = self
            .db
            .issued_document(NOTICE_DOCUMENT, meeting.id, lang)
            .await?
            .ok_or_else(|| Error::NotFound(format!("the notice of {key}")))?;
        Ok(Document {
            file_name: format!("notice-{key}.pdf"),
            bytes: stored.bytes,
        })
    }
}
