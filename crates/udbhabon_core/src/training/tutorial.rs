//! An office's video-tutorial library: read by anyone signed in (the offices below train on the
//! ministry's tutorials), kept by those who run the office's team, who link each tutorial or upload its
//! video and subtitle track and put it in a planned course of the office's training plan; each reader
//! marks a tutorial finished once, and its minutes count toward their training hours of that fiscal
//! year, for their own office.

use std::collections::HashMap;

use bangla::FiscalYear;
use chrono::NaiveDate;
use udbhabon_db::DbError;
use udbhabon_db::office::OfficeRow;
use udbhabon_db::training::course::CourseRow;
use udbhabon_db::training::tutorial::{TutorialRow, TutorialVideoRow};
use udbhabon_domain::ValidationErrors;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::training::tutorial::{TutorialFields, check_tutorial};

use crate::account::SignedIn;
use crate::error::invalid;
use crate::files::{KeptFile, Receiving, StoredUpload, VIDEO, VTT, check_subtitles};
use crate::meeting::notice::id_of;
use crate::{App, Error};

/// The video a tutorial plays after an upload.
enum Played {
    New(StoredUpload),
    /// The file it played before (by its id).
    Kept(i32),
}

/// An office's library, as a reader sees it.
#[derive(Debug, Clone)]
pub struct TutorialLibrary {
    pub office: OfficeRow,
    /// The offices above it, the nearest first: their libraries train its people too.
    pub above: Vec<OfficeRow>,
    pub tutorials: Vec<TutorialRow>,
    /// How many people finished each tutorial.
    pub finished_by: HashMap<i32, usize>,
    /// The day the reader finished each tutorial they finished.
    pub finished: HashMap<i32, NaiveDate>,
    /// The planned courses its tutorials belong to, by year and as added, each with its tutorials' ids.
    pub courses: Vec<(CourseRow, Vec<i32>)>,
    /// Whether the reader keeps the library.
    pub can_manage: bool,
    /// The courses a tutorial may be put in: those of the office's plan of this year.
    pub offered: Vec<CourseRow>,
}

/// One tutorial, for its page.
#[derive(Debug, Clone)]
pub struct TutorialDetail {
    pub office: OfficeRow,
    pub row: TutorialRow,
    pub finished_by: usize,
    /// The video uploaded here, when it plays here.
    pub video: Option<TutorialVideoRow>,
    /// The day the reader finished it, if they have.
    pub finished_on: Option<NaiveDate>,
    /// The planned course it belongs to.
    pub course: Option<CourseRow>,
    pub can_manage: bool,
    /// The courses it may be put in: those of the office's plan of this year, and its own.
    pub offered: Vec<CourseRow>,
}

impl App {
    /// An office's tutorials, for anyone signed in.
    pub async fn tutorial_library(
        &self,
        who: &SignedIn,
        office_key: &str,
    ) -> Result<TutorialLibrary, Error> {
        let office = self.db.office_by_key(office_key).await?;
        let mut above: Vec<OfficeRow> = Vec::new();
        let mut parent = office.parent_id;
        while let Some(id) = parent {
            let next = self.db.office_by_id(id).await?;
            parent = next.parent_id;
            above.push(next);
        }
        let tutorials = self.db.tutorials_of(office.id).await?;
        let ids: Vec<i32> = tutorials.iter().map(|row| row.id).collect();
        let (mut finished_by, mut finished) = (HashMap::new(), HashMap::new());
        for (tutorial, person, day) in self.db.tutorial_completions(&ids).await? {
            *finished_by.entry(tutorial).or_default() += 1;
            if person == who.person_id {
                finished.insert(tutorial, day);
            }
        }
        let course_of = self.db.tutorial_courses(&ids).await?;
        let mut courses: Vec<(CourseRow, Vec<i32>)> = Vec::new();
        for row in &tutorials {
            let Some(course) = course_of.get(&row.id) else {
                continue;
            };
            match courses.iter_mut().find(|(known, _)| known.id == *course) {
                Some((_, members)) => members.push(row.id),
                None => courses.push((self.db.course(*course).await?, vec![row.id])),
            }
        }
        courses.sort_by_key(|(course, _)| (course.fiscal_year, course.id));
        let can_manage = self.may(who, Action::ManageTeam, office.id).await?;
        Ok(TutorialLibrary {
            offered: if can_manage {
                self.courses_offered(&office, None).await?
            } else {
                Vec::new()
            },
            can_manage,
            office,
            above,
            tutorials,
            finished_by,
            finished,
            courses,
        })
    }

