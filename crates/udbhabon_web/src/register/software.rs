//! An office's software register (`/offices/KEY/software`): its systems with where each runs, the data
//! it holds, whether its source code was handed over and its next renewal, the form that registers
//! one, and the register as XLSX or CSV; a system's page (`/software/ID`) with its details, the form
//! that corrects them, its source-code handover, its renewals and its tests and audits.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use udbhabon_core::register::software::{SoftwareDetail, SoftwareRegister};
use udbhabon_core::{RenewalRow, SoftwareRow, TableFormat};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::register::certification::{CertificationFields, ClosureFields, FindingFields};
use udbhabon_domain::register::renewal::RenewalFields;
use udbhabon_domain::register::software::{
    Custody, DataClass, Handover, HandoverFields, Hosting, Software, SoftwareFields,
};
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Member, Posted};
use crate::download;
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::form::{
    Choice, DoneQuery, FieldErrors, listed, or_dash, rejected, saved_or_rejected, with_none,
};
use crate::lang::ReaderLang;
use crate::layout::{Layout, encode_component};
use crate::register::certification::{CertificationSection, certification_section};
use crate::register::renewal::{RenewalSection, RenewedFields, renewal_section, standing_tag};
use crate::state::AppState;

/// A refused form: what was typed, and the messages.
type Refused<'a, T> = Option<(&'a T, Vec<(String, String)>)>;

/// The form of a system's details, to register one or correct it.
pub(crate) struct SoftwareForm {
    action: String,
    open: bool,
    errors: Vec<(String, String)>,
    values: SoftwareFields,
    hostings: Vec<Choice>,
    classes: Vec<Choice>,
}

