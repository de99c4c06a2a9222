//! Roll-ups over the office tree for one year's plans: a page of the offices below an office (or of the
//! whole country) with their scores, filtered and sorted in the database; the count, average and
//! spread of their scores; the indicators most often late or returned; the plans with nothing sent
//! for a quarter; and the self-assessments waiting for the mid-year review. Each is one query over the stored ancestor path, whatever the size of the tree, and
//! only what a page shows leaves the database.

use sea_orm::sea_query::{Expr, ExprTrait, IntoCondition, NullOrdering, Query, SimpleExpr};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, FromQueryResult, JoinType, Order, QueryFilter, QueryOrder,
    QuerySelect, RelationDef, Select,
};
use udbhabon_domain::office::OfficeKind;
use udbhabon_domain::plan::assessment::AssessmentStatus;
use udbhabon_domain::plan::progress::{EntryStatus, PlanStatus};
use udbhabon_domain::{Bilingual, Vocabulary};

use crate::entity::{office, plan, plan_assessment, plan_indicator, progress_entry};
use crate::{Backend, Db, DbError};

/// Which offices a roll-up covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The offices below this office.
    Office(i32),
    /// Every office in the tree.
    Nation,
}

/// The offices a scope covers, resolved from its top office.
#[derive(Debug, Clone)]
pub struct Offices {
    scope: Scope,
    below: Condition,
}

impl Offices {
    /// The condition on `office` rows that holds for the offices below the top.
    pub(crate) fn condition(&self) -> Condition {
        self.below.clone()
    }
}

/// Which of the offices in scope to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RollupFilter {
    pub kind: Option<OfficeKind>,
    /// A district's two-digit code.
    pub district: Option<String>,
}

/// How to order the list: by reviewed score (highest first, offices without one last) or by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RollupOrder {
    Score,
    Name,
}

/// An office with its plan for the year, if it has one.
#[derive(Debug, Clone, PartialEq)]
pub struct RollupRow {
    pub office_id: i32,
    pub key: String,
    pub name: Bilingual,
    pub kind: OfficeKind,
    pub parent_id: Option<i32>,
    pub district_code: Option<String>,
    pub plan_id: Option<i32>,
    pub status: Option<PlanStatus>,
    pub score: Option<f64>,
    pub self_score: Option<f64>,
}

/// The offices of a roll-up taken together.
#[derive(Debug, Clone, PartialEq)]
pub struct RollupSummary {
    pub offices: u64,
    /// Offices with a plan for the year.
    pub with_plan: u64,
    /// The mean reviewed score of the offices that have one.
    pub average: Option<f64>,
    /// How many scores fall in each tenth of the total marks, lowest first.
    pub tenths: [u64; 10],
}

/// How often an indicator's entries in a subtree were sent late or are returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TroubleRow {
    pub indicator_id: i32,
    pub late: i64,
    pub returned: i64,
}

#[derive(Debug, FromQueryResult)]
struct RollupModel {
    office_id: i32,
    key: String,
    name_bn: String,
    name_en: String,
    kind: String,
    parent_id: Option<i32>,
    district_code: Option<String>,
    plan_id: Option<i32>,
    status: Option<String>,
    score: Option<f64>,
    self_score: Option<f64>,
}

#[derive(Debug, FromQueryResult)]
struct SummaryModel {
    offices: i64,
    with_plan: i64,
    average: Option<f64>,
}

#[derive(Debug, FromQueryResult)]
struct TroubleModel {
    indicator_id: i32,
    late: Option<i64>,
    returned: Option<i64>,
}

impl TryFrom<RollupModel> for RollupRow {
    type Error = DbError;

    fn try_from(model: RollupModel) -> Result<Self, DbError> {
        Ok(Self {
            kind: OfficeKind::from_code(&model.kind)?,
            status: model
                .status
                .as_deref()
                .map(PlanStatus::from_code)
                .transpose()?,
            office_id: model.office_id,
            key: model.key,
            name: Bilingual::new(model.name_bn, model.name_en),
            parent_id: model.parent_id,
            district_code: model.district_code,
            plan_id: model.plan_id,
            score: model.score,
            self_score: model.self_score,
        })
    }
}

