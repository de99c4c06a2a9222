//! Reading a table for import: the header against the expected columns, a row's cell by column name,
//! the data rows with their line numbers, and a problem named for one field.

use udbhabon_docs::DocsError;
use udbhabon_docs::table::{Rows, TABLE_LIMITS, TableBound, read_table};
use udbhabon_domain::{FieldError, ValidationErrors};

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
