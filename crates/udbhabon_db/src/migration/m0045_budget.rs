//! Each office's ICT budget lines, one per fiscal year, budget and economic code, and the money spent
//! on each month by month.

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
                    .table(BudgetLine::Table)
                    .col(pk_auto(BudgetLine::Id))
                    .col(integer(BudgetLine::OfficeId))
                    .col(integer(BudgetLine::FiscalYear))
                    .col(string(BudgetLine::Kind))
                    .col(string(BudgetLine::Code))
                    .col(string(BudgetLine::HeadBn))
                    .col(string(BudgetLine::HeadEn))
                    .col(big_integer(BudgetLine::Allocation))
                    .col(big_integer_null(BudgetLine::Revised))
                    .col(string(BudgetLine::UpdatedBy))
                    .col(timestamp_with_time_zone(BudgetLine::UpdatedAt))
                    .foreign_key(&mut fk(
                        BudgetLine::Table,
                        BudgetLine::OfficeId,
                        Office::Table,
                        Office::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BudgetSpending::Table)
                    .col(pk_auto(BudgetSpending::Id))
                    .col(integer(BudgetSpending::LineId))
                    .col(date(BudgetSpending::Month))
                    .col(big_integer(BudgetSpending::Amount))
                    .col(string(BudgetSpending::UpdatedBy))
                    .col(timestamp_with_time_zone(BudgetSpending::UpdatedAt))
                    .foreign_key(&mut fk(
                        BudgetSpending::Table,
                        BudgetSpending::LineId,
                        BudgetLine::Table,
                        BudgetLine::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        for index in [
            // One line per office, year, budget and code: a second would split the code's money.
            Index::create()
                .name("ux_budget_line_office_year_kind_code")
                .table(BudgetLine::Table)
                .col(BudgetLine::OfficeId)
                .col(BudgetLine::FiscalYear)
                .col(BudgetLine::Kind)
                .col(BudgetLine::Code)
                .unique()
                .to_owned(),
            Index::create()
                .name("ux_budget_spending_line_month")
                .table(BudgetSpending::Table)
                .col(BudgetSpending::LineId)
                .col(BudgetSpending::Month)
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

#[derive(Clone, Copy, DeriveIden)]
enum BudgetLine {
    Table,
    Id,
    OfficeId,
    FiscalYear,
    Kind,
    Code,
    HeadBn,
    HeadEn,
    Allocation,
    Revised,
    UpdatedBy,
    UpdatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum BudgetSpending {
    Table,
    Id,
    LineId,
    Month,
    Amount,
    UpdatedBy,
    UpdatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Office {
    Table,
    Id,
}