/// The entries that count against an indicator. Written once so that every query repeats the exact
/// condition of the partial indexes on trouble (migration m0008), which is how SQLite knows it may
/// use them.
fn troubled() -> SimpleExpr {
    Expr::cust(format!(
        "(progress_entry.on_time = false OR progress_entry.status = '{}')",
        EntryStatus::Returned.code()
    ))
}

/// plan → office.
fn plan_office() -> RelationDef {
    plan::Entity::belongs_to(office::Entity)
        .from(plan::Column::OfficeId)
        .to(office::Column::Id)
        .into()
}

/// progress entry → plan.
fn entry_plan() -> RelationDef {
    progress_entry::Entity::belongs_to(plan::Entity)
        .from(progress_entry::Column::PlanId)
        .to(plan::Column::Id)
        .into()
}

/// Every office with its plan from the template, if any.
fn offices_with_plans(template_id: i32) -> Select<office::Entity> {
    office::Entity::find().join(JoinType::LeftJoin, plan_of_year(template_id))
}

/// office → its plan from the template.
fn plan_of_year(template_id: i32) -> RelationDef {
    plan_office().rev().on_condition(move |_office, plan| {
        Expr::col((plan, plan::Column::TemplateId))
            .eq(template_id)
            .into_condition()
    })
}

fn filtered(filter: &RollupFilter) -> Condition {
    let mut condition = Condition::all();
    if let Some(kind) = filter.kind {
        condition = condition.add(office::Column::Kind.eq(kind.code()));
    }
    if let Some(district) = &filter.district {
        condition = condition.add(office::Column::DistrictCode.eq(district.as_str()));
    }
    condition
}

impl Db {
    /// The offices strictly below the scope's top (every office for the nation), looked up once for
    /// all the roll-ups of a page.
    pub async fn offices_below(&self, scope: Scope) -> Result<Offices, DbError> {
        let below = match scope {
            Scope::Nation => Condition::all(),
            Scope::Office(office_id) => {
                let top = office::Entity::find_by_id(office_id)
                    .one(self.connection())
                    .await?
                    .ok_or_else(|| DbError::NotFound(format!("office #{office_id}")))?;
                let prefix = format!("{}{}/", top.path, top.id);
                Condition::all().add(match self.backend() {
                    // SQLite searches its path index for a prefix only with the case-sensitive
                    // GLOB (LIKE ignores case); a path holds digits and slashes only.
                    Backend::Sqlite => {
                        Expr::cust_with_values("office.path GLOB ?", [format!("{prefix}*")])
                    }
                    // PostgreSQL uses the path's text_pattern_ops index (migration m0008).
                    Backend::Postgres => office::Column::Path.starts_with(prefix),
                })
            }
        };
        Ok(Offices { scope, below })
    }

