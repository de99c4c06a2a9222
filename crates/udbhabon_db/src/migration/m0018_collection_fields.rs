//! A collection's own form: the fields it asks beside the note and the evidence (each with its labels,
//! whether a number or a text, and whether required), and each submission's answers to them. Both are
//! kept as JSON text: they are read whole with their record and never searched.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(Debug, DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Collection::Table)
                    .add_column(text_null(Collection::Fields))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Submission::Table)
                    .add_column(text_null(Submission::Answers))
                    .to_owned(),
            )
            .await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}

#[derive(Clone, Copy, DeriveIden)]
enum Collection {
    Table,
    Fields,
}

#[derive(Clone, Copy, DeriveIden)]
enum Submission {
    Table,
    Answers,
}
