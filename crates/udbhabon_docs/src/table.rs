//! Tables as files, for imports and exports: rows of text read from CSV (UTF-8) or XLSX, and written as
//! either. Every cell is text, so codes such as "036" keep their leading zeros.

use std::io::Cursor;

use calamine::{Reader, Xlsx, open_workbook_from_rs};
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

/// Reads the first sheet of an XLSX file, or a CSV file (a UTF-8 byte-order mark is allowed), by content.
pub fn read_table(bytes: &[u8]) -> Result<Rows, DocsError> {
    // XLSX files are ZIP archives.
    if bytes.starts_with(b"PK\x03\x04") {
        let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
            .map_err(|error: calamine::XlsxError| DocsError::UnreadableTable(error.to_string()))?;
        let range = workbook
            .worksheet_range_at(0)
            .ok_or_else(|| DocsError::UnreadableTable("the workbook has no sheet".into()))?
            .map_err(|error| DocsError::UnreadableTable(error.to_string()))?;
        return Ok(range
            .rows()
            .map(|row| {
                row.iter()
                    .map(|cell| cell.to_string().trim().to_owned())
                    .collect()
            })
            .collect());
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| DocsError::UnreadableTable("it is not UTF-8 text".into()))?;
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|record| {
            record
                .map(|record| record.iter().map(str::to_owned).collect())
                .map_err(|error| DocsError::UnreadableTable(error.to_string()))
        })
        .collect()
}

/// Writes rows as a file of the given format; in XLSX the first row is bold and frozen.
pub fn write_table(format: TableFormat, sheet: &str, rows: &Rows) -> Result<Vec<u8>, DocsError> {
    let failed = |error: &dyn std::fmt::Display| DocsError::TableWrite(error.to_string());
    match format {
        TableFormat::Csv => {
            let mut writer = csv::Writer::from_writer(Vec::new());
            for row in rows {
                writer.write_record(row).map_err(|error| failed(&error))?;
            }
            writer.into_inner().map_err(|error| failed(&error))
        }
        TableFormat::Xlsx => {
            let mut workbook = Workbook::new();
            let worksheet = workbook.add_worksheet();
            worksheet.set_name(sheet).map_err(|error| failed(&error))?;
            let bold = Format::new().set_bold();
            for (r, row) in rows.iter().enumerate() {
                let r = u32::try_from(r).map_err(|error| failed(&error))?;
                for (c, cell) in row.iter().enumerate() {
                    let c = u16::try_from(c).map_err(|error| failed(&error))?;
                    if r == 0 {
                        worksheet
                            .write_string_with_format(r, c, cell, &bold)
                            .map_err(|error| failed(&error))?;
                    } else {
                        worksheet
                            .write_string(r, c, cell)
                            .map_err(|error| failed(&error))?;
                    }
                }
            }
            worksheet
                .set_freeze_panes(1, 0)
                .map_err(|error| failed(&error))?;
            worksheet.autofit();
            workbook.save_to_buffer().map_err(|error| failed(&error))
        }
    }
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
        assert_eq!(read_table(&bytes).unwrap(), rows());
    }

    #[test]
    fn a_table_written_as_csv_reads_back_with_quotes_and_commas_intact() {
        let bytes = write_table(TableFormat::Csv, "offices", &rows()).unwrap();
        assert_eq!(read_table(&bytes).unwrap(), rows());
        let mut with_mark = "\u{feff}".as_bytes().to_vec();
        with_mark.extend(bytes);
        assert_eq!(
            read_table(&with_mark).unwrap(),
            rows(),
            "a byte-order mark is ignored"
        );
    }

    #[test]
    fn a_file_that_is_neither_is_refused() {
        assert!(matches!(
            read_table(&[0xff, 0xfe, 0x00]),
            Err(DocsError::UnreadableTable(_))
        ));
        assert!(matches!(
            read_table(b"PK\x03\x04not really a zip"),
            Err(DocsError::UnreadableTable(_))
        ));
    }
}