impl FieldErrors for SoftwareForm {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

fn software_form(
    lang: Lang,
    action: String,
    typed: SoftwareFields,
    errors: Option<Vec<(String, String)>>,
) -> SoftwareForm {
    SoftwareForm {
        action,
        open: errors.is_some(),
        errors: errors.unwrap_or_default(),
        hostings: with_none(listed(lang, &typed.hosting, Hosting::message_key)),
        classes: with_none(listed(lang, &typed.data_class, DataClass::message_key)),
        values: typed,
    }
}

/// Where the source code stands, as a tag: (class, text).
fn custody_tag(lang: Lang, handover: Option<&Handover>) -> (&'static str, String) {
    match handover {
        None => ("tag late", t(lang, "software-code-not-handed-over")),
        Some(handover) => match &handover.verified {
            Some(_) => ("tag", t(lang, "software-code-verified")),
            None => ("tag", t(lang, "software-code-handed-over")),
        },
    }
}

struct SystemLine {
    href: String,
    name: String,
    owner: String,
    hosting: String,
    data: String,
    code: (&'static str, String),
    /// The soonest renewal's lapse date and standing.
    next_renewal: Option<(String, (&'static str, String))>,
}

fn data_words(lang: Lang, software: &Software) -> String {
    let class = t(lang, &software.data_class.message_key());
    if software.personal_data {
        format!("{class} · {}", t(lang, "software-personal-data"))
    } else {
        class
    }
}

fn system_line(
    lang: Lang,
    row: &SoftwareRow,
    (renewals, today): (&[RenewalRow], NaiveDate),
) -> SystemLine {
    let software = &row.software;
    SystemLine {
        next_renewal: renewals
            .iter()
            .find(|renewal| renewal.software_id == row.id)
            .map(|renewal| {
                (
                    format::date(lang, renewal.renewal.expires_on),
                    standing_tag(lang, renewal, today),
                )
            }),
        href: format!("/software/{}", row.id),
        name: software.name.get(lang).to_owned(),
        owner: software.owner.clone(),
        hosting: t(lang, &software.hosting.message_key()),
        data: data_words(lang, software),
        code: custody_tag(lang, row.handover.as_ref()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "register/software/list.html")]
pub(crate) struct ListPage {
    l: Layout,
    heading: String,
    office_href: String,
    lines: Vec<SystemLine>,
    /// The register as XLSX and as CSV.
    exports: (String, String),
    csrf: Option<String>,
    form: Option<SoftwareForm>,
}

fn list_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    register: &SoftwareRegister,
    refused: Refused<'_, SoftwareFields>,
) -> ListPage {
    let key = &register.office.key;
    let href = format!("/offices/{}/software", encode_component(key));
    ListPage {
        l: Layout::of_member(
            &state.app,
            lang,
            member,
            t(lang, "software-title"),
            "",
            &href,
        ),
        heading: t_args(
            lang,
            "software-heading",
            &[("office", register.office.name.get(lang).to_owned())],
        ),
        office_href: format!("/offices/{}", encode_component(key)),
        exports: (format!("{href}/export.xlsx"), format!("{href}/export.csv")),
        lines: register
            .systems
            .iter()
            .map(|row| system_line(lang, row, (&register.renewals, state.app.today())))
            .collect(),
        csrf: register.can_manage.then(|| member.0.csrf_token.clone()),
        form: register.can_manage.then(|| {
            let (typed, errors) = refused.map_or_else(
                || (SoftwareFields::default(), None),
                |(typed, errors)| (typed.clone(), Some(errors)),
            );
            software_form(lang, href, typed, errors)
        }),
    }
}

/// `GET /offices/{key}/software`: the office's register.
pub(crate) async fn list(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
) -> Result<ListPage, PageError> {
    let register = state.app.software_register(&member.0, &key).await?;
    Ok(list_page(&state, lang, &member, &register, None))
}

/// The register as a table file.
async fn export(
    state: &AppState,
    member: &Member,
    key: &str,
    format: TableFormat,
) -> Result<Response, PageError> {
    let bytes = state.app.export_software(&member.0, key, format).await?;
    Ok(download::table(format, &format!("software-{key}"), bytes))
}

/// `GET /offices/{key}/software/export.xlsx`.
pub(crate) async fn export_xlsx(
    State(state): State<AppState>,
    member: Member,
    Path(key): Path<String>,
) -> Result<Response, PageError> {
    export(&state, &member, &key, TableFormat::Xlsx).await
}

/// `GET /offices/{key}/software/export.csv`.
pub(crate) async fn export_csv(
    State(state): State<AppState>,
    member: Member,
    Path(key): Path<String>,
) -> Result<Response, PageError> {
    export(&state, &member, &key, TableFormat::Csv).await
}

/// `POST /offices/{key}/software`: registers a system, then opens its page.
pub(crate) async fn add(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Posted(member, fields): Posted<SoftwareFields>,
) -> Result<Response, PageError> {
    match state.app.add_software(&member.0, &key, &fields).await {
        Ok(id) => Ok(Redirect::to(&format!("/software/{id}?done=added")).into_response()),
        Err(error) => {
            rejected(lang, error, async |errors| {
                let register = state.app.software_register(&member.0, &key).await?;
                Ok(list_page(
                    &state,
                    lang,
                    &member,
                    &register,
                    Some((&fields, errors)),
                ))
            })
            .await
        }
    }
}

/// The handover form.
pub(crate) struct HandoverForm {
    action: String,
    open: bool,
    errors: Vec<(String, String)>,
    values: HandoverFields,
    custodies: Vec<Choice>,
}

impl FieldErrors for HandoverForm {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "register/software/show.html")]
pub(crate) struct ShowPage {
    l: Layout,
    heading: String,
    register_href: String,
    notice: Option<String>,
    particulars: Vec<(String, String)>,
    code: (&'static str, String),
    handover: Vec<(String, String)>,
    renewals: RenewalSection,
    certifications: CertificationSection,
    csrf: Option<String>,
    form: Option<SoftwareForm>,
    handover_form: Option<HandoverForm>,
}

/// A form of the system's page refused.
pub(crate) enum ShowRefused<'a> {
    Details(&'a SoftwareFields, Vec<(String, String)>),
    Handover(&'a HandoverFields, Vec<(String, String)>),
    Renewal(&'a RenewalFields, Vec<(String, String)>),
    /// Recording this renewal renewed.
    Renew(i32, &'a RenewedFields, Vec<(String, String)>),
    Certification(&'a CertificationFields, Vec<(String, String)>),
    /// Adding a finding to this test.
    Finding(i32, &'a FindingFields, Vec<(String, String)>),
    /// Closing this finding.
    Closure(i32, &'a ClosureFields, Vec<(String, String)>),
}

fn typed_software(lang: Lang, software: &Software) -> SoftwareFields {
    SoftwareFields {
        name_bn: software.name.bn.clone(),
        name_en: software.name.en.clone(),
        purpose: software.purpose.clone(),
        owner: software.owner.clone(),
        vendor: software.vendor.clone(),
        hosting: software.hosting.code().to_owned(),
        url: software.url.clone(),
        users: software
            .users
            .map(|users| format::digits(lang, &users.to_string()))
            .unwrap_or_default(),
        personal_data: software.personal_data.then(|| "1".to_owned()),
        data_class: software.data_class.code().to_owned(),
    }
}

fn handover_lines(lang: Lang, handover: &Handover) -> Vec<(String, String)> {
    [
        ("software-custody", t(lang, &handover.custody.message_key())),
        (
            "software-handed-over-on",
            format::date_both(lang, handover.handed_over_on),
        ),
        ("software-location", handover.location.clone()),
        ("software-version", handover.version.clone()),
        (
            "software-verified",
            handover.verified.as_ref().map_or_else(
                || t(lang, "software-not-verified"),
                |(by, on)| format!("{by}, {}", format::date(lang, *on)),
            ),
        ),
    ]
    .into_iter()
    .map(|(key, text)| (t(lang, key), text))
    .collect()
}

fn show_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    detail: &SoftwareDetail,
    (notice, refused): (Option<String>, Option<ShowRefused<'_>>),
) -> ShowPage {
    let row = &detail.row;
    let software = &row.software;
    let href = format!("/software/{}", row.id);
    let today = state.app.today();
    let renewals = renewal_section(
        lang,
        (row.id, &detail.renewals),
        (today, detail.can_manage),
        refused.as_ref(),
    );
    let certifications = certification_section(lang, detail, today, refused.as_ref());
    let (details_refused, handover_refused) = match refused {
        Some(ShowRefused::Details(typed, errors)) => (Some((typed, errors)), None),
        Some(ShowRefused::Handover(typed, errors)) => (None, Some((typed, errors))),
        _ => (None, None),
    };
    ShowPage {
        l: Layout::of_member(
            &state.app,
            lang,
            member,
            software.name.get(lang).to_owned(),
            "",
            &href,
        ),
        heading: software.name.get(lang).to_owned(),
        register_href: format!("/offices/{}/software", encode_component(&detail.office.key)),
        notice,
        particulars: [
            ("software-purpose", or_dash(&software.purpose)),
            ("software-owner", software.owner.clone()),
            ("software-vendor", or_dash(&software.vendor)),
            ("software-hosting", t(lang, &software.hosting.message_key())),
            ("software-url", or_dash(&software.url)),
            (
                "software-users",
                software.users.map_or_else(
                    || or_dash(""),
                    |users| format::number(lang, i64::from(users)),
                ),
            ),
            ("software-data", data_words(lang, software)),
        ]
        .into_iter()
        .map(|(key, text)| (t(lang, key), text))
        .collect(),
        code: custody_tag(lang, row.handover.as_ref()),
        handover: row
            .handover
            .as_ref()
            .map(|handover| handover_lines(lang, handover))
            .unwrap_or_default(),
        renewals,
        certifications,
        csrf: detail.can_manage.then(|| member.0.csrf_token.clone()),
        form: detail.can_manage.then(|| {
            let (typed, errors) = details_refused.map_or_else(
                || (typed_software(lang, software), None),
                |(typed, errors)| (typed.clone(), Some(errors)),
            );
            software_form(lang, href.clone(), typed, errors)
        }),
        handover_form: detail.can_manage.then(|| {
            let (values, errors) = handover_refused.map_or_else(
                || (HandoverFields::default(), None),
                |(typed, errors)| (typed.clone(), Some(errors)),
            );
            HandoverForm {
                action: format!("{href}/handover"),
                open: errors.is_some(),
                errors: errors.unwrap_or_default(),
                custodies: with_none(listed(lang, &values.custody, Custody::message_key)),
                values,
            }
        }),
    }
}

/// `GET /software/{id}`: a system's page.
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(id): Path<i32>,
    Query(query): Query<DoneQuery>,
) -> Result<ShowPage, PageError> {
    let detail = state.app.software_detail(&member.0, id).await?;
    let notice = match query.done.as_deref() {
        Some("added") => Some(t(lang, "software-done-added")),
        Some("saved") => Some(t(lang, "software-done-saved")),
        Some("renewal-added") => Some(t(lang, "renewal-done-added")),
        Some("renewed") => Some(t(lang, "renewal-done-renewed")),
        Some("renewal-removed") => Some(t(lang, "renewal-done-removed")),
        Some("certified") => Some(t(lang, "certification-done-added")),
        Some("finding-added") => Some(t(lang, "finding-done-added")),
        Some("finding-closed") => Some(t(lang, "finding-done-closed")),
        _ => None,
    };
    Ok(show_page(&state, lang, &member, &detail, (notice, None)))
}

/// The system's page again with a refused form.
pub(crate) async fn refused_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    id: i32,
    refused: Option<ShowRefused<'_>>,
) -> Result<ShowPage, PageError> {
    let detail = state.app.software_detail(&member.0, id).await?;
    Ok(show_page(state, lang, member, &detail, (None, refused)))
}

/// `POST /software/{id}`: corrects a system's details.
pub(crate) async fn save(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, fields): Posted<SoftwareFields>,
) -> Result<Response, PageError> {
    let outcome = state.app.save_software(&member.0, id, &fields).await;
    saved_or_rejected(lang, outcome, &done_to(id, "saved"), async |errors| {
        let refused = ShowRefused::Details(&fields, errors);
        refused_page(&state, lang, &member, id, Some(refused)).await
    })
    .await
}

/// `POST /software/{id}/handover`: records the handover of its source code.
pub(crate) async fn handover(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, fields): Posted<HandoverFields>,
) -> Result<Response, PageError> {
    let outcome = state.app.record_handover(&member.0, id, &fields).await;
    saved_or_rejected(lang, outcome, &done_to(id, "saved"), async |errors| {
        let refused = ShowRefused::Handover(&fields, errors);
        refused_page(&state, lang, &member, id, Some(refused)).await
    })
    .await
}

/// A system's page after one of its forms was saved, saying what was done.
pub(crate) fn done_to(id: i32, done: &str) -> String {
    format!("/software/{id}?done={done}")
}
