//! Reading a table for import: the header against the expected columns, a row's cell by column name,
//! the data rows with their line numbers, a closed list's or a date's cell as a form takes it, and a
//! problem named for one field.

use udbhabon_docs::DocsError;
use udbhabon_docs::table::{Rows, TABLE_LIMITS, TableBound, read_table};
use udbhabon_domain::{FieldError, Lang, ValidationErrors, Vocabulary};
use udbhabon_i18n::t;

pub(crate) fn problem(field: &str, key: &'static str) -> FieldError {
    let mut errors = ValidationErrors::new();
    errors.add(field, key);
    errors.errors.remove(0)
}

/// The rows of an uploaded CSV or XLSX file, or the one problem that stops it being read: not a
/// table (or not UTF-8), or larger than an import may be, with the limit it went past.
pub(crate) fn read_import(file: &[u8]) -> Result<Rows, Vec<(usize, FieldError)>> {
    read_table(file, &TABLE_LIMITS).map_err(|error| {
        let refusal = match error {
            DocsError::TableTooLarge(bound) => {
                let (key, limit) = match bound {
                    TableBound::Bytes => (
                        "error-import-too-many-bytes",
                        TABLE_LIMITS.bytes / (1024 * 1024),
                    ),
                    TableBound::Rows => ("error-import-too-many-rows", TABLE_LIMITS.rows),
                    TableBound::Columns => ("error-import-too-many-columns", TABLE_LIMITS.columns),
                    TableBound::Cells => ("error-import-too-many-cells", TABLE_LIMITS.cells),
                };
                let mut refusal = problem("file", key);
                refusal.args.push(("limit", limit.to_string()));
                refusal
            }
            _ => problem("file", "error-import-encoding"),
        };
        vec![(1, refusal)]
    })
}

/// A file's header row against a table's columns: every unknown column and every missing required one.
pub(crate) fn header_problems(
    headers: &[String],
    columns: &[&str],
    required: &[&str],
) -> Vec<(usize, FieldError)> {
    let unknown = headers
        .iter()
        .filter(|header| !columns.contains(&header.as_str()))
        .map(|header| (1, problem(header, "error-import-unknown-column")));
    let missing = required
        .iter()
        .filter(|column| !headers.iter().any(|header| header == *column))
        .map(|column| (1, problem(column, "error-import-missing-column")));
    unknown.chain(missing).collect()
}

/// The cell of `row` under the column called `name`, or empty.
pub(crate) fn cell(headers: &[String], row: &[String], name: &str) -> String {
    headers
        .iter()
        .position(|header| header == name)
        .and_then(|index| row.get(index))
        .cloned()
        .unwrap_or_default()
}

/// The rows after the header with their line numbers in the file (the header is line 1), blank rows
/// left out.
pub(crate) fn data_rows(rows: Rows) -> impl Iterator<Item = (usize, Vec<String>)> {
    rows.into_iter()
        .enumerate()
        .skip(1)
        .map(|(index, row)| (index + 1, row))
        .filter(|(_, row)| !row.iter().all(|cell| cell.is_empty()))
}

/// A vocabulary's code for a cell that holds the code or the Bengali or English label; anything else
/// as it is, for the check to refuse.
pub(crate) fn code_of<V: Vocabulary>(
    values: &[V],
    key: impl Fn(V) -> String,
    text: &str,
) -> String {
    let text = text.trim();
    values
        .iter()
        .find(|value| {
            value.code() == text
                || t(Lang::Bn, &key(**value)) == text
                || t(Lang::En, &key(**value)).eq_ignore_ascii_case(text)
        })
        .map_or_else(|| text.to_owned(), |value| value.code().to_owned())
}

/// A date cell as the form takes it. A spreadsheet's own date comes as its day number (days since 30
/// December 1899); typed text is left to the check.
pub(crate) fn date_cell(text: &str) -> String {
    let excel_epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30);
    match (text.parse::<f64>(), excel_epoch) {
        (Ok(days), Some(epoch)) if (1.0..2_958_466.0).contains(&days) => epoch
            .checked_add_days(chrono::Days::new(days as u64))
            .map_or_else(|| text.to_owned(), |day| day.to_string()),
        _ => text.to_owned(),
    }
}
