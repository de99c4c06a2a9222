//! An office's ICT budget, read with its records and kept by those who run its team: a fiscal year's
//! lines with what was spent on each month by month, a line added, corrected or removed and a
//! month's spending recorded; a year's lines as a table to download, and a table imported in the same
//! columns; and the line the monthly coordination meeting's agenda takes in.

use bangla::FiscalYear;
use udbhabon_db::Tx;
use udbhabon_db::office::OfficeRow;
use udbhabon_db::register::budget::{BudgetLineRow, SpendingRow};
use udbhabon_docs::table::{Rows, TableFormat, write_table};
use udbhabon_domain::account::access::Action;
use udbhabon_domain::register::budget::{
    BudgetKind, BudgetLine, BudgetLineFields, Spending, SpendingFields, check_budget_line,
    check_spending, overspent, utilisation,
};
use udbhabon_domain::{Bilingual, FieldError, Lang, ValidationErrors, Vocabulary};
use udbhabon_i18n::{format, t_args};

use crate::account::SignedIn;
use crate::error::invalid;
use crate::table::{cell, code_of, data_rows, header_problems, problem, read_import};
use crate::{App, Error};

/// The columns of a year's lines as a table: the line, then its months July to June, then what was
/// spent in all and its utilisation in percent; sums in thousand taka. An import reads the same
/// columns and passes over the last two, which follow from the months.
pub const BUDGET_COLUMNS: [&str; 21] = [
    "year",
    "kind",
    "code",
    "head_bn",
    "head_en",
    "allocation",
    "revised",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "spent",
    "utilisation",
];

/// The month columns, July first, as [`BUDGET_COLUMNS`] names them.
const MONTH_COLUMNS: std::ops::Range<usize> = 7..19;

/// The columns an import must have: the line's own, so that a line updating one never takes an absent
/// column for an empty one (an absent month leaves that month as it was).
const REQUIRED_COLUMNS: [&str; 7] = [
    "year",
    "kind",
    "code",
    "head_bn",
    "head_en",
    "allocation",
    "revised",
];

/// An office's lines of a fiscal year, as the register shows them.
#[derive(Debug, Clone)]
pub struct BudgetRegister {
    pub office: OfficeRow,
    pub year: FiscalYear,
    /// The years the office has lines in, with the one shown, those either side of it and the current
    /// one; the latest first.
    pub years: Vec<FiscalYear>,
    pub lines: Vec<BudgetLineRow>,
    /// The months spent on them.
    pub spending: Vec<SpendingRow>,
    /// Whether the reader keeps the register.
    pub can_manage: bool,
}

/// What was spent on a line in all.
pub fn spent_on(line_id: i32, spending: &[SpendingRow]) -> u64 {
    spending
        .iter()
        .filter(|row| row.line_id == line_id)
        .map(|row| row.spending.amount)
        .sum()
}

/// A year's lines taken together: what was available, what was spent, and the lines spent beyond
/// what they had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BudgetTotals {
    pub available: u64,
    pub spent: u64,
    pub overspent_lines: usize,
}

impl BudgetTotals {
    pub fn of(lines: &[BudgetLineRow], spending: &[SpendingRow]) -> Self {
        lines.iter().fold(
            Self {
                available: 0,
                spent: 0,
                overspent_lines: 0,
            },
            |totals, row| {
                let spent = spent_on(row.id, spending);
                let available = row.line.available();
                Self {
                    available: totals.available + available,
                    spent: totals.spent + spent,
                    overspent_lines: totals.overspent_lines
                        + usize::from(overspent(spent, available)),
                }
            },
        )
    }

    /// What was spent, in percent of what was available.
    pub fn utilisation(&self) -> Option<f64> {
        utilisation(self.spent, self.available)
    }
}

