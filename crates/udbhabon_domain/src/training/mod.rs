//! Trainings (প্রশিক্ষণ): an event's topic, audience, mode, trainers and sessions, checked as typed;
//! the hours a session counts and when two sessions overlap, for each person's hours of the year;
//! `tutorial` checks the video tutorials that count toward them too.

pub mod certificate;
pub mod course;
pub mod tutorial;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::innovation::web_address;
use crate::vocabulary::{chosen, vocabulary};
use crate::{Bilingual, ValidationErrors};

/// The hours of training a year every public servant owes under the Public Administration Training
/// Policy, 2003, unless the installation sets another figure.
pub const HOURS_OWED_BY_POLICY: u32 = 60;

/// The most sessions one training holds (a fortnight's course of two sessions a day fits).
pub const MAX_SESSIONS: usize = 40;

vocabulary! {
    /// What a training teaches.
    pub enum TrainingTopic ("training topic", "training-topic") {
        Innovation => "innovation",
        ServiceSimplification => "service_simplification",
        ENothi => "e_nothi",
        DesignThinking => "design_thinking",
        CyberHygiene => "cyber_hygiene",
        DigitalServices => "digital_services",
        Grs => "grs",
        Rti => "rti",
        Integrity => "integrity",
        Data => "data",
        Other => "other",
    }
}

vocabulary! {
    /// Whom a training is for.
    pub enum TrainingAudience ("training audience", "training-audience") {
        /// The organising office's own innovation team.
        Team => "team",
        /// The innovation teams of the offices below.
        TeamsBelow => "teams_below",
        /// All the office's staff.
        AllStaff => "all_staff",
    }
}

vocabulary! {
    /// How a training is given.
    pub enum TrainingMode ("training mode", "training-mode") {
        /// In the office, by its own or guest trainers.
        InHouse => "in_house",
        /// At a training institute or another office.
        External => "external",
        /// Online, live.
        Online => "online",
    }
}

/// One sitting of a training: a day, its hours and what it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub on: NaiveDate,
    pub from: NaiveTime,
    pub until: NaiveTime,
    /// What the session covers; may be empty.
    #[serde(default)]
    pub subject: String,
}

impl Session {
    /// The minutes it lasts.
    pub fn minutes(&self) -> u32 {
        u32::try_from((self.until - self.from).num_minutes()).unwrap_or(0)
    }

    /// Whether a person could not sit both: the same day with hours in common.
    pub fn overlaps(&self, other: &Session) -> bool {
        self.on == other.on && self.from < other.until && other.from < self.until
    }
}

/// A training as it is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Training {
    pub title: Bilingual,
    pub topic: TrainingTopic,
    pub audience: TrainingAudience,
    pub mode: TrainingMode,
    /// Where it is held; may be empty for an online training.
    pub venue: Bilingual,
    pub online_link: String,
    /// Who gives it besides the office (a2i, BPATC…); may be empty.
    pub provider: String,
    /// The office's own trainers, one name each.
    pub trainers: Vec<String>,
    /// Trainers from outside.
    pub guest_trainers: Vec<String>,
    /// In the order entered; attendance refers to them by position.
    pub sessions: Vec<Session>,
}

impl Training {
    /// The first day, by which the training belongs to a fiscal year.
    pub fn starts_on(&self) -> NaiveDate {
        self.sessions
            .iter()
            .map(|session| session.on)
            .min()
            .unwrap_or_default()
    }

    /// The last day.
    pub fn ends_on(&self) -> NaiveDate {
        self.sessions
            .iter()
            .map(|session| session.on)
            .max()
            .unwrap_or_default()
    }

    /// The minutes of all its sessions.
    pub fn minutes(&self) -> u32 {
        self.sessions.iter().map(Session::minutes).sum()
    }
}

/// A training as typed in its form: every value as text, sessions as parallel rows.
#[derive(Debug, Clone, Default)]
pub struct TrainingFields {
    pub title: Bilingual,
    pub topic: String,
    pub audience: String,
    pub mode: String,
    pub venue: Bilingual,
    pub online_link: String,
    pub provider: String,
    /// One name per line.
    pub trainers: String,
    pub guest_trainers: String,
    pub session_on: Vec<String>,
    pub session_from: Vec<String>,
    pub session_until: Vec<String>,
    pub session_subject: Vec<String>,
}

