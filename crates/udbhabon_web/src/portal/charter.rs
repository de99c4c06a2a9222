//! An office's citizen charter: the published edition for everyone (and every earlier one), its PDF,
//! the page where the focal point drafts the next version and the Chief Innovation Officer returns or
//! approves it, and the charters of the offices below, flagged when not updated this quarter.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use udbhabon_core::CharterView;
use udbhabon_core::portal::charter::{CharterPage, charter_view, fee_as_typed, fee_text};
use udbhabon_domain::portal::charter::{
    CharterService, CharterStatus, OverviewFields, ServiceCategory, ServiceFields, TimeUnit,
};
use udbhabon_domain::{Bilingual, Vocabulary};
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Button, Member, Posted, Visitor};
use crate::download::Disposition;
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::form::{Choice, FieldErrors, choices, post_choices, rejected};
use crate::lang::ReaderLang;
use crate::layout::{Layout, encode_component};
use crate::state::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "portal/charter/show.html")]
pub(crate) struct CharterShowPage {
    pub(crate) l: Layout,
    heading: String,
    office_href: String,
    /// The edition shown, or `None` when the office has published none.
    charter: Option<CharterView>,
    /// "Last updated …" (the edition's publication, to the minute) and, from the second edition on,
    /// when the first was published.
    updated: Option<String>,
    first_published: Option<String>,
    pdf_href: String,
    /// Earlier editions: (link, "Edition 2 · date"), the latest first, with whether it is the one shown.
    editions: Vec<(String, String, bool)>,
    /// For readers of the office's records: "not updated this quarter".
    stale: Option<String>,
    /// For readers of the office's records: the drafting page.
    draft_href: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct EditionQuery {
    edition: Option<String>,
}

fn edition_number(query: &EditionQuery) -> Result<Option<i32>, PageError> {
    match query.edition.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => bangla::to_ascii_digits(text)
            .parse()
            .map(Some)
            .map_err(|_| PageError::bad_input("error-charter-edition")),
    }
}

fn base(key: &str) -> String {
    format!("/offices/{}/charter", encode_component(key))
}

/// `GET /offices/{key}/charter` (`?edition=N` for an earlier one): the published charter.
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    Path(key): Path<String>,
    Query(query): Query<EditionQuery>,
) -> Result<CharterShowPage, PageError> {
    let edition = edition_number(&query)?;
    let page = state
        .app
        .charter_page(visitor.0.as_ref(), &key, edition)
        .await?;
    let office = &page.office;
    let heading = t_args(
        lang,
        "charter-page-title",
        &[("office", office.name.get(lang).to_owned())],
    );
    let base = base(&office.key);
    let shown_edition = page.shown.as_ref().and_then(|row| row.edition);
    let path = match edition {
        Some(edition) => format!("{base}?edition={edition}"),
        None => base.clone(),
    };
    Ok(CharterShowPage {
        l: Layout::new(
            lang,
            &visitor,
            heading.clone(),
            "offices",
            &path,
            state.app.today(),
        ),
        heading,
        office_href: format!("/offices/{}", encode_component(&office.key)),
        charter: page
            .shown
            .as_ref()
            .map(|row| charter_view(lang, office, row, &HashMap::new(), &HashMap::new())),
        updated: page
            .shown
            .as_ref()
            .and_then(|row| row.published_at)
            .map(|at| {
                t_args(
                    lang,
                    "charter-last-updated",
                    &[(
                        "date",
                        format!(
                            "{} {}",
                            format::date_both(lang, bangla::today_in_dhaka(at)),
                            format::time(lang, at.with_timezone(&bangla::DHAKA_OFFSET).time())
                        ),
                    )],
                )
            }),
        first_published: page
            .editions
            .last()
            .filter(|(first, _)| shown_edition.is_some_and(|shown| shown > *first))
            .map(|(_, on)| {
                t_args(
                    lang,
                    "charter-first-published",
                    &[("date", format::date_both(lang, *on))],
                )
            }),
        pdf_href: format!("{base}.pdf?edition={}", shown_edition.unwrap_or_default()),
        editions: page
            .editions
            .iter()
            .map(|(number, on)| {
                (
                    format!("{base}?edition={number}"),
                    t_args(
                        lang,
                        "charter-edition-item",
                        &[
                            ("edition", format::number(lang, i64::from(*number))),
                            ("date", format::date_both(lang, *on)),
                        ],
                    ),
                    Some(*number) == shown_edition,
                )
            })
            .collect(),
        stale: (page.is_office_reader && !page.current).then(|| t(lang, "charter-stale")),
        draft_href: page.is_office_reader.then(|| format!("{base}/draft")),
    })
}

