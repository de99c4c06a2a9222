//! The office tree page, browsed two levels at a time: the offices below one office (or below the
//! top), each with its kind, codes and units, and a way down to the offices below them and back up;
//! and an office's own page.

pub(crate) mod memo;
pub(crate) mod summary;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use serde::Deserialize;
use udbhabon_core::office::OfficeNode;
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::Visitor;
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::lang::ReaderLang;
use crate::layout::{Layout, encode_component};
use crate::office::summary::{SummaryCards, cards};
use crate::state::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "office/list.html")]
pub(crate) struct OfficeListPage {
    l: Layout,
    heading: String,
    /// The way back up: (link, name), the top of the tree first.
    trail: Vec<(String, String)>,
    offices: Vec<OfficeItem>,
}

struct OfficeItem {
    href: String,
    name: String,
    kind: String,
    /// 0 for the level shown, 1 for the offices directly below them.
    depth: usize,
    short_name: Option<String>,
    memo_code: Option<String>,
    website: Option<String>,
    units_heading: String,
    units: Vec<(String, String)>,
    /// "12 offices below" and the link that shows them, for an office with offices below it.
    below: Option<(String, String)>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct UnderQuery {
    under: Option<String>,
}

fn item(lang: Lang, node: &OfficeNode) -> OfficeItem {
    let office = &node.office;
    OfficeItem {
        href: format!("/offices/{}", encode_component(&office.key)),
        name: office.name.get(lang).to_owned(),
        kind: t(lang, &office.kind.message_key()),
        depth: node.depth,
        short_name: office.short_name_en.clone(),
        memo_code: office.memo_code.as_deref().map(|code| {
            t_args(
                lang,
                "offices-memo-code",
                &[("code", format::digits(lang, code))],
            )
        }),
        website: office.website.clone(),
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
        below: (node.children > 0).then(|| {
            (
                t_args(
                    lang,
                    "offices-below",
                    &[("count", format::number(lang, node.children as i64))],
                ),
                format!("/offices?under={}", encode_component(&office.key)),
            )
        }),
    }
}

/// `GET /offices?under=KEY`.
pub(crate) async fn list(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    Query(query): Query<UnderQuery>,
) -> Result<OfficeListPage, PageError> {
    let under = query
        .under
        .as_deref()
        .map(str::trim)
        .filter(|key| !key.is_empty());
    let level = state.app.office_level(under).await?;
    let heading = match &level.office {
        Some(office) => t_args(
            lang,
            "offices-under-title",
            &[("office", office.name.get(lang).to_owned())],
        ),
        None => t(lang, "offices-title"),
    };
    let mut trail = Vec::new();
    if level.office.is_some() {
        trail.push(("/offices".to_owned(), t(lang, "offices-top")));
        trail.extend(level.ancestors.iter().map(|office| {
            (
                format!("/offices?under={}", encode_component(&office.key)),
                office.name.get(lang).to_owned(),
            )
        }));
    }
    let path = match under {
        Some(key) => format!("/offices?under={}", encode_component(key)),
        None => "/offices".to_owned(),
    };
    Ok(OfficeListPage {
        l: Layout::new(
            lang,
            &visitor,
            heading.clone(),
            "offices",
            &path,
            state.app.today(),
        ),
        heading,
        trail,
        offices: level.nodes.iter().map(|node| item(lang, node)).collect(),
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "office/show.html")]
pub(crate) struct OfficePage {
    pub(crate) l: Layout,
    /// The offices above, the topmost first: (link, name).
    trail: Vec<(String, String)>,
    short_name: Option<String>,
    /// The office's published contacts: (label, text, link).
    contacts: Vec<(String, String, Option<String>)>,
    cards: SummaryCards,
}

/// `GET /offices/{key}`: an office's page, open to everyone; those who keep the office's team start
/// its office order here.
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    Path(key): Path<String>,
) -> Result<OfficePage, PageError> {
    let summary = state.app.office_summary(visitor.0.as_ref(), &key).await?;
    let office = &summary.office;
    let mut contacts = Vec::new();
    if let Some(site) = &office.website {
        let href = if site.starts_with("http://") || site.starts_with("https://") {
            site.clone()
        } else {
            format!("https://{site}")
        };
        contacts.push((t(lang, "office-website"), site.clone(), Some(href)));
    }
    if let Some(email) = &office.email {
        contacts.push((
            t(lang, "office-email"),
            email.clone(),
            Some(format!("mailto:{email}")),
        ));
    }
    if let Some(phone) = &office.phone {
        contacts.push((t(lang, "office-phone"), format::digits(lang, phone), None));
    }
    let cards = cards(lang, visitor.0.as_ref(), &summary);
    Ok(OfficePage {
        l: Layout::new(
            lang,
            &visitor,
            cards.name.clone(),
            "offices",
            &cards.office_href,
            state.app.today(),
        ),
        trail: summary
            .ancestors
            .iter()
            .map(|office| {
                (
                    format!("/offices/{}", encode_component(&office.key)),
                    office.name.get(lang).to_owned(),
                )
            })
            .collect(),
        short_name: office.short_name_en.clone(),
        contacts,
        cards,
    })
}
