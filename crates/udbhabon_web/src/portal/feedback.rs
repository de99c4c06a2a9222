//! Citizens' ideas and feedback: the public form an office's page links to (no account; a token in a
//! cookie, a trap field people never see, a per-address limit on sending, and a photo or PDF if the
//! citizen adds one), the tracking page, the office's inbox where its focal point or member secretary
//! answers, opens attachments and chooses what is published, and the published answers under the form.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use udbhabon_core::Error;
use udbhabon_core::portal::feedback::TrackedFeedback;
use udbhabon_domain::Vocabulary;
use udbhabon_domain::innovation::InnovationFields;
use udbhabon_domain::portal::feedback::{FeedbackFields, FeedbackKind, MESSAGE_CHARS};
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Member, Posted, PreSessionUpload, Visitor, form_cookie};
use crate::download::Disposition;
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::form::{Choice, FieldErrors, choices, field_messages, rejected, with_none};
use crate::lang::ReaderLang;
use crate::layout::{Layout, encode_component};
use crate::state::AppState;
use crate::upload::Received;

fn date(lang: Lang, at: DateTime<Utc>) -> String {
    format::date_both(lang, bangla::today_in_dhaka(at))
}

#[derive(Template, WebTemplate)]
#[template(path = "portal/feedback/form.html")]
pub(crate) struct FeedbackPage {
    l: Layout,
    heading: String,
    office_href: String,
    action: String,
    form_token: String,
    kinds: Vec<Choice>,
    services: Vec<Choice>,
    values: FeedbackForm,
    limit: String,
    errors: Vec<(String, String)>,
    /// The published messages and answers: (kind, service, message, answer, answered on).
    published: Vec<(String, String, String, String, String)>,
}

impl FieldErrors for FeedbackPage {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

/// A message as posted from the public form (its attachment aside).
#[derive(Debug, Clone, Default)]
pub(crate) struct FeedbackForm {
    kind: String,
    service: String,
    message: String,
    name: String,
    contact: String,
    /// The trap: hidden from people, filled by programs that fill every field.
    website: String,
}

impl FeedbackForm {
    fn from_received(received: &Received) -> Self {
        Self {
            kind: received.text("kind"),
            service: received.text("service"),
            message: received.text("message"),
            name: received.text("name"),
            contact: received.text("contact"),
            website: received.text("website"),
        }
    }
}

async fn form_page(
    state: &AppState,
    lang: Lang,
    visitor: &Visitor,
    key: &str,
    token: String,
    values: FeedbackForm,
    errors: Vec<(String, String)>,
) -> Result<FeedbackPage, PageError> {
    let office = state.app.office_for(None, Some(key)).await?;
    let list = state.app.service_list(None, key).await?;
    let charter = state.app.charter_page(None, key, None).await?;
    let mut names: Vec<String> = list
        .entered
        .iter()
        .map(|row| row.service.name.get(lang).to_owned())
        .chain(
            list.recorded
                .iter()
                .map(|row| row.name.get(lang).to_owned()),
        )
        .chain(
            charter
                .shown
                .iter()
                .flat_map(|row| row.content.services.iter())
                .map(|service| service.name.get(lang).to_owned()),
        )
        .collect();
    names.sort();
    names.dedup();
    let office_key = encode_component(&office.key);
    let heading = t_args(
        lang,
        "feedback-title",
        &[("office", office.name.get(lang).to_owned())],
    );
    let published = state
        .app
        .published_feedback(key)
        .await?
        .into_iter()
        .map(|row| {
            (
                t(lang, &row.kind.message_key()),
                row.service,
                row.message,
                row.answer,
                row.answered_at.map(|at| date(lang, at)).unwrap_or_default(),
            )
        })
        .collect();
    Ok(FeedbackPage {
        l: Layout::new(
            lang,
            visitor,
            heading.clone(),
            "offices",
            &format!("/offices/{office_key}/feedback"),
            state.app.today(),
        ),
        heading,
        office_href: format!("/offices/{office_key}"),
        action: format!("/offices/{office_key}/feedback"),
        form_token: token,
        kinds: choices(
            FeedbackKind::ALL,
            Some(if values.kind.is_empty() {
                FeedbackKind::Idea.code()
            } else {
                values.kind.as_str()
            }),
            |kind| kind.code().to_owned(),
            |kind| t(lang, &kind.message_key()),
        ),
        services: with_none(choices(
            names,
            Some(values.service.as_str()),
            Clone::clone,
            Clone::clone,
        )),
        limit: t_args(
            lang,
            "feedback-limit",
            &[("max", format::number(lang, MESSAGE_CHARS as i64))],
        ),
        values,
        errors,
        published,
    })
}

/// `GET /offices/{key}/feedback`: the form, with a fresh token in a cookie, and the published answers.
pub(crate) async fn form(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    Path(key): Path<String>,
    jar: CookieJar,
) -> Result<Response, PageError> {
    let token = state.app.form_token()?;
    let page = form_page(
        &state,
        lang,
        &visitor,
        &key,
        token.clone(),
        FeedbackForm::default(),
        Vec::new(),
    )
    .await?;
    Ok((jar.add(form_cookie(&token)), page).into_response())
}

/// `POST /offices/{key}/feedback`: receives the message and its attachment and shows its tracking
/// code; a refused one comes back with what was typed (a file must be chosen again).
pub(crate) async fn send(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    Path(key): Path<String>,
    jar: CookieJar,
    PreSessionUpload(upload): PreSessionUpload,
) -> Result<Response, PageError> {
    let received = upload.read().await?;
    let form = FeedbackForm::from_received(&received);
    let fields = FeedbackFields {
        kind: form.kind.clone(),
        service: form.service.clone(),
        message: form.message.clone(),
        name: form.name.clone(),
        contact: form.contact.clone(),
        trap: form.website.clone(),
    };
    match state
        .app
        .send_feedback(&key, &fields, received.files, lang)
        .await
    {
        Ok(code) => Ok(Redirect::to(&format!(
            "/feedback/track?code={}&sent=1",
            encode_component(&code)
        ))
        .into_response()),
        Err(Error::Invalid(errors)) => {
            let token = state.app.form_token()?;
            let page = form_page(
                &state,
                lang,
                &visitor,
                &key,
                token.clone(),
                form,
                field_messages(lang, &errors),
            )
            .await?;
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                jar.add(form_cookie(&token)),
                page,
            )
                .into_response())
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "portal/feedback/track.html")]
pub(crate) struct TrackPage {
    l: Layout,
    code: String,
    /// Whether the message was just sent (the code is shown to be kept).
    sent: bool,
    found: Option<TrackedLine>,
    /// A code was given and names nothing.
    unknown: bool,
}

