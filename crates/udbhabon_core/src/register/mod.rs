//! The team's registers of the duties it coordinates for its office: `rti` (the right-to-information
//! register and its statutory clocks), `grs` (grievance redress), `officer` (the officers named for
//! both) and `software` (its systems and their source code).

pub mod grs;
pub mod officer;
pub mod rti;
pub mod software;