    /// An office with its plan from the template.
    pub async fn office_with_plan(
        &self,
        office_id: i32,
        template_id: i32,
    ) -> Result<RollupRow, DbError> {
        rollup_columns(offices_with_plans(template_id))
            .filter(office::Column::Id.eq(office_id))
            .into_model::<RollupModel>()
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("office #{office_id}")))?
            .try_into()
    }

    /// A page of the offices in scope that pass the filter, each with its plan from the template.
    pub async fn rollup_page(
        &self,
        offices: &Offices,
        template_id: i32,
        filter: &RollupFilter,
        order: RollupOrder,
        (offset, limit): (u64, u64),
    ) -> Result<Vec<RollupRow>, DbError> {
        let mut query = rollup_columns(offices_with_plans(template_id))
            .filter(offices.below.clone())
            .filter(filtered(filter));
        if order == RollupOrder::Score {
            query = query.order_by_with_nulls(plan::Column::Score, Order::Desc, NullOrdering::Last);
        }
        query
            .order_by_asc(office::Column::NameEn)
            .order_by_asc(office::Column::Id)
            .offset(offset)
            .limit(limit)
            .into_model::<RollupModel>()
            .all(self.connection())
            .await?
            .into_iter()
            .map(TryInto::try_into)
            .collect()
    }

    /// How many offices in scope pass the filter, how many have a plan, and their scores' mean and
    /// spread in tenths of `total_marks`.
    pub async fn rollup_summary(
        &self,
        offices: &Offices,
        template_id: i32,
        filter: &RollupFilter,
        total_marks: f64,
    ) -> Result<RollupSummary, DbError> {
        let below = &offices.below;
        let base = || {
            offices_with_plans(template_id)
                .filter(below.clone())
                .filter(filtered(filter))
                .select_only()
        };
        let counts = base()
            .column_as(Expr::cust("COUNT(*)"), "offices")
            .column_as(Expr::cust("COUNT(plan.id)"), "with_plan")
            .column_as(Expr::cust("AVG(plan.score)"), "average")
            .into_model::<SummaryModel>()
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::Other("a count returned no row".into()))?;
        // The tenth a score falls in, the full mark in the top one. Written as ranges: SQLite may
        // lack FLOOR, and PostgreSQL's cast to an integer rounds.
        let total = total_marks.max(1.0);
        let tenth = Expr::cust(format!(
            "CASE {} ELSE 9 END",
            (1..10)
                .map(|tenth| format!(
                    "WHEN plan.score < {} THEN {}",
                    total * f64::from(tenth) / 10.0,
                    tenth - 1
                ))
                .collect::<Vec<_>>()
                .join(" ")
        ));
        let spread: Vec<(Option<i32>, i64)> = base()
            .filter(plan::Column::Score.is_not_null())
            .column_as(tenth.clone(), "tenth")
            .column_as(Expr::cust("COUNT(*)"), "count")
            .group_by(tenth)
            .into_tuple()
            .all(self.connection())
            .await?;
        let mut tenths = [0u64; 10];
        for (tenth, count) in spread {
            let slot = usize::try_from(tenth.unwrap_or(0)).unwrap_or(0).min(9);
            tenths[slot] += u64::try_from(count).unwrap_or(0);
        }
        Ok(RollupSummary {
            offices: u64::try_from(counts.offices).unwrap_or(0),
            with_plan: u64::try_from(counts.with_plan).unwrap_or(0),
            average: counts.average,
            tenths,
        })
    }

    /// The kinds of office and the districts found in scope, for the filters.
    pub async fn rollup_choices(
        &self,
        offices: &Offices,
    ) -> Result<(Vec<OfficeKind>, Vec<String>), DbError> {
        let below = &offices.below;
        let kinds: Vec<String> = office::Entity::find()
            .filter(below.clone())
            .select_only()
            .column(office::Column::Kind)
            .distinct()
            .into_tuple()
            .all(self.connection())
            .await?;
        let districts: Vec<Option<String>> = office::Entity::find()
            .filter(below.clone())
            .filter(office::Column::DistrictCode.is_not_null())
            .select_only()
            .column(office::Column::DistrictCode)
            .distinct()
            .into_tuple()
            .all(self.connection())
            .await?;
        Ok((
            kinds
                .iter()
                .map(|code| OfficeKind::from_code(code))
                .collect::<Result<_, _>>()?,
            districts.into_iter().flatten().collect(),
        ))
    }

    /// The indicators whose entries in scope were most often sent late or are returned, worst first.
    pub async fn trouble_indicators(
        &self,
        offices: &Offices,
        template_id: i32,
        limit: u64,
    ) -> Result<Vec<TroubleRow>, DbError> {
        let late = Expr::cust("SUM(CASE WHEN progress_entry.on_time = false THEN 1 ELSE 0 END)");
        let returned = Expr::cust(format!(
            "SUM(CASE WHEN progress_entry.status = '{}' THEN 1 ELSE 0 END)",
            EntryStatus::Returned.code()
        ));
        let query = progress_entry::Entity::find().filter(troubled());
        let query = match offices.scope {
            // Over the whole country no office needs looking at: the template's indicators say
            // which entries belong to the year.
            Scope::Nation => query.filter(
                progress_entry::Column::IndicatorId.in_subquery(
                    Query::select()
                        .column(plan_indicator::Column::Id)
                        .from(plan_indicator::Entity)
                        .and_where(plan_indicator::Column::TemplateId.eq(template_id))
                        .to_owned(),
                ),
            ),
            Scope::Office(_) => query
                .join(JoinType::InnerJoin, entry_plan())
                .join(JoinType::InnerJoin, plan_office())
                .filter(plan::Column::TemplateId.eq(template_id))
                .filter(offices.below.clone()),
        };
        let models = query
            .select_only()
            .column(progress_entry::Column::IndicatorId)
            .column_as(late, "late")
            .column_as(returned, "returned")
            .group_by(progress_entry::Column::IndicatorId)
            .into_model::<TroubleModel>()
            .all(self.connection())
            .await?;
        let mut rows: Vec<TroubleRow> = models
            .into_iter()
            .map(|model| TroubleRow {
                indicator_id: model.indicator_id,
                late: model.late.unwrap_or(0),
                returned: model.returned.unwrap_or(0),
            })
            .collect();
        rows.sort_by_key(|row| (std::cmp::Reverse(row.late + row.returned), row.indicator_id));
        rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        Ok(rows)
    }

    /// The offices in scope whose approved plan has nothing submitted (or accepted) for `quarter`:
    /// the offices that have not reported it, by name.
    pub async fn silent_offices(
        &self,
        offices: &Offices,
        template_id: i32,
        quarter: u8,
    ) -> Result<Vec<RollupRow>, DbError> {
        let reported = Query::select()
            .expr(Expr::val(1))
            .from(progress_entry::Entity)
            .and_where(
                Expr::col((progress_entry::Entity, progress_entry::Column::PlanId))
                    .equals((plan::Entity, plan::Column::Id)),
            )
            .and_where(progress_entry::Column::Quarter.eq(i32::from(quarter)))
            .and_where(
                progress_entry::Column::Status
                    .is_in([EntryStatus::Submitted.code(), EntryStatus::Accepted.code()]),
            )
            .to_owned();
        rollup_columns(offices_with_plans(template_id))
            .filter(offices.below.clone())
            .filter(plan::Column::Status.eq(PlanStatus::Approved.code()))
            .filter(Expr::exists(reported).not())
            .order_by_asc(office::Column::NameEn)
            .order_by_asc(office::Column::Id)
            .into_model::<RollupModel>()
            .all(self.connection())
            .await?
            .into_iter()
            .map(TryInto::try_into)
            .collect()
    }
}

