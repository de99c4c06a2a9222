//! What an office publishes for citizens: its citizen charter and its notice board.

pub(crate) mod bulletin;
pub(crate) mod charter;
