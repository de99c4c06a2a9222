//! A tutorial's video uploaded to the library: the file it plays and the subtitle track beside it, one
//! row per tutorial.

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
                    .table(TutorialVideo::Table)
                    .col(integer(TutorialVideo::TutorialId).primary_key())
                    .col(integer(TutorialVideo::VideoFileId))
                    .col(integer_null(TutorialVideo::SubtitlesFileId))
                    .col(string(TutorialVideo::UpdatedBy))
                    .col(timestamp_with_time_zone(TutorialVideo::UpdatedAt))
                    .foreign_key(&mut fk(
                        TutorialVideo::Table,
                        TutorialVideo::TutorialId,
                        Tutorial::Table,
                        Tutorial::Id,
                    ))
                    .foreign_key(&mut fk(
                        TutorialVideo::Table,
                        TutorialVideo::VideoFileId,
                        EvidenceFile::Table,
                        EvidenceFile::Id,
                    ))
                    .foreign_key(&mut fk(
                        TutorialVideo::Table,
                        TutorialVideo::SubtitlesFileId,
                        EvidenceFile::Table,
                        EvidenceFile::Id,
                    ))
                    .to_owned(),
            )
            .await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}

#[derive(Clone, Copy, DeriveIden)]
enum TutorialVideo {
    Table,
    TutorialId,
    VideoFileId,
    SubtitlesFileId,
    UpdatedBy,
    UpdatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Tutorial {
    Table,
    Id,
}

#[derive(Clone, Copy, DeriveIden)]
enum EvidenceFile {
    Table,
    Id,
}
