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
use udbhabon_core::{Error, OfficeRow, TableFormat};
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
use crate::layout::{Layout, encode_component};
use crate::state::AppState;
use crate::upload::line_problems;

#[derive(Template, WebTemplate)]
#[template(path = "admin/offices/list.html")]
pub(crate) struct OfficesPage {
    l: Layout,
    csrf: String,
    /// The offices above the level shown, the topmost first: (link, name).
    trail: Vec<(String, String)>,
    /// The office whose level is shown (its key), where a new office goes by default.
    under: String,
    /// The search typed, and whether the list is its result.
    query: String,
    searched: bool,
    offices: Vec<OfficeLine>,
    /// The offices a unit may be added to: the level's office and those listed, (id, name).
    office_choices: Vec<(i32, String)>,
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
    /// The level below it, when it has offices below: (link, label).
    below: Option<(String, String)>,
}

/// Which part of the tree the page shows: the level under an office (the top by default), or the
/// offices a search finds.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct TreeQuery {
    #[serde(default)]
    under: String,
    #[serde(default)]
    q: String,
}

impl TreeQuery {
    fn under(&self) -> Option<&str> {
        Some(self.under.trim()).filter(|key| !key.is_empty())
    }

    /// The page of the level under an office.
    fn level_href(key: &str) -> String {
        format!("/admin/offices?under={}", encode_component(key))
    }
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
    /// The level the form was sent from, to return to.
    #[serde(default)]
    under: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct NewUnitForm {
    office: i32,
    /// The level the form was sent from, to return to.
    #[serde(default)]
    under: String,
    key: String,
    level: String,
    name_bn: String,
    name_en: String,
    #[serde(default)]
    memo_code: String,
}

fn office_line(lang: Lang, office: &OfficeRow, depth: usize, children: u64) -> OfficeLine {
    OfficeLine {
        name: office.name.get(lang).to_owned(),
        key: office.key.clone(),
        kind: t(lang, &office.kind.message_key()),
        depth,
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
        below: (children > 0).then(|| {
            (
                TreeQuery::level_href(&office.key),
                t_args(
                    lang,
                    "offices-below",
                    &[(
                        "count",
                        format::number(lang, i64::try_from(children).unwrap_or(i64::MAX)),
                    )],
                ),
            )
        }),
    }
}

async fn page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    view: &TreeQuery,
    (notice, errors): (Option<String>, Vec<(String, String)>),
) -> Result<OfficesPage, PageError> {
    state.app.require_administrator(&member.0).await?;
    let level = state.app.office_level(view.under()).await?;
    let query = view.q.trim();
    let (offices, listed): (Vec<OfficeLine>, Vec<&OfficeRow>);
    let found;
    if query.is_empty() {
        offices = level
            .nodes
            .iter()
            .map(|node| office_line(lang, &node.office, node.depth, node.children))
            .collect();
        listed = level
            .nodes
            .iter()
            .filter(|node| node.depth == 0)
            .map(|node| &node.office)
            .collect();
    } else {
        found = state.app.find_offices(&member.0, query).await?;
        offices = found
            .iter()
            .map(|office| office_line(lang, office, 0, 0))
            .map(|line| OfficeLine {
                below: Some((
                    TreeQuery::level_href(&line.key),
                    t(lang, "admin-offices-open"),
                )),
                ..line
            })
            .collect();
        listed = found.iter().collect();
    }
    let mut trail = vec![("/admin/offices".to_owned(), t(lang, "offices-top"))];
    trail.extend(level.ancestors.iter().chain(&level.office).map(|office| {
        (
            TreeQuery::level_href(&office.key),
            office.name.get(lang).to_owned(),
        )
    }));
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
        trail,
        under: level
            .office
            .as_ref()
            .map(|office| office.key.clone())
            .unwrap_or_default(),
        query: query.to_owned(),
        searched: !query.is_empty(),
        office_choices: level
            .office
            .iter()
            .chain(listed)
            .map(|office| (office.id, office.name.get(lang).to_owned()))
            .collect(),
        offices,
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
    under: String,
    error: Error,
) -> Result<Response, PageError> {
    let view = TreeQuery {
        under,
        q: String::new(),
    };
    rejected(lang, error, |errors| {
        page(state, lang, member, &view, (None, errors))
    })
    .await
}

/// Where a form returns to: the level it was sent from.
fn back_to(under: &str) -> Response {
    let href = match under.trim() {
        "" => "/admin/offices".to_owned(),
        key => TreeQuery::level_href(key),
    };
    Redirect::to(&href).into_response()
}

/// `GET /admin/offices[?under=KEY][&q=TEXT]`: a level of the tree (the top by default), or the
/// offices a search finds.
pub(crate) async fn list(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Query(view): Query<TreeQuery>,
) -> Result<OfficesPage, PageError> {
    page(&state, lang, &member, &view, (None, Vec::new())).await
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
        Ok(_) => Ok(back_to(&form.under)),
        Err(error) => refused(&state, lang, &member, form.under, error).await,
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
        Ok(_) => Ok(back_to(&form.under)),
        Err(error) => refused(&state, lang, &member, form.under, error).await,
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
            let view = TreeQuery::default();
            Ok(
                page(&state, lang, &member, &view, (Some(notice), Vec::new()))
                    .await?
                    .into_response(),
            )
        }
        ImportOutcome::Rejected { problems } => {
            let errors = line_problems(lang, problems);
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                page(&state, lang, &member, &TreeQuery::default(), (None, errors)).await?,
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
