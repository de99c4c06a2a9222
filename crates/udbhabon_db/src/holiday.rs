//! The government's holidays: read for a year or whole for the working-day calendar, and added,
//! corrected and removed by the administrator, a day never held by two holidays.

use chrono::NaiveDate;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use udbhabon_domain::holiday::{Holiday, HolidayKind};
use udbhabon_domain::{Bilingual, Vocabulary};

use crate::entity::holiday;
use crate::{Db, DbError, Tx};

/// A holiday as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidayRow {
    pub id: i32,
    pub holiday: Holiday,
}

impl TryFrom<holiday::Model> for HolidayRow {
    type Error = DbError;

    fn try_from(model: holiday::Model) -> Result<Self, DbError> {
        let kind = HolidayKind::from_code(&model.kind)
            .map_err(|error| DbError::Other(format!("holiday #{}: {error}", model.id)))?;
        Ok(Self {
            id: model.id,
            holiday: Holiday {
                name: Bilingual::new(model.name_bn, model.name_en),
                kind,
                starts: model.starts_on,
                ends: model.ends_on,
                moon: model.moon,
            },
        })
    }
}

fn rows(models: Vec<holiday::Model>) -> Result<Vec<HolidayRow>, DbError> {
    models.into_iter().map(TryInto::try_into).collect()
}

/// The holidays whose first day falls from `first` to `last`, in date order.
fn starting_within(first: NaiveDate, last: NaiveDate) -> sea_orm::Select<holiday::Entity> {
    holiday::Entity::find()
        .filter(holiday::Column::StartsOn.between(first, last))
        .order_by_asc(holiday::Column::StartsOn)
}

impl Db {
    /// Every holiday recorded, in date order: what the working-day calendar counts on.
    pub async fn holidays(&self) -> Result<Vec<HolidayRow>, DbError> {
        rows(
            holiday::Entity::find()
                .order_by_asc(holiday::Column::StartsOn)
                .all(self.connection())
                .await?,
        )
    }

    /// The holidays beginning in a calendar year, in date order.
    pub async fn holidays_of_year(&self, year: i32) -> Result<Vec<HolidayRow>, DbError> {
        let (Some(first), Some(last)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            return Ok(Vec::new());
        };
        rows(starting_within(first, last).all(self.connection()).await?)
    }

    pub async fn holiday(&self, id: i32) -> Result<HolidayRow, DbError> {
        holiday::Entity::find_by_id(id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("holiday #{id}")))?
            .try_into()
    }
}

impl Tx {
    /// The holidays sharing a day with the run from `starts` to `ends`, read under the write lock.
    pub async fn holidays_overlapping(
        &self,
        starts: NaiveDate,
        ends: NaiveDate,
    ) -> Result<Vec<HolidayRow>, DbError> {
        rows(
            holiday::Entity::find()
                .filter(holiday::Column::StartsOn.lte(ends))
                .filter(holiday::Column::EndsOn.gte(starts))
                .order_by_asc(holiday::Column::StartsOn)
                .all(&self.transaction)
                .await?,
        )
    }

    pub async fn insert_holiday(&self, holiday: &Holiday) -> Result<i32, DbError> {
        let row = holiday::ActiveModel {
            starts_on: Set(holiday.starts),
            ends_on: Set(holiday.ends),
            name_bn: Set(holiday.name.bn.clone()),
            name_en: Set(holiday.name.en.clone()),
            kind: Set(holiday.kind.code().to_owned()),
            moon: Set(holiday.moon),
            updated_by: Set(self.author.label.clone()),
            updated_at: Set(self.author.at),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    async fn locked_holiday(&self, id: i32) -> Result<holiday::Model, DbError> {
        holiday::Entity::find_by_id(id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("holiday #{id}")))
    }

    /// Corrects a holiday: a moon-dependent one moved to the day announced, a name or kind put right.
    pub async fn update_holiday(&self, id: i32, holiday: &Holiday) -> Result<(), DbError> {
        let before = self.locked_holiday(id).await?;
        let (label, at) = (self.author.label.clone(), self.author.at);
        self.update_audited(before, |active: &mut holiday::ActiveModel| {
            active.starts_on = Set(holiday.starts);
            active.ends_on = Set(holiday.ends);
            active.name_bn = Set(holiday.name.bn.clone());
            active.name_en = Set(holiday.name.en.clone());
            active.kind = Set(holiday.kind.code().to_owned());
            active.moon = Set(holiday.moon);
            active.updated_by = Set(label);
            active.updated_at = Set(at);
        })
        .await?;
        Ok(())
    }

    pub async fn delete_holiday(&self, id: i32) -> Result<(), DbError> {
        let before = self.locked_holiday(id).await?;
        self.delete_audited::<holiday::ActiveModel>(before).await
    }
}
