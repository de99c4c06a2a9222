//! Full-text search over innovations: writing an innovation's search text to the index, and each
//! backend's query for word stems, best match first.

use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement, Value};
use udbhabon_domain::innovation::SearchText;

use crate::connection::Backend;
use crate::{Db, DbError};

/// How a search combines its stems.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Combine {
    /// Every stem must match: the search box.
    All,
    /// Any stem may match, the more the better: innovations like one being written.
    Any,
}

/// The statement that indexes `text` as innovation `id`.
pub(crate) fn index_statement(backend: DbBackend, id: i32, text: SearchText) -> Statement {
    let sql = match backend {
        DbBackend::Postgres => {
            "INSERT INTO innovation_search (innovation_id, title, body) VALUES ($1, $2, $3)"
        }
        _ => "INSERT INTO innovation_search (rowid, title, body) VALUES (?, ?, ?)",
    };
    Statement::from_sql_and_values(
        backend,
        sql,
        [id.into(), text.title.into(), text.body.into()],
    )
}

/// The statement that removes innovation `id` from the index, before it is indexed again as corrected.
pub(crate) fn unindex_statement(backend: DbBackend, id: i32) -> Statement {
    let sql = match backend {
        DbBackend::Postgres => "DELETE FROM innovation_search WHERE innovation_id = $1",
        _ => "DELETE FROM innovation_search WHERE rowid = ?",
    };
    Statement::from_sql_and_values(backend, sql, [id.into()])
}

/// Indexes every recorded innovation as its search text is made today: when the index is created, and
/// when the way words are folded for search changes.
pub(crate) async fn index_all(connection: &impl ConnectionTrait) -> Result<(), DbErr> {
    let backend = connection.get_database_backend();
    let recorded = connection
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT id, title, title_en, service, problem, root_cause, solution FROM innovation",
        ))
        .await?;
    for row in recorded {
        let text = |column: &str| row.try_get::<String>("", column);
        let search_text = SearchText::of(
            [&text("title")?, &text("title_en")?],
            [
                &text("service")?,
                &text("problem")?,
                &text("root_cause")?,
                &text("solution")?,
            ],
        );
        let id = row.try_get::<i32>("", "id")?;
        connection
            .execute_raw(index_statement(backend, id, search_text))
            .await?;
    }
    Ok(())
}

/// The stems as one query of the backend's syntax: each made a term, joined by the backend's
/// `[and, or]` as `combine` says.
fn joined(
    stems: &[String],
    combine: Combine,
    [and, or]: [&str; 2],
    term: impl Fn(&str) -> String,
) -> String {
    let joiner = match combine {
        Combine::All => and,
        Combine::Any => or,
    };
    stems
        .iter()
        .map(|stem| term(stem))
        .collect::<Vec<_>>()
        .join(joiner)
}

impl Db {
    /// The ids of the innovations whose titles or descriptions have a word beginning with the stems
    /// (folded, as `bangla::search::stems` gives them; combined as `combine` says), best first, at most
    /// `limit`; none for no stems.
    pub async fn search_innovations(
        &self,
        stems: &[String],
        combine: Combine,
        limit: u32,
    ) -> Result<Vec<i32>, DbError> {
        // An empty stem would be a syntax error in either query language.
        let stems: Vec<String> = stems
            .iter()
            .filter(|stem| !stem.is_empty())
            .cloned()
            .collect();
        if stems.is_empty() {
            return Ok(Vec::new());
        }
        let statement = match self.backend() {
            Backend::Sqlite => {
                // Each stem quoted (a stem holds no quote, but the syntax must not depend on that)
                // and made a prefix: there is no Bengali stemmer in the index, so সেবা* finds সেবার.
                let query = joined(&stems, combine, [" AND ", " OR "], |stem| {
                    format!("\"{}\"*", stem.replace('"', "\"\""))
                });
                Statement::from_sql_and_values(
                    DbBackend::Sqlite,
                    "SELECT rowid AS id FROM innovation_search WHERE innovation_search MATCH ? \
                     ORDER BY bm25(innovation_search, 3.0, 1.0), rowid DESC LIMIT ?",
                    [Value::from(query), limit.into()],
                )
            }
            Backend::Postgres => {
                let query = joined(&stems, combine, [" & ", " | "], |stem| {
                    format!("'{}':*", stem.replace('\'', "''"))
                });
                Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    "SELECT innovation_id AS id FROM innovation_search, \
                     to_tsquery('simple', $1) AS query WHERE document @@ query \
                     ORDER BY ts_rank(document, query) DESC, innovation_id DESC LIMIT $2",
                    [Value::from(query), i64::from(limit).into()],
                )
            }
        };
        self.connection()
            .query_all_raw(statement)
            .await?
            .iter()
            .map(|row| row.try_get::<i32>("", "id").map_err(DbError::from))
            .collect()
    }
}
