//! Minutes written in the system and taken through their cycle: the stage they are at (draft,
//! circulated, approved; issued is read from the issue date), when they were circulated and approved
//! and by whom, and the members' comments on circulated minutes.

use sea_orm_migration::{prelude::*, schema::*};

use super::m0001_foundation::fk;

#[derive(Debug, DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite takes one column per ALTER TABLE.
        for column in [
            string_null(Meeting::MinutesStage),
            date_null(Meeting::CirculatedOn),
            date_null(Meeting::ApprovedOn),
            string_null(Meeting::ApprovedBy),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Meeting::Table)
                        .add_column(column.clone())
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(MinutesComment::Table)
                    .col(pk_auto(MinutesComment::Id))
                    .col(integer(MinutesComment::MeetingId))
                    .col(integer_null(MinutesComment::PersonId))
                    .col(string(MinutesComment::Author))
                    .col(text(MinutesComment::Body))
                    .col(timestamp_with_time_zone(MinutesComment::CreatedAt))
                    .foreign_key(&mut fk(
                        MinutesComment::Table,
                        MinutesComment::MeetingId,
                        Meeting::Table,
                        Meeting::Id,
                    ))
                    .foreign_key(&mut fk(
                        MinutesComment::Table,
                        MinutesComment::PersonId,
                        Person::Table,
                        Person::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_minutes_comment_meeting")
                    .table(MinutesComment::Table)
                    .col(MinutesComment::MeetingId)
                    .to_owned(),
            )
            .await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}

#[derive(Clone, Copy, DeriveIden)]
enum Meeting {
    Table,
    Id,
    MinutesStage,
    CirculatedOn,
    ApprovedOn,
    ApprovedBy,
}

#[derive(Clone, Copy, DeriveIden)]
enum MinutesComment {
    Table,
    Id,
    MeetingId,
    PersonId,
    Author,
    Body,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Person {
    Table,
    Id,
}
