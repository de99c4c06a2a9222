//! A training's materials (slides, handouts): kept as files by those who run the office's trainings and
//! read with the office's records.

use udbhabon_db::plan::progress::EvidenceRow;
use udbhabon_domain::ValidationErrors;
use udbhabon_domain::account::access::Action;

use crate::account::SignedIn;
use crate::error::invalid;
use crate::files::{EVIDENCE, check_uploads, record_uploads};
use crate::{App, Error};

impl App {
    /// Keeps files as a training's materials, each a PDF, a picture or an office file within the file
    /// store's limit; nothing is kept when one is refused. Returns how many were sent.
    pub async fn add_training_materials(
        &self,
        who: &SignedIn,
        id: i32,
        files: Vec<(String, Vec<u8>)>,
    ) -> Result<usize, Error> {
        self.training_office(who, id).await?;
        let mut errors = ValidationErrors::new();
        let uploads = check_uploads(EVIDENCE, files, "materials", &mut errors);
        if uploads.is_empty() && errors.is_empty() {
            errors.add("materials", "error-training-material-none");
        }
        errors.into_result(())?;
        let stored = self.files.keep(uploads).await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let file_ids = record_uploads(&tx, &stored).await?;
        for file_id in &file_ids {
            tx.add_training_material(id, *file_id).await?;
        }
        tx.commit().await?;
        Ok(file_ids.len())
    }

    /// Takes a file off a training's materials (the file stays in the store for what else refers to it).
    pub async fn remove_training_material(
        &self,
        who: &SignedIn,
        id: i32,
        file_id: i32,
    ) -> Result<(), Error> {
        self.training_office(who, id).await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        match tx.remove_training_material(id, file_id).await {
            Ok(()) => tx.commit().await?,
            Err(udbhabon_db::DbError::NotFound(_)) => {
                return Err(invalid("materials", "error-training-material-gone"));
            }
            Err(other) => return Err(other.into()),
        }
        Ok(())
    }

    /// One of a training's materials and its bytes, for those who read its office's records.
    pub async fn training_material(
        &self,
        who: &SignedIn,
        id: i32,
        file_id: i32,
    ) -> Result<(EvidenceRow, Vec<u8>), Error> {
        let row = self.db.training(id).await?;
        self.require(who, Action::ViewOfficeRecords, row.office_id)
            .await?;
        let file = self
            .db
            .training_materials(id)
            .await?
            .into_iter()
            .find(|file| file.id == file_id)
            .ok_or_else(|| Error::NotFound(format!("material #{file_id} of training #{id}")))?;
        let bytes = self.files.get(&file.sha256).await?;
        Ok((file, bytes))
    }
}
