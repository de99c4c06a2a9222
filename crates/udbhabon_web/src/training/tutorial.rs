//! An office's video-tutorial library (`/offices/KEY/tutorials`): each tutorial with its topic, the
//! minutes it counts and how many finished it, and the form that adds one; a tutorial's page
//! (`/tutorials/ID`) with its description, chapters, and its video played here (with its subtitles,
//! finished for the reader when it plays to its end) or the link where it plays, the button that marks
//! it finished, the form that uploads its video and the form that corrects it; the video and subtitles
//! themselves, read a range at a time.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use udbhabon_core::files::MAX_SUBTITLES_BYTES;
use udbhabon_core::training::tutorial::{TutorialDetail, TutorialLibrary};
use udbhabon_core::{CourseRow, TutorialRow};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::training::TrainingTopic;
use udbhabon_domain::training::tutorial::{TutorialFields, start_text};
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::assets::asset_path;
use crate::auth::{Button, Member, Posted, PostedUpload};
use crate::download::ranged;
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::form::{
    Choice, DoneQuery, FieldErrors, choices, listed, rejected, saved_or_rejected, with_none,
};
use crate::lang::ReaderLang;
use crate::layout::{Layout, encode_component};
use crate::state::AppState;
use crate::training::size_text;

/// A tutorial form refused: what was typed and each field's message.
type Refused<'a> = Option<(&'a TutorialFields, Vec<(String, String)>)>;

/// The form of a tutorial, to add one or correct it.
pub(crate) struct TutorialForm {
    action: String,
    open: bool,
    errors: Vec<(String, String)>,
    values: TutorialFields,
    topics: Vec<Choice>,
    /// The planned courses it may be put in, none first.
    courses: Vec<Choice>,
}

impl FieldErrors for TutorialForm {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

fn tutorial_form(
    lang: Lang,
    action: String,
    (typed, errors): (TutorialFields, Option<Vec<(String, String)>>),
    offered: &[CourseRow],
) -> TutorialForm {
    TutorialForm {
        action,
        open: errors.is_some(),
        errors: errors.unwrap_or_default(),
        topics: with_none(listed(lang, &typed.topic, TrainingTopic::message_key)),
        courses: with_none(choices(
            offered,
            Some(typed.course.as_str()),
            |course| course.id.to_string(),
            |course| course_label(lang, course),
        )),
        values: typed,
    }
}

/// A planned course as a reader names it: "ই-নথি দক্ষতা (২০২৬-২৭)".
fn course_label(lang: Lang, course: &CourseRow) -> String {
    let year = bangla::FiscalYear::starting_in(course.fiscal_year)
        .map(|year| format!(" ({})", format::fiscal_year(lang, year)))
        .unwrap_or_default();
    format!("{}{year}", course.course.title.get(lang))
}

fn minutes_text(lang: Lang, minutes: u32) -> String {
    t_args(
        lang,
        "tutorial-minutes-value",
        &[("minutes", format::number(lang, i64::from(minutes)))],
    )
}

fn finished_text(lang: Lang, count: usize) -> String {
    t_args(
        lang,
        "tutorial-finished-by",
        &[("count", format::number(lang, count as i64))],
    )
}

struct TutorialLine {
    href: String,
    title: String,
    topic: String,
    minutes: String,
    finished_by: String,
    /// When the reader finished it.
    finished_on: Option<String>,
}

/// The tutorials of one planned course, or those in none.
struct TutorialGroup {
    /// The course's name and what its tutorials count; none for the tutorials in no course.
    course: Option<(String, String)>,
    lines: Vec<TutorialLine>,
}

#[derive(Template, WebTemplate)]
#[template(path = "training/tutorials.html")]
pub(crate) struct LibraryPage {
    l: Layout,
    heading: String,
    office_href: String,
    /// (name, library) of each office above, the nearest first.
    above: Vec<(String, String)>,
    groups: Vec<TutorialGroup>,
    csrf: Option<String>,
    form: Option<TutorialForm>,
}

fn library_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    library: &TutorialLibrary,
    refused: Refused<'_>,
) -> LibraryPage {
    let key = encode_component(&library.office.key);
    let href = format!("/offices/{key}/tutorials");
    let heading = t_args(
        lang,
        "tutorial-heading",
        &[("office", library.office.name.get(lang).to_owned())],
    );
    LibraryPage {
        l: Layout::of_member(&state.app, lang, member, heading.clone(), "offices", &href),
        heading,
        office_href: format!("/offices/{key}"),
        above: library
            .above
            .iter()
            .map(|office| {
                (
                    office.name.get(lang).to_owned(),
                    format!("/offices/{}/tutorials", encode_component(&office.key)),
                )
            })
            .collect(),
        groups: tutorial_groups(lang, library),
        csrf: library.can_manage.then(|| member.0.csrf_token.clone()),
        form: library.can_manage.then(|| {
            let typed = refused.map_or_else(
                || (TutorialFields::default(), None),
                |(typed, errors)| (typed.clone(), Some(errors)),
            );
            tutorial_form(lang, href, typed, &library.offered)
        }),
    }
}

