//! An office's trainings (`/offices/KEY/trainings`): the plan of the year beside the trainings held,
//! with the forms that keep both; a training's page (`/trainings/ID`) with its sessions, participants
//! and attendance; `course` answers the plan's forms, `hours` shows person-hours, `teams` the teams
//! below trained, `invitation` issues its invitation, `material` a training's files, `certificate`
//! issues certificates and checks them for anyone, and `tutorial` keeps the video-tutorial library.

pub(crate) mod certificate;
pub(crate) mod course;
pub(crate) mod hours;
pub(crate) mod invitation;
pub(crate) mod material;
pub(crate) mod teams;
pub(crate) mod tutorial;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use bangla::FiscalYear;
use serde::Deserialize;
use udbhabon_core::training::invitation::participant_label;
use udbhabon_core::training::{ParticipantFields, TrainingDetail, TrainingYear};
use udbhabon_core::{CourseRow, OfficeRow, PostRow};
use udbhabon_domain::training::{
    Session, Training, TrainingAudience, TrainingFields, TrainingMode, TrainingTopic,
};
use udbhabon_domain::{Bilingual, Vocabulary};
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Button, Member, Posted};
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::form::{
    Choice, DoneQuery, FieldErrors, choices, listed, memo_file_choices, rejected, with_none,
};
use crate::lang::ReaderLang;
use crate::layout::{Layout, encode_component};
use crate::state::AppState;
use crate::training::course::{CourseCard, CourseForm, course_cards, course_form};

/// Empty session rows offered below the filled ones, so that more can be added without a script.
const SPARE_SESSIONS: usize = 2;

/// The year a page's address asks for (`?year=2025-26`), else the current one.
pub(crate) fn year_asked(state: &AppState, asked: &str) -> Result<FiscalYear, PageError> {
    match asked.trim() {
        "" => FiscalYear::of(state.app.today()).ok(),
        text => FiscalYear::parse(text).ok(),
    }
    .ok_or_else(|| PageError::bad_input("error-fiscal-year"))
}

/// The page of an office's trainings of a year.
pub(crate) fn year_href(key: &str, year: FiscalYear) -> String {
    training_href(key, "", year)
}

/// One of an office's training pages of a year: `""` the year's own, `"/hours"`, `"/teams"`.
pub(crate) fn training_href(key: &str, page: &str, year: FiscalYear) -> String {
    format!(
        "/offices/{}/trainings{page}?year={}",
        encode_component(key),
        year.short_en()
    )
}

/// The same training page of the year before and the year after; empty where there is none.
pub(crate) fn other_years(key: &str, page: &str, year: FiscalYear) -> (String, String) {
    let of = |other: Option<FiscalYear>| {
        other
            .map(|other| training_href(key, page, other))
            .unwrap_or_default()
    };
    (of(year.previous()), of(year.next()))
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct YearQuery {
    #[serde(default)]
    year: String,
    done: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "training/year.html")]
pub(crate) struct YearPage {
    pub(crate) l: Layout,
    heading: String,
    office_href: String,
    hours_href: String,
    teams_href: String,
    /// (previous, next) years' pages.
    years: (String, String),
    csrf: Option<String>,
    notice: Option<String>,
    errors: Vec<(String, String)>,
    courses: Vec<CourseCard>,
    planned_hours: String,
    trainings: Vec<TrainingLine>,
    new_course: Option<CourseForm>,
    new_training: Option<TrainingFormView>,
}

struct TrainingLine {
    href: String,
    title: String,
    dates: String,
    topic: String,
    mode: String,
    hours: String,
    participants: String,
    person_hours: String,
}

pub(crate) struct TrainingFormView {
    id: String,
    action: String,
    open: bool,
    errors: Vec<(String, String)>,
    values: TrainingForm,
    topics: Vec<Choice>,
    audiences: Vec<Choice>,
    modes: Vec<Choice>,
    courses: Vec<Choice>,
    /// (index, date, from, until, subject) of each row.
    sessions: Vec<(usize, String, String, String, String)>,
}

impl FieldErrors for TrainingFormView {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

/// A training as posted.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct TrainingForm {
    #[serde(default)]
    title_bn: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    topic: String,
    #[serde(default)]
    audience: String,
    #[serde(default)]
    mode: String,
    #[serde(default)]
    venue_bn: String,
    #[serde(default)]
    venue_en: String,
    #[serde(default)]
    online_link: String,
    #[serde(default)]
    provider: String,
    #[serde(default)]
    trainers: String,
    #[serde(default)]
    guest_trainers: String,
    #[serde(default)]
    course: String,
    #[serde(default)]
    session_on: Vec<String>,
    #[serde(default)]
    session_from: Vec<String>,
    #[serde(default)]
    session_until: Vec<String>,
    #[serde(default)]
    session_subject: Vec<String>,
}

