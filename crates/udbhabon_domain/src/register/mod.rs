//! The team's registers of the duties it coordinates for its office: `rti` (applications under the
//! Right to Information Act and their statutory clocks) and `officer` (the officers each office names
//! for RTI and for grievance redress).

pub mod officer;
pub mod rti;
