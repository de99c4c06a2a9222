//! Showcase pages: the public list of chosen innovations by office and kind with the years' award
//! winners, one innovation's public page, its one-page PDF, and the team's choice of what goes on the
//! showcase.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use udbhabon_core::innovation::award::award_name;
use udbhabon_core::innovation::showcase::{ShowcaseItem, TcvLine, described, tcv_lines, title_in};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::innovation::InnovationKind;
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Posted, Visitor};
use crate::download::Disposition;
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::state::AppState;

/// An innovation as the showcase lists it.
struct Card {
    href: String,
    title: String,
    office: String,
    kind: String,
    stage: String,
    solution: String,
    tcv: Vec<TcvLine>,
    replications: String,
}

fn card(lang: Lang, item: &ShowcaseItem) -> Card {
    let record = &item.innovation.record;
    Card {
        href: format!("/showcase/{}", item.innovation.id),
        title: title_in(lang, record),
        office: item.office.name.get(lang).to_owned(),
        kind: t(lang, &record.kind.message_key()),
        stage: t(lang, &record.stage.message_key()),
        solution: record.solution.clone(),
        tcv: tcv_lines(lang, &record.tcv),
        replications: t_args(
            lang,
            "showcase-replications",
            &[("count", format::number(lang, item.replications as i64))],
        ),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "innovation/showcase/list.html")]
pub(crate) struct ShowcasePage {
    pub(crate) l: Layout,
    /// (key, name) of every office with an innovation on the showcase.
    offices: Vec<(String, String)>,
    office: String,
    kinds: Vec<(String, String)>,
    kind: String,
    cards: Vec<Card>,
    awards: Vec<AwardRoll>,
}

/// A year's award winners as the showcase lists them: the year and awarding office, each award and
/// its winner, and the notice.
struct AwardRoll {
    heading: String,
    winners: Vec<(String, String)>,
    /// "নম্বর: …" of the notice.
    memo: String,
    notice_href: String,
}

/// The showcase's filters as the query string carries them.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ShowcaseQuery {
    #[serde(default)]
    office: String,
    #[serde(default)]
    kind: String,
}

impl ShowcaseQuery {
    /// The showcase of one office and those below it, of every kind.
    pub(crate) fn of_office(key: String) -> Self {
        Self {
            office: key,
            kind: String::new(),
        }
    }
}

/// `GET /showcase?office=KEY&kind=…`: open to everyone.
pub(crate) async fn list(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    Query(query): Query<ShowcaseQuery>,
) -> Result<ShowcasePage, PageError> {
    let kind = InnovationKind::from_code(query.kind.trim()).ok();
    let office = Some(query.office.trim()).filter(|key| !key.is_empty());
    let showcase = state.app.showcase(office, kind).await?;
    let awards = state.app.issued_awards().await?;
    Ok(ShowcasePage {
        l: Layout::new(
            lang,
            &visitor,
            t(lang, "showcase-heading"),
            "showcase",
            "/showcase",
            state.app.today(),
        ),
        offices: showcase
            .offices
            .iter()
            .map(|office| (office.key.clone(), office.name.get(lang).to_owned()))
            .collect(),
        office: office.unwrap_or_default().to_owned(),
        kinds: InnovationKind::ALL
            .iter()
            .map(|kind| (kind.code().to_owned(), t(lang, &kind.message_key())))
            .collect(),
        kind: kind.map_or("", Vocabulary::code).to_owned(),
        cards: showcase.items.iter().map(|item| card(lang, item)).collect(),
        awards: awards
            .iter()
            .map(|award| AwardRoll {
                heading: t_args(
                    lang,
                    "showcase-award-year",
                    &[
                        ("year", format::digits(lang, &award.year.short_en())),
                        ("office", award.office.name.get(lang).to_owned()),
                    ],
                ),
                winners: award
                    .winners
                    .iter()
                    .map(|(category, office)| {
                        (
                            award_name(lang, *category),
                            office.name.get(lang).to_owned(),
                        )
                    })
                    .collect(),
                memo: format!(
                    "{}: {}",
                    t(lang, "doc-memo-label"),
                    award.memo_number.printed(lang)
                ),
                notice_href: crate::innovation::award::notice_href(&award.office.key, award.year),
            })
            .collect(),
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "innovation/showcase/show.html")]
pub(crate) struct ShowcaseItemPage {
    l: Layout,
    card: Card,
    /// (label, value) of the fields that are filled.
    facts: Vec<(String, String)>,
    service_link: Option<String>,
    replicated_heading: String,
    replicated_by: Vec<String>,
    pdf_href: String,
}

/// `GET /showcase/{id}`: an innovation on the showcase; open to everyone.
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    Path(id): Path<i32>,
) -> Result<ShowcaseItemPage, PageError> {
    let entry = state.app.showcased_innovation(id).await?;
    let record = &entry.item.innovation.record;
    let facts = described(lang, record);
    let card = card(lang, &entry.item);
    Ok(ShowcaseItemPage {
        l: Layout::new(
            lang,
            &visitor,
            card.title.clone(),
            "showcase",
            &format!("/showcase/{id}"),
            state.app.today(),
        ),
        facts,
        service_link: record.service_link.clone(),
        replicated_heading: t_args(
            lang,
            "showcase-replicated-by",
            &[(
                "count",
                format::number(lang, entry.replicated_by.len() as i64),
            )],
        ),
        replicated_by: entry
            .replicated_by
            .iter()
            .map(|office| office.name.get(lang).to_owned())
            .collect(),
        pdf_href: format!("/innovations/{id}/sheet.pdf"),
        card,
    })
}

/// `GET /innovations/{id}/sheet.pdf`: the one-page profile, for anyone once the innovation is on the
/// showcase, for signed-in readers before.
pub(crate) async fn sheet(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    Path(id): Path<i32>,
) -> Result<Response, PageError> {
    let document = state
        .app
        .innovation_sheet(visitor.0.as_ref(), id, lang)
        .await?;
    Ok(crate::download::pdf(document, Disposition::Inline))
}

/// The showcase choice as posted.
#[derive(Debug, Deserialize)]
pub(crate) struct ShowcaseForm {
    /// "1" to put it on the showcase, anything else to take it off.
    #[serde(default)]
    show: String,
}

/// `POST /innovations/{id}/showcase`: the office's team puts the innovation on the showcase or takes
/// it off.
pub(crate) async fn choose(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    Posted(member, form): Posted<ShowcaseForm>,
) -> Result<Response, PageError> {
    state
        .app
        .set_showcased(&member.0, id, form.show == "1")
        .await?;
    Ok(Redirect::to(&format!("/innovations/{id}")).into_response())
}
