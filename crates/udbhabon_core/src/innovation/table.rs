//! The innovation database as a spreadsheet (decision 2.3: the database in a set format): an office's
//! innovations, and those of the offices below it, exported as XLSX under Bengali headers, and a
//! sheet in the same columns imported for one office, all of it or none with a problem per line.

use udbhabon_db::office::OfficeRow;
use udbhabon_docs::table::{TableFormat, TableWriter};
use udbhabon_domain::innovation::{
    InnovationDraft, InnovationFields, InnovationKind, InnovationStage, ServiceChannel,
    check_innovation,
};
use udbhabon_domain::{FieldError, Lang, Vocabulary};
use udbhabon_i18n::{format, t};

use crate::account::SignedIn;
use crate::table::{cell, code_of, data_rows, date_cell, header_problems, problem, read_import};
use crate::{App, Error};

/// The sheet's columns, in order: where the prescribed format is not published, the fields domain.md
/// suggests, named as the form names them.
pub const INNOVATION_COLUMNS: [&str; 23] = [
    "ক্রমিক",
    "দপ্তর",
    "ধরন",
    "অবস্থা",
    "শিরোনাম",
    "ইংরেজি শিরোনাম",
    "যে সেবায় পরিবর্তন",
    "বিদ্যমান সমস্যা",
    "সমস্যার মূল কারণ",
    "সমাধান",
    "শুরুর তারিখ",
    "বাস্তবায়নের তারিখ",
    "সেবার লিংক",
    "সেবা প্রদানের মাধ্যম",
    "প্রমাণক লিংক",
    "সময় আগে (দিন)",
    "সময় পরে (দিন)",
    "খরচ আগে (টাকা)",
    "খরচ পরে (টাকা)",
    "যাতায়াত আগে (বার)",
    "যাতায়াত পরে (বার)",
    "ধাপ আগে",
    "ধাপ পরে",
];
const REQUIRED: [&str; 4] = ["ধরন", "শিরোনাম", "বিদ্যমান সমস্যা", "সমাধান"];

/// What an import did.
#[derive(Debug, Clone)]
pub enum InnovationImport {
    /// This many innovations were recorded.
    Imported(usize),
    /// Nothing was recorded; each problem names its line in the file (the header is line 1) and, as
    /// its field, the column.
    Rejected(Vec<(usize, FieldError)>),
}

/// The columns whose text must be Unicode Bengali (or English), never a legacy encoding.
const TEXT_COLUMNS: [&str; 6] = [
    "দপ্তর",
    "শিরোনাম",
    "যে সেবায় পরিবর্তন",
    "বিদ্যমান সমস্যা",
    "সমস্যার মূল কারণ",
    "সমাধান",
];

/// The column a form field is typed in, for naming a problem the way the sheet does.
fn column_of(field: &str) -> &str {
    match field {
        "kind" => "ধরন",
        "stage" => "অবস্থা",
        "title" => "শিরোনাম",
        "title_en" => "ইংরেজি শিরোনাম",
        "service" => "যে সেবায় পরিবর্তন",
        "problem" => "বিদ্যমান সমস্যা",
        "root_cause" => "সমস্যার মূল কারণ",
        "solution" => "সমাধান",
        "started_on" => "শুরুর তারিখ",
        "completed_on" => "বাস্তবায়নের তারিখ",
        "service_link" => "সেবার লিংক",
        "channel" => "সেবা প্রদানের মাধ্যম",
        "links" => "প্রমাণক লিংক",
        "tcv_days" => "সময় আগে (দিন)",
        "tcv_cost" => "খরচ আগে (টাকা)",
        "tcv_visits" => "যাতায়াত আগে (বার)",
        "tcv_steps" => "ধাপ আগে",
        other => other,
    }
}

fn fields_of(headers: &[String], row: &[String]) -> InnovationFields {
    let column = |name: &str| cell(headers, row, name);
    InnovationFields {
        kind: code_of(
            InnovationKind::ALL,
            InnovationKind::message_key,
            &column("ধরন"),
        ),
        stage: match column("অবস্থা").as_str() {
            "" => InnovationStage::Idea.code().to_owned(),
            stage => code_of(InnovationStage::ALL, InnovationStage::message_key, stage),
        },
        title: column("শিরোনাম"),
        title_en: column("ইংরেজি শিরোনাম"),
        service: column("যে সেবায় পরিবর্তন"),
        problem: column("বিদ্যমান সমস্যা"),
        root_cause: column("সমস্যার মূল কারণ"),
        solution: column("সমাধান"),
        started_on: date_cell(&column("শুরুর তারিখ")),
        completed_on: date_cell(&column("বাস্তবায়নের তারিখ")),
        service_link: column("সেবার লিংক"),
        channel: match column("সেবা প্রদানের মাধ্যম").as_str() {
            "" => String::new(),
            channel => code_of(ServiceChannel::ALL, ServiceChannel::message_key, channel),
        },
        links: column("প্রমাণক লিংক"),
        tcv: [
            (column("সময় আগে (দিন)"), column("সময় পরে (দিন)")),
            (column("খরচ আগে (টাকা)"), column("খরচ পরে (টাকা)")),
            (column("যাতায়াত আগে (বার)"), column("যাতায়াত পরে (বার)")),
            (column("ধাপ আগে"), column("ধাপ পরে")),
        ],
    }
}

/// A figure as the sheet writes it: plain digits, so that a spreadsheet reads it as a number.
fn plain(value: Option<f64>) -> String {
    value.map(|value| value.to_string()).unwrap_or_default()
}