/// `GET /offices/{key}/charter.pdf?edition=N`: an edition as it was published, in the reader's
/// language (the latest without `edition`).
pub(crate) async fn pdf(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Query(query): Query<EditionQuery>,
) -> Result<Response, PageError> {
    let edition = edition_number(&query)?.filter(|edition| *edition > 0);
    let document = state.app.charter_pdf(&key, edition, lang).await?;
    Ok(crate::download::pdf(document, Disposition::Inline))
}

#[derive(Template, WebTemplate)]
#[template(path = "portal/charter/draft.html")]
pub(crate) struct DraftPage {
    l: Layout,
    heading: String,
    public_href: String,
    base: String,
    csrf: String,
    /// Where the version in the making stands, or `None` when there is none.
    status: Option<String>,
    /// The Chief Innovation Officer's reason for sending it back.
    return_note: Option<String>,
    /// The version in the making as it would print, today's holders in place.
    preview: Option<CharterView>,
    can_start: bool,
    /// Whether the reader drafts (and the version is a draft).
    editing: bool,
    can_submit: bool,
    /// Whether the reader approves (and the version waits for them).
    approving: bool,
    overview: Option<OverviewView>,
    services: Vec<ServiceLine>,
    new_service: Option<ServiceFormView>,
    stale: Option<String>,
    notice: Option<String>,
    errors: Vec<(String, String)>,
}

struct OverviewView {
    open: bool,
    /// Each refused field's message.
    errors: Vec<(String, String)>,
    vision_bn: String,
    vision_en: String,
    mission_bn: String,
    mission_en: String,
    expectations_bn: String,
    expectations_en: String,
    grievance_posts: Vec<Choice>,
    grievance_days: String,
    appeal_posts: Vec<Choice>,
    appeal_days: String,
}

struct ServiceLine {
    category: String,
    name: String,
    fee: String,
    form: ServiceFormView,
    remove_action: String,
}

/// A service's form with what it holds (or what was typed when it was refused).
struct ServiceFormView {
    id: String,
    action: String,
    open: bool,
    /// Each refused field's message.
    errors: Vec<(String, String)>,
    categories: Vec<Choice>,
    name_bn: String,
    name_en: String,
    method_bn: String,
    method_en: String,
    documents_bn: String,
    documents_en: String,
    fee: String,
    payment_bn: String,
    payment_en: String,
    time_amount: String,
    units: Vec<Choice>,
    posts: Vec<Choice>,
}

impl FieldErrors for OverviewView {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

impl FieldErrors for ServiceFormView {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

/// A service as posted.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct ServiceForm {
    #[serde(default)]
    category: String,
    #[serde(default)]
    name_bn: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    method_bn: String,
    #[serde(default)]
    method_en: String,
    #[serde(default)]
    documents_bn: String,
    #[serde(default)]
    documents_en: String,
    #[serde(default)]
    fee: String,
    #[serde(default)]
    payment_bn: String,
    #[serde(default)]
    payment_en: String,
    #[serde(default)]
    time_amount: String,
    #[serde(default)]
    time_unit: String,
    #[serde(default)]
    officer_post: String,
}

impl ServiceForm {
    fn fields(&self) -> ServiceFields {
        ServiceFields {
            category: self.category.clone(),
            name: Bilingual::new(&self.name_bn, &self.name_en),
            method: Bilingual::new(&self.method_bn, &self.method_en),
            documents: Bilingual::new(&self.documents_bn, &self.documents_en),
            fee: self.fee.clone(),
            payment: Bilingual::new(&self.payment_bn, &self.payment_en),
            time_amount: self.time_amount.clone(),
            time_unit: self.time_unit.clone(),
            officer_post: self.officer_post.clone(),
        }
    }

