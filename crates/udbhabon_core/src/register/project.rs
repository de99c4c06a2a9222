//! An office's ICT projects, read with its records and kept by those who run its team: projects
//! registered and corrected, their milestones added and reached; the register is the one-page summary
//! the monthly coordination meeting reviews (also as a table), and the line its agenda takes in.

use chrono::NaiveDate;
use udbhabon_db::office::OfficeRow;
use udbhabon_db::register::project::{MilestoneRow, ProjectRow};
use udbhabon_docs::table::{Rows, TableFormat, write_table};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::register::project::{
    MilestoneFields, MilestoneStanding, ProjectFields, check_milestone, check_project,
    check_reached,
};
use udbhabon_domain::{Bilingual, Lang};
use udbhabon_i18n::{format, t_args};

use crate::account::SignedIn;
use crate::error::invalid;
use crate::{App, Error};

/// How many days ahead a milestone counts as coming, on the register and at the coordination meeting.
pub const COMING_DAYS: i64 = 30;

/// The columns of the register as a table; sums in thousand taka.
pub const PROJECT_COLUMNS: [&str; 17] = [
    "id",
    "name_bn",
    "name_en",
    "kind",
    "director",
    "cost",
    "funds",
    "starts_on",
    "ends_on",
    "vendor",
    "physical_progress",
    "spent",
    "financial_progress",
    "milestones",
    "milestones_reached",
    "milestones_late",
    "next_milestone_on",
];

/// An office's projects, as the register shows them.
#[derive(Debug, Clone)]
pub struct ProjectRegister {
    pub office: OfficeRow,
    pub projects: Vec<ProjectRow>,
    /// Their milestones, the soonest planned first.
    pub milestones: Vec<MilestoneRow>,
    /// Whether the reader keeps the register.
    pub can_manage: bool,
}

/// One project, for its page.
#[derive(Debug, Clone)]
pub struct ProjectDetail {
    pub office: OfficeRow,
    pub row: ProjectRow,
    pub milestones: Vec<MilestoneRow>,
    pub can_manage: bool,
}

