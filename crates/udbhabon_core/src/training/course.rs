//! The training plan of the year: the courses an office plans, kept by those who run its trainings.

use bangla::FiscalYear;
use udbhabon_db::DbError;
use udbhabon_db::office::OfficeRow;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::training::course::{CourseFields, check_course};

use crate::account::SignedIn;
use crate::error::invalid;
use crate::{App, Error};

impl App {
    /// The fiscal year of a planned course; `None` once it is off the plan.
    pub async fn course_year(&self, id: i32) -> Result<Option<FiscalYear>, Error> {
        match self.db.course(id).await {
            Ok(row) => Ok(FiscalYear::starting_in(row.fiscal_year).ok()),
            Err(DbError::NotFound(_)) => Ok(None),
            Err(other) => Err(other.into()),
        }
    }

    /// Adds a course to an office's plan of a year; returns its id.
    pub async fn add_course(
        &self,
        who: &SignedIn,
        office_key: &str,
        year: FiscalYear,
        fields: &CourseFields,
    ) -> Result<i32, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ManageTeam, office.id).await?;
        let course = check_course(fields)?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let id = tx
            .insert_course(office.id, year.start_year(), &course)
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Corrects a course of an office's plan.
    pub async fn change_course(
        &self,
        who: &SignedIn,
        office_key: &str,
        id: i32,
        fields: &CourseFields,
    ) -> Result<(), Error> {
        self.course_of_office(who, office_key, id).await?;
        let course = check_course(fields)?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.update_course(id, &course).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Takes a course off the plan; one a training delivers stays, and the page says why.
    pub async fn remove_course(
        &self,
        who: &SignedIn,
        office_key: &str,
        id: i32,
    ) -> Result<(), Error> {
        self.course_of_office(who, office_key, id).await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        match tx.delete_course(id).await {
            Ok(()) => {}
            Err(DbError::Conflict(_)) => {
                return Err(invalid("course", "error-training-course-delivered"));
            }
            Err(other) => return Err(other.into()),
        }
        tx.commit().await?;
        Ok(())
    }

    /// The office, once `who` is known to run its trainings and the course to be on its plan.
    async fn course_of_office(
        &self,
        who: &SignedIn,
        office_key: &str,
        id: i32,
    ) -> Result<OfficeRow, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ManageTeam, office.id).await?;
        match self.db.course(id).await {
            Ok(row) if row.office_id == office.id => Ok(office),
            Ok(_) | Err(DbError::NotFound(_)) => {
                Err(invalid("course", "error-training-course-gone"))
            }
            Err(other) => Err(other.into()),
        }
    }
}
