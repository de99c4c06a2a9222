//! The team's registers of the duties it coordinates: `rti` (the right-to-information register),
//! `officer` (the officers each office names for RTI and grievance redress), `software` (its systems),
//! `renewal` (what each system needs renewed), `certification` (each system's tests and audits and
//! their findings), `project` (its ICT projects and their milestones) and `budget` (its ICT budget
//! lines and their spending).

pub mod budget;
pub mod certification;
pub mod officer;
pub mod project;
pub mod renewal;
pub mod rti;
pub mod software;
