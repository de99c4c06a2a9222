//! The use cases' error: what went wrong in terms a page or a command can explain to its user.

use udbhabon_db::DbError;
use udbhabon_domain::ValidationErrors;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0} was not found")]
    NotFound(String),
    #[error("this action is not allowed for you")]
    Forbidden,
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    #[error("{0}")]
    Conflict(String),
    /// A data file given to a command that cannot be used; the message says where and why.
    #[error("{0}")]
    DataFile(String),
    /// Something the server needs is missing or unreachable; the message says what.
    #[error("{0}")]
    Unavailable(String),
    /// No Bengali font is installed, so documents cannot be typeset; the message says what to install.
    #[error("{0}")]
    NoFonts(String),
    #[error("{0}")]
    Internal(String),
}

/// A refusal naming one field and why.
pub(crate) fn invalid(field: &str, key: &'static str) -> Error {
    let mut errors = ValidationErrors::new();
    errors.add(field, key);
    Error::Invalid(errors)
}

impl From<DbError> for Error {
    fn from(error: DbError) -> Self {
        match error {
            DbError::NotFound(what) => Self::NotFound(what),
            DbError::Conflict(detail) => Self::Conflict(detail),
            DbError::Unavailable(cause) | DbError::Connect(cause) => Self::Unavailable(cause),
            DbError::Other(cause) => Self::Internal(cause),
        }
    }
}
