//! Whose members of the innovation teams of the offices below took part in an office's trainings of a
//! year: the follow-up of a decision such as "train every agency's innovation team" (decision 2.1 of the
//! seed minutes), office by office and member by member.

use std::collections::HashMap;

use bangla::FiscalYear;
use udbhabon_db::office::OfficeRow;
use udbhabon_domain::Bilingual;
use udbhabon_domain::account::access::Action;

use crate::account::SignedIn;
use crate::team::MemberDetail;
use crate::training::attended_minutes;
use crate::{App, Error};

/// A training one member attended: its id, its title and the minutes they sat.
#[derive(Debug, Clone)]
pub struct Attended {
    pub training: i32,
    pub title: Bilingual,
    pub minutes: u32,
}

/// A member of a team below, with the trainings they attended.
#[derive(Debug, Clone)]
pub struct MemberTrained {
    pub member: MemberDetail,
    pub attended: Vec<Attended>,
}

/// An office below, with its team's members; none when it has no team order in force.
#[derive(Debug, Clone)]
pub struct TeamTrained {
    pub office: OfficeRow,
    pub members: Option<Vec<MemberTrained>>,
}

impl TeamTrained {
    /// How many of its members attended a training.
    pub fn trained(&self) -> usize {
        self.members
            .iter()
            .flatten()
            .filter(|member| !member.attended.is_empty())
            .count()
    }
}

/// The teams of the offices below an office, against its trainings of a year.
#[derive(Debug, Clone)]
pub struct TeamsTrained {
    pub office: OfficeRow,
    pub year: FiscalYear,
    /// How many trainings the office held that year.
    pub trainings: usize,
    pub below: Vec<TeamTrained>,
}

impl App {
    /// Which members of the teams directly below an office attended its trainings of a year, for those
    /// who read its records. A team is as its order stood at the year's end (today, for the year
    /// under way), or as it stands today when its first order came later, as when an installation
    /// records the trainings of earlier years; a member is its post's holder then.
    pub async fn teams_trained(
        &self,
        who: &SignedIn,
        office_key: &str,
        year: FiscalYear,
    ) -> Result<TeamsTrained, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ViewOfficeRecords, office.id)
            .await?;
        let trainings = self
            .db
            .trainings_of_office(office.id, year.start_year())
            .await?;
        let participants = self
            .db
            .participants_in(&trainings.iter().map(|row| row.id).collect::<Vec<_>>())
            .await?;
        let mut attended: HashMap<i32, Vec<Attended>> = HashMap::new();
        for training in &trainings {
            for participant in participants.get(&training.id).into_iter().flatten() {
                if participant.attended.is_empty() {
                    continue;
                }
                attended
                    .entry(participant.person_id)
                    .or_default()
                    .push(Attended {
                        training: training.id,
                        title: training.training.title.clone(),
                        minutes: attended_minutes(&training.training, &participant.attended),
                    });
            }
        }
        let day = year.last_day().min(self.today());
        let mut below = Vec::new();
        for child in self.db.office_children(&[Some(office.id)]).await? {
            let team = self.db.teams_of_office(child.id).await?.into_iter().next();
            let mut order = None;
            if let Some(team) = team {
                for on in [day, self.today()] {
                    order = self.team(&team.key, on).await?.order;
                    if order.is_some() {
                        break;
                    }
                }
            }
            let members = order.map(|order| {
                order
                    .members
                    .into_iter()
                    .map(|member| MemberTrained {
                        attended: member
                            .holder
                            .as_ref()
                            .and_then(|holder| attended.get(&holder.person.id))
                            .cloned()
                            .unwrap_or_default(),
                        member,
                    })
                    .collect()
            });
            below.push(TeamTrained {
                office: child,
                members,
            });
        }
        Ok(TeamsTrained {
            office,
            year,
            trainings: trainings.len(),
            below,
        })
    }
}
