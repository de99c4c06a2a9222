//! Types that cannot hold invalid values, and the rules of the Innovation Team's work as pure functions.
//!
//! Nothing here is async, talks to a database or knows about HTTP: every function takes its inputs
//! (including "today") as arguments, so each rule can be tested exhaustively.

pub mod access;
pub mod account;
pub mod assessment;
pub mod award;
pub mod collection;
pub mod decision;
pub mod error;
pub mod geo;
pub mod innovation;
pub mod meeting;
pub mod memo;
pub mod office;
pub mod order;
pub mod person;
pub mod plan;
pub mod progress;
pub mod reminder;
pub mod score;
pub mod team;
pub mod text;
mod vocabulary;

pub use error::{FieldError, ValidationErrors};
pub use text::{Bilingual, Lang};
pub use vocabulary::{UnknownCode, Vocabulary};
