//! Innovation pages: an office's innovative ideas, simplified and digitized services (by kind), the form
//! that records one, and one innovation with its TCV savings.

pub(crate) mod award;
pub(crate) mod showcase;
pub(crate) mod table;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use udbhabon_core::innovation::showcase::{TcvLine, described, tcv_lines, title_in};
use udbhabon_core::innovation::{INNOVATIONS_PER_PAGE, InnovationDetail, InnovationList};
use udbhabon_core::{InnovationRow, InnovationStepRow, OfficeRow};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::innovation::{
    InnovationFields, InnovationKind, InnovationStage, InnovationStep, ServiceChannel, StepFields,
    Tcv,
};
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::assets::asset_path;
use crate::audit;
use crate::auth::{Member, Posted};
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::form::{FieldErrors, rejected};
use crate::lang::ReaderLang;
use crate::layout::{Layout, encode_component};
use crate::pager::Pager;
use crate::state::AppState;

fn layout(state: &AppState, lang: Lang, member: &Member, title: String, path: &str) -> Layout {
    Layout::of_member(&state.app, lang, member, title, "innovations", path)
}

/// (code, label) of every value of a vocabulary.
fn options<V: Vocabulary>(
    lang: Lang,
    values: &[V],
    key: impl Fn(V) -> String,
) -> Vec<(String, String)> {
    values
        .iter()
        .map(|value| (value.code().to_owned(), t(lang, &key(*value))))
        .collect()
}

/// An innovation in the list.
struct Line {
    href: String,
    title: String,
    kind: String,
    stage: String,
    office: String,
    saving: String,
}

fn line(lang: Lang, row: &InnovationRow, office: &OfficeRow) -> Line {
    let record = &row.record;
    Line {
        href: format!("/innovations/{}", row.id),
        title: title_in(lang, record),
        kind: t(lang, &record.kind.message_key()),
        stage: t(lang, &record.stage.message_key()),
        office: office.name.get(lang).to_owned(),
        saving: tcv_lines(lang, &record.tcv)
            .into_iter()
            .map(|(label, _, _, saving, _)| format!("{label}: {saving}"))
            .collect::<Vec<_>>()
            .join(" · "),
    }
}

fn lines(lang: Lang, found: &[(InnovationRow, OfficeRow)]) -> Vec<Line> {
    found
        .iter()
        .map(|(row, office)| line(lang, row, office))
        .collect()
}

/// The innovations of other offices like the one on the page (the template `innovation/similar.html`).
pub(crate) struct SimilarPanel {
    heading: String,
    help: String,
    lines: Vec<Line>,
}

impl SimilarPanel {
    fn new(lang: Lang, found: &[(InnovationRow, OfficeRow)]) -> Self {
        Self {
            heading: t(lang, "innovation-similar-heading"),
            help: t(lang, "innovation-similar-help"),
            lines: lines(lang, found),
        }
    }
}

/// The look-alikes alone, for the form's script to show while the title is typed.
#[derive(Template, WebTemplate)]
#[template(path = "innovation/similar.html")]
pub(crate) struct SimilarFragment {
    similar: SimilarPanel,
}

/// What the form's script sends: the words an innovation is named by.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct SimilarQuery {
    #[serde(default)]
    title: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    service: String,
}

/// `GET /innovations/similar?title=…&title_en=…&service=…`: the innovations like the one being typed.
pub(crate) async fn similar(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Query(query): Query<SimilarQuery>,
) -> Result<SimilarFragment, PageError> {
    let found = state
        .app
        .similar_innovations(
            &member.0,
            [&query.title, &query.title_en, &query.service],
            None,
        )
        .await?;
    Ok(SimilarFragment {
        similar: SimilarPanel::new(lang, &found),
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "innovation/list.html")]
pub(crate) struct InnovationListPage {
    l: Layout,
    heading: String,
    office_key: String,
    kinds: Vec<(String, String)>,
    kind: String,
    lines: Vec<Line>,
    new_href: Option<String>,
    /// The search typed, when the page lists what it found.
    query: String,
    /// Which of the office's innovations are shown, and the pages around (none for a search).
    pager: Option<Pager>,
}

/// The list's filters as the query string carries them.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ListQuery {
    #[serde(default)]
    office: String,
    #[serde(default)]
    kind: String,
    /// Words to search every office's innovations for.
    #[serde(default)]
    q: String,
    /// The page of the list, from 1.
    #[serde(default)]
    page: Option<u64>,
}

