//! What offices publish for citizens (citizen charters, digital service lists) and what citizens send
//! them (ideas and feedback).

pub mod charter;
pub mod feedback;
pub mod service;
