//! The team's registers of the duties it coordinates for its office: `rti` (applications under the
//! Right to Information Act and their statutory clocks).

pub mod rti;
