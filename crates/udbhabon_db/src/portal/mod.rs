//! What offices publish for citizens: citizen charters and digital service lists.

pub mod charter;
pub mod service;
