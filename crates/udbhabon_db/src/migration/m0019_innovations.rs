//! The innovation database (decision 2.3): each office's innovative ideas, simplified and digitized
//! services with the problem, the solution, dates, where it stands, a digitization's link and channel, a
//! simplification's TCV before and after (JSON text, read whole), and links to evidence.

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
                    .table(Innovation::Table)
                    .col(pk_auto(Innovation::Id))
                    .col(integer(Innovation::OfficeId))
                    .col(string(Innovation::Kind))
                    .col(string(Innovation::Stage))
                    .col(text(Innovation::Title))
                    .col(text(Innovation::TitleEn))
                    .col(text(Innovation::Service))
                    .col(text(Innovation::Problem))
                    .col(text(Innovation::RootCause))
                    .col(text(Innovation::Solution))
                    .col(date_null(Innovation::StartedOn))
                    .col(date_null(Innovation::CompletedOn))
                    .col(text_null(Innovation::ServiceLink))
                    .col(string_null(Innovation::Channel))
                    .col(text(Innovation::Links))
                    .col(text_null(Innovation::Tcv))
                    .col(string(Innovation::CreatedBy))
                    .col(timestamp_with_time_zone(Innovation::CreatedAt))
                    .foreign_key(&mut fk(
                        Innovation::Table,
                        Innovation::OfficeId,
                        Office::Table,
                        Office::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_innovation_office")
                    .table(Innovation::Table)
                    .col(Innovation::OfficeId)
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
    OfficeId,
    Kind,
    Stage,
    Title,
    TitleEn,
    Service,
    Problem,
    RootCause,
    Solution,
    StartedOn,
    CompletedOn,
    ServiceLink,
    Channel,
    Links,
    Tcv,
    CreatedBy,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Office {
    Table,
    Id,
}
