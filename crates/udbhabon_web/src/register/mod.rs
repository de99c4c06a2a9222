//! The team's registers of the duties it coordinates for its office: `rti` (the right-to-information
//! register), `grs` (grievance redress), `officer` (the officers each names), `software` (its
//! systems and their source code) and `renewal` (what each system needs renewed).

pub(crate) mod grs;
pub(crate) mod officer;
pub(crate) mod renewal;
pub(crate) mod rti;
pub(crate) mod software;
