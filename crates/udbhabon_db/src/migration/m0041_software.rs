//! Each office's software register: a system per row, its details and its source-code handover each
//! as JSON.

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
                    .table(Software::Table)
                    .col(pk_auto(Software::Id))
                    .col(integer(Software::OfficeId))
                    .col(text(Software::Content))
                    .col(text_null(Software::Handover))
                    .col(string(Software::UpdatedBy))
                    .col(timestamp_with_time_zone(Software::UpdatedAt))
                    .foreign_key(&mut fk(
                        Software::Table,
                        Software::OfficeId,
                        Office::Table,
                        Office::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_software_office")
                    .table(Software::Table)
                    .col(Software::OfficeId)
                    .to_owned(),
            )
            .await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}

#[derive(Clone, Copy, DeriveIden)]
enum Software {
    Table,
    Id,
    OfficeId,
    Content,
    Handover,
    UpdatedBy,
    UpdatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Office {
    Table,
    Id,
}