impl TrainingForm {
    fn fields(&self) -> TrainingFields {
        TrainingFields {
            title: Bilingual::new(&self.title_bn, &self.title_en),
            topic: self.topic.clone(),
            audience: self.audience.clone(),
            mode: self.mode.clone(),
            venue: Bilingual::new(&self.venue_bn, &self.venue_en),
            online_link: self.online_link.clone(),
            provider: self.provider.clone(),
            trainers: self.trainers.clone(),
            guest_trainers: self.guest_trainers.clone(),
            session_on: self.session_on.clone(),
            session_from: self.session_from.clone(),
            session_until: self.session_until.clone(),
            session_subject: self.session_subject.clone(),
        }
    }

    fn of(lang: Lang, training: &Training, course: Option<i32>) -> Self {
        let column = |pick: &dyn Fn(&Session) -> String| -> Vec<String> {
            training.sessions.iter().map(pick).collect()
        };
        Self {
            title_bn: training.title.bn.clone(),
            title_en: training.title.en.clone(),
            topic: training.topic.code().to_owned(),
            audience: training.audience.code().to_owned(),
            mode: training.mode.code().to_owned(),
            venue_bn: training.venue.bn.clone(),
            venue_en: training.venue.en.clone(),
            online_link: training.online_link.clone(),
            provider: training.provider.clone(),
            trainers: training.trainers.join("\n"),
            guest_trainers: training.guest_trainers.join("\n"),
            course: course.map(|id| id.to_string()).unwrap_or_default(),
            session_on: column(&|session| {
                format::digits(lang, &session.on.format("%d-%m-%Y").to_string())
            }),
            session_from: column(&|session| format::time(lang, session.from)),
            session_until: column(&|session| format::time(lang, session.until)),
            session_subject: column(&|session| session.subject.clone()),
        }
    }
}

/// A training's form with `values` in it, its messages when it was refused, and spare session rows.
pub(crate) fn training_form(
    lang: Lang,
    id: &str,
    action: String,
    values: TrainingForm,
    courses: &[CourseRow],
    errors: Option<&[(String, String)]>,
) -> TrainingFormView {
    let rows = values.session_on.len() + SPARE_SESSIONS;
    let cell = |column: &[String], index: usize| column.get(index).cloned().unwrap_or_default();
    TrainingFormView {
        id: id.to_owned(),
        action,
        open: errors.is_some(),
        errors: errors.map(<[_]>::to_vec).unwrap_or_default(),
        topics: listed(lang, &values.topic, TrainingTopic::message_key),
        audiences: listed(lang, &values.audience, TrainingAudience::message_key),
        modes: listed(lang, &values.mode, TrainingMode::message_key),
        courses: with_none(choices(
            courses,
            Some(values.course.as_str()),
            |course| course.id.to_string(),
            |course| course.course.title.get(lang).to_owned(),
        )),
        sessions: (0..rows)
            .map(|index| {
                (
                    index,
                    cell(&values.session_on, index),
                    cell(&values.session_from, index),
                    cell(&values.session_until, index),
                    cell(&values.session_subject, index),
                )
            })
            .collect(),
        values,
    }
}

