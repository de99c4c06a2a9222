//! Administration: the people, posts, accounts and roles, and the office tree.

pub mod offices;
pub mod people;
pub mod setup;