struct TrackedLine {
    office: String,
    office_href: String,
    kind: String,
    received: String,
    message: String,
    status: String,
    answer: Option<String>,
    /// "Taken up as an innovation idea", once it is.
    taken_up: Option<String>,
    /// Whether a file came with it (which only the office opens).
    attached: bool,
}

#[derive(Debug, Deserialize)]
pub(crate) struct TrackQuery {
    code: Option<String>,
    sent: Option<String>,
}

fn tracked(lang: Lang, tracked: &TrackedFeedback) -> TrackedLine {
    let message = &tracked.message;
    let answered = !message.answer.is_empty();
    TrackedLine {
        office: tracked.office.name.get(lang).to_owned(),
        office_href: format!("/offices/{}", encode_component(&tracked.office.key)),
        kind: t(lang, &message.kind.message_key()),
        received: date(lang, message.received_at),
        message: message.message.clone(),
        status: match (answered, message.answered_at) {
            (true, Some(at)) => t_args(
                lang,
                "feedback-status-answered",
                &[("date", date(lang, at))],
            ),
            _ => t(lang, "feedback-status-received"),
        },
        answer: answered.then(|| message.answer.clone()),
        taken_up: message.innovation_id.map(|_| t(lang, "feedback-taken-up")),
        attached: message.attachment_id.is_some(),
    }
}

