//! Gathering up the office tree: a collection may have the offices directly under the asking office
//! gather their field offices' submissions, review them and forward them upward within so many days of
//! the deadline; each forward is kept with its note, the reason when some were not yet reviewed, and
//! whether it came late.

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
                    .table(Collection::Table)
                    .add_column(integer_null(Collection::ForwardDays))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CollectionForward::Table)
                    .col(pk_auto(CollectionForward::Id))
                    .col(integer(CollectionForward::PeriodId))
                    .col(integer(CollectionForward::OfficeId))
                    .col(text(CollectionForward::Note))
                    .col(text_null(CollectionForward::Reason))
                    .col(boolean(CollectionForward::Late))
                    .col(string(CollectionForward::ForwardedBy))
                    .col(timestamp_with_time_zone(CollectionForward::ForwardedAt))
                    .foreign_key(&mut fk(
                        CollectionForward::Table,
                        CollectionForward::PeriodId,
                        CollectionPeriod::Table,
                        CollectionPeriod::Id,
                    ))
                    .foreign_key(&mut fk(
                        CollectionForward::Table,
                        CollectionForward::OfficeId,
                        Office::Table,
                        Office::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_collection_forward_once")
                    .table(CollectionForward::Table)
                    .col(CollectionForward::PeriodId)
                    .col(CollectionForward::OfficeId)
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
enum Collection {
    Table,
    ForwardDays,
}

#[derive(Clone, Copy, DeriveIden)]
enum CollectionForward {
    Table,
    Id,
    PeriodId,
    OfficeId,
    Note,
    Reason,
    Late,
    ForwardedBy,
    ForwardedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum CollectionPeriod {
    Table,
    Id,
}

#[derive(Clone, Copy, DeriveIden)]
enum Office {
    Table,
    Id,
}
