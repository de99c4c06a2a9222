//! The office tree, the office the installation serves, and the office each reader's pages are about.

pub mod memo;

use std::collections::HashMap;

use chrono::NaiveDate;
use udbhabon_db::meeting::MeetingRow;
use udbhabon_db::office::person::{HolderRow, PostRow, PostingRow};
use udbhabon_db::office::{OfficeRow, UnitRow};
use udbhabon_db::register::rti::disclosure::DisclosureRow;
use udbhabon_db::team::order::OrderDraftRow;
use udbhabon_domain::account::access::Action;

use crate::account::SignedIn;
use crate::register::officer::OfficerView;
use crate::team::TeamOverview;
use crate::{App, Error};

/// The setting that names the office the installation serves, by key.
pub(crate) const TOP_OFFICE: &str = "top_office";

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

/// An office as its page and the home page show it: where it sits, its team today, its latest
/// minutes, the offices below it, and what the reader may do there.
#[derive(Debug, Clone)]
pub struct OfficeSummary {
    pub office: OfficeRow,
    /// The offices above it, the topmost first.
    pub ancestors: Vec<OfficeRow>,
    pub team: Option<TeamOverview>,
    pub latest_meeting: Option<MeetingRow>,
    pub latest_meeting_decisions: usize,
    pub offices_under: u64,
    /// Whether the reader reads the office's records (its memo register, meetings, plans).
    pub may_read: bool,
    /// Whether the reader keeps the office's team, memo files and orders.
    pub may_manage: bool,
    /// The team's office orders being composed, for those who compose them.
    pub drafts: Vec<OrderDraftRow>,
    /// Whom a citizen applies to for information or with a grievance, and appeals to.
    pub officers: Vec<OfficerView>,
    /// What the office publishes of its own accord.
    pub disclosures: Vec<DisclosureRow>,
}

impl App {
    /// The postings of these people that cover any of `days`, with the posts they are of (by id).
    pub(crate) async fn postings_held(
        &self,
        person_ids: &[i32],
        days: &[NaiveDate],
    ) -> Result<(Vec<PostingRow>, HashMap<i32, PostRow>), Error> {
        let postings: Vec<PostingRow> = self
            .db
            .postings_of(person_ids)
            .await?
            .into_iter()
            .filter(|posting| days.iter().any(|day| posting.is_held_on(*day)))
            .collect();
        let post_ids: Vec<i32> = postings.iter().map(|posting| posting.post_id).collect();
        let posts = self.db.posts(&post_ids).await?;
        Ok((postings, posts))
    }

    /// The posts of these offices, in order, each with whoever holds it today.
    pub(crate) async fn posts_held(
        &self,
        office_ids: &[i32],
    ) -> Result<Vec<(PostRow, Option<HolderRow>)>, Error> {
        let ids = self.db.post_ids_of_offices(office_ids).await?;
        let mut posts = self.db.posts(&ids).await?;
        let mut holders = self.db.holders_on(&ids, self.today()).await?;
        Ok(ids
            .iter()
            .filter_map(|id| posts.remove(id).map(|post| (post, holders.remove(id))))
            .collect())
    }

    /// The posts a form of `office` offers (invitees, copy recipients): those of the office itself,
    /// of the office above it and of those directly below it, in that order, in two queries however
    /// large the tree.
    pub(crate) async fn related_post_ids(&self, office: &OfficeRow) -> Result<Vec<i32>, Error> {
        let below = self.db.office_children(&[Some(office.id)]).await?;
        let offices: Vec<i32> = std::iter::once(office.id)
            .chain(office.parent_id)
            .chain(below.into_iter().map(|child| child.id))
            .collect();
        Ok(self.db.post_ids_of_offices(&offices).await?)
    }

