//! The team's registers of the duties it coordinates for its office: `rti` (the right-to-information
//! register), `grs` (grievance redress), `officer` (the officers each names) and `software` (its
//! systems and their source code).

pub(crate) mod grs;
pub(crate) mod officer;
pub(crate) mod rti;
pub(crate) mod software;
