//! The ICT budget lines of an office and their spending: an office's lines of a fiscal year, the years
//! it has lines in, one line by its id or by its code, the months spent on some lines; a line locked,
//! added, corrected or removed, and a month's spending recorded.

use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use udbhabon_domain::register::budget::{BudgetKind, BudgetLine, Spending};
use udbhabon_domain::{Bilingual, FiscalYear, Vocabulary};

use crate::entity::{budget_line, budget_spending};
use crate::{Db, DbError, Tx};

/// A budget line as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetLineRow {
    pub id: i32,
    pub office_id: i32,
    pub line: BudgetLine,
}

/// A month's spending as kept, with its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpendingRow {
    pub line_id: i32,
    pub spending: Spending,
}

fn line_row(model: budget_line::Model) -> Result<BudgetLineRow, DbError> {
    let sum = |value: i64| u64::try_from(value).unwrap_or_default();
    Ok(BudgetLineRow {
        id: model.id,
        office_id: model.office_id,
        line: BudgetLine {
            year: FiscalYear::starting_in(model.fiscal_year)
                .map_err(|error| DbError::Other(format!("budget line #{}: {error}", model.id)))?,
            kind: BudgetKind::from_code(&model.kind)?,
            code: model.code,
            head: Bilingual::new(model.head_bn, model.head_en),
            allocation: sum(model.allocation),
            revised: model.revised.map(sum),
        },
    })
}

/// A sum as the database keeps it (sums are thousands of taka, far below `i64::MAX`).
fn stored(sum: u64) -> i64 {
    i64::try_from(sum).unwrap_or(i64::MAX)
}

fn line_query(office_id: i32, year: FiscalYear) -> sea_orm::Select<budget_line::Entity> {
    budget_line::Entity::find()
        .filter(budget_line::Column::OfficeId.eq(office_id))
        .filter(budget_line::Column::FiscalYear.eq(year.start_year()))
}

impl Db {
    /// An office's lines of a fiscal year: the revenue budget's first, each by its code.
    pub async fn budget_lines_of(
        &self,
        office_id: i32,
        year: FiscalYear,
    ) -> Result<Vec<BudgetLineRow>, DbError> {
        line_query(office_id, year)
            .order_by_desc(budget_line::Column::Kind)
            .order_by_asc(budget_line::Column::Code)
            .all(self.connection())
            .await?
            .into_iter()
            .map(line_row)
            .collect()
    }

    /// The fiscal years an office has budget lines in, the latest first.
    pub async fn budget_years_of(&self, office_id: i32) -> Result<Vec<FiscalYear>, DbError> {
        let years: Vec<i32> = budget_line::Entity::find()
            .select_only()
            .column(budget_line::Column::FiscalYear)
            .distinct()
            .filter(budget_line::Column::OfficeId.eq(office_id))
            .order_by_desc(budget_line::Column::FiscalYear)
            .into_tuple()
            .all(self.connection())
            .await?;
        Ok(years
            .into_iter()
            .filter_map(|year| FiscalYear::starting_in(year).ok())
            .collect())
    }

    pub async fn budget_line(&self, id: i32) -> Result<BudgetLineRow, DbError> {
        budget_line::Entity::find_by_id(id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("budget line #{id}")))
            .and_then(line_row)
    }

    /// The months spent on these lines, in calendar order.
    pub async fn spending_of(&self, line_ids: &[i32]) -> Result<Vec<SpendingRow>, DbError> {
        Ok(budget_spending::Entity::find()
            .filter(budget_spending::Column::LineId.is_in(line_ids.iter().copied()))
            .order_by_asc(budget_spending::Column::Month)
            .all(self.connection())
            .await?
            .into_iter()
            .map(|model| SpendingRow {
                line_id: model.line_id,
                spending: Spending {
                    month: model.month,
                    amount: u64::try_from(model.amount).unwrap_or_default(),
                },
            })
            .collect())
    }
}

