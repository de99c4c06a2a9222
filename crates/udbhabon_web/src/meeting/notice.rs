//! Scheduling meetings: the schedule form (new and changed), sending the invitation notice and its
//! PDF, and the attendance sheet.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use udbhabon_core::meeting::notice::letter::invitee_label;
use udbhabon_core::meeting::notice::{
    AttendanceSheet, ScheduleChoices, ScheduleFields, schedule_fields,
};
use udbhabon_core::{HolderRow, OfficeRow, PersonRow, PostRow};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::meeting::MeetingKind;
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Member, Posted};
use crate::download::Disposition;
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::form::{Choice, FieldErrors, choices, rejected, with_none};
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::state::AppState;

/// Empty agenda rows and person rows offered below the filled ones, so that more can be added
/// without a script.
const SPARE_ROWS: usize = 3;

#[derive(Template, WebTemplate)]
#[template(path = "meeting/notice/edit.html")]
pub(crate) struct SchedulePage {
    l: Layout,
    heading: String,
    csrf: String,
    action: String,
    errors: Vec<(String, String)>,
    kinds: Vec<Choice>,
    fields: ScheduleFields,
    chair_posts: Vec<Choice>,
    /// Each post that may be invited: (id, "post, office — holder", checked).
    invitee_posts: Vec<(String, String, bool)>,
    /// Each row of people invited by name, as typed or as the list names them.
    people_rows: Vec<String>,
    /// The names the rows suggest as one types ("নাম (#১২)").
    people_list: Vec<String>,
    agenda: Vec<AgendaRow>,
}

struct AgendaRow {
    index: usize,
    number: String,
    bn: String,
    en: String,
    presenters: Vec<Choice>,
}

impl FieldErrors for SchedulePage {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

/// A person as the list of names suggests them: the name and the id that tells namesakes apart.
fn suggested(lang: Lang, person: &PersonRow) -> String {
    format!(
        "{} (#{})",
        person.name.get(lang),
        format::digits(lang, &person.id.to_string())
    )
}

/// A row of people invited by name as the form shows it again: a chosen id as the list names it, any
/// other text as it was typed.
fn typed_person(lang: Lang, people: &[PersonRow], text: &str) -> String {
    bangla::to_ascii_digits(text.trim())
        .parse::<i32>()
        .ok()
        .and_then(|id| people.iter().find(|person| person.id == id))
        .map_or_else(|| text.to_owned(), |person| suggested(lang, person))
}

fn schedule_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    offered: &ScheduleChoices,
    fields: ScheduleFields,
    action: String,
    errors: Vec<(String, String)>,
) -> SchedulePage {
    let heading = t_args(
        lang,
        "meeting-schedule-title",
        &[("office", offered.office.name.get(lang).to_owned())],
    );
    // A post as the form names it: "post, office".
    let post_and_office = |(post, office, _): &(PostRow, OfficeRow, Option<HolderRow>)| {
        format!("{}, {}", post.label.get(lang), office.name.get(lang))
    };
    let presenter_choices = |selected: &str| {
        with_none(choices(
            &offered.posts,
            Some(selected),
            |(post, ..)| post.id.to_string(),
            |offer| post_and_office(offer),
        ))
    };
    let agenda = (0..fields.agenda_bn.len() + SPARE_ROWS)
        .map(|index| AgendaRow {
            index,
            number: format::digits(lang, &(index + 1).to_string()),
            bn: fields.agenda_bn.get(index).cloned().unwrap_or_default(),
            en: fields.agenda_en.get(index).cloned().unwrap_or_default(),
            presenters: presenter_choices(
                fields
                    .agenda_presenters
                    .get(index)
                    .map_or("", String::as_str),
            ),
        })
        .collect();
    let people_rows = (0..fields.invitee_people.len() + SPARE_ROWS)
        .map(|index| {
            fields
                .invitee_people
                .get(index)
                .map(|text| typed_person(lang, &offered.people, text))
                .unwrap_or_default()
        })
        .collect();
    let invitee_posts = offered
        .posts
        .iter()
        .map(|offer| {
            let id = offer.0.id.to_string();
            let holder = offer.2.as_ref().map_or_else(
                || t(lang, "team-vacant"),
                |holder| holder.person.name.get(lang).to_owned(),
            );
            let checked = fields.invitee_posts.contains(&id);
            let label = format!("{} — {holder}", post_and_office(offer));
            (id, label, checked)
        })
        .collect();
    // The ordinal is typed and shown in the reader's digits.
    let fields = ScheduleFields {
        sequence: format::digits(lang, &fields.sequence),
        ..fields
    };
    SchedulePage {
        l: Layout::of_member(
            &state.app,
            lang,
            member,
            heading.clone(),
            "meetings",
            &action,
        ),
        heading,
        csrf: member.0.csrf_token.clone(),
        kinds: choices(
            MeetingKind::ALL.iter().copied(),
            Some(fields.kind.as_str()),
            |kind| kind.code().to_owned(),
            |kind| t(lang, &kind.message_key()),
        ),
        chair_posts: with_none(choices(
            &offered.office_posts,
            Some(fields.chair_post.as_str()),
            |post| post.id.to_string(),
            |post| post.label.get(lang).to_owned(),
        )),
        invitee_posts,
        people_rows,
        people_list: offered
            .people
            .iter()
            .map(|person| suggested(lang, person))
            .collect(),
        agenda,
        fields,
        action,
        errors,
    }
}

