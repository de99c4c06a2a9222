//! A collection closed before its time, with the day, the reason and who closed it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(Debug, DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters a table one column at a time.
        for column in [
            date_null(Collection::ClosedOn),
            text_null(Collection::ClosedReason),
            string_null(Collection::ClosedBy),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Collection::Table)
                        .add_column(column)
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
enum Collection {
    Table,
    ClosedOn,
    ClosedReason,
    ClosedBy,
}
