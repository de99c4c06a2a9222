//! Tables as files, for imports and exports: rows of text read from CSV (UTF-8) or XLSX, and written as
//! either. Every cell is text, so codes such as "036" keep their leading zeros.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, XlsxError, open_workbook_from_rs};
use rust_xlsxwriter::{Format, Workbook};

use crate::error::DocsError;

/// Rows of cells, the first row naming the columns.
pub type Rows = Vec<Vec<String>>;

/// The file formats a table can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    Csv,
    Xlsx,
}

/// The most a table file may hold. Each bound is checked while reading, before anything grows with it:
/// a sheet's declared size (an XLSX with one cell at A1 and one at XFD1048576 spans 17 billion cells),
/// a ZIP whose parts unpack to gigabytes, or a CSV of endless columns is refused at the bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableLimits {
    /// The file as uploaded.
    pub bytes: usize,
    /// Every part of an XLSX file unpacked, as its ZIP directory declares them (which the reader holds
    /// each part to).
    pub unpacked_bytes: u64,
    /// Lines, the header included.
    pub rows: usize,
    pub columns: usize,
    /// Cells that hold something.
    pub cells: usize,
}

/// The limits of every import: room for a national office tree (about 23,400 offices) twice over.
pub const TABLE_LIMITS: TableLimits = TableLimits {
    bytes: 16 * 1024 * 1024,
    unpacked_bytes: 128 * 1024 * 1024,
    rows: 60_000,
    columns: 64,
    cells: 1_500_000,
};

/// Which bound a table file went past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableBound {
    Bytes,
    Rows,
    Columns,
    Cells,
}

impl TableLimits {
    fn check(&self, bound: TableBound, value: usize) -> Result<(), DocsError> {
        let limit = match bound {
            TableBound::Bytes => self.bytes,
            TableBound::Rows => self.rows,
            TableBound::Columns => self.columns,
            TableBound::Cells => self.cells,
        };
        if value > limit {
            Err(DocsError::TableTooLarge(bound))
        } else {
            Ok(())
        }
    }
}

/// Reads the first sheet of an XLSX file, or a CSV file (a UTF-8 byte-order mark is allowed), by
/// content, within `limits`.
pub fn read_table(bytes: &[u8], limits: &TableLimits) -> Result<Rows, DocsError> {
    limits.check(TableBound::Bytes, bytes.len())?;
    // XLSX files are ZIP archives.
    if bytes.starts_with(b"PK\x03\x04") {
        return read_xlsx(bytes, limits);
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| DocsError::UnreadableTable("it is not UTF-8 text".into()))?;
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut rows = Rows::new();
    let mut cells = 0;
    for record in reader.records() {
        let record = record.map_err(|error| DocsError::UnreadableTable(error.to_string()))?;
        limits.check(TableBound::Rows, rows.len() + 1)?;
        limits.check(TableBound::Columns, record.len())?;
        cells += record.iter().filter(|cell| !cell.is_empty()).count();
        limits.check(TableBound::Cells, cells)?;
        rows.push(record.iter().map(|cell| revived(cell).to_owned()).collect());
    }
    Ok(rows)
}

/// The first sheet of an XLSX file, read cell by cell in the order the file stores them; a row or
/// column past the limits is refused when it is met, so memory follows the cells the file really has.
fn read_xlsx(bytes: &[u8], limits: &TableLimits) -> Result<Rows, DocsError> {
    let unreadable = |error: &dyn std::fmt::Display| DocsError::UnreadableTable(error.to_string());
    let unpacked = unpacked_size(bytes).map_err(|error| unreadable(&error))?;
    if unpacked > limits.unpacked_bytes {
        return Err(DocsError::TableTooLarge(TableBound::Bytes));
    }
    let mut workbook: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(bytes)).map_err(|error: XlsxError| unreadable(&error))?;
    let sheet = workbook
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| DocsError::UnreadableTable("the workbook has no sheet".into()))?;
    let mut reader = workbook
        .worksheet_cells_reader(&sheet)
        .map_err(|error| unreadable(&error))?;
    let mut rows = Rows::new();
    let mut cells = 0;
    while let Some(cell) = reader.next_cell().map_err(|error| unreadable(&error))? {
        let (row, column) = cell.get_position();
        let (row, column) = (row as usize, column as usize);
        limits.check(TableBound::Rows, row + 1)?;
        limits.check(TableBound::Columns, column + 1)?;
        let text = Data::from(cell.get_value().clone())
            .to_string()
            .trim()
            .to_owned();
        if text.is_empty() {
            continue;
        }
        cells += 1;
        limits.check(TableBound::Cells, cells)?;
        if rows.len() <= row {
            rows.resize_with(row + 1, Vec::new);
        }
        let line = &mut rows[row];
        if line.len() <= column {
            line.resize_with(column + 1, String::new);
        }
        line[column] = text;
    }
    Ok(rows)
}

