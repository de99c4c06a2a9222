//! The video-tutorial library: an office's tutorials, one by its id, the planned course each belongs to,
//! who finished which and the minutes the people of some offices earned from them over some days; a
//! tutorial added or corrected, put in a course, its video and subtitles uploaded, and one finished.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use udbhabon_domain::training::tutorial::Tutorial;

use crate::entity::{
    evidence_file, tutorial, tutorial_completion, tutorial_course, tutorial_video,
};
use crate::json::{from_json, to_json};
use crate::plan::progress::EvidenceRow;
use crate::{Db, DbError, Tx};

/// A tutorial as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TutorialRow {
    pub id: i32,
    pub office_id: i32,
    pub tutorial: Tutorial,
}

/// A tutorial's uploaded video and the subtitle track beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TutorialVideoRow {
    pub video: EvidenceRow,
    pub subtitles: Option<EvidenceRow>,
}

fn tutorial_row(model: tutorial::Model) -> Result<TutorialRow, DbError> {
    Ok(TutorialRow {
        tutorial: from_json("tutorial", model.id, &model.content)?,
        id: model.id,
        office_id: model.office_id,
    })
}

impl Db {
    /// An office's tutorials, in the order added.
    pub async fn tutorials_of(&self, office_id: i32) -> Result<Vec<TutorialRow>, DbError> {
        tutorial::Entity::find()
            .filter(tutorial::Column::OfficeId.eq(office_id))
            .order_by_asc(tutorial::Column::Id)
            .all(self.connection())
            .await?
            .into_iter()
            .map(tutorial_row)
            .collect()
    }

    pub async fn tutorial(&self, id: i32) -> Result<TutorialRow, DbError> {
        tutorial::Entity::find_by_id(id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("tutorial #{id}")))
            .and_then(tutorial_row)
    }

    /// The planned course each of these tutorials belongs to, by tutorial.
    pub async fn tutorial_courses(&self, ids: &[i32]) -> Result<HashMap<i32, i32>, DbError> {
        Ok(tutorial_course::Entity::find()
            .filter(tutorial_course::Column::TutorialId.is_in(ids.iter().copied()))
            .all(self.connection())
            .await?
            .into_iter()
            .map(|model| (model.tutorial_id, model.course_id))
            .collect())
    }

    /// The tutorials of these planned courses, as (course, tutorial), in the order added.
    pub async fn tutorials_in_courses(
        &self,
        course_ids: &[i32],
    ) -> Result<Vec<(i32, TutorialRow)>, DbError> {
        let links: HashMap<i32, i32> = tutorial_course::Entity::find()
            .filter(tutorial_course::Column::CourseId.is_in(course_ids.iter().copied()))
            .all(self.connection())
            .await?
            .into_iter()
            .map(|model| (model.tutorial_id, model.course_id))
            .collect();
        tutorial::Entity::find()
            .filter(tutorial::Column::Id.is_in(links.keys().copied()))
            .order_by_asc(tutorial::Column::Id)
            .all(self.connection())
            .await?
            .into_iter()
            .map(|model| Ok((links[&model.id], tutorial_row(model)?)))
            .collect()
    }

    /// A tutorial's uploaded video, if it has one.
    pub async fn tutorial_video(&self, id: i32) -> Result<Option<TutorialVideoRow>, DbError> {
        let Some(model) = tutorial_video::Entity::find_by_id(id)
            .one(self.connection())
            .await?
        else {
            return Ok(None);
        };
        let files: HashMap<i32, EvidenceRow> = evidence_file::Entity::find()
            .filter(
                evidence_file::Column::Id.is_in(
                    [Some(model.video_file_id), model.subtitles_file_id]
                        .into_iter()
                        .flatten(),
                ),
            )
            .all(self.connection())
            .await?
            .into_iter()
            .map(|file| (file.id, EvidenceRow::from(file)))
            .collect();
        let file = |id: i32| {
            files.get(&id).cloned().ok_or_else(|| {
                DbError::NotFound(format!("file #{id} of tutorial #{}", model.tutorial_id))
            })
        };
        Ok(Some(TutorialVideoRow {
            video: file(model.video_file_id)?,
            subtitles: model.subtitles_file_id.map(file).transpose()?,
        }))
    }

    /// The day each of these tutorials was finished, by whoever finished it: (tutorial, person, day).
    pub async fn tutorial_completions(
        &self,
        tutorial_ids: &[i32],
    ) -> Result<Vec<(i32, i32, NaiveDate)>, DbError> {
        Ok(tutorial_completion::Entity::find()
            .filter(tutorial_completion::Column::TutorialId.is_in(tutorial_ids.iter().copied()))
            .order_by_asc(tutorial_completion::Column::CompletedOn)
            .all(self.connection())
            .await?
            .into_iter()
            .map(|model| (model.tutorial_id, model.person_id, model.completed_on))
            .collect())
    }

    /// The minutes people of these offices earned from tutorials finished between two days, inclusive,
    /// by (office, person).
    pub async fn tutorial_minutes(
        &self,
        office_ids: &[i32],
        (from, to): (NaiveDate, NaiveDate),
    ) -> Result<HashMap<(i32, i32), u32>, DbError> {
        let mut minutes: HashMap<(i32, i32), u32> = HashMap::new();
        for model in tutorial_completion::Entity::find()
            .filter(tutorial_completion::Column::OfficeId.is_in(office_ids.iter().copied()))
            .filter(tutorial_completion::Column::CompletedOn.between(from, to))
            .all(self.connection())
            .await?
        {
            *minutes
                .entry((model.office_id, model.person_id))
                .or_default() += u32::try_from(model.minutes).unwrap_or_default();
        }
        Ok(minutes)
    }
}

