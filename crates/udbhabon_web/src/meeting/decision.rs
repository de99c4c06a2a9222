//! The decision tracker and a decision's page: where each decision of the office's meetings stands,
//! the responsible bodies' reports with evidence, the member secretary's confirmation, and the tracker
//! as CSV or XLSX.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use udbhabon_core::TableFormat;
use udbhabon_core::meeting::decision::{
    DecisionDetail, TrackedDecision, Tracker, TrackerFilter, tracker_file,
};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::meeting::decision::DecisionStatus;
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Member, Posted, PostedUpload};
use crate::download::Disposition;
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::form::rejected;
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::state::AppState;
use udbhabon_core::meeting::minutes::deadline_text;

/// The tracker's filters as the query string carries them.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct TrackerQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    overdue: String,
    /// The office whose meetings' decisions are listed (the reader's by default).
    #[serde(default)]
    held_by: String,
    #[serde(default)]
    office: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

impl TrackerQuery {
    fn filter(&self) -> Result<TrackerFilter, PageError> {
        let date = |text: &str| match text.trim() {
            "" => Ok(None),
            text => bangla::parse_date(text)
                .map(Some)
                .map_err(|_| PageError::bad_input("error-bad-date")),
        };
        Ok(TrackerFilter {
            status: DecisionStatus::from_code(self.status.trim()).ok(),
            overdue_only: self.overdue == "1",
            held_by: Some(self.held_by.trim().to_owned()).filter(|key| !key.is_empty()),
            office: Some(self.office.trim().to_owned()).filter(|key| !key.is_empty()),
            due_from: date(&self.from)?,
            due_to: date(&self.to)?,
        })
    }

    /// The same filters as a query string, for the export links (values that are not codes, keys or
    /// dates are left out).
    fn query_string(&self) -> String {
        let pairs = [
            ("status", &self.status),
            ("overdue", &self.overdue),
            ("held_by", &self.held_by),
            ("office", &self.office),
            ("from", &self.from),
            ("to", &self.to),
        ];
        let kept: Vec<String> = pairs
            .iter()
            .map(|(name, value)| (name, value.trim()))
            .filter(|(_, value)| {
                !value.is_empty()
                    && value
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            })
            .map(|(name, value)| format!("{name}={value}"))
            .collect();
        if kept.is_empty() {
            String::new()
        } else {
            format!("?{}", kept.join("&"))
        }
    }
}

/// A meeting's decisions as the tracker lists them, under the meeting's heading.
struct MeetingGroup {
    heading: String,
    href: String,
    /// The meeting's share implemented on time.
    on_time: String,
    lines: Vec<TrackerLine>,
}

/// One decision as the tracker lists it.
struct TrackerLine {
    href: String,
    serial: String,
    text: String,
    responsible: String,
    deadline: String,
    status: String,
    overdue: bool,
    /// The latest update's date and note.
    latest: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "meeting/decision/tracker.html")]
pub(crate) struct TrackerPage {
    l: Layout,
    heading: String,
    /// The key of the office whose meetings' decisions are listed.
    held_by: String,
    summary: String,
    groups: Vec<MeetingGroup>,
    /// (code, label, chosen)
    statuses: Vec<(String, String, bool)>,
    /// (key, name, chosen)
    offices: Vec<(String, String, bool)>,
    overdue: bool,
    from: String,
    to: String,
    csv_href: String,
    xlsx_href: String,
}

/// The decision's status; while several bodies carry it out and it is under way, how many of them have
/// reported it done.
fn status_label(lang: Lang, tracked: &TrackedDecision) -> String {
    let status = t(lang, &tracked.status.message_key());
    let (done, bodies) = tracked.standing.done_of_bodies();
    if bodies < 2 || tracked.status != DecisionStatus::InProgress {
        return status;
    }
    let count = |value: usize| format::number(lang, i64::try_from(value).unwrap_or(i64::MAX));
    format!(
        "{status} ({})",
        t_args(
            lang,
            "decision-bodies-done",
            &[("done", count(done)), ("bodies", count(bodies))]
        )
    )
}

/// "On time: 2 of 4 (50%)", or that nothing is due yet.
fn on_time_line(lang: Lang, (on_time, counted): (usize, usize)) -> String {
    if counted == 0 {
        return t(lang, "decision-on-time-none");
    }
    let count = |value: usize| format::number(lang, i64::try_from(value).unwrap_or(i64::MAX));
    t_args(
        lang,
        "decision-on-time",
        &[
            ("on_time", count(on_time)),
            ("counted", count(counted)),
            ("percent", count(on_time * 100 / counted)),
        ],
    )
}

