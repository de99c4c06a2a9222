//! What an office shows citizens: its citizen charter.

pub mod charter;
