//! The storage layer's error: not found, a conflict with existing data, or anything else.

use sea_orm::{DbErr, SqlErr};

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
    /// Stored data that no longer reads as a valid domain value, or any other driver failure.
    #[error("database error: {0}")]
    Other(String),
}

impl From<DbErr> for DbError {
    fn from(error: DbErr) -> Self {
        match error.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(detail))
            | Some(SqlErr::ForeignKeyConstraintViolation(detail)) => Self::Conflict(detail),
            _ => match error {
                DbErr::Conn(inner) => Self::Connect(inner.to_string()),
                DbErr::RecordNotFound(what) => Self::NotFound(what),
                other => Self::Other(other.to_string()),
            },
        }
    }
}

impl From<udbhabon_domain::UnknownCode> for DbError {
    fn from(error: udbhabon_domain::UnknownCode) -> Self {
        Self::Other(format!("stored data is invalid: {error}"))
    }
}
