//! How each account is mailed (the language, each hand-off at once or one digest a day) and which lines of
//! its inbox have been mailed, so that each hand-off is mailed once while it waits.

use sea_orm_migration::{prelude::*, schema::*};

use super::m0001_foundation::fk;

#[derive(Debug, DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters a table one column at a time.
        for column in [
            string(Account::MailLang).default("bn"),
            boolean(Account::MailDigest).default(false),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Account::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(NotificationMail::Table)
                    .col(pk_auto(NotificationMail::Id))
                    .col(integer(NotificationMail::AccountId))
                    .col(string(NotificationMail::Kind))
                    .col(string(NotificationMail::Link))
                    .col(timestamp_with_time_zone(NotificationMail::MailedAt))
                    .foreign_key(&mut fk(
                        NotificationMail::Table,
                        NotificationMail::AccountId,
                        Account::Table,
                        Account::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_notification_mail_once")
                    .table(NotificationMail::Table)
                    .col(NotificationMail::AccountId)
                    .col(NotificationMail::Kind)
                    .col(NotificationMail::Link)
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
enum Account {
    Table,
    Id,
    MailLang,
    MailDigest,
}

#[derive(Clone, Copy, DeriveIden)]
enum NotificationMail {
    Table,
    Id,
    AccountId,
    Kind,
    Link,
    MailedAt,
}
