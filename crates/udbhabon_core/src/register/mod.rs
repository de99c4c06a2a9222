//! The team's registers of the duties it coordinates for its office: `rti` (the right-to-information
//! register and its statutory clocks), `grs` (grievance redress) and `officer` (the officers named for
//! both).

pub mod grs;
pub mod officer;
pub mod rti;
