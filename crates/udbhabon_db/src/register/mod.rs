//! The team's registers of the duties it coordinates: `rti` (the right-to-information register),
//! `officer` (the officers each office names for RTI and grievance redress), `software` (its systems),
//! `renewal` (what each system needs renewed) and `certification` (each system's tests and audits and
//! their findings).

pub mod certification;
pub mod officer;
pub mod renewal;
pub mod rti;
pub mod software;
