//! The planned course of the training plan a tutorial belongs to, one row per tutorial that has one.

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
                    .table(TutorialCourse::Table)
                    .col(integer(TutorialCourse::TutorialId).primary_key())
                    .col(integer(TutorialCourse::CourseId))
                    .col(string(TutorialCourse::UpdatedBy))
                    .col(timestamp_with_time_zone(TutorialCourse::UpdatedAt))
                    .foreign_key(&mut fk(
                        TutorialCourse::Table,
                        TutorialCourse::TutorialId,
                        Tutorial::Table,
                        Tutorial::Id,
                    ))
                    .foreign_key(&mut fk(
                        TutorialCourse::Table,
                        TutorialCourse::CourseId,
                        TrainingCourse::Table,
                        TrainingCourse::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_tutorial_course_course")
                    .table(TutorialCourse::Table)
                    .col(TutorialCourse::CourseId)
                    .to_owned(),
            )
            .await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}

#[derive(Clone, Copy, DeriveIden)]
enum TutorialCourse {
    Table,
    TutorialId,
    CourseId,
    UpdatedBy,
    UpdatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Tutorial {
    Table,
    Id,
}

#[derive(Clone, Copy, DeriveIden)]
enum TrainingCourse {
    Table,
    Id,
}
