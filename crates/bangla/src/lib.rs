//! Bangla for Bangladeshi government software: Bengali digits, lakh/crore grouping and taka amounts, the
//! revised Bangla calendar (বঙ্গাব্দ), the July–June fiscal year and its quarters, Dhaka local time, and
//! the written date and time styles of government documents — each both ways (format and parse).
//!
//! The rules follow `domain.md` §8.3 and §9 of the project. In short:
//!
//! - Bangla dates use the 2019 revision from Bangla year 1426 and the earlier rule up to 1425, with
//!   1 Boishakh on 14 April every year: 26 January 2026 is ১২ মাঘ ১৪৩২.
//! - Convert the **Dhaka** date ([`today_in_dhaka`]), never the UTC date of a timestamp.
//! - Store digits as ASCII ([`to_ascii_digits`]) and render them in Bengali ([`to_bengali_digits`]).
//! - Money is an exact count of paisa ([`number::format_taka_bn`]), never a float.
//!
//! ```
//! use bangla::{BanglaDate, FiscalYear, Quarter, format};
//! use chrono::NaiveDate;
//!
//! let date = NaiveDate::from_ymd_opt(2026, 1, 26).unwrap();
//! let bangla_date = BanglaDate::from_gregorian(date)?;
//! assert_eq!(format::bangla_date_long_bn_with_era(bangla_date), "১২ মাঘ ১৪৩২ বঙ্গাব্দ");
//! assert_eq!(format::gregorian_date_long_bn_with_era(date), "২৬ জানুয়ারি ২০২৬ খ্রিস্টাব্দ");
//! assert_eq!(FiscalYear::of(date)?.short_bn(), "২০২৫-২৬");
//! assert_eq!(Quarter::of(date).name_bn(), "৩য় ত্রৈমাসিক");
//! assert_eq!(bangla::number::format_taka_bn(123_456_750), "৳ ১২,৩৪,৫৬৭.৫০");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod calendar;
pub mod dhaka;
pub mod digits;
pub mod fiscal;
pub mod format;
pub mod grammar;
pub mod legacy;
pub mod names;
pub mod number;
pub mod search;
mod text;

pub use text::search_key;

pub use calendar::{BanglaDate, BanglaMonth, CalendarError, Season};
pub use dhaka::{DHAKA_OFFSET, end_of_day_in_dhaka, today_in_dhaka};
pub use digits::{ParseNumberError, to_ascii_digits, to_bengali_digits};
pub use fiscal::{FiscalYear, FiscalYearError, Quarter};
pub use format::{DayPeriod, ParseDateError, ParseTimeError, parse_date, parse_time};