/// The schedule form as posted; rows arrive as repeated fields, in the order shown.
#[derive(Debug, Deserialize)]
pub(crate) struct ScheduleForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    title_bn: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    held_on: String,
    #[serde(default)]
    starts_at: String,
    #[serde(default)]
    place_bn: String,
    #[serde(default)]
    place_en: String,
    #[serde(default)]
    online_link: String,
    #[serde(default)]
    sequence: String,
    #[serde(default)]
    chair_post: String,
    #[serde(default)]
    invitee_post: Vec<String>,
    #[serde(default)]
    invitee_person: Vec<String>,
    #[serde(default)]
    agenda_bn: Vec<String>,
    #[serde(default)]
    agenda_en: Vec<String>,
    #[serde(default)]
    agenda_presenter: Vec<String>,
}

impl From<ScheduleForm> for ScheduleFields {
    fn from(form: ScheduleForm) -> Self {
        Self {
            kind: form.kind,
            title_bn: form.title_bn,
            title_en: form.title_en,
            held_on: form.held_on,
            starts_at: form.starts_at,
            place_bn: form.place_bn,
            place_en: form.place_en,
            online_link: form.online_link,
            sequence: form.sequence,
            chair_post: form.chair_post,
            invitee_posts: form.invitee_post,
            invitee_people: form
                .invitee_person
                .into_iter()
                .filter(|id| !id.trim().is_empty())
                .collect(),
            agenda_bn: form.agenda_bn,
            agenda_en: form.agenda_en,
            agenda_presenters: form.agenda_presenter,
        }
    }
}

/// The kind of meeting a new meeting's form is filled in for.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct KindQuery {
    #[serde(default)]
    kind: String,
}

/// `GET /offices/{key}/meetings/new?kind=monthly_coordination`: the form of a new meeting, filled in
/// for its kind (a quarterly review unless another is asked).
pub(crate) async fn new(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(office_key): Path<String>,
    Query(query): Query<KindQuery>,
) -> Result<SchedulePage, PageError> {
    let choices = state.app.schedule_choices(&member.0, &office_key).await?;
    let kind = match query.kind.trim() {
        "" => MeetingKind::QuarterlyReview,
        code => MeetingKind::from_code(code).map_err(|_| PageError::bad_input("error-bad-form"))?,
    };
    let fields = state.app.new_meeting_fields(&choices, kind).await?;
    Ok(schedule_page(
        &state,
        lang,
        &member,
        &choices,
        fields,
        format!("/offices/{office_key}/meetings"),
        Vec::new(),
    ))
}

/// `POST /offices/{key}/meetings`: schedules the meeting and opens its page.
pub(crate) async fn create(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(office_key): Path<String>,
    Posted(member, form): Posted<ScheduleForm>,
) -> Result<Response, PageError> {
    let fields = ScheduleFields::from(form);
    let saved = state
        .app
        .schedule_meeting(&member.0, &office_key, &fields)
        .await;
    let choices = state.app.schedule_choices(&member.0, &office_key);
    let action = format!("/offices/{office_key}/meetings");
    answer(&state, lang, &member, saved, fields, action, choices).await
}

/// `GET /meetings/{key}/notice`: the form of a scheduled meeting, until its notice is sent.
pub(crate) async fn edit(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
) -> Result<SchedulePage, PageError> {
    let (detail, choices) = state.app.meeting_schedule(&member.0, &key).await?;
    let fields = schedule_fields(&detail, &choices);
    Ok(schedule_page(
        &state,
        lang,
        &member,
        &choices,
        fields,
        format!("/meetings/{key}/notice"),
        Vec::new(),
    ))
}

/// `POST /meetings/{key}/notice`: changes the meeting's schedule.
pub(crate) async fn update(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Posted(member, form): Posted<ScheduleForm>,
) -> Result<Response, PageError> {
    let fields = ScheduleFields::from(form);
    let saved = state
        .app
        .reschedule_meeting(&member.0, &key, &fields)
        .await
        .map(|()| key.clone());
    let choices = async {
        state
            .app
            .meeting_schedule(&member.0, &key)
            .await
            .map(|(_, choices)| choices)
    };
    let action = format!("/meetings/{key}/notice");
    answer(&state, lang, &member, saved, fields, action, choices).await
}

