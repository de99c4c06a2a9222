//! The office tree, and the home office whose team the installation serves.

use std::collections::HashMap;

use udbhabon_db::meeting::MeetingRow;
use udbhabon_db::office::{OfficeRow, UnitRow};
use udbhabon_db::team::TeamRow;

use crate::team::TeamOverview;
use crate::{App, Error};

/// An office with its units, and its depth for indentation.
#[derive(Debug, Clone)]
pub struct OfficeNode {
    pub office: OfficeRow,
    pub units: Vec<UnitRow>,
}

/// What the home page shows.
#[derive(Debug, Clone)]
pub struct Home {
    pub office: OfficeRow,
    pub team: Option<TeamOverview>,
    pub latest_meeting: Option<MeetingRow>,
    pub latest_meeting_decisions: usize,
    pub offices_under: u64,
}

impl App {
    /// Every office in tree order (each parent followed by its subtree), with its units: two queries.
    pub async fn office_tree(&self) -> Result<Vec<OfficeNode>, Error> {
        let mut units: HashMap<i32, Vec<UnitRow>> = HashMap::new();
        for unit in self.db.all_units().await? {
            units.entry(unit.office_id).or_default().push(unit);
        }
        Ok(self
            .offices_in_tree_order()
            .await?
            .into_iter()
            .map(|office| OfficeNode {
                units: units.remove(&office.id).unwrap_or_default(),
                office,
            })
            .collect())
    }

    /// Every office in tree order: each parent followed by its subtree, siblings in their set order.
    pub(crate) async fn offices_in_tree_order(&self) -> Result<Vec<OfficeRow>, Error> {
        let mut children: HashMap<Option<i32>, Vec<OfficeRow>> = HashMap::new();
        for office in self.db.offices().await? {
            children.entry(office.parent_id).or_default().push(office);
        }
        let mut ordered = Vec::new();
        let mut stack: Vec<OfficeRow> = children
            .remove(&None)
            .unwrap_or_default()
            .into_iter()
            .rev()
            .collect();
        while let Some(office) = stack.pop() {
            if let Some(below) = children.remove(&Some(office.id)) {
                stack.extend(below.into_iter().rev());
            }
            ordered.push(office);
        }
        Ok(ordered)
    }

    /// The team the installation is run by: the first team recorded (the demo's is MoLE's).
    pub async fn home_team(&self) -> Result<Option<TeamRow>, Error> {
        Ok(self.db.first_team().await?)
    }

    /// The home page: the home office, its team today, its latest meeting, and how many offices are under it.
    /// `None` on an empty installation.
    pub async fn home(&self) -> Result<Option<Home>, Error> {
        let office = match self.home_team().await? {
            Some(team) => self.db.office_by_id(team.office_id).await?,
            None => match self.db.offices().await?.into_iter().next() {
                Some(office) => office,
                None => return Ok(None),
            },
        };
        let team = match self.db.teams_of_office(office.id).await?.into_iter().next() {
            Some(team) => Some(self.team(&team.key, self.today()).await?),
            None => None,
        };
        let latest_meeting = self
            .db
            .meetings_of_office(office.id)
            .await?
            .into_iter()
            .next();
        let latest_meeting_decisions = match &latest_meeting {
            Some(meeting) => self.db.decisions_of_meeting(meeting.id).await?.len(),
            None => 0,
        };
        let offices_under = self.db.count_offices_under(office.id).await?;
        Ok(Some(Home {
            office,
            team,
            latest_meeting,
            latest_meeting_decisions,
            offices_under,
        }))
    }
}
