//! The team's registers of the duties it coordinates for its office: `rti` (the right-to-information
//! register and its statutory clocks), `grs` (grievance redress), `officer` (the officers named for
//! both), `software` (its systems and their source code) and `renewal` (what each system needs
//! renewed).

pub mod grs;
pub mod officer;
pub mod renewal;
pub mod rti;
pub mod software;
