//! The frame of every page: the government header, navigation, language switch and footer.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use udbhabon_domain::account::access::Role;
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::assets::asset_path;
use crate::auth::{Member, Visitor};

/// The parts of a page every template shares; templates call `l.t("key")` for their words.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    pub(crate) lang: Lang,
    pub(crate) title: String,
    /// Which navigation entry is the current page ("home", "offices", "team", "meetings").
    pub(crate) nav: &'static str,
    /// Where the language switch goes: the same page in the other language.
    pub(crate) switch_href: String,
    pub(crate) stylesheet: String,
    pub(crate) today: String,
    /// The signed-in person's name, and the token their sign-out form needs.
    pub(crate) who: Option<(String, String)>,
    /// Where "sign in" should return to.
    pub(crate) sign_in_href: String,
    /// Whether the navigation offers administration.
    pub(crate) admin: bool,
    /// The signed-in person's offices, their own first: (name, link to the office's page).
    pub(crate) offices: Vec<(String, String)>,
    /// The page's own path (with its query).
    pub(crate) path: String,
    /// Whether the page is shown inside another site's frame: without the site's header, links
    /// opening in the whole window.
    pub(crate) embedded: bool,
}

impl Layout {
    /// A layout for the page at `path` (with its query), for this visitor.
    pub(crate) fn new(
        lang: Lang,
        visitor: &Visitor,
        title: String,
        nav: &'static str,
        path: &str,
        today: chrono::NaiveDate,
    ) -> Self {
        let other = match lang {
            Lang::Bn => Lang::En,
            Lang::En => Lang::Bn,
        };
        Self {
            lang,
            title,
            nav,
            switch_href: format!("/lang/{}?back={}", other.tag(), encode_component(path)),
            stylesheet: asset_path("style.css"),
            today: t_args(
                lang,
                "footer-today",
                &[("date", format::date_both(lang, today))],
            ),
            who: visitor
                .0
                .as_ref()
                .map(|person| (person.name.get(lang).to_owned(), person.csrf_token.clone())),
            sign_in_href: format!("/login?next={}", encode_component(path)),
            admin: visitor
                .0
                .as_ref()
                .is_some_and(|person| person.has_role(Role::SystemAdministrator)),
            offices: visitor
                .0
                .iter()
                .flat_map(|person| &person.offices)
                .map(|office| {
                    (
                        office.name.get(lang).to_owned(),
                        format!("/offices/{}", encode_component(&office.key)),
                    )
                })
                .collect(),
            path: path.to_owned(),
            embedded: false,
        }
    }

    /// The layout of a page for a signed-in member.
    pub(crate) fn of_member(
        app: &udbhabon_core::App,
        lang: Lang,
        member: &Member,
        title: String,
        nav: &'static str,
        path: &str,
    ) -> Self {
        Self::new(
            lang,
            &Visitor(Some(member.0.clone())),
            title,
            nav,
            path,
            app.today(),
        )
    }

    pub(crate) fn t(&self, key: &str) -> String {
        t(self.lang, key)
    }

    /// Frames the page for another site: see [`Layout::embedded`].
    pub(crate) fn embed(&mut self) {
        self.embedded = true;
    }

    pub(crate) fn tag(&self) -> &'static str {
        self.lang.tag()
    }

    /// `aria-current` for the navigation entry of this page.
    pub(crate) fn current(&self, nav: &str) -> &'static str {
        if self.nav == nav { "page" } else { "false" }
    }
}

/// Percent-encodes a path with its query for use as one query value.
pub(crate) fn encode_component(text: &str) -> String {
    /// Everything but unreserved characters and the path separator is escaped.
    const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~')
        .remove(b'/');
    utf8_percent_encode(text, COMPONENT).to_string()
}

#[cfg(test)]
mod tests {
    use super::encode_component;

    #[test]
    fn a_path_with_a_query_survives_as_one_value() {
        assert_eq!(
            encode_component("/teams/mole?on=2026-01-26&x=1"),
            "/teams/mole%3Fon%3D2026-01-26%26x%3D1"
        );
    }
}