fn list_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    list: &InnovationList,
    kind: &str,
) -> InnovationListPage {
    let heading = t_args(
        lang,
        "innovations-heading",
        &[("office", list.office.name.get(lang).to_owned())],
    );
    InnovationListPage {
        l: layout(state, lang, member, heading.clone(), "/innovations"),
        heading,
        office_key: list.office.key.clone(),
        kinds: options(lang, InnovationKind::ALL, InnovationKind::message_key),
        kind: kind.to_owned(),
        lines: lines(lang, &list.innovations),
        query: String::new(),
        pager: Some(Pager::new(
            lang,
            t(lang, "innovation-pages"),
            (list.page, list.pages, INNOVATIONS_PER_PAGE),
            (list.innovations.len(), list.total),
            |page| {
                format!(
                    "/innovations?office={}&kind={kind}&page={page}",
                    encode_component(&list.office.key)
                )
            },
        ))
        .filter(Pager::pages),
        new_href: list
            .may_record
            .then(|| format!("/offices/{}/innovations/new", list.office.key)),
    }
}

/// `GET /innovations?office=KEY&kind=…`, or `?q=…` to search every office's innovations.
pub(crate) async fn list(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Query(query): Query<ListQuery>,
) -> Result<InnovationListPage, PageError> {
    let words = query.q.trim();
    if !words.is_empty() {
        let found = state.app.search_innovations(&member.0, words).await?;
        let heading = t_args(
            lang,
            "innovation-search-heading",
            &[("query", words.to_owned())],
        );
        return Ok(InnovationListPage {
            l: layout(&state, lang, &member, heading.clone(), "/innovations"),
            heading,
            office_key: query.office.trim().to_owned(),
            kinds: options(lang, InnovationKind::ALL, InnovationKind::message_key),
            kind: String::new(),
            lines: lines(lang, &found),
            new_href: None,
            query: words.to_owned(),
            pager: None,
        });
    }
    let kind = InnovationKind::from_code(query.kind.trim()).ok();
    let office = Some(query.office.trim()).filter(|key| !key.is_empty());
    let list = state
        .app
        .innovations_of(&member.0, office, kind, query.page.unwrap_or(1))
        .await?;
    Ok(list_page(
        &state,
        lang,
        &member,
        &list,
        kind.map_or("", Vocabulary::code),
    ))
}

#[derive(Template, WebTemplate)]
#[template(path = "innovation/new.html")]
pub(crate) struct NewInnovationPage {
    l: Layout,
    heading: String,
    action: String,
    csrf: String,
    fields: InnovationFields,
    kinds: Vec<(String, String)>,
    stages: Vec<(String, String)>,
    channels: Vec<(String, String)>,
    /// (field name, label, before, after)
    tcv: Vec<(String, String, String, String)>,
    errors: Vec<(String, String)>,
    similar: SimilarPanel,
    /// Whether the reader was shown look-alikes, so that saving again saves.
    similar_seen: bool,
    /// Whether saving stopped to show them.
    held_for_similar: bool,
    /// Whether a recorded innovation is being corrected: its stage is not on the form.
    correcting: bool,
    script: String,
}

