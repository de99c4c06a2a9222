//! An office's digital service list (`/offices/KEY/services`): each service with its address, channel,
//! steps, time and cost to the citizen, for anyone, with the forms that keep it for the office's focal
//! point or member secretary; and the list as CSV or XLSX for the office's website.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use udbhabon_core::TableFormat;
use udbhabon_core::innovation::showcase::tcv_lines;
use udbhabon_core::portal::charter::{fee_as_typed, fee_text, time_limit_text};
use udbhabon_core::portal::service::ServiceList;
use udbhabon_domain::innovation::ServiceChannel;
use udbhabon_domain::portal::charter::TimeUnit;
use udbhabon_domain::portal::service::{DigitalService, DigitalServiceFields};
use udbhabon_domain::{Bilingual, Vocabulary};
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Button, Member, Posted, Visitor};
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::form::{Choice, DoneQuery, FieldErrors, choices, rejected};
use crate::lang::ReaderLang;
use crate::layout::{Layout, encode_component};
use crate::state::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "portal/service/list.html")]
pub(crate) struct ServicesPage {
    pub(crate) l: Layout,
    heading: String,
    office_href: String,
    base: String,
    /// For those who keep the list: the session's token.
    csrf: Option<String>,
    services: Vec<ServiceCard>,
    recorded: Vec<RecordedCard>,
    new_service: Option<ServiceFormView>,
    notice: Option<String>,
    errors: Vec<(String, String)>,
}

struct ServiceCard {
    name: String,
    channel: String,
    /// The address as a link when a browser can open it.
    address: (String, Option<String>),
    steps: Vec<String>,
    time: String,
    fee: String,
    fully_online: bool,
    form: Option<ServiceFormView>,
    remove_action: String,
}

struct RecordedCard {
    name: String,
    channel: String,
    address: String,
    stage: String,
    /// "Days: 15 → 3" and the like, for the measures the record has.
    tcv: Vec<String>,
    showcase_href: String,
}

struct ServiceFormView {
    id: String,
    action: String,
    open: bool,
    errors: Vec<(String, String)>,
    name_bn: String,
    name_en: String,
    channels: Vec<Choice>,
    address: String,
    steps_bn: String,
    steps_en: String,
    time_amount: String,
    units: Vec<Choice>,
    fee: String,
    fully_online: bool,
}

impl FieldErrors for ServiceFormView {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

/// A digital service as posted.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct ServiceForm {
    #[serde(default)]
    name_bn: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    channel: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    steps_bn: String,
    #[serde(default)]
    steps_en: String,
    #[serde(default)]
    time_amount: String,
    #[serde(default)]
    time_unit: String,
    #[serde(default)]
    fee: String,
    /// "1" when ticked.
    #[serde(default)]
    fully_online: String,
}

impl ServiceForm {
    fn fields(&self) -> DigitalServiceFields {
        DigitalServiceFields {
            name: Bilingual::new(&self.name_bn, &self.name_en),
            channel: self.channel.clone(),
            address: self.address.clone(),
            steps: Bilingual::new(&self.steps_bn, &self.steps_en),
            time_amount: self.time_amount.clone(),
            time_unit: self.time_unit.clone(),
            fee: self.fee.clone(),
            fully_online: self.fully_online == "1",
        }
    }

    fn of(lang: Lang, service: &DigitalService) -> Self {
        let lines = |pick: fn(&Bilingual) -> &str| {
            service
                .steps
                .iter()
                .map(pick)
                .collect::<Vec<_>>()
                .join("\n")
        };
        Self {
            name_bn: service.name.bn.clone(),
            name_en: service.name.en.clone(),
            channel: service.channel.code().to_owned(),
            address: service.address.clone(),
            steps_bn: lines(|step| &step.bn),
            steps_en: lines(|step| &step.en),
            time_amount: format::digits(lang, &service.time_limit.amount.to_string()),
            time_unit: service.time_limit.unit.code().to_owned(),
            fee: fee_as_typed(lang, service.fee),
            fully_online: if service.fully_online { "1" } else { "" }.to_owned(),
        }
    }
}

