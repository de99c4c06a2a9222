//! What an office publishes for citizens: its citizen charter and its notice board.

pub mod bulletin;
pub mod charter;
