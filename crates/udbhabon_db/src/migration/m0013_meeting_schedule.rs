//! Meetings scheduled in the system: the online link, the invitation notice's memo number and date, who
//! is invited (posts and people), the agenda with its presenters, attendance marked against the
//! invitation, and each account's secret calendar-feed address.

use sea_orm_migration::{prelude::*, schema::*};

use super::m0001_foundation::fk;

#[derive(Debug, DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite takes one column per ALTER TABLE.
        for column in [
            string(Meeting::OnlineLink).default("").to_owned(),
            string_null(Meeting::NoticeMemo),
            date_null(Meeting::NoticeSentOn),
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
            .alter_table(
                Table::alter()
                    .table(MeetingAttendance::Table)
                    .add_column(boolean(MeetingAttendance::Invited).default(true))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Account::Table)
                    .add_column(string_null(Account::CalendarTokenHash))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_account_calendar_token")
                    .table(Account::Table)
                    .col(Account::CalendarTokenHash)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MeetingInvitee::Table)
                    .col(pk_auto(MeetingInvitee::Id))
                    .col(integer(MeetingInvitee::MeetingId))
                    .col(integer(MeetingInvitee::Position))
                    .col(integer_null(MeetingInvitee::PostId))
                    .col(integer_null(MeetingInvitee::PersonId))
                    .foreign_key(&mut fk(
                        MeetingInvitee::Table,
                        MeetingInvitee::MeetingId,
                        Meeting::Table,
                        Meeting::Id,
                    ))
                    .foreign_key(&mut fk(
                        MeetingInvitee::Table,
                        MeetingInvitee::PostId,
                        Post::Table,
                        Post::Id,
                    ))
                    .foreign_key(&mut fk(
                        MeetingInvitee::Table,
                        MeetingInvitee::PersonId,
                        Person::Table,
                        Person::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_meeting_invitee_meeting")
                    .table(MeetingInvitee::Table)
                    .col(MeetingInvitee::MeetingId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AgendaItem::Table)
                    .col(pk_auto(AgendaItem::Id))
                    .col(integer(AgendaItem::MeetingId))
                    .col(integer(AgendaItem::Position))
                    .col(text(AgendaItem::TitleBn))
                    .col(text(AgendaItem::TitleEn))
                    .col(integer_null(AgendaItem::PresenterPostId))
                    .col(text(AgendaItem::DiscussionBn).default(""))
                    .col(text(AgendaItem::DiscussionEn).default(""))
                    .foreign_key(&mut fk(
                        AgendaItem::Table,
                        AgendaItem::MeetingId,
                        Meeting::Table,
                        Meeting::Id,
                    ))
                    .foreign_key(&mut fk(
                        AgendaItem::Table,
                        AgendaItem::PresenterPostId,
                        Post::Table,
                        Post::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_agenda_item_meeting")
                    .table(AgendaItem::Table)
                    .col(AgendaItem::MeetingId)
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
    OnlineLink,
    NoticeMemo,
    NoticeSentOn,
}

#[derive(Clone, Copy, DeriveIden)]
enum MeetingAttendance {
    Table,
    Invited,
}

#[derive(Clone, Copy, DeriveIden)]
enum Account {
    Table,
    CalendarTokenHash,
}

#[derive(Clone, Copy, DeriveIden)]
enum MeetingInvitee {
    Table,
    Id,
    MeetingId,
    Position,
    PostId,
    PersonId,
}

#[derive(Clone, Copy, DeriveIden)]
enum AgendaItem {
    Table,
    Id,
    MeetingId,
    Position,
    TitleBn,
    TitleEn,
    PresenterPostId,
    DiscussionBn,
    DiscussionEn,
}

#[derive(Clone, Copy, DeriveIden)]
enum Post {
    Table,
    Id,
}

#[derive(Clone, Copy, DeriveIden)]
enum Person {
    Table,
    Id,
}
