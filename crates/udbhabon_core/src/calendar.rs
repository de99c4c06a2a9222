//! Calendars: the invitation a notice mail carries, a training's sessions an invitation mail carries,
//! and each account's feed of its meetings and decision deadlines, read by calendar programs through a
//! secret address.

use chrono::{Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use udbhabon_db::training::TrainingRow;
use udbhabon_docs::calendar::{CalendarEvent, CalendarKind, When, render_calendar};
use udbhabon_domain::Lang;
use udbhabon_domain::meeting::MeetingChangeKind;
use udbhabon_i18n::t;

use crate::account::SignedIn;
use crate::meeting::MeetingDetail;
use crate::meeting::notice::letter::agenda_lines;
use crate::secret::{random_token, token_hash};
use crate::{App, Error};

/// How long a meeting is taken to last: notices give a start, not an end.
const MEETING_LENGTH: Duration = Duration::hours(2);

/// The instant a meeting starts, its day and time being Dhaka's; 10:00 when no time is set.
fn starts_at(held_on: NaiveDate, time: Option<NaiveTime>) -> chrono::DateTime<Utc> {
    let local = held_on.and_time(time.unwrap_or(NaiveTime::MIN + Duration::hours(10)));
    bangla::DHAKA_OFFSET
        .from_local_datetime(&local)
        .single()
        .map_or_else(|| local.and_utc(), |at| at.with_timezone(&Utc))
}

impl App {
    /// A meeting as a calendar event: Bengali title, place and link, the agenda, and its page.
    fn meeting_event(&self, detail: &MeetingDetail) -> CalendarEvent {
        let record = &detail.meeting.record;
        let start = starts_at(record.held_on, record.starts_at);
        let location = [record.place.bn.clone(), record.online_link.clone()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" — ");
        let agenda = Lang::ALL
            .into_iter()
            .map(|lang| {
                agenda_lines(detail, lang)
                    .into_iter()
                    .map(|item| format!("{} {}", item.number, item.text))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect::<Vec<_>>()
            .join("\n\n");
        CalendarEvent {
            uid: format!("meeting-{}@udbhabon", record.key),
            summary: record.title.bn.clone(),
            description: agenda,
            location,
            url: format!("{}/meetings/{}", self.public_url, record.key),
            when: When::Between(start, start + MEETING_LENGTH),
        }
    }

    /// The invitation a notice mail carries: one event, as a request to attend.
    pub(crate) fn meeting_invitation(&self, detail: &MeetingDetail) -> String {
        render_calendar(&CalendarKind::Invitation, &[self.meeting_event(detail)])
    }

    /// The sessions of a training as one calendar to add, each session an event of its own hours.
    pub(crate) fn training_schedule(&self, row: &TrainingRow) -> String {
        let training = &row.training;
        let location = [training.venue.bn.clone(), training.online_link.clone()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" — ");
        let events: Vec<CalendarEvent> = training
            .sessions
            .iter()
            .enumerate()
            .map(|(index, session)| CalendarEvent {
                uid: format!("training-{}-session-{index}@udbhabon", row.id),
                summary: training.title.bn.clone(),
                // A session with no subject is named by its number, so that no line is empty.
                description: if session.subject.is_empty() {
                    format!(
                        "{} {}",
                        t(Lang::Bn, "training-session-short"),
                        udbhabon_i18n::format::number(Lang::Bn, index as i64 + 1)
                    )
                } else {
                    session.subject.clone()
                },
                location: location.clone(),
                url: format!("{}/trainings/{}", self.public_url, row.id),
                when: When::Between(
                    starts_at(session.on, Some(session.from)),
                    starts_at(session.on, Some(session.until)),
                ),
            })
            .collect();
        render_calendar(&CalendarKind::Schedule, &events)
    }

    /// The calendar a change notice's mail carries: the meeting moved, or called off, as the
    /// `sequence`th version of its invitation.
    pub(crate) fn meeting_change_calendar(
        &self,
        detail: &MeetingDetail,
        kind: MeetingChangeKind,
        sequence: usize,
    ) -> String {
        let sequence = u32::try_from(sequence).unwrap_or(u32::MAX);
        let kind = match kind {
            MeetingChangeKind::Postponed => CalendarKind::Update { sequence },
            MeetingChangeKind::Cancelled => CalendarKind::Cancellation { sequence },
        };
        render_calendar(&kind, &[self.meeting_event(detail)])
    }

    /// Makes a new secret address for the account's calendar feed; the previous one stops working.
    /// Returns the token the address ends in (only its hash is kept).
    pub async fn renew_calendar_feed(&self, who: &SignedIn) -> Result<String, Error> {
        let token = random_token()?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.set_calendar_token(who.account_id, &token_hash(&token))
            .await?;
        tx.commit().await?;
        Ok(token)
    }

    /// The address a calendar program subscribes to for this token.
    pub fn calendar_address(&self, token: &str) -> String {
        format!("{}/calendar/{token}.ics", self.public_url)
    }

    /// Whether the account has a calendar feed.
    pub async fn has_calendar_feed(&self, who: &SignedIn) -> Result<bool, Error> {
        Ok(self.db.has_calendar_feed(who.account_id).await?)
    }

    /// The calendar behind a feed token: the account's meetings from a month ago on (those inviting
    /// them by name, the posts they hold, or chaired by them) and the next deadlines of the open
    /// decisions of the offices they act for.
    pub async fn calendar_feed(&self, token: &str) -> Result<String, Error> {
        let account = self
            .db
            .account_by_calendar_token(&token_hash(token))
            .await?
            .ok_or_else(|| Error::NotFound("a calendar feed".into()))?;
        let who = self.signed_in_as(account, String::new()).await?;
        let today = self.today();
        let post_ids: Vec<i32> = self
            .db
            .postings_of(&[who.person_id])
            .await?
            .into_iter()
            .filter(|posting| posting.is_held_on(today))
            .map(|posting| posting.post_id)
            .collect();
        let meetings = self
            .db
            .meetings_inviting(who.person_id, &post_ids, today - Duration::days(30))
            .await?;
        let mut events = Vec::new();
        // A meeting called off leaves the calendar (its cancellation mail told the invitee's program).
        for meeting in meetings
            .into_iter()
            .filter(|meeting| meeting.cancelled_on.is_none())
        {
            let detail = self.meeting(&meeting.record.key).await?;
            events.push(self.meeting_event(&detail));
        }
        for (tracked, _) in self.open_decisions_for(&who).await? {
            let Some(due) = tracked.next_due else {
                continue;
            };
            let decision = &tracked.decision;
            events.push(CalendarEvent {
                uid: format!("decision-{}-{due}@udbhabon", decision.id),
                summary: format!(
                    "{} {}: {}",
                    t(Lang::Bn, "calendar-decision-due"),
                    udbhabon_i18n::format::digits(Lang::Bn, &decision.serial.to_string()),
                    decision.text.bn
                ),
                description: decision.text.en.clone(),
                location: String::new(),
                url: format!("{}/decisions/{}", self.public_url, decision.id),
                when: When::Day(due),
            });
        }
        Ok(render_calendar(
            &CalendarKind::Feed {
                name: t(Lang::Bn, "calendar-name"),
            },
            &events,
        ))
    }
}