fn service_form(
    lang: Lang,
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
        name_bn: values.name_bn.clone(),
        name_en: values.name_en.clone(),
        channels: choices(
            ServiceChannel::ALL,
            Some(values.channel.as_str()),
            |channel| channel.code().to_owned(),
            |channel| t(lang, &channel.message_key()),
        ),
        address: values.address.clone(),
        steps_bn: values.steps_bn.clone(),
        steps_en: values.steps_en.clone(),
        time_amount: values.time_amount.clone(),
        units: choices(
            TimeUnit::ALL,
            Some(values.time_unit.as_str()),
            |unit| unit.code().to_owned(),
            |unit| t(lang, &unit.message_key()),
        ),
        fee: values.fee.clone(),
        fully_online: values.fully_online == "1",
    }
}

/// A refused form to show again: which service's (`None` for a new one) and what was typed.
type Refused<'a> = Option<(Option<i32>, &'a ServiceForm)>;

fn base(key: &str) -> String {
    format!("/offices/{}/services", encode_component(key))
}

fn page(
    state: &AppState,
    lang: Lang,
    visitor: &Visitor,
    list: &ServiceList,
    errors: Vec<(String, String)>,
    refused: Refused<'_>,
) -> ServicesPage {
    let base = base(&list.office.key);
    let heading = t_args(
        lang,
        "digital-service-title",
        &[("office", list.office.name.get(lang).to_owned())],
    );
    // A refused form shows its messages beside its fields; the top of the page points to it.
    let (errors, form_errors) = match refused {
        None => (errors, Vec::new()),
        Some(_) => (
            vec![(String::new(), t(lang, "charter-errors-below"))],
            errors,
        ),
    };
    let refused_for = |id: Option<i32>| {
        refused
            .filter(|(refused_id, _)| *refused_id == id)
            .map(|(_, form)| form.clone())
    };
    let services = list
        .entered
        .iter()
        .map(|row| {
            let service = &row.service;
            let typed = refused_for(Some(row.id));
            ServiceCard {
                name: service.name.get(lang).to_owned(),
                channel: t(lang, &service.channel.message_key()),
                address: (
                    service.address.clone(),
                    (service.address.starts_with("https://")
                        || service.address.starts_with("http://"))
                    .then(|| service.address.clone()),
                ),
                steps: service
                    .steps
                    .iter()
                    .map(|step| step.get(lang).to_owned())
                    .collect(),
                time: time_limit_text(lang, service.time_limit),
                fee: fee_text(lang, service.fee),
                fully_online: service.fully_online,
                form: list.can_edit.then(|| {
                    service_form(
                        lang,
                        format!("service-{}", row.id),
                        format!("{base}/{}", row.id),
                        &typed
                            .clone()
                            .unwrap_or_else(|| ServiceForm::of(lang, service)),
                        typed.is_some().then_some(form_errors.as_slice()),
                    )
                }),
                remove_action: format!("{base}/{}/remove", row.id),
            }
        })
        .collect();
    let recorded = list
        .recorded
        .iter()
        .map(|recorded| RecordedCard {
            name: recorded.name.get(lang).to_owned(),
            channel: t(lang, &recorded.channel.message_key()),
            address: recorded.address.clone(),
            stage: t(lang, &recorded.stage.message_key()),
            tcv: tcv_lines(lang, &recorded.tcv)
                .into_iter()
                .map(|(label, before, after, _, _)| format!("{label}: {before} → {after}"))
                .collect(),
            showcase_href: format!("/showcase/{}", recorded.innovation_id),
        })
        .collect();
    let new_service = list.can_edit.then(|| {
        let typed = refused_for(None);
        service_form(
            lang,
            "service-new".to_owned(),
            base.clone(),
            &typed.clone().unwrap_or_else(|| ServiceForm {
                channel: ServiceChannel::Web.code().to_owned(),
                time_unit: TimeUnit::WorkingDay.code().to_owned(),
                ..ServiceForm::default()
            }),
            typed.is_some().then_some(form_errors.as_slice()),
        )
    });
    ServicesPage {
        l: Layout::new(
            lang,
            visitor,
            heading.clone(),
            "offices",
            &base,
            state.app.today(),
        ),
        heading,
        office_href: format!("/offices/{}", encode_component(&list.office.key)),
        csrf: list
            .can_edit
            .then(|| visitor.0.as_ref().map(|who| who.csrf_token.clone()))
            .flatten(),
        services,
        recorded,
        new_service,
        notice: None,
        errors,
        base,
    }
}

