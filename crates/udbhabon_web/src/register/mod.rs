//! The team's registers of the duties it coordinates for its office: `rti` (the right-to-information
//! register), `grs` (grievance redress), `officer` (the officers each names), `software` (its
//! systems and their source code), `renewal` (what each system needs renewed), `certification` (each
//! system's tests and audits and their findings) and `project` (its ICT projects and their
//! milestones).

pub(crate) mod certification;
pub(crate) mod grs;
pub(crate) mod officer;
pub(crate) mod project;
pub(crate) mod renewal;
pub(crate) mod rti;
pub(crate) mod software;
