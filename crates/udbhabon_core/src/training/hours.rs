//! Person-hours of training: each person's hours of a year from the sessions they attended and the
//! tutorials they finished, an office's total and the share of its staff who reached the hours owed,
//! and the offices directly below compared.

use std::collections::{HashMap, HashSet};

use bangla::FiscalYear;
use udbhabon_db::office::OfficeRow;
use udbhabon_db::office::person::PersonRow;
use udbhabon_db::training::ParticipantRow;
use udbhabon_domain::account::access::Action;

use crate::account::SignedIn;
use crate::training::attended_minutes;
use crate::{App, Error};

/// One person's training of the year.
#[derive(Debug, Clone)]
pub struct PersonHours {
    pub person: PersonRow,
    pub minutes: u32,
    /// The trainings they attended a session of.
    pub trainings: usize,
    /// Whether they hold one of the office's posts on the day counted.
    pub on_staff: bool,
}

/// An office's figures of the year.
#[derive(Debug, Clone)]
pub struct OfficeHours {
    pub office: OfficeRow,
    /// The people holding its posts on the day counted.
    pub staff: usize,
    /// The people from it who attended a session or finished a tutorial.
    pub trained: usize,
    /// Its staff who reached the hours owed.
    pub at_target: usize,
    pub minutes: u64,
}

/// An office's person-hours of a year.
#[derive(Debug, Clone)]
pub struct HoursOfYear {
    pub year: FiscalYear,
    pub owed_hours: u32,
    /// Staff are counted on this day: today within the year, else the year's last day.
    pub counted_on: chrono::NaiveDate,
    pub totals: OfficeHours,
    /// Its staff and everyone else from it who trained, most hours first.
    pub people: Vec<PersonHours>,
    pub below: Vec<OfficeHours>,
}

impl App {
    /// An office's person-hours of a year, for those who read its records.
    pub async fn training_hours(
        &self,
        who: &SignedIn,
        office_key: &str,
        year: FiscalYear,
    ) -> Result<HoursOfYear, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ViewOfficeRecords, office.id)
            .await?;
        let owed_minutes = self.training_hours_owed * 60;
        let counted_on = self.today().clamp(year.first_day(), year.last_day());
        let below = self.db.office_children(&[Some(office.id)]).await?;
        let office_ids: Vec<i32> = std::iter::once(office.id)
            .chain(below.iter().map(|child| child.id))
            .collect();

        let post_ids = self.db.post_ids_of_offices(&office_ids).await?;
        let posts = self.db.posts(&post_ids).await?;
        let holders = self.db.holders_on(&post_ids, counted_on).await?;
        let mut staff: HashMap<i32, HashSet<i32>> = HashMap::new();
        let mut people: HashMap<i32, PersonRow> = HashMap::new();
        for (post_id, holder) in holders {
            if let Some(post) = posts.get(&post_id) {
                staff
                    .entry(post.office_id)
                    .or_default()
                    .insert(holder.person.id);
                people.insert(holder.person.id, holder.person);
            }
        }

        let participations = self
            .db
            .participations_from(&office_ids, year.start_year())
            .await?;
        let trainings = self
            .db
            .trainings_with_ids(
                &participations
                    .iter()
                    .map(|row| row.training_id)
                    .collect::<Vec<_>>(),
            )
            .await?;
        // (office, person) → (minutes, trainings attended)
        let mut earned: HashMap<(i32, i32), (u32, usize)> = HashMap::new();
        for ParticipantRow {
            training_id,
            person_id,
            office_id,
            attended,
            ..
        } in &participations
        {
            let Some(training) = trainings.get(training_id) else {
                continue;
            };
            if attended.is_empty() {
                continue;
            }
            let entry = earned.entry((*office_id, *person_id)).or_default();
            entry.0 += attended_minutes(&training.training, attended);
            entry.1 += 1;
        }
        for ((office_id, person), minutes) in self
            .db
            .tutorial_minutes(&office_ids, (year.first_day(), year.last_day()))
            .await?
        {
            earned.entry((office_id, person)).or_default().0 += minutes;
        }
        let missing: Vec<i32> = earned
            .keys()
            .map(|(_, person)| *person)
            .filter(|person| !people.contains_key(person))
            .collect();
        people.extend(self.db.people(&missing).await?);

        let figures = |of: &OfficeRow| {
            let staff = staff.get(&of.id).cloned().unwrap_or_default();
            let minutes_of = |person: i32| earned.get(&(of.id, person)).map_or(0, |(m, _)| *m);
            OfficeHours {
                office: of.clone(),
                staff: staff.len(),
                trained: earned.keys().filter(|(at, _)| *at == of.id).count(),
                at_target: staff
                    .iter()
                    .filter(|person| minutes_of(**person) >= owed_minutes)
                    .count(),
                minutes: earned
                    .iter()
                    .filter(|((at, _), _)| *at == of.id)
                    .map(|(_, (minutes, _))| u64::from(*minutes))
                    .sum(),
            }
        };
        let own_staff = staff.get(&office.id).cloned().unwrap_or_default();
        let mut listed: Vec<PersonHours> = own_staff
            .iter()
            .copied()
            .chain(
                earned
                    .keys()
                    .filter(|(at, _)| *at == office.id)
                    .map(|(_, person)| *person),
            )
            .collect::<HashSet<i32>>()
            .into_iter()
            .filter_map(|person| {
                let (minutes, trainings) = earned
                    .get(&(office.id, person))
                    .copied()
                    .unwrap_or_default();
                Some(PersonHours {
                    person: people.get(&person)?.clone(),
                    minutes,
                    trainings,
                    on_staff: own_staff.contains(&person),
                })
            })
            .collect();
        listed.sort_by(|a, b| {
            b.minutes
                .cmp(&a.minutes)
                .then_with(|| a.person.name.bn.cmp(&b.person.name.bn))
        });
        Ok(HoursOfYear {
            year,
            owed_hours: owed_minutes / 60,
            counted_on,
            totals: figures(&office),
            people: listed,
            below: below.iter().map(figures).collect(),
        })
    }
}
