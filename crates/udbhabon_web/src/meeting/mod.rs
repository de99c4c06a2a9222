//! The meetings list and a meeting's page: its schedule and notice before it is held, and its minutes
//! (fields, decisions table, memo number and distribution) once issued.

pub(crate) mod change;
pub(crate) mod decision;
pub(crate) mod minutes;
pub(crate) mod notice;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use udbhabon_core::meeting::change::changeable;
use udbhabon_core::meeting::minutes::{minutes_view, ordinal};
use udbhabon_core::meeting::notice::letter;
use udbhabon_core::{MeetingChangeRow, MeetingRow, MinutesDecision, MinutesItem};
use udbhabon_domain::meeting::minutes::{MinutesStage, MinutesStep};
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::audit;
use crate::auth::Visitor;
use crate::download::Disposition;
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::form::{Choice, memo_file_choices};
use crate::lang::ReaderLang;
use crate::layout::{Layout, encode_component};
use crate::state::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "meeting/list.html")]
pub(crate) struct MeetingListPage {
    l: Layout,
    heading: String,
    /// Meetings still to be held, the nearest first.
    upcoming: Vec<MeetingItem>,
    /// Meetings held, the latest first.
    held: Vec<MeetingItem>,
    /// Meetings called off after their notice, the latest first.
    cancelled: Vec<MeetingItem>,
    /// Where those who manage the office's team schedule a meeting.
    schedule_href: Option<String>,
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
    decisions: Vec<MinutesDecision>,
    /// The agenda items' paragraphs of the minutes.
    items: Vec<MinutesItem>,
    previous_headings: [String; 3],
    closing: String,
    chair_signature: Vec<String>,
    memo: Option<String>,
    issued: Vec<String>,
    distribution: Vec<String>,
    issuer_signature: Vec<String>,
    attendance: Vec<(String, String)>,
    /// The issued minutes as a PDF.
    pdf_href: Option<String>,
    /// Before issue, the minutes as they will be issued, for readers of the office's records.
    preview_href: Option<String>,
    /// Whether the minutes are issued; before, the page shows the schedule.
    minutes_issued: bool,
    /// Where the meeting stands: scheduled, notice sent (with its number), minutes issued.
    stage: String,
    /// Date, time, place, online link (for readers of the office's records) and chair.
    particulars: Vec<(String, String)>,
    agenda: Vec<String>,
    invitees: Vec<String>,
    /// What the reader may do.
    manage: bool,
    notice_sent: bool,
    /// Before the notice is sent, for those who send it: the invitees mail cannot reach.
    unreached: Vec<String>,
    notice_href: Option<String>,
    memo_files: Vec<Choice>,
    csrf: String,
    key: String,
    /// Where the minutes stand, once someone has written them; whether they are shown.
    minutes_stage: Option<String>,
    /// Who approved the minutes and when.
    approval: Option<String>,
    /// The steps the reader may take on the minutes now.
    write_minutes: bool,
    circulate: bool,
    withdraw: bool,
    approve: bool,
    issue: bool,
    comment: bool,
    /// The members' comments: (who, when, text), for readers of the office's records.
    comments: Vec<(String, String, String)>,
    /// The meeting's record of changes, for readers allowed to see it.
    changes: Option<Vec<audit::HistoryLine>>,
    /// Whether the reader may postpone or cancel it now.
    may_change: bool,
    /// Its postponements and cancellation, oldest first.
    schedule_changes: Vec<ChangeLine>,
}

/// A postponement or cancellation as the meeting's page lists it.
struct ChangeLine {
    text: String,
    /// Its notice, for readers of the office's records.
    notice_href: Option<String>,
}

/// "স্থগিত: ১৫ সেপ্টেম্বর ২০২২ থেকে ২২ সেপ্টেম্বর ২০২২; স্মারক …" — with the reason for readers of the
/// office's records.
fn change_line(lang: Lang, change: &MeetingChangeRow, with_reason: bool) -> String {
    let kind = t(lang, &change.change.kind.message_key());
    let mut text = match change.change.to {
        Some((day, _)) => t_args(
            lang,
            "meeting-change-moved",
            &[
                ("kind", kind),
                ("from", format::date(lang, change.from.0)),
                ("to", format::date(lang, day)),
            ],
        ),
        None => t_args(
            lang,
            "meeting-change-called-off",
            &[
                ("kind", kind),
                ("date", format::date(lang, change.change.issued_on)),
            ],
        ),
    };
    text.push_str(&t_args(
        lang,
        "meeting-change-memo",
        &[(
            "memo",
            format::digits(lang, &change.change.memo.to_string()),
        )],
    ));
    if with_reason {
        text.push_str(&t_args(
            lang,
            "meeting-change-because",
            &[("reason", change.change.reason.clone())],
        ));
    }
    text
}

