//! The application's use cases: what officers and visitors can do, each carried out in one place,
//! on the storage layer, with the clock and fonts given from outside.

pub mod account;
pub mod admin;
mod app;
pub mod assessment;
mod audit;
mod calendar;
mod clock;
pub mod dashboard;
pub mod demo;
mod error;
pub mod files;
pub mod follow_up;
mod mail;
pub mod meeting;
pub mod memo;
pub mod minutes;
pub mod minutes_cycle;
pub mod notice;
pub mod office;
pub mod office_admin;
pub mod order;
pub mod order_pdf;
pub mod password_reset;
mod permission;
pub mod plan;
pub mod progress;
pub mod reminders;
pub mod schedule;
mod secret;
pub mod team;

pub use app::{App, Settings};
pub use clock::{Clock, FixedClock, SystemClock};
pub use error::Error;
pub use mail::MailSettings;
pub use udbhabon_db::distribution::DistributionEntryRow;
pub use udbhabon_db::meeting::{DecisionRow, MeetingRow, ResponsibleRow};
pub use udbhabon_db::office::{OfficeRow, UnitRow};
pub use udbhabon_db::order::OrderDraftRow;
pub use udbhabon_db::person::{HolderRow, PersonRow, PostRow};
pub use udbhabon_db::progress::EvidenceRow;
pub use udbhabon_db::revision::RevisionRow;
pub use udbhabon_db::team::{TeamOrderRow, TeamRow};
pub use udbhabon_db::{AuditEntryRow, ChainCheck};
pub use udbhabon_docs::table::TableFormat;
pub use udbhabon_docs::{MinutesDecision, MinutesItem};
