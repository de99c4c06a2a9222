//! The team's registers of the duties it coordinates for its office: `rti` (the right-to-information
//! register), `grs` (grievance redress), `officer` (the officers each names), `software` (its
//! systems and their source code), `renewal` (what each system needs renewed), `certification` (each
//! system's tests and audits and their findings), `project` (its ICT projects and their
//! milestones) and `budget` (its ICT budget lines and their spending); how they write sums, and the
//! form that imports a register's table.

pub(crate) mod budget;
pub(crate) mod certification;
pub(crate) mod grs;
pub(crate) mod officer;
pub(crate) mod project;
pub(crate) mod renewal;
pub(crate) mod rti;
pub(crate) mod software;

use udbhabon_i18n::{Lang, format};

use crate::form::or_dash;

/// A sum in thousand taka, grouped in the reader's digits.
pub(crate) fn thousands(lang: Lang, sum: u64) -> String {
    format::number(lang, i64::try_from(sum).unwrap_or(i64::MAX))
}

/// A share in percent to one decimal place, or a dash when there is none.
pub(crate) fn percent(lang: Lang, value: Option<f64>) -> String {
    value.map_or_else(
        || or_dash(""),
        |value| format::digits(lang, &format!("{value:.1}%")),
    )
}

/// The form that imports a table into a register, with the problems of a file refused.
pub(crate) struct ImportForm {
    action: String,
    open: bool,
    /// What the import does, in the reader's language.
    help: String,
    columns: &'static [&'static str],
    problems: Vec<(String, String)>,
}

impl ImportForm {
    pub(crate) fn new(
        action: String,
        (help, columns): (String, &'static [&'static str]),
        refused: Option<Vec<(String, String)>>,
    ) -> Self {
        Self {
            action,
            open: refused.is_some(),
            help,
            columns,
            problems: refused.unwrap_or_default(),
        }
    }
}
