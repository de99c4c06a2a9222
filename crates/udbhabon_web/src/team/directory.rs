//! The public directory of teams (`/teams`): every office's team with its leader and member secretary,
//! the order in force, and the flags the office above follows up; filtered by level, division and
//! district, a page at a time.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use serde::Deserialize;
use udbhabon_core::team::directory::{DirectoryEntry, DirectoryQuery, TEAMS_PER_PAGE};
use udbhabon_core::{HolderRow, PostRow};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::office::OfficeKind;
use udbhabon_domain::office::geo::{DISTRICTS, DIVISIONS, district_by_code};
use udbhabon_domain::register::officer::OfficerRole;
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::Visitor;
use crate::error::PageError;
use crate::extract::Query;
use crate::lang::ReaderLang;
use crate::layout::{Layout, encode_component};
use crate::pager::Pager;
use crate::state::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "team/directory.html")]
pub(crate) struct DirectoryPage {
    l: Layout,
    heading: String,
    /// The office whose subtree is listed, as (key, link to its page).
    under: Option<(String, String)>,
    /// (code, name, selected) of each filter's choices.
    kinds: Vec<(String, String, bool)>,
    divisions: Vec<(String, String, bool)>,
    districts: Vec<(String, String, bool)>,
    flagged: bool,
    entries: Vec<EntryView>,
    pager: Option<Pager>,
}

struct EntryView {
    office: String,
    office_href: String,
    kind: String,
    district: Option<String>,
    /// The leader, the member secretary and the grievance redress officer.
    leads: Vec<LeadView>,
    /// The order in force: (memo number and date, link to its PDF).
    order: Option<(String, String)>,
    /// Why the office above should follow this office up.
    flags: Vec<String>,
}

struct LeadView {
    role: String,
    post: String,
    holder: Option<String>,
    /// (text, link) of each published contact.
    contacts: Vec<(String, String)>,
}

/// One of an office's leads as its card shows them, with the contacts the reader may see.
fn lead_view(lang: Lang, role: String, post: &PostRow, holder: Option<&HolderRow>) -> LeadView {
    let contacts = holder
        .iter()
        .flat_map(|holder| {
            let person = &holder.person;
            person
                .phone
                .iter()
                .map(|phone| (format::digits(lang, phone), format!("tel:{phone}")))
                .chain(
                    person
                        .email
                        .iter()
                        .map(|email| (email.clone(), format!("mailto:{email}"))),
                )
        })
        .collect();
    LeadView {
        role,
        post: post.label.get(lang).to_owned(),
        holder: holder.map(|holder| holder.person.name.get(lang).to_owned()),
        contacts,
    }
}

/// The directory's filters as the query string carries them.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct DirectoryParams {
    #[serde(default)]
    under: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    division: String,
    #[serde(default)]
    district: String,
    #[serde(default)]
    flagged: String,
    page: Option<u64>,
}

fn chosen(text: &str) -> Option<String> {
    Some(bangla::to_ascii_digits(text.trim())).filter(|text| !text.is_empty())
}

impl DirectoryParams {
    fn query(&self) -> Result<DirectoryQuery, PageError> {
        let kind = match self.kind.trim() {
            "" => None,
            code => Some(
                OfficeKind::from_code(code)
                    .map_err(|_| PageError::bad_input("error-office-kind"))?,
            ),
        };
        Ok(DirectoryQuery {
            under: chosen(&self.under),
            kind,
            division: chosen(&self.division),
            district: chosen(&self.district),
            flagged: self.flagged == "1",
            page: self.page.unwrap_or(1),
        })
    }

    /// The address of another page of the same list.
    fn href(&self, page: u64) -> String {
        let mut href = format!("/teams?page={page}");
        for (name, value) in [
            ("under", &self.under),
            ("kind", &self.kind),
            ("division", &self.division),
            ("district", &self.district),
            ("flagged", &self.flagged),
        ] {
            if !value.trim().is_empty() {
                href.push_str(&format!("&{name}={}", encode_component(value.trim())));
            }
        }
        href
    }
}