/// The form of the year page refused, to show again with what was typed: none, a course's (a new
/// one when its id is `None`), or the new training's.
pub(crate) enum YearRefused<'a> {
    None,
    Course(Option<i32>, &'a course::CourseFormValues),
    Training(&'a TrainingForm),
}

/// The year page; a refused form's messages go beside its fields, the others at the top.
pub(crate) fn year_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    year: &TrainingYear,
    errors: Vec<(String, String)>,
    refused: YearRefused<'_>,
) -> YearPage {
    let key = &year.office.key;
    let href = year_href(key, year.year);
    let heading = t_args(
        lang,
        "training-title",
        &[
            ("office", year.office.name.get(lang).to_owned()),
            ("year", format::fiscal_year(lang, year.year)),
        ],
    );
    let (errors, form_errors) = match refused {
        YearRefused::None => (errors, Vec::new()),
        _ => (
            vec![(String::new(), t(lang, "charter-errors-below"))],
            errors,
        ),
    };
    let course_options: Vec<CourseRow> = year
        .courses
        .iter()
        .map(|course| course.row.clone())
        .collect();
    let new_training = year.can_manage.then(|| {
        let (values, refused) = match &refused {
            YearRefused::Training(form) => ((*form).clone(), true),
            _ => (
                TrainingForm {
                    topic: TrainingTopic::Innovation.code().to_owned(),
                    audience: TrainingAudience::Team.code().to_owned(),
                    mode: TrainingMode::InHouse.code().to_owned(),
                    ..TrainingForm::default()
                },
                false,
            ),
        };
        training_form(
            lang,
            "training-new",
            format!(
                "/offices/{}/trainings?year={}",
                encode_component(key),
                year.year.short_en()
            ),
            values,
            &course_options,
            refused.then_some(form_errors.as_slice()),
        )
    });
    let course_refused = match &refused {
        YearRefused::Course(id, values) => Some((*id, *values)),
        _ => None,
    };
    let trainings = year
        .trainings
        .iter()
        .map(|summary| {
            let training = &summary.row.training;
            TrainingLine {
                href: format!("/trainings/{}", summary.row.id),
                title: training.title.get(lang).to_owned(),
                dates: format::date_span(lang, training.starts_on(), training.ends_on()),
                topic: t(lang, &training.topic.message_key()),
                mode: t(lang, &training.mode.message_key()),
                hours: format::hours(lang, u64::from(training.minutes())),
                participants: t_args(
                    lang,
                    "training-attended-of",
                    &[
                        ("attended", format::number(lang, summary.attended as i64)),
                        ("invited", format::number(lang, summary.participants as i64)),
                    ],
                ),
                person_hours: format::hours(lang, summary.person_minutes),
            }
        })
        .collect();
    YearPage {
        l: Layout::of_member(&state.app, lang, member, heading.clone(), "offices", &href),
        heading,
        office_href: format!("/offices/{}", encode_component(key)),
        hours_href: training_href(key, "/hours", year.year),
        teams_href: training_href(key, "/teams", year.year),
        years: other_years(key, "", year.year),
        csrf: year.can_manage.then(|| member.0.csrf_token.clone()),
        notice: None,
        errors,
        courses: course_cards(lang, year, course_refused, &form_errors),
        planned_hours: format::hours(
            lang,
            year.courses
                .iter()
                .map(|course| u64::from(course.row.course.hours) * 60)
                .sum(),
        ),
        trainings,
        new_course: year.can_manage.then(|| {
            let typed = course_refused.filter(|(id, _)| id.is_none());
            course_form(
                lang,
                "course-new",
                format!(
                    "/offices/{}/trainings/courses?year={}",
                    encode_component(key),
                    year.year.short_en()
                ),
                typed.map_or_else(course::CourseFormValues::fresh, |(_, values)| {
                    values.clone()
                }),
                typed.is_some().then_some(form_errors.as_slice()),
            )
        }),
        new_training,
    }
}

/// `GET /offices/{key}/trainings` (`?year=2025-26`): the plan and the trainings of the year.
pub(crate) async fn year(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
    Query(query): Query<YearQuery>,
) -> Result<YearPage, PageError> {
    let asked = year_asked(&state, &query.year)?;
    let year = state.app.training_year(&member.0, &key, asked).await?;
    let mut page = year_page(&state, lang, &member, &year, Vec::new(), YearRefused::None);
    page.notice = query
        .done
        .as_deref()
        .filter(|done| ["added", "saved", "removed"].contains(done))
        .map(|done| t(lang, &format!("training-course-done-{done}")));
    Ok(page)
}

