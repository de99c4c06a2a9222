//! The half-yearly self-assessment of a plan, with each indicator's achievement and marks as the office
//! sent them, and the mid-year review of the office above: its marks, its feedback and when it came.

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
                    .table(PlanAssessment::Table)
                    .col(pk_auto(PlanAssessment::Id))
                    .col(integer_uniq(PlanAssessment::PlanId))
                    .col(string(PlanAssessment::Status))
                    .col(double(PlanAssessment::SelfScore))
                    .col(string(PlanAssessment::SubmittedBy))
                    .col(timestamp_with_time_zone(PlanAssessment::SubmittedAt))
                    .col(boolean(PlanAssessment::OnTime))
                    .col(double_null(PlanAssessment::ReviewedScore))
                    .col(text(PlanAssessment::Feedback))
                    .col(string_null(PlanAssessment::ReviewedBy))
                    .col(timestamp_with_time_zone_null(PlanAssessment::ReviewedAt))
                    .col(boolean_null(PlanAssessment::ReviewOnTime))
                    .col(integer(PlanAssessment::Version))
                    .foreign_key(&mut fk(
                        PlanAssessment::Table,
                        PlanAssessment::PlanId,
                        Plan::Table,
                        Plan::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AssessmentLine::Table)
                    .col(pk_auto(AssessmentLine::Id))
                    .col(integer(AssessmentLine::AssessmentId))
                    .col(integer(AssessmentLine::IndicatorId))
                    .col(text_null(AssessmentLine::Achieved))
                    .col(boolean(AssessmentLine::Evidence))
                    .col(double(AssessmentLine::SelfMarks))
                    .col(double_null(AssessmentLine::ReviewedMarks))
                    .foreign_key(&mut fk(
                        AssessmentLine::Table,
                        AssessmentLine::AssessmentId,
                        PlanAssessment::Table,
                        PlanAssessment::Id,
                    ))
                    .foreign_key(&mut fk(
                        AssessmentLine::Table,
                        AssessmentLine::IndicatorId,
                        PlanIndicator::Table,
                        PlanIndicator::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_assessment_line_indicator")
                    .table(AssessmentLine::Table)
                    .col(AssessmentLine::AssessmentId)
                    .col(AssessmentLine::IndicatorId)
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
enum PlanAssessment {
    Table,
    Id,
    PlanId,
    Status,
    SelfScore,
    SubmittedBy,
    SubmittedAt,
    OnTime,
    ReviewedScore,
    Feedback,
    ReviewedBy,
    ReviewedAt,
    ReviewOnTime,
    Version,
}

#[derive(Clone, Copy, DeriveIden)]
enum AssessmentLine {
    Table,
    Id,
    AssessmentId,
    IndicatorId,
    Achieved,
    Evidence,
    SelfMarks,
    ReviewedMarks,
}

#[derive(Clone, Copy, DeriveIden)]
enum Plan {
    Table,
    Id,
}

#[derive(Clone, Copy, DeriveIden)]
enum PlanIndicator {
    Table,
    Id,
}
