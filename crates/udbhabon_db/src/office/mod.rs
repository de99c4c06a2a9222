//! Reading offices and their units; a subtree is one query on the materialized ancestor path.

pub mod memo;
pub mod person;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use udbhabon_domain::office::{OfficeKind, UnitLevel};
use udbhabon_domain::{Bilingual, Vocabulary};

use crate::entity::{office, unit};
use crate::{Db, DbError};

/// An office as pages and documents need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeRow {
    pub id: i32,
    pub key: String,
    pub parent_id: Option<i32>,
    pub kind: OfficeKind,
    pub name: Bilingual,
    pub short_name_en: Option<String>,
    pub memo_code: Option<String>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// The Bureau of Statistics code of the district a field office sits in.
    pub district_code: Option<String>,
    /// How many ancestors the office has (a ministry at the top is 0).
    pub depth: usize,
}

/// A unit inside an office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRow {
    pub id: i32,
    pub key: String,
    pub office_id: i32,
    pub parent_id: Option<i32>,
    pub level: UnitLevel,
    pub name: Bilingual,
    pub memo_code: Option<String>,
}

impl TryFrom<office::Model> for OfficeRow {
    type Error = DbError;

    fn try_from(model: office::Model) -> Result<Self, DbError> {
        Ok(Self {
            depth: model.path.matches('/').count().saturating_sub(1),
            id: model.id,
            key: model.key,
            parent_id: model.parent_id,
            kind: OfficeKind::from_code(&model.kind)?,
            name: Bilingual::new(model.name_bn, model.name_en),
            short_name_en: model.short_name_en,
            memo_code: model.memo_code,
            website: model.website,
            email: model.email,
            phone: model.phone,
            district_code: model.district_code,
        })
    }
}

impl TryFrom<unit::Model> for UnitRow {
    type Error = DbError;

    fn try_from(model: unit::Model) -> Result<Self, DbError> {
        Ok(Self {
            id: model.id,
            key: model.key,
            office_id: model.office_id,
            parent_id: model.parent_id,
            level: UnitLevel::from_code(&model.level)?,
            name: Bilingual::new(model.name_bn, model.name_en),
            memo_code: model.memo_code,
        })
    }
}

pub(crate) fn rows<M, R: TryFrom<M, Error = DbError>>(models: Vec<M>) -> Result<Vec<R>, DbError> {
    models.into_iter().map(R::try_from).collect()
}

impl Db {
    /// Every office, parents before children, siblings in their set order.
    pub async fn offices(&self) -> Result<Vec<OfficeRow>, DbError> {
        let models = office::Entity::find()
            .order_by_asc(office::Column::Position)
            .order_by_asc(office::Column::Id)
            .all(self.connection())
            .await?;
        rows(models)
    }

