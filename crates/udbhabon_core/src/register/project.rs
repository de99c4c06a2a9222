//! An office's ICT projects, read with its records and kept by those who run its team: projects
//! registered and corrected, their milestones added and reached; the register is the one-page summary
//! the monthly coordination meeting reviews (also as a table, and a table imported in the same
//! columns), and the line its agenda takes in.

use chrono::NaiveDate;
use udbhabon_db::office::OfficeRow;
use udbhabon_db::register::project::{MilestoneRow, ProjectRow};
use udbhabon_docs::table::{Rows, TableFormat, write_table};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::register::project::{
    FundSource, MilestoneFields, MilestoneStanding, Project, ProjectFields, ProjectKind,
    check_milestone, check_project, check_reached,
};
use udbhabon_domain::{Bilingual, FieldError, Lang};
use udbhabon_i18n::{format, t_args};

use crate::account::SignedIn;
use crate::error::invalid;
use crate::table::{cell, code_of, data_rows, date_cell, header_problems, problem, read_import};
use crate::{App, Error};

/// How many days ahead a milestone counts as coming, on the register and at the coordination meeting.
pub const COMING_DAYS: i64 = 30;

/// The columns of the register as a table; sums in thousand taka. An import reads the same columns
/// and passes over the last five, which follow from the milestones.
pub const PROJECT_COLUMNS: [&str; 18] = [
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
    "risks",
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

/// The columns an import must have: all but the computed ones, so that a line updating a project
/// never takes an absent column for an empty one.
const REQUIRED_COLUMNS: [&str; 13] = [
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
    "risks",
];

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProjectImport {
    /// Lines without an id were added as projects, and those with the id of one of the office's
    /// projects updated it.
    Imported { added: usize, updated: usize },
    /// Nothing was recorded; each problem names its line in the file (the header is line 1) and, as
    /// its field, the column.
    Rejected(Vec<(usize, FieldError)>),
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
        let office = self.kept_office(who, office_key).await?;
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
                project.risks.clone(),
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

    /// Imports a table of projects in [`PROJECT_COLUMNS`]: a line with the id of one of the office's
    /// projects updates it (its milestones must stay within its period), any line without an id adds
    /// a project; everything is recorded, or nothing when any line is wrong.
    pub async fn import_projects(
        &self,
        who: &SignedIn,
        office_key: &str,
        file: &[u8],
    ) -> Result<ProjectImport, Error> {
        let office = self.kept_office(who, office_key).await?;
        let rows = match read_import(file) {
            Ok(rows) => rows,
            Err(problems) => return Ok(ProjectImport::Rejected(problems)),
        };
        let headers = rows.first().cloned().unwrap_or_default();
        let mut problems = header_problems(&headers, &PROJECT_COLUMNS, &REQUIRED_COLUMNS);
        if !problems.is_empty() {
            return Ok(ProjectImport::Rejected(problems));
        }
        let kept: Vec<i32> = self
            .db
            .projects_of(office.id)
            .await?
            .iter()
            .map(|row| row.id)
            .collect();
        let milestones = self.db.milestones_of(&kept).await?;
        let mut projects: Vec<(Option<i32>, Project)> = Vec::new();
        for (number, row) in data_rows(rows) {
            let column = |name: &str| cell(&headers, &row, name);
            let fields = ProjectFields {
                name_bn: column("name_bn"),
                name_en: column("name_en"),
                kind: code_of(ProjectKind::ALL, ProjectKind::message_key, &column("kind")),
                director: column("director"),
                cost: column("cost"),
                funds: code_of(FundSource::ALL, FundSource::message_key, &column("funds")),
                starts_on: date_cell(&column("starts_on")),
                ends_on: date_cell(&column("ends_on")),
                vendor: column("vendor"),
                physical_progress: column("physical_progress"),
                spent: column("spent"),
                risks: column("risks"),
            };
            let id = match column("id").trim() {
                "" => None,
                text => match bangla::digits::to_ascii_digits(text).parse::<i32>() {
                    Ok(id) if kept.contains(&id) => Some(id),
                    _ => {
                        problems.push((number, problem("id", "error-project-unknown")));
                        continue;
                    }
                },
            };
            if id.is_some() && projects.iter().any(|(earlier, _)| *earlier == id) {
                problems.push((number, problem("id", "error-project-repeated")));
            }
            match check_project(&fields) {
                Ok(project) => {
                    if milestones.iter().any(|milestone| {
                        Some(milestone.project_id) == id
                            && !project.holds(milestone.milestone.planned_on)
                    }) {
                        problems.push((
                            number,
                            problem("ends_on", "error-project-milestones-outside"),
                        ));
                    }
                    projects.push((id, project));
                }
                Err(errors) => {
                    problems.extend(errors.errors.into_iter().map(|error| (number, error)))
                }
            }
        }
        if !problems.is_empty() {
            return Ok(ProjectImport::Rejected(problems));
        }
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let (mut added, mut updated) = (0, 0);
        for (id, project) in &projects {
            match id {
                Some(id) => {
                    tx.update_project(*id, project).await?;
                    updated += 1;
                }
                None => {
                    tx.insert_project(office.id, project).await?;
                    added += 1;
                }
            }
        }
        tx.commit().await?;
        Ok(ProjectImport::Imported { added, updated })
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