fn names(lines: &str) -> Vec<String> {
    lines
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Row `index` of a column of rows, trimmed; empty past the column's end.
fn cell(column: &[String], index: usize) -> &str {
    column.get(index).map_or("", |text| text.trim())
}

/// Whether row `index` of the sessions was left wholly empty.
fn blank_row(fields: &TrainingFields, index: usize) -> bool {
    [
        &fields.session_on,
        &fields.session_from,
        &fields.session_until,
        &fields.session_subject,
    ]
    .iter()
    .all(|column| cell(column, index).is_empty())
}

/// Where each typed row's session stands in the training [`check_training`] reads: `None` for a
/// row left empty. A training's form shows its sessions in their order, one per row, so that a
/// session keeps its attendance when the rows before it change.
pub fn session_rows(fields: &TrainingFields) -> Vec<Option<usize>> {
    let mut next = 0;
    (0..fields.session_on.len())
        .map(|index| {
            (!blank_row(fields, index)).then(|| {
                next += 1;
                next - 1
            })
        })
        .collect()
}

/// Reads the session rows in the order typed; a row left wholly empty is skipped, a half-filled
/// one named.
fn sessions(fields: &TrainingFields, errors: &mut ValidationErrors) -> Vec<Session> {
    let mut sessions = Vec::new();
    for index in 0..fields.session_on.len() {
        if blank_row(fields, index) {
            continue;
        }
        let (on, from, until) = (
            cell(&fields.session_on, index),
            cell(&fields.session_from, index),
            cell(&fields.session_until, index),
        );
        let subject = cell(&fields.session_subject, index);
        let on = bangla::parse_date(on).ok();
        if on.is_none() {
            errors.add(format!("session_on_{index}"), "error-bad-date");
        }
        let from = bangla::parse_time(from).ok();
        let until = bangla::parse_time(until).ok();
        if from.is_none() || until.is_none() {
            errors.add(format!("session_from_{index}"), "error-meeting-bad-time");
        }
        if let (Some(on), Some(from), Some(until)) = (on, from, until) {
            if until <= from {
                errors.add(
                    format!("session_from_{index}"),
                    "error-training-session-order",
                );
            } else {
                sessions.push(Session {
                    on,
                    from,
                    until,
                    subject: subject.to_owned(),
                });
            }
        }
    }
    let overlapping = sessions.iter().enumerate().any(|(index, session)| {
        sessions[index + 1..]
            .iter()
            .any(|later| session.overlaps(later))
    });
    if overlapping {
        errors.add("session_on_0", "error-training-sessions-overlap");
    }
    sessions
}

/// Checks a training: a Bengali title, a topic, an audience and a mode from their lists, a venue or a
/// web address to join at, and one to [`MAX_SESSIONS`] sessions that each end after they start and do
/// not overlap; every problem is named at once.
pub fn check_training(fields: &TrainingFields) -> Result<Training, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    if fields.title.bn.trim().is_empty() {
        errors.add("title_bn", "error-required");
    }
    let topic = chosen::<TrainingTopic>("topic", &fields.topic, &mut errors);
    let audience = chosen::<TrainingAudience>("audience", &fields.audience, &mut errors);
    let mode = chosen::<TrainingMode>("mode", &fields.mode, &mut errors);
    let link = fields.online_link.trim();
    if !(link.is_empty() || web_address(link)) {
        errors.add("online_link", "error-meeting-bad-link");
    }
    if fields.venue.bn.trim().is_empty() && link.is_empty() {
        errors.add("venue_bn", "error-meeting-no-place");
    }
    let sessions = sessions(fields, &mut errors);
    if sessions.is_empty() && errors.is_empty() {
        errors.add("session_on_0", "error-training-no-sessions");
    }
    if sessions.len() > MAX_SESSIONS {
        errors
            .add("session_on_0", "error-training-too-many-sessions")
            .with("most", MAX_SESSIONS);
    }
    match (topic, audience, mode) {
        (Some(topic), Some(audience), Some(mode)) if errors.is_empty() => Ok(Training {
            title: Bilingual::new(fields.title.bn.trim(), fields.title.en.trim()),
            topic,
            audience,
            mode,
            venue: Bilingual::new(fields.venue.bn.trim(), fields.venue.en.trim()),
            online_link: link.to_owned(),
            provider: fields.provider.trim().to_owned(),
            trainers: names(&fields.trainers),
            guest_trainers: names(&fields.guest_trainers),
            sessions,
        }),
        _ => Err(errors),
    }
}

