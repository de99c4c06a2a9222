//! The team's registers of the duties it coordinates: `rti` (the right-to-information register),
//! `officer` (the officers each office names for RTI and grievance redress) and `software` (its systems).

pub mod officer;
pub mod rti;
pub mod software;
