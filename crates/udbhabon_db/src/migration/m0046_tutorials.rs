//! The video-tutorial library: each office's tutorials, a row each with its details as JSON, and who
//! finished which, from which office, on what day and for how many minutes, one row per person and
//! tutorial.

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
                    .table(Tutorial::Table)
                    .col(pk_auto(Tutorial::Id))
                    .col(integer(Tutorial::OfficeId))
                    .col(text(Tutorial::Content))
                    .col(string(Tutorial::UpdatedBy))
                    .col(timestamp_with_time_zone(Tutorial::UpdatedAt))
                    .foreign_key(&mut fk(
                        Tutorial::Table,
                        Tutorial::OfficeId,
                        Office::Table,
                        Office::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(TutorialCompletion::Table)
                    .col(pk_auto(TutorialCompletion::Id))
                    .col(integer(TutorialCompletion::TutorialId))
                    .col(integer(TutorialCompletion::PersonId))
                    .col(integer(TutorialCompletion::OfficeId))
                    .col(date(TutorialCompletion::CompletedOn))
                    .col(integer(TutorialCompletion::Minutes))
                    .col(string(TutorialCompletion::UpdatedBy))
                    .col(timestamp_with_time_zone(TutorialCompletion::UpdatedAt))
                    .foreign_key(&mut fk(
                        TutorialCompletion::Table,
                        TutorialCompletion::TutorialId,
                        Tutorial::Table,
                        Tutorial::Id,
                    ))
                    .foreign_key(&mut fk(
                        TutorialCompletion::Table,
                        TutorialCompletion::PersonId,
                        Person::Table,
                        Person::Id,
                    ))
                    .foreign_key(&mut fk(
                        TutorialCompletion::Table,
                        TutorialCompletion::OfficeId,
                        Office::Table,
                        Office::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        for index in [
            Index::create()
                .name("ix_tutorial_office")
                .table(Tutorial::Table)
                .col(Tutorial::OfficeId)
                .to_owned(),
            // A person finishes a tutorial once: its minutes count once.
            Index::create()
                .name("ux_tutorial_completion_tutorial_person")
                .table(TutorialCompletion::Table)
                .col(TutorialCompletion::TutorialId)
                .col(TutorialCompletion::PersonId)
                .unique()
                .to_owned(),
            Index::create()
                .name("ix_tutorial_completion_office_completed_on")
                .table(TutorialCompletion::Table)
                .col(TutorialCompletion::OfficeId)
                .col(TutorialCompletion::CompletedOn)
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
enum Tutorial {
    Table,
    Id,
    OfficeId,
    Content,
    UpdatedBy,
    UpdatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum TutorialCompletion {
    Table,
    Id,
    TutorialId,
    PersonId,
    OfficeId,
    CompletedOn,
    Minutes,
    UpdatedBy,
    UpdatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Office {
    Table,
    Id,
}

#[derive(Clone, Copy, DeriveIden)]
enum Person {
    Table,
    Id,
}
