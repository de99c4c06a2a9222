//! The ICT budget lines of an office (terms of reference item 18; domain-2.md §8): per fiscal year, a
//! revenue or development line under an economic code and its head, the allocation and its revision
//! in thousand taka as the government's budget tables give them, and the money spent month by month,
//! whose utilisation may pass the allocation (a revision not entered yet) but is then flagged.

use bangla::FiscalYear;
use chrono::{Months, NaiveDate};
use serde::Deserialize;

use crate::register::{SHORT_CHARS, bounded, sum};
use crate::vocabulary::{chosen, vocabulary};
use crate::{Bilingual, ValidationErrors};

vocabulary! {
    /// The budget a line belongs to.
    pub enum BudgetKind ("budget kind", "budget-kind") {
        /// The revenue (operating) budget.
        Revenue => "revenue",
        /// The development budget (the Annual Development Programme).
        Development => "development",
    }
}

/// The longest economic code, in digits.
const CODE_DIGITS: usize = 12;

/// A budget line as kept; sums in thousand taka.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetLine {
    pub year: FiscalYear,
    pub kind: BudgetKind,
    /// The economic code, in ASCII digits.
    pub code: String,
    /// What the code is for, as the budget names it.
    pub head: Bilingual,
    pub allocation: u64,
    /// The revised allocation, once the revised budget is out.
    pub revised: Option<u64>,
}

impl BudgetLine {
    /// What may be spent: the revised allocation when there is one.
    pub fn available(&self) -> u64 {
        self.revised.unwrap_or(self.allocation)
    }

    /// The first day of each month of its fiscal year, July first.
    pub fn months(&self) -> [NaiveDate; 12] {
        months_of(self.year)
    }
}

/// The first day of each month of a fiscal year, July first.
pub fn months_of(year: FiscalYear) -> [NaiveDate; 12] {
    let first = year.first_day();
    std::array::from_fn(|index| first + Months::new(index as u32))
}

/// What was spent of what was available, in percent; none when nothing was available.
pub fn utilisation(spent: u64, available: u64) -> Option<f64> {
    (available > 0).then(|| spent as f64 * 100.0 / available as f64)
}

/// Whether more was spent than was available: allowed (a revision may not be entered yet), but shown.
pub fn overspent(spent: u64, available: u64) -> bool {
    spent > available
}

/// A budget line as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct BudgetLineFields {
    /// The fiscal year, such as ২০২৬-২৭.
    pub year: String,
    pub kind: String,
    pub code: String,
    pub head_bn: String,
    pub head_en: String,
    pub allocation: String,
    /// Empty until the revised budget is out.
    pub revised: String,
}

/// Checks a budget line: a fiscal year, its kind, an economic code of digits, a Bengali head, and the
/// allocation (and revision, when given) as sums.
pub fn check_budget_line(fields: &BudgetLineFields) -> Result<BudgetLine, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let year = FiscalYear::parse(fields.year.trim()).ok();
    if year.is_none() {
        errors.add("year", "error-fiscal-year");
    }
    let kind = chosen::<BudgetKind>("kind", &fields.kind, &mut errors);
    let code = bangla::digits::to_ascii_digits(fields.code.trim());
    if code.is_empty() {
        errors.add("code", "error-required");
    } else if code.len() > CODE_DIGITS || !code.bytes().all(|byte| byte.is_ascii_digit()) {
        errors
            .add("code", "error-budget-code")
            .with("max", CODE_DIGITS);
    }
    let head_bn = bounded("head_bn", &fields.head_bn, (true, SHORT_CHARS), &mut errors);
    let head_en = bounded(
        "head_en",
        &fields.head_en,
        (false, SHORT_CHARS),
        &mut errors,
    );
    let allocation = if fields.allocation.trim().is_empty() {
        errors.add("allocation", "error-required");
        None
    } else {
        sum("allocation", &fields.allocation, &mut errors)
    };
    let revised = if fields.revised.trim().is_empty() {
        Some(None)
    } else {
        sum("revised", &fields.revised, &mut errors).map(Some)
    };
    match (year, kind, allocation, revised) {
        (Some(year), Some(kind), Some(allocation), Some(revised)) if errors.is_empty() => {
            Ok(BudgetLine {
                year,
                kind,
                code,
                head: Bilingual::new(head_bn, head_en),
                allocation,
                revised,
            })
        }
        _ => Err(errors),
    }
}