/// `POST /offices/{key}/trainings` (`?year=` of the page the form is on): adds a training, then opens
/// it to add participants.
pub(crate) async fn add(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Query(query): Query<YearQuery>,
    Posted(member, form): Posted<TrainingForm>,
) -> Result<Response, PageError> {
    let asked = year_asked(&state, &query.year)?;
    match state
        .app
        .add_training(&member.0, &key, &form.fields(), &form.course)
        .await
    {
        Ok(id) => Ok(Redirect::to(&format!("/trainings/{id}?done=added")).into_response()),
        Err(error) => {
            rejected(lang, error, async |errors| {
                let year = state.app.training_year(&member.0, &key, asked).await?;
                Ok(year_page(
                    &state,
                    lang,
                    &member,
                    &year,
                    errors,
                    YearRefused::Training(&form),
                ))
            })
            .await
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "training/show.html")]
pub(crate) struct TrainingPage {
    pub(crate) l: Layout,
    heading: String,
    year_href: String,
    csrf: Option<String>,
    notice: Option<String>,
    errors: Vec<(String, String)>,
    /// (label, text) of the training's particulars.
    particulars: Vec<(String, String)>,
    online_link: String,
    /// (number, date, from – until, hours, subject).
    sessions: Vec<(String, String, String, String, String)>,
    total_hours: String,
    participants: Vec<ParticipantLine>,
    attendance_action: String,
    /// The sentence saying under which number and when the invitation was issued, once it was.
    invitation_issued: Option<String>,
    /// Its PDF: as issued, or the draft for those who may issue it.
    invitation_href: String,
    materials: Vec<MaterialLine>,
    /// For those who run the trainings: the participant form and the training's own.
    manage: Option<Manage>,
    edit: Option<TrainingFormView>,
}

struct ParticipantLine {
    name: String,
    office: String,
    hours: String,
    /// (input value, checked, label for screen readers) per session.
    marks: Vec<(String, bool, String)>,
    /// The certificate issued to them: (its PDF, its code).
    certificate: Option<(String, String)>,
    remove_action: String,
}

/// A training's material: where it is read, its name and size, and the form that takes it off.
struct MaterialLine {
    href: String,
    name: String,
    size: String,
    remove_action: String,
}

struct Manage {
    /// The form issuing the invitation, while it can be: its action, the memo files and the
    /// participants mail cannot reach.
    invitation: Option<InvitationForm>,
    /// Why the invitation cannot be issued yet, while it can be once participants are added.
    invitation_waits: Option<String>,
    materials_action: String,
    certificates_action: String,
    participants_action: String,
    /// (id, "post, office — holder").
    posts: Vec<(String, String)>,
    people_list: Vec<String>,
    teams: Vec<Choice>,
}

struct InvitationForm {
    action: String,
    /// The memo files to number it from; none open, the register where one is opened.
    memo_files: Vec<Choice>,
    memos_href: Option<String>,
    unreached: Vec<String>,
}

/// A size in megabytes (kilobytes below one), in the reader's digits.
pub(crate) fn size_text(lang: Lang, bytes: u64) -> String {
    const MEGABYTE: u64 = 1024 * 1024;
    if bytes >= MEGABYTE {
        t_args(
            lang,
            "file-size-megabytes",
            &[("size", format::number(lang, (bytes / MEGABYTE) as i64))],
        )
    } else {
        t_args(
            lang,
            "file-size-kilobytes",
            &[("size", format::number(lang, bytes.div_ceil(1024) as i64))],
        )
    }
}

/// "post, office", as the participant form lists a post.
fn post_label(lang: Lang, post: &PostRow, office: &OfficeRow) -> String {
    format!("{}, {}", post.label.get(lang), office.name.get(lang))
}

/// A training's page; `refused` is the training's own form refused, shown again as typed.
pub(crate) fn training_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    detail: &TrainingDetail,
    errors: Vec<(String, String)>,
    refused: Option<&TrainingForm>,
) -> TrainingPage {
    let training = &detail.row.training;
    let id = detail.row.id;
    let heading = training.title.get(lang).to_owned();
    let href = format!("/trainings/{id}");
    let mut particulars = vec![
        (
            t(lang, "training-office"),
            detail.office.name.get(lang).to_owned(),
        ),
        (
            t(lang, "training-dates"),
            format::date_span(lang, training.starts_on(), training.ends_on()),
        ),
        (
            t(lang, "training-topic"),
            t(lang, &training.topic.message_key()),
        ),
        (
            t(lang, "training-audience"),
            t(lang, &training.audience.message_key()),
        ),
        (
            t(lang, "training-mode"),
            t(lang, &training.mode.message_key()),
        ),
    ];
    let optional = [
        ("training-venue", training.venue.get(lang).to_owned()),
        ("training-provider", training.provider.clone()),
        ("training-trainers", training.trainers.join(", ")),
        (
            "training-guest-trainers",
            training.guest_trainers.join(", "),
        ),
        (
            "training-course",
            detail
                .course
                .as_ref()
                .map(|course| course.course.title.get(lang).to_owned())
                .unwrap_or_default(),
        ),
    ];
    particulars.extend(
        optional
            .into_iter()
            .filter(|(_, text)| !text.is_empty())
            .map(|(label, text)| (t(lang, label), text)),
    );
    let sessions = training
        .sessions
        .iter()
        .enumerate()
        .map(|(index, session)| {
            (
                format::number(lang, index as i64 + 1),
                format::date_both(lang, session.on),
                format!(
                    "{} – {}",
                    format::time(lang, session.from),
                    format::time(lang, session.until)
                ),
                format::hours(lang, u64::from(session.minutes())),
                session.subject.clone(),
            )
        })
        .collect();
    let participants = detail
        .participants
        .iter()
        .map(|participant| ParticipantLine {
            name: participant.person.name.get(lang).to_owned(),
            office: participant.office.name.get(lang).to_owned(),
            hours: format::hours(lang, u64::from(participant.minutes)),
            marks: (0..training.sessions.len())
                .map(|index| {
                    (
                        format!("{}:{index}", participant.row.id),
                        participant.row.attended.contains(&index),
                        t_args(
                            lang,
                            "training-present-at",
                            &[
                                ("name", participant.person.name.get(lang).to_owned()),
                                ("session", format::number(lang, index as i64 + 1)),
                            ],
                        ),
                    )
                })
                .collect(),
            certificate: participant.certificate.as_ref().map(|code| {
                (
                    format!("{href}/participants/{}/certificate.pdf", participant.row.id),
                    code.clone(),
                )
            }),
            remove_action: format!("{href}/participants/{}/remove", participant.row.id),
        })
        .collect();
    let edit = detail.manage.as_ref().map(|manage| {
        training_form(
            lang,
            "training-edit",
            href.clone(),
            refused
                .cloned()
                .unwrap_or_else(|| TrainingForm::of(lang, training, detail.row.course_id)),
            &manage.courses,
            refused.is_some().then_some(errors.as_slice()),
        )
    });
    // An invitation goes out once, to those already taking part, before the training begins.
    let before = detail.invitation.is_none() && training.starts_on() >= state.app.today();
    let invitable = before && !detail.participants.is_empty();
    let manage = detail.manage.as_ref().map(|manage| Manage {
        invitation: invitable.then(|| InvitationForm {
            action: format!("{href}/invitation"),
            memo_files: memo_file_choices(lang, &manage.memo_files, None),
            memos_href: manage
                .memo_files
                .is_empty()
                .then(|| format!("/offices/{}/memos", detail.office.key)),
            unreached: detail
                .participants
                .iter()
                .filter(|participant| manage.unreached.contains(&participant.row.id))
                .map(|participant| participant_label(participant, lang))
                .collect(),
        }),
        invitation_waits: (before && !invitable)
            .then(|| t(lang, "training-invitation-needs-participants")),
        materials_action: format!("{href}/materials"),
        certificates_action: format!("{href}/certificates"),
        participants_action: format!("{href}/participants"),
        posts: manage
            .choices
            .posts
            .iter()
            .map(|(post, office, holder)| {
                let holder = holder.as_ref().map_or_else(
                    || t(lang, "team-vacant"),
                    |holder| holder.person.name.get(lang).to_owned(),
                );
                (
                    post.id.to_string(),
                    format!("{} — {holder}", post_label(lang, post, office)),
                )
            })
            .collect(),
        people_list: manage
            .choices
            .people
            .iter()
            .map(|person| {
                format!(
                    "{} (#{})",
                    person.name.get(lang),
                    format::digits(lang, &person.id.to_string())
                )
            })
            .collect(),
        teams: with_none(choices(
            &manage.choices.teams,
            None,
            |office| office.key.clone(),
            |office| office.name.get(lang).to_owned(),
        )),
    });
    TrainingPage {
        l: Layout::of_member(&state.app, lang, member, heading.clone(), "offices", &href),
        heading,
        year_href: FiscalYear::starting_in(detail.row.fiscal_year)
            .map(|year| year_href(&detail.office.key, year))
            .unwrap_or_default(),
        csrf: manage.as_ref().map(|_| member.0.csrf_token.clone()),
        notice: None,
        errors: if refused.is_some() {
            vec![(String::new(), t(lang, "charter-errors-below"))]
        } else {
            errors
        },
        particulars,
        online_link: training.online_link.clone(),
        sessions,
        total_hours: format::hours(lang, u64::from(training.minutes())),
        participants,
        attendance_action: format!("{href}/attendance"),
        invitation_issued: detail.invitation.as_ref().map(|invitation| {
            t_args(
                lang,
                "training-invitation-issued",
                &[
                    (
                        "memo",
                        invitation
                            .memo
                            .as_ref()
                            .map(|memo| memo.printed(lang))
                            .unwrap_or_default(),
                    ),
                    (
                        "date",
                        invitation
                            .issued_on
                            .map(|on| format::date_both(lang, on))
                            .unwrap_or_default(),
                    ),
                ],
            )
        }),
        invitation_href: format!("{href}/invitation.pdf"),
        materials: detail
            .materials
            .iter()
            .map(|file| MaterialLine {
                href: format!("{href}/materials/{}", file.id),
                name: file.name.clone(),
                size: size_text(lang, u64::try_from(file.size).unwrap_or_default()),
                remove_action: format!("{href}/materials/{}/remove", file.id),
            })
            .collect(),
        manage,
        edit,
    }
}