impl Db {
    /// The offices in scope whose half-yearly self-assessment waits for the mid-year review, by name.
    pub async fn assessments_awaiting_review(
        &self,
        offices: &Offices,
        template_id: i32,
    ) -> Result<Vec<RollupRow>, DbError> {
        // The plans are looked up from the few self-assessments waiting, not each office of the subtree
        // tested for one: with an inner join to the plan the database can start from the subquery (the
        // country's page took 20 ms the other way round, 2 ms this way).
        let waiting = Query::select()
            .column(plan_assessment::Column::PlanId)
            .from(plan_assessment::Entity)
            .and_where(plan_assessment::Column::Status.eq(AssessmentStatus::Submitted.code()))
            .to_owned();
        rollup_columns(office::Entity::find().join(JoinType::InnerJoin, plan_of_year(template_id)))
            .filter(offices.below.clone())
            .filter(plan::Column::Id.in_subquery(waiting))
            .order_by_asc(office::Column::NameEn)
            .order_by_asc(office::Column::Id)
            .into_model::<RollupModel>()
            .all(self.connection())
            .await?
            .into_iter()
            .map(TryInto::try_into)
            .collect()
    }
}

/// The columns of a [`RollupRow`].
fn rollup_columns(query: Select<office::Entity>) -> Select<office::Entity> {
    query
        .select_only()
        .column_as(office::Column::Id, "office_id")
        .column(office::Column::Key)
        .column(office::Column::NameBn)
        .column(office::Column::NameEn)
        .column(office::Column::Kind)
        .column(office::Column::ParentId)
        .column(office::Column::DistrictCode)
        .column_as(plan::Column::Id, "plan_id")
        .column(plan::Column::Status)
        .column(plan::Column::Score)
        .column(plan::Column::SelfScore)
}
