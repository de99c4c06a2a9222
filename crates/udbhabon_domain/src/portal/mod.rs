//! What an office shows citizens: its citizen charter and its digital services.

pub mod charter;
pub mod service;
