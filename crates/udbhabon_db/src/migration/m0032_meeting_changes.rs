//! A called meeting postponed or cancelled, each change with its numbered notice, the reason and the
//! day and time it moved from and to; a cancelled meeting keeps the day it was cancelled.

use sea_orm_migration::{prelude::*, schema::*};

use super::m0001_foundation::fk;

#[derive(Debug, DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Meeting::Table)
                    .add_column(date_null(Meeting::CancelledOn))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MeetingChange::Table)
                    .col(pk_auto(MeetingChange::Id))
                    .col(integer(MeetingChange::MeetingId))
                    .col(string(MeetingChange::Kind))
                    .col(text(MeetingChange::Reason))
                    .col(string(MeetingChange::Memo))
                    .col(date(MeetingChange::IssuedOn))
                    .col(date(MeetingChange::FromHeldOn))
                    .col(time_null(MeetingChange::FromStartsAt))
                    .col(date_null(MeetingChange::ToHeldOn))
                    .col(time_null(MeetingChange::ToStartsAt))
                    .col(string(MeetingChange::IssuedBy))
                    .col(timestamp_with_time_zone(MeetingChange::IssuedAt))
                    .foreign_key(&mut fk(
                        MeetingChange::Table,
                        MeetingChange::MeetingId,
                        Meeting::Table,
                        Meeting::Id,
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
enum Meeting {
    Table,
    Id,
    CancelledOn,
}

#[derive(Clone, Copy, DeriveIden)]
enum MeetingChange {
    Table,
    Id,
    MeetingId,
    Kind,
    Reason,
    Memo,
    IssuedOn,
    FromHeldOn,
    FromStartsAt,
    ToHeldOn,
    ToStartsAt,
    IssuedBy,
    IssuedAt,
}