/// `GET /trainings/{id}` (`?done=…` after a change).
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(id): Path<i32>,
    Query(query): Query<DoneQuery>,
) -> Result<TrainingPage, PageError> {
    let detail = state.app.training_detail(&member.0, id).await?;
    let mut page = training_page(&state, lang, &member, &detail, Vec::new(), None);
    page.notice = query
        .done
        .as_deref()
        .filter(|done| {
            [
                "added",
                "saved",
                "participants",
                "removed",
                "attendance",
                "certificates",
                "invited",
                "materials",
                "material-removed",
            ]
            .contains(done)
        })
        .map(|done| t(lang, &format!("training-done-{done}")));
    Ok(page)
}

/// Answers a change to a training: back to its page announcing `done`, or the page again with the
/// refusal beside the form it concerns.
pub(crate) async fn answer(
    state: &AppState,
    lang: Lang,
    member: Member,
    id: i32,
    done: &str,
    result: Result<(), udbhabon_core::Error>,
    refused: Option<&TrainingForm>,
) -> Result<Response, PageError> {
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/trainings/{id}?done={done}")).into_response()),
        Err(error) => {
            rejected(lang, error, async |errors| {
                let detail = state.app.training_detail(&member.0, id).await?;
                Ok(training_page(
                    state, lang, &member, &detail, errors, refused,
                ))
            })
            .await
        }
    }
}

