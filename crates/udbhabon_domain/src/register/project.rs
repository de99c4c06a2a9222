//! The ICT projects an office runs (terms of reference items 18 and 19; domain-2.md §8): each with its
//! kind, director, cost and source of funds in thousand taka as the government's budget tables give
//! them, its period, vendor, physical and financial progress and risks; and its milestones, each with a
//! planned day and the day it was reached, which the monthly coordination meeting reviews.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::register::{LONG_CHARS, SHORT_CHARS, any_day, bounded, optional_day, sum};
use crate::vocabulary::{chosen, vocabulary};
use crate::{Bilingual, ValidationErrors};

vocabulary! {
    /// How a project is funded and approved.
    pub enum ProjectKind ("project kind", "project-kind") {
        /// A development project of the Annual Development Programme.
        Development => "development",
        /// A programme.
        Programme => "programme",
        /// Work paid from the office's own (revenue) budget.
        OwnBudget => "own_budget",
    }
}

vocabulary! {
    /// Where a project's money comes from.
    pub enum FundSource ("source of funds", "project-funds") {
        /// The government's own funds (GoB).
        Government => "government",
        /// A development partner's (project aid).
        Partner => "partner",
        /// Both.
        Shared => "shared",
    }
}

/// A project as kept; sums in thousand taka.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    pub name: Bilingual,
    pub kind: ProjectKind,
    /// The project director.
    pub director: String,
    pub cost: u64,
    pub funds: FundSource,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub vendor: String,
    /// Work done, in percent.
    pub physical_progress: u8,
    /// Money spent so far.
    pub spent: u64,
    pub risks: String,
}

impl Project {
    /// Money spent, in percent of the cost; none for a project without a cost.
    pub fn financial_progress(&self) -> Option<f64> {
        (self.cost > 0).then(|| self.spent as f64 * 100.0 / self.cost as f64)
    }

    /// Whether a day falls within its period.
    pub fn holds(&self, day: NaiveDate) -> bool {
        (self.starts_on..=self.ends_on).contains(&day)
    }

    /// Whether more was spent than it costs: allowed (a revised cost may not be entered yet), but shown.
    pub fn overspent(&self) -> bool {
        self.spent > self.cost
    }
}

/// A project as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ProjectFields {
    pub name_bn: String,
    pub name_en: String,
    pub kind: String,
    pub director: String,
    pub cost: String,
    pub funds: String,
    pub starts_on: String,
    pub ends_on: String,
    pub vendor: String,
    pub physical_progress: String,
    pub spent: String,
    pub risks: String,
}

/// Checks a project: a Bengali name, its kind, director, source of funds, a period that ends after it
/// starts, and progress of 0 to 100 percent; a spending above the cost is taken.
pub fn check_project(fields: &ProjectFields) -> Result<Project, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let name_bn = bounded("name_bn", &fields.name_bn, (true, SHORT_CHARS), &mut errors);
    let name_en = bounded(
        "name_en",
        &fields.name_en,
        (false, SHORT_CHARS),
        &mut errors,
    );
    let kind = chosen::<ProjectKind>("kind", &fields.kind, &mut errors);
    let director = bounded(
        "director",
        &fields.director,
        (true, SHORT_CHARS),
        &mut errors,
    );
    let cost = sum("cost", &fields.cost, &mut errors);
    let funds = chosen::<FundSource>("funds", &fields.funds, &mut errors);
    let starts_on = any_day("starts_on", &fields.starts_on, &mut errors);
    let ends_on = any_day("ends_on", &fields.ends_on, &mut errors);
    if let (Some(starts_on), Some(ends_on)) = (starts_on, ends_on)
        && ends_on < starts_on
    {
        errors.add("ends_on", "error-project-ends-before-start");
    }
    let vendor = bounded("vendor", &fields.vendor, (false, SHORT_CHARS), &mut errors);
    let progress = bangla::digits::to_ascii_digits(fields.physical_progress.trim());
    let physical_progress = if progress.is_empty() {
        Some(0)
    } else {
        progress
            .parse::<u8>()
            .ok()
            .filter(|percent| *percent <= 100)
    };
    if physical_progress.is_none() {
        errors.add("physical_progress", "error-percent");
    }
    let spent = sum("spent", &fields.spent, &mut errors);
    let risks = bounded("risks", &fields.risks, (false, LONG_CHARS), &mut errors);
    match (
        kind,
        cost,
        funds,
        starts_on,
        ends_on,
        physical_progress,
        spent,
    ) {
        (
            Some(kind),
            Some(cost),
            Some(funds),
            Some(starts_on),
            Some(ends_on),
            Some(physical_progress),
            Some(spent),
        ) if errors.is_empty() => Ok(Project {
            name: Bilingual::new(name_bn, name_en),
            kind,
            director,
            cost,
            funds,
            starts_on,
            ends_on,
            vendor,
            physical_progress,
            spent,
            risks,
        }),
        _ => Err(errors),
    }
}

/// A milestone as kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub title: String,
    pub planned_on: NaiveDate,
    /// The day it was reached.
    pub reached_on: Option<NaiveDate>,
}

/// Where a milestone stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MilestoneStanding {
    /// Not reached, and its planned day has passed.
    Late,
    /// Not reached; planned within the coming `days`.
    Coming,
    /// Not reached, planned later.
    Planned,
    /// Reached; `late` when after its planned day.
    Reached { late: bool },
}