/// The library's tutorials by planned course (by year, as added), then those in none.
fn tutorial_groups(lang: Lang, library: &TutorialLibrary) -> Vec<TutorialGroup> {
    let line = |row: &TutorialRow| {
        let tutorial = &row.tutorial;
        TutorialLine {
            href: format!("/tutorials/{}", row.id),
            title: tutorial.title.get(lang).to_owned(),
            topic: t(lang, &tutorial.topic.message_key()),
            minutes: minutes_text(lang, tutorial.minutes),
            finished_by: finished_text(
                lang,
                library.finished_by.get(&row.id).copied().unwrap_or(0),
            ),
            finished_on: library
                .finished
                .get(&row.id)
                .map(|day| format::date(lang, *day)),
        }
    };
    let mut groups: Vec<TutorialGroup> = library
        .courses
        .iter()
        .map(|(course, ids)| {
            let rows: Vec<&TutorialRow> = library
                .tutorials
                .iter()
                .filter(|row| ids.contains(&row.id))
                .collect();
            let minutes: u32 = rows.iter().map(|row| row.tutorial.minutes).sum();
            let finished = rows
                .iter()
                .filter(|row| library.finished.contains_key(&row.id))
                .count();
            let counted = t_args(
                lang,
                "tutorial-course-counts",
                &[
                    ("count", format::number(lang, rows.len() as i64)),
                    ("hours", format::hours(lang, u64::from(minutes))),
                    (
                        "planned",
                        format::hours(lang, u64::from(course.course.hours) * 60),
                    ),
                    ("finished", format::number(lang, finished as i64)),
                ],
            );
            TutorialGroup {
                course: Some((course_label(lang, course), counted)),
                lines: rows.into_iter().map(line).collect(),
            }
        })
        .collect();
    let grouped: Vec<i32> = library
        .courses
        .iter()
        .flat_map(|(_, ids)| ids.iter().copied())
        .collect();
    let rest: Vec<TutorialLine> = library
        .tutorials
        .iter()
        .filter(|row| !grouped.contains(&row.id))
        .map(line)
        .collect();
    if !rest.is_empty() {
        groups.push(TutorialGroup {
            course: None,
            lines: rest,
        });
    }
    groups
}

/// `GET /offices/{key}/tutorials`: the office's library.
pub(crate) async fn library(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
) -> Result<LibraryPage, PageError> {
    let library = state.app.tutorial_library(&member.0, &key).await?;
    Ok(library_page(&state, lang, &member, &library, None))
}

/// `POST /offices/{key}/tutorials`: adds a tutorial, then opens it.
pub(crate) async fn add(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Posted(member, fields): Posted<TutorialFields>,
) -> Result<Response, PageError> {
    match state.app.add_tutorial(&member.0, &key, &fields).await {
        Ok(id) => Ok(Redirect::to(&format!("/tutorials/{id}?done=added")).into_response()),
        Err(error) => {
            rejected(lang, error, async |errors| {
                let library = state.app.tutorial_library(&member.0, &key).await?;
                Ok(library_page(
                    &state,
                    lang,
                    &member,
                    &library,
                    Some((&fields, errors)),
                ))
            })
            .await
        }
    }
}

/// The video a tutorial plays here.
struct Player {
    src: String,
    subtitles: Option<String>,
    script: String,
}

