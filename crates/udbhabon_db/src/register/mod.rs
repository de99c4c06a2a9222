//! The team's registers of the duties it coordinates: `rti` (the right-to-information register).

pub mod rti;
