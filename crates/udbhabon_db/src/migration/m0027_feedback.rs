//! Citizens' ideas and feedback: each message with the office it was sent to, the hash of its tracking
//! code, who sent it (as much as they chose to say), the office's answer and whether both are published.

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
                    .table(Feedback::Table)
                    .col(pk_auto(Feedback::Id))
                    .col(integer(Feedback::OfficeId))
                    .col(string_uniq(Feedback::CodeHash))
                    .col(string(Feedback::Kind))
                    .col(string(Feedback::Service))
                    .col(text(Feedback::Message))
                    .col(string(Feedback::Name))
                    .col(string(Feedback::Contact))
                    .col(string(Feedback::Lang))
                    .col(timestamp_with_time_zone(Feedback::ReceivedAt))
                    .col(text(Feedback::Answer))
                    .col(string_null(Feedback::AnsweredBy))
                    .col(timestamp_with_time_zone_null(Feedback::AnsweredAt))
                    .col(boolean(Feedback::Published))
                    .foreign_key(&mut fk(
                        Feedback::Table,
                        Feedback::OfficeId,
                        Office::Table,
                        Office::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_feedback_office")
                    .table(Feedback::Table)
                    .col(Feedback::OfficeId)
                    .col(Feedback::ReceivedAt)
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
    Id,
    OfficeId,
    CodeHash,
    Kind,
    Service,
    Message,
    Name,
    Contact,
    Lang,
    ReceivedAt,
    Answer,
    AnsweredBy,
    AnsweredAt,
    Published,
}

#[derive(Clone, Copy, DeriveIden)]
enum Office {
    Table,
    Id,
}
