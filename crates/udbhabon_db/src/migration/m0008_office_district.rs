//! The district a field office sits in (its Bureau of Statistics code), and the indexes the roll-ups
//! of a national tree need: a plan's entries for one quarter, and the few entries sent late or
//! returned.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(Debug, DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Office::Table)
                    .add_column(string_len_null(Office::DistrictCode, 2))
                    .to_owned(),
            )
            .await?;
        // Who has not reported a quarter is an existence check per plan and quarter; the unique
        // index (plan, indicator, quarter) would make it walk every indicator of the plan.
        manager
            .create_index(
                Index::create()
                    .name("ix_progress_entry_plan_quarter")
                    .table(ProgressEntry::Table)
                    .col(ProgressEntry::PlanId)
                    .col(ProgressEntry::Quarter)
                    .col(ProgressEntry::Status)
                    .to_owned(),
            )
            .await?;
        // Partial indexes over the entries sent late or returned (a tenth or so of them), by plan for
        // an office's subtree and by indicator for the whole country. The condition is repeated word
        // for word by the queries (rollup.rs), which SQLite needs to use them; PostgreSQL reads it
        // the same way.
        let connection = manager.get_connection();
        for (name, columns) in [
            (
                "ix_progress_entry_trouble_plan",
                "plan_id, indicator_id, on_time, status",
            ),
            (
                "ix_progress_entry_trouble_indicator",
                "indicator_id, on_time, status",
            ),
        ] {
            connection
                .execute_unprepared(&format!(
                    "CREATE INDEX {name} ON progress_entry ({columns}) \
                     WHERE (on_time = false OR status = 'returned')"
                ))
                .await?;
        }
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            // A prefix LIKE on the ancestor path can use a b-tree index only with pattern operators
            // when the database collation is not C.
            connection
                .execute_unprepared(
                    "CREATE INDEX ix_office_path_prefix ON office (path text_pattern_ops)",
                )
                .await?;
        }
        Ok(())
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}

#[derive(Clone, Copy, DeriveIden)]
enum Office {
    Table,
    DistrictCode,
}

#[derive(Clone, Copy, DeriveIden)]
enum ProgressEntry {
    Table,
    PlanId,
    Quarter,
    Status,
}