/// `POST /trainings/{id}`: corrects a training.
pub(crate) async fn save(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, form): Posted<TrainingForm>,
) -> Result<Response, PageError> {
    let result = state
        .app
        .change_training(&member.0, id, &form.fields(), &form.course)
        .await;
    answer(&state, lang, member, id, "saved", result, Some(&form)).await
}

/// Participants as posted: posts ticked, names typed, an office whose team to add.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ParticipantForm {
    #[serde(default)]
    post: Vec<String>,
    #[serde(default)]
    person: Vec<String>,
    #[serde(default)]
    team: String,
}

/// `POST /trainings/{id}/participants`: adds participants.
pub(crate) async fn add_participants(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, form): Posted<ParticipantForm>,
) -> Result<Response, PageError> {
    let fields = ParticipantFields {
        posts: form.post,
        people: form.person,
        team_office: form.team,
    };
    let result = state
        .app
        .add_participants(&member.0, id, &fields)
        .await
        .map(drop);
    answer(&state, lang, member, id, "participants", result, None).await
}

/// `POST /trainings/{id}/participants/{participant}/remove`: takes a participant off.
pub(crate) async fn remove_participant(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path((id, participant)): Path<(i32, i32)>,
    Posted(member, Button {}): Posted<Button>,
) -> Result<Response, PageError> {
    let result = state
        .app
        .remove_participant(&member.0, id, participant)
        .await;
    answer(&state, lang, member, id, "removed", result, None).await
}

/// Attendance as posted: one `present` value "participant:session" per tick.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct AttendanceForm {
    #[serde(default)]
    present: Vec<String>,
}

/// `POST /trainings/{id}/attendance`: records who attended which session.
pub(crate) async fn attendance(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, form): Posted<AttendanceForm>,
) -> Result<Response, PageError> {
    let mut present = Vec::with_capacity(form.present.len());
    for tick in &form.present {
        let parsed = tick.split_once(':').and_then(|(participant, session)| {
            Some((participant.parse().ok()?, session.parse().ok()?))
        });
        match parsed {
            Some(pair) => present.push(pair),
            None => return Err(PageError::bad_input("error-order-unknown-choice")),
        }
    }
    let result = state
        .app
        .record_training_attendance(&member.0, id, &present)
        .await;
    answer(&state, lang, member, id, "attendance", result, None).await
}
