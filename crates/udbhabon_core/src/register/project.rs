//! An office's ICT projects, read with its records and kept by those who run its team: projects
//! registered and corrected, their milestones added and reached; the register is the one-page summary
//! the monthly coordination meeting reviews, and the line its agenda takes in.

use udbhabon_db::office::OfficeRow;
use udbhabon_db::register::project::{MilestoneRow, ProjectRow};
use udbhabon_domain::account::access::Action;
use udbhabon_domain::register::project::{
    MilestoneFields, MilestoneStanding, ProjectFields, check_milestone, check_project,
};
use udbhabon_domain::{Bilingual, Lang};
use udbhabon_i18n::{format, t_args};

use crate::account::SignedIn;
use crate::error::invalid;
use crate::{App, Error};

/// How many days ahead a milestone counts as coming, on the register and at the coordination meeting.
pub const COMING_DAYS: i64 = 30;

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

    /// Records the day a project's milestone was reached.
    pub async fn reach_milestone(
        &self,
        who: &SignedIn,
        (id, milestone_id): (i32, i32),
        reached_on: &str,
    ) -> Result<(), Error> {
        let row = self.managed_project(who, id).await?;
        let milestones = self.db.milestones_of(&[id]).await?;
        let milestone = milestones
            .iter()
            .find(|milestone| milestone.id == milestone_id)
            .ok_or_else(|| {
                Error::NotFound(format!("milestone #{milestone_id} of project #{id}"))
            })?;
        let fields = MilestoneFields {
            title: milestone.milestone.title.clone(),
            planned_on: milestone.milestone.planned_on.to_string(),
            reached_on: reached_on.to_owned(),
        };
        let reached = check_milestone(&fields, &row.project, self.today())?;
        let Some(reached_on) = reached.reached_on else {
            return Err(invalid("reached_on", "error-required"));
        };
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.reach_milestone(milestone_id, reached_on).await?;
        tx.commit().await?;
        Ok(())
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