fn latest_update(lang: Lang, tracked: &TrackedDecision) -> String {
    tracked
        .updates
        .last()
        .map(|update| {
            format!(
                "{}: {}",
                format::date(lang, bangla::dhaka::today_in_dhaka(update.at)),
                update.note
            )
        })
        .unwrap_or_default()
}

fn responsible(lang: Lang, tracked: &TrackedDecision) -> String {
    tracked
        .decision
        .responsible
        .iter()
        .map(|party| party.label.get(lang).to_owned())
        .collect::<Vec<_>>()
        .join("; ")
}

fn tracker_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    tracker: &Tracker,
    query: &TrackerQuery,
) -> TrackerPage {
    let heading = t(lang, "decision-tracker");
    let chosen_status = query.status.trim();
    let exports = query.query_string();
    TrackerPage {
        held_by: tracker.office.key.clone(),
        l: Layout::of_member(
            &state.app,
            lang,
            member,
            heading.clone(),
            "meetings",
            &format!("/decisions{exports}"),
        ),
        heading,
        summary: on_time_line(lang, tracker.on_time),
        groups: groups(lang, tracker),
        statuses: DecisionStatus::ALL
            .iter()
            .map(|status| {
                (
                    status.code().to_owned(),
                    t(lang, &status.message_key()),
                    status.code() == chosen_status,
                )
            })
            .collect(),
        offices: tracker
            .offices
            .iter()
            .map(|office| {
                (
                    office.key.clone(),
                    office.name.get(lang).to_owned(),
                    office.key == query.office.trim(),
                )
            })
            .collect(),
        overdue: query.overdue == "1",
        from: query.from.trim().to_owned(),
        to: query.to.trim().to_owned(),
        csv_href: format!("/decisions.csv{exports}"),
        xlsx_href: format!("/decisions.xlsx{exports}"),
    }
}

/// The listed decisions under their meetings, in the tracker's order.
fn groups(lang: Lang, tracker: &Tracker) -> Vec<MeetingGroup> {
    let mut groups: Vec<MeetingGroup> = Vec::new();
    for tracked in &tracker.decisions {
        let meeting = &tracked.meeting;
        let href = format!("/meetings/{}", meeting.record.key);
        if groups.last().is_none_or(|group| group.href != href) {
            groups.push(MeetingGroup {
                heading: format!(
                    "{} — {}",
                    format::date(lang, meeting.record.held_on),
                    meeting.record.title.get(lang)
                ),
                on_time: on_time_line(
                    lang,
                    tracker
                        .on_time_by_meeting
                        .get(&meeting.id)
                        .copied()
                        .unwrap_or_default(),
                ),
                href,
                lines: Vec::new(),
            });
        }
        if let Some(group) = groups.last_mut() {
            group.lines.push(TrackerLine {
                href: format!("/decisions/{}", tracked.decision.id),
                serial: format::digits(lang, &tracked.decision.serial.to_string()),
                text: tracked.decision.text.get(lang).to_owned(),
                responsible: responsible(lang, tracked),
                deadline: deadline_text(lang, tracked.decision.deadline),
                status: status_label(lang, tracked),
                overdue: tracked.overdue,
                latest: latest_update(lang, tracked),
            });
        }
    }
    groups
}

async fn load_tracker(
    state: &AppState,
    member: &Member,
    query: &TrackerQuery,
) -> Result<Tracker, PageError> {
    let filter = query.filter()?;
    state
        .app
        .decision_tracker(&member.0, &filter)
        .await
        .map_err(PageError::from)
}

/// `GET /decisions`: every decision of the office's meetings, filtered.
pub(crate) async fn tracker(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Query(query): Query<TrackerQuery>,
) -> Result<TrackerPage, PageError> {
    let tracker = load_tracker(&state, &member, &query).await?;
    Ok(tracker_page(&state, lang, &member, &tracker, &query))
}

