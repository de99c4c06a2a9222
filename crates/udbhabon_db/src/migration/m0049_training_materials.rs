//! A training's materials (slides, handouts): files kept in the file store, one row per training and
//! file.

use sea_orm_migration::{prelude::*, schema::*};

use super::m0001_foundation::fk;

#[derive(Debug, DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(TrainingMaterial::Table)
                    .col(pk_auto(TrainingMaterial::Id))
                    .col(integer(TrainingMaterial::TrainingId))
                    .col(integer(TrainingMaterial::FileId))
                    .col(string(TrainingMaterial::UpdatedBy))
                    .col(timestamp_with_time_zone(TrainingMaterial::UpdatedAt))
                    .foreign_key(&mut fk(
                        TrainingMaterial::Table,
                        TrainingMaterial::TrainingId,
                        Training::Table,
                        Training::Id,
                    ))
                    .foreign_key(&mut fk(
                        TrainingMaterial::Table,
                        TrainingMaterial::FileId,
                        EvidenceFile::Table,
                        EvidenceFile::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        // A file is a training's material once.
        manager
            .create_index(
                Index::create()
                    .name("ux_training_material_training_file")
                    .table(TrainingMaterial::Table)
                    .col(TrainingMaterial::TrainingId)
                    .col(TrainingMaterial::FileId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}

#[derive(Clone, Copy, DeriveIden)]
enum TrainingMaterial {
    Table,
    Id,
    TrainingId,
    FileId,
    UpdatedBy,
    UpdatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Training {
    Table,
    Id,
}

#[derive(Clone, Copy, DeriveIden)]
enum EvidenceFile {
    Table,
    Id,
}
