//! The team's registers of the duties it coordinates: `rti` (the right-to-information register) and
//! `officer` (the officers each office names for RTI and grievance redress).

pub mod officer;
pub mod rti;
