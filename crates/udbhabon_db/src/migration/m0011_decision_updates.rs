//! Following decisions to closure: each dated report of a responsible body (under way, done) and each
//! step of the team (confirmed, sent back, dropped with the reason), with the evidence files that came
//! with it. A decision's status is its latest update's.

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
                    .table(DecisionUpdate::Table)
                    .col(pk_auto(DecisionUpdate::Id))
                    .col(integer(DecisionUpdate::DecisionId))
                    .col(string(DecisionUpdate::Status))
                    .col(text(DecisionUpdate::Note))
                    .col(integer_null(DecisionUpdate::OfficeId))
                    .col(string(DecisionUpdate::UpdatedBy))
                    .col(timestamp_with_time_zone(DecisionUpdate::UpdatedAt))
                    .foreign_key(&mut fk(
                        DecisionUpdate::Table,
                        DecisionUpdate::DecisionId,
                        Decision::Table,
                        Decision::Id,
                    ))
                    .foreign_key(&mut fk(
                        DecisionUpdate::Table,
                        DecisionUpdate::OfficeId,
                        Office::Table,
                        Office::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_decision_update_decision")
                    .table(DecisionUpdate::Table)
                    .col(DecisionUpdate::DecisionId)
                    .col(DecisionUpdate::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DecisionEvidence::Table)
                    .col(pk_auto(DecisionEvidence::Id))
                    .col(integer(DecisionEvidence::UpdateId))
                    .col(integer(DecisionEvidence::FileId))
                    .foreign_key(&mut fk(
                        DecisionEvidence::Table,
                        DecisionEvidence::UpdateId,
                        DecisionUpdate::Table,
                        DecisionUpdate::Id,
                    ))
                    .foreign_key(&mut fk(
                        DecisionEvidence::Table,
                        DecisionEvidence::FileId,
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
enum DecisionUpdate {
    Table,
    Id,
    DecisionId,
    Status,
    Note,
    OfficeId,
    UpdatedBy,
    UpdatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum DecisionEvidence {
    Table,
    Id,
    UpdateId,
    FileId,
}

#[derive(Clone, Copy, DeriveIden)]
enum Decision {
    Table,
    Id,
}

#[derive(Clone, Copy, DeriveIden)]
enum Office {
    Table,
    Id,
}

#[derive(Clone, Copy, DeriveIden)]
enum EvidenceFile {
    Table,
    Id,
}
