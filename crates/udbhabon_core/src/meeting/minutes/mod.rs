//! The minutes of a meeting as they print: the view the meeting page and the PDF share, and the PDF of
//! issued minutes, typeset once when first asked for and served from the stored bytes ever after.

pub mod cycle;

use udbhabon_db::meeting::DecisionRow;
use udbhabon_docs::{
    MinutesDecision, MinutesItem, MinutesView, PreviousDecisionLine, render_minutes,
};
use udbhabon_domain::Lang;
use udbhabon_domain::meeting::decision::Deadline;
use udbhabon_domain::meeting::minutes::{minutes_title_bn, minutes_title_en};
use udbhabon_domain::meeting::{ordinal_bn, ordinal_en};
use udbhabon_i18n::{format, t, t_args};

use crate::meeting::MeetingDetail;
use crate::meeting::minutes::cycle::{OPENING_PARAGRAPH, PreviousDecisions};
use crate::team::order::pdf::{Document, document_language};
use crate::{App, Error};

/// The kind under which issued minutes' PDFs are stored.
pub(crate) const MINUTES_DOCUMENT: &str = "meeting_minutes";

/// A meeting's ordinal as its title says it: "১ম" in Bengali, "1st" in English.
pub fn ordinal(lang: Lang, sequence: u32) -> String {
    match lang {
        Lang::Bn => ordinal_bn(sequence),
        Lang::En => ordinal_en(sequence),
    }
}

/// A numbered paragraph's number as minutes print it: "২।" in Bengali, "2." in English.
fn paragraph(lang: Lang, number: u32) -> String {
    match lang {
        Lang::Bn => format::digits(lang, &format!("{number}।")),
        Lang::En => format!("{number}."),
    }
}

/// A decision's deadline as the minutes say it: by a date, every month by a day, every year, or none.
pub fn deadline_text(lang: Lang, deadline: Deadline) -> String {
    match deadline {
        Deadline::By(date) => t_args(lang, "deadline-by", &[("date", format::date(lang, date))]),
        Deadline::MonthlyBy(day) => {
            let day = match lang {
                Lang::Bn => format::digits(lang, &day.to_string()),
                Lang::En => ordinal_en(day),
            };
            t_args(lang, "deadline-monthly", &[("day", day)])
        }
        Deadline::Yearly => t(lang, "deadline-yearly"),
        Deadline::Unspecified => t(lang, "deadline-unspecified"),
    }
}

/// A decision as the minutes' table prints it.
fn minutes_decision(lang: Lang, decision: &DecisionRow) -> MinutesDecision {
    MinutesDecision {
        serial: format::digits(lang, &decision.serial.to_string()),
        text: decision.text.get(lang).to_owned(),
        responsible: decision
            .responsible
            .iter()
            .map(|party| party.label.get(lang).to_owned())
            .collect(),
        deadline: deadline_text(lang, decision.deadline),
        unnamed_deadline: unnamed_deadline(lang, decision),
    }
}

/// A decision's dated deadline when its text names the date in none of the usual ways (৩০-০৯-২০২২,
/// ৩০/০৯/২০২২, ৩০ সেপ্টেম্বর, with or without its year): the printed minutes would otherwise carry no
/// date at all.
fn unnamed_deadline(lang: Lang, decision: &DecisionRow) -> Option<String> {
    let Deadline::By(date) = decision.deadline else {
        return None;
    };
    let text = decision.text.get(lang);
    let long = format::date(lang, date);
    let day_and_month = long
        .rsplit_once(' ')
        .map_or(long.as_str(), |(head, _)| head);
    let named = ["%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"]
        .iter()
        .map(|written| format::digits(lang, &date.format(written).to_string()))
        .any(|written| text.contains(&written))
        || text.contains(day_and_month);
    (!named).then(|| deadline_text(lang, decision.deadline))
}

