//! A training's materials: the files kept for it, added once each and taken off.

use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::entity::{evidence_file, training_material};
use crate::plan::progress::EvidenceRow;
use crate::{Db, DbError, Tx};

impl Db {
    /// A training's materials, in the order added.
    pub async fn training_materials(&self, training_id: i32) -> Result<Vec<EvidenceRow>, DbError> {
        let ids: Vec<i32> = training_material::Entity::find()
            .filter(training_material::Column::TrainingId.eq(training_id))
            .order_by_asc(training_material::Column::Id)
            .all(self.connection())
            .await?
            .into_iter()
            .map(|model| model.file_id)
            .collect();
        let mut files: Vec<EvidenceRow> = evidence_file::Entity::find()
            .filter(evidence_file::Column::Id.is_in(ids.iter().copied()))
            .all(self.connection())
            .await?
            .into_iter()
            .map(EvidenceRow::from)
            .collect();
        files.sort_by_key(|file| ids.iter().position(|id| *id == file.id));
        Ok(files)
    }
}

impl Tx {
    async fn material(
        &self,
        training_id: i32,
        file_id: i32,
    ) -> Result<Option<training_material::Model>, DbError> {
        Ok(training_material::Entity::find()
            .filter(training_material::Column::TrainingId.eq(training_id))
            .filter(training_material::Column::FileId.eq(file_id))
            .one(&self.transaction)
            .await?)
    }

    /// Keeps a file as a training's material; one kept already stays as it was.
    pub async fn add_training_material(
        &self,
        training_id: i32,
        file_id: i32,
    ) -> Result<(), DbError> {
        if self.material(training_id, file_id).await?.is_none() {
            self.insert_audited(training_material::ActiveModel {
                training_id: Set(training_id),
                file_id: Set(file_id),
                updated_by: Set(self.author.label.clone()),
                updated_at: Set(self.author.at),
                ..Default::default()
            })
            .await?;
        }
        Ok(())
    }

    /// Takes a file off a training's materials; one it does not have is not found.
    pub async fn remove_training_material(
        &self,
        training_id: i32,
        file_id: i32,
    ) -> Result<(), DbError> {
        let kept = self.material(training_id, file_id).await?.ok_or_else(|| {
            DbError::NotFound(format!("material #{file_id} of training #{training_id}"))
        })?;
        self.delete_audited::<training_material::ActiveModel>(kept)
            .await
    }
}
