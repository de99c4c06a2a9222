//! Administration: the people, posts, accounts and roles, and the office tree.

pub(crate) mod offices;
pub(crate) mod people;