/// The tracker as rows of a table, headings first.
fn tracker_rows(lang: Lang, tracker: &Tracker) -> Vec<Vec<String>> {
    let headings = [
        "decision-col-meeting-date",
        "decision-col-meeting",
        "meeting-decision-serial",
        "meeting-decision-text",
        "meeting-decision-responsible",
        "meeting-decision-deadline",
        "decision-col-status",
        "decision-overdue",
        "decision-col-done-on",
        "decision-col-latest",
    ]
    .map(|key| t(lang, key))
    .to_vec();
    let mut rows = vec![headings];
    for tracked in &tracker.decisions {
        rows.push(vec![
            format::date_short(lang, tracked.meeting.record.held_on),
            tracked.meeting.record.title.get(lang).to_owned(),
            format::digits(lang, &tracked.decision.serial.to_string()),
            tracked.decision.text.get(lang).to_owned(),
            responsible(lang, tracked),
            deadline_text(lang, tracked.decision.deadline),
            status_label(lang, tracked),
            t(
                lang,
                if tracked.overdue {
                    "plan-yes"
                } else {
                    "plan-no"
                },
            ),
            tracked
                .done_on
                .map(|day| format::date_short(lang, day))
                .unwrap_or_default(),
            latest_update(lang, tracked),
        ]);
    }
    rows
}

async fn export(
    state: AppState,
    lang: Lang,
    member: Member,
    query: TrackerQuery,
    table_format: TableFormat,
) -> Result<Response, PageError> {
    let tracker = load_tracker(&state, &member, &query).await?;
    let rows = tracker_rows(lang, &tracker);
    let bytes = tracker_file(table_format, &rows)?;
    Ok(crate::download::table(
        table_format,
        &format!("decisions-{}", tracker.office.key),
        bytes,
    ))
}

/// `GET /decisions.csv`.
pub(crate) async fn tracker_csv(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Query(query): Query<TrackerQuery>,
) -> Result<Response, PageError> {
    export(state, lang, member, query, TableFormat::Csv).await
}

/// `GET /decisions.xlsx`.
pub(crate) async fn tracker_xlsx(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Query(query): Query<TrackerQuery>,
) -> Result<Response, PageError> {
    export(state, lang, member, query, TableFormat::Xlsx).await
}

/// A body's own report: not yet, under way, or done (the whole waits for the team's confirmation).
fn report_key(status: DecisionStatus) -> &'static str {
    match status {
        DecisionStatus::Done => "decision-report-done",
        DecisionStatus::InProgress => "decision-status-in-progress",
        _ => "decision-status-not-started",
    }
}

/// One update as the decision's page shows it.
struct UpdateLine {
    date: String,
    status: String,
    who: String,
    note: String,
    /// (link, file name)
    files: Vec<(String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "meeting/decision/show.html")]
pub(crate) struct DecisionPage {
    l: Layout,
    heading: String,
    meeting: String,
    meeting_href: String,
    text: String,
    responsible: Vec<String>,
    /// Each body's own report, when several bodies carry the decision out: (office, status).
    bodies: Vec<(String, String)>,
    deadline: String,
    status: String,
    overdue: bool,
    updates: Vec<UpdateLine>,
    /// The office the reader reports for, when the report form is shown.
    reports_for: Option<String>,
    may_close: bool,
    /// Whether the decision waits for the member secretary's confirmation.
    awaiting_confirmation: bool,
    open: bool,
    action: String,
    csrf: String,
    note: String,
    errors: Vec<(String, String)>,
}

