//! Administering the office tree: adding offices and units, and importing or exporting either as CSV or
//! XLSX. An import is all or nothing: every row is checked first, and one bad row imports none.

use std::collections::{HashMap, HashSet};

use udbhabon_db::office::OfficeRow;
use udbhabon_db::write::{NewOffice, NewUnit};
use udbhabon_domain::office::{
    OfficeDraft, OfficeFields, UnitDraft, UnitFields, check_office, check_unit,
};
use udbhabon_domain::{FieldError, ValidationErrors, Vocabulary};

use crate::table::{cell, data_rows, header_problems, problem, read_import};

use udbhabon_docs::table::{Rows, TableFormat, write_table};

use udbhabon_db::Author;

use crate::account::SignedIn;
use crate::{App, Error};

/// The columns of the office table, in order; the first five are required.
pub const OFFICE_COLUMNS: [&str; 11] = [
    "key",
    "parent",
    "kind",
    "name_bn",
    "name_en",
    "short_name_en",
    "memo_code",
    "website",
    "email",
    "phone",
    "district",
];

/// The columns of the unit table, in order; all but `parent` and `memo_code` are required. `office` is
/// the key of the office the unit belongs to, `parent` the key of the unit it sits under.
pub const UNIT_COLUMNS: [&str; 7] = [
    "key",
    "office",
    "level",
    "name_bn",
    "name_en",
    "parent",
    "memo_code",
];
const UNIT_REQUIRED: [&str; 5] = ["key", "office", "level", "name_bn", "name_en"];

/// Which table a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TreeTable {
    Offices,
    Units,
}

/// What an import did.
#[derive(Debug, Clone)]
pub enum ImportOutcome {
    Imported {
        table: TreeTable,
        rows: usize,
    },
    /// Nothing was imported; each problem names its line in the file (the header is line 1).
    Rejected {
        problems: Vec<(usize, FieldError)>,
    },
}

/// A new unit of an office, as typed.
#[derive(Debug, Clone)]
pub struct UnitForm {
    pub office_id: i32,
    pub fields: UnitFields,
}

/// How many offices a search of the tree lists at most.
const FOUND_OFFICES: u64 = 100;

impl App {
    /// The offices whose key or name contains `text` (at most `FOUND_OFFICES`), for an administrator
    /// looking one up in a tree too large to list.
    pub async fn find_offices(&self, who: &SignedIn, text: &str) -> Result<Vec<OfficeRow>, Error> {
        self.require_administrator(who).await?;
        Ok(self.db.find_offices(text, FOUND_OFFICES).await?)
    }