/// What the parts of a ZIP file unpack to, as its central directory declares.
fn unpacked_size(bytes: &[u8]) -> zip::result::ZipResult<u64> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))?;
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        total = total.saturating_add(archive.by_index_raw(index)?.size());
    }
    Ok(total)
}

/// A CSV cell as a spreadsheet program will not run: text starting with `=`, `+`, `-`, `@`, a tab or
/// a carriage return would be read as a formula (which can fetch from the network or run commands),
/// so it is kept as text behind an apostrophe. Numbers such as `-5` stay as they are. (XLSX cells are
/// written as strings, which spreadsheet programs never evaluate.)
fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    let formula_like = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula_like && cell.parse::<f64>().is_err() {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// A CSV cell as it was before [`inert`] kept it as text: the apostrophe taken off again, so that a
/// table written and read back (an export edited and imported) keeps its text as it was.
fn revived(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(text) if inert(text).starts_with('\'') => text,
        _ => cell,
    }
}

/// Writes rows as a file of the given format; in XLSX the first row is bold and frozen.
pub fn write_table(format: TableFormat, sheet: &str, rows: &Rows) -> Result<Vec<u8>, DocsError> {
    let mut lines = rows.iter();
    let mut writer = TableWriter::new(format, sheet, lines.next().map_or(&[][..], Vec::as_slice))?;
    for row in lines {
        writer.push(row)?;
    }
    writer.finish()
}

/// Rows held back to size the columns by, before an XLSX sheet is written out.
const SIZING_ROWS: usize = 100;

/// The widest a column is made, in characters.
const WIDEST_COLUMN: usize = 60;

/// A table written row by row, holding one row at a time however long the table: CSV lines are
/// written as they come, and an XLSX sheet (in the writer's constant-memory mode) goes to a temporary
/// file row by row. The columns of a sheet are sized by its header and first hundred rows.
pub struct TableWriter {
    out: Out,
}

impl std::fmt::Debug for TableWriter {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let format = match self.out {
            Out::Csv(_) => "CSV",
            Out::Xlsx { .. } => "XLSX",
        };
        formatter
            .debug_struct("TableWriter")
            .field("format", &format)
            .finish()
    }
}

enum Out {
    Csv(Box<csv::Writer<Vec<u8>>>),
    Xlsx {
        workbook: Box<Workbook>,
        /// The header and the first rows, until the columns are sized; then empty.
        held: Rows,
        /// The next row of the sheet.
        next: u32,
    },
}

fn write_failed(error: &dyn std::fmt::Display) -> DocsError {
    DocsError::TableWrite(error.to_string())
}

impl TableWriter {
    /// A table whose first row is `header`; an XLSX sheet is called `sheet`.
    pub fn new(format: TableFormat, sheet: &str, header: &[String]) -> Result<Self, DocsError> {
        let out = match format {
            TableFormat::Csv => Out::Csv(Box::new(csv::Writer::from_writer(Vec::new()))),
            TableFormat::Xlsx => {
                let mut workbook = Workbook::new();
                workbook
                    .add_worksheet_with_constant_memory()
                    .map_err(|error| write_failed(&error))?
                    .set_name(sheet)
                    .map_err(|error| write_failed(&error))?;
                Out::Xlsx {
                    workbook: Box::new(workbook),
                    held: Vec::new(),
                    next: 0,
                }
            }
        };
        let mut writer = Self { out };
        writer.push(header)?;
        Ok(writer)
    }

    /// Adds a row.
    pub fn push(&mut self, row: &[String]) -> Result<(), DocsError> {
        match &mut self.out {
            Out::Csv(writer) => {
                for cell in row {
                    writer
                        .write_field(inert(cell).as_bytes())
                        .map_err(|error| write_failed(&error))?;
                }
                writer
                    .write_record(None::<&[u8]>)
                    .map_err(|error| write_failed(&error))
            }
            Out::Xlsx {
                workbook,
                held,
                next,
            } => {
                if *next == 0 {
                    held.push(row.to_vec());
                    if held.len() > SIZING_ROWS {
                        flush_held(workbook, held, next)?;
                    }
                    Ok(())
                } else {
                    write_row(workbook, *next, row, None)?;
                    *next += 1;
                    Ok(())
                }
            }
        }
    }

    /// The file's bytes.
    pub fn finish(self) -> Result<Vec<u8>, DocsError> {
        match self.out {
            Out::Csv(writer) => writer.into_inner().map_err(|error| write_failed(&error)),
            Out::Xlsx {
                mut workbook,
                mut held,
                mut next,
            } => {
                if next == 0 {
                    flush_held(&mut workbook, &mut held, &mut next)?;
                }
                workbook
                    .save_to_buffer()
                    .map_err(|error| write_failed(&error))
            }
        }
    }
}

