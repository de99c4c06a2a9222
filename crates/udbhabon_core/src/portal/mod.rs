//! What an office publishes for citizens: its citizen charter.

pub mod charter;