impl Milestone {
    /// Where it stands on `today`, "coming" meaning planned within `days`.
    pub fn standing(&self, today: NaiveDate, days: i64) -> MilestoneStanding {
        match self.reached_on {
            Some(reached_on) => MilestoneStanding::Reached {
                late: reached_on > self.planned_on,
            },
            None if self.planned_on < today => MilestoneStanding::Late,
            None if (self.planned_on - today).num_days() <= days => MilestoneStanding::Coming,
            None => MilestoneStanding::Planned,
        }
    }
}

/// A milestone as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct MilestoneFields {
    pub title: String,
    pub planned_on: String,
    pub reached_on: String,
}

/// Checks a milestone of a project: what, a planned day within the project's period, and the day it
/// was reached, when it was.
pub fn check_milestone(
    fields: &MilestoneFields,
    project: &Project,
    today: NaiveDate,
) -> Result<Milestone, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let title = bounded("title", &fields.title, (true, SHORT_CHARS), &mut errors);
    let planned_on = any_day("planned_on", &fields.planned_on, &mut errors);
    if planned_on.is_some_and(|day| !project.holds(day)) {
        errors.add("planned_on", "error-milestone-outside-project");
    }
    let reached_on = reached_day(&fields.reached_on, project, today, &mut errors);
    match (planned_on, reached_on) {
        (Some(planned_on), Some(reached_on)) if errors.is_empty() => Ok(Milestone {
            title,
            planned_on,
            reached_on,
        }),
        _ => Err(errors),
    }
}

/// Checks the day a milestone of a project was reached: no earlier than the project's start nor later
/// than today.
pub fn check_reached(
    reached_on: &str,
    project: &Project,
    today: NaiveDate,
) -> Result<NaiveDate, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    match reached_day(reached_on, project, today, &mut errors) {
        Some(Some(day)) => Ok(day),
        Some(None) => {
            errors.add("reached_on", "error-required");
            Err(errors)
        }
        None => Err(errors),
    }
}

/// The day a milestone was reached as typed: none when left empty.
fn reached_day(
    text: &str,
    project: &Project,
    today: NaiveDate,
    errors: &mut ValidationErrors,
) -> Option<Option<NaiveDate>> {
    optional_day(
        "reached_on",
        text,
        (Some(project.starts_on), "error-milestone-before-start"),
        today,
        errors,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn project() -> ProjectFields {
        ProjectFields {
            name_bn: "শ্রম অভিবাসন তথ্য ব্যবস্থা স্থাপন".into(),
            kind: "development".into(),
            director: "যুগ্মসচিব (পরিকল্পনা)".into(),
            cost: "১,২০,০০০".into(),
            funds: "government".into(),
            starts_on: "01-07-2025".into(),
            ends_on: "30-06-2027".into(),
            physical_progress: "৪০".into(),
            spent: "১,৩০,০০০".into(),
            ..ProjectFields::default()
        }
    }

    #[test]
    fn a_project_may_spend_above_its_cost_but_is_flagged() {
        let checked = check_project(&project()).unwrap();
        assert_eq!((checked.cost, checked.spent), (120_000, 130_000));
        assert!(checked.overspent());
        assert_eq!(checked.financial_progress().map(f64::round), Some(108.0));
        let wrong = ProjectFields {
            ends_on: "30-06-2025".into(),
            physical_progress: "১২০".into(),
            cost: "অনেক".into(),
            ..project()
        };
        assert_eq!(
            check_project(&wrong).unwrap_err().problems(),
            [
                ("cost".to_owned(), "error-amount"),
                ("ends_on".to_owned(), "error-project-ends-before-start"),
                ("physical_progress".to_owned(), "error-percent"),
            ]
        );
    }

    #[test]
    fn a_milestone_is_reached_no_earlier_than_its_project_starts() {
        let project = check_project(&project()).unwrap();
        let today = day("2026-11-23");
        let milestone = |planned_on: &str, reached_on: &str| MilestoneFields {
            title: "সফটওয়্যার হস্তান্তর".into(),
            planned_on: planned_on.into(),
            reached_on: reached_on.into(),
        };
        let reached = check_milestone(&milestone("2026-10-31", "2026-11-10"), &project, today);
        assert_eq!(
            reached.unwrap().standing(today, 30),
            MilestoneStanding::Reached { late: true }
        );
        assert_eq!(
            check_milestone(&milestone("2026-10-31", "2025-06-30"), &project, today)
                .unwrap_err()
                .problems(),
            [("reached_on".to_owned(), "error-milestone-before-start")]
        );
        assert_eq!(
            check_milestone(&milestone("2027-07-31", ""), &project, today)
                .unwrap_err()
                .problems(),
            [("planned_on".to_owned(), "error-milestone-outside-project")]
        );
        assert_eq!(
            check_reached("", &project, today).unwrap_err().problems(),
            [("reached_on".to_owned(), "error-required")]
        );
        let coming = check_milestone(&milestone("2026-12-15", ""), &project, today).unwrap();
        assert_eq!(coming.standing(today, 30), MilestoneStanding::Coming);
        assert_eq!(coming.standing(today, 7), MilestoneStanding::Planned);
        assert_eq!(
            coming.standing(day("2026-12-16"), 30),
            MilestoneStanding::Late
        );
    }
}