/// Sizes the sheet's columns by the rows held, writes them (the header bold and frozen), and empties
/// the hold.
fn flush_held(workbook: &mut Workbook, held: &mut Rows, next: &mut u32) -> Result<(), DocsError> {
    let sheet = workbook
        .worksheet_from_index(0)
        .map_err(|error| write_failed(&error))?;
    let columns = held.iter().map(Vec::len).max().unwrap_or_default();
    for column in 0..columns {
        let widest = held
            .iter()
            .filter_map(|row| row.get(column))
            .map(|cell| {
                cell.lines()
                    .map(|line| line.chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .max()
            .unwrap_or(0);
        let width = widest.clamp(8, WIDEST_COLUMN) as f64 + 2.0;
        let column = u16::try_from(column).map_err(|error| write_failed(&error))?;
        sheet
            .set_column_width(column, width)
            .map_err(|error| write_failed(&error))?;
    }
    sheet
        .set_freeze_panes(1, 0)
        .map_err(|error| write_failed(&error))?;
    let bold = Format::new().set_bold();
    for (index, row) in held.drain(..).enumerate() {
        write_row(workbook, *next, &row, (index == 0).then_some(&bold))?;
        *next += 1;
    }
    Ok(())
}

fn write_row(
    workbook: &mut Workbook,
    row_number: u32,
    row: &[String],
    format: Option<&Format>,
) -> Result<(), DocsError> {
    let sheet = workbook
        .worksheet_from_index(0)
        .map_err(|error| write_failed(&error))?;
    for (column, cell) in row.iter().enumerate() {
        let column = u16::try_from(column).map_err(|error| write_failed(&error))?;
        match format {
            Some(format) => sheet.write_string_with_format(row_number, column, cell, format),
            None => sheet.write_string(row_number, column, cell),
        }
        .map_err(|error| write_failed(&error))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Rows {
        vec![
            vec!["key".into(), "name_bn".into(), "memo_code".into()],
            vec!["mole".into(), "শ্রম ও কর্মসংস্থান মন্ত্রণালয়".into(), "036".into()],
            vec!["dife".into(), "কলকারখানা, \"পরিদর্শন\"".into(), String::new()],
        ]
    }

    #[test]
    fn a_table_written_as_xlsx_reads_back_cell_for_cell_with_leading_zeros() {
        let bytes = write_table(TableFormat::Xlsx, "offices", &rows()).unwrap();
        let mut expected = rows();
        // A sheet's row ends at its last filled cell.
        expected[2].pop();
        assert_eq!(read_table(&bytes, &TABLE_LIMITS).unwrap(), expected);
    }

    #[test]
    fn a_long_table_is_written_row_by_row_and_reads_back_whole() {
        let header: Vec<String> = vec!["serial".into(), "title".into()];
        let mut writer = TableWriter::new(TableFormat::Xlsx, "long", &header).unwrap();
        for serial in 1..=2_000 {
            writer
                .push(&[serial.to_string(), format!("উদ্ভাবন {serial}")])
                .unwrap();
        }
        let rows = read_table(&writer.finish().unwrap(), &TABLE_LIMITS).unwrap();
        assert_eq!(rows.len(), 2_001);
        assert_eq!(rows[0], header);
        assert_eq!(rows[2_000], ["2000", "উদ্ভাবন 2000"]);
    }

    #[test]
    fn a_row_starting_with_empty_cells_keeps_its_columns() {
        let rows: Rows = vec![
            vec!["id".into(), "name".into(), "note".into()],
            vec!["1".into(), "এক".into(), String::new()],
            vec![String::new(), "দুই".into(), "নোট".into()],
        ];
        let bytes = write_table(TableFormat::Xlsx, "rows", &rows).unwrap();
        let read = read_table(&bytes, &TABLE_LIMITS).unwrap();
        assert_eq!(read[2], ["", "দুই", "নোট"]);
    }

    #[test]
    fn text_kept_from_running_as_a_formula_reads_back_as_written() {
        let rows: Rows = vec![
            vec!["risks".to_owned(), "sum".to_owned()],
            vec!["- জমির দখল বিলম্ব".to_owned(), "-5".to_owned()],
            vec!["'quoted".to_owned(), "=1+1".to_owned()],
        ];
        let bytes = write_table(TableFormat::Csv, "projects", &rows).unwrap();
        assert!(String::from_utf8_lossy(&bytes).contains("'- জমির দখল বিলম্ব"));
        assert_eq!(read_table(&bytes, &TABLE_LIMITS).unwrap(), rows);
    }

    #[test]
    fn a_table_written_as_csv_reads_back_with_quotes_and_commas_intact() {
        let bytes = write_table(TableFormat::Csv, "offices", &rows()).unwrap();
        assert_eq!(read_table(&bytes, &TABLE_LIMITS).unwrap(), rows());
        let mut with_mark = "\u{feff}".as_bytes().to_vec();
        with_mark.extend(bytes);
        assert_eq!(
            read_table(&with_mark, &TABLE_LIMITS).unwrap(),
            rows(),
            "a byte-order mark is ignored"
        );
    }

    #[test]
    fn a_csv_cell_that_a_spreadsheet_would_run_is_written_as_text() {
        let rows = vec![vec![
            "=HYPERLINK(\"http://evil.example\")".to_owned(),
            "@SUM(A1)".to_owned(),
            "+1+2".to_owned(),
            "-5".to_owned(),
            "ই-নথি".to_owned(),
        ]];
        let bytes = write_table(TableFormat::Csv, "decisions", &rows).unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "\"'=HYPERLINK(\"\"http://evil.example\"\")\",'@SUM(A1),'+1+2,-5,ই-নথি\n"
        );
    }

    /// An XLSX file with the given cells (row, column, text), as a spreadsheet program writes one.
    fn sheet_with(cells: &[(u32, u16, &str)]) -> Vec<u8> {
        let mut workbook = Workbook::new();
        let worksheet = workbook.add_worksheet();
        for (row, column, text) in cells {
            worksheet.write_string(*row, *column, *text).unwrap();
        }
        workbook.save_to_buffer().unwrap()
    }

    #[test]
    fn a_sheet_spanning_every_cell_is_refused_at_the_first_cell_past_the_limits() {
        // Two cells, A1 and XFD1048576: a range of the whole grid, 17 billion cells, if allocated.
        let bytes = sheet_with(&[(0, 0, "key"), (1_048_575, 16_383, "x")]);
        assert!(
            bytes.len() < 16 * 1024,
            "a small file: {} bytes",
            bytes.len()
        );
        assert!(matches!(
            read_table(&bytes, &TABLE_LIMITS),
            Err(DocsError::TableTooLarge(TableBound::Rows))
        ));
        let wide = sheet_with(&[(0, 0, "key"), (0, 16_383, "x")]);
        assert!(matches!(
            read_table(&wide, &TABLE_LIMITS),
            Err(DocsError::TableTooLarge(TableBound::Columns))
        ));
    }

    #[test]
    fn cells_are_read_where_the_sheet_puts_them() {
        let bytes = sheet_with(&[(1, 1, "key"), (3, 2, "mole")]);
        assert_eq!(
            read_table(&bytes, &TABLE_LIMITS).unwrap(),
            vec![
                vec![],
                vec![String::new(), "key".into()],
                vec![],
                vec![String::new(), String::new(), "mole".into()],
            ],
            "line numbers stay those of the sheet"
        );
    }

    #[test]
    fn a_table_past_any_limit_is_refused() {
        let small = TableLimits {
            bytes: 64,
            unpacked_bytes: 1024,
            rows: 3,
            columns: 3,
            cells: 7,
        };
        let refused = |bytes: &[u8]| match read_table(bytes, &small) {
            Err(DocsError::TableTooLarge(bound)) => Some(bound),
            _ => None,
        };
        assert_eq!(refused(b"a,b\n1,2\n3,4\n5,6\n"), Some(TableBound::Rows));
        assert_eq!(refused(b"a,b,c,d\n"), Some(TableBound::Columns));
        assert_eq!(refused(b"a,b,c\n1,2,3\n4,5,6\n"), Some(TableBound::Cells));
        assert_eq!(refused(&[b'a'; 65]), Some(TableBound::Bytes));
        assert_eq!(refused(b"a,b\n1,2\n"), None);
        let xlsx = sheet_with(&[(0, 0, "a")]);
        let unpacked = TableLimits {
            bytes: usize::MAX,
            ..small
        };
        assert!(
            matches!(
                read_table(&xlsx, &unpacked),
                Err(DocsError::TableTooLarge(TableBound::Bytes))
            ),
            "an XLSX whose parts unpack past the limit"
        );
    }

    #[test]
    fn a_file_that_is_neither_is_refused() {
        assert!(matches!(
            read_table(&[0xff, 0xfe, 0x00], &TABLE_LIMITS),
            Err(DocsError::UnreadableTable(_))
        ));
        assert!(matches!(
            read_table(b"PK\x03\x04not really a zip", &TABLE_LIMITS),
            Err(DocsError::UnreadableTable(_))
        ));
    }
}