    fn of(lang: Lang, service: &CharterService) -> Self {
        Self {
            category: service.category.code().to_owned(),
            name_bn: service.name.bn.clone(),
            name_en: service.name.en.clone(),
            method_bn: service.method.bn.clone(),
            method_en: service.method.en.clone(),
            documents_bn: service.documents.bn.clone(),
            documents_en: service.documents.en.clone(),
            fee: fee_as_typed(lang, service.fee),
            payment_bn: service.payment.bn.clone(),
            payment_en: service.payment.en.clone(),
            time_amount: format::digits(lang, &service.time_limit.amount.to_string()),
            time_unit: service.time_limit.unit.code().to_owned(),
            officer_post: service.officer.post_id.to_string(),
        }
    }
}

/// The vision, mission, expectations and grievance officers as posted.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct OverviewForm {
    #[serde(default)]
    vision_bn: String,
    #[serde(default)]
    vision_en: String,
    #[serde(default)]
    mission_bn: String,
    #[serde(default)]
    mission_en: String,
    #[serde(default)]
    expectations_bn: String,
    #[serde(default)]
    expectations_en: String,
    #[serde(default)]
    grievance_post: String,
    #[serde(default)]
    grievance_days: String,
    #[serde(default)]
    appeal_post: String,
    #[serde(default)]
    appeal_days: String,
}

impl OverviewForm {
    fn fields(&self) -> OverviewFields {
        OverviewFields {
            vision: Bilingual::new(&self.vision_bn, &self.vision_en),
            mission: Bilingual::new(&self.mission_bn, &self.mission_en),
            expectations: Bilingual::new(&self.expectations_bn, &self.expectations_en),
            grievance_post: self.grievance_post.clone(),
            grievance_days: self.grievance_days.clone(),
            appeal_post: self.appeal_post.clone(),
            appeal_days: self.appeal_days.clone(),
        }
    }
}

