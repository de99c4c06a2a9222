//! Collections: what an office asks of offices and branches by a deadline (once, monthly or quarterly),
//! whom it asks, the periods it opens, and each submission (counts or a report, with evidence files),
//! kept in versions so a returned one sent again keeps its history.

use sea_orm_migration::{prelude::*, schema::*};

use super::m0001_foundation::fk;

#[derive(Debug, DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(collection()).await?;
        manager.create_table(respondent()).await?;
        manager.create_table(period()).await?;
        manager.create_table(submission()).await?;
        manager.create_table(evidence()).await?;
        for index in [
            Index::create()
                .name("ux_collection_respondent")
                .table(CollectionRespondent::Table)
                .col(CollectionRespondent::CollectionId)
                .col(CollectionRespondent::OfficeId)
                .col(CollectionRespondent::UnitId)
                .unique()
                .to_owned(),
            Index::create()
                .name("ux_collection_period_start")
                .table(CollectionPeriod::Table)
                .col(CollectionPeriod::CollectionId)
                .col(CollectionPeriod::StartsOn)
                .unique()
                .to_owned(),
            Index::create()
                .name("ux_submission_version")
                .table(Submission::Table)
                .col(Submission::PeriodId)
                .col(Submission::RespondentId)
                .col(Submission::Version)
                .unique()
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

fn collection() -> TableCreateStatement {
    Table::create()
        .table(Collection::Table)
        .col(pk_auto(Collection::Id))
        .col(string_uniq(Collection::Key))
        .col(integer(Collection::OfficeId))
        .col(string(Collection::Kind))
        .col(text(Collection::TitleBn))
        .col(text(Collection::TitleEn))
        .col(text(Collection::InstructionsBn))
        .col(text(Collection::InstructionsEn))
        .col(string(Collection::Recurrence))
        .col(date(Collection::OpensOn))
        .col(integer(Collection::DueDay))
        .col(date_null(Collection::DueOn))
        .col(boolean(Collection::LateAllowed))
        .col(boolean(Collection::EvidenceRequired))
        .col(string(Collection::CreatedBy))
        .col(timestamp_with_time_zone(Collection::CreatedAt))
        .foreign_key(&mut fk(
            Collection::Table,
            Collection::OfficeId,
            Office::Table,
            Office::Id,
        ))
        .to_owned()
}

fn respondent() -> TableCreateStatement {
    Table::create()
        .table(CollectionRespondent::Table)
        .col(pk_auto(CollectionRespondent::Id))
        .col(integer(CollectionRespondent::CollectionId))
        .col(integer(CollectionRespondent::OfficeId))
        .col(integer_null(CollectionRespondent::UnitId))
        .col(integer(CollectionRespondent::Position))
        .foreign_key(&mut fk(
            CollectionRespondent::Table,
            CollectionRespondent::CollectionId,
            Collection::Table,
            Collection::Id,
        ))
        .foreign_key(&mut fk(
            CollectionRespondent::Table,
            CollectionRespondent::OfficeId,
            Office::Table,
            Office::Id,
        ))
        .foreign_key(&mut fk(
            CollectionRespondent::Table,
            CollectionRespondent::UnitId,
            Unit::Table,
            Unit::Id,
        ))
        .to_owned()
}

fn period() -> TableCreateStatement {
    Table::create()
        .table(CollectionPeriod::Table)
        .col(pk_auto(CollectionPeriod::Id))
        .col(integer(CollectionPeriod::CollectionId))
        .col(date(CollectionPeriod::StartsOn))
        .col(date(CollectionPeriod::EndsOn))
        .col(date(CollectionPeriod::DueOn))
        .foreign_key(&mut fk(
            CollectionPeriod::Table,
            CollectionPeriod::CollectionId,
            Collection::Table,
            Collection::Id,
        ))
        .to_owned()
}

fn submission() -> TableCreateStatement {
    Table::create()
        .table(Submission::Table)
        .col(pk_auto(Submission::Id))
        .col(integer(Submission::PeriodId))
        .col(integer(Submission::RespondentId))
        .col(integer(Submission::Version))
        .col(text_null(Submission::Counts))
        .col(text(Submission::Note))
        .col(boolean(Submission::Late))
        .col(string(Submission::Status))
        .col(string(Submission::SubmittedBy))
        .col(timestamp_with_time_zone(Submission::SubmittedAt))
        .col(string_null(Submission::ReviewedBy))
        .col(timestamp_with_time_zone_null(Submission::ReviewedAt))
        .col(text_null(Submission::ReviewComment))
        .foreign_key(&mut fk(
            Submission::Table,
            Submission::PeriodId,
            CollectionPeriod::Table,
            CollectionPeriod::Id,
        ))
        .foreign_key(&mut fk(
            Submission::Table,
            Submission::RespondentId,
            CollectionRespondent::Table,
            CollectionRespondent::Id,
        ))
        .to_owned()
}

fn evidence() -> TableCreateStatement {
    Table::create()
        .table(SubmissionEvidence::Table)
        .col(pk_auto(SubmissionEvidence::Id))
        .col(integer(SubmissionEvidence::SubmissionId))
        .col(integer(SubmissionEvidence::FileId))
        .foreign_key(&mut fk(
            SubmissionEvidence::Table,
            SubmissionEvidence::SubmissionId,
            Submission::Table,
            Submission::Id,
        ))
        .foreign_key(&mut fk(
            SubmissionEvidence::Table,
            SubmissionEvidence::FileId,
            EvidenceFile::Table,
            EvidenceFile::Id,
        ))
        .to_owned()
}

#[derive(Clone, Copy, DeriveIden)]
enum Collection {
    Table,
    Id,
    Key,
    OfficeId,
    Kind,
    TitleBn,
    TitleEn,
    InstructionsBn,
    InstructionsEn,
    Recurrence,
    OpensOn,
    DueDay,
    DueOn,
    LateAllowed,
    EvidenceRequired,
    CreatedBy,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum CollectionRespondent {
    Table,
    Id,
    CollectionId,
    OfficeId,
    UnitId,
    Position,
}

#[derive(Clone, Copy, DeriveIden)]
enum CollectionPeriod {
    Table,
    Id,
    CollectionId,
    StartsOn,
    EndsOn,
    DueOn,
}

#[derive(Clone, Copy, DeriveIden)]
enum Submission {
    Table,
    Id,
    PeriodId,
    RespondentId,
    Version,
    Counts,
    Note,
    Late,
    Status,
    SubmittedBy,
    SubmittedAt,
    ReviewedBy,
    ReviewedAt,
    ReviewComment,
}

#[derive(Clone, Copy, DeriveIden)]
enum SubmissionEvidence {
    Table,
    Id,
    SubmissionId,
    FileId,
}

#[derive(Clone, Copy, DeriveIden)]
enum Office {
    Table,
    Id,
}

#[derive(Clone, Copy, DeriveIden)]
enum Unit {
    Table,
    Id,
}

#[derive(Clone, Copy, DeriveIden)]
enum EvidenceFile {
    Table,
    Id,
}