impl Tx {
    pub async fn insert_tutorial(
        &self,
        office_id: i32,
        tutorial: &Tutorial,
    ) -> Result<i32, DbError> {
        let row = tutorial::ActiveModel {
            office_id: Set(office_id),
            content: Set(to_json(tutorial)?),
            updated_by: Set(self.author.label.clone()),
            updated_at: Set(self.author.at),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    pub async fn update_tutorial(&self, id: i32, tutorial: &Tutorial) -> Result<(), DbError> {
        let before = tutorial::Entity::find_by_id(id)
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("tutorial #{id}")))?;
        let content = to_json(tutorial)?;
        let (label, at) = (self.author.label.clone(), self.author.at);
        self.update_audited(before, |active: &mut tutorial::ActiveModel| {
            active.content = Set(content);
            active.updated_by = Set(label);
            active.updated_at = Set(at);
        })
        .await?;
        Ok(())
    }

    /// Sets the files a tutorial plays: its video, and its subtitle track (none removes the one kept).
    pub async fn set_tutorial_video(
        &self,
        tutorial_id: i32,
        video_file_id: i32,
        subtitles_file_id: Option<i32>,
    ) -> Result<(), DbError> {
        let (label, at) = (self.author.label.clone(), self.author.at);
        match tutorial_video::Entity::find_by_id(tutorial_id)
            .one(&self.transaction)
            .await?
        {
            Some(before) => {
                self.update_audited(before, |active: &mut tutorial_video::ActiveModel| {
                    active.video_file_id = Set(video_file_id);
                    active.subtitles_file_id = Set(subtitles_file_id);
                    active.updated_by = Set(label);
                    active.updated_at = Set(at);
                })
                .await?;
            }
            None => {
                self.insert_audited(tutorial_video::ActiveModel {
                    tutorial_id: Set(tutorial_id),
                    video_file_id: Set(video_file_id),
                    subtitles_file_id: Set(subtitles_file_id),
                    updated_by: Set(label),
                    updated_at: Set(at),
                })
                .await?;
            }
        }
        Ok(())
    }

    /// Puts a tutorial in a planned course, or in none.
    pub async fn set_tutorial_course(
        &self,
        tutorial_id: i32,
        course_id: Option<i32>,
    ) -> Result<(), DbError> {
        let before = tutorial_course::Entity::find_by_id(tutorial_id)
            .one(&self.transaction)
            .await?;
        if before.as_ref().map(|model| model.course_id) == course_id {
            return Ok(());
        }
        if let Some(before) = before {
            self.delete_audited::<tutorial_course::ActiveModel>(before)
                .await?;
        }
        if let Some(course_id) = course_id {
            self.insert_audited(tutorial_course::ActiveModel {
                tutorial_id: Set(tutorial_id),
                course_id: Set(course_id),
                updated_by: Set(self.author.label.clone()),
                updated_at: Set(self.author.at),
            })
            .await?;
        }
        Ok(())
    }

    /// Records a person's finishing a tutorial from an office, with the minutes it counts; finished
    /// before, it is a conflict (its minutes count once).
    pub async fn complete_tutorial(
        &self,
        (tutorial_id, person_id, office_id): (i32, i32, i32),
        (completed_on, minutes): (NaiveDate, u32),
    ) -> Result<(), DbError> {
        let row = tutorial_completion::ActiveModel {
            tutorial_id: Set(tutorial_id),
            person_id: Set(person_id),
            office_id: Set(office_id),
            completed_on: Set(completed_on),
            minutes: Set(i32::try_from(minutes).unwrap_or(i32::MAX)),
            updated_by: Set(self.author.label.clone()),
            updated_at: Set(self.author.at),
            ..Default::default()
        };
        self.insert_audited(row).await?;
        Ok(())
    }
}
