//! An innovation team as constituted on a date: the order in force, its members and who holds each post.

pub mod directory;
pub mod order;

use chrono::NaiveDate;
use udbhabon_db::distribution::DistributionEntryRow;
use udbhabon_db::office::person::{HolderRow, PersonRow, PostRow};
use udbhabon_db::office::{OfficeRow, UnitRow};
use udbhabon_db::team::{TeamOrderRow, TeamRow};
use udbhabon_domain::Bilingual;
use udbhabon_domain::team::TeamRole;

use crate::account::SignedIn;
use crate::{App, Error};

/// A team on a date, with the order history.
#[derive(Debug, Clone)]
pub struct TeamOverview {
    pub team: TeamRow,
    pub office: OfficeRow,
    pub on: NaiveDate,
    /// The order in force on `on`, if any.
    pub order: Option<OrderDetail>,
    /// Every order of the team, newest first.
    pub history: Vec<TeamOrderRow>,
}

/// An office order with everything it prints.
#[derive(Debug, Clone)]
pub struct OrderDetail {
    pub order: TeamOrderRow,
    pub issuing_unit: Option<UnitRow>,
    pub members: Vec<MemberDetail>,
    pub terms: Vec<Bilingual>,
    pub copies: Vec<DistributionEntryRow>,
    pub signatory: PersonRow,
    pub signatory_post: PostRow,
}

/// A member row: the post, its role, and who held it on the overview's date.
#[derive(Debug, Clone)]
pub struct MemberDetail {
    pub serial: u32,
    pub role: TeamRole,
    pub post: PostRow,
    pub holder: Option<HolderRow>,
}

impl TeamOverview {
    /// The member in `role`, if the order names one (the lead or the member secretary).
    pub fn member_in(&self, role: TeamRole) -> Option<&MemberDetail> {
        self.order
            .as_ref()?
            .members
            .iter()
            .find(|member| member.role == role)
    }
}

impl App {
    /// The reader's office (see [`App::reader_office`]) and its team, if it has one yet.
    pub async fn reader_team(
        &self,
        who: Option<&SignedIn>,
    ) -> Result<(OfficeRow, Option<TeamRow>), Error> {
        let office = self.office_for(who, None).await?;
        let team = self.db.teams_of_office(office.id).await?.into_iter().next();
        Ok((office, team))
    }

    /// The team `key` as it stood on `on`.
    pub async fn team(&self, key: &str, on: NaiveDate) -> Result<TeamOverview, Error> {
        let team = self.db.team_by_key(key).await?;
        let office = self.db.office_by_id(team.office_id).await?;
        let history = self.db.orders_of_team(team.id).await?;
        let order = match self.db.order_in_force(team.id, on).await? {
            Some(order) => Some(self.order_detail(order, on).await?),
            None => None,
        };
        Ok(TeamOverview {
            team,
            office,
            on,
            order,
            history,
        })
    }

    /// Loads what an order prints, with post holders as of `on` (a fixed number of queries).
    pub(crate) async fn order_detail(
        &self,
        order: TeamOrderRow,
        on: NaiveDate,
    ) -> Result<OrderDetail, Error> {
        let members = self.db.order_members(order.id).await?;
        let mut post_ids: Vec<i32> = members.iter().map(|member| member.post_id).collect();
        post_ids.push(order.record.signatory_post_id);
        let mut posts = self.db.posts(&post_ids).await?;
        let mut holders = self.db.holders_on(&post_ids, on).await?;
        let members = members
            .into_iter()
            .enumerate()
            .map(|(index, member)| {
                let post = posts.get(&member.post_id).cloned().ok_or_else(|| {
                    Error::Internal(format!(
                        "post #{} of a team order is missing",
                        member.post_id
                    ))
                })?;
                Ok(MemberDetail {
                    serial: u32::try_from(index + 1).unwrap_or(u32::MAX),
                    role: member.role,
                    holder: holders.remove(&member.post_id),
                    post,
                })
            })
            .collect::<Result<Vec<_>, Error>>()?;
        let signatory_post = posts
            .remove(&order.record.signatory_post_id)
            .ok_or_else(|| Error::Internal("the signatory's post is missing".into()))?;
        let signatory = self
            .db
            .people(&[order.record.signatory_person_id])
            .await?
            .remove(&order.record.signatory_person_id)
            .ok_or_else(|| Error::Internal("the signatory is missing".into()))?;
        let issuing_unit = match order.record.issuing_unit_id {
            Some(id) => Some(self.db.unit_by_id(id).await?),
            None => None,
        };
        Ok(OrderDetail {
            terms: self.db.order_terms(order.id).await?,
            copies: self.db.distribution(order.copies_list_id).await?,
            order,
            issuing_unit,
            members,
            signatory,
            signatory_post,
        })
    }
}
