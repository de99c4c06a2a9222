//! Each office's ICT projects, a row per project with its details as JSON, and their milestones with
//! the planned day indexed for the coordination meeting's summary.

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
                    .table(Project::Table)
                    .col(pk_auto(Project::Id))
                    .col(integer(Project::OfficeId))
                    .col(text(Project::Content))
                    .col(string(Project::UpdatedBy))
                    .col(timestamp_with_time_zone(Project::UpdatedAt))
                    .foreign_key(&mut fk(
                        Project::Table,
                        Project::OfficeId,
                        Office::Table,
                        Office::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Milestone::Table)
                    .col(pk_auto(Milestone::Id))
                    .col(integer(Milestone::ProjectId))
                    .col(string(Milestone::Title))
                    .col(date(Milestone::PlannedOn))
                    .col(date_null(Milestone::ReachedOn))
                    .col(string(Milestone::UpdatedBy))
                    .col(timestamp_with_time_zone(Milestone::UpdatedAt))
                    .foreign_key(&mut fk(
                        Milestone::Table,
                        Milestone::ProjectId,
                        Project::Table,
                        Project::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        for index in [
            Index::create()
                .name("ix_project_office")
                .table(Project::Table)
                .col(Project::OfficeId)
                .to_owned(),
            Index::create()
                .name("ix_milestone_project_planned_on")
                .table(Milestone::Table)
                .col(Milestone::ProjectId)
                .col(Milestone::PlannedOn)
                .to_owned(),
        ] {
            manager.create_index(index).await?;
        }
        Ok(())
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}

#[derive(Clone, Copy, DeriveIden)]
enum Project {
    Table,
    Id,
    OfficeId,
    Content,
    UpdatedBy,
    UpdatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Milestone {
    Table,
    Id,
    ProjectId,
    Title,
    PlannedOn,
    ReachedOn,
    UpdatedBy,
    UpdatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Office {
    Table,
    Id,
}
