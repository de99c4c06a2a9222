//! The memo register: every memo number an office has issued, and taking the next number of a file.

use udbhabon_db::DbError;
use udbhabon_db::office::OfficeRow;
use udbhabon_db::office::memo::{MemoFileRow, RegisterRow};
use udbhabon_domain::account::access::Action;
use udbhabon_domain::office::memo::MemoNumber;
use udbhabon_domain::{Bilingual, ValidationErrors};

use crate::account::SignedIn;
use crate::error::invalid;
use crate::{App, Error};

/// An office's memo files and every number issued from them.
#[derive(Debug, Clone)]
pub struct MemoRegister {
    pub office: OfficeRow,
    pub files: Vec<MemoFileRow>,
    pub entries: Vec<RegisterRow>,
    /// Whether the reader may take numbers from these files.
    pub can_take: bool,
}

impl App {
    /// The memo register of the home office, for readers of its records.
    pub async fn memo_register(&self, who: &SignedIn) -> Result<MemoRegister, Error> {
        let team = self
            .home_team()
            .await?
            .ok_or_else(|| Error::NotFound("a home office".into()))?;
        let office = self.db.office_by_id(team.office_id).await?;
        self.require(who, Action::ViewOfficeRecords, office.id)
            .await?;
        Ok(MemoRegister {
            files: self.db.memo_files(office.id).await?,
            entries: self.db.memo_register(office.id).await?,
            can_take: self.may(who, Action::ManageTeam, office.id).await?,
            office,
        })
    }

    /// The memo file a form names for a letter of `office_id`: refused as invalid when the text is no
    /// file's id, or the file is another office's.
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
            Ok(file) if file.office_id == office_id => Ok(file),
            Ok(_) | Err(DbError::NotFound(_)) => Err(refused()),
            Err(other) => Err(other.into()),
        }
    }

    /// Takes the next number of a file for a letter, entered in the register with its purpose.
    pub async fn take_memo_number(
        &self,
        who: &SignedIn,
        file_id: i32,
        purpose_bn: &str,
        purpose_en: &str,
    ) -> Result<MemoNumber, Error> {
        let file = self.db.memo_file(file_id).await?;
        self.require(who, Action::ManageTeam, file.office_id)
            .await?;
        let mut errors = ValidationErrors::new();
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
