//! The meetings list and a meeting's minutes: fields, decisions table, memo number and distribution.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::Response;
use udbhabon_core::MinutesDecision;
use udbhabon_core::minutes::{minutes_view, ordinal};
use udbhabon_i18n::{format, t, t_args};

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
    decisions: Vec<MinutesDecision>,
    closing: String,
    chair_signature: Vec<String>,
    memo: Option<String>,
    issued: Vec<String>,
    distribution: Vec<String>,
    issuer_signature: Vec<String>,
    attendance: Vec<(String, String)>,
    /// The issued minutes as a PDF.
    pdf_href: Option<String>,
    /// The meeting's record of changes, for readers allowed to see it.
    changes: Option<Vec<history::HistoryLine>>,
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
    let minutes = minutes_view(&detail, lang);
    let title = minutes.title.clone();
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
        pdf_href: meeting
            .issued_on
            .map(|_| format!("/meetings/{key}/minutes.pdf")),
        fields: minutes.fields,
        opening: minutes.opening,
        decisions: minutes.decisions,
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
    let document = state
        .app
        .minutes_pdf(&key, lang)
        .await
        .map_err(|error| PageError::new(lang, error))?;
    Ok(crate::order::pdf(document, "inline"))
}