impl FieldErrors for NewInnovationPage {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

/// The form as shown again: the look-alikes found, and whether saving stopped to show them.
#[derive(Default)]
struct Shown {
    similar: Vec<(InnovationRow, OfficeRow)>,
    held: bool,
}

/// Where the innovation form is: a new one for an office, or a recorded one being corrected.
enum FormFor<'a> {
    /// (office key, office name)
    New(&'a str, &'a str),
    /// (innovation id, its title)
    Correction(i32, &'a str),
}

impl FormFor<'_> {
    /// (heading, the page's path, where the form posts)
    fn targets(&self, lang: Lang) -> (String, String, String) {
        match self {
            Self::New(key, office) => (
                t_args(
                    lang,
                    "innovation-new-heading",
                    &[("office", (*office).to_owned())],
                ),
                format!("/offices/{key}/innovations/new"),
                format!("/offices/{key}/innovations"),
            ),
            Self::Correction(id, title) => (
                t_args(
                    lang,
                    "innovation-correct-heading",
                    &[("title", (*title).to_owned())],
                ),
                format!("/innovations/{id}/edit"),
                format!("/innovations/{id}/edit"),
            ),
        }
    }
}

fn new_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    form_for: FormFor,
    (fields, errors): (InnovationFields, Vec<(String, String)>),
    shown: Shown,
) -> NewInnovationPage {
    let (heading, path, action) = form_for.targets(lang);
    NewInnovationPage {
        l: layout(state, lang, member, heading.clone(), &path),
        heading,
        action,
        correcting: matches!(form_for, FormFor::Correction(..)),
        csrf: member.0.csrf_token.clone(),
        kinds: options(lang, InnovationKind::ALL, InnovationKind::message_key),
        stages: options(lang, InnovationStage::ALL, InnovationStage::message_key),
        channels: options(lang, ServiceChannel::ALL, ServiceChannel::message_key),
        tcv: Tcv::MEASURES
            .iter()
            .zip(&fields.tcv)
            .map(|(measure, (before, after))| {
                (
                    (*measure).to_owned(),
                    t(lang, &format!("tcv-{measure}")),
                    before.clone(),
                    after.clone(),
                )
            })
            .collect(),
        fields,
        errors,
        similar_seen: !shown.similar.is_empty(),
        similar: SimilarPanel::new(lang, &shown.similar),
        held_for_similar: shown.held,
        script: asset_path("similar.js"),
    }
}

/// `GET /offices/{key}/innovations/new`.
pub(crate) async fn new(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
) -> Result<NewInnovationPage, PageError> {
    let office = state.app.innovation_office(&member.0, &key).await?;
    let fields = InnovationFields {
        kind: InnovationKind::Idea.code().into(),
        stage: InnovationStage::Idea.code().into(),
        ..InnovationFields::default()
    };
    Ok(new_page(
        &state,
        lang,
        &member,
        FormFor::New(&key, office.name.get(lang)),
        (fields, Vec::new()),
        Shown::default(),
    ))
}

/// The innovation form as posted.
#[derive(Debug, Deserialize)]
pub(crate) struct InnovationForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    stage: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    service: String,
    #[serde(default)]
    problem: String,
    #[serde(default)]
    root_cause: String,
    #[serde(default)]
    solution: String,
    #[serde(default)]
    started_on: String,
    #[serde(default)]
    completed_on: String,
    #[serde(default)]
    service_link: String,
    #[serde(default)]
    channel: String,
    #[serde(default)]
    links: String,
    #[serde(default)]
    days_before: String,
    #[serde(default)]
    days_after: String,
    #[serde(default)]
    cost_before: String,
    #[serde(default)]
    cost_after: String,
    #[serde(default)]
    visits_before: String,
    #[serde(default)]
    visits_after: String,
    #[serde(default)]
    steps_before: String,
    #[serde(default)]
    steps_after: String,
    /// "1" once the look-alikes were shown.
    #[serde(default)]
    similar_seen: String,
}

