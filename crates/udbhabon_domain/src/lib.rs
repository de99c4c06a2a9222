//! Types that cannot hold invalid values, and the rules of the Innovation Team's work as pure functions.
//!
//! Nothing here is async, talks to a database or knows about HTTP: every function takes its inputs
//! (including "today") as arguments, so each rule can be tested exhaustively.

pub mod account;
pub mod collection;
pub mod error;
pub mod holiday;
pub mod innovation;
pub mod meeting;
pub mod office;
pub mod plan;
pub mod portal;
pub mod register;
pub mod reminder;
pub mod team;
pub mod text;
pub mod training;
mod vocabulary;

// The fiscal year is part of the domain's records (a budget line's year), so storage reads it from here.
pub use bangla::FiscalYear;
pub use error::{FieldError, ValidationErrors};
pub use text::{Bilingual, Lang};
pub use vocabulary::{UnknownCode, Vocabulary};