fn entry(lang: Lang, entry: &DirectoryEntry) -> EntryView {
    let mut flags = Vec::new();
    match (&entry.team, &entry.order) {
        (None, _) => flags.push(t(lang, "teams-flag-no-team")),
        (Some(_), None) => flags.push(t(lang, "teams-flag-no-order")),
        (Some(_), Some(_)) => {}
    }
    if entry.vacant_posts > 0 {
        flags.push(t_args(
            lang,
            "teams-flag-vacant",
            &[("count", format::number(lang, entry.vacant_posts as i64))],
        ));
    }
    EntryView {
        office: entry.office.name.get(lang).to_owned(),
        office_href: format!("/offices/{}", encode_component(&entry.office.key)),
        kind: t(lang, &entry.office.kind.message_key()),
        district: entry
            .office
            .district_code
            .as_deref()
            .and_then(district_by_code)
            .map(|district| district.name(lang).to_owned()),
        leads: entry
            .leads
            .iter()
            .map(|(role, post, holder)| (t(lang, &role.message_key()), post, holder))
            .chain(entry.grievance_officer.as_ref().map(|(post, holder)| {
                (
                    t(lang, &OfficerRole::GrsOfficer.message_key()),
                    post,
                    holder,
                )
            }))
            .map(|(role, post, holder)| lead_view(lang, role, post, holder.as_ref()))
            .collect(),
        order: entry
            .order
            .as_ref()
            .zip(entry.team.as_ref())
            .map(|(order, team)| {
                (
                    t_args(
                        lang,
                        "home-team-constituted",
                        &[
                            (
                                "memo",
                                format::digits(lang, &order.record.memo_number.to_string()),
                            ),
                            ("date", format::date(lang, order.record.issued_on)),
                        ],
                    ),
                    format!("/teams/{}/order.pdf", encode_component(&team.key)),
                )
            }),
        flags,
    }
}

/// `GET /teams?under=KEY&kind=…&division=…&district=…&flagged=1&page=N`: open to everyone; contact
/// details only for signed-in officers.
pub(crate) async fn list(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    Query(params): Query<DirectoryParams>,
) -> Result<DirectoryPage, PageError> {
    let query = params.query()?;
    let directory = state.app.team_directory(visitor.0.as_ref(), &query).await?;
    let heading = match &directory.under {
        Some(office) => t_args(
            lang,
            "teams-under-title",
            &[("office", office.name.get(lang).to_owned())],
        ),
        None => t(lang, "teams-title"),
    };
    let pick = |value: &Option<String>, code: &str| value.as_deref() == Some(code);
    Ok(DirectoryPage {
        l: Layout::new(
            lang,
            &visitor,
            heading.clone(),
            "team",
            &params.href(directory.page),
            state.app.today(),
        ),
        heading,
        under: directory.under.as_ref().map(|office| {
            (
                office.key.clone(),
                format!("/offices/{}", encode_component(&office.key)),
            )
        }),
        kinds: OfficeKind::ALL
            .iter()
            .map(|kind| {
                (
                    kind.code().to_owned(),
                    t(lang, &kind.message_key()),
                    query.kind == Some(*kind),
                )
            })
            .collect(),
        divisions: DIVISIONS
            .iter()
            .map(|division| {
                (
                    division.code.to_owned(),
                    division.name(lang).to_owned(),
                    pick(&query.division, division.code),
                )
            })
            .collect(),
        districts: DISTRICTS
            .iter()
            .map(|district| {
                (
                    district.code.to_owned(),
                    district.name(lang).to_owned(),
                    pick(&query.district, district.code),
                )
            })
            .collect(),
        flagged: query.flagged,
        entries: directory
            .entries
            .iter()
            .map(|found| entry(lang, found))
            .collect(),
        pager: Some(Pager::new(
            lang,
            t(lang, "teams-pages"),
            (directory.page, directory.pages, TEAMS_PER_PAGE),
            (directory.entries.len(), directory.total),
            |page| params.href(page),
        ))
        .filter(Pager::pages),
    })
}
