//! A training's invitation: the memo number it was issued under, the day, and who signed it in which
//! post; one per training.

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
                    .table(TrainingInvitation::Table)
                    .col(pk_auto(TrainingInvitation::Id))
                    .col(integer_uniq(TrainingInvitation::TrainingId))
                    .col(string(TrainingInvitation::Memo))
                    .col(date(TrainingInvitation::IssuedOn))
                    .col(integer(TrainingInvitation::SignerPersonId))
                    .col(integer_null(TrainingInvitation::SignerPostId))
                    .col(string(TrainingInvitation::IssuedBy))
                    .col(timestamp_with_time_zone(TrainingInvitation::IssuedAt))
                    .foreign_key(&mut fk(
                        TrainingInvitation::Table,
                        TrainingInvitation::TrainingId,
                        Training::Table,
                        Training::Id,
                    ))
                    .foreign_key(&mut fk(
                        TrainingInvitation::Table,
                        TrainingInvitation::SignerPersonId,
                        Person::Table,
                        Person::Id,
                    ))
                    .foreign_key(&mut fk(
                        TrainingInvitation::Table,
                        TrainingInvitation::SignerPostId,
                        Post::Table,
                        Post::Id,
                    ))
                    .to_owned(),
            )
            .await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}

#[derive(Clone, Copy, DeriveIden)]
enum TrainingInvitation {
    Table,
    Id,
    TrainingId,
    Memo,
    IssuedOn,
    SignerPersonId,
    SignerPostId,
    IssuedBy,
    IssuedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Training {
    Table,
    Id,
}

#[derive(Clone, Copy, DeriveIden)]
enum Person {
    Table,
    Id,
}

#[derive(Clone, Copy, DeriveIden)]
enum Post {
    Table,
    Id,
}
