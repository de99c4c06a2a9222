//! The innovation database as a spreadsheet: an office's sheet downloaded, and the page that imports a
//! sheet for the office, reporting every problem by line and column when it imports nothing.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use udbhabon_core::innovation::table::{INNOVATION_COLUMNS, InnovationImport};
use udbhabon_core::{OfficeRow, TableFormat};
use udbhabon_i18n::{Lang, format, t_args};

use crate::auth::{Member, PostedUpload};
use crate::download;
use crate::error::PageError;
use crate::extract::Path;
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::state::AppState;
use crate::upload::line_problems;

/// `GET /offices/{key}/innovations.xlsx`: the office's innovations and those below it.
pub(crate) async fn export(
    State(state): State<AppState>,
    member: Member,
    Path(key): Path<String>,
) -> Result<Response, PageError> {
    let (office, bytes) = state.app.export_innovations(&member.0, &key).await?;
    Ok(download::table(
        TableFormat::Xlsx,
        &format!("innovations-{}", office.key),
        bytes,
    ))
}

#[derive(Template, WebTemplate)]
#[template(path = "innovation/table/import.html")]
pub(crate) struct ImportPage {
    l: Layout,
    heading: String,
    action: String,
    sheet_href: String,
    list_href: String,
    csrf: String,
    columns: &'static [&'static str],
    notice: Option<String>,
    problems: Vec<(String, String)>,
}

fn import_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    office: &OfficeRow,
    (notice, problems): (Option<String>, Vec<(String, String)>),
) -> ImportPage {
    let key = &office.key;
    let heading = t_args(
        lang,
        "innovation-import-heading",
        &[("office", office.name.get(lang).to_owned())],
    );
    let path = format!("/offices/{key}/innovations/import");
    ImportPage {
        l: Layout::of_member(
            &state.app,
            lang,
            member,
            heading.clone(),
            "innovations",
            &path,
        ),
        heading,
        action: path,
        sheet_href: format!("/offices/{key}/innovations.xlsx"),
        list_href: format!("/innovations?office={key}"),
        csrf: member.0.csrf_token.clone(),
        columns: &INNOVATION_COLUMNS,
        notice,
        problems,
    }
}

/// `GET /offices/{key}/innovations/import`.
pub(crate) async fn form(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
) -> Result<ImportPage, PageError> {
    let office = state.app.innovation_office(&member.0, &key).await?;
    Ok(import_page(
        &state,
        lang,
        &member,
        &office,
        (None, Vec::new()),
    ))
}

/// `POST /offices/{key}/innovations/import`: every line imported, or none with its problems.
pub(crate) async fn import(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    PostedUpload(member, upload): PostedUpload,
) -> Result<Response, PageError> {
    // Someone who may not record for the office is refused before the upload is read.
    let office = state.app.innovation_office(&member.0, &key).await?;
    let posted = upload.read().await?;
    let file = posted.first_file();
    let outcome = state.app.import_innovations(&member.0, &key, &file).await?;
    match outcome {
        InnovationImport::Imported(count) => {
            let notice = t_args(
                lang,
                "innovation-import-done",
                &[("count", format::number(lang, count as i64))],
            );
            let page = import_page(&state, lang, &member, &office, (Some(notice), Vec::new()));
            Ok(page.into_response())
        }
        InnovationImport::Rejected(problems) => {
            let problems = line_problems(lang, problems);
            let page = import_page(&state, lang, &member, &office, (None, problems));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
