//! A long list's pager: which rows of how many are shown, and the links to the pages before and after.

use udbhabon_i18n::{Lang, format, t_args};

/// "101–200 of 23,402", with the neighbouring pages' addresses.
#[derive(Debug, Clone)]
pub(crate) struct Pager {
    pub(crate) shown: String,
    pub(crate) previous_href: Option<String>,
    pub(crate) next_href: Option<String>,
    /// What the pager's landmark is called ("pages of the list of offices").
    pub(crate) label: String,
}

impl Pager {
    /// Page `page` (from 1) of `pages`, showing `on_page` of `total` rows at `per_page` a page;
    /// `href` gives a page's address.
    pub(crate) fn new(
        lang: Lang,
        label: String,
        (page, pages, per_page): (u64, u64, u64),
        (on_page, total): (usize, u64),
        href: impl Fn(u64) -> String,
    ) -> Self {
        let count = |value: u64| format::number(lang, i64::try_from(value).unwrap_or(i64::MAX));
        let first = page.saturating_sub(1) * per_page;
        Self {
            shown: t_args(
                lang,
                "dashboard-shown",
                &[
                    ("first", count((first + 1).min(total))),
                    ("last", count(first + on_page as u64)),
                    ("total", count(total)),
                ],
            ),
            previous_href: (page > 1).then(|| href(page - 1)),
            next_href: (page < pages).then(|| href(page + 1)),
            label,
        }
    }

    /// Whether there is more than one page, so that the pager is worth showing.
    pub(crate) fn pages(&self) -> bool {
        self.previous_href.is_some() || self.next_href.is_some()
    }
}