    pub async fn office_by_key(&self, key: &str) -> Result<OfficeRow, DbError> {
        office::Entity::find()
            .filter(office::Column::Key.eq(key))
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("office {key}")))?
            .try_into()
    }

    pub async fn office_by_id(&self, id: i32) -> Result<OfficeRow, DbError> {
        office::Entity::find_by_id(id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("office #{id}")))?
            .try_into()
    }

    /// An office's stored ancestor path ("/1/4/").
    pub async fn office_path(&self, id: i32) -> Result<String, DbError> {
        Ok(office::Entity::find_by_id(id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("office #{id}")))?
            .path)
    }

    /// The stored ancestor paths ("/1/4/") of these offices, keyed by id.
    pub async fn office_paths(
        &self,
        ids: &[i32],
    ) -> Result<std::collections::HashMap<i32, String>, DbError> {
        Ok(office::Entity::find()
            .filter(office::Column::Id.is_in(ids.iter().copied()))
            .all(self.connection())
            .await?
            .into_iter()
            .map(|model| (model.id, model.path))
            .collect())
    }

    /// The offices with these ids, keyed by id.
    pub async fn offices_by_ids(
        &self,
        ids: &[i32],
    ) -> Result<std::collections::HashMap<i32, OfficeRow>, DbError> {
        let models = office::Entity::find()
            .filter(office::Column::Id.is_in(ids.iter().copied()))
            .all(self.connection())
            .await?;
        models
            .into_iter()
            .map(|model| OfficeRow::try_from(model).map(|row| (row.id, row)))
            .collect()
    }

    /// The offices strictly below `office_id`, at any depth.
    pub async fn offices_under(&self, office_id: i32) -> Result<Vec<OfficeRow>, DbError> {
        let Some(top) = office::Entity::find_by_id(office_id)
            .one(self.connection())
            .await?
        else {
            return Err(DbError::NotFound(format!("office #{office_id}")));
        };
        let models = office::Entity::find()
            .filter(office::Column::Path.starts_with(format!("{}{}/", top.path, top.id)))
            .order_by_asc(office::Column::Position)
            .order_by_asc(office::Column::Id)
            .all(self.connection())
            .await?;
        rows(models)
    }

    /// The offices whose key or name (in either language, English without regard to case) contains
    /// `text`, by English name; at most `limit`.
    pub async fn find_offices(&self, text: &str, limit: u64) -> Result<Vec<OfficeRow>, DbError> {
        use sea_orm::QuerySelect;
        use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr};
        let pattern = |text: &str| LikeExpr::new(person::like_pattern(text)).escape('\\');
        let lower = text.trim().to_lowercase();
        let matches = sea_orm::Condition::any()
            .add(office::Column::Key.like(pattern(&lower)))
            .add(office::Column::NameBn.like(pattern(text.trim())))
            .add(Expr::expr(Func::lower(Expr::col(office::Column::NameEn))).like(pattern(&lower)));
        let models = office::Entity::find()
            .filter(matches)
            .order_by_asc(office::Column::NameEn)
            .order_by_asc(office::Column::Id)
            .limit(limit)
            .all(self.connection())
            .await?;
        rows(models)
    }

    /// The offices directly below `parent` (the top of the tree when `None`), in their set order.
    pub async fn office_children(
        &self,
        parents: &[Option<i32>],
    ) -> Result<Vec<OfficeRow>, DbError> {
        let ids: Vec<i32> = parents.iter().flatten().copied().collect();
        let mut below = sea_orm::Condition::any().add(office::Column::ParentId.is_in(ids));
        if parents.contains(&None) {
            below = below.add(office::Column::ParentId.is_null());
        }
        let models = office::Entity::find()
            .filter(below)
            .order_by_asc(office::Column::Position)
            .order_by_asc(office::Column::Id)
            .all(self.connection())
            .await?;
        rows(models)
    }

    /// How many offices sit directly below each of these, keyed by id (one grouped query); an office
    /// with none is absent.
    pub async fn child_counts(
        &self,
        ids: &[i32],
    ) -> Result<std::collections::HashMap<i32, u64>, DbError> {
        use sea_orm::QuerySelect;
        let counts: Vec<(Option<i32>, i64)> = office::Entity::find()
            .select_only()
            .column(office::Column::ParentId)
            .column_as(office::Column::Id.count(), "children")
            .filter(office::Column::ParentId.is_in(ids.iter().copied()))
            .group_by(office::Column::ParentId)
            .into_tuple()
            .all(self.connection())
            .await?;
        Ok(counts
            .into_iter()
            .filter_map(|(parent, count)| Some((parent?, u64::try_from(count).unwrap_or(0))))
            .collect())
    }

    /// The units of these offices, office by office in their set order.
    pub async fn units_of_offices(&self, ids: &[i32]) -> Result<Vec<UnitRow>, DbError> {
        let models = unit::Entity::find()
            .filter(unit::Column::OfficeId.is_in(ids.iter().copied()))
            .order_by_asc(unit::Column::OfficeId)
            .order_by_asc(unit::Column::Position)
            .order_by_asc(unit::Column::Id)
            .all(self.connection())
            .await?;
        rows(models)
    }

    /// The units of an office, in their set order.
    pub async fn units_of_office(&self, office_id: i32) -> Result<Vec<UnitRow>, DbError> {
        let models = unit::Entity::find()
            .filter(unit::Column::OfficeId.eq(office_id))
            .order_by_asc(unit::Column::Position)
            .order_by_asc(unit::Column::Id)
            .all(self.connection())
            .await?;
        rows(models)
    }

    /// How many offices are below `office_id`, at any depth (one counting query).
    pub async fn count_offices_under(&self, office_id: i32) -> Result<u64, DbError> {
        use sea_orm::PaginatorTrait;
        let path = self.office_path(office_id).await?;
        Ok(office::Entity::find()
            .filter(office::Column::Path.starts_with(format!("{path}{office_id}/")))
            .count(self.connection())
            .await?)
    }

    /// Every unit of every office, in their set order (one query for the whole tree).
    pub async fn all_units(&self) -> Result<Vec<UnitRow>, DbError> {
        let models = unit::Entity::find()
            .order_by_asc(unit::Column::OfficeId)
            .order_by_asc(unit::Column::Position)
            .order_by_asc(unit::Column::Id)
            .all(self.connection())
            .await?;
        rows(models)
    }

    pub async fn unit_by_id(&self, id: i32) -> Result<UnitRow, DbError> {
        unit::Entity::find_by_id(id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("unit #{id}")))?
            .try_into()
    }

    /// How many offices there are; zero means a new, empty installation.
    pub async fn office_count(&self) -> Result<u64, DbError> {
        use sea_orm::PaginatorTrait;
        Ok(office::Entity::find().count(self.connection()).await?)
    }
}