/// The minutes of a meeting in `lang`, as the page shows them and the PDF prints them: the opening
/// paragraph (২) with its decisions, then one paragraph per agenda item with its discussion and
/// decisions (the first listing the previous meeting's open decisions and where each stands), then
/// the closing.
pub fn minutes_view(
    detail: &MeetingDetail,
    previous: Option<&PreviousDecisions>,
    lang: Lang,
) -> MinutesView {
    let meeting = &detail.meeting.record;
    let chair = match (&detail.chair, &detail.chair_designation) {
        (Some(person), Some(designation)) => {
            format!("{}, {}", person.name.get(lang), designation.get(lang))
        }
        (Some(person), None) => person.name.get(lang).to_owned(),
        (None, Some(designation)) => designation.get(lang).to_owned(),
        (None, None) => String::new(),
    };
    let mut fields = vec![
        (t(lang, "meeting-chair"), chair),
        (t(lang, "meeting-date"), format::date(lang, meeting.held_on)),
    ];
    if let Some(starts_at) = meeting.starts_at {
        fields.push((t(lang, "meeting-time"), format::time(lang, starts_at)));
    }
    fields.push((t(lang, "meeting-place"), meeting.place.get(lang).to_owned()));
    fields.push((
        t(lang, "meeting-attendance"),
        t(lang, "meeting-attendance-appendix"),
    ));
    let signature = |person: &Option<udbhabon_db::office::person::PersonRow>,
                     post: Option<String>| {
        person
            .iter()
            .map(|person| person.name.get(lang).to_owned())
            .chain(post)
            .collect::<Vec<_>>()
    };
    MinutesView {
        language: document_language(lang),
        title: match lang {
            Lang::Bn => minutes_title_bn(&meeting.title.bn),
            Lang::En => minutes_title_en(&meeting.title.en),
        },
        fields,
        opening: format!(
            "{} {}",
            paragraph(lang, OPENING_PARAGRAPH),
            meeting.opening.get(lang)
        ),
        headings: [
            "meeting-decision-serial",
            "meeting-decision-text",
            "meeting-decision-responsible",
        ]
        .map(|key| t(lang, key)),
        decisions: detail
            .decisions
            .iter()
            .filter(|decision| decision.serial.paragraph <= OPENING_PARAGRAPH)
            .map(|decision| minutes_decision(lang, decision))
            .collect(),
        items: detail
            .agenda
            .iter()
            .enumerate()
            .map(|(index, (item, _))| {
                let number = OPENING_PARAGRAPH + 1 + u32::try_from(index).unwrap_or(u32::MAX);
                MinutesItem {
                    heading: format!(
                        "{} {}",
                        paragraph(lang, number),
                        t_args(
                            lang,
                            "minutes-agenda-item",
                            &[
                                ("number", format::digits(lang, &(index + 1).to_string())),
                                ("title", item.title.get(lang).to_owned()),
                            ],
                        )
                    ),
                    previous: match previous {
                        Some(previous) if index == 0 => previous
                            .decisions
                            .iter()
                            .map(|tracked| PreviousDecisionLine {
                                serial: format::digits(lang, &tracked.decision.serial.to_string()),
                                text: tracked.decision.text.get(lang).to_owned(),
                                status: t(lang, &tracked.status.message_key()),
                            })
                            .collect(),
                        _ => Vec::new(),
                    },
                    discussion: item.discussion.get(lang).to_owned(),
                    decisions: detail
                        .decisions
                        .iter()
                        .filter(|decision| decision.serial.paragraph == number)
                        .map(|decision| minutes_decision(lang, decision))
                        .collect(),
                }
            })
            .collect(),
        previous_headings: [
            "meeting-decision-serial",
            "meeting-decision-text",
            "decision-col-status",
        ]
        .map(|key| t(lang, key)),
        closing: format!(
            "{} {}",
            paragraph(
                lang,
                OPENING_PARAGRAPH + 1 + u32::try_from(detail.agenda.len()).unwrap_or(u32::MAX)
            ),
            meeting.closing.get(lang)
        ),
        chair_signature: signature(
            &detail.chair,
            detail
                .chair_designation
                .as_ref()
                .map(|designation| designation.get(lang).to_owned()),
        ),
        memo: meeting.memo_number.as_ref().map(|memo| {
            (
                t(lang, "meeting-memo"),
                format::digits(lang, &memo.to_string()),
            )
        }),
        issued: meeting.issued_on.map(|date| {
            (
                t(lang, "meeting-issued"),
                [
                    format::bangla_date(lang, date),
                    Some(format::date(lang, date)),
                ]
                .into_iter()
                .flatten()
                .collect(),
            )
        }),
        distribution: (
            format!("{} :", t(lang, "meeting-distribution-heading")),
            detail
                .distribution
                .iter()
                .map(|entry| {
                    let attention = entry
                        .attention
                        .as_ref()
                        .map(|whom| {
                            format!(
                                " ({})",
                                t_args(
                                    lang,
                                    "meeting-attention",
                                    &[("whom", whom.get(lang).to_owned())]
                                )
                            )
                        })
                        .unwrap_or_default();
                    format!("{}{attention}", entry.text.get(lang))
                })
                .collect(),
        ),
        issuer_signature: signature(
            &detail.issuer,
            detail
                .issuer_post
                .as_ref()
                .map(|post| post.designation.get(lang).to_owned()),
        ),
        appendix: (
            t(lang, "meeting-appendix-ka"),
            t(lang, "meeting-attendance-title"),
            [
                "meeting-attendance-serial",
                "meeting-attendance-name",
                "meeting-attendance-status",
            ]
            .map(|key| t(lang, key)),
            detail
                .attendance
                .iter()
                .map(|attendee| {
                    let status = match (attendee.present, attendee.invited) {
                        (true, true) => "meeting-present",
                        (true, false) => "meeting-present-uninvited",
                        (false, _) => "meeting-absent",
                    };
                    (attendee.person.name.get(lang).to_owned(), t(lang, status))
                })
                .collect(),
        ),
        draft_mark: None,
    }
}

impl App {
    /// The PDF of a meeting's issued minutes in `lang`: minutes are published documents. Minutes
    /// entered from paper are typeset once, when first asked for, and kept.
    pub async fn minutes_pdf(&self, key: &str, lang: Lang) -> Result<Document, Error> {
        let detail = self.meeting(key).await?;
        let meeting = &detail.meeting;
        let Some(issued_on) = meeting.record.issued_on else {
            return Err(Error::NotFound(format!("the issued minutes of {key}")));
        };
        let file_name = format!("minutes-{key}-{}.pdf", issued_on.format("%Y-%m-%d"));
        if let Some(stored) = self
            .db
            .issued_document(MINUTES_DOCUMENT, meeting.id, lang)
            .await?
        {
            return Ok(Document {
                file_name,
                bytes: stored.bytes,
            });
        }
        // Minutes entered from paper print as the paper did: no agenda, so no previous decisions.
        let bytes = render_minutes(self.fonts()?, &minutes_view(&detail, None, lang))
            .map_err(|error| Error::Internal(error.to_string()))?;
        Ok(Document {
            file_name,
            bytes: self
                .keep_first_copy(MINUTES_DOCUMENT, meeting.id, lang, bytes)
                .await?,
        })
    }
}
