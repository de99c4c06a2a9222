//! What an office publishes for citizens (its citizen charter, its digital services, its notice board)
//! and what citizens send it (ideas and feedback).

pub mod bulletin;
pub mod charter;
pub mod feedback;
pub mod service;