/// Answers a posted schedule form: the meeting's page once saved, otherwise the form again (with
/// `choices`, read only then) and each refusal beside its field.
async fn answer(
    state: &AppState,
    lang: Lang,
    member: &Member,
    saved: Result<String, udbhabon_core::Error>,
    fields: ScheduleFields,
    action: String,
    choices: impl Future<Output = Result<ScheduleChoices, udbhabon_core::Error>>,
) -> Result<Response, PageError> {
    match saved {
        Ok(key) => Ok(Redirect::to(&format!("/meetings/{key}")).into_response()),
        Err(error) => {
            rejected(lang, error, |errors| async {
                let choices = choices.await?;
                Ok(schedule_page(
                    state, lang, member, &choices, fields, action, errors,
                ))
            })
            .await
        }
    }
}

#[derive(Debug, Deserialize)]
pub(crate) struct NoticeForm {
    #[serde(default)]
    memo_file: String,
}

/// `POST /meetings/{key}/notice/send`: numbers, stores and mails the invitation notice.
pub(crate) async fn send(
    State(state): State<AppState>,
    Path(key): Path<String>,
    Posted(member, form): Posted<NoticeForm>,
) -> Result<Response, PageError> {
    match state
        .app
        .send_meeting_notice(&member.0, &key, &form.memo_file)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/meetings/{key}")).into_response()),
        Err(error) => Err(PageError::from(error)),
    }
}

/// `GET /meetings/{key}/notice.pdf`: the notice as it was sent.
pub(crate) async fn notice_pdf(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
) -> Result<Response, PageError> {
    let document = state.app.notice_pdf(&member.0, &key, lang).await?;
    Ok(crate::download::pdf(document, Disposition::Inline))
}

#[derive(Template, WebTemplate)]
#[template(path = "meeting/notice/attendance.html")]
pub(crate) struct AttendancePage {
    l: Layout,
    heading: String,
    csrf: String,
    action: String,
    meeting_href: String,
    errors: Vec<(String, String)>,
    /// Each invitee: (person id, "post, office" or name, person's name, present). A vacant post has
    /// no person to mark.
    invitees: Vec<(Option<String>, String, String, bool)>,
    /// Those recorded as present without an invitation: (person id, name).
    uninvited: Vec<(String, String)>,
    /// Rows to type the names of those who came uninvited.
    people_rows: usize,
    /// The names the rows suggest as one types ("নাম (#১২)").
    people_list: Vec<String>,
}

fn attendance_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    sheet: &AttendanceSheet,
    errors: Vec<(String, String)>,
) -> AttendancePage {
    let detail = &sheet.detail;
    let key = &detail.meeting.record.key;
    let present = |person_id: i32| {
        detail
            .attendance
            .iter()
            .any(|attendee| attendee.person.id == person_id && attendee.present)
    };
    let heading = t_args(
        lang,
        "meeting-attendance-sheet",
        &[("title", detail.meeting.record.title.get(lang).to_owned())],
    );
    AttendancePage {
        l: Layout::of_member(
            &state.app,
            lang,
            member,
            heading.clone(),
            "meetings",
            &format!("/meetings/{key}/attendance"),
        ),
        heading,
        csrf: member.0.csrf_token.clone(),
        action: format!("/meetings/{key}/attendance"),
        meeting_href: format!("/meetings/{key}"),
        errors,
        invitees: detail
            .invitees
            .iter()
            .map(|invitee| {
                let person = invitee.person.as_ref();
                (
                    person.map(|person| person.id.to_string()),
                    invitee_label(invitee, lang),
                    person.map_or_else(
                        || t(lang, "team-vacant"),
                        |person| person.name.get(lang).to_owned(),
                    ),
                    person.is_some_and(|person| present(person.id)),
                )
            })
            .collect(),
        uninvited: detail
            .attendance
            .iter()
            .filter(|attendee| !attendee.invited)
            .map(|attendee| {
                (
                    attendee.person.id.to_string(),
                    attendee.person.name.get(lang).to_owned(),
                )
            })
            .collect(),
        people_rows: SPARE_ROWS,
        people_list: sheet
            .people
            .iter()
            .map(|person| suggested(lang, person))
            .collect(),
    }
}

/// `GET /meetings/{key}/attendance`: who is invited, to mark who came.
pub(crate) async fn attendance(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
) -> Result<AttendancePage, PageError> {
    let sheet = state.app.attendance_sheet(&member.0, &key).await?;
    Ok(attendance_page(&state, lang, &member, &sheet, Vec::new()))
}

#[derive(Debug, Deserialize)]
pub(crate) struct AttendanceForm {
    #[serde(default)]
    present: Vec<String>,
    #[serde(default)]
    uninvited: Vec<String>,
}

/// `POST /meetings/{key}/attendance`: records who was present, the uninvited marked as such.
pub(crate) async fn record_attendance(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Posted(member, form): Posted<AttendanceForm>,
) -> Result<Response, PageError> {
    match state
        .app
        .record_attendance(&member.0, &key, &form.present, &form.uninvited)
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/meetings/{key}")).into_response()),
        Err(error) => {
            rejected(lang, error, |errors| async {
                let sheet = state.app.attendance_sheet(&member.0, &key).await?;
                Ok(attendance_page(&state, lang, &member, &sheet, errors))
            })
            .await
        }
    }
}
