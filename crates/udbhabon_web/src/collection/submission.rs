//! A respondent's submission page: the history of versions, the form (a return's counts or a report,
//! with evidence), and the asking office's review.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use udbhabon_core::collection::board::share_text;
use udbhabon_core::collection::submission::{SubmissionForm, SubmissionPage};
use udbhabon_domain::collection::FieldKind;
use udbhabon_domain::collection::counts::{CountSet, Counts, TypedCounts};
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Member, Posted, PostedUpload};
use crate::collection::{layout, period_name, standing_code};
use crate::download::Disposition;
use crate::error::PageError;
use crate::extract::Path;
use crate::form::{FieldErrors, rejected};
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::state::AppState;

/// One version of a submission as its page shows it.
struct VersionLine {
    heading: String,
    status: String,
    late: bool,
    counts: Vec<(String, String)>,
    share: Option<String>,
    /// The answers to the collection's own fields: (label, value).
    answers: Vec<(String, String)>,
    note: String,
    files: Vec<(String, String)>,
    review: Option<String>,
}

/// One of the collection's own fields in the form.
struct OwnField {
    name: String,
    label: String,
    number: bool,
    required: bool,
    value: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "collection/submission/show.html")]
pub(crate) struct SubmissionPageView {
    l: Layout,
    heading: String,
    collection: String,
    board_href: Option<String>,
    period: String,
    due: String,
    standing: String,
    standing_code: &'static str,
    instructions: String,
    versions: Vec<VersionLine>,
    may_submit: bool,
    closed: Option<String>,
    may_review: bool,
    /// The counts the form asks for, for a return: (name, label).
    count_fields: Vec<(&'static str, String)>,
    /// What the share of a return is called.
    share_label: String,
    evidence_required: bool,
    late_allowed: bool,
    action: String,
    csrf: String,
    typed: TypedCounts,
    own_fields: Vec<OwnField>,
    note: String,
    errors: Vec<(String, String)>,
}

impl FieldErrors for SubmissionPageView {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

impl SubmissionPageView {
    /// The typed count of a field, for the form shown again.
    fn typed_count(&self, name: &str) -> &str {
        self.typed.get(name).map_or("", String::as_str)
    }
}

/// The counts as the form shows them, in the reader's digits.
fn typed_counts(lang: Lang, asked: &CountSet, counts: &Counts) -> TypedCounts {
    asked
        .in_order(counts)
        .map(|(name, value)| (name.to_owned(), format::number(lang, i64::from(value))))
        .collect()
}

fn counts_lines(lang: Lang, asked: &CountSet, counts: &Counts) -> Vec<(String, String)> {
    asked
        .in_order(counts)
        .map(|(name, value)| {
            (
                t(lang, &asked.label_key(name)),
                format::number(lang, i64::from(value)),
            )
        })
        .collect()
}

fn submission_view(
    state: &AppState,
    lang: Lang,
    member: &Member,
    page: &SubmissionPage,
    typed: SubmissionForm,
    errors: Vec<(String, String)>,
) -> SubmissionPageView {
    let collection = &page.collection;
    let asked = collection.kind.counts();
    let period = &page.period.period;
    let heading = page.respondent.name().get(lang).to_owned();
    let path = format!(
        "/collections/{}/periods/{}/respondents/{}",
        collection.key, period.starts_on, page.respondent.row.id
    );
    let versions = page
        .versions
        .iter()
        .map(|version| VersionLine {
            heading: t_args(
                lang,
                "submission-version",
                &[
                    ("version", format::number(lang, i64::from(version.version))),
                    (
                        "date",
                        format::date_both(lang, bangla::dhaka::today_in_dhaka(version.at)),
                    ),
                    ("who", page.names.of(&version.by, lang)),
                ],
            ),
            status: t(lang, &version.status.message_key()),
            late: version.late,
            counts: version
                .counts
                .as_ref()
                .zip(asked)
                .map(|(counts, asked)| counts_lines(lang, asked, counts))
                .unwrap_or_default(),
            share: version
                .counts
                .as_ref()
                .zip(asked)
                .and_then(|(counts, asked)| asked.share([counts]))
                .map(|share| share_text(lang, share)),
            answers: collection
                .fields
                .iter()
                .filter_map(|field| {
                    let (_, value) = version.answers.iter().find(|(key, _)| *key == field.key)?;
                    Some((
                        field.label.get(lang).to_owned(),
                        format::digits(lang, value),
                    ))
                })
                .collect(),
            note: version.note.clone(),
            files: version
                .evidence
                .iter()
                .map(|file| (format!("{path}/evidence/{}", file.id), file.name.clone()))
                .collect(),
            review: version.review.as_ref().map(|(by, at, comment)| {
                let line = t_args(
                    lang,
                    "submission-reviewed",
                    &[
                        ("who", page.names.of(by, lang)),
                        (
                            "date",
                            format::date(lang, bangla::dhaka::today_in_dhaka(*at)),
                        ),
                    ],
                );
                if comment.is_empty() {
                    line
                } else {
                    format!("{line}: {comment}")
                }
            }),
        })
        .collect();
    SubmissionPageView {
        l: layout(state, lang, member, heading.clone(), &path),
        heading,
        collection: collection.title.get(lang).to_owned(),
        board_href: page.reads_board.then(|| {
            format!(
                "/collections/{}?period={}",
                collection.key, period.starts_on
            )
        }),
        period: period_name(
            lang,
            collection.cadence.recurrence,
            period.starts_on,
            period.ends_on,
        ),
        due: format::date_both(lang, period.due_on),
        standing: t(lang, &page.standing.message_key()),
        standing_code: standing_code(page.standing),
        instructions: collection.instructions.get(lang).to_owned(),
        versions,
        may_submit: page.may_submit,
        closed: page.closed.map(|key| t(lang, key)),
        may_review: page.may_review,
        count_fields: asked
            .map(|asked| {
                asked
                    .names
                    .iter()
                    .map(|name| (*name, t(lang, &asked.label_key(name))))
                    .collect()
            })
            .unwrap_or_default(),
        share_label: asked
            .map(|asked| t(lang, &asked.share_key()))
            .unwrap_or_default(),
        evidence_required: collection.evidence_required,
        late_allowed: collection.late_allowed,
        action: path,
        csrf: member.0.csrf_token.clone(),
        own_fields: collection
            .fields
            .iter()
            .map(|field| OwnField {
                name: format!("answer_{}", field.key),
                label: field.label.get(lang).to_owned(),
                number: field.kind == FieldKind::Number,
                required: field.required,
                value: typed
                    .answers
                    .iter()
                    .find(|(key, _)| *key == field.key)
                    .map(|(_, value)| format::digits(lang, value))
                    .unwrap_or_default(),
            })
            .collect(),
        typed: typed.counts,
        note: typed.note,
        errors,
    }
}

type SubmissionPath = Path<(String, NaiveDate, i32)>;

async fn load_submission(
    state: &AppState,
    member: &Member,
    (key, starts_on, respondent): &(String, NaiveDate, i32),
) -> Result<SubmissionPage, PageError> {
    state
        .app
        .submission_page(&member.0, key, *starts_on, *respondent)
        .await
        .map_err(PageError::from)
}

/// `GET /collections/{key}/periods/{start}/respondents/{id}`.
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(path): SubmissionPath,
) -> Result<SubmissionPageView, PageError> {
    let page = load_submission(&state, &member, &path).await?;
    // A returned submission comes back with its figures and answers, to be corrected rather than
    // typed again.
    let latest = page.versions.last();
    let typed = SubmissionForm {
        counts: latest
            .and_then(|version| version.counts.as_ref())
            .zip(page.collection.kind.counts())
            .map(|(counts, asked)| typed_counts(lang, asked, counts))
            .unwrap_or_default(),
        answers: latest
            .map(|version| version.answers.clone())
            .unwrap_or_default(),
        ..SubmissionForm::default()
    };
    Ok(submission_view(
        &state,
        lang,
        &member,
        &page,
        typed,
        Vec::new(),
    ))
}

/// `POST /collections/{key}/periods/{start}/respondents/{id}`: the figures or the report, with evidence.
pub(crate) async fn submit(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(path): SubmissionPath,
    PostedUpload(member, upload): PostedUpload,
) -> Result<Response, PageError> {
    // Someone who does not submit for the respondent is refused before the upload is read.
    let page = load_submission(&state, &member, &path).await?;
    if !page.may_submit && page.closed.is_none() {
        return Err(PageError::from(udbhabon_core::Error::Forbidden));
    }
    let posted = upload.read().await?;
    let mut form = SubmissionForm {
        files: posted.files,
        ..SubmissionForm::default()
    };
    let asked = page.collection.kind.counts();
    for (name, text) in posted.texts {
        match name.as_str() {
            "note" => form.note = text,
            other => match other.strip_prefix("answer_") {
                Some(key) => form.answers.push((key.to_owned(), text)),
                None if asked.is_some_and(|asked| asked.asks(other)) => {
                    form.counts.insert(name, text);
                }
                None => {}
            },
        }
    }
    let (key, starts_on, respondent) = &path;
    let typed = SubmissionForm {
        counts: form.counts.clone(),
        answers: form.answers.clone(),
        note: form.note.clone(),
        files: Vec::new(),
    };
    let outcome = state
        .app
        .submit_to_collection(&member.0, key, *starts_on, *respondent, form)
        .await;
    answer(&state, lang, &member, &path, outcome, typed).await
}

/// After a submission or a review: back to the page, or the page again with the messages (the figures
/// as typed) when the input was refused.
async fn answer(
    state: &AppState,
    lang: Lang,
    member: &Member,
    path: &(String, NaiveDate, i32),
    outcome: Result<SubmissionPage, udbhabon_core::Error>,
    typed: SubmissionForm,
) -> Result<Response, PageError> {
    let (key, starts_on, respondent) = path;
    match outcome {
        Ok(_) => Ok(Redirect::to(&format!(
            "/collections/{key}/periods/{starts_on}/respondents/{respondent}"
        ))
        .into_response()),
        Err(error) => {
            rejected(lang, error, |errors| async {
                let page = load_submission(state, member, path).await?;
                Ok(submission_view(state, lang, member, &page, typed, errors))
            })
            .await
        }
    }
}

/// `POST /collections/{key}/periods/{start}/respondents/{id}/review`: accept, or return with a comment.
pub(crate) async fn review(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(path): SubmissionPath,
    Posted(member, form): Posted<crate::plan::progress::ReviewForm>,
) -> Result<Response, PageError> {
    let (key, starts_on, respondent) = &path;
    let outcome = state
        .app
        .review_collection_submission(
            &member.0,
            key,
            *starts_on,
            *respondent,
            form.outcome == "accept",
            &form.comment,
        )
        .await;
    answer(&state, lang, &member, &path, outcome, Default::default()).await
}

/// `GET /collections/{key}/periods/{start}/respondents/{id}/evidence/{file}`.
pub(crate) async fn evidence(
    State(state): State<AppState>,
    member: Member,
    Path((key, starts_on, respondent, file_id)): Path<(String, NaiveDate, i32, i32)>,
) -> Result<Response, PageError> {
    let (file, bytes) = state
        .app
        .submission_evidence(&member.0, &key, starts_on, respondent, file_id)
        .await?;
    Ok(crate::download::file(
        &file.media_type,
        &file.name,
        Disposition::Attachment,
        bytes,
    ))
}
