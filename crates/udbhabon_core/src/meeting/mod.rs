//! Meetings and their minutes: the fixed fields, invitees and agenda, attendance, decisions and
//! distribution.

pub mod change;
pub mod decision;
pub mod minutes;
pub mod notice;

use udbhabon_db::distribution::DistributionEntryRow;
use udbhabon_db::meeting::change::MeetingChangeRow;
use udbhabon_db::meeting::notice::{AgendaItem, Invitee};
use udbhabon_db::meeting::{DecisionRow, MeetingRow};
use udbhabon_db::office::OfficeRow;
use udbhabon_db::office::person::{PersonRow, PostRow};
use udbhabon_domain::Bilingual;

use crate::account::SignedIn;
use crate::meeting::notice::{InviteeDetail, MeetingActions};
use crate::{App, Error};

/// A meeting with everything its minutes show.
#[derive(Debug, Clone)]
pub struct MeetingDetail {
    pub meeting: MeetingRow,
    pub office: OfficeRow,
    pub chair: Option<PersonRow>,
    pub chair_designation: Option<Bilingual>,
    pub member_secretary: Option<PersonRow>,
    pub member_secretary_post: Option<PostRow>,
    pub issuer: Option<PersonRow>,
    pub issuer_post: Option<PostRow>,
    /// Who is invited, with the holders of invited posts on the meeting day.
    pub invitees: Vec<InviteeDetail>,
    /// The agenda, each item with its presenter's post.
    pub agenda: Vec<(AgendaItem, Option<PostRow>)>,
    /// Each person recorded and whether they were present.
    pub attendance: Vec<Attendee>,
    pub decisions: Vec<DecisionRow>,
    pub distribution: Vec<DistributionEntryRow>,
    /// Its postponements and cancellation, oldest first.
    pub changes: Vec<MeetingChangeRow>,
}

impl MeetingDetail {
    /// Whether the minutes are issued: before, what they say and who attended is the office's own.
    pub fn minutes_issued(&self) -> bool {
        self.meeting.record.issued_on.is_some()
    }

    /// Leaves out everything the minutes record (paragraphs, decisions, attendance, distribution and
    /// where their approval stands), keeping what the notice told the invitees.
    fn withhold_minutes(&mut self) {
        let record = &mut self.meeting.record;
        record.opening = Bilingual::default();
        record.closing = Bilingual::default();
        record.minutes_stage = None;
        record.circulated_on = None;
        record.approved_on = None;
        record.approved_by = None;
        for (item, _) in &mut self.agenda {
            item.discussion = Bilingual::default();
        }
        self.decisions.clear();
        self.attendance.clear();
        self.distribution.clear();
    }
}

/// One person on the attendance record.
#[derive(Debug, Clone)]
pub struct Attendee {
    pub person: PersonRow,
    pub present: bool,
    /// False for someone who came without an invitation.
    pub invited: bool,
}

impl App {
    /// An office's meetings, latest first: the office `key`, or the reader's when `None`.
    pub async fn meetings(
        &self,
        who: Option<&SignedIn>,
        office_key: Option<&str>,
    ) -> Result<(OfficeRow, Vec<MeetingRow>), Error> {
        let office = self.office_for(who, office_key).await?;
        let meetings = self.db.meetings_of_office(office.id).await?;
        Ok((office, meetings))
    }

    /// One meeting as `reader` may see it, with what they may do: anyone sees issued minutes; before
    /// they are issued only those who read the office's records see what the minutes and attendance
    /// say, and everyone else the notice's particulars.
    pub async fn meeting_for(
        &self,
        reader: Option<&SignedIn>,
        key: &str,
    ) -> Result<(MeetingDetail, MeetingActions), Error> {
        let mut detail = self.meeting(key).await?;
        let actions = self
            .meeting_actions(reader, detail.meeting.record.office_id)
            .await?;
        if !detail.minutes_issued() && !actions.read_records {
            detail.withhold_minutes();
        }
        Ok((detail, actions))
    }

    /// One meeting with its minutes.
    pub(crate) async fn meeting(&self, key: &str) -> Result<MeetingDetail, Error> {
        let meeting = self.db.meeting_by_key(key).await?;
        let record = &meeting.record;
        let office = self.db.office_by_id(record.office_id).await?;
        let attendance = self.db.attendance(meeting.id).await?;
        let invitees = self.db.invitees(meeting.id).await?;
        let agenda = self.db.agenda(meeting.id).await?;
        let invited_posts: Vec<i32> = invitees
            .iter()
            .filter_map(|invitee| match invitee {
                Invitee::Post(id) => Some(*id),
                Invitee::Person(_) => None,
            })
            .collect();
        let holders = self.db.holders_on(&invited_posts, record.held_on).await?;
        let person_ids: Vec<i32> = attendance
            .iter()
            .map(|row| row.person_id)
            .chain(invitees.iter().filter_map(|invitee| match invitee {
                Invitee::Person(id) => Some(*id),
                Invitee::Post(_) => None,
            }))
            .chain(
                [
                    record.chair_person_id,
                    record.member_secretary_person_id,
                    record.issuer_person_id,
                ]
                .into_iter()
                .flatten(),
            )
            .collect();
        let people = self.db.people(&person_ids).await?;
        let post_ids: Vec<i32> = [record.member_secretary_post_id, record.issuer_post_id]
            .into_iter()
            .flatten()
            .chain(invited_posts.iter().copied())
            .chain(agenda.iter().filter_map(|item| item.presenter_post_id))
            .collect();
        let posts = self.db.posts(&post_ids).await?;
        let offices = self.db.offices_of_posts(&posts).await?;
        let designations = self
            .db
            .designations(&record.chair_designation_id.into_iter().collect::<Vec<_>>())
            .await?;
        let person = |id: Option<i32>| id.and_then(|id| people.get(&id).cloned());
        let post = |id: Option<i32>| id.and_then(|id| posts.get(&id).cloned());
        let distribution = match meeting.distribution_list_id {
            Some(list_id) => self.db.distribution(list_id).await?,
            None => Vec::new(),
        };
        Ok(MeetingDetail {
            changes: self.db.meeting_changes(meeting.id).await?,
            chair: person(record.chair_person_id),
            chair_designation: record
                .chair_designation_id
                .and_then(|id| designations.get(&id).cloned()),
            member_secretary: person(record.member_secretary_person_id),
            member_secretary_post: post(record.member_secretary_post_id),
            issuer: person(record.issuer_person_id),
            issuer_post: post(record.issuer_post_id),
            attendance: attendance
                .iter()
                .filter_map(|row| {
                    people.get(&row.person_id).map(|person| Attendee {
                        person: person.clone(),
                        present: row.present,
                        invited: row.invited,
                    })
                })
                .collect(),
            invitees: invitees
                .into_iter()
                .map(|invitee| match invitee {
                    Invitee::Post(id) => InviteeDetail {
                        invitee,
                        office: post(Some(id))
                            .and_then(|post| offices.get(&post.office_id).cloned()),
                        post: post(Some(id)),
                        person: holders.get(&id).map(|holder| holder.person.clone()),
                    },
                    Invitee::Person(id) => InviteeDetail {
                        invitee,
                        post: None,
                        office: None,
                        person: person(Some(id)),
                    },
                })
                .collect(),
            agenda: agenda
                .into_iter()
                .map(|item| {
                    let presenter = post(item.presenter_post_id);
                    (item, presenter)
                })
                .collect(),
            decisions: self.db.decisions_of_meeting(meeting.id).await?,
            distribution,
            office,
            meeting,
        })
    }
}