#[derive(Debug, Deserialize)]
pub(crate) struct ListQuery {
    office: Option<String>,
}

/// `GET /meetings` (`?office=KEY` for another office): an office's meeting calendar, the meetings to
/// come and those held.
pub(crate) async fn list(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    Query(query): Query<ListQuery>,
) -> Result<MeetingListPage, PageError> {
    let (office, meetings) = state
        .app
        .meetings(visitor.0.as_ref(), query.office.as_deref())
        .await?;
    let schedule_href = state
        .app
        .meeting_actions(visitor.0.as_ref(), office.id)
        .await?
        .manage
        .then(|| format!("/offices/{}/meetings/new", office.key));
    let today = state.app.today();
    let item = |meeting: MeetingRow| MeetingItem {
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
    };
    let (cancelled, meetings): (Vec<MeetingRow>, Vec<MeetingRow>) = meetings
        .into_iter()
        .partition(|meeting| meeting.cancelled_on.is_some());
    // A meeting of today is still to come until its minutes are begun.
    let (mut upcoming, held): (Vec<MeetingRow>, Vec<MeetingRow>) =
        meetings.into_iter().partition(|meeting| {
            meeting.record.held_on > today
                || (meeting.record.held_on == today && meeting.record.minutes_stage.is_none())
        });
    upcoming.reverse();
    let heading = t_args(
        lang,
        "meetings-of-office",
        &[("office", office.name.get(lang).to_owned())],
    );
    let path = match &query.office {
        Some(key) => format!("/meetings?office={}", encode_component(key)),
        None => "/meetings".to_owned(),
    };
    Ok(MeetingListPage {
        l: Layout::new(lang, &visitor, heading.clone(), "meetings", &path, today),
        heading,
        upcoming: upcoming.into_iter().map(item).collect(),
        held: held.into_iter().map(item).collect(),
        cancelled: cancelled.into_iter().map(item).collect(),
        schedule_href,
    })
}

