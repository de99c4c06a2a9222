//! An office's memo files (নথি) and its memo register: adding, correcting and closing files, taking the
//! next number of a file, and every number the office has issued.

use udbhabon_db::DbError;
use udbhabon_db::office::memo::{MemoFileRow, NewMemoFile, RegisterRow};
use udbhabon_db::office::{OfficeRow, UnitRow};
use udbhabon_domain::account::access::Action;
use udbhabon_domain::office::OfficeKind;
use udbhabon_domain::office::memo::{
    FileNumber, MemoFileDraft, MemoFileFields, MemoNumber, check_memo_file,
};
use udbhabon_domain::{Bilingual, ValidationErrors};

use crate::account::SignedIn;
use crate::error::invalid;
use crate::{App, Error};

/// An office's memo files and every number issued from them.
#[derive(Debug, Clone)]
pub struct MemoRegister {
    pub office: OfficeRow,
    /// The files, open ones first, each with how many numbers it has given out.
    pub files: Vec<(MemoFileRow, u64)>,
    /// The office's units, which a file may belong to.
    pub units: Vec<UnitRow>,
    pub entries: Vec<RegisterRow>,
    /// Whether the reader may keep the files and take numbers from them.
    pub can_manage: bool,
}

/// A memo file as a form gives it: its particulars and the unit it belongs to (`None` for the office).
#[derive(Debug, Clone, Default)]
pub struct MemoFileForm {
    pub fields: MemoFileFields,
    pub unit_id: Option<i32>,
}

