//! Every SQL statement of udbhabon, its migrations, and the storage contract, on SQLite and PostgreSQL.
//!
//! The URL picks the backend: `sqlite://…` (the default, a file under the data directory, WAL mode,
//! foreign keys on) or `postgres://…` (a pool). Callers see rows made of domain types and never
//! learn which backend runs.

mod audit;
mod connection;
mod entity;
mod error;
pub mod innovation;
mod json;
pub mod meeting;
mod migration;
pub mod office;
pub mod plan;
pub mod portal;
pub mod register;
mod snapshot;
pub mod team;
pub mod training;

pub mod account;
pub mod bulk;
pub mod collection;
pub mod distribution;
pub mod document;
pub mod holiday;
pub mod reminder;
pub mod setting;
pub mod write;

pub use audit::{AuditEntryRow, Author, ChainCheck};
pub use connection::{Backend, Db, StartLock, Tx};
pub use error::DbError;
