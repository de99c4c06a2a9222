//! The team's registers of the duties it coordinates for its office: `rti` (the right-to-information
//! register).

pub(crate) mod rti;
