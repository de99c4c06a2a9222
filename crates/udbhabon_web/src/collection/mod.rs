//! Collection pages: the list of the collections that concern the reader and a new collection's form,
//! with the helpers the board and submission pages share.

pub(crate) mod board;
pub(crate) mod correction;
pub(crate) mod forward;
pub(crate) mod submission;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use serde::Deserialize;
use udbhabon_core::collection::CollectionFormChoices;
use udbhabon_domain::Vocabulary;
use udbhabon_domain::collection::{
    CollectionFields, CollectionKind, FieldKind, FieldSpecFields, Recurrence, Standing,
};
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Member, Posted};
use crate::error::PageError;
use crate::extract::Path;
use crate::form::{FieldErrors, rejected};
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::state::AppState;

pub(crate) fn layout(
    state: &AppState,
    lang: Lang,
    member: &Member,
    title: String,
    path: &str,
) -> Layout {
    Layout::of_member(&state.app, lang, member, title, "collections", path)
}

pub(crate) fn count(value: usize) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

/// The period's name: the month ("নভেম্বর ২০২৬") for a monthly one, else its first and last days.
pub(crate) fn period_name(
    lang: Lang,
    recurrence: Recurrence,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
) -> String {
    match recurrence {
        Recurrence::Monthly => format::month_year(lang, starts_on),
        _ => format!(
            "{} – {}",
            format::date(lang, starts_on),
            format::date(lang, ends_on)
        ),
    }
}

/// A collection in the list.
struct ListLine {
    /// The board, for its readers, once a period has opened.
    href: Option<String>,
    /// The page that corrects or closes it, for whoever runs it.
    manage_href: Option<String>,
    /// "closed", when it was.
    closed: Option<String>,
    /// The reader's own submission pages for the period now running: (name, link).
    mine: Vec<(String, String)>,
    /// The boards of the offices the reader gathers for: (name, link).
    gathers: Vec<(String, String)>,
    title: String,
    office: String,
    period: String,
    due: String,
    tally: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "collection/list.html")]
pub(crate) struct CollectionListPage {
    l: Layout,
    lines: Vec<ListLine>,
    /// The office whose new collection the reader may start, as (key, name).
    new_for: Option<(String, String)>,
}

