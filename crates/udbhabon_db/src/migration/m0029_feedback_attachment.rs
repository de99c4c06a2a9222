//! The photo or PDF a citizen may attach to a message, kept in the file store like evidence.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(Debug, DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A plain column, as for the innovation an idea became: SQLite cannot add a foreign key to an
        // existing table, and the file is recorded in the transaction that receives the message.
        manager
            .alter_table(
                Table::alter()
                    .table(Feedback::Table)
                    .add_column(integer_null(Feedback::AttachmentId))
                    .to_owned(),
            )
            .await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}

#[derive(Clone, Copy, DeriveIden)]
enum Feedback {
    Table,
    AttachmentId,
}
