//! The video-tutorial library (ভিডিও টিউটোরিয়াল): each tutorial linked from a video service or
//! uploaded here, with its topic, the minutes it counts toward a person's training hours, a Bengali
//! description and its chapters, checked as typed.

use serde::{Deserialize, Serialize};

use crate::innovation::web_address;
use crate::register::{LONG_CHARS, SHORT_CHARS, bounded};
use crate::training::TrainingTopic;
use crate::vocabulary::chosen;
use crate::{Bilingual, ValidationErrors};

/// The most minutes one tutorial may count (a full day's recorded course).
pub const MAX_TUTORIAL_MINUTES: u32 = 480;

/// The most chapters one tutorial lists.
pub const MAX_CHAPTERS: usize = 50;

/// A chapter: where it starts, in seconds from the beginning, and what it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chapter {
    pub at: u32,
    pub title: String,
}

/// A tutorial as kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tutorial {
    pub title: Bilingual,
    pub topic: TrainingTopic,
    /// What watching it to the end counts toward a person's training hours.
    pub minutes: u32,
    /// Where it plays on a video service; empty when its video is uploaded here.
    pub link: String,
    pub description: String,
    pub chapters: Vec<Chapter>,
}

/// A tutorial as typed; the chapters one to a line, "মিনিট:সেকেন্ড শিরোনাম" (or with hours before).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct TutorialFields {
    pub title_bn: String,
    pub title_en: String,
    pub topic: String,
    pub minutes: String,
    pub link: String,
    pub description: String,
    pub chapters: String,
    /// The planned course it belongs to, as chosen: the course's id, or empty for none.
    pub course: String,
}

/// Checks a tutorial: a Bengali title, a topic, whole minutes from 1 to [`MAX_TUTORIAL_MINUTES`], the web
/// address where it plays unless its video is to be uploaded, and chapters that each start at a time
/// within it, in order.
pub fn check_tutorial(fields: &TutorialFields) -> Result<Tutorial, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let title_bn = bounded(
        "title_bn",
        &fields.title_bn,
        (true, SHORT_CHARS),
        &mut errors,
    );
    let title_en = bounded(
        "title_en",
        &fields.title_en,
        (false, SHORT_CHARS),
        &mut errors,
    );
    let topic = chosen::<TrainingTopic>("topic", &fields.topic, &mut errors);
    let minutes = bangla::digits::parse_u32(fields.minutes.trim())
        .ok()
        .filter(|minutes| (1..=MAX_TUTORIAL_MINUTES).contains(minutes));
    if minutes.is_none() {
        errors
            .add("minutes", "error-tutorial-minutes")
            .with("most", MAX_TUTORIAL_MINUTES);
    }
    let link = fields.link.trim();
    if !link.is_empty() && !web_address(link) {
        errors.add("link", "error-web-address");
    }
    let description = bounded(
        "description",
        &fields.description,
        (false, LONG_CHARS),
        &mut errors,
    );
    let chapters = chapters(&fields.chapters, minutes, &mut errors);
    match (topic, minutes) {
        (Some(topic), Some(minutes)) if errors.is_empty() => Ok(Tutorial {
            title: Bilingual::new(title_bn, title_en),
            topic,
            minutes,
            link: link.to_owned(),
            description,
            chapters,
        }),
        _ => Err(errors),
    }
}

/// The chapters typed one to a line: each a start time and a title, later than the one before and
/// within the tutorial's minutes (when they are known).
fn chapters(text: &str, minutes: Option<u32>, errors: &mut ValidationErrors) -> Vec<Chapter> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    if lines.len() > MAX_CHAPTERS {
        errors
            .add("chapters", "error-tutorial-chapters-many")
            .with("most", MAX_CHAPTERS);
        return Vec::new();
    }
    let mut chapters: Vec<Chapter> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let (time, title) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let at = start(time).filter(|at| {
            chapters.last().is_none_or(|before| *at > before.at)
                && minutes.is_none_or(|minutes| *at < minutes * 60)
        });
        match at {
            Some(at) if !title.trim().is_empty() => chapters.push(Chapter {
                at,
                title: title.trim().to_owned(),
            }),
            _ => {
                errors
                    .add("chapters", "error-tutorial-chapter")
                    .with("line", index + 1);
                return Vec::new();
            }
        }
    }
    chapters
}

