//! Inserting generated data in bulk (the national benchmark tree): rows whose ids the generator chose,
//! many to a statement, with one audit entry for the whole generation instead of one per row.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait, QuerySelect, Statement};
use udbhabon_domain::office::OfficeKind;
use udbhabon_domain::plan::progress::{EntryStatus, PlanStatus};
use udbhabon_domain::plan::score::Measure;
use udbhabon_domain::{Bilingual, Vocabulary};

use crate::entity::{office, plan, progress_entry};
use crate::plan::progress::value_json;
use crate::{Backend, DbError, Tx};

/// Rows per INSERT: under SQLite's 32,766 bound parameters for the widest table (14 columns).
const ROWS_PER_STATEMENT: usize = 2_000;

/// An office with its id and ancestor path chosen by the generator.
#[derive(Debug, Clone)]
pub struct GeneratedOffice {
    pub id: i32,
    pub key: String,
    pub parent_id: Option<i32>,
    /// "/1/4/" for an office below 1 and 4; "/" at the top.
    pub path: String,
    pub kind: OfficeKind,
    pub name: Bilingual,
    pub district_code: Option<String>,
    pub position: i32,
}

/// A plan with its id chosen by the generator, and the scores its entries give.
#[derive(Debug, Clone)]
pub struct GeneratedPlan {
    pub id: i32,
    pub template_id: i32,
    pub office_id: i32,
    pub status: PlanStatus,
    pub approved_on: Option<NaiveDate>,
    pub score: Option<f64>,
    pub self_score: Option<f64>,
}

/// A quarter's progress entry of a generated plan.
#[derive(Debug, Clone)]
pub struct GeneratedEntry {
    pub plan_id: i32,
    pub indicator_id: i32,
    pub quarter: u8,
    pub value: Measure,
    pub status: EntryStatus,
    pub submitted_at: DateTime<Utc>,
    pub on_time: bool,
    pub review_comment: String,
}

async fn insert_chunks<A>(tx: &Tx, rows: Vec<A>) -> Result<(), DbError>
where
    A: sea_orm::ActiveModelTrait + Send,
{
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(ROWS_PER_STATEMENT).collect();
        A::Entity::insert_many(chunk)
            .exec_without_returning(&tx.transaction)
            .await?;
    }
    Ok(())
}

impl Tx {
    /// The first office id and the first plan id no row uses yet.
    pub async fn next_free_ids(&self) -> Result<(i32, i32), DbError> {
        let max_office: Option<i32> = office::Entity::find()
            .select_only()
            .expr(Func::max(Expr::col(office::Column::Id)))
            .into_tuple()
            .one(&self.transaction)
            .await?
            .flatten();
        let max_plan: Option<i32> = plan::Entity::find()
            .select_only()
            .expr(Func::max(Expr::col(plan::Column::Id)))
            .into_tuple()
            .one(&self.transaction)
            .await?
            .flatten();
        Ok((max_office.unwrap_or(0) + 1, max_plan.unwrap_or(0) + 1))
    }

    pub async fn insert_generated_offices(
        &self,
        offices: &[GeneratedOffice],
    ) -> Result<(), DbError> {
        let rows = offices
            .iter()
            .map(|new| office::ActiveModel {
                id: Set(new.id),
                key: Set(new.key.clone()),
                parent_id: Set(new.parent_id),
                kind: Set(new.kind.code().to_owned()),
                name_bn: Set(new.name.bn.clone()),
                name_en: Set(new.name.en.clone()),
                short_name_en: Set(None),
                memo_code: Set(None),
                website: Set(None),
                email: Set(None),
                phone: Set(None),
                path: Set(new.path.clone()),
                position: Set(new.position),
                district_code: Set(new.district_code.clone()),
            })
            .collect();
        insert_chunks(self, rows).await
    }

    pub async fn insert_generated_plans(&self, plans: &[GeneratedPlan]) -> Result<(), DbError> {
        let rows = plans
            .iter()
            .map(|new| plan::ActiveModel {
                id: Set(new.id),
                template_id: Set(new.template_id),
                office_id: Set(new.office_id),
                status: Set(new.status.code().to_owned()),
                version: Set(1),
                score: Set(new.score),
                self_score: Set(new.self_score),
                approved_meeting_id: Set(None),
                approved_on: Set(new.approved_on),
                updated_by: Set(self.author.label.clone()),
                updated_at: Set(self.author.at),
            })
            .collect();
        insert_chunks(self, rows).await
    }

    pub async fn insert_generated_entries(
        &self,
        entries: &[GeneratedEntry],
    ) -> Result<(), DbError> {
        let rows = entries
            .iter()
            .map(|new| {
                let reviewed = matches!(new.status, EntryStatus::Accepted | EntryStatus::Returned);
                Ok(progress_entry::ActiveModel {
                    plan_id: Set(new.plan_id),
                    indicator_id: Set(new.indicator_id),
                    quarter: Set(i32::from(new.quarter)),
                    value: Set(Some(value_json(&new.value)?)),
                    comment: Set(String::new()),
                    status: Set(new.status.code().to_owned()),
                    submitted_at: Set(Some(new.submitted_at)),
                    on_time: Set(Some(new.on_time)),
                    review_comment: Set(new.review_comment.clone()),
                    reviewed_by: Set(reviewed.then(|| self.author.label.clone())),
                    reviewed_at: Set(reviewed.then_some(new.submitted_at)),
                    version: Set(1),
                    updated_by: Set(self.author.label.clone()),
                    updated_at: Set(new.submitted_at),
                    ..Default::default()
                })
            })
            .collect::<Result<Vec<_>, DbError>>()?;
        insert_chunks(self, rows).await
    }

    /// Closes a generation: one audit entry describing what was generated, and on PostgreSQL the id
    /// sequences moved past the ids the generator chose.
    pub async fn record_generation(&self, summary: serde_json::Value) -> Result<(), DbError> {
        if self.backend() == Backend::Postgres {
            for table in ["office", "plan"] {
                self.transaction
                    .execute_raw(Statement::from_string(
                        sea_orm::DbBackend::Postgres,
                        format!(
                            "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                             (SELECT MAX(id) FROM \"{table}\"))"
                        ),
                    ))
                    .await?;
            }
        }
        self.append_audit("generate", "national_demo", None, Some(summary))
            .await
    }
}