impl From<InnovationForm> for InnovationFields {
    fn from(form: InnovationForm) -> Self {
        Self {
            kind: form.kind,
            stage: form.stage,
            title: form.title,
            title_en: form.title_en,
            service: form.service,
            problem: form.problem,
            root_cause: form.root_cause,
            solution: form.solution,
            started_on: form.started_on,
            completed_on: form.completed_on,
            service_link: form.service_link,
            channel: form.channel,
            links: form.links,
            tcv: [
                (form.days_before, form.days_after),
                (form.cost_before, form.cost_after),
                (form.visits_before, form.visits_after),
                (form.steps_before, form.steps_after),
            ],
        }
    }
}

/// `POST /offices/{key}/innovations`.
pub(crate) async fn create(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Posted(member, form): Posted<InnovationForm>,
) -> Result<Response, PageError> {
    let seen = form.similar_seen == "1";
    let fields = InnovationFields::from(form);
    let office = state.app.innovation_office(&member.0, &key).await?;
    let similar = state
        .app
        .similar_innovations(
            &member.0,
            [&fields.title, &fields.title_en, &fields.service],
            None,
        )
        .await?;
    // Look-alikes stop the first save, so that an office copies rather than rebuilds; saving again
    // (or having seen them as the title was typed) saves.
    if !seen && !similar.is_empty() {
        let shown = Shown {
            similar,
            held: true,
        };
        let page = new_page(
            &state,
            lang,
            &member,
            FormFor::New(&key, office.name.get(lang)),
            (fields, Vec::new()),
            shown,
        );
        return Ok(page.into_response());
    }
    match state.app.record_innovation(&member.0, &key, &fields).await {
        Ok(id) => Ok(Redirect::to(&format!("/innovations/{id}")).into_response()),
        Err(error) => {
            rejected(lang, error, |errors| async {
                let shown = Shown {
                    similar,
                    held: false,
                };
                Ok(new_page(
                    &state,
                    lang,
                    &member,
                    FormFor::New(&key, office.name.get(lang)),
                    (fields, errors),
                    shown,
                ))
            })
            .await
        }
    }
}

/// `GET /innovations/{id}/edit`: the recorded innovation in its form, for whoever records its office's
/// innovations.
pub(crate) async fn edit(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(id): Path<i32>,
) -> Result<NewInnovationPage, PageError> {
    let detail = state.app.innovation_detail(&member.0, id).await?;
    if !detail.may_step {
        return Err(udbhabon_core::Error::Forbidden.into());
    }
    let record = &detail.innovation.record;
    Ok(new_page(
        &state,
        lang,
        &member,
        FormFor::Correction(id, &title_in(lang, record)),
        (InnovationFields::from(record), Vec::new()),
        Shown::default(),
    ))
}

/// `POST /innovations/{id}/edit`: the correction kept, back to the innovation's page.
pub(crate) async fn correct(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, form): Posted<InnovationForm>,
) -> Result<Response, PageError> {
    let fields = InnovationFields::from(form);
    match state.app.correct_innovation(&member.0, id, &fields).await {
        Ok(()) => Ok(Redirect::to(&format!("/innovations/{id}")).into_response()),
        Err(error) => {
            rejected(lang, error, |errors| async {
                let detail = state.app.innovation_detail(&member.0, id).await?;
                Ok(new_page(
                    &state,
                    lang,
                    &member,
                    FormFor::Correction(id, &title_in(lang, &detail.innovation.record)),
                    (fields, errors),
                    Shown::default(),
                ))
            })
            .await
        }
    }
}

/// A step as the page lists it.
struct StepLine {
    heading: String,
    note: String,
    links: Vec<String>,
}

/// A replication in the tree: its depth, link, title and office, and its stage.
struct ReplicationLine {
    depth: usize,
    href: String,
    office: String,
    stage: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "innovation/show.html")]
