//! The yearly award's rounds: for an awarding office and a fiscal year, the ranking and rules as the
//! committee saw them when it confirmed its winners, the winners with the reason for any that the
//! ranking did not put first alone, and the award notice's memo number once issued.

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
                    .table(AwardRound::Table)
                    .col(pk_auto(AwardRound::Id))
                    .col(integer(AwardRound::OfficeId))
                    .col(integer(AwardRound::FiscalYear))
                    .col(text(AwardRound::Rules))
                    .col(text(AwardRound::Ranking))
                    .col(integer_null(AwardRound::AgencyOfficeId))
                    .col(text(AwardRound::AgencyReason))
                    .col(integer_null(AwardRound::FieldOfficeId))
                    .col(text(AwardRound::FieldOfficeReason))
                    .col(integer(AwardRound::ConfirmedByPersonId))
                    .col(timestamp_with_time_zone(AwardRound::ConfirmedAt))
                    .col(string_null(AwardRound::MemoNumber))
                    .col(date_null(AwardRound::IssuedOn))
                    .col(integer_null(AwardRound::IssuerPersonId))
                    .col(integer_null(AwardRound::IssuerPostId))
                    .col(integer_null(AwardRound::DistributionListId))
                    .foreign_key(&mut fk(
                        AwardRound::Table,
                        AwardRound::OfficeId,
                        Office::Table,
                        Office::Id,
                    ))
                    .foreign_key(&mut fk(
                        AwardRound::Table,
                        AwardRound::AgencyOfficeId,
                        Office::Table,
                        Office::Id,
                    ))
                    .foreign_key(&mut fk(
                        AwardRound::Table,
                        AwardRound::FieldOfficeId,
                        Office::Table,
                        Office::Id,
                    ))
                    .foreign_key(&mut fk(
                        AwardRound::Table,
                        AwardRound::ConfirmedByPersonId,
                        Person::Table,
                        Person::Id,
                    ))
                    .foreign_key(&mut fk(
                        AwardRound::Table,
                        AwardRound::IssuerPersonId,
                        Person::Table,
                        Person::Id,
                    ))
                    .foreign_key(&mut fk(
                        AwardRound::Table,
                        AwardRound::IssuerPostId,
                        Post::Table,
                        Post::Id,
                    ))
                    .foreign_key(&mut fk(
                        AwardRound::Table,
                        AwardRound::DistributionListId,
                        DistributionList::Table,
                        DistributionList::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        // One round per office and year: a second confirmation replaces the first until the notice
        // is issued.
        manager
            .create_index(
                Index::create()
                    .name("ux_award_round_year")
                    .table(AwardRound::Table)
                    .col(AwardRound::OfficeId)
                    .col(AwardRound::FiscalYear)
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
enum AwardRound {
    Table,
    Id,
    OfficeId,
    FiscalYear,
    Rules,
    Ranking,
    AgencyOfficeId,
    AgencyReason,
    FieldOfficeId,
    FieldOfficeReason,
    ConfirmedByPersonId,
    ConfirmedAt,
    MemoNumber,
    IssuedOn,
    IssuerPersonId,
    IssuerPostId,
    DistributionListId,
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

#[derive(Clone, Copy, DeriveIden)]
enum Post {
    Table,
    Id,
}

#[derive(Clone, Copy, DeriveIden)]
enum DistributionList {
    Table,
    Id,
}
