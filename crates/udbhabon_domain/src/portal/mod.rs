//! What an office shows citizens: its citizen charter and its digital services, and what citizens send it.

pub mod charter;
pub mod feedback;
pub mod service;
