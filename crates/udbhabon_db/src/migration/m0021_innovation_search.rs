//! The full-text index of innovations (title, and the service, problem, root cause and solution), so an
//! office starting one sees what others already did: an FTS5 table on SQLite, a weighted `tsvector` with
//! a GIN index on PostgreSQL; the innovations already recorded are indexed here.

use sea_orm::{ConnectionTrait, DbBackend};
use sea_orm_migration::prelude::*;

use crate::innovation::search::index_all;

#[derive(Debug, DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let backend = manager.get_database_backend();
        // FTS5's default tokenizer cuts Bengali words at every vowel sign and virama; counting marks
        // (M*) as word characters keeps them whole. PostgreSQL's `simple` parser keeps them whole as it
        // is (checked on the C.UTF-8 locale the servers run).
        let statements: &[&str] = match backend {
            DbBackend::Postgres => &[
                "CREATE TABLE innovation_search ( \
                 innovation_id integer PRIMARY KEY REFERENCES innovation (id), \
                 title text NOT NULL, body text NOT NULL, \
                 document tsvector GENERATED ALWAYS AS \
                 (setweight(to_tsvector('simple', title), 'A') || \
                 setweight(to_tsvector('simple', body), 'B')) STORED)",
                "CREATE INDEX ix_innovation_search_document ON innovation_search USING gin (document)",
            ],
            _ => &[
                "CREATE VIRTUAL TABLE innovation_search USING fts5(title, body, \
                 tokenize = \"unicode61 remove_diacritics 2 categories 'L* N* Co M*'\")",
            ],
        };
        let connection = manager.get_connection();
        for statement in statements {
            connection.execute_unprepared(statement).await?;
        }
        index_all(connection).await
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
