//! The office tree page: every office with its kind and units.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use udbhabon_i18n::{format, t, t_args};

use crate::auth::Visitor;
use crate::error::PageError;
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::state::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "office/list.html")]
pub(crate) struct OfficeListPage {
    l: Layout,
    offices: Vec<OfficeItem>,
}

struct OfficeItem {
    name: String,
    kind: String,
    /// Nesting depth, for indentation.
    depth: usize,
    short_name: Option<String>,
    memo_code: Option<String>,
    website: Option<String>,
    units_heading: String,
    units: Vec<(String, String)>,
}

pub(crate) async fn list(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
) -> Result<OfficeListPage, PageError> {
    let tree = state
        .app
        .office_tree()
        .await
        .map_err(|error| PageError::new(lang, error))?;
    let offices = tree
        .into_iter()
        .map(|node| OfficeItem {
            name: node.office.name.get(lang).to_owned(),
            kind: t(lang, &node.office.kind.message_key()),
            depth: node.office.depth.min(4),
            short_name: node.office.short_name_en.clone(),
            memo_code: node.office.memo_code.as_deref().map(|code| {
                t_args(
                    lang,
                    "offices-memo-code",
                    &[("code", format::digits(lang, code))],
                )
            }),
            website: node.office.website.clone(),
            units_heading: t_args(
                lang,
                "offices-units",
                &[("count", format::number(lang, node.units.len() as i64))],
            ),
            units: node
                .units
                .iter()
                .map(|unit| {
                    (
                        unit.name.get(lang).to_owned(),
                        t(lang, &unit.level.message_key()),
                    )
                })
                .collect(),
        })
        .collect();
    Ok(OfficeListPage {
        l: Layout::new(
            lang,
            &visitor,
            t(lang, "offices-title"),
            "offices",
            "/offices",
            state.app.today(),
        ),
        offices,
    })
}