fn decision_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    detail: &DecisionDetail,
    note: &str,
    errors: Vec<(String, String)>,
) -> DecisionPage {
    let tracked = &detail.tracked;
    let serial = format::digits(lang, &tracked.decision.serial.to_string());
    let heading = t_args(lang, "decision-heading", &[("serial", serial)]);
    let id = tracked.decision.id;
    DecisionPage {
        l: Layout::of_member(
            &state.app,
            lang,
            member,
            heading.clone(),
            "meetings",
            &format!("/decisions/{id}"),
        ),
        heading,
        meeting: format!(
            "{} — {}",
            format::date(lang, tracked.meeting.record.held_on),
            tracked.meeting.record.title.get(lang)
        ),
        meeting_href: format!("/meetings/{}", tracked.meeting.record.key),
        text: tracked.decision.text.get(lang).to_owned(),
        responsible: tracked
            .decision
            .responsible
            .iter()
            .map(|party| party.label.get(lang).to_owned())
            .collect(),
        bodies: if tracked.standing.done_of_bodies().1 > 1 {
            tracked
                .standing
                .bodies()
                .filter_map(|(body, status)| {
                    let office = detail.offices.get(&body)?;
                    Some((
                        office.name.get(lang).to_owned(),
                        t(lang, report_key(status)),
                    ))
                })
                .collect()
        } else {
            Vec::new()
        },
        deadline: deadline_text(lang, tracked.decision.deadline),
        status: status_label(lang, tracked),
        overdue: tracked.overdue,
        updates: tracked
            .updates
            .iter()
            .map(|update| {
                let office = update
                    .office_id
                    .and_then(|office| detail.offices.get(&office))
                    .map(|office| format!(", {}", office.name.get(lang)))
                    .unwrap_or_default();
                UpdateLine {
                    date: format::date_both(lang, bangla::dhaka::today_in_dhaka(update.at)),
                    status: if update.office_id.is_some() {
                        t(lang, report_key(update.status))
                    } else {
                        t(lang, &update.status.message_key())
                    },
                    who: format!("{}{office}", detail.names.of(&update.by, lang)),
                    note: update.note.clone(),
                    files: update
                        .evidence
                        .iter()
                        .map(|file| {
                            (
                                format!("/decisions/{id}/evidence/{}", file.id),
                                file.name.clone(),
                            )
                        })
                        .collect(),
                }
            })
            .collect(),
        reports_for: detail
            .reports_for
            .as_ref()
            // While the body the reader reports for has not reported it done, and it is not closed.
            .filter(|office| {
                matches!(
                    tracked.status,
                    DecisionStatus::NotStarted | DecisionStatus::InProgress
                ) && tracked.standing.of(office.id) != DecisionStatus::Done
            })
            .map(|office| office.name.get(lang).to_owned()),
        may_close: detail.may_close,
        awaiting_confirmation: tracked.status == DecisionStatus::Done,
        open: tracked.status.is_open(),
        action: format!("/decisions/{id}"),
        csrf: member.0.csrf_token.clone(),
        note: note.to_owned(),
        errors,
    }
}

/// `GET /decisions/{id}`.
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(id): Path<i32>,
) -> Result<DecisionPage, PageError> {
    let detail = state.app.decision_detail(&member.0, id).await?;
    Ok(decision_page(
        &state,
        lang,
        &member,
        &detail,
        "",
        Vec::new(),
    ))
}

/// `POST /decisions/{id}/updates`: a responsible body reports the decision under way or done, with a
/// note and evidence files.
pub(crate) async fn report(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    PostedUpload(member, upload): PostedUpload,
) -> Result<Response, PageError> {
    // Someone who does not carry the decision out is refused before the upload is read.
    let detail = state.app.decision_detail(&member.0, id).await?;
    if detail.reports_for.is_none() {
        return Err(PageError::from(udbhabon_core::Error::Forbidden));
    }
    let posted = upload.read().await?;
    let (note, status) = (posted.text("note"), posted.text("status"));
    let files = posted.files;
    match state
        .app
        .report_on_decision(&member.0, id, &status, &note, files)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/decisions/{id}")).into_response()),
        Err(error) => {
            rejected(lang, error, |errors| async {
                let detail = state.app.decision_detail(&member.0, id).await?;
                Ok(decision_page(&state, lang, &member, &detail, &note, errors))
            })
            .await
        }
    }
}

#[derive(Debug, Deserialize)]
pub(crate) struct ClosureForm {
    #[serde(default)]
    step: String,
    #[serde(default)]
    note: String,
}

/// `POST /decisions/{id}/closure`: the member secretary confirms, sends back or drops the decision.
pub(crate) async fn closure(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, form): Posted<ClosureForm>,
) -> Result<Response, PageError> {
    match state
        .app
        .close_decision(&member.0, id, form.step.trim(), &form.note)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/decisions/{id}")).into_response()),
        Err(error) => {
            rejected(lang, error, |errors| async {
                let detail = state.app.decision_detail(&member.0, id).await?;
                Ok(decision_page(
                    &state, lang, &member, &detail, &form.note, errors,
                ))
            })
            .await
        }
    }
}

/// `GET /decisions/{id}/evidence/{file}`: an evidence file of the decision's updates.
pub(crate) async fn evidence(
    State(state): State<AppState>,
    member: Member,
    Path((id, file_id)): Path<(i32, i32)>,
) -> Result<Response, PageError> {
    let (file, bytes) = state.app.decision_evidence(&member.0, id, file_id).await?;
    Ok(crate::download::file(
        &file.media_type,
        &file.name,
        Disposition::Attachment,
        bytes,
    ))
}
