//! A record's history (from the audit trail) as lines for a page: when, who, what.

use udbhabon_core::AuditEntryRow;
use udbhabon_i18n::{Lang, format, t, t_args};

/// One line of history: Dhaka time, who, what was done, to what kind of record, and which of its
/// fields an update changed (empty when the page does not name them).
pub(crate) type HistoryLine = (String, String, String, String, String);

pub(crate) fn lines(lang: Lang, entries: &[AuditEntryRow]) -> Vec<HistoryLine> {
    changed_lines(lang, entries, &[])
}

/// The history, naming for each update which of `fields` (stored name, label's message key) it
/// changed.
pub(crate) fn changed_lines(
    lang: Lang,
    entries: &[AuditEntryRow],
    fields: &[(&str, &str)],
) -> Vec<HistoryLine> {
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
                changed(lang, entry, fields),
            )
        })
        .collect()
}

/// "Changed: title, solution" for an update that changed any of `fields`; empty otherwise.
fn changed(lang: Lang, entry: &AuditEntryRow, fields: &[(&str, &str)]) -> String {
    let changed = entry.changed_fields();
    let labels: Vec<String> = fields
        .iter()
        .filter(|(field, _)| changed.iter().any(|name| name == field))
        .map(|(_, label)| t(lang, label))
        .collect();
    if labels.is_empty() {
        return String::new();
    }
    t_args(lang, "audit-changed", &[("fields", labels.join(", "))])
}
