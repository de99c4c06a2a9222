//! Training certificates: one per participant, what it certifies kept as issued, found by its code.

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
                    .table(TrainingCertificate::Table)
                    .col(pk_auto(TrainingCertificate::Id))
                    .col(integer(TrainingCertificate::TrainingId))
                    .col(integer(TrainingCertificate::ParticipantId))
                    .col(string(TrainingCertificate::Code))
                    .col(date(TrainingCertificate::IssuedOn))
                    .col(text(TrainingCertificate::Content))
                    .foreign_key(&mut fk(
                        TrainingCertificate::Table,
                        TrainingCertificate::TrainingId,
                        Training::Table,
                        Training::Id,
                    ))
                    .foreign_key(&mut fk(
                        TrainingCertificate::Table,
                        TrainingCertificate::ParticipantId,
                        TrainingParticipant::Table,
                        TrainingParticipant::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        for index in [
            Index::create()
                .name("ux_training_certificate_code")
                .table(TrainingCertificate::Table)
                .col(TrainingCertificate::Code)
                .unique()
                .to_owned(),
            Index::create()
                .name("ux_training_certificate_participant")
                .table(TrainingCertificate::Table)
                .col(TrainingCertificate::ParticipantId)
                .unique()
                .to_owned(),
            Index::create()
                .name("ix_training_certificate_training")
                .table(TrainingCertificate::Table)
                .col(TrainingCertificate::TrainingId)
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
enum TrainingCertificate {
    Table,
    Id,
    TrainingId,
    ParticipantId,
    Code,
    IssuedOn,
    Content,
}

#[derive(Clone, Copy, DeriveIden)]
enum Training {
    Table,
    Id,
}

#[derive(Clone, Copy, DeriveIden)]
enum TrainingParticipant {
    Table,
    Id,
}
