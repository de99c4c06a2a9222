//! The team's registers of the duties it coordinates for its office: `rti` (the right-to-information
//! register and its statutory clocks).

pub mod rti;
