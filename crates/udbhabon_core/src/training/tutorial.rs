//! An office's video-tutorial library: read by anyone signed in (the offices below train on the
//! ministry's tutorials), kept by those who run the office's team; each reader marks a tutorial
//! finished once, and its minutes count toward their training hours of that fiscal year, for their own
//! office.

use std::collections::HashMap;

use chrono::NaiveDate;
use udbhabon_db::DbError;
use udbhabon_db::office::OfficeRow;
use udbhabon_db::training::tutorial::TutorialRow;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::training::tutorial::{TutorialFields, check_tutorial};

use crate::account::SignedIn;
use crate::{App, Error};

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
    /// Whether the reader keeps the library.
    pub can_manage: bool,
}

/// One tutorial, for its page.
#[derive(Debug, Clone)]
pub struct TutorialDetail {
    pub office: OfficeRow,
    pub row: TutorialRow,
    pub finished_by: usize,
    /// The day the reader finished it, if they have.
    pub finished_on: Option<NaiveDate>,
    pub can_manage: bool,
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
        Ok(TutorialLibrary {
            can_manage: self.may(who, Action::ManageTeam, office.id).await?,
            office,
            above,
            tutorials,
            finished_by,
            finished,
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
        let tutorial = check_tutorial(fields)?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let id = tx.insert_tutorial(office.id, &tutorial).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// One tutorial, for anyone signed in.
    pub async fn tutorial_detail(&self, who: &SignedIn, id: i32) -> Result<TutorialDetail, Error> {
        let row = self.db.tutorial(id).await?;
        let office = self.db.office_by_id(row.office_id).await?;
        let completions = self.db.tutorial_completions(&[id]).await?;
        Ok(TutorialDetail {
            finished_by: completions.len(),
            finished_on: completions
                .iter()
                .find(|(_, person, _)| *person == who.person_id)
                .map(|(_, _, day)| *day),
            can_manage: self.may(who, Action::ManageTeam, office.id).await?,
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
        let tutorial = check_tutorial(fields)?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.update_tutorial(id, &tutorial).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records that the reader finished a tutorial today, counting its minutes toward their training
    /// hours; a tutorial counts once, so finishing it again changes nothing.
    pub async fn finish_tutorial(&self, who: &SignedIn, id: i32) -> Result<(), Error> {
        let row = self.db.tutorial(id).await?;
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
