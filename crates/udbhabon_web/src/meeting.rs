//! The meetings list and a meeting's minutes: fields, decisions table, memo number and distribution.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use udbhabon_domain::decision::Deadline;
use udbhabon_domain::meeting::{ordinal_bn, ordinal_en};
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::Visitor;
use crate::error::PageError;
use crate::history;
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::state::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "meeting/list.html")]
pub(crate) struct MeetingListPage {
    l: Layout,
    meetings: Vec<MeetingItem>,
}

struct MeetingItem {
    href: String,
    title: String,
    kind: String,
    sequence: Option<String>,
    when: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "meeting/show.html")]
pub(crate) struct MeetingPage {
    l: Layout,
    title: String,
    kind: String,
    fields: Vec<(String, String)>,
    opening: String,
    decisions: Vec<DecisionLine>,
    closing: String,
    chair_signature: Vec<String>,
    memo: Option<String>,
    issued: Vec<String>,
    distribution: Vec<String>,
    issuer_signature: Vec<String>,
    attendance: Vec<(String, String)>,
    /// The meeting's record of changes, for readers allowed to see it.
    changes: Option<Vec<history::HistoryLine>>,
}

struct DecisionLine {
    serial: String,
    text: String,
    responsible: Vec<String>,
    deadline: String,
}

fn ordinal(lang: Lang, sequence: u32) -> String {
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
pub(crate) fn deadline(lang: Lang, deadline: Deadline) -> String {
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

/// `GET /meetings`: the home office's meetings, latest first.
pub(crate) async fn list(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
) -> Result<MeetingListPage, PageError> {
    let meetings = state
        .app
        .meetings()
        .await
        .map_err(|error| PageError::new(lang, error))?;
    let meetings = meetings
        .into_iter()
        .map(|meeting| MeetingItem {
            href: format!("/meetings/{}", meeting.record.key),
            title: meeting.record.title.get(lang).to_owned(),
            kind: t(lang, &meeting.record.kind.message_key()),
            sequence: meeting.record.sequence.map(|sequence| {
                t_args(
                    lang,
                    "meeting-sequence",
                    &[("ordinal", ordinal(lang, sequence))],
                )
            }),
            when: format::date_both(lang, meeting.record.held_on),
        })
        .collect();
    Ok(MeetingListPage {
        l: Layout::new(
            lang,
            &visitor,
            t(lang, "meetings-title"),
            "meetings",
            "/meetings",
            state.app.today(),
        ),
        meetings,
    })
}

/// `GET /meetings/{key}`: the minutes of one meeting.
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    Path(key): Path<String>,
) -> Result<MeetingPage, PageError> {
    let detail = state
        .app
        .meeting(&key)
        .await
        .map_err(|error| PageError::new(lang, error))?;
    let meeting = &detail.meeting.record;
    let title = meeting.title.get(lang).to_owned();
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
    let decisions = detail
        .decisions
        .iter()
        .map(|decision| DecisionLine {
            serial: format::digits(lang, &decision.serial.to_string()),
            text: decision.text.get(lang).to_owned(),
            responsible: decision
                .responsible
                .iter()
                .map(|party| party.label.get(lang).to_owned())
                .collect(),
            deadline: deadline(lang, decision.deadline),
        })
        .collect();
    let signature =
        |person: &Option<udbhabon_core::PersonRow>, post: Option<String>| -> Vec<String> {
            person
                .iter()
                .map(|person| person.name.get(lang).to_owned())
                .chain(post)
                .collect()
        };
    let l = Layout::new(
        lang,
        &visitor,
        title.clone(),
        "meetings",
        &format!("/meetings/{key}"),
        state.app.today(),
    );
    let changes = state
        .app
        .history(
            visitor.0.as_ref(),
            meeting.office_id,
            "meeting",
            &detail.meeting.id.to_string(),
        )
        .await
        .map_err(|error| PageError::new(lang, error))?
        .map(|entries| history::lines(lang, &entries));
    Ok(MeetingPage {
        changes,
        kind: t(lang, &meeting.kind.message_key()),
        opening: format!("{} {}", paragraph(lang, 2), meeting.opening.get(lang)),
        closing: format!("{} {}", paragraph(lang, 3), meeting.closing.get(lang)),
        chair_signature: signature(
            &detail.chair,
            detail
                .chair_designation
                .as_ref()
                .map(|d| d.get(lang).to_owned()),
        ),
        memo: meeting
            .memo_number
            .as_ref()
            .map(|memo| format::digits(lang, &memo.to_string())),
        issued: meeting
            .issued_on
            .map(|date| {
                [
                    format::bangla_date(lang, date),
                    Some(format::date(lang, date)),
                ]
                .into_iter()
                .flatten()
                .collect()
            })
            .unwrap_or_default(),
        distribution: detail
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
        issuer_signature: signature(
            &detail.issuer,
            detail
                .issuer_post
                .as_ref()
                .map(|post| post.designation.get(lang).to_owned()),
        ),
        attendance: detail
            .attendance
            .iter()
            .map(|(person, present)| {
                (
                    person.name.get(lang).to_owned(),
                    t(
                        lang,
                        if *present {
                            "meeting-present"
                        } else {
                            "meeting-absent"
                        },
                    ),
                )
            })
            .collect(),
        fields,
        decisions,
        title,
        l,
    })
}
