//! The team's registers of the duties it coordinates for its office: `rti` (the right-to-information
//! register and its statutory clocks), `grs` (grievance redress), `officer` (the officers named for
//! both), `software` (its systems and their source code), `renewal` (what each system needs
//! renewed), `certification` (each system's tests and audits and their findings), `project` (its
//! ICT projects and their milestones) and `budget` (its ICT budget lines and their spending).

pub mod budget;
pub mod certification;
pub mod grs;
pub mod officer;
pub mod project;
pub mod renewal;
pub mod rti;
pub mod software;