pub(crate) struct InnovationPage {
    l: Layout,
    heading: String,
    list_href: String,
    /// (label, value) of the fields that are filled.
    facts: Vec<(String, String)>,
    tcv: Vec<TcvLine>,
    worse: bool,
    links: Vec<String>,
    service_link: Option<String>,
    steps: Vec<StepLine>,
    /// The original it copies: (link, "title — office").
    original: Option<(String, String)>,
    replications: Vec<ReplicationLine>,
    /// The steps the reader may take now: (code, label).
    next_steps: Vec<(String, String)>,
    /// The offices the reader may replicate it for: (key, name).
    replicate_for: Vec<(String, String)>,
    similar: SimilarPanel,
    showcased: bool,
    may_showcase: bool,
    /// Whether the reader corrects what was recorded (records its office's innovations).
    may_correct: bool,
    /// The record's history, for readers of the audit trail.
    changes: Option<Vec<audit::HistoryLine>>,
    showcase_href: String,
    sheet_href: String,
    action: String,
    csrf: String,
    typed: StepFields,
    errors: Vec<(String, String)>,
}

impl FieldErrors for InnovationPage {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

fn step_line(lang: Lang, detail: &InnovationDetail, step: &InnovationStepRow) -> StepLine {
    let when = match (step.from, step.to) {
        (Some(from), Some(to)) => format!(
            " · {} – {}",
            format::date(lang, from),
            format::date(lang, to)
        ),
        (Some(from), None) => format!(" · {}", format::date(lang, from)),
        _ => String::new(),
    };
    let place = if step.place.is_empty() || step.step == InnovationStep::Replicate {
        String::new()
    } else {
        format!(" · {}", step.place)
    };
    StepLine {
        heading: format!(
            "{} · {} · {}{place}{when}",
            t(lang, &step.step.message_key()),
            format::date_both(lang, bangla::dhaka::today_in_dhaka(step.at)),
            detail.names.of(&step.by, lang)
        ),
        note: step.note.clone(),
        links: step.links.clone(),
    }
}

/// The stored fields of an innovation a correction may change, with the form's label of each.
const INNOVATION_FIELDS: &[(&str, &str)] = &[
    ("kind", "innovation-kind"),
    ("title", "innovation-title"),
    ("title_en", "innovation-title-en"),
    ("service", "innovation-service"),
    ("problem", "innovation-problem"),
    ("root_cause", "innovation-root-cause"),
    ("solution", "innovation-solution"),
    ("started_on", "innovation-started-on"),
    ("completed_on", "innovation-completed-on"),
    ("service_link", "innovation-service-link"),
    ("channel", "innovation-channel"),
    ("links", "innovation-links"),
    ("tcv", "innovation-tcv"),
    ("stage", "innovation-stage"),
    ("showcased_at", "innovation-showcase-change"),
];

fn innovation_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    detail: &InnovationDetail,
    (typed, errors): (StepFields, Vec<(String, String)>),
) -> InnovationPage {
    let record = &detail.innovation.record;
    let heading = title_in(lang, record);
    let mut facts = vec![
        (
            t(lang, "innovation-office"),
            detail.office.name.get(lang).to_owned(),
        ),
        (
            t(lang, "innovation-kind"),
            t(lang, &record.kind.message_key()),
        ),
        (
            t(lang, "innovation-stage"),
            t(lang, &record.stage.message_key()),
        ),
    ];
    facts.extend(described(lang, record));
    facts.push((
        t(lang, "innovation-recorded"),
        format!(
            "{}, {}",
            detail.names.of(&detail.innovation.by, lang),
            format::date(lang, bangla::dhaka::today_in_dhaka(detail.innovation.at))
        ),
    ));
    let id = detail.innovation.id;
    InnovationPage {
        l: layout(
            state,
            lang,
            member,
            heading.clone(),
            &format!("/innovations/{id}"),
        ),
        heading,
        list_href: format!("/innovations?office={}", detail.office.key),
        facts,
        tcv: tcv_lines(lang, &record.tcv),
        worse: record.tcv.any_worse(),
        links: record.links.clone(),
        service_link: record.service_link.clone(),
        steps: detail
            .steps
            .iter()
            .map(|step| step_line(lang, detail, step))
            .collect(),
        original: detail.original.as_ref().map(|(row, office)| {
            (
                format!("/innovations/{}", row.id),
                format!(
                    "{} — {}",
                    title_in(lang, &row.record),
                    office.name.get(lang)
                ),
            )
        }),
        replications: detail
            .replications
            .iter()
            .map(|(depth, row, office)| ReplicationLine {
                depth: *depth,
                href: format!("/innovations/{}", row.id),
                office: office.name.get(lang).to_owned(),
                stage: t(lang, &row.record.stage.message_key()),
            })
            .collect(),
        next_steps: if detail.may_step {
            record
                .stage
                .next_steps()
                .into_iter()
                .map(|step| (step.code().to_owned(), t(lang, &step.message_key())))
                .collect()
        } else {
            Vec::new()
        },
        replicate_for: detail
            .replicate_for
            .iter()
            .map(|office| (office.key.clone(), office.name.get(lang).to_owned()))
            .collect(),
        similar: SimilarPanel::new(lang, &detail.similar),
        showcased: detail.innovation.showcased_at.is_some(),
        may_showcase: detail.may_showcase,
        may_correct: detail.may_step,
        changes: detail
            .history
            .as_ref()
            .map(|entries| audit::changed_lines(lang, entries, INNOVATION_FIELDS)),
        showcase_href: format!("/showcase/{id}"),
        sheet_href: format!("/innovations/{id}/sheet.pdf"),
        action: format!("/innovations/{id}"),
        csrf: member.0.csrf_token.clone(),
        typed,
        errors,
    }
}

