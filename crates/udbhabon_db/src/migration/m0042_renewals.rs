//! What each system of a software register needs renewed: a row per renewal, with the day it lapses
//! indexed for the reminder job and the inbox.

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
                    .table(Renewal::Table)
                    .col(pk_auto(Renewal::Id))
                    .col(integer(Renewal::SoftwareId))
                    .col(integer(Renewal::OfficeId))
                    .col(string(Renewal::Kind))
                    .col(string(Renewal::Subject))
                    .col(date(Renewal::ExpiresOn))
                    .col(integer(Renewal::RemindDays))
                    .col(string(Renewal::UpdatedBy))
                    .col(timestamp_with_time_zone(Renewal::UpdatedAt))
                    .foreign_key(&mut fk(
                        Renewal::Table,
                        Renewal::SoftwareId,
                        Software::Table,
                        Software::Id,
                    ))
                    .foreign_key(&mut fk(
                        Renewal::Table,
                        Renewal::OfficeId,
                        Office::Table,
                        Office::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("ix_renewal_software", Renewal::SoftwareId),
            ("ix_renewal_office", Renewal::OfficeId),
            ("ix_renewal_expires_on", Renewal::ExpiresOn),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Renewal::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}

#[derive(Clone, Copy, DeriveIden)]
enum Renewal {
    Table,
    Id,
    SoftwareId,
    OfficeId,
    Kind,
    Subject,
    ExpiresOn,
    RemindDays,
    UpdatedBy,
    UpdatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Software {
    Table,
    Id,
}

#[derive(Clone, Copy, DeriveIden)]
enum Office {
    Table,
    Id,
}
