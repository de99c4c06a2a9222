//! Memo files and the memo register: letter serials are taken inside the transaction that uses them,
//! under a row lock (PostgreSQL) or the write lock (SQLite), so two processes never issue the same
//! number and a transaction that fails gives its number back.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, EntityTrait, JoinType, QueryFilter, QueryOrder, QuerySelect,
};
use udbhabon_domain::Bilingual;
use udbhabon_domain::office::memo::{FileNumber, MemoNumber};

use crate::entity::{memo_file, memo_register};
use crate::{Db, DbError, Tx};

/// A memo number as stored, read back; a malformed one is a storage error.
pub(crate) fn stored_memo(text: &str) -> Result<MemoNumber, DbError> {
    text.parse().map_err(|error| {
        DbError::Other(format!("stored memo number \"{text}\" is invalid: {error}"))
    })
}

/// A memo file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoFileRow {
    pub id: i32,
    pub office_id: i32,
    pub unit_id: Option<i32>,
    pub file_number: FileNumber,
    pub subject: Bilingual,
    /// The serial the next letter from this file will get.
    pub next_letter: u32,
    /// The day the file was closed; a closed file gives out no more numbers.
    pub closed_on: Option<NaiveDate>,
}

/// One memo number issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterRow {
    pub id: i32,
    pub memo_file_id: i32,
    pub memo_number: MemoNumber,
    pub issued_on: NaiveDate,
    pub purpose: Bilingual,
    pub issued_by: String,
}

/// A memo file to open.
#[derive(Debug, Clone)]
pub struct NewMemoFile {
    pub office_id: i32,
    pub unit_id: Option<i32>,
    pub file_number: FileNumber,
    pub subject: Bilingual,
    pub next_letter: u32,
}

fn unsigned(value: i32) -> u32 {
    u32::try_from(value).unwrap_or(0)
}

fn signed(value: u32) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}

impl TryFrom<memo_file::Model> for MemoFileRow {
    type Error = DbError;

    fn try_from(model: memo_file::Model) -> Result<Self, DbError> {
        Ok(Self {
            id: model.id,
            office_id: model.office_id,
            unit_id: model.unit_id,
            file_number: model.file_number.parse().map_err(|error| {
                DbError::Other(format!("stored file number {}: {error}", model.file_number))
            })?,
            subject: Bilingual::new(model.subject_bn, model.subject_en),
            next_letter: unsigned(model.next_letter),
            closed_on: model.closed_on,
        })
    }
}

impl TryFrom<memo_register::Model> for RegisterRow {
    type Error = DbError;

    fn try_from(model: memo_register::Model) -> Result<Self, DbError> {
        Ok(Self {
            id: model.id,
            memo_file_id: model.memo_file_id,
            memo_number: model.memo_number.parse().map_err(|error| {
                DbError::Other(format!("stored memo number {}: {error}", model.memo_number))
            })?,
            issued_on: model.issued_on,
            purpose: Bilingual::new(model.purpose_bn, model.purpose_en),
            issued_by: model.issued_by,
        })
    }
}

impl Db {
    /// The memo files of an office, by file number.
    pub async fn memo_files(&self, office_id: i32) -> Result<Vec<MemoFileRow>, DbError> {
        let models = memo_file::Entity::find()
            .filter(memo_file::Column::OfficeId.eq(office_id))
            .order_by_asc(memo_file::Column::FileNumber)
            .all(self.connection())
            .await?;
        models.into_iter().map(TryInto::try_into).collect()
    }

    /// The file with this number, in any office.
    pub async fn memo_file_numbered(
        &self,
        number: &FileNumber,
    ) -> Result<Option<MemoFileRow>, DbError> {
        memo_file::Entity::find()
            .filter(memo_file::Column::FileNumber.eq(number.to_string()))
            .one(self.connection())
            .await?
            .map(TryInto::try_into)
            .transpose()
    }

    /// How many numbers each of an office's files has given out (files that gave none are left out).
    pub async fn memo_numbers_issued(&self, office_id: i32) -> Result<HashMap<i32, u64>, DbError> {
        let counts: Vec<(i32, i64)> = memo_register::Entity::find()
            .join(
                JoinType::InnerJoin,
                memo_register::Entity::belongs_to(memo_file::Entity)
                    .from(memo_register::Column::MemoFileId)
                    .to(memo_file::Column::Id)
                    .into(),
            )
            .filter(memo_file::Column::OfficeId.eq(office_id))
            .select_only()
            .column(memo_register::Column::MemoFileId)
            .column_as(memo_register::Column::Id.count(), "issued")
            .group_by(memo_register::Column::MemoFileId)
            .into_tuple()
            .all(self.connection())
            .await?;
        Ok(counts
            .into_iter()
            .map(|(file, issued)| (file, u64::try_from(issued).unwrap_or(0)))
            .collect())
    }

