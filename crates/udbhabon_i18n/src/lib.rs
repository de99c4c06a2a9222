//! Every word udbhabon shows: Fluent catalogues in `locales/{bn,en}`, choosing the reader's language,
//! and dates and numbers written the way each language writes them.

mod catalog;
pub mod format;
mod negotiate;

pub use catalog::{MISSING_MARK, message_ids, t, t_args};
pub use negotiate::negotiate;
pub use udbhabon_domain::Lang;