/// A start time, "মিনিট:সেকেন্ড" or "ঘণ্টা:মিনিট:সেকেন্ড" in either script, in seconds.
fn start(text: &str) -> Option<u32> {
    let parts: Vec<u32> = bangla::digits::to_ascii_digits(text)
        .split(':')
        .map(|part| part.parse::<u32>().ok())
        .collect::<Option<_>>()?;
    let (hours, minutes, seconds) = match parts.as_slice() {
        [minutes, seconds] => (0, *minutes, *seconds),
        [hours, minutes, seconds] if *minutes < 60 => (*hours, *minutes, *seconds),
        _ => return None,
    };
    if seconds >= 60 {
        return None;
    }
    // A time past any tutorial's length is refused by the caller; one too long to count is refused here.
    hours
        .checked_mul(3600)?
        .checked_add(minutes.checked_mul(60)?)?
        .checked_add(seconds)
}

/// A chapter's start as written: "৫:০৭", or "১:০৫:০৭" past the first hour.
pub fn start_text(at: u32) -> String {
    let (hours, minutes, seconds) = (at / 3600, at / 60 % 60, at % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tutorial() -> TutorialFields {
        TutorialFields {
            title_bn: "ই-নথিতে পত্র জারি".into(),
            topic: "e_nothi".into(),
            minutes: "২৫".into(),
            link: "https://www.youtube.com/watch?v=example".into(),
            chapters: "০:০০ পরিচিতি\n৫:৩০ খসড়া তৈরি\n১২:০৫ অনুমোদন ও জারি".into(),
            ..TutorialFields::default()
        }
    }

    #[test]
    fn a_tutorial_reads_its_minutes_and_chapters_in_either_script() {
        let checked = check_tutorial(&tutorial()).unwrap();
        assert_eq!(checked.minutes, 25);
        assert_eq!(
            checked
                .chapters
                .iter()
                .map(|chapter| (chapter.at, chapter.title.as_str()))
                .collect::<Vec<_>>(),
            [(0, "পরিচিতি"), (330, "খসড়া তৈরি"), (725, "অনুমোদন ও জারি")]
        );
        assert_eq!(start_text(725), "12:05");
        assert_eq!(start_text(3_725), "1:02:05");
    }

    #[test]
    fn a_wrong_tutorial_names_each_field() {
        let wrong = TutorialFields {
            title_bn: " ".into(),
            topic: "cooking".into(),
            minutes: "০".into(),
            link: "youtube.com/x".into(),
            ..tutorial()
        };
        assert_eq!(
            check_tutorial(&wrong).unwrap_err().problems(),
            [
                ("title_bn".to_owned(), "error-required"),
                ("topic".to_owned(), "error-required"),
                ("minutes".to_owned(), "error-tutorial-minutes"),
                ("link".to_owned(), "error-web-address"),
            ]
        );
        // No link is a tutorial whose video is uploaded afterwards.
        let uploaded = TutorialFields {
            link: " ".into(),
            ..tutorial()
        };
        assert_eq!(check_tutorial(&uploaded).unwrap().link, "");
        // A chapter out of order, or past the tutorial's end, names its line.
        for chapters in ["১:০০ এক\n০:৩০ দুই", "২৬:০০ শেষে", "4294967295:00 উপচে পড়া"]
        {
            let wrong = TutorialFields {
                chapters: chapters.into(),
                ..tutorial()
            };
            let refused = check_tutorial(&wrong).unwrap_err();
            assert_eq!(
                refused.problems(),
                [("chapters".to_owned(), "error-tutorial-chapter")]
            );
        }
    }
}
