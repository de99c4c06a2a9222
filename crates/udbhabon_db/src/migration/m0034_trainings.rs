//! Trainings: each office's planned courses of a year, the trainings it holds (their sessions as JSON),
//! and who took part, from which office, at which sessions.

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
                    .table(TrainingCourse::Table)
                    .col(pk_auto(TrainingCourse::Id))
                    .col(integer(TrainingCourse::OfficeId))
                    .col(integer(TrainingCourse::FiscalYear))
                    .col(integer(TrainingCourse::Position))
                    .col(text(TrainingCourse::Content))
                    .col(string(TrainingCourse::UpdatedBy))
                    .col(timestamp_with_time_zone(TrainingCourse::UpdatedAt))
                    .foreign_key(&mut fk(
                        TrainingCourse::Table,
                        TrainingCourse::OfficeId,
                        Office::Table,
                        Office::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Training::Table)
                    .col(pk_auto(Training::Id))
                    .col(integer(Training::OfficeId))
                    .col(integer(Training::FiscalYear))
                    .col(date(Training::StartsOn))
                    .col(integer_null(Training::CourseId))
                    .col(text(Training::Content))
                    .col(string(Training::UpdatedBy))
                    .col(timestamp_with_time_zone(Training::UpdatedAt))
                    .foreign_key(&mut fk(
                        Training::Table,
                        Training::OfficeId,
                        Office::Table,
                        Office::Id,
                    ))
                    .foreign_key(&mut fk(
                        Training::Table,
                        Training::CourseId,
                        TrainingCourse::Table,
                        TrainingCourse::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(TrainingParticipant::Table)
                    .col(pk_auto(TrainingParticipant::Id))
                    .col(integer(TrainingParticipant::TrainingId))
                    .col(integer(TrainingParticipant::PersonId))
                    .col(integer(TrainingParticipant::OfficeId))
                    .col(text(TrainingParticipant::Attended))
                    .foreign_key(&mut fk(
                        TrainingParticipant::Table,
                        TrainingParticipant::TrainingId,
                        Training::Table,
                        Training::Id,
                    ))
                    .foreign_key(&mut fk(
                        TrainingParticipant::Table,
                        TrainingParticipant::PersonId,
                        Person::Table,
                        Person::Id,
                    ))
                    .foreign_key(&mut fk(
                        TrainingParticipant::Table,
                        TrainingParticipant::OfficeId,
                        Office::Table,
                        Office::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        for index in [
            Index::create()
                .name("ix_training_course_office_year")
                .table(TrainingCourse::Table)
                .col(TrainingCourse::OfficeId)
                .col(TrainingCourse::FiscalYear)
                .to_owned(),
            Index::create()
                .name("ix_training_year")
                .table(Training::Table)
                .col(Training::FiscalYear)
                .col(Training::OfficeId)
                .to_owned(),
            Index::create()
                .name("ux_training_participant_once")
                .table(TrainingParticipant::Table)
                .col(TrainingParticipant::TrainingId)
                .col(TrainingParticipant::PersonId)
                .unique()
                .to_owned(),
            Index::create()
                .name("ix_training_participant_person")
                .table(TrainingParticipant::Table)
                .col(TrainingParticipant::PersonId)
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
enum TrainingCourse {
    Table,
    Id,
    OfficeId,
    FiscalYear,
    Position,
    Content,
    UpdatedBy,
    UpdatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Training {
    Table,
    Id,
    OfficeId,
    FiscalYear,
    StartsOn,
    CourseId,
    Content,
    UpdatedBy,
    UpdatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum TrainingParticipant {
    Table,
    Id,
    TrainingId,
    PersonId,
    OfficeId,
    Attended,
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