/// `GET /feedback/track?code=CODE`: what became of a message, for whoever holds its code.
pub(crate) async fn track(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    Query(query): Query<TrackQuery>,
) -> Result<TrackPage, PageError> {
    let code = query.code.unwrap_or_default().trim().to_owned();
    let found = if code.is_empty() {
        None
    } else {
        match state.app.tracked_feedback(&code).await {
            Ok(found) => Some(tracked(lang, &found)),
            Err(Error::NotFound(_)) => None,
            Err(other) => return Err(other.into()),
        }
    };
    Ok(TrackPage {
        l: Layout::new(
            lang,
            &visitor,
            t(lang, "feedback-track-title"),
            "offices",
            "/feedback/track",
            state.app.today(),
        ),
        unknown: !code.is_empty() && found.is_none(),
        sent: query.sent.is_some() && found.is_some(),
        found,
        code,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "portal/feedback/inbox.html")]
pub(crate) struct InboxPage {
    l: Layout,
    heading: String,
    office_href: String,
    csrf: String,
    messages: Vec<InboxLine>,
    notice: Option<String>,
    errors: Vec<(String, String)>,
}

struct InboxLine {
    kind: String,
    service: String,
    message: String,
    /// Who sent it, as much as they said: name and contact.
    sender: String,
    received: String,
    answer: String,
    published: bool,
    answered: Option<String>,
    action: String,
    id: i32,
    /// For an idea not yet taken up: where taking it up posts.
    take_up: Option<String>,
    /// For an idea taken up: its innovation record.
    innovation_href: Option<String>,
    /// Where the photo or PDF it came with opens.
    attachment_href: Option<String>,
}

/// An answer as posted.
#[derive(Debug, Deserialize)]
pub(crate) struct AnswerForm {
    #[serde(default)]
    answer: String,
    /// "1" to publish the message with its answer.
    #[serde(default)]
    publish: String,
}

async fn inbox_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    key: &str,
    errors: Vec<(String, String)>,
) -> Result<InboxPage, PageError> {
    let inbox = state.app.feedback_inbox(&member.0, key).await?;
    let office_key = encode_component(&inbox.office.key);
    let heading = t_args(
        lang,
        "feedback-inbox-title",
        &[("office", inbox.office.name.get(lang).to_owned())],
    );
    Ok(InboxPage {
        l: Layout::of_member(
            &state.app,
            lang,
            member,
            heading.clone(),
            "offices",
            &format!("/offices/{office_key}/feedback/inbox"),
        ),
        heading,
        office_href: format!("/offices/{office_key}"),
        csrf: member.0.csrf_token.clone(),
        messages: inbox
            .messages
            .iter()
            .map(|row| InboxLine {
                kind: t(lang, &row.kind.message_key()),
                service: row.service.clone(),
                message: row.message.clone(),
                sender: [row.name.as_str(), row.contact.as_str()]
                    .into_iter()
                    .filter(|part| !part.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · "),
                received: date(lang, row.received_at),
                answer: row.answer.clone(),
                published: row.published,
                answered: row.answered_at.map(|at| {
                    t_args(
                        lang,
                        "feedback-status-answered",
                        &[("date", date(lang, at))],
                    )
                }),
                action: format!("/offices/{office_key}/feedback/{}/answer", row.id),
                id: row.id,
                take_up: (row.kind == FeedbackKind::Idea && row.innovation_id.is_none())
                    .then(|| format!("/offices/{office_key}/feedback/{}/take-up", row.id)),
                innovation_href: row.innovation_id.map(|id| format!("/innovations/{id}")),
                attachment_href: row
                    .attachment_id
                    .map(|_| format!("/offices/{office_key}/feedback/{}/attachment", row.id)),
            })
            .collect(),
        notice: None,
        errors,
    })
}

#[derive(Debug, Deserialize)]
pub(crate) struct InboxQuery {
    answered: Option<String>,
}

/// `GET /offices/{key}/feedback/inbox`: the office's messages, those not answered first.
pub(crate) async fn inbox(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
    Query(query): Query<InboxQuery>,
) -> Result<InboxPage, PageError> {
    let mut page = inbox_page(&state, lang, &member, &key, Vec::new()).await?;
    page.notice = query
        .answered
        .is_some()
        .then(|| t(lang, "feedback-answered"));
    Ok(page)
}

/// `POST /offices/{key}/feedback/{id}/answer`: answers a message, published or not.
pub(crate) async fn answer(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path((key, id)): Path<(String, i32)>,
    Posted(member, form): Posted<AnswerForm>,
) -> Result<Response, PageError> {
    let result = state
        .app
        .answer_feedback(&member.0, &key, id, &form.answer, form.publish == "1")
        .await;
    match result {
        Ok(()) => Ok(Redirect::to(&format!(
            "/offices/{}/feedback/inbox?answered=1",
            encode_component(&key)
        ))
        .into_response()),
        Err(error) => {
            rejected(lang, error, |errors| {
                inbox_page(&state, lang, &member, &key, errors)
            })
            .await
        }
    }
}

/// An idea taken up, as the focal point wrote it for the innovation database.
#[derive(Debug, Deserialize)]
pub(crate) struct TakeUpForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    problem: String,
    #[serde(default)]
    solution: String,
}

/// `POST /offices/{key}/feedback/{id}/take-up`: records a citizen's idea as the office's innovation
/// idea, linked to the message.
pub(crate) async fn take_up(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path((key, id)): Path<(String, i32)>,
    Posted(member, form): Posted<TakeUpForm>,
) -> Result<Response, PageError> {
    let fields = InnovationFields {
        title: form.title,
        problem: form.problem,
        solution: form.solution,
        ..InnovationFields::default()
    };
    match state
        .app
        .take_up_feedback(&member.0, &key, id, &fields)
        .await
    {
        Ok(innovation) => Ok(Redirect::to(&format!("/innovations/{innovation}")).into_response()),
        Err(error) => {
            rejected(lang, error, |errors| {
                inbox_page(&state, lang, &member, &key, errors)
            })
            .await
        }
    }
}

/// `GET /offices/{key}/feedback/{id}/attachment`: the photo or PDF a message came with, downloaded
/// rather than shown inline, since a stranger made it.
pub(crate) async fn attachment(
    State(state): State<AppState>,
    member: Member,
    Path((key, id)): Path<(String, i32)>,
) -> Result<Response, PageError> {
    let (file, bytes) = state.app.feedback_attachment(&member.0, &key, id).await?;
    Ok(crate::download::file(
        &file.media_type,
        &file.name,
        Disposition::Attachment,
        bytes,
    ))
}