impl App {
    /// An office's projects, for those who read its records.
    pub async fn project_register(
        &self,
        who: &SignedIn,
        office_key: &str,
    ) -> Result<ProjectRegister, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ViewOfficeRecords, office.id)
            .await?;
        let projects = self.db.projects_of(office.id).await?;
        let ids: Vec<i32> = projects.iter().map(|row| row.id).collect();
        Ok(ProjectRegister {
            milestones: self.db.milestones_of(&ids).await?,
            can_manage: self.may(who, Action::ManageTeam, office.id).await?,
            projects,
            office,
        })
    }

    /// Registers a project of an office; returns its id.
    pub async fn add_project(
        &self,
        who: &SignedIn,
        office_key: &str,
        fields: &ProjectFields,
    ) -> Result<i32, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ManageTeam, office.id).await?;
        let project = check_project(fields)?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let id = tx.insert_project(office.id, &project).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// One project, for those who read its office's records.
    pub async fn project_detail(&self, who: &SignedIn, id: i32) -> Result<ProjectDetail, Error> {
        let row = self.db.project(id).await?;
        let office = self.db.office_by_id(row.office_id).await?;
        self.require(who, Action::ViewOfficeRecords, office.id)
            .await?;
        Ok(ProjectDetail {
            milestones: self.db.milestones_of(&[id]).await?,
            can_manage: self.may(who, Action::ManageTeam, office.id).await?,
            office,
            row,
        })
    }

    /// Corrects a project's details, its progress among them.
    pub async fn save_project(
        &self,
        who: &SignedIn,
        id: i32,
        fields: &ProjectFields,
    ) -> Result<(), Error> {
        self.managed_project(who, id).await?;
        let project = check_project(fields)?;
        // A period that no longer holds a milestone planned within it would leave that milestone
        // outside its project.
        if self
            .db
            .milestones_of(&[id])
            .await?
            .iter()
            .any(|row| !project.holds(row.milestone.planned_on))
        {
            return Err(invalid("ends_on", "error-project-milestones-outside"));
        }
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.update_project(id, &project).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Adds a milestone to a project.
    pub async fn add_milestone(
        &self,
        who: &SignedIn,
        id: i32,
        fields: &MilestoneFields,
    ) -> Result<(), Error> {
        let row = self.managed_project(who, id).await?;
        let milestone = check_milestone(fields, &row.project, self.today())?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.insert_milestone(id, &milestone).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records the day a project's milestone was reached (once).
    pub async fn reach_milestone(
        &self,
        who: &SignedIn,
        (id, milestone_id): (i32, i32),
        reached_on: &str,
    ) -> Result<(), Error> {
        let row = self.managed_project(who, id).await?;
        if !self
            .db
            .milestones_of(&[id])
            .await?
            .iter()
            .any(|milestone| milestone.id == milestone_id)
        {
            return Err(Error::NotFound(format!(
                "milestone #{milestone_id} of project #{id}"
            )));
        }
        let reached_on = check_reached(reached_on, &row.project, self.today())?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.reach_milestone(milestone_id, reached_on).await?;
        tx.commit().await?;
        Ok(())
    }

    /// An office's projects as a table for those who read its records: a row per project with its
    /// progress and how its milestones stand.
    pub async fn export_projects(
        &self,
        who: &SignedIn,
        office_key: &str,
        format: TableFormat,
    ) -> Result<Vec<u8>, Error> {
        let register = self.project_register(who, office_key).await?;
        let today = self.today();
        let date = |date: NaiveDate| date.format("%Y-%m-%d").to_string();
        let mut rows: Rows = vec![
            PROJECT_COLUMNS
                .iter()
                .map(|column| (*column).to_owned())
                .collect(),
        ];
        for row in &register.projects {
            let project = &row.project;
            let milestones: Vec<_> = register
                .milestones
                .iter()
                .filter(|milestone| milestone.project_id == row.id)
                .map(|milestone| &milestone.milestone)
                .collect();
            let count = |standing: fn(MilestoneStanding) -> bool| {
                milestones
                    .iter()
                    .filter(|milestone| standing(milestone.standing(today, COMING_DAYS)))
                    .count()
                    .to_string()
            };
            rows.push(vec![
                row.id.to_string(),
                project.name.bn.clone(),
                project.name.en.clone(),
                project.kind.code().to_owned(),
                project.director.clone(),
                project.cost.to_string(),
                project.funds.code().to_owned(),
                date(project.starts_on),
                date(project.ends_on),
                project.vendor.clone(),
                project.physical_progress.to_string(),
                project.spent.to_string(),
                project
                    .financial_progress()
                    .map(|percent| format!("{percent:.1}"))
                    .unwrap_or_default(),
                milestones.len().to_string(),
                count(|standing| matches!(standing, MilestoneStanding::Reached { .. })),
                count(|standing| standing == MilestoneStanding::Late),
                milestones
                    .iter()
                    .find(|milestone| milestone.reached_on.is_none())
                    .map(|milestone| date(milestone.planned_on))
                    .unwrap_or_default(),
            ]);
        }
        write_table(format, "projects", &rows).map_err(|error| Error::Internal(error.to_string()))
    }

    /// A project whose register the reader keeps.
    async fn managed_project(&self, who: &SignedIn, id: i32) -> Result<ProjectRow, Error> {
        let row = self.db.project(id).await?;
        self.require(who, Action::ManageTeam, row.office_id).await?;
        Ok(row)
    }

    /// The agenda item the monthly coordination meeting of an office takes in: its projects, with the
    /// milestones late and coming; none for an office without projects.
    pub(crate) async fn projects_agenda_item(
        &self,
        office: &OfficeRow,
    ) -> Result<Option<Bilingual>, Error> {
        let projects = self.db.projects_of(office.id).await?;
        if projects.is_empty() {
            return Ok(None);
        }
        let ids: Vec<i32> = projects.iter().map(|row| row.id).collect();
        let today = self.today();
        let (mut late, mut coming) = (0, 0);
        for row in self.db.milestones_of(&ids).await? {
            match row.milestone.standing(today, COMING_DAYS) {
                MilestoneStanding::Late => late += 1,
                MilestoneStanding::Coming => coming += 1,
                _ => {}
            }
        }
        let title = |lang: Lang| {
            let count = |count: usize| format::number(lang, i64::try_from(count).unwrap_or(0));
            t_args(
                lang,
                "project-agenda-item",
                &[
                    ("projects", count(projects.len())),
                    ("late", count(late)),
                    ("coming", count(coming)),
                    ("days", format::number(lang, COMING_DAYS)),
                ],
            )
        };
        Ok(Some(Bilingual::new(title(Lang::Bn), title(Lang::En))))
    }
}
