//! An office's trainings: the year's plan beside the trainings held, a training's sessions, who takes
//! part (chosen by post, by name, or a team at once) and the sessions each attended, refused when a
//! person would sit two trainings at once, and the trainings held offered to the plan's indicator;
//! `course` keeps the plan, `hours` counts person-hours, `teams` follows the teams below to their
//! training, `invitation` issues its numbered invitation, `material` keeps a training's files,
//! `certificate` issues and checks certificates, `tutorial` keeps the video-tutorial library.

pub mod certificate;
pub mod course;
pub mod hours;
pub mod invitation;
pub mod material;
pub mod teams;
pub mod tutorial;

use std::collections::{HashMap, HashSet};

use bangla::FiscalYear;
use chrono::NaiveDate;
use udbhabon_db::office::OfficeRow;
use udbhabon_db::office::memo::MemoFileRow;
use udbhabon_db::office::person::{HolderRow, PersonRow, PostRow, PostingRow};
use udbhabon_db::plan::progress::EvidenceRow;
use udbhabon_db::training::course::CourseRow;
use udbhabon_db::training::tutorial::TutorialRow;
use udbhabon_db::training::{ParticipantRow, TrainingRow};
use udbhabon_domain::account::access::Action;
use udbhabon_domain::plan::score::Measure;
use udbhabon_domain::training::{
    Session, Training, TrainingFields, check_training, clash, session_rows,
};
use udbhabon_domain::{Bilingual, ValidationErrors};

use crate::account::SignedIn;
use crate::error::invalid;
use crate::meeting::decision::{FeedBasis, FeedFigure};
use crate::meeting::notice::{PEOPLE_OFFERED, id_of};
use crate::training::invitation::Invitation;
use crate::{App, Error};

/// A training with how many took part and the person-minutes they attended.
#[derive(Debug, Clone)]
pub struct TrainingSummary {
    pub row: TrainingRow,
    pub participants: usize,
    /// Those present at one session or more.
    pub attended: usize,
    pub person_minutes: u64,
}

/// A planned course with the trainings that delivered it and the tutorials that teach it.
#[derive(Debug, Clone)]
pub struct PlannedCourse {
    pub row: CourseRow,
    pub delivered: Vec<i32>,
    pub tutorials: Vec<TutorialRow>,
}

/// An office's trainings of a year: the plan, the trainings held, and whether the reader runs them.
#[derive(Debug, Clone)]
pub struct TrainingYear {
    pub office: OfficeRow,
    pub year: FiscalYear,
    pub courses: Vec<PlannedCourse>,
    pub trainings: Vec<TrainingSummary>,
    pub can_manage: bool,
}

/// One participant as the training's page shows them.
#[derive(Debug, Clone)]
pub struct Participant {
    pub row: ParticipantRow,
    pub person: PersonRow,
    pub office: OfficeRow,
    /// The post they held in that office on the training's first day (else today), if any.
    pub post: Option<PostRow>,
    pub minutes: u32,
    /// The code of the certificate issued to them.
    pub certificate: Option<String>,
}

/// What the participant form offers: posts of the office, the office above and those below (with
/// whoever holds each today), people to name, and the offices whose team can be added at once.
#[derive(Debug, Clone, Default)]
pub struct ParticipantChoices {
    pub posts: Vec<(PostRow, OfficeRow, Option<HolderRow>)>,
    pub people: Vec<PersonRow>,
    pub teams: Vec<OfficeRow>,
}

/// A training with its participants, for those who read the office's records.
#[derive(Debug, Clone)]
pub struct TrainingDetail {
    pub row: TrainingRow,
    pub office: OfficeRow,
    pub course: Option<CourseRow>,
    pub participants: Vec<Participant>,
    /// Its materials (slides, handouts), in the order added.
    pub materials: Vec<EvidenceRow>,
    /// Its invitation, once issued.
    pub invitation: Option<Invitation>,
    /// For those who run the office's trainings.
    pub manage: Option<TrainingManagement>,
}

