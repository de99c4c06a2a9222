//! What an office publishes for citizens: its citizen charter, its digital services and its notice
//! board.

pub(crate) mod bulletin;
pub(crate) mod charter;
pub(crate) mod feedback;
pub(crate) mod service;
