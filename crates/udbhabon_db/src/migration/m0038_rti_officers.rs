//! Each office's RTI officers: one post for each role the Act names, replaced when the office names
//! another (the audit trail keeps who held the role before).

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
                    .table(RtiOfficer::Table)
                    .col(pk_auto(RtiOfficer::Id))
                    .col(integer(RtiOfficer::OfficeId))
                    .col(string(RtiOfficer::Role))
                    .col(integer(RtiOfficer::PostId))
                    .col(string(RtiOfficer::UpdatedBy))
                    .col(timestamp_with_time_zone(RtiOfficer::UpdatedAt))
                    .foreign_key(&mut fk(
                        RtiOfficer::Table,
                        RtiOfficer::OfficeId,
                        Office::Table,
                        Office::Id,
                    ))
                    .foreign_key(&mut fk(
                        RtiOfficer::Table,
                        RtiOfficer::PostId,
                        Post::Table,
                        Post::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_rti_officer_role")
                    .table(RtiOfficer::Table)
                    .col(RtiOfficer::OfficeId)
                    .col(RtiOfficer::Role)
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
enum RtiOfficer {
    Table,
    Id,
    OfficeId,
    Role,
    PostId,
    UpdatedBy,
    UpdatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Office {
    Table,
    Id,
}

#[derive(Clone, Copy, DeriveIden)]
enum Post {
    Table,
    Id,
}
