//! The application's use cases: what officers and visitors can do, each carried out in one place,
//! on the storage layer, with the clock and fonts given from outside.

pub mod account;
pub mod admin;
mod app;
mod audit;
pub mod backup;
mod calendar;
mod clock;
pub mod collection;
pub mod demo;
mod error;
pub mod files;
pub mod innovation;
mod mail;
pub mod meeting;
pub mod office;
pub mod plan;
pub mod portal;
pub mod reminder;
pub mod secret;
mod table;
pub mod team;
pub mod training;

pub use app::{App, Edition, Settings, Started};
pub use clock::{Clock, FixedClock, SystemClock};
pub use error::Error;
pub use mail::MailSettings;
pub use udbhabon_db::collection::CollectionRow;
pub use udbhabon_db::distribution::DistributionEntryRow;
pub use udbhabon_db::innovation::{InnovationRow, InnovationStepRow};
pub use udbhabon_db::meeting::change::MeetingChangeRow;
pub use udbhabon_db::meeting::{DecisionRow, MeetingRow, ResponsibleRow};
pub use udbhabon_db::office::memo::MemoFileRow;
pub use udbhabon_db::office::person::{HolderRow, PersonRow, PostRow};
pub use udbhabon_db::office::{OfficeRow, UnitRow};
pub use udbhabon_db::plan::progress::EvidenceRow;
pub use udbhabon_db::plan::revision::RevisionRow;
pub use udbhabon_db::portal::charter::CharterRow;
pub use udbhabon_db::team::order::OrderDraftRow;
pub use udbhabon_db::team::{TeamOrderRow, TeamRow};
pub use udbhabon_db::training::course::CourseRow;
pub use udbhabon_db::training::{ParticipantRow, TrainingRow};
pub use udbhabon_db::{AuditEntryRow, ChainCheck};
pub use udbhabon_docs::table::{TABLE_LIMITS, TableFormat};
pub use udbhabon_docs::{CharterView, MinutesDecision, MinutesItem, ServiceGroup};
