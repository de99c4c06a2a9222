//! Sections of an office's public pages for the office's own website to frame: the same pages
//! without this site's header and navigation, always as the public sees them (a frame on another site
//! must never show a signed-in reader's drafts or forms), in the language the frame's address asks
//! for, with links that open here in the whole window; and the page that tells an office's web team
//! how to frame them.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use udbhabon_i18n::{Lang, t, t_args};

use crate::auth::Visitor;
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::form::DoneQuery;
use crate::innovation::showcase::{self, ShowcaseQuery};
use crate::lang::ReaderLang;
use crate::layout::{Layout, encode_component};
use crate::office;
use crate::portal::{bulletin, charter, service};
use crate::security::framable;
use crate::state::AppState;

/// The sections an office may frame, by the name their address carries.
const SECTIONS: [(&str, &str); 5] = [
    ("office", "embed-section-office"),
    ("charter", "charter-title"),
    ("services", "digital-service-link"),
    ("notices", "bulletin-link"),
    ("innovations", "office-innovation-corner"),
];

#[derive(Debug, Deserialize)]
pub(crate) struct EmbedQuery {
    /// `bn` or `en`: a frame on another site carries no cookie, so its address names the language.
    lang: Option<String>,
}

/// `GET /offices/{key}/embed/{section}`: a section framed by the office's website.
pub(crate) async fn section(
    State(state): State<AppState>,
    ReaderLang(reader): ReaderLang,
    Path((key, section)): Path<(String, String)>,
    Query(query): Query<EmbedQuery>,
) -> Result<Response, PageError> {
    let lang = ReaderLang(
        query
            .lang
            .as_deref()
            .and_then(Lang::from_tag)
            .unwrap_or(reader),
    );
    let public = Visitor(None);
    let page = match section.as_str() {
        "office" => {
            let mut page = office::show(State(state), lang, public, Path(key)).await?;
            page.l.embed();
            page.into_response()
        }
        "charter" => {
            let edition = Query(charter::EditionQuery::default());
            let mut page = charter::show(State(state), lang, public, Path(key), edition).await?;
            page.l.embed();
            page.into_response()
        }
        "services" => {
            let done = Query(DoneQuery::default());
            let mut page = service::list(State(state), lang, public, Path(key), done).await?;
            page.l.embed();
            page.into_response()
        }
        "notices" => {
            let mut page = bulletin::show(State(state), lang, public, Path(key)).await?;
            page.l.embed();
            page.into_response()
        }
        "innovations" => {
            let filter = Query(ShowcaseQuery::of_office(key));
            let mut page = showcase::list(State(state), lang, public, filter).await?;
            page.l.embed();
            page.into_response()
        }
        _ => return Err(PageError::not_found()),
    };
    Ok(framable(page))
}

#[derive(Template, WebTemplate)]
#[template(path = "portal/embed.html")]
pub(crate) struct EmbedGuidePage {
    l: Layout,
    heading: String,
    office_href: String,
    /// Each section: its name, its address in this language, and the frame to paste.
    sections: Vec<(String, String, String)>,
}

/// `GET /offices/{key}/embed`: how an office's website frames its sections, with the code to paste.
pub(crate) async fn guide(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    Path(key): Path<String>,
) -> Result<EmbedGuidePage, PageError> {
    let office = state.app.office_for(None, Some(&key)).await?;
    let office_key = encode_component(&office.key);
    let heading = t_args(
        lang,
        "embed-title",
        &[("office", office.name.get(lang).to_owned())],
    );
    let site = state.app.public_url().trim_end_matches('/').to_owned();
    let sections = SECTIONS
        .iter()
        .map(|(section, label)| {
            let name = t(lang, label);
            let href = format!("/offices/{office_key}/embed/{section}?lang={}", lang.tag());
            let frame = format!(
                "<iframe src=\"{site}{href}\" title=\"{}\" width=\"100%\" height=\"800\" loading=\"lazy\" style=\"border:0\"></iframe>",
                name.replace('"', "&quot;")
            );
            (name, href, frame)
        })
        .collect();
    Ok(EmbedGuidePage {
        l: Layout::new(
            lang,
            &visitor,
            heading.clone(),
            "offices",
            &format!("/offices/{office_key}/embed"),
            state.app.today(),
        ),
        heading,
        office_href: format!("/offices/{office_key}"),
        sections,
    })
}