/// Whether a person present at `attended` sessions of one training sits at the same time in another
/// training's `elsewhere`: the first clash, as (this session, the other), by index.
pub fn clash(attended: &[&Session], elsewhere: &[&Session]) -> Option<(usize, usize)> {
    attended.iter().enumerate().find_map(|(here, session)| {
        elsewhere
            .iter()
            .position(|other| session.overlaps(other))
            .map(|there| (here, there))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> TrainingFields {
        TrainingFields {
            title: Bilingual::new(
                "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা বাস্তবায়ন বিষয়ক প্রশিক্ষণ",
                "Training on implementing the e-Governance and Innovation Action Plan",
            ),
            topic: "innovation".into(),
            audience: "teams_below".into(),
            mode: "in_house".into(),
            venue: Bilingual::new("মন্ত্রণালয়ের সভাকক্ষ", "The ministry's meeting room"),
            trainers: "মেহরাব হোসেন\n\n".into(),
            session_on: vec!["২৫-০৯-২০২২".into(), "2022-09-25".into(), String::new()],
            session_from: vec!["১০:০০".into(), "14:00".into(), String::new()],
            session_until: vec!["১৩:০০".into(), "16:30".into(), String::new()],
            session_subject: vec!["কর্মপরিকল্পনা".into(), String::new(), String::new()],
            ..TrainingFields::default()
        }
    }

    fn keys(fields: &TrainingFields) -> Vec<String> {
        check_training(fields)
            .unwrap_err()
            .errors
            .iter()
            .map(|error| format!("{}:{}", error.field, error.message_key))
            .collect()
    }

    #[test]
    fn a_training_counts_the_minutes_of_its_sessions_in_either_script() {
        let training = check_training(&fields()).unwrap();
        assert_eq!(training.sessions.len(), 2);
        assert_eq!(training.minutes(), 180 + 150);
        assert_eq!(training.trainers, ["মেহরাব হোসেন"]);
        assert_eq!(
            training.starts_on(),
            NaiveDate::from_ymd_opt(2022, 9, 25).unwrap()
        );
    }

    #[test]
    fn sessions_must_end_after_they_start_and_not_overlap() {
        let backwards = TrainingFields {
            session_until: vec!["০৯:০০".into(), "16:30".into()],
            ..fields()
        };
        assert_eq!(
            keys(&backwards),
            ["session_from_0:error-training-session-order"]
        );
        let overlapping = TrainingFields {
            session_from: vec!["10:00".into(), "12:00".into()],
            ..fields()
        };
        assert_eq!(
            keys(&overlapping),
            ["session_on_0:error-training-sessions-overlap"]
        );
        let none = TrainingFields {
            session_on: Vec::new(),
            ..fields()
        };
        assert_eq!(keys(&none), ["session_on_0:error-training-no-sessions"]);
        let half = TrainingFields {
            session_on: vec!["kal".into(), String::new()],
            ..fields()
        };
        assert_eq!(
            keys(&half),
            ["session_on_0:error-bad-date", "session_on_1:error-bad-date"]
        );
    }

    #[test]
    fn each_row_keeps_its_session_when_an_earlier_row_is_emptied() {
        let emptied = TrainingFields {
            session_on: vec![String::new(), "2022-09-25".into(), "2022-09-26".into()],
            session_from: vec![String::new(), "14:00".into(), "10:00".into()],
            session_until: vec![String::new(), "16:30".into(), "13:00".into()],
            session_subject: Vec::new(),
            ..fields()
        };
        assert_eq!(session_rows(&emptied), [None, Some(0), Some(1)]);
        let training = check_training(&emptied).unwrap();
        assert_eq!(training.sessions[1].on.to_string(), "2022-09-26");
    }

    #[test]
    fn a_training_needs_a_place_to_be_held_and_its_lists_chosen() {
        let nowhere = TrainingFields {
            venue: Bilingual::default(),
            ..fields()
        };
        assert_eq!(keys(&nowhere), ["venue_bn:error-meeting-no-place"]);
        let unknown = TrainingFields {
            topic: "astrology".into(),
            online_link: "meet.example".into(),
            ..fields()
        };
        assert_eq!(
            keys(&unknown),
            ["topic:error-required", "online_link:error-meeting-bad-link"]
        );
        let online = TrainingFields {
            venue: Bilingual::default(),
            online_link: "https://meet.example/innovation".into(),
            ..fields()
        };
        assert!(check_training(&online).is_ok());
    }

    #[test]
    fn a_clash_is_found_between_two_trainings_sessions() {
        let training = check_training(&fields()).unwrap();
        let at = |on: (i32, u32, u32), from: u32, until: u32| Session {
            on: NaiveDate::from_ymd_opt(on.0, on.1, on.2).unwrap(),
            from: NaiveTime::from_hms_opt(from, 0, 0).unwrap(),
            until: NaiveTime::from_hms_opt(until, 0, 0).unwrap(),
            subject: String::new(),
        };
        let attended: Vec<&Session> = training.sessions.iter().collect();
        let afternoon = at((2022, 9, 25), 16, 17);
        let next_day = at((2022, 9, 26), 10, 13);
        assert_eq!(clash(&attended, &[&next_day, &afternoon]), Some((1, 1)));
        assert_eq!(clash(&attended, &[&next_day]), None);
        let back_to_back = at((2022, 9, 25), 13, 14);
        assert_eq!(clash(&attended, &[&back_to_back]), None);
    }
}
