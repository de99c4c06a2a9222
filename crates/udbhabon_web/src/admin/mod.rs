//! Administration: the people, posts, accounts and roles, and the office tree; and the office finder
//! the posts and a person's page share, so that they work in one office of a tree of any size.

pub(crate) mod offices;
pub(crate) mod people;

use serde::Deserialize;
use udbhabon_core::OfficeRow;
use udbhabon_i18n::Lang;

use crate::auth::Member;
use crate::error::PageError;
use crate::layout::encode_component;
use crate::state::AppState;

/// The office a page works in (by key) and a search for another.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct OfficeQuery {
    #[serde(default)]
    office: String,
    #[serde(default)]
    q: String,
}

impl OfficeQuery {
    /// The office named, if any.
    pub(crate) fn office(&self) -> Option<&str> {
        Some(self.office.trim()).filter(|key| !key.is_empty())
    }
}

/// The office a page works in, and what a search for another found.
pub(crate) struct OfficeFinder {
    /// The page the finder reloads.
    pub(crate) action: String,
    /// The office's name.
    pub(crate) office: String,
    pub(crate) query: String,
    pub(crate) searched: bool,
    /// The offices found: (the page in that office, "name (key)").
    pub(crate) found: Vec<(String, String)>,
}

impl OfficeFinder {
    /// The finder of a page at `action` working in `office`, with what `query` finds.
    pub(crate) async fn new(
        state: &AppState,
        lang: Lang,
        member: &Member,
        (action, office): (&str, &OfficeRow),
        query: &OfficeQuery,
    ) -> Result<Self, PageError> {
        let text = query.q.trim();
        let found = if text.is_empty() {
            Vec::new()
        } else {
            state.app.find_offices(&member.0, text).await?
        };
        Ok(Self {
            action: action.to_owned(),
            office: office.name.get(lang).to_owned(),
            query: text.to_owned(),
            searched: !text.is_empty(),
            found: found
                .iter()
                .map(|office| {
                    (
                        in_office(action, &office.key),
                        format!("{} ({})", office.name.get(lang), office.key),
                    )
                })
                .collect(),
        })
    }
}

/// A page of the administration working in the office of `key`.
pub(crate) fn in_office(path: &str, key: &str) -> String {
    format!("{path}?office={}", encode_component(key))
}