    pub async fn memo_file(&self, id: i32) -> Result<MemoFileRow, DbError> {
        memo_file::Entity::find_by_id(id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("memo file #{id}")))?
            .try_into()
    }

    /// Every number issued from an office's files, the latest first (a letter before its copy batches).
    pub async fn memo_register(&self, office_id: i32) -> Result<Vec<RegisterRow>, DbError> {
        let files: Vec<i32> = memo_file::Entity::find()
            .filter(memo_file::Column::OfficeId.eq(office_id))
            .all(self.connection())
            .await?
            .into_iter()
            .map(|file| file.id)
            .collect();
        let models = memo_register::Entity::find()
            .filter(memo_register::Column::MemoFileId.is_in(files))
            .order_by_desc(memo_register::Column::IssuedOn)
            .order_by_desc(memo_register::Column::Letter)
            .order_by_asc(memo_register::Column::Endorsement)
            .order_by_desc(memo_register::Column::Id)
            .all(self.connection())
            .await?;
        models.into_iter().map(TryInto::try_into).collect()
    }
}

impl Tx {
    pub async fn insert_memo_file(&self, new: NewMemoFile) -> Result<i32, DbError> {
        let row = memo_file::ActiveModel {
            office_id: Set(new.office_id),
            unit_id: Set(new.unit_id),
            file_number: Set(new.file_number.to_string()),
            subject_bn: Set(new.subject.bn),
            subject_en: Set(new.subject.en),
            next_letter: Set(signed(new.next_letter)),
            closed_on: Set(None),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    /// Gives a file another number, subject or unit.
    pub async fn update_memo_file(&self, id: i32, file: NewMemoFile) -> Result<(), DbError> {
        let before = self.locked_memo_file(id).await?;
        self.update_audited(before, |active: &mut memo_file::ActiveModel| {
            active.file_number = Set(file.file_number.to_string());
            active.subject_bn = Set(file.subject.bn);
            active.subject_en = Set(file.subject.en);
            active.unit_id = Set(file.unit_id);
        })
        .await?;
        Ok(())
    }

    /// Closes a file on a day.
    pub async fn close_memo_file(&self, id: i32, on: NaiveDate) -> Result<(), DbError> {
        let before = self.locked_memo_file(id).await?;
        self.update_audited(before, |active: &mut memo_file::ActiveModel| {
            active.closed_on = Set(Some(on))
        })
        .await?;
        Ok(())
    }

    /// A file, locked for the rest of the transaction (FOR UPDATE on PostgreSQL; SQLite's IMMEDIATE
    /// transaction already holds the write lock).
    async fn locked_memo_file(&self, id: i32) -> Result<memo_file::Model, DbError> {
        memo_file::Entity::find_by_id(id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("memo file #{id}")))
    }

    /// Takes the next letter serial of a file and enters it in the register, in this transaction; a
    /// file closed meanwhile gives none.
    pub async fn take_memo_number(
        &self,
        file_id: i32,
        issued_on: NaiveDate,
        purpose: Bilingual,
    ) -> Result<MemoNumber, DbError> {
        let file = self.locked_memo_file(file_id).await?;
        if file.closed_on.is_some() {
            return Err(DbError::Conflict(format!("memo file #{file_id} is closed")));
        }
        let row = MemoFileRow::try_from(file.clone())?;
        let memo = row.file_number.letter(row.next_letter);
        let next = file.next_letter + 1;
        self.update_audited(file, |active: &mut memo_file::ActiveModel| {
            active.next_letter = Set(next)
        })
        .await?;
        self.register(file_id, &memo, issued_on, purpose).await?;
        Ok(memo)
    }

    /// Enters in the register a number issued before the system kept it (or a copy batch of a letter),
    /// keeping the file's next serial past it.
    pub async fn record_memo_number(
        &self,
        file_id: i32,
        memo: &MemoNumber,
        issued_on: NaiveDate,
        purpose: Bilingual,
    ) -> Result<(), DbError> {
        let file = self.locked_memo_file(file_id).await?;
        if unsigned(file.next_letter) <= memo.letter() {
            let next = signed(memo.letter() + 1);
            self.update_audited(file, |active: &mut memo_file::ActiveModel| {
                active.next_letter = Set(next)
            })
            .await?;
        }
        self.register(file_id, memo, issued_on, purpose).await
    }

    async fn register(
        &self,
        file_id: i32,
        memo: &MemoNumber,
        issued_on: NaiveDate,
        purpose: Bilingual,
    ) -> Result<(), DbError> {
        let endorsement = memo.endorsement();
        self.insert_audited(memo_register::ActiveModel {
            memo_file_id: Set(file_id),
            letter: Set(signed(memo.letter())),
            endorsement: Set(endorsement.map_or(0, |batch| signed(batch.serial))),
            copies: Set(endorsement.map(|batch| signed(batch.copies))),
            memo_number: Set(memo.to_string()),
            issued_on: Set(issued_on),
            purpose_bn: Set(purpose.bn),
            purpose_en: Set(purpose.en),
            issued_by: Set(self.author.label.clone()),
            ..Default::default()
        })
        .await?;
        Ok(())
    }
}