    /// Adds a tutorial to an office's library; returns its id.
    pub async fn add_tutorial(
        &self,
        who: &SignedIn,
        office_key: &str,
        fields: &TutorialFields,
    ) -> Result<i32, Error> {
        let office = self.kept_office(who, office_key).await?;
        let (tutorial, course) = self.read_tutorial(&office, fields).await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let id = tx.insert_tutorial(office.id, &tutorial).await?;
        tx.set_tutorial_course(id, course).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// One tutorial, for anyone signed in.
    pub async fn tutorial_detail(&self, who: &SignedIn, id: i32) -> Result<TutorialDetail, Error> {
        let row = self.db.tutorial(id).await?;
        let office = self.db.office_by_id(row.office_id).await?;
        let completions = self.db.tutorial_completions(&[id]).await?;
        let course = match self.db.tutorial_courses(&[id]).await?.get(&id) {
            Some(course) => Some(self.db.course(*course).await?),
            None => None,
        };
        let can_manage = self.may(who, Action::ManageTeam, office.id).await?;
        Ok(TutorialDetail {
            offered: if can_manage {
                self.courses_offered(&office, course.as_ref()).await?
            } else {
                Vec::new()
            },
            course,
            can_manage,
            finished_by: completions.len(),
            finished_on: completions
                .iter()
                .find(|(_, person, _)| *person == who.person_id)
                .map(|(_, _, day)| *day),
            video: self.db.tutorial_video(id).await?,
            office,
            row,
        })
    }

    /// Corrects a tutorial; the minutes already counted to those who finished it stay as counted.
    pub async fn save_tutorial(
        &self,
        who: &SignedIn,
        id: i32,
        fields: &TutorialFields,
    ) -> Result<(), Error> {
        let row = self.db.tutorial(id).await?;
        self.require(who, Action::ManageTeam, row.office_id).await?;
        let office = self.db.office_by_id(row.office_id).await?;
        let (tutorial, course) = self.read_tutorial(&office, fields).await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.update_tutorial(id, &tutorial).await?;
        tx.set_tutorial_course(id, course).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Reads a tutorial's form: the tutorial, and the planned course of its office it belongs to.
    async fn read_tutorial(
        &self,
        office: &OfficeRow,
        fields: &TutorialFields,
    ) -> Result<(udbhabon_domain::training::tutorial::Tutorial, Option<i32>), Error> {
        let mut errors = ValidationErrors::new();
        let tutorial = check_tutorial(fields).map_err(|found| errors = found);
        let course = match id_of(&fields.course) {
            None if fields.course.trim().is_empty() => None,
            None => {
                errors.add("course", "error-order-unknown-choice");
                None
            }
            Some(id) => match self.db.course(id).await {
                Ok(course) if course.office_id == office.id => Some(course.id),
                Ok(_) | Err(DbError::NotFound(_)) => {
                    errors.add("course", "error-order-unknown-choice");
                    None
                }
                Err(other) => return Err(other.into()),
            },
        };
        match tutorial {
            Ok(tutorial) if errors.is_empty() => Ok((tutorial, course)),
            _ => Err(errors.into()),
        }
    }

    /// The courses a tutorial of an office may be put in: its plan's of this year, and the one it is in.
    async fn courses_offered(
        &self,
        office: &OfficeRow,
        current: Option<&CourseRow>,
    ) -> Result<Vec<CourseRow>, Error> {
        let mut offered = match FiscalYear::of(self.today()) {
            Ok(year) => self.db.courses(office.id, year.start_year()).await?,
            Err(_) => Vec::new(),
        };
        if let Some(current) = current
            && !offered.iter().any(|course| course.id == current.id)
        {
            offered.insert(0, current.clone());
        }
        Ok(offered)
    }

    /// The largest video a tutorial may upload, in bytes.
    pub fn video_bytes_most(&self) -> u64 {
        self.video_bytes_most
    }

    /// Begins receiving a tutorial's video, from one who keeps its office's library.
    pub async fn receive_video(&self, who: &SignedIn, id: i32) -> Result<Receiving, Error> {
        let row = self.db.tutorial(id).await?;
        self.require(who, Action::ManageTeam, row.office_id).await?;
        Ok(Receiving::new(&self.files, VIDEO, self.video_bytes_most))
    }

    /// Keeps what was uploaded for a tutorial once all of it passes: a video replaces the one it
    /// played, a subtitle track the one beside it (a track kept stays with a new video, whose times are
    /// usually those of the old). A first upload needs its video. `subtitles` is (file name, content),
    /// empty when none was chosen.
    pub async fn upload_video(
        &self,
        who: &SignedIn,
        id: i32,
        mut video: Receiving,
        (subtitles_name, subtitles): (String, Vec<u8>),
    ) -> Result<(), Error> {
        let row = self.db.tutorial(id).await?;
        self.require(who, Action::ManageTeam, row.office_id).await?;
        let kept = self.db.tutorial_video(id).await?;
        let mut errors = ValidationErrors::new();
        let subtitles_given = !subtitles_name.is_empty() || !subtitles.is_empty();
        if subtitles_given && let Err(key) = check_subtitles(&subtitles_name, &subtitles) {
            errors.add("subtitles", key).with("name", &subtitles_name);
            video.discard().await?;
            return Err(errors.into());
        }
        let video = video.finish("video", &mut errors).await?;
        if !errors.is_empty() {
            return Err(errors.into());
        }
        let kept_video = kept.as_ref().map(|kept| kept.video.id);
        let played = match (video, kept_video) {
            (Some(video), _) => Played::New(video),
            (None, Some(kept)) if subtitles_given => Played::Kept(kept),
            (None, Some(_)) => return Err(invalid("video", "error-video-nothing")),
            (None, None) => return Err(invalid("video", "error-video-required")),
        };
        let subtitles_sha256 = udbhabon_db::document::sha256_hex(&subtitles);
        let subtitles_size = i64::try_from(subtitles.len()).unwrap_or(i64::MAX);
        if subtitles_given {
            self.files.put(&subtitles_sha256, subtitles).await?;
        }
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let video_file_id = match played {
            Played::New(video) => {
                tx.evidence_by_hash(&video.sha256, video.media_type, video.size, &video.name)
                    .await?
            }
            Played::Kept(id) => id,
        };
        let subtitles_file_id = if subtitles_given {
            Some(
                tx.evidence_by_hash(&subtitles_sha256, VTT, subtitles_size, &subtitles_name)
                    .await?,
            )
        } else {
            kept.and_then(|kept| kept.subtitles).map(|file| file.id)
        };
        tx.set_tutorial_video(id, video_file_id, subtitles_file_id)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// A tutorial's uploaded video, to play (the route admits anyone signed in).
    pub async fn tutorial_video(&self, id: i32) -> Result<KeptFile, Error> {
        let video = self.db.tutorial_video(id).await?;
        let file = video.map(|video| video.video);
        file.map(|file| KeptFile::new(&self.files, file))
            .ok_or_else(|| Error::NotFound(format!("the video of tutorial #{id}")))
    }

    /// A tutorial's subtitle track, to play beside its video.
    pub async fn tutorial_subtitles(&self, id: i32) -> Result<KeptFile, Error> {
        let video = self.db.tutorial_video(id).await?;
        let file = video.and_then(|video| video.subtitles);
        file.map(|file| KeptFile::new(&self.files, file))
            .ok_or_else(|| Error::NotFound(format!("the subtitles of tutorial #{id}")))
    }

    /// Records that the reader finished a tutorial today, counting its minutes toward their training
    /// hours; a tutorial counts once, so finishing it again changes nothing.
    pub async fn finish_tutorial(&self, who: &SignedIn, id: i32) -> Result<(), Error> {
        let row = self.db.tutorial(id).await?;
        if row.tutorial.link.is_empty() && self.db.tutorial_video(id).await?.is_none() {
            return Err(invalid("tutorial", "error-tutorial-nothing-to-watch"));
        }
        let completions = self.db.tutorial_completions(&[id]).await?;
        if completions
            .iter()
            .any(|(_, person, _)| *person == who.person_id)
        {
            return Ok(());
        }
        // The reader's own office (that of their posting, else of their first role) counts the minutes;
        // one with neither counts them to the tutorial's office.
        let office_id = match who.offices.first() {
            Some(office) => self.db.office_by_key(&office.key).await?.id,
            None => row.office_id,
        };
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        match tx
            .complete_tutorial(
                (id, who.person_id, office_id),
                (self.today(), row.tutorial.minutes),
            )
            .await
        {
            Ok(()) => tx.commit().await?,
            // Finished in the meantime (a second press while the first was saving): nothing to do.
            Err(DbError::Conflict(_)) => {}
            Err(error) => return Err(error.into()),
        }
        Ok(())
    }
}
