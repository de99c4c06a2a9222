//! Administering the office tree: the offices with their codes and contacts, adding an office or a
//! unit, and importing or exporting offices as CSV.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use udbhabon_core::admin::offices::{
    ImportOutcome, OFFICE_COLUMNS, TreeTable, UNIT_COLUMNS, UnitForm,
};
use udbhabon_core::{Error, TableFormat};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::office::geo::{DISTRICTS, district_by_code};
use udbhabon_domain::office::{OfficeFields, OfficeKind, UnitFields, UnitLevel};
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Member, Posted, PostedUpload};
use crate::download;
use crate::error::PageError;
use crate::extract::Query;
use crate::form::rejected;
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::state::AppState;
use crate::upload::line_problems;

#[derive(Template, WebTemplate)]
#[template(path = "admin/offices/list.html")]
pub(crate) struct OfficesPage {
    l: Layout,
    csrf: String,
    offices: Vec<OfficeLine>,
    office_choices: Vec<(i32, String, String)>,
    kind_choices: Vec<(String, String)>,
    district_choices: Vec<(&'static str, &'static str)>,
    level_choices: Vec<(String, String)>,
    columns: String,
    unit_columns: String,
    notice: Option<String>,
    errors: Vec<(String, String)>,
}

struct OfficeLine {
    name: String,
    key: String,
    kind: String,
    depth: usize,
    details: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct NewOfficeForm {
    key: String,
    #[serde(default)]
    parent: String,
    kind: String,
    name_bn: String,
    name_en: String,
    #[serde(default)]
    short_name_en: String,
    #[serde(default)]
    memo_code: String,
    #[serde(default)]
    website: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    district: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct NewUnitForm {
    office: i32,
    key: String,
    level: String,
    name_bn: String,
    name_en: String,
    #[serde(default)]
    memo_code: String,
}

async fn page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    notice: Option<String>,
    errors: Vec<(String, String)>,
) -> Result<OfficesPage, PageError> {
    let offices = state.app.office_choices(&member.0).await?;
    Ok(OfficesPage {
        l: Layout::of_member(
            &state.app,
            lang,
            member,
            t(lang, "admin-offices-title"),
            "admin",
            "/admin/offices",
        ),
        csrf: member.0.csrf_token.clone(),
        office_choices: offices
            .iter()
            .map(|office| {
                (
                    office.id,
                    office.key.clone(),
                    office.name.get(lang).to_owned(),
                )
            })
            .collect(),
        offices: offices
            .iter()
            .map(|office| OfficeLine {
                name: office.name.get(lang).to_owned(),
                key: office.key.clone(),
                kind: t(lang, &office.kind.message_key()),
                depth: office.depth.min(4),
                details: [
                    office.memo_code.as_deref().map(|code| {
                        t_args(
                            lang,
                            "offices-memo-code",
                            &[("code", format::digits(lang, code))],
                        )
                    }),
                    office
                        .district_code
                        .as_deref()
                        .and_then(district_by_code)
                        .map(|district| district.name(lang).to_owned()),
                    office.website.clone(),
                    office.email.clone(),
                    office
                        .phone
                        .as_deref()
                        .map(|phone| format::digits(lang, phone)),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · "),
            })
            .collect(),
        kind_choices: OfficeKind::ALL
            .iter()
            .map(|kind| (kind.code().to_owned(), t(lang, &kind.message_key())))
            .collect(),
        district_choices: DISTRICTS
            .iter()
            .map(|district| (district.code, district.name(lang)))
            .collect(),
        level_choices: UnitLevel::ALL
            .iter()
            .map(|level| (level.code().to_owned(), t(lang, &level.message_key())))
            .collect(),
        columns: OFFICE_COLUMNS.join(","),
        unit_columns: UNIT_COLUMNS.join(","),
        notice,
        errors,
    })
}

/// Re-renders the page with a form's problems, or passes other failures on.
async fn refused(
    state: &AppState,
    lang: Lang,
    member: &Member,
    error: Error,
) -> Result<Response, PageError> {
    rejected(lang, error, |errors| {
        page(state, lang, member, None, errors)
    })
    .await
}

/// `GET /admin/offices`.
pub(crate) async fn list(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
) -> Result<OfficesPage, PageError> {
    page(&state, lang, &member, None, Vec::new()).await
}

/// `POST /admin/offices`: adds an office.
pub(crate) async fn create(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Posted(member, form): Posted<NewOfficeForm>,
) -> Result<Response, PageError> {
    let fields = OfficeFields {
        key: form.key,
        parent_key: form.parent,
        kind: form.kind,
        name_bn: form.name_bn,
        name_en: form.name_en,
        short_name_en: form.short_name_en,
        memo_code: form.memo_code,
        website: form.website,
        email: form.email,
        phone: form.phone,
        district: form.district,
    };
    match state.app.create_office(&member.0, &fields).await {
        Ok(_) => Ok(Redirect::to("/admin/offices").into_response()),
        Err(error) => refused(&state, lang, &member, error).await,
    }
}

/// `POST /admin/units`: adds a unit to an office.
pub(crate) async fn create_unit(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Posted(member, form): Posted<NewUnitForm>,
) -> Result<Response, PageError> {
    let request = UnitForm {
        office_id: form.office,
        fields: UnitFields {
            key: form.key,
            parent_key: String::new(),
            level: form.level,
            name_bn: form.name_bn,
            name_en: form.name_en,
            memo_code: form.memo_code,
        },
    };
    match state.app.create_unit(&member.0, request).await {
        Ok(_) => Ok(Redirect::to("/offices").into_response()),
        Err(error) => refused(&state, lang, &member, error).await,
    }
}

/// `POST /admin/offices/import`: a CSV file of offices; all are imported, or none with a report per line.
pub(crate) async fn import(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    PostedUpload(member, upload): PostedUpload,
) -> Result<Response, PageError> {
    // Someone who may not import is refused before the upload is read.
    state.app.require_administrator(&member.0).await?;
    let posted = upload.read().await?;
    let file = posted.first_file();
    match state.app.import_tree(&member.0, &file).await? {
        ImportOutcome::Imported { table, rows } => {
            let key = match table {
                TreeTable::Offices => "admin-import-done",
                TreeTable::Units => "admin-import-units-done",
            };
            let notice = t_args(lang, key, &[("count", format::number(lang, rows as i64))]);
            Ok(page(&state, lang, &member, Some(notice), Vec::new())
                .await?
                .into_response())
        }
        ImportOutcome::Rejected { problems } => {
            let errors = line_problems(lang, problems);
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                page(&state, lang, &member, None, errors).await?,
            )
                .into_response())
        }
    }
}

