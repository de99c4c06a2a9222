//! The team's registers of the duties it coordinates for its office: `rti` (the right-to-information
//! register), `grs` (grievance redress) and `officer` (the officers each names).

pub(crate) mod grs;
pub(crate) mod officer;
pub(crate) mod rti;
