//! Citizen charters: every version of an office's charter, its text as JSON, where it stands (draft,
//! submitted, published), who sent and approved it, and its edition number and dates once published.

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
                    .table(Charter::Table)
                    .col(pk_auto(Charter::Id))
                    .col(integer(Charter::OfficeId))
                    .col(string(Charter::Status))
                    .col(text(Charter::Content))
                    .col(string(Charter::UpdatedBy))
                    .col(timestamp_with_time_zone(Charter::UpdatedAt))
                    .col(string_null(Charter::SubmittedBy))
                    .col(text(Charter::ReturnNote))
                    .col(integer_null(Charter::Edition))
                    .col(date_null(Charter::PublishedOn))
                    .col(timestamp_with_time_zone_null(Charter::PublishedAt))
                    .col(string_null(Charter::ApprovedBy))
                    .foreign_key(&mut fk(
                        Charter::Table,
                        Charter::OfficeId,
                        Office::Table,
                        Office::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_charter_edition")
                    .table(Charter::Table)
                    .col(Charter::OfficeId)
                    .col(Charter::Edition)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // One version in the making per office: a second "new draft" from another tab is refused by
        // the database, whatever the race.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX ux_charter_open ON charter (office_id) \
                 WHERE status IN ('draft', 'submitted')",
            )
            .await?;
        Ok(())
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}

#[derive(Clone, Copy, DeriveIden)]
enum Charter {
    Table,
    Id,
    OfficeId,
    Status,
    Content,
    UpdatedBy,
    UpdatedAt,
    SubmittedBy,
    ReturnNote,
    Edition,
    PublishedOn,
    PublishedAt,
    ApprovedBy,
}

#[derive(Clone, Copy, DeriveIden)]
enum Office {
    Table,
    Id,
}