    /// The two levels of offices below `under` (an office key; the top of the tree when `None`), each
    /// with its units and its count of offices directly below: a fixed number of queries, however
    /// large the tree, so that a national tree is browsed a level at a time.
    pub async fn office_level(&self, under: Option<&str>) -> Result<OfficeLevel, Error> {
        let office = match under {
            Some(key) => Some(self.db.office_by_key(key).await?),
            None => None,
        };
        let ancestors = match &office {
            Some(office) => self.ancestors(office).await?,
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

    /// The office the installation serves: the one named at set-up (or by the demo data), else the
    /// first office at the top of the tree; `None` on an empty installation.
    pub async fn top_office(&self) -> Result<Option<OfficeRow>, Error> {
        if let Some(key) = self.db.setting(TOP_OFFICE).await? {
            match self.db.office_by_key(&key).await {
                Ok(office) => return Ok(Some(office)),
                Err(udbhabon_db::DbError::NotFound(_)) => {}
                Err(other) => return Err(other.into()),
            }
        }
        Ok(self
            .db
            .offices()
            .await?
            .into_iter()
            .find(|office| office.parent_id.is_none()))
    }

    /// The office a page shows when its address names none: the reader's own (their posting's, else
    /// their first role's), and the top office for a visitor or a reader without one.
    pub async fn reader_office(&self, who: Option<&SignedIn>) -> Result<Option<OfficeRow>, Error> {
        match who.and_then(|who| who.offices.first()) {
            Some(own) => Ok(Some(self.db.office_by_key(&own.key).await?)),
            None => self.top_office().await,
        }
    }

    /// The office a page is about: the one its address names, else the reader's (see
    /// [`App::reader_office`]). Not found on an installation without offices.
    pub async fn office_for(
        &self,
        who: Option<&SignedIn>,
        key: Option<&str>,
    ) -> Result<OfficeRow, Error> {
        match key {
            Some(key) => Ok(self.db.office_by_key(key).await?),
            None => self
                .reader_office(who)
                .await?
                .ok_or_else(|| Error::NotFound("an office".into())),
        }
    }

    /// The offices above an office, the topmost first.
    pub(crate) async fn ancestors(&self, office: &OfficeRow) -> Result<Vec<OfficeRow>, Error> {
        let path = self.db.office_path(office.id).await?;
        let ids: Vec<i32> = path.split('/').filter_map(|id| id.parse().ok()).collect();
        let mut found = self.db.offices_by_ids(&ids).await?;
        Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
    }

    /// The home page: the summary of the reader's office (the top office for a visitor). `None` on an
    /// empty installation.
    pub async fn home(&self, who: Option<&SignedIn>) -> Result<Option<OfficeSummary>, Error> {
        match self.reader_office(who).await? {
            Some(office) => Ok(Some(self.summary_of(who, office).await?)),
            None => Ok(None),
        }
    }

    /// An office's page, for anyone: what it is, its team, and what the reader may do there.
    pub async fn office_summary(
        &self,
        who: Option<&SignedIn>,
        key: &str,
    ) -> Result<OfficeSummary, Error> {
        let office = self.db.office_by_key(key).await?;
        self.summary_of(who, office).await
    }

    async fn summary_of(
        &self,
        who: Option<&SignedIn>,
        office: OfficeRow,
    ) -> Result<OfficeSummary, Error> {
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
        let (may_read, may_manage) = match who {
            Some(who) => (
                self.may(who, Action::ViewOfficeRecords, office.id).await?,
                self.may(who, Action::ManageTeam, office.id).await?,
            ),
            None => (false, false),
        };
        let drafts = match (&team, who) {
            (Some(team), Some(who)) => self
                .open_order_drafts(Some(who), &team.team)
                .await?
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        Ok(OfficeSummary {
            ancestors: self.ancestors(&office).await?,
            officers: self.officers(&office).await?,
            disclosures: self.disclosures(&office).await?,
            offices_under: self.db.count_offices_under(office.id).await?,
            office,
            team,
            latest_meeting,
            latest_meeting_decisions,
            may_read,
            may_manage,
            drafts,
        })
    }
}
