//! Calendars in iCalendar form (ICS): meetings with a start and an end, and deadlines that take a day.

use chrono::{DateTime, NaiveDate, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

/// When an event happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// From one instant to another (a meeting).
    Between(DateTime<Utc>, DateTime<Utc>),
    /// All of one day (a deadline).
    Day(NaiveDate),
}

/// One event of a calendar, its strings already localized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEvent {
    /// Stable across versions of the calendar, so that programs update the event instead of adding it.
    pub uid: String,
    pub summary: String,
    pub description: String,
    /// Empty to leave it out.
    pub location: String,
    pub url: String,
    pub when: When,
}

/// What a calendar is for: an invitation to attend (a mail's attachment) or its later version (moved,
/// or called off), a schedule to add, or a feed to subscribe to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarKind {
    Invitation,
    /// The invitation again, moved: its `sequence` (one per change) makes programs take it over the
    /// earlier one.
    Update {
        sequence: u32,
    },
    /// The invitation called off.
    Cancellation {
        sequence: u32,
    },
    /// Several events to add at once (a training's sessions), published: a request to attend may
    /// carry one event only.
    Schedule,
    Feed {
        name: String,
    },
}

/// Writes the events as an iCalendar (RFC 5545) text.
pub fn render_calendar(kind: &CalendarKind, events: &[CalendarEvent]) -> String {
    let mut calendar = Calendar::new();
    let (sequence, status) = match kind {
        CalendarKind::Invitation => {
            calendar.append_property(("METHOD", "REQUEST"));
            (None, EventStatus::Confirmed)
        }
        CalendarKind::Update { sequence } => {
            calendar.append_property(("METHOD", "REQUEST"));
            (Some(sequence), EventStatus::Confirmed)
        }
        CalendarKind::Cancellation { sequence } => {
            calendar.append_property(("METHOD", "CANCEL"));
            (Some(sequence), EventStatus::Cancelled)
        }
        CalendarKind::Schedule => {
            calendar.append_property(("METHOD", "PUBLISH"));
            (None, EventStatus::Confirmed)
        }
        CalendarKind::Feed { name } => {
            calendar.name(name);
            (None, EventStatus::Confirmed)
        }
    };
    for event in events {
        let mut built = Event::new();
        built
            .uid(&event.uid)
            .summary(&event.summary)
            .description(&event.description)
            .url(&event.url);
        if !event.location.is_empty() {
            built.location(&event.location);
        }
        if let Some(sequence) = sequence {
            built.append_property(("SEQUENCE", sequence.to_string().as_str()));
        }
        match event.when {
            When::Between(start, end) => {
                built.starts(start).ends(end).status(status);
            }
            When::Day(day) => {
                built.all_day(day);
                // A day's event (a meeting with no time) called off says so too.
                if sequence.is_some() {
                    built.status(status);
                }
            }
        }
        calendar.push(built.done());
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invitation_asks_to_attend_and_a_deadline_takes_its_day() {
        let start: DateTime<Utc> = "2026-12-17T05:00:00Z".parse().unwrap();
        let events = [
            CalendarEvent {
                uid: "meeting-1@udbhabon".into(),
                summary: "২য় সভা".into(),
                description: "১। বিবিধ".into(),
                location: "সভাকক্ষ".into(),
                url: "http://localhost/meetings/1".into(),
                when: When::Between(start, start + chrono::Duration::hours(2)),
            },
            CalendarEvent {
                uid: "decision-1@udbhabon".into(),
                summary: "সিদ্ধান্ত ২.৪".into(),
                description: String::new(),
                location: String::new(),
                url: "http://localhost/decisions/1".into(),
                when: When::Day(NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()),
            },
        ];
        let invitation = render_calendar(&CalendarKind::Invitation, &events[..1]);
        assert!(invitation.contains("METHOD:REQUEST"));
        assert!(invitation.contains("DTSTART:20261217T050000Z"));
        assert!(invitation.contains("DTEND:20261217T070000Z"));
        assert!(invitation.contains("SUMMARY:২য় সভা"));
        let feed = render_calendar(
            &CalendarKind::Feed {
                name: "সভা".into()
            },
            &events,
        );
        assert!(!feed.contains("METHOD:"));
        let schedule = render_calendar(&CalendarKind::Schedule, &events);
        assert!(schedule.contains("METHOD:PUBLISH"));
        assert_eq!(schedule.matches("BEGIN:VEVENT").count(), 2);
        let called_off = render_calendar(&CalendarKind::Cancellation { sequence: 2 }, &events[..1]);
        assert!(called_off.contains("METHOD:CANCEL"));
        assert!(called_off.contains("SEQUENCE:2"));
        assert!(called_off.contains("STATUS:CANCELLED"));
        let moved = render_calendar(&CalendarKind::Update { sequence: 1 }, &events[..1]);
        assert!(moved.contains("METHOD:REQUEST") && moved.contains("SEQUENCE:1"));
        assert!(feed.contains("DTSTART;VALUE=DATE:20261203"));
        assert!(
            !feed.contains("LOCATION:\r\n"),
            "an empty location is left out"
        );
    }
}