/// `GET /offices/{key}/services` (`?done=added|saved|removed` after keeping the list).
pub(crate) async fn list(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    Path(key): Path<String>,
    Query(query): Query<DoneQuery>,
) -> Result<ServicesPage, PageError> {
    let list = state.app.service_list(visitor.0.as_ref(), &key).await?;
    let mut page = page(&state, lang, &visitor, &list, Vec::new(), None);
    page.notice = query
        .done
        .as_deref()
        .filter(|done| ["added", "saved", "removed"].contains(done))
        .map(|done| t(lang, &format!("digital-service-done-{done}")));
    Ok(page)
}

/// Answers a change to the list: back to it announcing `done`, or the page again with the refusal.
async fn answer(
    state: &AppState,
    lang: Lang,
    member: Member,
    key: &str,
    done: &str,
    result: Result<(), udbhabon_core::Error>,
    refused: Refused<'_>,
) -> Result<Response, PageError> {
    match result {
        Ok(()) => Ok(Redirect::to(&format!("{}?done={done}", base(key))).into_response()),
        Err(error) => {
            let visitor = Visitor(Some(member.0));
            rejected(lang, error, async |errors| {
                let list = state.app.service_list(visitor.0.as_ref(), key).await?;
                Ok(page(state, lang, &visitor, &list, errors, refused))
            })
            .await
        }
    }
}

/// `POST /offices/{key}/services`: adds a service.
pub(crate) async fn add(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Posted(member, form): Posted<ServiceForm>,
) -> Result<Response, PageError> {
    let result = state
        .app
        .add_digital_service(&member.0, &key, &form.fields())
        .await
        .map(drop);
    answer(
        &state,
        lang,
        member,
        &key,
        "added",
        result,
        Some((None, &form)),
    )
    .await
}

/// `POST /offices/{key}/services/{id}`: corrects a service.
pub(crate) async fn save(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path((key, id)): Path<(String, i32)>,
    Posted(member, form): Posted<ServiceForm>,
) -> Result<Response, PageError> {
    let result = state
        .app
        .change_digital_service(&member.0, &key, id, &form.fields())
        .await;
    answer(
        &state,
        lang,
        member,
        &key,
        "saved",
        result,
        Some((Some(id), &form)),
    )
    .await
}

/// `POST /offices/{key}/services/{id}/remove`: takes a service off the list.
pub(crate) async fn remove(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path((key, id)): Path<(String, i32)>,
    Posted(member, Button {}): Posted<Button>,
) -> Result<Response, PageError> {
    let result = state.app.remove_digital_service(&member.0, &key, id).await;
    answer(&state, lang, member, &key, "removed", result, None).await
}

async fn table(
    state: &AppState,
    lang: Lang,
    key: &str,
    format: TableFormat,
) -> Result<Response, PageError> {
    let bytes = state.app.service_table(key, lang, format).await?;
    Ok(crate::download::table(
        format,
        &format!("digital-services-{key}"),
        bytes,
    ))
}

/// `GET /offices/{key}/services.csv`: the list for the office's website.
pub(crate) async fn csv(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
) -> Result<Response, PageError> {
    table(&state, lang, &key, TableFormat::Csv).await
}

/// `GET /offices/{key}/services.xlsx`: the list as a spreadsheet.
pub(crate) async fn xlsx(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
) -> Result<Response, PageError> {
    table(&state, lang, &key, TableFormat::Xlsx).await
}
