//! The training plan of the year (প্রশিক্ষণ পরিকল্পনা): each course an office plans, with its topic,
//! audience, quarter and planned hours, checked as typed.

use serde::{Deserialize, Serialize};

use crate::training::{TrainingAudience, TrainingTopic};
use crate::vocabulary::chosen;
use crate::{Bilingual, ValidationErrors};

/// The most hours one planned course may count (a month's full-time course).
pub const MAX_COURSE_HOURS: u32 = 200;

/// A planned course.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Course {
    pub title: Bilingual,
    pub topic: TrainingTopic,
    pub audience: TrainingAudience,
    /// 1 to 4, of the fiscal year.
    pub quarter: u8,
    pub hours: u32,
}

/// A course as typed.
#[derive(Debug, Clone, Default)]
pub struct CourseFields {
    pub title: Bilingual,
    pub topic: String,
    pub audience: String,
    pub quarter: String,
    pub hours: String,
}

/// Checks a course: a Bengali title, a topic and an audience from their lists, a quarter of the year
/// and whole hours from 1 to [`MAX_COURSE_HOURS`].
pub fn check_course(fields: &CourseFields) -> Result<Course, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    if fields.title.bn.trim().is_empty() {
        errors.add("title_bn", "error-required");
    }
    let topic = chosen::<TrainingTopic>("topic", &fields.topic, &mut errors);
    let audience = chosen::<TrainingAudience>("audience", &fields.audience, &mut errors);
    let quarter = bangla::digits::parse_u32(fields.quarter.trim())
        .ok()
        .and_then(|number| u8::try_from(number).ok())
        .filter(|number| (1..=4).contains(number));
    if quarter.is_none() {
        errors.add("quarter", "error-training-quarter");
    }
    let hours = bangla::digits::parse_u32(fields.hours.trim())
        .ok()
        .filter(|hours| (1..=MAX_COURSE_HOURS).contains(hours));
    if hours.is_none() {
        errors
            .add("hours", "error-training-hours")
            .with("most", MAX_COURSE_HOURS);
    }
    match (topic, audience, quarter, hours) {
        (Some(topic), Some(audience), Some(quarter), Some(hours)) if errors.is_empty() => {
            Ok(Course {
                title: Bilingual::new(fields.title.bn.trim(), fields.title.en.trim()),
                topic,
                audience,
                quarter,
                hours,
            })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_course_reads_its_quarter_and_hours_in_either_script() {
        let fields = CourseFields {
            title: Bilingual::new("ডিজাইন থিংকিং", "Design thinking"),
            topic: "design_thinking".into(),
            audience: "team".into(),
            quarter: "২".into(),
            hours: "12".into(),
        };
        let course = check_course(&fields).unwrap();
        assert_eq!((course.quarter, course.hours), (2, 12));
        let wrong = CourseFields {
            quarter: "5".into(),
            hours: "০".into(),
            ..fields
        };
        let keys: Vec<_> = check_course(&wrong)
            .unwrap_err()
            .errors
            .iter()
            .map(|error| error.message_key)
            .collect();
        assert_eq!(keys, ["error-training-quarter", "error-training-hours"]);
    }
}
