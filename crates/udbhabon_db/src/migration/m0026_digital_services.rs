//! The digital service list: each office's services offered online, in the office's order, each as JSON.

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
                    .table(DigitalService::Table)
                    .col(pk_auto(DigitalService::Id))
                    .col(integer(DigitalService::OfficeId))
                    .col(integer(DigitalService::Position))
                    .col(text(DigitalService::Content))
                    .col(string(DigitalService::UpdatedBy))
                    .col(timestamp_with_time_zone(DigitalService::UpdatedAt))
                    .foreign_key(&mut fk(
                        DigitalService::Table,
                        DigitalService::OfficeId,
                        Office::Table,
                        Office::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_digital_service_office")
                    .table(DigitalService::Table)
                    .col(DigitalService::OfficeId)
                    .col(DigitalService::Position)
                    .to_owned(),
            )
            .await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}

#[derive(Clone, Copy, DeriveIden)]
enum DigitalService {
    Table,
    Id,
    OfficeId,
    Position,
    Content,
    UpdatedBy,
    UpdatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Office {
    Table,
    Id,
}
