//! Records kept as JSON in a text column: written, and read back with the record named when unreadable.

use serde::de::DeserializeOwned;

use crate::DbError;

/// Reads a JSON column of the table `what`'s record `id`.
pub(crate) fn from_json<T: DeserializeOwned>(
    what: &str,
    id: i32,
    text: &str,
) -> Result<T, DbError> {
    serde_json::from_str(text)
        .map_err(|error| DbError::Other(format!("{what} #{id} is unreadable: {error}")))
}

pub(crate) fn to_json(value: &impl serde::Serialize) -> Result<String, DbError> {
    serde_json::to_string(value)
        .map_err(|error| DbError::Other(format!("cannot store the record: {error}")))
}
