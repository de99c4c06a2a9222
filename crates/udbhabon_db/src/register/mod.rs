//! The team's registers of the duties it coordinates: `rti` (the right-to-information register),
//! `officer` (the officers each office names for RTI and grievance redress), `software` (its systems)
//! and `renewal` (what each system needs renewed).

pub mod officer;
pub mod renewal;
pub mod rti;
pub mod software;