/// The form that uploads a tutorial's video and subtitles.
pub(crate) struct UploadForm {
    action: String,
    open: bool,
    errors: Vec<(String, String)>,
    /// What the video field takes, naming the largest.
    help: String,
    /// (file name, size in words) of the video and subtitle track kept.
    kept: Vec<(String, String)>,
}

impl FieldErrors for UploadForm {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "training/tutorial.html")]
pub(crate) struct TutorialPage {
    l: Layout,
    heading: String,
    library_href: String,
    notice: Option<String>,
    /// (label, text) of its topic, minutes and how many finished it.
    particulars: Vec<(String, String)>,
    link: String,
    player: Option<Player>,
    description: String,
    /// (start in seconds, as written, title) of each chapter.
    chapters: Vec<(u32, String, String)>,
    csrf: String,
    /// The button that marks it finished, or the day the reader did.
    finish_action: String,
    finished_on: Option<String>,
    upload: Option<UploadForm>,
    form: Option<TutorialForm>,
}

fn typed_tutorial(lang: Lang, detail: &TutorialDetail) -> TutorialFields {
    let tutorial = &detail.row.tutorial;
    TutorialFields {
        course: detail
            .course
            .as_ref()
            .map(|course| course.id.to_string())
            .unwrap_or_default(),
        title_bn: tutorial.title.bn.clone(),
        title_en: tutorial.title.en.clone(),
        topic: tutorial.topic.code().to_owned(),
        minutes: format::digits(lang, &tutorial.minutes.to_string()),
        link: tutorial.link.clone(),
        description: tutorial.description.clone(),
        chapters: tutorial
            .chapters
            .iter()
            .map(|chapter| {
                format!(
                    "{} {}",
                    format::digits(lang, &start_text(chapter.at)),
                    chapter.title
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

fn tutorial_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    detail: &TutorialDetail,
    (notice, refused): (Option<String>, Refused<'_>),
) -> TutorialPage {
    let tutorial = &detail.row.tutorial;
    let href = format!("/tutorials/{}", detail.row.id);
    let heading = tutorial.title.get(lang).to_owned();
    TutorialPage {
        l: Layout::of_member(&state.app, lang, member, heading.clone(), "offices", &href),
        heading,
        library_href: format!(
            "/offices/{}/tutorials",
            encode_component(&detail.office.key)
        ),
        notice,
        particulars: vec![
            (
                t(lang, "tutorial-topic"),
                t(lang, &tutorial.topic.message_key()),
            ),
            (
                t(lang, "tutorial-minutes"),
                minutes_text(lang, tutorial.minutes),
            ),
            (
                t(lang, "tutorial-finished"),
                finished_text(lang, detail.finished_by),
            ),
        ]
        .into_iter()
        .chain(
            detail
                .course
                .as_ref()
                .map(|course| (t(lang, "tutorial-course"), course_label(lang, course))),
        )
        .collect(),
        link: tutorial.link.clone(),
        player: detail.video.as_ref().map(|video| Player {
            src: format!("{href}/video"),
            subtitles: video
                .subtitles
                .as_ref()
                .map(|_| format!("{href}/subtitles.vtt")),
            script: asset_path("tutorial.js"),
        }),
        description: tutorial.description.clone(),
        chapters: tutorial
            .chapters
            .iter()
            .map(|chapter| {
                (
                    chapter.at,
                    format::digits(lang, &start_text(chapter.at)),
                    chapter.title.clone(),
                )
            })
            .collect(),
        csrf: member.0.csrf_token.clone(),
        finish_action: format!("{href}/finished"),
        finished_on: detail.finished_on.map(|day| format::date(lang, day)),
        upload: detail.can_manage.then(|| UploadForm {
            action: format!("{href}/video"),
            open: false,
            errors: Vec::new(),
            help: t_args(
                lang,
                "tutorial-video-help",
                &[("most", size_text(lang, state.app.video_bytes_most()))],
            ),
            kept: detail
                .video
                .iter()
                .flat_map(|video| std::iter::once(&video.video).chain(&video.subtitles))
                .map(|file| {
                    let size = u64::try_from(file.size).unwrap_or_default();
                    (file.name.clone(), size_text(lang, size))
                })
                .collect(),
        }),
        form: detail.can_manage.then(|| {
            let typed = refused.map_or_else(
                || (typed_tutorial(lang, detail), None),
                |(typed, errors)| (typed.clone(), Some(errors)),
            );
            tutorial_form(lang, href.clone(), typed, &detail.offered)
        }),
    }
}

/// `GET /tutorials/{id}`: a tutorial's page.
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(id): Path<i32>,
    Query(query): Query<DoneQuery>,
) -> Result<TutorialPage, PageError> {
    let detail = state.app.tutorial_detail(&member.0, id).await?;
    let notice = match query.done.as_deref() {
        Some("added") => Some(t(lang, "tutorial-done-added")),
        Some("saved") => Some(t(lang, "tutorial-done-saved")),
        Some("finished") => Some(t(lang, "tutorial-done-finished")),
        Some("uploaded") => Some(t(lang, "tutorial-done-uploaded")),
        _ => None,
    };
    Ok(tutorial_page(
        &state,
        lang,
        &member,
        &detail,
        (notice, None),
    ))
}

/// `POST /tutorials/{id}`: corrects a tutorial.
pub(crate) async fn save(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, fields): Posted<TutorialFields>,
) -> Result<Response, PageError> {
    let outcome = state.app.save_tutorial(&member.0, id, &fields).await;
    let saved_to = format!("/tutorials/{id}?done=saved");
    saved_or_rejected(lang, outcome, &saved_to, async |errors| {
        let detail = state.app.tutorial_detail(&member.0, id).await?;
        Ok(tutorial_page(
            &state,
            lang,
            &member,
            &detail,
            (None, Some((&fields, errors))),
        ))
    })
    .await
}

/// `POST /tutorials/{id}/video`: keeps a tutorial's video and subtitle track, the video written to the
/// file store as it arrives.
pub(crate) async fn upload(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    PostedUpload(member, mut form): PostedUpload,
) -> Result<Response, PageError> {
    let mut video = state.app.receive_video(&member.0, id).await?;
    let (mut subtitles_name, mut subtitles) = (String::new(), Vec::new());
    while let Some(mut part) = form.next_part().await? {
        match part.name() {
            "video" => {
                video.named(part.file_name());
                while let Some(piece) = part.piece().await? {
                    video.write(&piece).await?;
                }
            }
            "subtitles" => {
                part.file_name().clone_into(&mut subtitles_name);
                while let Some(piece) = part.piece().await? {
                    // Read past the limit only as far as telling that it is past.
                    if subtitles.len() <= MAX_SUBTITLES_BYTES {
                        subtitles.extend_from_slice(&piece);
                    }
                }
            }
            _ => while part.piece().await?.is_some() {},
        }
    }
    let outcome = state
        .app
        .upload_video(&member.0, id, video, (subtitles_name, subtitles))
        .await;
    let saved_to = format!("/tutorials/{id}?done=uploaded");
    saved_or_rejected(lang, outcome, &saved_to, async |errors| {
        let detail = state.app.tutorial_detail(&member.0, id).await?;
        let mut page = tutorial_page(&state, lang, &member, &detail, (None, None));
        if let Some(upload) = page.upload.as_mut() {
            upload.open = true;
            upload.errors = errors;
        }
        Ok(page)
    })
    .await
}

/// `GET /tutorials/{id}/video`: the video, whole or the range the player asks for.
pub(crate) async fn video(
    State(state): State<AppState>,
    _signed_in: Member,
    Path(id): Path<i32>,
    asked: HeaderMap,
) -> Result<Response, PageError> {
    ranged(state.app.tutorial_video(id).await?, &asked).await
}

/// `GET /tutorials/{id}/subtitles.vtt`: the subtitle track the player shows beside the video.
pub(crate) async fn subtitles(
    State(state): State<AppState>,
    _signed_in: Member,
    Path(id): Path<i32>,
    asked: HeaderMap,
) -> Result<Response, PageError> {
    ranged(state.app.tutorial_subtitles(id).await?, &asked).await
}

/// `POST /tutorials/{id}/finished`: marks the tutorial finished for the reader.
pub(crate) async fn finish(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    Posted(member, Button {}): Posted<Button>,
) -> Result<Redirect, PageError> {
    state.app.finish_tutorial(&member.0, id).await?;
    Ok(Redirect::to(&format!("/tutorials/{id}?done=finished")))
}