/// `GET /collections`: the collections the reader runs, reads or answers.
pub(crate) async fn list(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
) -> Result<CollectionListPage, PageError> {
    let summaries = state.app.collections_for(&member.0).await?;
    let new_for = state
        .app
        .offices_managed_by(&member.0)
        .await?
        .into_iter()
        .next()
        .map(|office| (office.key, office.name.get(lang).to_owned()));
    let lines = summaries
        .iter()
        .map(|summary| {
            let collection = &summary.collection;
            ListLine {
                href: (summary.may_view_board && summary.current.is_some())
                    .then(|| format!("/collections/{}", collection.key)),
                manage_href: summary
                    .may_manage
                    .then(|| format!("/collections/{}/edit", collection.key)),
                closed: collection.closed.as_ref().map(|closing| {
                    format!(
                        "{}, {}",
                        t(lang, "collection-closed"),
                        format::date(lang, closing.on)
                    )
                }),
                mine: summary
                    .current
                    .map(|period| {
                        summary
                            .mine
                            .iter()
                            .map(|respondent| {
                                (
                                    respondent.name().get(lang).to_owned(),
                                    format!(
                                        "/collections/{}/periods/{}/respondents/{}",
                                        collection.key, period.period.starts_on, respondent.row.id
                                    ),
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                gathers: summary
                    .gathers
                    .iter()
                    .map(|office| {
                        (
                            office.name.get(lang).to_owned(),
                            format!("/collections/{}?office={}", collection.key, office.key),
                        )
                    })
                    .collect(),
                title: collection.title.get(lang).to_owned(),
                office: summary.office.name.get(lang).to_owned(),
                period: summary.current.map_or_else(String::new, |period| {
                    period_name(
                        lang,
                        collection.cadence.recurrence,
                        period.period.starts_on,
                        period.period.ends_on,
                    )
                }),
                due: summary.current.map_or_else(String::new, |period| {
                    format::date(lang, period.period.due_on)
                }),
                tally: summary.tally.describe(lang),
            }
        })
        .collect();
    Ok(CollectionListPage {
        l: layout(
            &state,
            lang,
            &member,
            t(lang, "collections-heading"),
            "/collections",
        ),
        lines,
        new_for,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "collection/new.html")]
pub(crate) struct NewCollectionPage {
    l: Layout,
    heading: String,
    action: String,
    csrf: String,
    fields: CollectionFields,
    /// The rows of the form's own fields: those typed and blank ones to add more.
    field_rows: Vec<FieldSpecFields>,
    field_kinds: Vec<(String, String)>,
    kinds: Vec<(String, String)>,
    recurrences: Vec<(String, String)>,
    /// (value, label, chosen)
    respondents: Vec<(String, String, bool)>,
    errors: Vec<(String, String)>,
    /// When a recorded collection is shown for correcting or closing.
    correcting: Option<CorrectionPart>,
}

/// What the form shows of a recorded collection besides its fields.
pub(crate) struct CorrectionPart {
    /// When it opens, or when and why it was closed.
    pub(crate) notice: Option<String>,
    /// Why its fields cannot be corrected now (told when it is answered; a closed one's notice says it).
    pub(crate) why_not: Option<String>,
    /// Whether its fields may be corrected now; the form is shown only then.
    pub(crate) editable: bool,
    /// Where the closing form posts, while it is open.
    pub(crate) close_action: Option<String>,
    pub(crate) reason: String,
}

impl NewCollectionPage {
    /// Whether the collection's fields may be typed: a new one, or one that may still be corrected.
    fn shows_form(&self) -> bool {
        self.correcting.as_ref().is_none_or(|part| part.editable)
    }
}

impl FieldErrors for NewCollectionPage {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

/// The rows of own fields the form shows: those typed (a refused row keeps its place, so its message
/// stays beside it), then blank ones to add more.
fn field_rows(typed: &[FieldSpecFields]) -> Vec<FieldSpecFields> {
    let mut rows = typed.to_vec();
    let blank =
        |row: &FieldSpecFields| row.label_bn.trim().is_empty() && row.label_en.trim().is_empty();
    let blanks = if rows.last().is_some_and(blank) {
        BLANK_FIELD_ROWS.saturating_sub(rows.len())
    } else {
        BLANK_FIELD_ROWS.saturating_sub(rows.len()).max(1)
    };
    rows.extend((0..blanks).map(|_| FieldSpecFields {
        kind: FieldKind::Number.code().into(),
        ..FieldSpecFields::default()
    }));
    rows
}

pub(crate) fn new_collection_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    form: &CollectionFormChoices,
    (fields, chosen): (CollectionFields, &[String]),
    errors: Vec<(String, String)>,
) -> NewCollectionPage {
    let heading = t_args(
        lang,
        "collection-new-heading",
        &[("office", form.office.name.get(lang).to_owned())],
    );
    NewCollectionPage {
        l: layout(
            state,
            lang,
            member,
            heading.clone(),
            &format!("/offices/{}/collections/new", form.office.key),
        ),
        heading,
        correcting: None,
        action: format!("/offices/{}/collections", form.office.key),
        csrf: member.0.csrf_token.clone(),
        field_rows: field_rows(&fields.fields),
        fields,
        kinds: CollectionKind::ALL
            .iter()
            .map(|kind| (kind.code().to_owned(), t(lang, &kind.message_key())))
            .collect(),
        field_kinds: FieldKind::ALL
            .iter()
            .map(|kind| (kind.code().to_owned(), t(lang, &kind.message_key())))
            .collect(),
        recurrences: Recurrence::ALL
            .iter()
            .map(|recurrence| {
                (
                    recurrence.code().to_owned(),
                    t(lang, &recurrence.message_key()),
                )
            })
            .collect(),
        respondents: form
            .choices
            .iter()
            .map(|choice| {
                (
                    choice.value.clone(),
                    choice.label.get(lang).to_owned(),
                    chosen.contains(&choice.value),
                )
            })
            .collect(),
        errors,
    }
}

/// `GET /offices/{key}/collections/new`.
pub(crate) async fn new(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
) -> Result<NewCollectionPage, PageError> {
    let form = state.app.collection_choices(&member.0, &key).await?;
    let fields = CollectionFields {
        kind: CollectionKind::Report.code().into(),
        recurrence: Recurrence::Once.code().into(),
        due_day: "3".into(),
        opens_on: state.app.today().to_string(),
        evidence_required: true,
        ..CollectionFields::default()
    };
    Ok(new_collection_page(
        &state,
        lang,
        &member,
        &form,
        (fields, &[]),
        Vec::new(),
    ))
}

/// The new-collection form as posted (the respondents repeat).
#[derive(Debug, Deserialize)]
pub(crate) struct CollectionForm {
    #[serde(default)]
    key: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    title_bn: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    instructions_bn: String,
    #[serde(default)]
    instructions_en: String,
    #[serde(default)]
    recurrence: String,
    #[serde(default)]
    opens_on: String,
    #[serde(default)]
    due_day: String,
    #[serde(default)]
    due_on: String,
    #[serde(default)]
    late_allowed: Option<String>,
    #[serde(default)]
    evidence_required: Option<String>,
    #[serde(default)]
    forward_days: String,
    #[serde(default)]
    field_label_bn: Vec<String>,
    #[serde(default)]
    field_label_en: Vec<String>,
    #[serde(default)]
    field_kind: Vec<String>,
    /// The rows whose field is required, by index.
    #[serde(default)]
    field_required: Vec<String>,
    #[serde(default)]
    respondent: Vec<String>,
}

impl CollectionForm {
    /// The collection's fields as typed.
    fn typed(&self) -> CollectionFields {
        CollectionFields {
            fields: self.field_rows(),
            key: self.key.clone(),
            kind: self.kind.clone(),
            title_bn: self.title_bn.clone(),
            title_en: self.title_en.clone(),
            instructions_bn: self.instructions_bn.clone(),
            instructions_en: self.instructions_en.clone(),
            recurrence: self.recurrence.clone(),
            opens_on: self.opens_on.clone(),
            due_day: self.due_day.clone(),
            due_on: self.due_on.clone(),
            late_allowed: self.late_allowed.is_some(),
            evidence_required: self.evidence_required.is_some(),
            forward_days: self.forward_days.clone(),
        }
    }

    /// The own fields' rows, as typed.
    fn field_rows(&self) -> Vec<FieldSpecFields> {
        let text = |list: &[String], index: usize| list.get(index).cloned().unwrap_or_default();
        let count = self
            .field_label_bn
            .len()
            .max(self.field_label_en.len())
            .max(self.field_kind.len());
        (0..count)
            .map(|index| FieldSpecFields {
                label_bn: text(&self.field_label_bn, index),
                label_en: text(&self.field_label_en, index),
                kind: text(&self.field_kind, index),
                required: self.field_required.contains(&index.to_string()),
            })
            .collect()
    }
}

/// How many rows of own fields the form offers when none are typed.
const BLANK_FIELD_ROWS: usize = 5;

/// `POST /offices/{key}/collections`.
pub(crate) async fn create(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Posted(member, form): Posted<CollectionForm>,
) -> Result<Response, PageError> {
    let fields = form.typed();
    match state
        .app
        .create_collection(&member.0, &key, &fields, &form.respondent)
        .await
    {
        Ok(collection) => {
            Ok(Redirect::to(&correction::landing(&state, &collection).await?).into_response())
        }
        Err(error) => {
            rejected(lang, error, |errors| async {
                let choices = state.app.collection_choices(&member.0, &key).await?;
                Ok(new_collection_page(
                    &state,
                    lang,
                    &member,
                    &choices,
                    (fields, &form.respondent),
                    errors,
                ))
            })
            .await
        }
    }
}

/// The stable code of a standing, for its CSS class.
pub(crate) fn standing_code(standing: Standing) -> &'static str {
    standing.code()
}
