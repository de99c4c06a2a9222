//! Each office's proactive-disclosure list: its entries in the office's order, each as JSON.

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
                    .table(RtiDisclosure::Table)
                    .col(pk_auto(RtiDisclosure::Id))
                    .col(integer(RtiDisclosure::OfficeId))
                    .col(text(RtiDisclosure::Content))
                    .col(string(RtiDisclosure::UpdatedBy))
                    .col(timestamp_with_time_zone(RtiDisclosure::UpdatedAt))
                    .foreign_key(&mut fk(
                        RtiDisclosure::Table,
                        RtiDisclosure::OfficeId,
                        Office::Table,
                        Office::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_rti_disclosure_office")
                    .table(RtiDisclosure::Table)
                    .col(RtiDisclosure::OfficeId)
                    .to_owned(),
            )
            .await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}

#[derive(Clone, Copy, DeriveIden)]
enum RtiDisclosure {
    Table,
    Id,
    OfficeId,
    Content,
    UpdatedBy,
    UpdatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Office {
    Table,
    Id,
}