/// Which table an export sends: `?table=units` for the units, the offices otherwise.
#[derive(Debug, Deserialize)]
pub(crate) struct ExportQuery {
    #[serde(default)]
    table: String,
}

/// Sends every office, or every unit, as a file of `format`.
async fn export(
    state: &AppState,
    member: &Member,
    format: TableFormat,
    query: &ExportQuery,
) -> Result<Response, PageError> {
    let (bytes, stem) = if query.table == "units" {
        (state.app.export_units(&member.0, format).await, "units")
    } else {
        (state.app.export_offices(&member.0, format).await, "offices")
    };
    let bytes = bytes?;
    Ok(download::table(format, stem, bytes))
}

/// `GET /admin/offices/export.csv[?table=units]`.
pub(crate) async fn export_csv(
    State(state): State<AppState>,
    member: Member,
    Query(query): Query<ExportQuery>,
) -> Result<Response, PageError> {
    export(&state, &member, TableFormat::Csv, &query).await
}

/// `GET /admin/offices/export.xlsx[?table=units]`.
pub(crate) async fn export_xlsx(
    State(state): State<AppState>,
    member: Member,
    Query(query): Query<ExportQuery>,
) -> Result<Response, PageError> {
    export(&state, &member, TableFormat::Xlsx, &query).await
}
