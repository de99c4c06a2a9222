//! The directory of teams: a page of the offices of the tree (or of an office's subtree), filtered by
//! kind and district, each marked when its team has no order in force or the order in force names a
//! post no one holds; and, for a page's offices, their teams, the orders in force and their members.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query, SelectStatement};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use udbhabon_domain::office::OfficeKind;
use udbhabon_domain::{Vocabulary, team::TeamRole};

use crate::entity::{office, posting, team, team_order, team_order_member};
use crate::office::OfficeRow;
use crate::office::person::held_on;
use crate::plan::dashboard::Offices;
use crate::team::{TeamMemberRow, TeamOrderRow, TeamRow};
use crate::{Db, DbError};

/// Which offices the directory lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DirectoryFilter {
    pub kind: Option<OfficeKind>,
    /// The districts to keep, by code (one district, or a division's); `None` keeps every office.
    pub districts: Option<Vec<String>>,
    /// Only the offices flagged for the office above: no order in force, or one naming a vacant post.
    pub flagged: bool,
}

/// A team with its order in force on the day asked, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamInForce {
    pub team: TeamRow,
    pub order: Option<TeamOrderRow>,
}

/// The orders of the office's teams that took effect by `on`: `team_order` joined to `team`.
fn orders_taken_effect(on: NaiveDate) -> SelectStatement {
    Query::select()
        .expr(Expr::val(1))
        .from(team::Entity)
        .inner_join(
            team_order::Entity,
            Expr::col((team_order::Entity, team_order::Column::TeamId))
                .equals((team::Entity, team::Column::Id)),
        )
        .and_where(
            Expr::col((team::Entity, team::Column::OfficeId))
                .equals((office::Entity, office::Column::Id)),
        )
        .and_where(Expr::col((team_order::Entity, team_order::Column::EffectiveFrom)).lte(on))
        .to_owned()
}

/// An office with no team, or whose team has no order in force on `on`.
fn without_order(on: NaiveDate) -> Condition {
    Condition::all().add(Expr::exists(orders_taken_effect(on)).not())
}

/// An office whose order in force on `on` names a post no one holds that day.
fn naming_a_vacant_post(on: NaiveDate) -> Condition {
    let later = Alias::new("later_order");
    // A later order of the same team in force by `on` supersedes the one joined.
    let superseded = Query::select()
        .expr(Expr::val(1))
        .from_as(team_order::Entity, later.clone())
        .and_where(
            Expr::col((later.clone(), team_order::Column::TeamId))
                .equals((team_order::Entity, team_order::Column::TeamId)),
        )
        .and_where(Expr::col((later.clone(), team_order::Column::EffectiveFrom)).lte(on))
        .cond_where(
            Condition::any()
                .add(
                    Expr::col((later.clone(), team_order::Column::EffectiveFrom)).gt(Expr::col((
                        team_order::Entity,
                        team_order::Column::EffectiveFrom,
                    ))),
                )
                .add(
                    Condition::all()
                        .add(
                            Expr::col((later.clone(), team_order::Column::EffectiveFrom)).eq(
                                Expr::col((team_order::Entity, team_order::Column::EffectiveFrom)),
                            ),
                        )
                        .add(
                            Expr::col((later, team_order::Column::Id))
                                .gt(Expr::col((team_order::Entity, team_order::Column::Id))),
                        ),
                ),
        )
        .to_owned();
    let held = Query::select()
        .expr(Expr::val(1))
        .from(posting::Entity)
        .and_where(
            Expr::col((posting::Entity, posting::Column::PostId))
                .equals((team_order_member::Entity, team_order_member::Column::PostId)),
        )
        .cond_where(held_on(on))
        .to_owned();
    let vacant = orders_taken_effect(on)
        .inner_join(
            team_order_member::Entity,
            Expr::col((
                team_order_member::Entity,
                team_order_member::Column::OrderId,
            ))
            .equals((team_order::Entity, team_order::Column::Id)),
        )
        .and_where(Expr::exists(superseded).not())
        .and_where(Expr::exists(held).not())
        .to_owned();
    Condition::all().add(Expr::exists(vacant))
}

impl Db {
    /// A page of the offices in scope (and the office `with`, the scope's top) that pass the filter,
    /// the top of the tree first and siblings together, and how many pass it.
    pub async fn directory_page(
        &self,
        offices: &Offices,
        with: Option<i32>,
        filter: &DirectoryFilter,
        on: NaiveDate,
        (offset, limit): (u64, u64),
    ) -> Result<(Vec<OfficeRow>, u64), DbError> {
        let mut scope = Condition::any().add(offices.condition());
        if let Some(top) = with {
            scope = scope.add(office::Column::Id.eq(top));
        }
        let mut condition = Condition::all().add(scope);
        if let Some(kind) = filter.kind {
            condition = condition.add(office::Column::Kind.eq(kind.code()));
        }
        if let Some(districts) = &filter.districts {
            condition =
                condition.add(office::Column::DistrictCode.is_in(districts.iter().cloned()));
        }
        if filter.flagged {
            condition = condition.add(
                Condition::any()
                    .add(without_order(on))
                    .add(naming_a_vacant_post(on)),
            );
        }
        let query = office::Entity::find().filter(condition);
        let total = query.clone().count(self.connection()).await?;
        let models = query
            .order_by_asc(office::Column::Path)
            .order_by_asc(office::Column::Position)
            .order_by_asc(office::Column::Id)
            .offset(offset)
            .limit(limit)
            .all(self.connection())
            .await?;
        Ok((crate::office::rows(models)?, total))
    }

    /// The teams of these offices, each with its order in force on `on`.
    pub async fn teams_in_force(
        &self,
        office_ids: &[i32],
        on: NaiveDate,
    ) -> Result<Vec<TeamInForce>, DbError> {
        let teams: Vec<TeamRow> = team::Entity::find()
            .filter(team::Column::OfficeId.is_in(office_ids.iter().copied()))
            .order_by_asc(team::Column::Id)
            .all(self.connection())
            .await?
            .into_iter()
            .map(Into::into)
            .collect();
        let orders = team_order::Entity::find()
            .filter(team_order::Column::TeamId.is_in(teams.iter().map(|team| team.id)))
            .filter(team_order::Column::EffectiveFrom.lte(on))
            .order_by_asc(team_order::Column::EffectiveFrom)
            .order_by_asc(team_order::Column::Id)
            .all(self.connection())
            .await?;
        // Ascending, so the last one seen for a team is the one in force.
        let mut in_force: HashMap<i32, team_order::Model> = HashMap::new();
        for order in orders {
            in_force.insert(order.team_id, order);
        }
        teams
            .into_iter()
            .map(|team| {
                let order = in_force
                    .remove(&team.id)
                    .map(TryInto::try_into)
                    .transpose()?;
                Ok(TeamInForce { team, order })
            })
            .collect()
    }

    /// The members these orders name, by order.
    pub async fn members_of_orders(
        &self,
        order_ids: &[i32],
    ) -> Result<HashMap<i32, Vec<TeamMemberRow>>, DbError> {
        let models = team_order_member::Entity::find()
            .filter(team_order_member::Column::OrderId.is_in(order_ids.iter().copied()))
            .order_by_asc(team_order_member::Column::Position)
            .all(self.connection())
            .await?;
        let mut members: HashMap<i32, Vec<TeamMemberRow>> = HashMap::new();
        for model in models {
            members
                .entry(model.order_id)
                .or_default()
                .push(TeamMemberRow {
                    position: model.position,
                    post_id: model.post_id,
                    role: TeamRole::from_code(&model.role)?,
                });
        }
        Ok(members)
    }
}
