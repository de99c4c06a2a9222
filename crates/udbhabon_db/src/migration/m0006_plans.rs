//! Annual plans with graded indicators: a year's template of areas, activities and indicators, and
//! each office's plan from it with its own targets.

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
                    .table(PlanTemplate::Table)
                    .col(pk_auto(PlanTemplate::Id))
                    .col(string_uniq(PlanTemplate::Key))
                    .col(string(PlanTemplate::Kind))
                    .col(integer(PlanTemplate::FiscalYear))
                    .col(text(PlanTemplate::TitleBn))
                    .col(text(PlanTemplate::TitleEn))
                    .col(double(PlanTemplate::TotalMarks))
                    .col(date(PlanTemplate::Q1Due))
                    .col(date(PlanTemplate::Q2Due))
                    .col(date(PlanTemplate::Q3Due))
                    .col(date(PlanTemplate::Q4Due))
                    .col(date(PlanTemplate::MidYearReviewDue))
                    .col(date(PlanTemplate::SelfAssessmentDue))
                    .col(integer_null(PlanTemplate::CopiedFromId))
                    .foreign_key(&mut fk(
                        PlanTemplate::Table,
                        PlanTemplate::CopiedFromId,
                        PlanTemplate::Table,
                        PlanTemplate::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PlanArea::Table)
                    .col(pk_auto(PlanArea::Id))
                    .col(integer(PlanArea::TemplateId))
                    .col(integer(PlanArea::Position))
                    .col(string(PlanArea::Number))
                    .col(text(PlanArea::TitleBn))
                    .col(text(PlanArea::TitleEn))
                    .col(double(PlanArea::Marks))
                    .foreign_key(&mut fk(
                        PlanArea::Table,
                        PlanArea::TemplateId,
                        PlanTemplate::Table,
                        PlanTemplate::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PlanActivity::Table)
                    .col(pk_auto(PlanActivity::Id))
                    .col(integer(PlanActivity::AreaId))
                    .col(integer(PlanActivity::Position))
                    .col(string(PlanActivity::Number))
                    .col(text(PlanActivity::TitleBn))
                    .col(text(PlanActivity::TitleEn))
                    .foreign_key(&mut fk(
                        PlanActivity::Table,
                        PlanActivity::AreaId,
                        PlanArea::Table,
                        PlanArea::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PlanIndicator::Table)
                    .col(pk_auto(PlanIndicator::Id))
                    .col(integer(PlanIndicator::ActivityId))
                    .col(integer(PlanIndicator::TemplateId))
                    .col(integer(PlanIndicator::Position))
                    .col(string(PlanIndicator::Number))
                    .col(text(PlanIndicator::TitleBn))
                    .col(text(PlanIndicator::TitleEn))
                    .col(text(PlanIndicator::Rule))
                    .col(double(PlanIndicator::Weight))
                    .col(text(PlanIndicator::EvidenceBn))
                    .col(text(PlanIndicator::EvidenceEn))
                    .col(text(PlanIndicator::MethodBn))
                    .col(text(PlanIndicator::MethodEn))
                    .foreign_key(&mut fk(
                        PlanIndicator::Table,
                        PlanIndicator::ActivityId,
                        PlanActivity::Table,
                        PlanActivity::Id,
                    ))
                    .foreign_key(&mut fk(
                        PlanIndicator::Table,
                        PlanIndicator::TemplateId,
                        PlanTemplate::Table,
                        PlanTemplate::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Plan::Table)
                    .col(pk_auto(Plan::Id))
                    .col(integer(Plan::TemplateId))
                    .col(integer(Plan::OfficeId))
                    .col(string(Plan::Status))
                    .col(integer(Plan::Version))
                    .col(double_null(Plan::Score))
                    .col(double_null(Plan::SelfScore))
                    .col(integer_null(Plan::ApprovedMeetingId))
                    .col(date_null(Plan::ApprovedOn))
                    .col(string(Plan::UpdatedBy))
                    .col(timestamp_with_time_zone(Plan::UpdatedAt))
                    .foreign_key(&mut fk(
                        Plan::Table,
                        Plan::TemplateId,
                        PlanTemplate::Table,
                        PlanTemplate::Id,
                    ))
                    .foreign_key(&mut fk(
                        Plan::Table,
                        Plan::OfficeId,
                        Office::Table,
                        Office::Id,
                    ))
                    .foreign_key(&mut fk(
                        Plan::Table,
                        Plan::ApprovedMeetingId,
                        Meeting::Table,
                        Meeting::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PlanTarget::Table)
                    .col(pk_auto(PlanTarget::Id))
                    .col(integer(PlanTarget::PlanId))
                    .col(integer(PlanTarget::IndicatorId))
                    .col(text_null(PlanTarget::Targets))
                    .col(text(PlanTarget::PreviousYear))
                    .col(text(PlanTarget::YearBefore))
                    .foreign_key(&mut fk(
                        PlanTarget::Table,
                        PlanTarget::PlanId,
                        Plan::Table,
                        Plan::Id,
                    ))
                    .foreign_key(&mut fk(
                        PlanTarget::Table,
                        PlanTarget::IndicatorId,
                        PlanIndicator::Table,
                        PlanIndicator::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        for index in [
            Index::create()
                .name("ux_plan_template_office")
                .table(Plan::Table)
                .col(Plan::TemplateId)
                .col(Plan::OfficeId)
                .unique()
                .to_owned(),
            Index::create()
                .name("ix_plan_office")
                .table(Plan::Table)
                .col(Plan::OfficeId)
                .to_owned(),
            Index::create()
                .name("ux_plan_target_indicator")
                .table(PlanTarget::Table)
                .col(PlanTarget::PlanId)
                .col(PlanTarget::IndicatorId)
                .unique()
                .to_owned(),
            Index::create()
                .name("ix_plan_indicator_template")
                .table(PlanIndicator::Table)
                .col(PlanIndicator::TemplateId)
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
enum PlanTemplate {
    Table,
    Id,
    Key,
    /// `udbhabon_domain::plan::PlanKind`: the same tables carry every annual plan of this shape.
    Kind,
    /// The year the fiscal year starts in (2022 for 2022-23).
    FiscalYear,
    TitleBn,
    TitleEn,
    TotalMarks,
    Q1Due,
    Q2Due,
    Q3Due,
    Q4Due,
    MidYearReviewDue,
    SelfAssessmentDue,
    CopiedFromId,
}

#[derive(Clone, Copy, DeriveIden)]
enum PlanArea {
    Table,
    Id,
    TemplateId,
    Position,
    Number,
    TitleBn,
    TitleEn,
    Marks,
}

#[derive(Clone, Copy, DeriveIden)]
enum PlanActivity {
    Table,
    Id,
    AreaId,
    Position,
    Number,
    TitleBn,
    TitleEn,
}

#[derive(Clone, Copy, DeriveIden)]
enum PlanIndicator {
    Table,
    Id,
    ActivityId,
    TemplateId,
    Position,
    Number,
    TitleBn,
    TitleEn,
    /// `udbhabon_domain::plan::score::IndicatorRule` as JSON: unit, direction, rule, calculation, weight and
    /// the template's targets.
    Rule,
    Weight,
    EvidenceBn,
    EvidenceEn,
    MethodBn,
    MethodEn,
}

#[derive(Clone, Copy, DeriveIden)]
enum Plan {
    Table,
    Id,
    TemplateId,
    OfficeId,
    /// draft, submitted, approved, locked.
    Status,
    Version,
    /// The plan's marks from the progress the office above accepted, kept with every review for the
    /// roll-ups.
    Score,
    /// The marks the office gives itself: from everything it submitted, accepted or not.
    SelfScore,
    /// The monthly coordination meeting that approved the plan.
    ApprovedMeetingId,
    ApprovedOn,
    UpdatedBy,
    UpdatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum PlanTarget {
    Table,
    Id,
    PlanId,
    IndicatorId,
    /// The office's own targets (`udbhabon_domain::plan::score::Targets` as JSON); none for yes/no.
    Targets,
    /// প্রকৃত অর্জন of the two previous years, as the office writes them.
    PreviousYear,
    YearBefore,
}

#[derive(Clone, Copy, DeriveIden)]
enum Office {
    Table,
    Id,
}

#[derive(Clone, Copy, DeriveIden)]
enum Meeting {
    Table,
    Id,
}
