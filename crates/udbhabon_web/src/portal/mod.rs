//! What an office publishes for citizens: its citizen charter, its digital services, its notice board,
//! citizens' ideas and feedback, and the sections its own website frames.

pub(crate) mod bulletin;
pub(crate) mod charter;
pub(crate) mod embed;
pub(crate) mod feedback;
pub(crate) mod service;