fn row_of(serial: usize, office: &OfficeRow, record: &InnovationDraft) -> Vec<String> {
    let day = |day: Option<chrono::NaiveDate>| day.map(|day| day.to_string()).unwrap_or_default();
    let mut row = vec![
        format::number(Lang::Bn, serial as i64),
        office.name.bn.clone(),
        t(Lang::Bn, &record.kind.message_key()),
        t(Lang::Bn, &record.stage.message_key()),
        record.title.clone(),
        record.title_en.clone(),
        record.service.clone(),
        record.problem.clone(),
        record.root_cause.clone(),
        record.solution.clone(),
        day(record.started_on),
        day(record.completed_on),
        record.service_link.clone().unwrap_or_default(),
        record
            .channel
            .map(|channel| t(Lang::Bn, &channel.message_key()))
            .unwrap_or_default(),
        record.links.join("\n"),
    ];
    for measure in record.tcv.measures() {
        row.push(plain(measure.map(|values| values.before)));
        row.push(plain(measure.map(|values| values.after)));
    }
    row
}

/// Innovations read from the database at a time while a sheet is written.
const EXPORT_PAGE: u64 = 500;

impl App {
    /// The innovations of an office and of the offices below it, newest first, as an XLSX sheet in
    /// [`INNOVATION_COLUMNS`].
    pub async fn export_innovations(
        &self,
        who: &SignedIn,
        office_key: &str,
    ) -> Result<(OfficeRow, Vec<u8>), Error> {
        let office = self.listed_office(who, Some(office_key)).await?;
        let failed = |error: udbhabon_docs::DocsError| Error::Internal(error.to_string());
        let header: Vec<String> = INNOVATION_COLUMNS
            .iter()
            .map(|column| (*column).to_owned())
            .collect();
        let mut sheet = TableWriter::new(TableFormat::Xlsx, "উদ্ভাবন", &header).map_err(failed)?;
        // Read and written a page at a time, so that a ministry's whole database is never in memory.
        let (mut serial, mut before) = (0, None);
        loop {
            let (innovations, _) = self
                .innovations_window(&office, None, before, (0, EXPORT_PAGE))
                .await?;
            let Some((last, _)) = innovations.last() else {
                break;
            };
            before = Some(last.id);
            for (row, owner) in &innovations {
                serial += 1;
                sheet
                    .push(&row_of(serial, owner, &row.record))
                    .map_err(failed)?;
            }
        }
        Ok((office, sheet.finish().map_err(failed)?))
    }

    /// Imports a sheet of innovations for an office: every line is checked first (a legacy-encoded
    /// text, a line of another office, or any field the form would refuse), and one bad line imports
    /// none. The problems name the line (the header is line 1) and the column.
    pub async fn import_innovations(
        &self,
        who: &SignedIn,
        office_key: &str,
        file: &[u8],
    ) -> Result<InnovationImport, Error> {
        let office = self.innovation_office(who, office_key).await?;
        let rows = match read_import(file) {
            Ok(rows) => rows,
            Err(problems) => return Ok(InnovationImport::Rejected(problems)),
        };
        let headers = rows.first().cloned().unwrap_or_default();
        let mut problems = header_problems(&headers, &INNOVATION_COLUMNS, &REQUIRED);
        if !problems.is_empty() {
            return Ok(InnovationImport::Rejected(problems));
        }
        let mut drafts = Vec::new();
        for (line, row) in data_rows(rows) {
            let column = |name: &str| cell(&headers, &row, name);
            for name in TEXT_COLUMNS {
                if bangla::legacy::looks_like_legacy_bengali(&column(name)) {
                    problems.push((line, problem(name, "error-import-legacy-bengali")));
                }
            }
            let named_office = column("দপ্তর");
            if !named_office.is_empty()
                && named_office != office.name.bn
                && named_office != office.name.en
            {
                problems.push((line, problem("দপ্তর", "error-import-other-office")));
            }
            match check_innovation(&fields_of(&headers, &row)) {
                Ok(draft) => drafts.push(draft),
                Err(errors) => problems.extend(errors.errors.into_iter().map(|error| {
                    let field = column_of(&error.field).to_owned();
                    (line, FieldError { field, ..error })
                })),
            }
        }
        if drafts.is_empty() && problems.is_empty() {
            problems.push((2, problem("file", "error-import-empty")));
        }
        if !problems.is_empty() {
            return Ok(InnovationImport::Rejected(problems));
        }
        let count = drafts.len();
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        for draft in drafts {
            tx.insert_innovation(office.id, draft, None).await?;
        }
        tx.commit().await?;
        Ok(InnovationImport::Imported(count))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_either_language_and_codes_name_a_kind() {
        let kind = |text| code_of(InnovationKind::ALL, InnovationKind::message_key, text);
        assert_eq!(kind("সেবা সহজিকরণ"), "simplification");
        assert_eq!(kind("digitization"), "digitization");
        assert_eq!(kind("Service simplification"), "simplification");
        assert_eq!(kind("অন্য কিছু"), "অন্য কিছু");
    }

    #[test]
    fn a_spreadsheet_day_number_is_a_date_and_text_stays_text() {
        assert_eq!(date_cell("45839"), "2025-07-01");
        assert_eq!(date_cell("০১-০৭-২০২৫"), "০১-০৭-২০২৫");
        assert_eq!(date_cell(""), "");
    }
}
