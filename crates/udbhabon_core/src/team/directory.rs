//! The public directory of teams: every office of the tree (or of one office's subtree) with its team's
//! leader and member secretary, its grievance redress officer, the order in force, and the flags the
//! office above follows up: no team constituted, or an order naming posts no one holds today.

use std::collections::HashMap;

use udbhabon_db::office::OfficeRow;
use udbhabon_db::office::person::{HolderRow, PostRow};
use udbhabon_db::plan::dashboard::Scope;
use udbhabon_db::team::directory::DirectoryFilter;
use udbhabon_db::team::{TeamOrderRow, TeamRow};
use udbhabon_domain::office::OfficeKind;
use udbhabon_domain::office::geo::{district_by_code, districts_of};
use udbhabon_domain::register::officer::OfficerRole;
use udbhabon_domain::team::TeamRole;

use crate::account::SignedIn;
use crate::{App, Error};

/// Offices on a page of the directory.
pub const TEAMS_PER_PAGE: u64 = 50;

/// What the directory is asked for.
#[derive(Debug, Clone, Default)]
pub struct DirectoryQuery {
    /// The office whose subtree is listed, itself included (the installation's top office when `None`).
    pub under: Option<String>,
    pub kind: Option<OfficeKind>,
    /// An administrative division's code.
    pub division: Option<String>,
    /// A district's code.
    pub district: Option<String>,
    /// Only the flagged offices.
    pub flagged: bool,
    /// The page, from 1.
    pub page: u64,
}

/// One office in the directory.
#[derive(Debug, Clone)]
pub struct DirectoryEntry {
    pub office: OfficeRow,
    pub team: Option<TeamRow>,
    /// The order in force today.
    pub order: Option<TeamOrderRow>,
    /// The leader (Chief Innovation Officer or Innovation Officer) and the member secretary, with who
    /// holds each post today. Their contacts are kept only for signed-in readers.
    pub leads: Vec<(TeamRole, PostRow, Option<HolderRow>)>,
    /// The grievance redress officer (অনিক) the office names, with who holds the post today.
    pub grievance_officer: Option<(PostRow, Option<HolderRow>)>,
    /// How many posts the order in force names that no one holds today.
    pub vacant_posts: usize,
}

impl DirectoryEntry {
    /// Whether the office above should follow this office up.
    pub fn flagged(&self) -> bool {
        self.order.is_none() || self.vacant_posts > 0
    }
}

/// A page of the directory.
#[derive(Debug, Clone)]
pub struct Directory {
    /// The office asked for, when one was.
    pub under: Option<OfficeRow>,
    pub entries: Vec<DirectoryEntry>,
    pub total: u64,
    pub page: u64,
    pub pages: u64,
}

impl App {
    /// A page of the directory of teams; contact details are left out for a visitor.
    pub async fn team_directory(
        &self,
        who: Option<&SignedIn>,
        query: &DirectoryQuery,
    ) -> Result<Directory, Error> {
        let today = self.today();
        // The installation's tree by default: offices outside it (a division its orders are copied to)
        // are none of its business.
        let top = match &query.under {
            Some(key) => Some(self.db.office_by_key(key).await?),
            None => self.top_office().await?,
        };
        let scope = match &top {
            Some(office) => Scope::Office(office.id),
            None => Scope::Nation,
        };
        let districts = match (&query.district, &query.division) {
            (Some(code), _) => Some(
                district_by_code(code)
                    .map(|district| vec![district.code.to_owned()])
                    .unwrap_or_default(),
            ),
            (None, Some(division)) => Some(
                districts_of(division)
                    .map(|district| district.code.to_owned())
                    .collect(),
            ),
            (None, None) => None,
        };
        let filter = DirectoryFilter {
            kind: query.kind,
            districts,
            flagged: query.flagged,
        };
        let offices = self.db.offices_below(scope).await?;
        let page = query.page.max(1);
        let offset = (page - 1).saturating_mul(TEAMS_PER_PAGE);
        let (rows, total) = self
            .db
            .directory_page(
                &offices,
                top.as_ref().map(|office| office.id),
                &filter,
                today,
                (offset, TEAMS_PER_PAGE),
            )
            .await?;
        let entries = self.directory_entries(rows, who.is_some()).await?;
        Ok(Directory {
            under: top.filter(|_| query.under.is_some()),
            entries,
            total,
            page,
            pages: total.div_ceil(TEAMS_PER_PAGE).max(1),
        })
    }

    /// The offices with their teams, orders in force, leads and vacancies today: a fixed number of
    /// queries for the page.
    async fn directory_entries(
        &self,
        offices: Vec<OfficeRow>,
        with_contacts: bool,
    ) -> Result<Vec<DirectoryEntry>, Error> {
        let today = self.today();
        let ids: Vec<i32> = offices.iter().map(|office| office.id).collect();
        let mut teams: HashMap<i32, _> = HashMap::new();
        for found in self.db.teams_in_force(&ids, today).await? {
            // An office's first team is the one listed, as on its page.
            teams.entry(found.team.office_id).or_insert(found);
        }
        let order_ids: Vec<i32> = teams
            .values()
            .filter_map(|found| found.order.as_ref().map(|order| order.id))
            .collect();
        let members = self.db.members_of_orders(&order_ids).await?;
        let grievance_officers: HashMap<i32, i32> = self
            .db
            .officers_in_role(&ids, OfficerRole::GrsOfficer)
            .await?
            .into_iter()
            .map(|(office_id, officer)| (office_id, officer.post_id))
            .collect();
        let post_ids: Vec<i32> = members
            .values()
            .flatten()
            .map(|member| member.post_id)
            .chain(grievance_officers.values().copied())
            .collect();
        let posts = self.db.posts(&post_ids).await?;
        let mut holders = self.db.holders_on(&post_ids, today).await?;
        if !with_contacts {
            for holder in holders.values_mut() {
                holder.person.email = None;
                holder.person.phone = None;
            }
        }
        Ok(offices
            .into_iter()
            .map(|office| {
                let grievance_officer = grievance_officers.get(&office.id).and_then(|post_id| {
                    Some((posts.get(post_id)?.clone(), holders.get(post_id).cloned()))
                });
                let Some(found) = teams.remove(&office.id) else {
                    return DirectoryEntry {
                        office,
                        team: None,
                        order: None,
                        leads: Vec::new(),
                        grievance_officer,
                        vacant_posts: 0,
                    };
                };
                let named = found
                    .order
                    .as_ref()
                    .and_then(|order| members.get(&order.id))
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                let leads = [
                    TeamRole::ChiefInnovationOfficer,
                    TeamRole::InnovationOfficer,
                    TeamRole::MemberSecretary,
                ]
                .into_iter()
                .filter_map(|role| {
                    let member = named.iter().find(|member| member.role == role)?;
                    let post = posts.get(&member.post_id)?.clone();
                    Some((role, post, holders.get(&member.post_id).cloned()))
                })
                .collect();
                DirectoryEntry {
                    vacant_posts: named
                        .iter()
                        .filter(|member| !holders.contains_key(&member.post_id))
                        .count(),
                    office,
                    team: Some(found.team),
                    order: found.order,
                    leads,
                    grievance_officer,
                }
            })
            .collect())
    }
}