/// `GET /innovations/{id}`.
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(id): Path<i32>,
) -> Result<InnovationPage, PageError> {
    let detail = state.app.innovation_detail(&member.0, id).await?;
    Ok(innovation_page(
        &state,
        lang,
        &member,
        &detail,
        Default::default(),
    ))
}

/// The step form as posted.
#[derive(Debug, Deserialize)]
pub(crate) struct StepForm {
    #[serde(default)]
    step: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    links: String,
}

/// `POST /innovations/{id}/steps`: the next step in the innovation's life.
pub(crate) async fn step(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, form): Posted<StepForm>,
) -> Result<Response, PageError> {
    let typed = StepFields {
        step: form.step,
        note: form.note,
        place: form.place,
        from: form.from,
        to: form.to,
        links: form.links,
    };
    let outcome = state
        .app
        .take_innovation_step(&member.0, id, &typed)
        .await
        .map(|_| format!("/innovations/{id}"));
    answer(&state, lang, &member, id, outcome, typed).await
}

/// After a step or a replication: to the page it leads to, or this innovation's page again with the
/// messages (and the step as typed) when it was refused.
async fn answer(
    state: &AppState,
    lang: Lang,
    member: &Member,
    id: i32,
    outcome: Result<String, udbhabon_core::Error>,
    typed: StepFields,
) -> Result<Response, PageError> {
    match outcome {
        Ok(next) => Ok(Redirect::to(&next).into_response()),
        Err(error) => {
            rejected(lang, error, |errors| async {
                let detail = state.app.innovation_detail(&member.0, id).await?;
                Ok(innovation_page(
                    state,
                    lang,
                    member,
                    &detail,
                    (typed, errors),
                ))
            })
            .await
        }
    }
}

/// The replication form as posted.
#[derive(Debug, Deserialize)]
pub(crate) struct ReplicationForm {
    #[serde(default)]
    office: String,
}

/// `POST /innovations/{id}/replications`: another office adopts the innovation.
pub(crate) async fn replicate(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, form): Posted<ReplicationForm>,
) -> Result<Response, PageError> {
    let outcome = state
        .app
        .replicate_innovation(&member.0, id, form.office.trim())
        .await
        .map(|copy| format!("/innovations/{copy}"));
    answer(&state, lang, &member, id, outcome, StepFields::default()).await
}
