//! A record's history (from the audit trail) as lines for a page: when, who, what.

use udbhabon_core::AuditEntryRow;
use udbhabon_i18n::{Lang, format, t};

/// One line of history: Dhaka time, who, what was done, to what kind of record.
pub(crate) type HistoryLine = (String, String, String, String);

pub(crate) fn lines(lang: Lang, entries: &[AuditEntryRow]) -> Vec<HistoryLine> {
    entries
        .iter()
        .map(|entry| {
            let at = chrono::DateTime::parse_from_rfc3339(&entry.at)
                .map(|at| {
                    let local = at.with_timezone(&bangla::DHAKA_OFFSET);
                    format!(
                        "{} {}",
                        format::date_short(lang, local.date_naive()),
                        format::digits(lang, &local.format("%H:%M").to_string())
                    )
                })
                .unwrap_or_else(|_| entry.at.clone());
            let record = t(
                lang,
                &format!("audit-entity-{}", entry.entity.replace('_', "-")),
            );
            (
                at,
                entry.actor.clone(),
                t(lang, &format!("audit-action-{}", entry.action)),
                record,
            )
        })
        .collect()
}
