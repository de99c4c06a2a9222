//! An innovation's life: each dated step (approved, pilot started where and when, evaluated with its
//! findings, scaled up, dropped with the reason) with who took it and evidence links, and the original an
//! office's innovation replicates, so replications form a graph.

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
                    .table(Innovation::Table)
                    .add_column(integer_null(Innovation::ReplicatesId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(InnovationStep::Table)
                    .col(pk_auto(InnovationStep::Id))
                    .col(integer(InnovationStep::InnovationId))
                    .col(string(InnovationStep::Step))
                    .col(string(InnovationStep::StageAfter))
                    .col(text(InnovationStep::Note))
                    .col(text(InnovationStep::Place))
                    .col(date_null(InnovationStep::FromOn))
                    .col(date_null(InnovationStep::ToOn))
                    .col(text(InnovationStep::Links))
                    .col(string(InnovationStep::TakenBy))
                    .col(timestamp_with_time_zone(InnovationStep::TakenAt))
                    .foreign_key(&mut fk(
                        InnovationStep::Table,
                        InnovationStep::InnovationId,
                        Innovation::Table,
                        Innovation::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_innovation_step_innovation")
                    .table(InnovationStep::Table)
                    .col(InnovationStep::InnovationId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_innovation_replicates")
                    .table(Innovation::Table)
                    .col(Innovation::ReplicatesId)
                    .to_owned(),
            )
            .await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}

#[derive(Clone, Copy, DeriveIden)]
enum Innovation {
    Table,
    Id,
    ReplicatesId,
}

#[derive(Clone, Copy, DeriveIden)]
enum InnovationStep {
    Table,
    Id,
    InnovationId,
    Step,
    StageAfter,
    Note,
    Place,
    FromOn,
    ToOn,
    Links,
    TakenBy,
    TakenAt,
}