/// One line, for its page.
#[derive(Debug, Clone)]
pub struct BudgetLineDetail {
    pub office: OfficeRow,
    pub row: BudgetLineRow,
    pub spending: Vec<SpendingRow>,
    pub can_manage: bool,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BudgetImport {
    /// Lines new to the office were added, and the office's lines of the same year, budget and code
    /// updated; `year` is the first line's.
    Imported {
        added: usize,
        updated: usize,
        year: Option<FiscalYear>,
    },
    /// Nothing was recorded; each problem names its line in the file (the header is line 1) and, as
    /// its field, the column.
    Rejected(Vec<(usize, FieldError)>),
}

/// A line of an import, checked.
struct ImportedLine {
    line: BudgetLine,
    spending: Vec<Spending>,
}

impl App {
    /// An office's lines of a fiscal year (the current one when none is asked for), for those who read
    /// its records.
    pub async fn budget_register(
        &self,
        who: &SignedIn,
        office_key: &str,
        year: Option<FiscalYear>,
    ) -> Result<BudgetRegister, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ViewOfficeRecords, office.id)
            .await?;
        let current = FiscalYear::of(self.today()).map_err(|error| {
            Error::Internal(format!("today is outside every fiscal year: {error}"))
        })?;
        let year = year.unwrap_or(current);
        let mut years = self.db.budget_years_of(office.id).await?;
        years.extend(
            [Some(year), Some(current), year.previous(), year.next()]
                .into_iter()
                .flatten(),
        );
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        let lines = self.db.budget_lines_of(office.id, year).await?;
        let ids: Vec<i32> = lines.iter().map(|row| row.id).collect();
        Ok(BudgetRegister {
            spending: self.db.spending_of(&ids).await?,
            can_manage: self.may(who, Action::ManageTeam, office.id).await?,
            office,
            year,
            years,
            lines,
        })
    }

    /// Adds a budget line to an office; returns its id.
    pub async fn add_budget_line(
        &self,
        who: &SignedIn,
        office_key: &str,
        fields: &BudgetLineFields,
    ) -> Result<i32, Error> {
        let office = self.kept_office(who, office_key).await?;
        let line = check_budget_line(fields)?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        refuse_taken_code(&tx, office.id, &line, None).await?;
        let id = tx.insert_budget_line(office.id, &line).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// One line, for those who read its office's records.
    pub async fn budget_line_detail(
        &self,
        who: &SignedIn,
        id: i32,
    ) -> Result<BudgetLineDetail, Error> {
        let row = self.db.budget_line(id).await?;
        let office = self.db.office_by_id(row.office_id).await?;
        self.require(who, Action::ViewOfficeRecords, office.id)
            .await?;
        Ok(BudgetLineDetail {
            spending: self.db.spending_of(&[id]).await?,
            can_manage: self.may(who, Action::ManageTeam, office.id).await?,
            office,
            row,
        })
    }

    /// Corrects a line; its year stays once spending is recorded, whose months belong to that year.
    pub async fn save_budget_line(
        &self,
        who: &SignedIn,
        id: i32,
        fields: &BudgetLineFields,
    ) -> Result<(), Error> {
        let row = self.managed_budget_line(who, id).await?;
        let line = check_budget_line(fields)?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        // Checked with the line locked, so that no month is recorded between the check and the change.
        if tx.lock_budget_line(id).await?.line.year != line.year && tx.budget_line_spent(id).await?
        {
            return Err(invalid("year", "error-budget-year-spent"));
        }
        refuse_taken_code(&tx, row.office_id, &line, Some(id)).await?;
        tx.update_budget_line(id, &line).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Removes a line of an office entered by mistake, with its spending; returns its year, whose
    /// register it was on. The office is named so that one who may not keep its register is refused even once the
    /// line is gone.
    pub async fn remove_budget_line(
        &self,
        who: &SignedIn,
        (office_key, id): (&str, i32),
    ) -> Result<FiscalYear, Error> {
        let office = self.kept_office(who, office_key).await?;
        let row = self.db.budget_line(id).await?;
        if row.office_id != office.id {
            return Err(Error::NotFound(format!(
                "budget line #{id} of office {office_key}"
            )));
        }
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.remove_budget_line(id).await?;
        tx.commit().await?;
        Ok(row.line.year)
    }

    /// Records what was spent on a line in a month, in place of what was recorded for it before.
    pub async fn record_spending(
        &self,
        who: &SignedIn,
        id: i32,
        fields: &SpendingFields,
    ) -> Result<(), Error> {
        let row = self.managed_budget_line(who, id).await?;
        let spending = check_spending(fields, &row.line, self.today())?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.record_spending(id, spending).await?;
        tx.commit().await?;
        Ok(())
    }

    /// An office's lines of a fiscal year as a table, for those who read its records.
    pub async fn export_budget(
        &self,
        who: &SignedIn,
        office_key: &str,
        year: FiscalYear,
        format: TableFormat,
    ) -> Result<Vec<u8>, Error> {
        let register = self.budget_register(who, office_key, Some(year)).await?;
        let mut rows: Rows = vec![
            BUDGET_COLUMNS
                .iter()
                .map(|column| (*column).to_owned())
                .collect(),
        ];
        for row in &register.lines {
            let line = &row.line;
            let spent = spent_on(row.id, &register.spending);
            let mut cells = vec![
                line.year.short_en(),
                line.kind.code().to_owned(),
                line.code.clone(),
                line.head.bn.clone(),
                line.head.en.clone(),
                line.allocation.to_string(),
                line.revised.map(|sum| sum.to_string()).unwrap_or_default(),
            ];
            cells.extend(line.months().iter().map(|month| {
                register
                    .spending
                    .iter()
                    .find(|spent| spent.line_id == row.id && spent.spending.month == *month)
                    .map(|spent| spent.spending.amount.to_string())
                    .unwrap_or_default()
            }));
            cells.push(spent.to_string());
            cells.push(
                utilisation(spent, line.available())
                    .map(|percent| format!("{percent:.1}"))
                    .unwrap_or_default(),
            );
            rows.push(cells);
        }
        write_table(format, "budget", &rows).map_err(|error| Error::Internal(error.to_string()))
    }

    /// Imports a table of budget lines in [`BUDGET_COLUMNS`]: a line whose year, budget and code the
    /// office has already updates that line, any other is added, and each month filled in records
    /// its spending; everything is recorded, or nothing when any line is wrong.
    pub async fn import_budget(
        &self,
        who: &SignedIn,
        office_key: &str,
        file: &[u8],
    ) -> Result<BudgetImport, Error> {
        let office = self.kept_office(who, office_key).await?;
        let rows = match read_import(file) {
            Ok(rows) => rows,
            Err(problems) => return Ok(BudgetImport::Rejected(problems)),
        };
        let headers = rows.first().cloned().unwrap_or_default();
        let mut problems = header_problems(&headers, &BUDGET_COLUMNS, &REQUIRED_COLUMNS);
        if !problems.is_empty() {
            return Ok(BudgetImport::Rejected(problems));
        }
        let today = self.today();
        let mut lines: Vec<(usize, ImportedLine)> = Vec::new();
        for (number, row) in data_rows(rows) {
            let column = |name: &str| cell(&headers, &row, name);
            let fields = BudgetLineFields {
                year: column("year"),
                kind: code_of(BudgetKind::ALL, BudgetKind::message_key, &column("kind")),
                code: column("code"),
                head_bn: column("head_bn"),
                head_en: column("head_en"),
                allocation: column("allocation"),
                revised: column("revised"),
            };
            let line = match check_budget_line(&fields) {
                Ok(line) => line,
                Err(errors) => {
                    problems.extend(errors.errors.into_iter().map(|error| (number, error)));
                    continue;
                }
            };
            if lines
                .iter()
                .any(|(_, earlier)| same_line(&earlier.line, &line))
            {
                problems.push((number, problem("code", "error-budget-code-repeated")));
            }
            let mut spending = Vec::new();
            for (name, month) in BUDGET_COLUMNS[MONTH_COLUMNS].iter().zip(line.months()) {
                let amount = column(name);
                if amount.is_empty() {
                    continue;
                }
                let fields = SpendingFields {
                    month: month.to_string(),
                    amount,
                };
                match check_spending(&fields, &line, today) {
                    Ok(spent) => spending.push(spent),
                    Err(errors) => problems.extend(errors.errors.into_iter().map(|mut error| {
                        error.field = (*name).to_owned();
                        (number, error)
                    })),
                }
            }
            lines.push((number, ImportedLine { line, spending }));
        }
        if !problems.is_empty() {
            return Ok(BudgetImport::Rejected(problems));
        }
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let (mut added, mut updated) = (0, 0);
        for (_, imported) in &lines {
            let id = match tx.budget_line_coded(office.id, &imported.line).await? {
                Some(existing) => {
                    tx.update_budget_line(existing.id, &imported.line).await?;
                    updated += 1;
                    existing.id
                }
                None => {
                    added += 1;
                    tx.insert_budget_line(office.id, &imported.line).await?
                }
            };
            for spending in &imported.spending {
                tx.record_spending(id, *spending).await?;
            }
        }
        tx.commit().await?;
        Ok(BudgetImport::Imported {
            added,
            updated,
            year: lines.first().map(|(_, imported)| imported.line.year),
        })
    }

    /// A line whose register the reader keeps.
    async fn managed_budget_line(&self, who: &SignedIn, id: i32) -> Result<BudgetLineRow, Error> {
        let row = self.db.budget_line(id).await?;
        self.require(who, Action::ManageTeam, row.office_id).await?;
        Ok(row)
    }

    /// The agenda item the monthly coordination meeting of an office takes in: the current fiscal
    /// year's ICT budget, what was spent of it and the lines spent beyond their allocation; none for an
    /// office without lines that year.
    pub(crate) async fn budget_agenda_item(
        &self,
        office: &OfficeRow,
    ) -> Result<Option<Bilingual>, Error> {
        let Ok(year) = FiscalYear::of(self.today()) else {
            return Ok(None);
        };
        let lines = self.db.budget_lines_of(office.id, year).await?;
        if lines.is_empty() {
            return Ok(None);
        }
        let ids: Vec<i32> = lines.iter().map(|row| row.id).collect();
        let totals = BudgetTotals::of(&lines, &self.db.spending_of(&ids).await?);
        let title = |lang: Lang| {
            let sum = |sum: u64| format::number(lang, i64::try_from(sum).unwrap_or(i64::MAX));
            t_args(
                lang,
                "budget-agenda-item",
                &[
                    ("year", format::fiscal_year(lang, year)),
                    ("available", sum(totals.available)),
                    ("spent", sum(totals.spent)),
                    (
                        "percent",
                        format::digits(
                            lang,
                            &format!("{:.1}", totals.utilisation().unwrap_or_default()),
                        ),
                    ),
                    (
                        "overspent",
                        format::number(
                            lang,
                            i64::try_from(totals.overspent_lines).unwrap_or_default(),
                        ),
                    ),
                ],
            )
        };
        Ok(Some(Bilingual::new(title(Lang::Bn), title(Lang::En))))
    }
}

/// Whether two lines are of the same year, budget and code.
fn same_line(one: &BudgetLine, other: &BudgetLine) -> bool {
    (one.year, one.kind, &one.code) == (other.year, other.kind, &other.code)
}

/// Refuses a line whose year, budget and code another line of the office (than `except`) has.
async fn refuse_taken_code(
    tx: &Tx,
    office_id: i32,
    line: &BudgetLine,
    except: Option<i32>,
) -> Result<(), Error> {
    match tx.budget_line_coded(office_id, line).await? {
        Some(other) if Some(other.id) != except => {
            let mut errors = ValidationErrors::new();
            errors
                .add("code", "error-budget-code-taken")
                .with("head", other.line.head.bn.clone());
            Err(Error::Invalid(errors))
        }
        _ => Ok(()),
    }
}
