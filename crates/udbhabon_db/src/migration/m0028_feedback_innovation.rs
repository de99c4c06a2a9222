//! A citizen's idea taken up by the office: the innovation record it became.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(Debug, DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A plain column: SQLite cannot add a foreign key to an existing table, and the link is made
        // in the transaction that inserts the innovation it names.
        manager
            .alter_table(
                Table::alter()
                    .table(Feedback::Table)
                    .add_column(integer_null(Feedback::InnovationId))
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
    InnovationId,
}
