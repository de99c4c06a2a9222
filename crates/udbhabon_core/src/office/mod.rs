//! The office tree, and the home office whose team the installation serves.

pub mod memo;

use std::collections::HashMap;

use udbhabon_db::meeting::MeetingRow;
use udbhabon_db::office::{OfficeRow, UnitRow};
use udbhabon_db::team::TeamRow;

use crate::team::TeamOverview;
use crate::{App, Error};

/// An office shown in the tree, with its units and how many offices sit directly below it.
#[derive(Debug, Clone)]
pub struct OfficeNode {
    pub office: OfficeRow,
    /// 0 for the offices of the level shown, 1 for the offices directly below them.
    pub depth: usize,
    pub units: Vec<UnitRow>,
    pub children: u64,
}

/// Two levels of the office tree below an office (or below the top), with the way back up.
#[derive(Debug, Clone)]
pub struct OfficeLevel {
    /// The office whose subtree is shown; `None` at the top of the tree.
    pub office: Option<OfficeRow>,
    /// The offices above it, the topmost first.
    pub ancestors: Vec<OfficeRow>,
    /// The offices below it, each followed by those directly below that one.
    pub nodes: Vec<OfficeNode>,
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
    /// The two levels of offices below `under` (an office key; the top of the tree when `None`), each
    /// with its units and its count of offices directly below: a fixed number of queries, however
    /// large the tree, so that a national tree is browsed a level at a time.
    pub async fn office_level(&self, under: Option<&str>) -> Result<OfficeLevel, Error> {
        let office = match under {
            Some(key) => Some(self.db.office_by_key(key).await?),
            None => None,
        };
        let ancestors = match &office {
            Some(office) => {
                let path = self.db.office_path(office.id).await?;
                let ids: Vec<i32> = path.split('/').filter_map(|id| id.parse().ok()).collect();
                let mut found = self.db.offices_by_ids(&ids).await?;
                ids.iter().filter_map(|id| found.remove(id)).collect()
            }
            None => Vec::new(),
        };
        let first = self
            .db
            .office_children(&[office.as_ref().map(|office| office.id)])
            .await?;
        let second = self
            .db
            .office_children(
                &first
                    .iter()
                    .map(|office| Some(office.id))
                    .collect::<Vec<_>>(),
            )
            .await?;
        let shown: Vec<i32> = first
            .iter()
            .chain(&second)
            .map(|office| office.id)
            .collect();
        let counts = self.db.child_counts(&shown).await?;
        let mut units: HashMap<i32, Vec<UnitRow>> = HashMap::new();
        for unit in self.db.units_of_offices(&shown).await? {
            units.entry(unit.office_id).or_default().push(unit);
        }
        let mut below: HashMap<i32, Vec<OfficeRow>> = HashMap::new();
        for office in second {
            if let Some(parent) = office.parent_id {
                below.entry(parent).or_default().push(office);
            }
        }
        let mut node = |office: OfficeRow, depth: usize| OfficeNode {
            units: units.remove(&office.id).unwrap_or_default(),
            children: counts.get(&office.id).copied().unwrap_or(0),
            depth,
            office,
        };
        let mut nodes = Vec::new();
        for office in first {
            let children = below.remove(&office.id).unwrap_or_default();
            nodes.push(node(office, 0));
            nodes.extend(children.into_iter().map(|child| node(child, 1)));
        }
        Ok(OfficeLevel {
            office,
            ancestors,
            nodes,
        })
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
        // The latest minutes: a meeting still to be held has none to show.
        let latest_meeting = self
            .db
            .meetings_of_office(office.id)
            .await?
            .into_iter()
            .find(|meeting| meeting.record.issued_on.is_some());
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