/// What running a training offers: the plan's courses it may deliver, who may be added, and the open
/// memo files its invitation can be numbered from.
#[derive(Debug, Clone)]
pub struct TrainingManagement {
    pub courses: Vec<CourseRow>,
    pub choices: ParticipantChoices,
    pub memo_files: Vec<MemoFileRow>,
    /// The participants (by id) whom an invitation cannot reach by mail, while it is not issued.
    pub unreached: Vec<i32>,
}

/// The participant form as typed: posts and people chosen, and the office whose team to add.
#[derive(Debug, Clone, Default)]
pub struct ParticipantFields {
    pub posts: Vec<String>,
    pub people: Vec<String>,
    pub team_office: String,
}

/// The minutes of the sessions a participant attended.
pub(crate) fn attended_minutes(training: &Training, attended: &[usize]) -> u32 {
    attended
        .iter()
        .filter_map(|index| training.sessions.get(*index))
        .map(Session::minutes)
        .sum()
}

impl App {
    /// An office's plan and trainings of a year, for those who read its records.
    pub async fn training_year(
        &self,
        who: &SignedIn,
        office_key: &str,
        year: FiscalYear,
    ) -> Result<TrainingYear, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ViewOfficeRecords, office.id)
            .await?;
        let start = year.start_year();
        let rows = self.db.trainings_of_office(office.id, start).await?;
        let mut participants_in = self
            .db
            .participants_in(&rows.iter().map(|row| row.id).collect::<Vec<_>>())
            .await?;
        let mut trainings = Vec::with_capacity(rows.len());
        for row in rows {
            let participants = participants_in.remove(&row.id).unwrap_or_default();
            trainings.push(TrainingSummary {
                participants: participants.len(),
                attended: participants
                    .iter()
                    .filter(|participant| !participant.attended.is_empty())
                    .count(),
                person_minutes: participants
                    .iter()
                    .map(|participant| {
                        u64::from(attended_minutes(&row.training, &participant.attended))
                    })
                    .sum(),
                row,
            });
        }
        let planned = self.db.courses(office.id, start).await?;
        let mut tutorials = self
            .db
            .tutorials_in_courses(&planned.iter().map(|row| row.id).collect::<Vec<_>>())
            .await?;
        let courses = planned
            .into_iter()
            .map(|row| PlannedCourse {
                delivered: trainings
                    .iter()
                    .filter(|training| training.row.course_id == Some(row.id))
                    .map(|training| training.row.id)
                    .collect(),
                tutorials: tutorials
                    .extract_if(.., |(course, _)| *course == row.id)
                    .map(|(_, tutorial)| tutorial)
                    .collect(),
                row,
            })
            .collect();
        Ok(TrainingYear {
            can_manage: self.may(who, Action::ManageTeam, office.id).await?,
            office,
            year,
            courses,
            trainings,
        })
    }

    /// A training with its participants, for those who read its office's records, with what running
    /// it offers for those who run the office's trainings.
    pub async fn training_detail(&self, who: &SignedIn, id: i32) -> Result<TrainingDetail, Error> {
        let mut detail = self.training_record(who, id).await?;
        if self.may(who, Action::ManageTeam, detail.office.id).await? {
            detail.manage = Some(self.training_management(&detail).await?);
        }
        Ok(detail)
    }

    /// A training with its participants, materials and invitation, without what running it offers.
    pub(crate) async fn training_record(
        &self,
        who: &SignedIn,
        id: i32,
    ) -> Result<TrainingDetail, Error> {
        let row = self.db.training(id).await?;
        let office = self.db.office_by_id(row.office_id).await?;
        self.require(who, Action::ViewOfficeRecords, office.id)
            .await?;
        let rows = self.db.participants(id).await?;
        let mut certificates: HashMap<i32, String> = self
            .db
            .certificates(id)
            .await?
            .into_iter()
            .map(|certificate| (certificate.participant_id, certificate.code))
            .collect();
        let people = self
            .db
            .people(&rows.iter().map(|row| row.person_id).collect::<Vec<_>>())
            .await?;
        let office_ids: Vec<i32> = rows.iter().map(|row| row.office_id).collect();
        let offices = self.db.offices_by_ids(&office_ids).await?;
        let mut posts = self
            .participants_posts(&rows, row.training.starts_on())
            .await?;
        let participants: Vec<Participant> = rows
            .into_iter()
            .filter_map(|participant| {
                Some(Participant {
                    person: people.get(&participant.person_id)?.clone(),
                    office: offices.get(&participant.office_id)?.clone(),
                    post: posts.remove(&participant.id),
                    minutes: attended_minutes(&row.training, &participant.attended),
                    certificate: certificates.remove(&participant.id),
                    row: participant,
                })
            })
            .collect();
        let course = match row.course_id {
            Some(course) => Some(self.db.course(course).await?),
            None => None,
        };
        let invitation = self.issued_invitation(id).await?;
        Ok(TrainingDetail {
            materials: self.db.training_materials(id).await?,
            invitation,
            row,
            office,
            course,
            participants,
            manage: None,
        })
    }

    /// What running a training offers: the plan's courses of its year, who may be added, the open memo
    /// files, and (until its invitation is issued) the participants mail cannot reach.
    async fn training_management(
        &self,
        detail: &TrainingDetail,
    ) -> Result<TrainingManagement, Error> {
        let unreached = if detail.invitation.is_none() {
            self.participant_reach(&detail.participants)
                .await?
                .into_iter()
                .zip(&detail.participants)
                .filter(|(address, _)| address.is_none())
                .map(|(_, participant)| participant.row.id)
                .collect()
        } else {
            Vec::new()
        };
        let office = &detail.office;
        Ok(TrainingManagement {
            courses: self.db.courses(office.id, detail.row.fiscal_year).await?,
            choices: self.participant_choices(office).await?,
            memo_files: self
                .db
                .memo_files(office.id)
                .await?
                .into_iter()
                .filter(|file| file.closed_on.is_none())
                .collect(),
            unreached,
        })
    }

    /// The post each participant (by id) held in the office they came from on `day`, else today.
    async fn participants_posts(
        &self,
        participants: &[ParticipantRow],
        day: NaiveDate,
    ) -> Result<HashMap<i32, PostRow>, Error> {
        let person_ids: Vec<i32> = participants.iter().map(|row| row.person_id).collect();
        let (postings, posts) = self
            .postings_held(&person_ids, &[day, self.today()])
            .await?;
        Ok(participants
            .iter()
            .filter_map(|participant| {
                let in_office = |posting: &&PostingRow| {
                    posting.person_id == participant.person_id
                        && posts
                            .get(&posting.post_id)
                            .is_some_and(|post| post.office_id == participant.office_id)
                };
                let posting = postings
                    .iter()
                    .filter(in_office)
                    .find(|posting| posting.is_held_on(day))
                    .or_else(|| postings.iter().find(in_office))?;
                Some((participant.id, posts.get(&posting.post_id)?.clone()))
            })
            .collect())
    }

    async fn participant_choices(&self, office: &OfficeRow) -> Result<ParticipantChoices, Error> {
        let post_ids = self.related_post_ids(office).await?;
        let mut posts = self.db.posts(&post_ids).await?;
        let holders = self.db.holders_on(&post_ids, self.today()).await?;
        let offices = self.db.offices_of_posts(&posts).await?;
        let teams = std::iter::once(office.clone())
            .chain(self.db.office_children(&[Some(office.id)]).await?)
            .collect();
        Ok(ParticipantChoices {
            posts: post_ids
                .iter()
                .filter_map(|id| {
                    let post = posts.remove(id)?;
                    let office = offices.get(&post.office_id)?.clone();
                    Some((post, office, holders.get(id).cloned()))
                })
                .collect(),
            people: self.db.search_people("", PEOPLE_OFFERED).await?,
            teams,
        })
    }

    /// Reads a training's form: the training, and the planned course of its year it delivers.
    async fn read_training(
        &self,
        office: &OfficeRow,
        fields: &TrainingFields,
        course: &str,
    ) -> Result<(Training, i32, Option<i32>), Error> {
        let mut errors = ValidationErrors::new();
        let training = check_training(fields).map_err(|found| {
            errors = found;
        });
        let course = match id_of(course) {
            None if course.trim().is_empty() => None,
            None => {
                errors.add("course", "error-order-unknown-choice");
                None
            }
            Some(id) => match self.db.course(id).await {
                Ok(row) if row.office_id == office.id => Some(row),
                Ok(_) | Err(udbhabon_db::DbError::NotFound(_)) => {
                    errors.add("course", "error-order-unknown-choice");
                    None
                }
                Err(other) => return Err(other.into()),
            },
        };
        let Ok(training) = training else {
            return Err(Error::Invalid(errors));
        };
        let year = FiscalYear::of(training.starts_on())
            .map_err(|_| invalid("session_on_0", "error-fiscal-year"))?;
        if let Some(course) = &course
            && course.fiscal_year != year.start_year()
        {
            errors.add("course", "error-training-course-year");
        }
        errors.into_result(())?;
        Ok((training, year.start_year(), course.map(|course| course.id)))
    }

    /// Adds a training of an office; returns its id. Nothing is saved unless all of it is right.
    pub async fn add_training(
        &self,
        who: &SignedIn,
        office_key: &str,
        fields: &TrainingFields,
        course: &str,
    ) -> Result<i32, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ManageTeam, office.id).await?;
        let (training, year, course) = self.read_training(&office, fields, course).await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let id = tx
            .insert_training(office.id, year, course, &training)
            .await?;
        tx.commit().await?;
        tracing::info!(training = id, office = %office.key, "training added");
        Ok(id)
    }

    /// Corrects a training. Each session keeps its attendance, whatever rows before it were emptied;
    /// a session someone attended cannot be taken away (the hours they earned would go with it), nor
    /// moved onto another training they attended at the same time.
    pub async fn change_training(
        &self,
        who: &SignedIn,
        id: i32,
        fields: &TrainingFields,
        course: &str,
    ) -> Result<(), Error> {
        let office = self.training_office(who, id).await?;
        let (training, year, course) = self.read_training(&office, fields, course).await?;
        // The form showed session i in row i.
        let rows = session_rows(fields);
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let mut row = tx.lock_training(id).await?;
        let participants = tx.participants(id).await?;
        let mut attended = HashMap::new();
        for participant in &participants {
            let moved: Option<Vec<usize>> = participant
                .attended
                .iter()
                .map(|session| rows.get(*session).copied().flatten())
                .collect();
            let Some(moved) = moved else {
                return Err(invalid("session_on_0", "error-training-sessions-attended"));
            };
            attended.insert(participant.id, moved);
        }
        row.training = training;
        self.refuse_clashes(&row, &participants, &attended).await?;
        tx.update_training(id, year, course, &row.training).await?;
        for participant in &participants {
            tx.set_attended(participant.id, &attended[&participant.id])
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The office of a training, once `who` is known to run its trainings.
    async fn training_office(&self, who: &SignedIn, id: i32) -> Result<OfficeRow, Error> {
        let row = self.db.training(id).await?;
        let office = self.db.office_by_id(row.office_id).await?;
        self.require(who, Action::ManageTeam, office.id).await?;
        Ok(office)
    }

    /// Adds participants: the holders of the posts chosen (on the training's first day, else today),
    /// the people named, and the members of the chosen office's team; someone already taking part is
    /// not added twice. Returns how many were added.
    pub async fn add_participants(
        &self,
        who: &SignedIn,
        id: i32,
        fields: &ParticipantFields,
    ) -> Result<usize, Error> {
        let office = self.training_office(who, id).await?;
        let row = self.db.training(id).await?;
        let first_day = row.training.starts_on();
        let choices = self.participant_choices(&office).await?;
        let known_posts: HashMap<i32, i32> = choices
            .posts
            .iter()
            .map(|(post, office, _)| (post.id, office.id))
            .collect();
        let mut errors = ValidationErrors::new();
        // (person, the office they come from)
        let mut chosen: Vec<(i32, i32)> = Vec::new();
        let mut posts: Vec<(i32, i32)> = Vec::new();
        for text in fields.posts.iter().filter(|text| !text.trim().is_empty()) {
            match id_of(text).and_then(|id| Some((id, *known_posts.get(&id)?))) {
                Some(post) => posts.push(post),
                None => {
                    errors.add("posts", "error-order-unknown-choice");
                }
            }
        }
        if let Some(team_office) = Some(fields.team_office.trim()).filter(|key| !key.is_empty()) {
            match choices
                .teams
                .iter()
                .find(|office| office.key == team_office)
            {
                Some(team_office) => {
                    let members = self.team_posts(team_office, first_day).await?;
                    if members.is_empty() {
                        errors.add("team_office", "error-training-no-team");
                    }
                    posts.extend(members.into_iter().map(|post| (post, team_office.id)));
                }
                None => {
                    errors.add("team_office", "error-order-unknown-choice");
                }
            }
        }
        let post_ids: Vec<i32> = posts.iter().map(|(post, _)| *post).collect();
        let on_first_day = self.db.holders_on(&post_ids, first_day).await?;
        let today = self.db.holders_on(&post_ids, self.today()).await?;
        for (post, post_office) in &posts {
            match on_first_day.get(post).or_else(|| today.get(post)) {
                Some(holder) => chosen.push((holder.person.id, *post_office)),
                None => {
                    errors.add("posts", "error-training-post-vacant");
                }
            }
        }
        for text in fields.people.iter().filter(|text| !text.trim().is_empty()) {
            let Some(person) = self.person_typed(text).await? else {
                errors.add("people", "error-person-unknown");
                continue;
            };
            let posted = match self.db.posted_offices(person, first_day).await?.first() {
                Some((office, _)) => Some(office.id),
                None => self
                    .db
                    .posted_offices(person, self.today())
                    .await?
                    .first()
                    .map(|(office, _)| office.id),
            };
            match posted {
                Some(office) => chosen.push((person, office)),
                None => {
                    errors
                        .add("people", "error-training-not-posted")
                        .with("name", text.trim());
                }
            }
        }
        if chosen.is_empty() && errors.is_empty() {
            errors.add("posts", "error-training-no-participants");
        }
        errors.into_result(())?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.lock_training(id).await?;
        let mut present: HashSet<i32> = tx
            .participants(id)
            .await?
            .into_iter()
            .map(|participant| participant.person_id)
            .collect();
        let mut added = 0;
        for (person, from) in chosen {
            if present.insert(person) {
                tx.insert_participant(id, person, from).await?;
                added += 1;
            }
        }
        tx.commit().await?;
        Ok(added)
    }

    /// The trainings an office held between two days of a year (by their first day) that someone
    /// attended, offered as a plan indicator's achievement; `None` when it recorded none.
    pub(crate) async fn trainings_feed(
        &self,
        office_id: i32,
        year: FiscalYear,
        (from, to): (NaiveDate, NaiveDate),
    ) -> Result<Option<FeedFigure>, Error> {
        let ids: Vec<i32> = self
            .db
            .trainings_of_office(office_id, year.start_year())
            .await?
            .into_iter()
            .filter(|row| (from..=to).contains(&row.training.starts_on()))
            .map(|row| row.id)
            .collect();
        let (mut held, mut attended) = (0, 0);
        for participants in self.db.participants_in(&ids).await?.values() {
            let present = participants
                .iter()
                .filter(|participant| !participant.attended.is_empty())
                .count();
            if present > 0 {
                held += 1;
                attended += present;
            }
        }
        let count = |value: usize| f64::from(u32::try_from(value).unwrap_or(u32::MAX));
        Ok((held > 0).then(|| FeedFigure {
            value: Measure::Number(count(held)),
            basis: FeedBasis::Trainings { held, attended },
        }))
    }

    /// The posts of the office's team in the order in force on `on`, else today.
    async fn team_posts(&self, office: &OfficeRow, on: NaiveDate) -> Result<Vec<i32>, Error> {
        let Some(team) = self.db.teams_of_office(office.id).await?.into_iter().next() else {
            return Ok(Vec::new());
        };
        for day in [on, self.today()] {
            if let Some(order) = self.team(&team.key, day).await?.order {
                return Ok(order.members.iter().map(|member| member.post.id).collect());
            }
        }
        Ok(Vec::new())
    }

    /// Takes a participant off a training, with what was recorded of their attendance.
    pub async fn remove_participant(
        &self,
        who: &SignedIn,
        id: i32,
        participant: i32,
    ) -> Result<(), Error> {
        self.training_office(who, id).await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.lock_training(id).await?;
        if !tx
            .participants(id)
            .await?
            .iter()
            .any(|row| row.id == participant)
        {
            return Err(invalid("participant", "error-training-participant-gone"));
        }
        if tx.certified(id).await?.contains(&participant) {
            return Err(invalid("participant", "error-training-certified"));
        }
        tx.delete_participant(participant).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records attendance: `present` holds (participant, session index) for every tick; every
    /// participant not ticked at a session was absent from it. Refused, with nothing saved, when a
    /// tick names no participant or session, or puts a person in two trainings at once.
    pub async fn record_training_attendance(
        &self,
        who: &SignedIn,
        id: i32,
        present: &[(i32, usize)],
    ) -> Result<(), Error> {
        self.training_office(who, id).await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let row = tx.lock_training(id).await?;
        let participants = tx.participants(id).await?;
        let mut attended: HashMap<i32, Vec<usize>> = participants
            .iter()
            .map(|participant| (participant.id, Vec::new()))
            .collect();
        for (participant, session) in present {
            match attended.get_mut(participant) {
                Some(sessions) if *session < row.training.sessions.len() => {
                    sessions.push(*session);
                }
                _ => return Err(invalid("attended", "error-order-unknown-choice")),
            }
        }
        self.refuse_clashes(&row, &participants, &attended).await?;
        for participant in &participants {
            let mut sessions = attended.remove(&participant.id).unwrap_or_default();
            sessions.sort_unstable();
            sessions.dedup();
            tx.set_attended(participant.id, &sessions).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Names each person marked present at a session of this training while attending another
    /// training's session at the same time.
    async fn refuse_clashes(
        &self,
        row: &TrainingRow,
        participants: &[ParticipantRow],
        attended: &HashMap<i32, Vec<usize>>,
    ) -> Result<(), Error> {
        let person_ids: Vec<i32> = participants.iter().map(|row| row.person_id).collect();
        let elsewhere: Vec<ParticipantRow> = self
            .db
            .participations_of(&person_ids)
            .await?
            .into_iter()
            .filter(|other| other.training_id != row.id && !other.attended.is_empty())
            .collect();
        if elsewhere.is_empty() {
            return Ok(());
        }
        let others = self
            .db
            .trainings_with_ids(
                &elsewhere
                    .iter()
                    .map(|other| other.training_id)
                    .collect::<Vec<_>>(),
            )
            .await?;
        let people = self.db.people(&person_ids).await?;
        let mut errors = ValidationErrors::new();
        for participant in participants {
            let here: Vec<&Session> = attended
                .get(&participant.id)
                .into_iter()
                .flatten()
                .filter_map(|index| row.training.sessions.get(*index))
                .collect();
            for other in elsewhere
                .iter()
                .filter(|other| other.person_id == participant.person_id)
            {
                let Some(training) = others.get(&other.training_id) else {
                    continue;
                };
                let there: Vec<&Session> = other
                    .attended
                    .iter()
                    .filter_map(|index| training.training.sessions.get(*index))
                    .collect();
                if clash(&here, &there).is_some() {
                    let name = people
                        .get(&participant.person_id)
                        .map_or_else(Bilingual::default, |person| person.name.clone());
                    errors
                        .add("attended", "error-training-clash")
                        .with("name", &name.bn)
                        .with("training", &training.training.title.bn);
                }
            }
        }
        Ok(errors.into_result(())?)
    }
}
