//! The half-yearly self-assessment of a plan and its mid-year review: the office marks itself on the
//! first two quarters, the office above gives its own marks and feedback (ফলাবর্তক); both are dated
//! against the template's due dates.

use crate::plan::progress::read_measure;
use crate::plan::score::{Calculation, Measure, MeasureUnit, annual_achievement};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// Where a self-assessment is.
    pub enum AssessmentStatus ("self-assessment status", "assessment-status") {
        /// Sent by the office; it may send it again until it is reviewed.
        Submitted => "submitted",
        /// Marked by the office above, with its feedback: nothing changes any more.
        Reviewed => "reviewed",
    }
}

/// The quarters a half-yearly self-assessment covers.
pub const HALF_YEAR_QUARTERS: usize = 2;

/// The achievement of the first half-year from the quarters' values, by the indicator's calculation:
/// the later quarters count as not reported.
pub fn half_year_achievement(
    calculation: Calculation,
    quarters: &[Option<Measure>; 4],
) -> Option<Measure> {
    annual_achievement(calculation, &quarters[..HALF_YEAR_QUARTERS])
}

/// The reviewer's marks for an indicator, typed in either script: a number from 0 to its weight.
pub fn read_reviewed_marks(text: &str, weight: f64) -> Result<f64, &'static str> {
    match read_measure(MeasureUnit::Number, text)? {
        Measure::Number(marks) if (0.0..=weight).contains(&marks) => Ok(marks),
        _ => Err("error-assessment-marks-range"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_half_year_counts_only_the_first_two_quarters() {
        let quarters = [
            Some(Measure::Number(1.0)),
            Some(Measure::Number(2.0)),
            Some(Measure::Number(4.0)),
            None,
        ];
        assert_eq!(
            half_year_achievement(Calculation::Sum, &quarters),
            Some(Measure::Number(3.0))
        );
        assert_eq!(
            half_year_achievement(Calculation::Cumulative, &quarters),
            Some(Measure::Number(2.0))
        );
        assert_eq!(half_year_achievement(Calculation::Sum, &[None; 4]), None);
    }

    #[test]
    fn reviewed_marks_are_read_in_either_script_and_kept_within_the_weight() {
        assert_eq!(read_reviewed_marks("৫.৫", 8.0), Ok(5.5));
        assert_eq!(read_reviewed_marks("8", 8.0), Ok(8.0));
        assert_eq!(read_reviewed_marks("0", 8.0), Ok(0.0));
        assert_eq!(
            read_reviewed_marks("৯", 8.0),
            Err("error-assessment-marks-range")
        );
        assert_eq!(
            read_reviewed_marks("-1", 8.0),
            Err("error-assessment-marks-range")
        );
        assert_eq!(read_reviewed_marks("", 8.0), Err("error-required"));
        assert_eq!(
            read_reviewed_marks("আট", 8.0),
            Err("error-plan-not-a-number")
        );
    }
}
