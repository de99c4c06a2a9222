//! The government's holidays: each a day or a run of days, named in both languages, of a kind, and
//! whether its date hangs on the moon.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(Debug, DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Holiday::Table)
                    .col(pk_auto(Holiday::Id))
                    .col(date(Holiday::StartsOn))
                    .col(date(Holiday::EndsOn))
                    .col(string(Holiday::NameBn))
                    .col(string(Holiday::NameEn))
                    .col(string(Holiday::Kind))
                    .col(boolean(Holiday::Moon))
                    .col(string(Holiday::UpdatedBy))
                    .col(timestamp_with_time_zone(Holiday::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        // One day is one holiday: the unique first day catches a second entry of the same day even
        // where two writers pass the overlap check at once.
        manager
            .create_index(
                Index::create()
                    .name("ux_holiday_starts_on")
                    .table(Holiday::Table)
                    .col(Holiday::StartsOn)
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
enum Holiday {
    Table,
    Id,
    StartsOn,
    EndsOn,
    NameBn,
    NameEn,
    Kind,
    Moon,
    UpdatedBy,
    UpdatedAt,
}
