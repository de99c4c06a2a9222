//! Reminders sent by the job runner: what each was about (a decision's due date, later a collection's
//! period), at which step (days before, overdue), to which account and when, so each is sent once.

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
                    .table(Reminder::Table)
                    .col(pk_auto(Reminder::Id))
                    .col(string(Reminder::Subject))
                    .col(integer(Reminder::RecordId))
                    .col(date(Reminder::DueOn))
                    .col(string(Reminder::Step))
                    .col(integer(Reminder::AccountId))
                    .col(timestamp_with_time_zone(Reminder::SentAt))
                    .foreign_key(&mut fk(
                        Reminder::Table,
                        Reminder::AccountId,
                        Account::Table,
                        Account::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_reminder_once")
                    .table(Reminder::Table)
                    .col(Reminder::Subject)
                    .col(Reminder::RecordId)
                    .col(Reminder::DueOn)
                    .col(Reminder::Step)
                    .col(Reminder::AccountId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}

#[derive(Clone, Copy, DeriveIden)]
enum Reminder {
    Table,
    Id,
    Subject,
    RecordId,
    DueOn,
    Step,
    AccountId,
    SentAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Account {
    Table,
    Id,
}
