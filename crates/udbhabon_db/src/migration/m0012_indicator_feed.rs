//! Which figure the system keeps can serve as an indicator's achievement (the share of meeting decisions
//! implemented on time first), named per indicator in the template.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(Debug, DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(PlanIndicator::Table)
                    .add_column(string_null(PlanIndicator::Feed))
                    .to_owned(),
            )
            .await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}

#[derive(Clone, Copy, DeriveIden)]
enum PlanIndicator {
    Table,
    Feed,
}