/// A refused form to show again with what was typed.
enum Refused<'a> {
    Nothing,
    Overview(&'a OverviewForm),
    /// A service's form: which service (`None` for a new one).
    Service(Option<u32>, &'a ServiceForm),
}

fn service_form(
    lang: Lang,
    page: &CharterPage,
    id: String,
    action: String,
    values: &ServiceForm,
    errors: Option<&[(String, String)]>,
) -> ServiceFormView {
    ServiceFormView {
        id,
        action,
        open: errors.is_some(),
        errors: errors.map(<[_]>::to_vec).unwrap_or_default(),
        categories: choices(
            ServiceCategory::ALL,
            Some(values.category.as_str()),
            |category| category.code().to_owned(),
            |category| t(lang, &category.message_key()),
        ),
        name_bn: values.name_bn.clone(),
        name_en: values.name_en.clone(),
        method_bn: values.method_bn.clone(),
        method_en: values.method_en.clone(),
        documents_bn: values.documents_bn.clone(),
        documents_en: values.documents_en.clone(),
        fee: values.fee.clone(),
        payment_bn: values.payment_bn.clone(),
        payment_en: values.payment_en.clone(),
        time_amount: values.time_amount.clone(),
        units: choices(
            TimeUnit::ALL,
            Some(values.time_unit.as_str()),
            |unit| unit.code().to_owned(),
            |unit| t(lang, &unit.message_key()),
        ),
        posts: post_choices(lang, &page.posts, &values.officer_post),
    }
}

async fn draft_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    key: &str,
    errors: Vec<(String, String)>,
    refused: Refused<'_>,
) -> Result<DraftPage, PageError> {
    let page = state.app.charter_page(Some(&member.0), key, None).await?;
    if !page.is_office_reader {
        return Err(udbhabon_core::Error::Forbidden.into());
    }
    let office = &page.office;
    let base = base(&office.key);
    let heading = t_args(
        lang,
        "charter-draft-title",
        &[("office", office.name.get(lang).to_owned())],
    );
    // A refused form shows its messages beside its fields; the top of the page points to it.
    let (errors, form_errors) = match refused {
        Refused::Nothing => (errors, Vec::new()),
        _ => (
            vec![(String::new(), t(lang, "charter-errors-below"))],
            errors,
        ),
    };
    let open = page.open.as_ref();
    let editing = page.can_draft && open.is_some_and(|row| row.status == CharterStatus::Draft);
    let posts: HashMap<_, _> = page
        .grievance_posts
        .iter()
        .map(|(post, _)| (post.id, post.clone()))
        .collect();
    let holders: HashMap<_, _> = page
        .grievance_posts
        .iter()
        .filter_map(|(post, holder)| holder.clone().map(|holder| (post.id, holder)))
        .collect();
    let overview = open.filter(|_| editing).map(|row| {
        let content = &row.content;
        let typed = match refused {
            Refused::Overview(form) => Some(form.clone()),
            _ => None,
        };
        let values = typed.clone().unwrap_or_else(|| OverviewForm {
            vision_bn: content.vision.bn.clone(),
            vision_en: content.vision.en.clone(),
            mission_bn: content.mission.bn.clone(),
            mission_en: content.mission.en.clone(),
            expectations_bn: content
                .expectations
                .iter()
                .map(|line| line.bn.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
            expectations_en: content
                .expectations
                .iter()
                .map(|line| line.en.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
            grievance_post: content
                .grievance
                .officer
                .as_ref()
                .map(|officer| officer.post_id.to_string())
                .unwrap_or_default(),
            grievance_days: format::digits(lang, &content.grievance.officer_days.to_string()),
            appeal_post: content
                .grievance
                .appeal
                .as_ref()
                .map(|officer| officer.post_id.to_string())
                .unwrap_or_default(),
            appeal_days: format::digits(lang, &content.grievance.appeal_days.to_string()),
        });
        OverviewView {
            open: typed.is_some() || content.vision.bn.is_empty(),
            errors: if typed.is_some() {
                form_errors.clone()
            } else {
                Vec::new()
            },
            grievance_posts: post_choices(lang, &page.grievance_posts, &values.grievance_post),
            appeal_posts: post_choices(lang, &page.grievance_posts, &values.appeal_post),
            vision_bn: values.vision_bn,
            vision_en: values.vision_en,
            mission_bn: values.mission_bn,
            mission_en: values.mission_en,
            expectations_bn: values.expectations_bn,
            expectations_en: values.expectations_en,
            grievance_days: values.grievance_days,
            appeal_days: values.appeal_days,
        }
    });
    let services = open
        .filter(|_| editing)
        .map(|row| {
            row.content
                .services
                .iter()
                .map(|service| {
                    let typed = match refused {
                        Refused::Service(Some(refused_key), form) if refused_key == service.key => {
                            Some(form.clone())
                        }
                        _ => None,
                    };
                    let values = typed
                        .clone()
                        .unwrap_or_else(|| ServiceForm::of(lang, service));
                    ServiceLine {
                        category: t(lang, &service.category.message_key()),
                        name: service.name.get(lang).to_owned(),
                        fee: fee_text(lang, service.fee),
                        form: service_form(
                            lang,
                            &page,
                            format!("service-{}", service.key),
                            format!("{base}/services/{}", service.key),
                            &values,
                            typed.is_some().then_some(form_errors.as_slice()),
                        ),
                        remove_action: format!("{base}/services/{}/remove", service.key),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let new_service = editing.then(|| {
        let typed = match refused {
            Refused::Service(None, form) => Some(form.clone()),
            _ => None,
        };
        service_form(
            lang,
            &page,
            "service-new".to_owned(),
            format!("{base}/services"),
            &typed.clone().unwrap_or_else(|| ServiceForm {
                category: ServiceCategory::Citizen.code().to_owned(),
                time_unit: TimeUnit::WorkingDay.code().to_owned(),
                ..ServiceForm::default()
            }),
            typed.is_some().then_some(form_errors.as_slice()),
        )
    });
    Ok(DraftPage {
        l: Layout::of_member(
            &state.app,
            lang,
            member,
            heading.clone(),
            "offices",
            &format!("{base}/draft"),
        ),
        heading,
        public_href: base.clone(),
        csrf: member.0.csrf_token.clone(),
        status: open.map(|row| t(lang, &row.status.message_key())),
        return_note: open
            .filter(|row| !row.return_note.is_empty())
            .map(|row| row.return_note.clone()),
        preview: open.map(|row| charter_view(lang, office, row, &posts, &holders)),
        can_start: page.can_draft && open.is_none(),
        can_submit: editing,
        editing,
        approving: page.can_approve
            && open.is_some_and(|row| row.status == CharterStatus::Submitted),
        overview,
        services,
        new_service,
        stale: (!page.current).then(|| t(lang, "charter-stale")),
        notice: None,
        errors,
        base,
    })
}

#[derive(Debug, Deserialize)]
pub(crate) struct DraftQuery {
    done: Option<String>,
}

/// What a finished step announces, by its name in `?done=`.
const STEPS: [&str; 7] = [
    "started",
    "overview",
    "service",
    "removed",
    "submitted",
    "returned",
    "approved",
];

/// `GET /offices/{key}/charter/draft` (`?done=STEP` after a step): the version in the making.
pub(crate) async fn draft(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
    Query(query): Query<DraftQuery>,
) -> Result<DraftPage, PageError> {
    let mut page = draft_page(&state, lang, &member, &key, Vec::new(), Refused::Nothing).await?;
    page.notice = query
        .done
        .as_deref()
        .filter(|step| STEPS.contains(step))
        .map(|step| t(lang, &format!("charter-done-{step}")));
    Ok(page)
}

fn after(key: &str, step: &str) -> Response {
    Redirect::to(&format!("{}/draft?done={step}", base(key))).into_response()
}

/// Answers a step: back to the drafting page announcing it, or the page again with the refusal.
async fn answer(
    state: &AppState,
    lang: Lang,
    member: &Member,
    key: &str,
    step: &str,
    result: Result<(), udbhabon_core::Error>,
    refused: Refused<'_>,
) -> Result<Response, PageError> {
    match result {
        Ok(()) => Ok(after(key, step)),
        Err(error) => {
            rejected(lang, error, |errors| {
                draft_page(state, lang, member, key, errors, refused)
            })
            .await
        }
    }
}

/// `POST /offices/{key}/charter/draft`: starts the next version from the latest edition.
pub(crate) async fn start(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Posted(member, Button {}): Posted<Button>,
) -> Result<Response, PageError> {
    let result = state.app.start_charter(&member.0, &key).await;
    answer(
        &state,
        lang,
        &member,
        &key,
        "started",
        result,
        Refused::Nothing,
    )
    .await
}

/// `POST /offices/{key}/charter/overview`: saves the vision, mission, expectations and grievance officers.
pub(crate) async fn overview(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Posted(member, form): Posted<OverviewForm>,
) -> Result<Response, PageError> {
    let result = state
        .app
        .save_charter_overview(&member.0, &key, &form.fields())
        .await;
    answer(
        &state,
        lang,
        &member,
        &key,
        "overview",
        result,
        Refused::Overview(&form),
    )
    .await
}

/// `POST /offices/{key}/charter/services`: adds a service.
pub(crate) async fn add_service(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Posted(member, form): Posted<ServiceForm>,
) -> Result<Response, PageError> {
    let result = state
        .app
        .save_charter_service(&member.0, &key, None, &form.fields())
        .await
        .map(drop);
    answer(
        &state,
        lang,
        &member,
        &key,
        "service",
        result,
        Refused::Service(None, &form),
    )
    .await
}

/// `POST /offices/{key}/charter/services/{service}`: corrects a service.
pub(crate) async fn save_service(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path((key, service)): Path<(String, u32)>,
    Posted(member, form): Posted<ServiceForm>,
) -> Result<Response, PageError> {
    let result = state
        .app
        .save_charter_service(&member.0, &key, Some(service), &form.fields())
        .await
        .map(drop);
    let refused = Refused::Service(Some(service), &form);
    answer(&state, lang, &member, &key, "service", result, refused).await
}

/// `POST /offices/{key}/charter/services/{service}/remove`: takes a service out of the draft.
pub(crate) async fn remove_service(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path((key, service)): Path<(String, u32)>,
    Posted(member, Button {}): Posted<Button>,
) -> Result<Response, PageError> {
    let result = state
        .app
        .remove_charter_service(&member.0, &key, service)
        .await;
    answer(
        &state,
        lang,
        &member,
        &key,
        "removed",
        result,
        Refused::Nothing,
    )
    .await
}

/// `POST /offices/{key}/charter/submit`: sends the draft to the Chief Innovation Officer.
pub(crate) async fn submit(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Posted(member, Button {}): Posted<Button>,
) -> Result<Response, PageError> {
    let result = state.app.submit_charter(&member.0, &key).await;
    answer(
        &state,
        lang,
        &member,
        &key,
        "submitted",
        result,
        Refused::Nothing,
    )
    .await
}

/// The Chief Innovation Officer's reason for sending a charter back.
#[derive(Debug, Deserialize)]
pub(crate) struct ReturnForm {
    #[serde(default)]
    note: String,
}

/// `POST /offices/{key}/charter/return`: sends the charter back to its drafters with a note.
pub(crate) async fn send_back(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Posted(member, form): Posted<ReturnForm>,
) -> Result<Response, PageError> {
    let result = state.app.return_charter(&member.0, &key, &form.note).await;
    answer(
        &state,
        lang,
        &member,
        &key,
        "returned",
        result,
        Refused::Nothing,
    )
    .await
}

/// `POST /offices/{key}/charter/approve`: approves and publishes the charter as the next edition.
pub(crate) async fn approve(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Posted(member, Button {}): Posted<Button>,
) -> Result<Response, PageError> {
    let result = state.app.approve_charter(&member.0, &key).await.map(drop);
    answer(
        &state,
        lang,
        &member,
        &key,
        "approved",
        result,
        Refused::Nothing,
    )
    .await
}

#[derive(Template, WebTemplate)]
#[template(path = "portal/charter/watch.html")]
pub(crate) struct WatchPage {
    l: Layout,
    heading: String,
    office_href: String,
    /// Each office: (its charter's link, name, "last published …" or "none", whether it is flagged).
    offices: Vec<(String, String, String, bool)>,
    flagged: String,
}

/// `GET /offices/{key}/charters`: the office's charter and those of the offices directly below it.
pub(crate) async fn watch(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
) -> Result<WatchPage, PageError> {
    let watch = state.app.charter_watch(&member.0, &key).await?;
    let heading = t_args(
        lang,
        "charter-watch-title",
        &[("office", watch.office.name.get(lang).to_owned())],
    );
    let flagged_count = watch
        .offices
        .iter()
        .filter(|(_, _, current)| !current)
        .count();
    Ok(WatchPage {
        l: Layout::of_member(
            &state.app,
            lang,
            &member,
            heading.clone(),
            "offices",
            &format!("/offices/{}/charters", encode_component(&watch.office.key)),
        ),
        heading,
        office_href: format!("/offices/{}", encode_component(&watch.office.key)),
        flagged: t_args(
            lang,
            "charter-watch-flagged",
            &[("count", format::number(lang, flagged_count as i64))],
        ),
        offices: watch
            .offices
            .iter()
            .map(|(office, on, current)| {
                (
                    base(&office.key),
                    office.name.get(lang).to_owned(),
                    on.map_or_else(
                        || t(lang, "charter-watch-never"),
                        |on| {
                            t_args(
                                lang,
                                "charter-watch-published",
                                &[("date", format::date_both(lang, on))],
                            )
                        },
                    ),
                    !current,
                )
            })
            .collect(),
    })
}
