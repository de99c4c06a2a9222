//! Administering the office tree: adding offices and units, and importing or exporting offices as CSV or XLSX.
//! An import is all or nothing: every row is checked first, and one bad row imports none.

use std::collections::HashSet;

use udbhabon_db::write::{NewOffice, NewUnit};
use udbhabon_domain::office::{OfficeDraft, OfficeFields, UnitLevel, check_office, valid_key};
use udbhabon_domain::{Bilingual, FieldError, ValidationErrors, Vocabulary};

use udbhabon_docs::table::{Rows, TableFormat, read_table, write_table};

use crate::account::SignedIn;
use crate::{App, Error};

/// The columns of the office CSV, in order; the first five are required.
pub const OFFICE_COLUMNS: [&str; 10] = [
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
];

/// What an import did.
#[derive(Debug, Clone)]
pub enum ImportOutcome {
    Imported {
        offices: usize,
    },
    /// Nothing was imported; each problem names its line in the file (the header is line 1).
    Rejected {
        problems: Vec<(usize, FieldError)>,
    },
}

/// A new unit.
#[derive(Debug, Clone)]
pub struct UnitForm {
    pub office_id: i32,
    pub key: String,
    pub level: String,
    pub name_bn: String,
    pub name_en: String,
    pub memo_code: String,
}

fn problem(field: &str, key: &'static str) -> FieldError {
    let mut errors = ValidationErrors::new();
    errors.add(field, key);
    errors.errors.remove(0)
}

impl App {
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
        let mut errors = ValidationErrors::new();
        let key = form.key.trim().to_owned();
        if !valid_key(&key) {
            errors.add("key", "error-key");
        }
        let level = UnitLevel::from_code(form.level.trim());
        if level.is_err() {
            errors.add("level", "error-required");
        }
        for (field, value) in [("name_bn", &form.name_bn), ("name_en", &form.name_en)] {
            if value.trim().is_empty() {
                errors.add(field, "error-required");
            }
        }
        let code = bangla::digits::to_ascii_digits(form.memo_code.trim());
        if !code.is_empty() && (code.len() != 3 || !code.bytes().all(|byte| byte.is_ascii_digit()))
        {
            errors.add("memo_code", "error-unit-code");
        }
        let (Ok(level), true) = (level, errors.is_empty()) else {
            return Err(errors.into());
        };
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let id = tx
            .insert_unit(NewUnit {
                key,
                office_id: form.office_id,
                parent_id: None,
                level,
                name: Bilingual::new(form.name_bn.trim(), form.name_en.trim()),
                memo_code: Some(code).filter(|code| !code.is_empty()),
                position: i32::MAX,
            })
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

    /// Imports offices from a CSV (UTF-8) or XLSX file whose first row names the columns
    /// (`OFFICE_COLUMNS`); a parent is an office already recorded or one on an earlier line.
    pub async fn import_offices(
        &self,
        who: &SignedIn,
        file: &[u8],
    ) -> Result<ImportOutcome, Error> {
        self.require_administrator(who).await?;
        let Ok(rows) = read_table(file) else {
            return Ok(ImportOutcome::Rejected {
                problems: vec![(1, problem("file", "error-import-encoding"))],
            });
        };
        let mut rows = rows.into_iter();
        let headers = rows.next().unwrap_or_default();
        let mut problems = Vec::new();
        for header in &headers {
            if !OFFICE_COLUMNS.contains(&header.as_str()) {
                problems.push((1, problem(header, "error-import-unknown-column")));
            }
        }
        for required in &OFFICE_COLUMNS[..5] {
            if !headers.iter().any(|header| header == required) {
                problems.push((1, problem(required, "error-import-missing-column")));
            }
        }
        if !problems.is_empty() {
            return Ok(ImportOutcome::Rejected { problems });
        }
        let column = |row: &[String], name: &str| {
            headers
                .iter()
                .position(|header| header == name)
                .and_then(|index| row.get(index))
                .cloned()
                .unwrap_or_default()
        };
        let existing: HashSet<String> = self
            .db
            .offices()
            .await?
            .into_iter()
            .map(|office| office.key)
            .collect();
        let mut in_file: HashSet<String> = HashSet::new();
        let mut drafts: Vec<OfficeDraft> = Vec::new();
        for (index, row) in rows.enumerate() {
            let line = index + 2;
            if row.iter().all(|cell| cell.is_empty()) {
                continue;
            }
            let fields = OfficeFields {
                key: column(&row, "key"),
                parent_key: column(&row, "parent"),
                kind: column(&row, "kind"),
                name_bn: column(&row, "name_bn"),
                name_en: column(&row, "name_en"),
                short_name_en: column(&row, "short_name_en"),
                memo_code: column(&row, "memo_code"),
                website: column(&row, "website"),
                email: column(&row, "email"),
                phone: column(&row, "phone"),
            };
            match check_office(&fields) {
                Ok(draft) => {
                    if existing.contains(&draft.key) || !in_file.insert(draft.key.clone()) {
                        problems.push((line, problem("key", "error-key-taken")));
                    }
                    if let Some(parent) = &draft.parent_key
                        && !existing.contains(parent)
                        && !drafts.iter().any(|earlier| &earlier.key == parent)
                    {
                        problems.push((line, problem("parent", "error-parent-unknown")));
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
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let count = drafts.len();
        for draft in drafts {
            let parent_id = match &draft.parent_key {
                Some(parent) => Some(tx.office_id_by_key(parent).await?),
                None => None,
            };
            tx.insert_office(new_office(draft, parent_id)).await?;
        }
        tx.commit().await?;
        Ok(ImportOutcome::Imported { offices: count })
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
            ]);
        }
        write_table(format, "offices", &rows).map_err(|error| Error::Internal(error.to_string()))
    }
}

fn new_office(draft: OfficeDraft, parent_id: Option<i32>) -> NewOffice {
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
        position: i32::MAX,
    }
}
