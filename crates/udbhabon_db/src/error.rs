//! The storage layer's error: not found, a conflict with existing data, the database busy or out of
//! reach, or anything else.

use sea_orm::{DbErr, RuntimeErr, SqlErr, sqlx};

/// What went wrong in storage, with driver errors translated in this one place.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("{0} was not found")]
    NotFound(String),
    /// A unique or foreign-key constraint refused the change.
    #[error("the change conflicts with existing data: {0}")]
    Conflict(String),
    #[error("cannot connect to the database: {0}")]
    Connect(String),
    /// The database is busy (another writer holds SQLite's lock too long, every pooled connection is in
    /// use, PostgreSQL gave up a transaction to a deadlock) or its connection was lost: trying again
    /// later may succeed.
    #[error("the database is unavailable for now: {0}")]
    Unavailable(String),
    /// Stored data that no longer reads as a valid domain value, or any other driver failure.
    #[error("database error: {0}")]
    Other(String),
}

impl From<DbErr> for DbError {
    fn from(error: DbErr) -> Self {
        if let Some(SqlErr::UniqueConstraintViolation(detail))
        | Some(SqlErr::ForeignKeyConstraintViolation(detail)) = error.sql_err()
        {
            return Self::Conflict(detail);
        }
        if is_transient(&error) {
            return Self::Unavailable(error.to_string());
        }
        match error {
            DbErr::Conn(inner) => Self::Connect(inner.to_string()),
            DbErr::RecordNotFound(what) => Self::NotFound(what),
            other => Self::Other(other.to_string()),
        }
    }
}

/// Whether a failure says nothing about the request, only that the database could not serve it now.
fn is_transient(error: &DbErr) -> bool {
    match error {
        DbErr::ConnectionAcquire(_) => true,
        DbErr::Conn(RuntimeErr::SqlxError(cause))
        | DbErr::Exec(RuntimeErr::SqlxError(cause))
        | DbErr::Query(RuntimeErr::SqlxError(cause)) => match cause.as_ref() {
            sqlx::Error::Io(_)
            | sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::WorkerCrashed => true,
            sqlx::Error::Database(database) => database
                .code()
                .is_some_and(|code| is_transient_code(code.as_ref())),
            _ => false,
        },
        _ => false,
    }
}

/// SQLite's busy and locked result codes (with their extended forms), and PostgreSQL's SQLSTATEs for a
/// lost connection, a server shutting down or overloaded, a serialization failure and a deadlock.
fn is_transient_code(code: &str) -> bool {
    const SQLITE: [&str; 7] = ["5", "6", "261", "262", "517", "518", "773"];
    const POSTGRES: [&str; 6] = ["40001", "40P01", "53300", "57P01", "57P02", "57P03"];
    SQLITE.contains(&code) || POSTGRES.contains(&code) || code.starts_with("08")
}

impl From<udbhabon_domain::UnknownCode> for DbError {
    fn from(error: udbhabon_domain::UnknownCode) -> Self {
        Self::Other(format!("stored data is invalid: {error}"))
    }
}

#[cfg(test)]
mod tests {
    use super::is_transient_code;

    #[test]
    fn busy_locked_and_lost_connections_are_transient_and_constraint_failures_are_not() {
        for code in ["5", "517", "40P01", "57P01", "08006"] {
            assert!(is_transient_code(code), "{code}");
        }
        for code in ["19", "2067", "23505", "22021"] {
            assert!(!is_transient_code(code), "{code}");
        }
    }
}