impl Tx {
    /// The office's line of this year, budget and code, if it has one.
    pub async fn budget_line_coded(
        &self,
        office_id: i32,
        line: &BudgetLine,
    ) -> Result<Option<BudgetLineRow>, DbError> {
        line_query(office_id, line.year)
            .filter(budget_line::Column::Kind.eq(line.kind.code()))
            .filter(budget_line::Column::Code.eq(line.code.as_str()))
            .one(&self.transaction)
            .await?
            .map(line_row)
            .transpose()
    }

    pub async fn insert_budget_line(
        &self,
        office_id: i32,
        line: &BudgetLine,
    ) -> Result<i32, DbError> {
        let row = budget_line::ActiveModel {
            office_id: Set(office_id),
            fiscal_year: Set(line.year.start_year()),
            kind: Set(line.kind.code().to_owned()),
            code: Set(line.code.clone()),
            head_bn: Set(line.head.bn.clone()),
            head_en: Set(line.head.en.clone()),
            allocation: Set(stored(line.allocation)),
            revised: Set(line.revised.map(stored)),
            updated_by: Set(self.author.label.clone()),
            updated_at: Set(self.author.at),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    pub async fn update_budget_line(&self, id: i32, line: &BudgetLine) -> Result<(), DbError> {
        let before = self.locked_budget_line(id).await?;
        let line = line.clone();
        let (label, at) = (self.author.label.clone(), self.author.at);
        self.update_audited(before, |active: &mut budget_line::ActiveModel| {
            active.fiscal_year = Set(line.year.start_year());
            active.kind = Set(line.kind.code().to_owned());
            active.code = Set(line.code);
            active.head_bn = Set(line.head.bn);
            active.head_en = Set(line.head.en);
            active.allocation = Set(stored(line.allocation));
            active.revised = Set(line.revised.map(stored));
            active.updated_by = Set(label);
            active.updated_at = Set(at);
        })
        .await?;
        Ok(())
    }

    /// Removes a line entered by mistake, with what was recorded spent on it.
    pub async fn remove_budget_line(&self, id: i32) -> Result<(), DbError> {
        let before = self.locked_budget_line(id).await?;
        for spent in budget_spending::Entity::find()
            .filter(budget_spending::Column::LineId.eq(id))
            .all(&self.transaction)
            .await?
        {
            self.delete_audited::<budget_spending::ActiveModel>(spent)
                .await?;
        }
        self.delete_audited::<budget_line::ActiveModel>(before)
            .await
    }

    /// Records what was spent on a line in a month, in place of what was recorded before.
    pub async fn record_spending(&self, line_id: i32, spending: Spending) -> Result<(), DbError> {
        let recorded = budget_spending::Entity::find()
            .filter(budget_spending::Column::LineId.eq(line_id))
            .filter(budget_spending::Column::Month.eq(spending.month))
            .lock_exclusive()
            .one(&self.transaction)
            .await?;
        let (label, at) = (self.author.label.clone(), self.author.at);
        match recorded {
            Some(before) if before.amount == stored(spending.amount) => {}
            Some(before) => {
                self.update_audited(before, |active: &mut budget_spending::ActiveModel| {
                    active.amount = Set(stored(spending.amount));
                    active.updated_by = Set(label);
                    active.updated_at = Set(at);
                })
                .await?;
            }
            None => {
                let row = budget_spending::ActiveModel {
                    line_id: Set(line_id),
                    month: Set(spending.month),
                    amount: Set(stored(spending.amount)),
                    updated_by: Set(label),
                    updated_at: Set(at),
                    ..Default::default()
                };
                self.insert_audited(row).await?;
            }
        }
        Ok(())
    }

    /// A line, locked until the transaction ends.
    pub async fn lock_budget_line(&self, id: i32) -> Result<BudgetLineRow, DbError> {
        line_row(self.locked_budget_line(id).await?)
    }

    /// Whether any month's spending is recorded on a line.
    pub async fn budget_line_spent(&self, id: i32) -> Result<bool, DbError> {
        Ok(budget_spending::Entity::find()
            .filter(budget_spending::Column::LineId.eq(id))
            .one(&self.transaction)
            .await?
            .is_some())
    }

    async fn locked_budget_line(&self, id: i32) -> Result<budget_line::Model, DbError> {
        budget_line::Entity::find_by_id(id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("budget line #{id}")))
    }
}
