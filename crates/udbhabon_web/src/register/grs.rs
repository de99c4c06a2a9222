//! An office's grievance redress page (`/offices/KEY/grs`): the grievance and appeal officers it names,
//! with the form that names them, the working days each has, the monthly GRS returns it sent (also as
//! XLSX or CSV) and the boards of those it asks.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::Response;
use udbhabon_core::TableFormat;
use udbhabon_core::collection::board::share_text;
use udbhabon_core::register::grs::GrsReturn;
use udbhabon_domain::collection::counts::GRS;
use udbhabon_domain::register::officer::{Duty, OfficerFields};
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Member, Posted};
use crate::download;
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::form::{DoneQuery, FieldErrors};
use crate::lang::ReaderLang;
use crate::layout::{Layout, encode_component};
use crate::register::officer::{
    OfficerSection, RefusedOfficer, RoleForm, name_officer, officer_section, take_off_officer,
};
use crate::state::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "register/grs.html")]
pub(crate) struct GrsPage {
    l: Layout,
    heading: String,
    office_href: String,
    charter_href: String,
    /// The working days of each officer, and where they are stated.
    limits: String,
    notice: Option<String>,
    csrf: Option<String>,
    officers: OfficerSection,
    /// The returns' columns: each count, the share settled in time, the return's status.
    columns: Vec<String>,
    returns: Vec<ReturnLine>,
    /// Every return sent, as XLSX and as CSV.
    exports: (String, String),
    /// (subject, board) of each GRS return the office asks of others.
    asked: Vec<(String, String)>,
}

/// One monthly return as the page lists it.
struct ReturnLine {
    month: String,
    /// Each count, then the share and the status, under `columns`.
    cells: Vec<String>,
}

fn return_line(lang: Lang, sent: &GrsReturn) -> ReturnLine {
    let counts = GRS
        .in_order(&sent.counts)
        .map(|(_, value)| format::number(lang, i64::from(value)));
    let share = GRS
        .share([&sent.counts])
        .map_or_else(|| "—".to_owned(), |share| share_text(lang, share));
    ReturnLine {
        month: format::month_year(lang, sent.period.starts_on),
        cells: counts
            .chain([share, t(lang, &sent.status.message_key())])
            .collect(),
    }
}

async fn grs_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    (key, done): (&str, Option<&str>),
    refused: Option<RefusedOfficer<'_>>,
) -> Result<GrsPage, PageError> {
    let register = state.app.grs_register(&member.0, key).await?;
    let days = |value: u32| format::number(lang, i64::from(value));
    let office_href = format!("/offices/{}", encode_component(key));
    Ok(GrsPage {
        l: Layout::of_member(
            &state.app,
            lang,
            member,
            t(lang, "grs-title"),
            "",
            &format!("{office_href}/grs"),
        ),
        heading: t_args(
            lang,
            "grs-heading",
            &[("office", register.office.name.get(lang).to_owned())],
        ),
        charter_href: format!("{office_href}/charter"),
        office_href,
        limits: t_args(
            lang,
            if register.charter_published {
                "grs-limits-charter"
            } else {
                "grs-limits-guideline"
            },
            &[
                ("officer", days(register.limits.officer_days)),
                ("appeal", days(register.limits.appeal_days)),
            ],
        ),
        notice: (done == Some("officers")).then(|| t(lang, "officers-saved")),
        csrf: register
            .posts
            .is_some()
            .then(|| member.0.csrf_token.clone()),
        officers: officer_section(
            lang,
            (key, Duty::Grs),
            &register.officers,
            register.posts.as_deref(),
            refused,
        ),
        columns: GRS
            .names
            .iter()
            .map(|name| GRS.label_key(name))
            .chain([GRS.share_key(), "board-standing".to_owned()])
            .map(|key| t(lang, &key))
            .collect(),
        returns: register
            .returns
            .iter()
            .map(|sent| return_line(lang, sent))
            .collect(),
        exports: (
            format!("/offices/{}/grs/export.xlsx", encode_component(key)),
            format!("/offices/{}/grs/export.csv", encode_component(key)),
        ),
        asked: register
            .asked
            .iter()
            .map(|collection| {
                (
                    collection.title.get(lang).to_owned(),
                    format!("/collections/{}", encode_component(&collection.key)),
                )
            })
            .collect(),
    })
}

/// The office's returns as a table file.
async fn export(
    state: &AppState,
    member: &Member,
    key: &str,
    format: TableFormat,
) -> Result<Response, PageError> {
    let bytes = state.app.export_grs(&member.0, key, format).await?;
    Ok(download::table(format, &format!("grs-{key}"), bytes))
}

/// `GET /offices/{key}/grs/export.xlsx`.
pub(crate) async fn export_xlsx(
    State(state): State<AppState>,
    member: Member,
    Path(key): Path<String>,
) -> Result<Response, PageError> {
    export(&state, &member, &key, TableFormat::Xlsx).await
}

/// `GET /offices/{key}/grs/export.csv`.
pub(crate) async fn export_csv(
    State(state): State<AppState>,
    member: Member,
    Path(key): Path<String>,
) -> Result<Response, PageError> {
    export(&state, &member, &key, TableFormat::Csv).await
}

/// `GET /offices/{key}/grs`: the office's grievance redress.
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
    Query(query): Query<DoneQuery>,
) -> Result<GrsPage, PageError> {
    grs_page(&state, lang, &member, (&key, query.done.as_deref()), None).await
}

/// `POST /offices/{key}/grs/officers`: names the post that holds a grievance redress role.
pub(crate) async fn set_officer(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Posted(member, fields): Posted<OfficerFields>,
) -> Result<Response, PageError> {
    let reader = (&state, lang, &member);
    name_officer(reader, (&key, Duty::Grs), &fields, async |errors| {
        grs_page(&state, lang, &member, (&key, None), Some((&fields, errors))).await
    })
    .await
}

/// `POST /offices/{key}/grs/officers/remove`: takes a grievance redress role off.
pub(crate) async fn remove_officer(
    State(state): State<AppState>,
    Path(key): Path<String>,
    Posted(member, form): Posted<RoleForm>,
) -> Result<Response, PageError> {
    take_off_officer(&state, (&key, Duty::Grs), &member, &form).await
}
