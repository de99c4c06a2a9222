//! An office's notice board (`/offices/KEY/notices`) and its Atom feed: what the office has published,
//! newest first, each with its memo number, its date in both calendars and its document.

use askama::Template;
use askama_web::WebTemplate;
use atom_syndication::{Entry, Feed, FixedDateTime, Link, Person, Text};
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, NaiveTime};
use udbhabon_core::portal::bulletin::{Bulletin, Notice, Published};
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::Visitor;
use crate::error::PageError;
use crate::extract::Path;
use crate::lang::ReaderLang;
use crate::layout::{Layout, encode_component};
use crate::state::AppState;

/// How many notices the feed carries: a few years of an office's documents.
const FEED_LENGTH: usize = 50;

/// A notice as the board and the feed show it.
struct NoticeLine {
    /// What kind of document it is: "office order", "minutes"…
    kind: String,
    title: String,
    /// The memo number, in the reader's digits.
    memo: Option<String>,
    date: String,
    /// Its page, when it has one besides the document.
    page_href: Option<String>,
    pdf_href: String,
    on: NaiveDate,
}

fn line(lang: Lang, office_key: &str, notice: &Notice) -> NoticeLine {
    let key = encode_component(office_key);
    let subject = notice.subject.get(lang).to_owned();
    let (kind, title, page_href, pdf_href) = match &notice.published {
        Published::Order { id } => ("bulletin-order", subject, None, format!("/orders/{id}/pdf")),
        Published::Minutes { meeting } => {
            let meeting = encode_component(meeting);
            (
                "bulletin-minutes",
                subject,
                Some(format!("/meetings/{meeting}")),
                format!("/meetings/{meeting}/minutes.pdf"),
            )
        }
        Published::AwardNotice { fiscal_year } => {
            let year = bangla::FiscalYear::starting_in(*fiscal_year)
                .map(|year| year.short_en())
                .unwrap_or_default();
            (
                "bulletin-award-notice",
                t_args(
                    lang,
                    "bulletin-award",
                    &[("year", format::digits(lang, &year))],
                ),
                None,
                format!("/offices/{key}/awards/{year}/notice.pdf"),
            )
        }
        Published::Charter { edition } => (
            "charter-title",
            t_args(
                lang,
                "bulletin-charter",
                &[("edition", format::number(lang, i64::from(*edition)))],
            ),
            Some(format!("/offices/{key}/charter?edition={edition}")),
            format!("/offices/{key}/charter.pdf?edition={edition}"),
        ),
    };
    NoticeLine {
        kind: t(lang, kind),
        title,
        memo: notice
            .memo_number
            .as_ref()
            .map(|memo| format::digits(lang, &memo.to_string())),
        date: format::date_both(lang, notice.on),
        page_href,
        pdf_href,
        on: notice.on,
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "portal/bulletin.html")]
pub(crate) struct BulletinPage {
    pub(crate) l: Layout,
    heading: String,
    office_href: String,
    feed_href: String,
    notices: Vec<NoticeLine>,
}

fn heading(lang: Lang, bulletin: &Bulletin) -> String {
    t_args(
        lang,
        "bulletin-title",
        &[("office", bulletin.office.name.get(lang).to_owned())],
    )
}

/// `GET /offices/{key}/notices`: the office's notice board.
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    Path(key): Path<String>,
) -> Result<BulletinPage, PageError> {
    let bulletin = state.app.bulletin(&key).await?;
    let office_key = encode_component(&bulletin.office.key);
    let heading = heading(lang, &bulletin);
    let path = format!("/offices/{office_key}/notices");
    Ok(BulletinPage {
        l: Layout::new(
            lang,
            &visitor,
            heading.clone(),
            "offices",
            &path,
            state.app.today(),
        ),
        heading,
        office_href: format!("/offices/{office_key}"),
        feed_href: format!("{path}.atom"),
        notices: bulletin
            .notices
            .iter()
            .map(|notice| line(lang, &bulletin.office.key, notice))
            .collect(),
    })
}

/// Midnight in Dhaka on `on`, as the feed dates a notice issued that day.
fn dhaka_midnight(on: NaiveDate) -> FixedDateTime {
    on.and_time(NaiveTime::MIN)
        .and_local_timezone(bangla::DHAKA_OFFSET)
        .single()
        .expect("a fixed offset has one midnight")
}

/// `GET /offices/{key}/notices.atom`: the board as an Atom feed, in the reader's language.
pub(crate) async fn feed(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
) -> Result<Response, PageError> {
    let bulletin = state.app.bulletin(&key).await?;
    let base = state.app.public_url();
    let office_key = encode_component(&bulletin.office.key);
    let board = format!("{base}/offices/{office_key}/notices");
    let link = |href: String, rel: &str| Link {
        href,
        rel: rel.to_owned(),
        ..Link::default()
    };
    let entries: Vec<Entry> = bulletin
        .notices
        .iter()
        .take(FEED_LENGTH)
        .map(|notice| {
            let line = line(lang, &bulletin.office.key, notice);
            let document = format!("{base}{}", line.pdf_href);
            let mut entry = Entry::default();
            entry.set_id(document.clone());
            entry.set_title(Text::plain(format!("{}: {}", line.kind, line.title)));
            entry.set_updated(dhaka_midnight(line.on));
            entry.set_published(Some(dhaka_midnight(line.on)));
            entry.set_summary(Some(Text::plain(match &line.memo {
                Some(memo) => format!("{memo} · {}", line.date),
                None => line.date.clone(),
            })));
            let mut links = vec![Link {
                mime_type: Some("application/pdf".to_owned()),
                ..link(document, "enclosure")
            }];
            if let Some(page) = line.page_href {
                links.insert(0, link(format!("{base}{page}"), "alternate"));
            }
            entry.set_links(links);
            entry
        })
        .collect();
    let mut feed = Feed::default();
    feed.set_id(board.clone());
    feed.set_title(Text::plain(heading(lang, &bulletin)));
    feed.set_lang(Some(lang.tag().to_owned()));
    feed.set_authors(vec![Person {
        name: bulletin.office.name.get(lang).to_owned(),
        ..Person::default()
    }]);
    feed.set_updated(bulletin.notices.first().map_or_else(
        || dhaka_midnight(state.app.today()),
        |notice| dhaka_midnight(notice.on),
    ));
    feed.set_links(vec![
        link(board.clone(), "alternate"),
        link(format!("{board}.atom"), "self"),
    ]);
    feed.set_entries(entries);
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        feed.to_string(),
    )
        .into_response())
}