    /// Adds one office below an existing one (or at the top).
    pub async fn create_office(&self, who: &SignedIn, fields: &OfficeFields) -> Result<i32, Error> {
        self.require_administrator(who).await?;
        let draft = check_office(fields)?;
        let mut errors = ValidationErrors::new();
        if self.db.office_by_key(&draft.key).await.is_ok() {
            errors.add("key", "error-key-taken");
        }
        let parent_id = match &draft.parent_key {
            Some(parent) => match self.db.office_by_key(parent).await {
                Ok(office) => Some(office.id),
                Err(_) => {
                    errors.add("parent", "error-parent-unknown");
                    None
                }
            },
            None => None,
        };
        errors.into_result(())?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let id = tx.insert_office(new_office(draft, parent_id)).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Adds a unit (wing, branch, section, cell) to an office.
    pub async fn create_unit(&self, who: &SignedIn, form: UnitForm) -> Result<i32, Error> {
        self.require_administrator(who).await?;
        self.db.office_by_id(form.office_id).await?;
        let draft = check_unit(&form.fields)?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let id = tx
            .insert_unit(new_unit(draft, form.office_id, None))
            .await
            .map_err(|error| match error {
                udbhabon_db::DbError::Conflict(_) => {
                    let mut errors = ValidationErrors::new();
                    errors.add("key", "error-key-taken");
                    Error::Invalid(errors)
                }
                other => other.into(),
            })?;
        tx.commit().await?;
        Ok(id)
    }

    /// Imports offices or units from a CSV (UTF-8) or XLSX file whose first row names the columns: a
    /// `level` column makes it a file of units (`UNIT_COLUMNS`), otherwise of offices (`OFFICE_COLUMNS`).
    pub async fn import_tree(&self, who: &SignedIn, file: &[u8]) -> Result<ImportOutcome, Error> {
        self.require_administrator(who).await?;
        self.import_tree_as(self.author(Some(who), ""), file).await
    }

    /// Imports an office or unit table from the operator's command line (`author` names the command).
    pub async fn import_tree_by_operator(
        &self,
        file: &[u8],
        author: &str,
    ) -> Result<ImportOutcome, Error> {
        self.import_tree_as(self.author(None, author), file).await
    }

    async fn import_tree_as(&self, author: Author, file: &[u8]) -> Result<ImportOutcome, Error> {
        let rows = match read_import(file) {
            Ok(rows) => rows,
            Err(problems) => return Ok(ImportOutcome::Rejected { problems }),
        };
        let headers = rows.first().cloned().unwrap_or_default();
        if headers.iter().any(|header| header == "level") {
            self.import_units(author, &headers, rows).await
        } else {
            self.import_offices(author, &headers, rows).await
        }
    }

    /// Offices: a parent is an office already recorded or one on an earlier line.
    async fn import_offices(
        &self,
        author: Author,
        headers: &[String],
        rows: Rows,
    ) -> Result<ImportOutcome, Error> {
        let mut problems = header_problems(headers, &OFFICE_COLUMNS, &OFFICE_COLUMNS[..5]);
        if !problems.is_empty() {
            return Ok(ImportOutcome::Rejected { problems });
        }
        // Every office a line may name as its parent: those recorded, then those on earlier lines.
        let mut known: HashSet<String> = self
            .db
            .offices()
            .await?
            .into_iter()
            .map(|office| office.key)
            .collect();
        let mut drafts: Vec<OfficeDraft> = Vec::new();
        for (line, row) in data_rows(rows) {
            let column = |name: &str| cell(headers, &row, name);
            let fields = OfficeFields {
                key: column("key"),
                parent_key: column("parent"),
                kind: column("kind"),
                name_bn: column("name_bn"),
                name_en: column("name_en"),
                short_name_en: column("short_name_en"),
                memo_code: column("memo_code"),
                website: column("website"),
                email: column("email"),
                phone: column("phone"),
                district: column("district"),
            };
            match check_office(&fields) {
                Ok(draft) => {
                    if let Some(parent) = &draft.parent_key
                        && !known.contains(parent)
                    {
                        problems.push((line, problem("parent", "error-parent-unknown")));
                    }
                    if !known.insert(draft.key.clone()) {
                        problems.push((line, problem("key", "error-key-taken")));
                    }
                    drafts.push(draft);
                }
                Err(errors) => {
                    problems.extend(errors.errors.into_iter().map(|error| (line, error)))
                }
            }
        }
        if !problems.is_empty() {
            return Ok(ImportOutcome::Rejected { problems });
        }
        let offices = drafts
            .into_iter()
            .map(|draft| {
                let parent_key = draft.parent_key.clone();
                (new_office(draft, None), parent_key)
            })
            .collect();
        let tx = self.db.begin(author).await?;
        let count = tx.insert_office_tree(offices).await?;
        tx.commit().await?;
        Ok(ImportOutcome::Imported {
            table: TreeTable::Offices,
            rows: count,
        })
    }

    /// Units: the office must be recorded; a parent is a unit of the same office, recorded or on an
    /// earlier line.
    async fn import_units(
        &self,
        author: Author,
        headers: &[String],
        rows: Rows,
    ) -> Result<ImportOutcome, Error> {
        let mut problems = header_problems(headers, &UNIT_COLUMNS, &UNIT_REQUIRED);
        if !problems.is_empty() {
            return Ok(ImportOutcome::Rejected { problems });
        }
        let offices: HashMap<String, i32> = self
            .db
            .offices()
            .await?
            .into_iter()
            .map(|office| (office.key, office.id))
            .collect();
        // Each known unit's office, by key: those recorded, then those on earlier lines.
        let mut unit_office: HashMap<String, i32> = self
            .db
            .all_units()
            .await?
            .into_iter()
            .map(|unit| (unit.key, unit.office_id))
            .collect();
        let mut drafts: Vec<(UnitDraft, i32)> = Vec::new();
        for (line, row) in data_rows(rows) {
            let column = |name: &str| cell(headers, &row, name);
            let office_id = offices.get(column("office").trim()).copied();
            if office_id.is_none() {
                problems.push((line, problem("office", "error-office-unknown")));
            }
            let fields = UnitFields {
                key: column("key"),
                parent_key: column("parent"),
                level: column("level"),
                name_bn: column("name_bn"),
                name_en: column("name_en"),
                memo_code: column("memo_code"),
            };
            match (check_unit(&fields), office_id) {
                (Ok(draft), Some(office_id)) => {
                    if let Some(parent) = &draft.parent_key
                        && unit_office.get(parent) != Some(&office_id)
                    {
                        problems.push((line, problem("parent", "error-unit-parent-unknown")));
                    }
                    if unit_office.insert(draft.key.clone(), office_id).is_some() {
                        problems.push((line, problem("key", "error-key-taken")));
                    }
                    drafts.push((draft, office_id));
                }
                (Ok(_), None) => {}
                (Err(errors), _) => {
                    problems.extend(errors.errors.into_iter().map(|error| (line, error)))
                }
            }
        }
        if !problems.is_empty() {
            return Ok(ImportOutcome::Rejected { problems });
        }
        let tx = self.db.begin(author).await?;
        let count = drafts.len();
        let mut ids: HashMap<String, i32> = self
            .db
            .all_units()
            .await?
            .into_iter()
            .map(|unit| (unit.key, unit.id))
            .collect();
        for (draft, office_id) in drafts {
            let parent_id = draft
                .parent_key
                .as_ref()
                .and_then(|key| ids.get(key))
                .copied();
            let key = draft.key.clone();
            let id = tx
                .insert_unit(new_unit(draft, office_id, parent_id))
                .await?;
            ids.insert(key, id);
        }
        tx.commit().await?;
        Ok(ImportOutcome::Imported {
            table: TreeTable::Units,
            rows: count,
        })
    }

    /// Every office, parents before children, as a CSV or XLSX file in the import's columns.
    pub async fn export_offices(
        &self,
        who: &SignedIn,
        format: TableFormat,
    ) -> Result<Vec<u8>, Error> {
        self.require_administrator(who).await?;
        let offices = self.offices_in_tree_order().await?;
        let keys: std::collections::HashMap<i32, String> = offices
            .iter()
            .map(|office| (office.id, office.key.clone()))
            .collect();
        let mut rows: Rows = vec![
            OFFICE_COLUMNS
                .iter()
                .map(|column| (*column).to_owned())
                .collect(),
        ];
        for office in &offices {
            let text = |value: &Option<String>| value.clone().unwrap_or_default();
            rows.push(vec![
                office.key.clone(),
                office
                    .parent_id
                    .and_then(|id| keys.get(&id))
                    .cloned()
                    .unwrap_or_default(),
                office.kind.code().to_owned(),
                office.name.bn.clone(),
                office.name.en.clone(),
                text(&office.short_name_en),
                text(&office.memo_code),
                text(&office.website),
                text(&office.email),
                text(&office.phone),
                text(&office.district_code),
            ]);
        }
        write_table(format, "offices", &rows).map_err(|error| Error::Internal(error.to_string()))
    }

    /// Every unit, office by office in tree order and parents before children, in the import's columns.
    pub async fn export_units(
        &self,
        who: &SignedIn,
        format: TableFormat,
    ) -> Result<Vec<u8>, Error> {
        self.require_administrator(who).await?;
        let offices = self.offices_in_tree_order().await?;
        let order: HashMap<i32, usize> = offices
            .iter()
            .enumerate()
            .map(|(index, office)| (office.id, index))
            .collect();
        let mut units = self.db.all_units().await?;
        let keys: HashMap<i32, String> = units
            .iter()
            .map(|unit| (unit.id, unit.key.clone()))
            .collect();
        let parents: HashMap<i32, Option<i32>> =
            units.iter().map(|unit| (unit.id, unit.parent_id)).collect();
        // A unit comes after the one it sits under, so that the file imports back line by line.
        let depth = |mut id: i32| {
            let mut depth = 0;
            while let Some(Some(parent)) = parents.get(&id) {
                depth += 1;
                id = *parent;
                if depth > parents.len() {
                    break;
                }
            }
            depth
        };
        units.sort_by_key(|unit| (order.get(&unit.office_id).copied(), depth(unit.id)));
        let mut rows: Rows = vec![
            UNIT_COLUMNS
                .iter()
                .map(|column| (*column).to_owned())
                .collect(),
        ];
        for unit in &units {
            rows.push(vec![
                unit.key.clone(),
                offices
                    .get(order.get(&unit.office_id).copied().unwrap_or(usize::MAX))
                    .map(|office| office.key.clone())
                    .unwrap_or_default(),
                unit.level.code().to_owned(),
                unit.name.bn.clone(),
                unit.name.en.clone(),
                unit.parent_id
                    .and_then(|id| keys.get(&id))
                    .cloned()
                    .unwrap_or_default(),
                unit.memo_code.clone().unwrap_or_default(),
            ]);
        }
        write_table(format, "units", &rows).map_err(|error| Error::Internal(error.to_string()))
    }
}

fn new_unit(draft: UnitDraft, office_id: i32, parent_id: Option<i32>) -> NewUnit {
    NewUnit {
        key: draft.key,
        office_id,
        parent_id,
        level: draft.level,
        name: draft.name,
        memo_code: draft.memo_code,
        position: i32::MAX,
    }
}

pub(crate) fn new_office(draft: OfficeDraft, parent_id: Option<i32>) -> NewOffice {
    NewOffice {
        key: draft.key,
        parent_id,
        kind: draft.kind,
        name: draft.name,
        short_name_en: draft.short_name_en,
        memo_code: draft.memo_code,
        website: draft.website,
        email: draft.email,
        phone: draft.phone,
        district_code: draft.district_code,
        position: i32::MAX,
    }
}
