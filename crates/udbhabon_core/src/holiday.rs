//! The holiday calendar: a year's holidays for anyone to read and download, kept by the administrator
//! (typed one by one, the fixed-date ones added from `data/holidays.toml`, or imported from a table), and
//! the working-day calendar every statutory clock counts on.

use std::sync::LazyLock;

use chrono::NaiveDate;
use serde::Deserialize;
use udbhabon_db::Tx;
use udbhabon_db::holiday::HolidayRow;
use udbhabon_docs::table::{Rows, TableFormat, write_table};
use udbhabon_domain::holiday::{
    Holiday, HolidayFields, HolidayKind, WorkingCalendar, check_holiday, clash,
};
use udbhabon_domain::{Bilingual, FieldError, ValidationErrors, Vocabulary};

use crate::account::SignedIn;
use crate::table::{cell, data_rows, header_problems, read_import};
use crate::{App, Error};

/// The columns of a holiday table, in and out; the first three are required.
pub const HOLIDAY_COLUMNS: [&str; 6] = ["starts", "name_bn", "kind", "ends", "name_en", "moon"];

/// The holidays on a fixed date every year, and the names of those the moon dates.
#[derive(Debug, Deserialize)]
pub struct HolidayList {
    pub fixed: Vec<FixedHoliday>,
    pub moon: Vec<MoonHoliday>,
}

#[derive(Debug, Deserialize)]
pub struct FixedHoliday {
    pub month: u32,
    pub day: u32,
    pub kind: HolidayKind,
    pub name: Bilingual,
}

#[derive(Debug, Deserialize)]
pub struct MoonHoliday {
    pub name: Bilingual,
}

/// The list, read once; the file is part of the program, and a test reads it.
pub static HOLIDAY_LIST: LazyLock<HolidayList> = LazyLock::new(|| {
    toml::from_str(include_str!("../../../data/holidays.toml"))
        .expect("data/holidays.toml is checked by the tests")
});

/// The list's fixed-date holidays in `year`.
pub(crate) fn fixed_holidays(year: i32) -> Vec<Holiday> {
    HOLIDAY_LIST
        .fixed
        .iter()
        .filter_map(|fixed| {
            let day = NaiveDate::from_ymd_opt(year, fixed.month, fixed.day)?;
            Some(Holiday {
                name: fixed.name.clone(),
                kind: fixed.kind,
                starts: day,
                ends: day,
                moon: false,
            })
        })
        .collect()
}

/// What an import did: every line added, or nothing with each problem by line.
#[derive(Debug)]
pub enum HolidayImport {
    Imported {
        rows: usize,
    },
    /// Nothing was imported; each problem names its line in the file (the header is line 1).
    Rejected {
        problems: Vec<(usize, FieldError)>,
    },
}

/// The refusal of a holiday that shares a day with one recorded or listed before it.
fn clashing(field: &str, other: &Holiday) -> FieldError {
    let mut errors = ValidationErrors::new();
    errors
        .add(field, "error-holiday-clash")
        .with("name", &other.name.bn)
        .with("date", other.starts.format("%d-%m-%Y"));
    errors.errors.remove(0)
}

impl App {
    /// The holidays beginning in a calendar year, in date order.
    pub async fn holidays_of_year(&self, year: i32) -> Result<Vec<HolidayRow>, Error> {
        Ok(self.db.holidays_of_year(year).await?)
    }

    pub async fn holiday(&self, id: i32) -> Result<HolidayRow, Error> {
        Ok(self.db.holiday(id).await?)
    }

    /// The calendar of every holiday recorded, which every working-day clock counts on.
    pub async fn working_calendar(&self) -> Result<WorkingCalendar, Error> {
        let rows = self.db.holidays().await?;
        Ok(WorkingCalendar::new(rows.iter().map(|row| &row.holiday)))
    }

