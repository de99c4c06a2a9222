//! What an office publishes for citizens: its citizen charter.

pub(crate) mod charter;
