//! What an office publishes for citizens: its citizen charter, its digital services and its notice
//! board.

pub mod bulletin;
pub mod charter;
pub mod service;