    /// Records a holiday; one sharing a day with a recorded holiday is refused, naming it.
    pub async fn add_holiday(&self, who: &SignedIn, fields: &HolidayFields) -> Result<i32, Error> {
        self.require_administrator(who).await?;
        let holiday = check_holiday(fields)?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        refuse_clash(&tx, &holiday, None).await?;
        let id = tx.insert_holiday(&holiday).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Corrects a holiday: the day a moon-dependent holiday was announced for, its name or its kind.
    pub async fn change_holiday(
        &self,
        who: &SignedIn,
        id: i32,
        fields: &HolidayFields,
    ) -> Result<(), Error> {
        self.require_administrator(who).await?;
        let holiday = check_holiday(fields)?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        refuse_clash(&tx, &holiday, Some(id)).await?;
        tx.update_holiday(id, &holiday).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn remove_holiday(&self, who: &SignedIn, id: i32) -> Result<(), Error> {
        self.require_administrator(who).await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.delete_holiday(id).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Adds to `year` each fixed-date holiday of the list whose day no holiday holds yet; returns how
    /// many were added.
    pub async fn add_fixed_holidays(&self, who: &SignedIn, year: i32) -> Result<usize, Error> {
        self.require_administrator(who).await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let mut added = 0;
        for holiday in fixed_holidays(year) {
            if tx
                .holidays_overlapping(holiday.starts, holiday.ends)
                .await?
                .is_empty()
            {
                tx.insert_holiday(&holiday).await?;
                added += 1;
            }
        }
        tx.commit().await?;
        Ok(added)
    }

    /// Imports a table of holidays ([`HOLIDAY_COLUMNS`]): every line is recorded, or none when any line
    /// is wrong or shares a day with a recorded holiday or an earlier line.
    pub async fn import_holidays(
        &self,
        who: &SignedIn,
        file: &[u8],
    ) -> Result<HolidayImport, Error> {
        self.require_administrator(who).await?;
        let rows = match read_import(file) {
            Ok(rows) => rows,
            Err(problems) => return Ok(HolidayImport::Rejected { problems }),
        };
        let headers = rows.first().cloned().unwrap_or_default();
        let mut problems = header_problems(&headers, &HOLIDAY_COLUMNS, &HOLIDAY_COLUMNS[..3]);
        if !problems.is_empty() {
            return Ok(HolidayImport::Rejected { problems });
        }
        let mut holidays: Vec<(usize, Holiday)> = Vec::new();
        for (line, row) in data_rows(rows) {
            let column = |name: &str| cell(&headers, &row, name);
            let fields = HolidayFields {
                name: Bilingual::new(column("name_bn"), column("name_en")),
                kind: column("kind"),
                starts: column("starts"),
                ends: column("ends"),
                moon: matches!(
                    column("moon").trim().to_lowercase().as_str(),
                    "yes" | "true" | "1" | "হ্যাঁ"
                ),
            };
            match check_holiday(&fields) {
                Ok(holiday) => {
                    let earlier: Vec<Holiday> =
                        holidays.iter().map(|(_, held)| held.clone()).collect();
                    if let Some(other) = clash(&holiday, &earlier) {
                        problems.push((line, clashing("starts", other)));
                    }
                    holidays.push((line, holiday));
                }
                Err(errors) => {
                    problems.extend(errors.errors.into_iter().map(|error| (line, error)))
                }
            }
        }
        if !problems.is_empty() {
            return Ok(HolidayImport::Rejected { problems });
        }
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        for (line, holiday) in &holidays {
            let recorded = tx
                .holidays_overlapping(holiday.starts, holiday.ends)
                .await?;
            if let Some(other) = recorded.first() {
                problems.push((*line, clashing("starts", &other.holiday)));
            }
        }
        if !problems.is_empty() {
            return Ok(HolidayImport::Rejected { problems });
        }
        for (_, holiday) in &holidays {
            tx.insert_holiday(holiday).await?;
        }
        tx.commit().await?;
        Ok(HolidayImport::Imported {
            rows: holidays.len(),
        })
    }

    /// A year's holidays as a table in the import's columns.
    pub async fn export_holidays(&self, year: i32, format: TableFormat) -> Result<Vec<u8>, Error> {
        let mut rows: Rows = vec![
            HOLIDAY_COLUMNS
                .iter()
                .map(|column| (*column).to_owned())
                .collect(),
        ];
        for row in self.db.holidays_of_year(year).await? {
            let holiday = row.holiday;
            rows.push(vec![
                holiday.starts.format("%Y-%m-%d").to_string(),
                holiday.name.bn,
                holiday.kind.code().to_owned(),
                holiday.ends.format("%Y-%m-%d").to_string(),
                holiday.name.en,
                if holiday.moon { "yes" } else { "no" }.to_owned(),
            ]);
        }
        write_table(format, "holidays", &rows).map_err(|error| Error::Internal(error.to_string()))
    }
}

/// Refuses `holiday` when it shares a day with a recorded holiday other than `except` (itself, when
/// corrected), naming that holiday.
async fn refuse_clash(tx: &Tx, holiday: &Holiday, except: Option<i32>) -> Result<(), Error> {
    let recorded = tx
        .holidays_overlapping(holiday.starts, holiday.ends)
        .await?;
    match recorded.iter().find(|row| Some(row.id) != except) {
        Some(other) => {
            let mut errors = ValidationErrors::new();
            errors.errors.push(clashing("starts", &other.holiday));
            Err(Error::Invalid(errors))
        }
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_holiday_list_reads_and_every_fixed_date_exists() {
        assert!(!HOLIDAY_LIST.fixed.is_empty() && !HOLIDAY_LIST.moon.is_empty());
        for fixed in &HOLIDAY_LIST.fixed {
            assert!(
                NaiveDate::from_ymd_opt(2025, fixed.month, fixed.day).is_some(),
                "{}",
                fixed.name.en
            );
            assert!(!fixed.name.bn.is_empty() && !fixed.name.en.is_empty());
        }
    }
}
