//! The versions an approved plan had before it was opened for revision: why, when, and its targets then.

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
                    .table(PlanRevision::Table)
                    .col(pk_auto(PlanRevision::Id))
                    .col(integer(PlanRevision::PlanId))
                    .col(integer(PlanRevision::Version))
                    .col(text(PlanRevision::Reason))
                    .col(text(PlanRevision::Targets))
                    .col(date_null(PlanRevision::ApprovedOn))
                    .col(string(PlanRevision::RevisedBy))
                    .col(timestamp_with_time_zone(PlanRevision::RevisedAt))
                    .foreign_key(&mut fk(
                        PlanRevision::Table,
                        PlanRevision::PlanId,
                        Plan::Table,
                        Plan::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_plan_revision_version")
                    .table(PlanRevision::Table)
                    .col(PlanRevision::PlanId)
                    .col(PlanRevision::Version)
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
enum PlanRevision {
    Table,
    Id,
    PlanId,
    Version,
    Reason,
    Targets,
    ApprovedOn,
    RevisedBy,
    RevisedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Plan {
    Table,
    Id,
}