impl App {
    /// An office's memo register, for readers of its records.
    pub async fn memo_register(
        &self,
        who: &SignedIn,
        office_key: &str,
    ) -> Result<MemoRegister, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ViewOfficeRecords, office.id)
            .await?;
        let issued = self.db.memo_numbers_issued(office.id).await?;
        let mut files: Vec<(MemoFileRow, u64)> = self
            .db
            .memo_files(office.id)
            .await?
            .into_iter()
            .map(|file| {
                let count = issued.get(&file.id).copied().unwrap_or(0);
                (file, count)
            })
            .collect();
        files.sort_by_key(|(file, _)| file.closed_on.is_some());
        Ok(MemoRegister {
            files,
            units: self.db.units_of_office(office.id).await?,
            entries: self.db.memo_register(office.id).await?,
            can_manage: self.may(who, Action::ManageTeam, office.id).await?,
            office,
        })
    }

    /// Opens a memo file for an office; its first letter will be number 1. Returns the file's number.
    pub async fn add_memo_file(
        &self,
        who: &SignedIn,
        office_key: &str,
        form: &MemoFileForm,
    ) -> Result<FileNumber, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ManageTeam, office.id).await?;
        let draft = self.checked_memo_file(&office, form, None).await?;
        let number = draft.file_number.clone();
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.insert_memo_file(NewMemoFile {
            office_id: office.id,
            unit_id: form.unit_id,
            file_number: draft.file_number,
            subject: draft.subject,
            next_letter: 1,
        })
        .await
        .map_err(number_taken)?;
        tx.commit().await?;
        Ok(number)
    }

    /// Corrects a file's subject or unit, or its number while no number has been issued from it.
    /// Returns the file's number.
    pub async fn change_memo_file(
        &self,
        who: &SignedIn,
        office_key: &str,
        file_id: i32,
        form: &MemoFileForm,
    ) -> Result<FileNumber, Error> {
        let (office, file) = self.file_of_office(office_key, file_id).await?;
        self.require(who, Action::ManageTeam, office.id).await?;
        if file.closed_on.is_some() {
            return Err(invalid("file_number", "error-memo-file-closed-change"));
        }
        let draft = self.checked_memo_file(&office, form, Some(&file)).await?;
        let issued = self
            .db
            .memo_numbers_issued(office.id)
            .await?
            .get(&file.id)
            .copied()
            .unwrap_or(0);
        if draft.file_number != file.file_number && issued > 0 {
            return Err(invalid("file_number", "error-memo-file-number-used"));
        }
        let number = draft.file_number.clone();
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.update_memo_file(
            file.id,
            NewMemoFile {
                office_id: office.id,
                unit_id: form.unit_id,
                file_number: draft.file_number,
                subject: draft.subject,
                next_letter: file.next_letter,
            },
        )
        .await
        .map_err(number_taken)?;
        tx.commit().await?;
        Ok(number)
    }

    /// Closes a file: its register stays, and it gives out no more numbers. A file is never deleted.
    /// Returns the file's number.
    pub async fn close_memo_file(
        &self,
        who: &SignedIn,
        office_key: &str,
        file_id: i32,
    ) -> Result<FileNumber, Error> {
        let (office, file) = self.file_of_office(office_key, file_id).await?;
        self.require(who, Action::ManageTeam, office.id).await?;
        if file.closed_on.is_some() {
            return Err(invalid("file", "error-memo-file-closed-already"));
        }
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.close_memo_file(file.id, self.today()).await?;
        tx.commit().await?;
        Ok(file.file_number)
    }

    /// An office and one of its files; another office's file is not found here.
    async fn file_of_office(
        &self,
        office_key: &str,
        file_id: i32,
    ) -> Result<(OfficeRow, MemoFileRow), Error> {
        let office = self.db.office_by_key(office_key).await?;
        let file = self.db.memo_file(file_id).await?;
        if file.office_id != office.id {
            return Err(Error::NotFound(format!(
                "memo file #{file_id} of {office_key}"
            )));
        }
        Ok((office, file))
    }

    /// The form's particulars checked against the office: the number's form and ministry code, a unit
    /// of the office, and a number no other file has.
    async fn checked_memo_file(
        &self,
        office: &OfficeRow,
        form: &MemoFileForm,
        editing: Option<&MemoFileRow>,
    ) -> Result<MemoFileDraft, Error> {
        let ministry = self.ministry_code(office).await?;
        let checked = check_memo_file(&form.fields, ministry.as_deref());
        let mut errors = checked.clone().err().unwrap_or_default();
        if let Some(unit_id) = form.unit_id {
            match self.db.unit_by_id(unit_id).await {
                Ok(unit) if unit.office_id == office.id => {}
                Ok(_) | Err(DbError::NotFound(_)) => {
                    errors.add("unit", "error-memo-file-unit");
                }
                Err(other) => return Err(other.into()),
            }
        }
        if let Ok(draft) = &checked
            && let Some(holder) = self.db.memo_file_numbered(&draft.file_number).await?
            && editing.is_none_or(|file| file.id != holder.id)
        {
            errors.add("file_number", "error-memo-file-taken");
        }
        match checked {
            Ok(draft) if errors.is_empty() => Ok(draft),
            _ => Err(Error::Invalid(errors)),
        }
    }

    /// The code of the ministry or division an office belongs to (its own when it is one), which begins
    /// every file number of the office; `None` when no code is recorded.
    async fn ministry_code(&self, office: &OfficeRow) -> Result<Option<String>, Error> {
        let mut chain = self.ancestors(office).await?;
        chain.push(office.clone());
        Ok(chain
            .into_iter()
            .rev()
            .find(|office| matches!(office.kind, OfficeKind::Ministry | OfficeKind::Division))
            .and_then(|ministry| ministry.memo_code))
    }

    /// The memo file a form names for a letter of `office_id`: refused as invalid when the text is no
    /// file's id, the file is another office's, or it is closed.
    pub(crate) async fn office_memo_file(
        &self,
        office_id: i32,
        posted: &str,
    ) -> Result<MemoFileRow, Error> {
        let refused = || invalid("memo_file", "error-order-memo-file");
        let id = bangla::to_ascii_digits(posted.trim())
            .parse::<i32>()
            .map_err(|_| refused())?;
        match self.db.memo_file(id).await {
            Ok(file) if file.office_id == office_id && file.closed_on.is_some() => {
                Err(invalid("memo_file", "error-memo-file-closed"))
            }
            Ok(file) if file.office_id == office_id => Ok(file),
            Ok(_) | Err(DbError::NotFound(_)) => Err(refused()),
            Err(other) => Err(other.into()),
        }
    }

    /// Takes the next number of a file for a letter, entered in the register with its purpose.
    pub async fn take_memo_number(
        &self,
        who: &SignedIn,
        office_key: &str,
        file_id: i32,
        purpose_bn: &str,
        purpose_en: &str,
    ) -> Result<MemoNumber, Error> {
        let (office, file) = self.file_of_office(office_key, file_id).await?;
        self.require(who, Action::ManageTeam, office.id).await?;
        let mut errors = ValidationErrors::new();
        if file.closed_on.is_some() {
            errors.add("file", "error-memo-file-closed");
        }
        if purpose_bn.trim().is_empty() {
            errors.add("purpose_bn", "error-required");
        }
        errors.into_result(())?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let memo = tx
            .take_memo_number(
                file.id,
                self.today(),
                Bilingual::new(purpose_bn.trim(), purpose_en.trim()),
            )
            .await?;
        tx.commit().await?;
        Ok(memo)
    }
}

/// A number another file took between the check and the insert is refused like one taken before.
fn number_taken(error: DbError) -> Error {
    match error {
        DbError::Conflict(_) => invalid("file_number", "error-memo-file-taken"),
        other => other.into(),
    }
}
