//! Reading posts, their printed labels, and who held them on a given date.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder};
use udbhabon_domain::person::Charge;
use udbhabon_domain::{Bilingual, Vocabulary};

use crate::entity::{designation, person, post, posting, unit};
use crate::{Db, DbError};

/// A person's name and contacts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRow {
    pub id: i32,
    pub name: Bilingual,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// A post as documents name it: its designation, unit and printed label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostRow {
    pub id: i32,
    pub office_id: i32,
    pub designation: Bilingual,
    pub unit: Option<Bilingual>,
    /// "প্রোগ্রামার (আইসিটি সেল)": the stored label, or the designation with the unit in brackets.
    pub label: Bilingual,
}

/// The person holding a post on a date, and on what charge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolderRow {
    pub person: PersonRow,
    pub charge: Charge,
    pub held_from: NaiveDate,
}

impl From<person::Model> for PersonRow {
    fn from(model: person::Model) -> Self {
        Self {
            id: model.id,
            name: Bilingual::new(model.name_bn, model.name_en),
            email: model.email,
            phone: model.phone,
        }
    }
}

impl Db {
    /// The posts with these ids, with their labels, keyed by id (three queries whatever the count).
    pub async fn posts(&self, ids: &[i32]) -> Result<HashMap<i32, PostRow>, DbError> {
        let posts = post::Entity::find()
            .filter(post::Column::Id.is_in(ids.iter().copied()))
            .all(self.connection())
            .await?;
        let designations: HashMap<i32, designation::Model> = designation::Entity::find()
            .filter(designation::Column::Id.is_in(posts.iter().map(|post| post.designation_id)))
            .all(self.connection())
            .await?
            .into_iter()
            .map(|model| (model.id, model))
            .collect();
        let units: HashMap<i32, unit::Model> = unit::Entity::find()
            .filter(unit::Column::Id.is_in(posts.iter().filter_map(|post| post.unit_id)))
            .all(self.connection())
            .await?
            .into_iter()
            .map(|model| (model.id, model))
            .collect();
        posts
            .into_iter()
            .map(|post| {
                let designation = designations
                    .get(&post.designation_id)
                    .map(|model| Bilingual::new(&model.name_bn, &model.name_en))
                    .ok_or_else(|| {
                        DbError::Other(format!("post #{} has no designation", post.id))
                    })?;
                let unit = post
                    .unit_id
                    .and_then(|id| units.get(&id))
                    .map(|model| Bilingual::new(&model.name_bn, &model.name_en));
                let label = match (post.label_bn, post.label_en) {
                    (Some(bn), en) => Bilingual::new(bn, en.unwrap_or_default()),
                    _ => match &unit {
                        Some(unit) => Bilingual::new(
                            format!("{} ({})", designation.bn, unit.bn),
                            format!("{} ({})", designation.en, unit.en),
                        ),
                        None => designation.clone(),
                    },
                };
                Ok((
                    post.id,
                    PostRow {
                        id: post.id,
                        office_id: post.office_id,
                        designation,
                        unit,
                        label,
                    },
                ))
            })
            .collect()
    }

    /// Who held each of these posts on `on`; a post nobody held then is absent from the map.
    ///
    /// When postings overlap (a regular holder and an acting one), the latest to start wins.
    pub async fn holders_on(
        &self,
        post_ids: &[i32],
        on: NaiveDate,
    ) -> Result<HashMap<i32, HolderRow>, DbError> {
        let postings = posting::Entity::find()
            .filter(posting::Column::PostId.is_in(post_ids.iter().copied()))
            .filter(posting::Column::HeldFrom.lte(on))
            .filter(
                Condition::any()
                    .add(posting::Column::HeldUntil.is_null())
                    .add(posting::Column::HeldUntil.gte(on)),
            )
            .order_by_asc(posting::Column::HeldFrom)
            .all(self.connection())
            .await?;
        let people: HashMap<i32, person::Model> = person::Entity::find()
            .filter(person::Column::Id.is_in(postings.iter().map(|posting| posting.person_id)))
            .all(self.connection())
            .await?
            .into_iter()
            .map(|model| (model.id, model))
            .collect();
        let mut holders = HashMap::new();
        for posting in postings {
            let Some(person) = people.get(&posting.person_id) else {
                continue;
            };
            holders.insert(
                posting.post_id,
                HolderRow {
                    person: person.clone().into(),
                    charge: Charge::from_code(&posting.charge)?,
                    held_from: posting.held_from,
                },
            );
        }
        Ok(holders)
    }

    /// The people with these ids, keyed by id.
    pub async fn people(&self, ids: &[i32]) -> Result<HashMap<i32, PersonRow>, DbError> {
        Ok(person::Entity::find()
            .filter(person::Column::Id.is_in(ids.iter().copied()))
            .all(self.connection())
            .await?
            .into_iter()
            .map(|model| (model.id, model.into()))
            .collect())
    }

    /// The designations with these ids, keyed by id.
    pub async fn designations(&self, ids: &[i32]) -> Result<HashMap<i32, Bilingual>, DbError> {
        Ok(designation::Entity::find()
            .filter(designation::Column::Id.is_in(ids.iter().copied()))
            .all(self.connection())
            .await?
            .into_iter()
            .map(|model| (model.id, Bilingual::new(model.name_bn, model.name_en)))
            .collect())
    }
}
