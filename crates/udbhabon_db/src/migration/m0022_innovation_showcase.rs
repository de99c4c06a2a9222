//! The showcase: when, and by whom, an office's team put one of its innovations on the public portal.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(Debug, DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one column at a time.
        manager
            .alter_table(
                Table::alter()
                    .table(Innovation::Table)
                    .add_column(timestamp_with_time_zone_null(Innovation::ShowcasedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Innovation::Table)
                    .add_column(string_null(Innovation::ShowcasedBy))
                    .to_owned(),
            )
            .await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}

#[derive(Clone, Copy, DeriveIden)]
enum Innovation {
    Table,
    ShowcasedAt,
    ShowcasedBy,
}
