//! Meetings and their minutes: the fixed fields, attendance, decisions and distribution.

use udbhabon_db::distribution::DistributionEntryRow;
use udbhabon_db::meeting::{DecisionRow, MeetingRow};
use udbhabon_db::office::OfficeRow;
use udbhabon_db::person::{PersonRow, PostRow};
use udbhabon_domain::Bilingual;

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
    /// Each invited person and whether they were present.
    pub attendance: Vec<(PersonRow, bool)>,
    pub decisions: Vec<DecisionRow>,
    pub distribution: Vec<DistributionEntryRow>,
}

impl App {
    /// The meetings of the home office, latest first.
    pub async fn meetings(&self) -> Result<Vec<MeetingRow>, Error> {
        let Some(team) = self.home_team().await? else {
            return Ok(Vec::new());
        };
        Ok(self.db.meetings_of_office(team.office_id).await?)
    }

    /// One meeting with its minutes.
    pub async fn meeting(&self, key: &str) -> Result<MeetingDetail, Error> {
        let meeting = self.db.meeting_by_key(key).await?;
        let record = &meeting.record;
        let office = self.db.office_by_id(record.office_id).await?;
        let attendance = self.db.attendance(meeting.id).await?;
        let person_ids: Vec<i32> = attendance
            .iter()
            .map(|row| row.person_id)
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
            .collect();
        let posts = self.db.posts(&post_ids).await?;
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
                    people
                        .get(&row.person_id)
                        .map(|person| (person.clone(), row.present))
                })
                .collect(),
            decisions: self.db.decisions_of_meeting(meeting.id).await?,
            distribution,
            office,
            meeting,
        })
    }
}
