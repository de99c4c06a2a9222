//! Quarterly progress against a plan's indicators, with its review, and the evidence files that prove
//! it (stored once by content hash; the bytes live in the file store).

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
                    .table(ProgressEntry::Table)
                    .col(pk_auto(ProgressEntry::Id))
                    .col(integer(ProgressEntry::PlanId))
                    .col(integer(ProgressEntry::IndicatorId))
                    .col(integer(ProgressEntry::Quarter))
                    .col(text_null(ProgressEntry::Value))
                    .col(text(ProgressEntry::Comment))
                    .col(string(ProgressEntry::Status))
                    .col(timestamp_with_time_zone_null(ProgressEntry::SubmittedAt))
                    .col(boolean_null(ProgressEntry::OnTime))
                    .col(text(ProgressEntry::ReviewComment))
                    .col(string_null(ProgressEntry::ReviewedBy))
                    .col(timestamp_with_time_zone_null(ProgressEntry::ReviewedAt))
                    .col(integer(ProgressEntry::Version))
                    .col(string(ProgressEntry::UpdatedBy))
                    .col(timestamp_with_time_zone(ProgressEntry::UpdatedAt))
                    .foreign_key(&mut fk(
                        ProgressEntry::Table,
                        ProgressEntry::PlanId,
                        Plan::Table,
                        Plan::Id,
                    ))
                    .foreign_key(&mut fk(
                        ProgressEntry::Table,
                        ProgressEntry::IndicatorId,
                        PlanIndicator::Table,
                        PlanIndicator::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(EvidenceFile::Table)
                    .col(pk_auto(EvidenceFile::Id))
                    .col(string_uniq(EvidenceFile::Sha256))
                    .col(string(EvidenceFile::MediaType))
                    .col(big_integer(EvidenceFile::Size))
                    .col(text(EvidenceFile::Name))
                    .col(string(EvidenceFile::UploadedBy))
                    .col(timestamp_with_time_zone(EvidenceFile::UploadedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProgressEvidence::Table)
                    .col(pk_auto(ProgressEvidence::Id))
                    .col(integer(ProgressEvidence::EntryId))
                    .col(integer(ProgressEvidence::FileId))
                    .foreign_key(&mut fk(
                        ProgressEvidence::Table,
                        ProgressEvidence::EntryId,
                        ProgressEntry::Table,
                        ProgressEntry::Id,
                    ))
                    .foreign_key(&mut fk(
                        ProgressEvidence::Table,
                        ProgressEvidence::FileId,
                        EvidenceFile::Table,
                        EvidenceFile::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        for index in [
            Index::create()
                .name("ux_progress_entry_quarter")
                .table(ProgressEntry::Table)
                .col(ProgressEntry::PlanId)
                .col(ProgressEntry::IndicatorId)
                .col(ProgressEntry::Quarter)
                .unique()
                .to_owned(),
            Index::create()
                .name("ux_progress_evidence_file")
                .table(ProgressEvidence::Table)
                .col(ProgressEvidence::EntryId)
                .col(ProgressEvidence::FileId)
                .unique()
                .to_owned(),
            Index::create()
                .name("ix_progress_evidence_file")
                .table(ProgressEvidence::Table)
                .col(ProgressEvidence::FileId)
                .to_owned(),
        ] {
            manager.create_index(index).await?;
        }
        Ok(())
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}

#[derive(Clone, Copy, DeriveIden)]
enum ProgressEntry {
    Table,
    Id,
    PlanId,
    IndicatorId,
    /// 1 to 4.
    Quarter,
    /// The achievement in the indicator's unit (`udbhabon_domain::plan::score::Measure` as JSON).
    Value,
    Comment,
    /// draft, submitted, accepted, returned.
    Status,
    /// The server's time of the latest submission; never taken from the form.
    SubmittedAt,
    /// Whether that submission met the quarter's due date, decided when it was made.
    OnTime,
    ReviewComment,
    ReviewedBy,
    ReviewedAt,
    /// Counts saves, so that a second person saving an older copy is told instead of overwriting.
    Version,
    UpdatedBy,
    UpdatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum EvidenceFile {
    Table,
    Id,
    Sha256,
    MediaType,
    Size,
    /// The name it was uploaded under.
    Name,
    UploadedBy,
    UploadedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum ProgressEvidence {
    Table,
    Id,
    EntryId,
    FileId,
}

#[derive(Clone, Copy, DeriveIden)]
enum Plan {
    Table,
    Id,
}

#[derive(Clone, Copy, DeriveIden)]
enum PlanIndicator {
    Table,
    Id,
}