/// `GET /meetings/{key}`: the minutes of one meeting.
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    Path(key): Path<String>,
) -> Result<MeetingPage, PageError> {
    let (detail, actions) = state.app.meeting_for(visitor.0.as_ref(), &key).await?;
    let meeting = &detail.meeting.record;
    let previous = if detail.minutes_issued() || actions.read_records {
        state.app.previous_decisions(&detail).await?
    } else {
        None
    };
    let minutes = minutes_view(&detail, previous.as_ref(), lang);
    let comments = state
        .app
        .minutes_comments(visitor.0.as_ref(), &detail)
        .await?;
    let labels: Vec<&str> = comments
        .iter()
        .map(|comment| comment.author.as_str())
        .chain(meeting.approved_by.as_deref())
        .collect();
    let names = state.app.names_of(&labels).await?;
    let minutes_stage = meeting.minutes_stage;
    let held = meeting.held_on <= state.app.today();
    let can = |step: MinutesStep| step.from(minutes_stage).is_some();
    let online_label = t(lang, "meeting-online-link");
    let particulars = letter::particulars(&detail, lang)
        .into_iter()
        .filter(|(label, _)| actions.read_records || *label != online_label)
        .collect();
    let cancelled_on = detail.meeting.cancelled_on;
    let stage = match (&meeting.notice_memo, meeting.issued_on) {
        _ if cancelled_on.is_some() => t_args(
            lang,
            "meeting-stage-cancelled",
            &[(
                "date",
                cancelled_on
                    .map(|date| format::date(lang, date))
                    .unwrap_or_default(),
            )],
        ),
        (_, Some(_)) => t(lang, "meeting-stage-issued"),
        (Some(memo), None) => t_args(
            lang,
            "meeting-stage-notice-sent",
            &[
                ("memo", format::digits(lang, &memo.to_string())),
                (
                    "date",
                    meeting
                        .notice_sent_on
                        .map(|date| format::date(lang, date))
                        .unwrap_or_default(),
                ),
            ],
        ),
        (None, None) => t(lang, "meeting-stage-scheduled"),
    };
    // Until its minutes are begun, a meeting is headed by its own title, not "minutes of …".
    let unreached = if actions.manage && meeting.notice_memo.is_none() {
        let reach = state.app.invitee_reach(&detail).await?;
        detail
            .invitees
            .iter()
            .zip(reach)
            .filter(|(_, address)| address.is_none())
            .map(|(invitee, _)| letter::invitee_label(invitee, lang))
            .collect()
    } else {
        Vec::new()
    };
    let title = if minutes_stage.is_some() {
        minutes.title.clone()
    } else {
        meeting.title.get(lang).to_owned()
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
        .await?
        .map(|entries| audit::lines(lang, &entries));
    Ok(MeetingPage {
        minutes_issued: meeting.issued_on.is_some(),
        stage,
        particulars,
        agenda: letter::agenda_lines(&detail, lang)
            .into_iter()
            .map(|item| item.text)
            .collect(),
        invitees: detail
            .invitees
            .iter()
            .map(|invitee| letter::invitee_label(invitee, lang))
            .collect(),
        manage: actions.manage && meeting.issued_on.is_none() && cancelled_on.is_none(),
        may_change: actions.manage && changeable(&detail.meeting).is_ok(),
        schedule_changes: detail
            .changes
            .iter()
            .map(|change| ChangeLine {
                text: change_line(lang, change, actions.read_records),
                notice_href: actions
                    .read_records
                    .then(|| format!("/meetings/{key}/changes/{}/notice.pdf", change.id)),
            })
            .collect(),
        minutes_stage: minutes_stage
            .filter(|stage| *stage != MinutesStage::Issued)
            .map(|stage| t(lang, &stage.message_key())),
        approval: meeting.approved_on.map(|date| {
            t_args(
                lang,
                "minutes-approved-by",
                &[
                    (
                        "who",
                        names.of(meeting.approved_by.as_deref().unwrap_or_default(), lang),
                    ),
                    ("date", format::date(lang, date)),
                ],
            )
        }),
        write_minutes: actions.manage && held && can(MinutesStep::Save),
        circulate: actions.manage && can(MinutesStep::Circulate),
        withdraw: actions.manage && can(MinutesStep::Withdraw),
        approve: actions.approve && can(MinutesStep::Approve),
        issue: actions.manage && can(MinutesStep::Issue),
        comment: actions.comment && minutes_stage == Some(MinutesStage::Circulated),
        comments: comments
            .iter()
            .map(|comment| {
                (
                    names.of(&comment.author, lang),
                    format::date(lang, bangla::today_in_dhaka(comment.created_at)),
                    comment.body.clone(),
                )
            })
            .collect(),
        notice_sent: meeting.notice_memo.is_some(),
        unreached,
        notice_href: (actions.read_records && meeting.notice_memo.is_some())
            .then(|| format!("/meetings/{key}/notice.pdf")),
        memo_files: memo_file_choices(lang, &actions.memo_files, None),
        csrf: visitor
            .0
            .as_ref()
            .map(|who| who.csrf_token.clone())
            .unwrap_or_default(),
        key: key.clone(),
        changes,
        kind: t(lang, &meeting.kind.message_key()),
        pdf_href: meeting
            .issued_on
            .map(|_| format!("/meetings/{key}/minutes.pdf")),
        preview_href: (actions.read_records
            && meeting.issued_on.is_none()
            && minutes_stage.is_some())
        .then(|| format!("/meetings/{key}/minutes/preview.pdf")),
        fields: minutes.fields,
        opening: minutes.opening,
        decisions: minutes.decisions,
        items: minutes.items,
        previous_headings: minutes.previous_headings,
        closing: minutes.closing,
        chair_signature: minutes.chair_signature,
        memo: minutes.memo.map(|(_, memo)| memo),
        issued: minutes.issued.map(|(_, lines)| lines).unwrap_or_default(),
        distribution: minutes.distribution.1,
        issuer_signature: minutes.issuer_signature,
        attendance: minutes.appendix.3,
        title,
        l,
    })
}

/// `GET /meetings/{key}/minutes.pdf`: the issued minutes, laid out like the printed original.
pub(crate) async fn minutes_pdf(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
) -> Result<Response, PageError> {
    let document = state.app.minutes_pdf(&key, lang).await?;
    Ok(crate::download::pdf(document, Disposition::Inline))
}
