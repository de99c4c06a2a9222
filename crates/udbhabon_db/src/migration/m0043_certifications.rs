//! The tests and audits of each system in a software register, with the certificate or report file
//! each may carry, and their findings: the day each is to be fixed by indexed, and its closure.

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
                    .table(Certification::Table)
                    .col(pk_auto(Certification::Id))
                    .col(integer(Certification::SoftwareId))
                    .col(text(Certification::Content))
                    .col(integer_null(Certification::FileId))
                    .col(string(Certification::UpdatedBy))
                    .col(timestamp_with_time_zone(Certification::UpdatedAt))
                    .foreign_key(&mut fk(
                        Certification::Table,
                        Certification::SoftwareId,
                        Software::Table,
                        Software::Id,
                    ))
                    .foreign_key(&mut fk(
                        Certification::Table,
                        Certification::FileId,
                        EvidenceFile::Table,
                        EvidenceFile::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Finding::Table)
                    .col(pk_auto(Finding::Id))
                    .col(integer(Finding::CertificationId))
                    .col(integer(Finding::OfficeId))
                    .col(text(Finding::Content))
                    .col(date(Finding::DueOn))
                    .col(text_null(Finding::Closure))
                    .col(string(Finding::UpdatedBy))
                    .col(timestamp_with_time_zone(Finding::UpdatedAt))
                    .foreign_key(&mut fk(
                        Finding::Table,
                        Finding::CertificationId,
                        Certification::Table,
                        Certification::Id,
                    ))
                    .foreign_key(&mut fk(
                        Finding::Table,
                        Finding::OfficeId,
                        Office::Table,
                        Office::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        for index in [
            Index::create()
                .name("ix_certification_software")
                .table(Certification::Table)
                .col(Certification::SoftwareId)
                .to_owned(),
            Index::create()
                .name("ix_finding_certification")
                .table(Finding::Table)
                .col(Finding::CertificationId)
                .to_owned(),
            Index::create()
                .name("ix_finding_office_due_on")
                .table(Finding::Table)
                .col(Finding::OfficeId)
                .col(Finding::DueOn)
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
enum Certification {
    Table,
    Id,
    SoftwareId,
    Content,
    FileId,
    UpdatedBy,
    UpdatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Finding {
    Table,
    Id,
    CertificationId,
    OfficeId,
    Content,
    DueOn,
    Closure,
    UpdatedBy,
    UpdatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Software {
    Table,
    Id,
}

#[derive(Clone, Copy, DeriveIden)]
enum EvidenceFile {
    Table,
    Id,
}

#[derive(Clone, Copy, DeriveIden)]
enum Office {
    Table,
    Id,
}
