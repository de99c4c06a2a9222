//! What offices publish for citizens: citizen charters.

pub mod charter;
