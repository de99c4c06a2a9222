//! Every SQL statement of udbhabon, its migrations, and the storage contract, on SQLite and PostgreSQL.
//!
//! The URL picks the backend: `sqlite://…` (the default, a file under the data directory, WAL mode,
//! foreign keys on) or `postgres://…` (a pool). Callers see rows made of domain types and never
//! learn which backend runs.

mod audit;
mod connection;
mod entity;
mod error;
mod migration;
mod snapshot;

pub mod account;
pub mod assessment;
pub mod award;
pub mod bulk;
pub mod collection;
pub mod distribution;
pub mod document;
pub mod follow_up;
pub mod innovation;
pub mod innovation_search;
pub mod meeting;
pub mod memo;
pub mod minutes;
pub mod office;
pub mod order;
pub mod person;
pub mod plan;
pub mod progress;
pub mod reminder;
pub mod revision;
pub mod rollup;
pub mod schedule;
pub mod setting;
pub mod team;
pub mod write;

pub use audit::{AuditEntryRow, Author, ChainCheck};
pub use connection::{Backend, Db, StartLock, Tx};
pub use error::DbError;
