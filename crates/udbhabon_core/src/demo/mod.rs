//! Demo data: the Ministry of Labour and Employment's Innovation Team, transcribed from the seed
//! documents into `data/demo/mole.toml`, loaded once and idempotently.

mod file;
mod load;
mod national;

pub use load::{DemoOutcome, load_demo, load_demo_file};
pub use national::{NATIONAL_TEMPLATE, NationalOutcome, NationalSize, load_national};

/// The demo data shipped in the binary.
pub const DEMO_FILE: &str = include_str!("../../../../data/demo/mole.toml");