/// A month's spending as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SpendingFields {
    /// The month's first day, as the form offers it (`2026-07-01`).
    pub month: String,
    pub amount: String,
}

/// A month's spending as kept: the month's first day and the sum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spending {
    pub month: NaiveDate,
    pub amount: u64,
}

/// Checks a month's spending on a line: a month of its fiscal year that has begun by `today`, and a
/// sum (nought corrects a month recorded by mistake).
pub fn check_spending(
    fields: &SpendingFields,
    line: &BudgetLine,
    today: NaiveDate,
) -> Result<Spending, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let month = bangla::parse_date(fields.month.trim())
        .ok()
        .filter(|month| line.months().contains(month));
    match month {
        None => {
            errors.add("month", "error-budget-month");
        }
        Some(month) if month > today => {
            errors.add("month", "error-budget-month-ahead");
        }
        Some(_) => {}
    }
    let amount = if fields.amount.trim().is_empty() {
        errors.add("amount", "error-required");
        None
    } else {
        sum("amount", &fields.amount, &mut errors)
    };
    match (month, amount) {
        (Some(month), Some(amount)) if errors.is_empty() => Ok(Spending { month, amount }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn line() -> BudgetLineFields {
        BudgetLineFields {
            year: "২০২৬-২৭".into(),
            kind: "revenue".into(),
            code: "৩২৫৫১০১".into(),
            head_bn: "কম্পিউটার সামগ্রী".into(),
            allocation: "১,৫০০".into(),
            ..BudgetLineFields::default()
        }
    }

    #[test]
    fn a_line_is_read_in_either_script_and_spends_what_its_revision_allows() {
        let checked = check_budget_line(&line()).unwrap();
        assert_eq!(
            (checked.code.as_str(), checked.allocation, checked.revised),
            ("3255101", 1_500, None)
        );
        assert_eq!(checked.available(), 1_500);
        let revised = check_budget_line(&BudgetLineFields {
            revised: "1200".into(),
            ..line()
        })
        .unwrap();
        assert_eq!(revised.available(), 1_200);
        assert!(overspent(1_300, revised.available()));
        assert_eq!(utilisation(600, 1_200).map(f64::round), Some(50.0));
        assert_eq!(utilisation(600, 0), None);
        assert_eq!(revised.months()[0], day("2026-07-01"));
        assert_eq!(revised.months()[11], day("2027-06-01"));
    }

    #[test]
    fn a_wrong_line_names_each_field() {
        let wrong = BudgetLineFields {
            year: "2026-28".into(),
            kind: "capital".into(),
            code: "৩২-৫৫".into(),
            head_bn: " ".into(),
            allocation: "অনেক".into(),
            revised: "৯৯৯৯৯৯৯৯৯৯৯৯৯".into(),
            ..line()
        };
        assert_eq!(
            check_budget_line(&wrong).unwrap_err().problems(),
            [
                ("year".to_owned(), "error-fiscal-year"),
                ("kind".to_owned(), "error-required"),
                ("code".to_owned(), "error-budget-code"),
                ("head_bn".to_owned(), "error-required"),
                ("allocation".to_owned(), "error-amount"),
                ("revised".to_owned(), "error-amount"),
            ]
        );
    }

    #[test]
    fn a_line_needs_its_allocation() {
        let empty = BudgetLineFields {
            allocation: " ".into(),
            ..line()
        };
        assert_eq!(
            check_budget_line(&empty).unwrap_err().problems(),
            [("allocation".to_owned(), "error-required")]
        );
    }

    #[test]
    fn spending_is_recorded_for_a_month_of_the_year_that_has_begun() {
        let line = check_budget_line(&line()).unwrap();
        let today = day("2026-11-23");
        let spending = |month: &str, amount: &str| SpendingFields {
            month: month.into(),
            amount: amount.into(),
        };
        assert_eq!(
            check_spending(&spending("2026-11-01", "২৫০"), &line, today),
            Ok(Spending {
                month: day("2026-11-01"),
                amount: 250
            })
        );
        assert_eq!(
            check_spending(&spending("2026-12-01", "10"), &line, today)
                .unwrap_err()
                .problems(),
            [("month".to_owned(), "error-budget-month-ahead")]
        );
        assert_eq!(
            check_spending(&spending("2026-06-01", ""), &line, today)
                .unwrap_err()
                .problems(),
            [
                ("month".to_owned(), "error-budget-month"),
                ("amount".to_owned(), "error-required"),
            ]
        );
    }
}
