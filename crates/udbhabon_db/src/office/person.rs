//! Reading posts, their printed labels, and who held them on a given date.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ActiveValue::Set, ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder};
use udbhabon_domain::office::person::Charge;
use udbhabon_domain::{Bilingual, Vocabulary};

use crate::entity::{designation, office, person, post, posting, unit};
use crate::office::OfficeRow;
use crate::{Db, DbError, Tx};

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
    pub designation_id: i32,
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

/// The postings that cover `on`.
pub(crate) fn held_on(on: NaiveDate) -> Condition {
    Condition::all().add(posting::Column::HeldFrom.lte(on)).add(
        Condition::any()
            .add(posting::Column::HeldUntil.is_null())
            .add(posting::Column::HeldUntil.gte(on)),
    )
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
                        designation_id: post.designation_id,
                        designation,
                        unit,
                        label,
                    },
                ))
            })
            .collect()
    }

    /// The offices of these posts, keyed by office id.
    pub async fn offices_of_posts(
        &self,
        posts: &HashMap<i32, PostRow>,
    ) -> Result<HashMap<i32, crate::office::OfficeRow>, DbError> {
        self.offices_by_ids(
            &posts
                .values()
                .map(|post| post.office_id)
                .collect::<Vec<_>>(),
        )
        .await
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
            .filter(held_on(on))
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

    /// The offices of the posts a person holds on a day, with their ancestor paths: one query.
    pub async fn posted_offices(
        &self,
        person_id: i32,
        on: NaiveDate,
    ) -> Result<Vec<(OfficeRow, String)>, DbError> {
        let held = Query::select()
            .column((post::Entity, post::Column::OfficeId))
            .from(post::Entity)
            .inner_join(
                posting::Entity,
                Expr::col((posting::Entity, posting::Column::PostId))
                    .equals((post::Entity, post::Column::Id)),
            )
            .and_where(Expr::col((posting::Entity, posting::Column::PersonId)).eq(person_id))
            .cond_where(held_on(on))
            .to_owned();
        office::Entity::find()
            .filter(office::Column::Id.in_subquery(held))
            .order_by_asc(office::Column::Id)
            .all(self.connection())
            .await?
            .into_iter()
            .map(|model| {
                let path = model.path.clone();
                Ok((OfficeRow::try_from(model)?, path))
            })
            .collect()
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

/// A posting as stored: which post, on what charge, from when to when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostingRow {
    pub id: i32,
    pub person_id: i32,
    pub post_id: i32,
    pub charge: Charge,
    pub held_from: NaiveDate,
    pub held_until: Option<NaiveDate>,
}

impl PostingRow {
    /// Whether the posting covers `day`.
    pub fn is_held_on(&self, day: NaiveDate) -> bool {
        self.held_from <= day && self.held_until.is_none_or(|until| day <= until)
    }
}

impl TryFrom<posting::Model> for PostingRow {
    type Error = DbError;

    fn try_from(model: posting::Model) -> Result<Self, DbError> {
        Ok(Self {
            id: model.id,
            person_id: model.person_id,
            post_id: model.post_id,
            charge: Charge::from_code(&model.charge)?,
            held_from: model.held_from,
            held_until: model.held_until,
        })
    }
}

/// `%` and `_` are wildcards in LIKE; a name typed with them means them literally.
pub(crate) fn like_pattern(folded: &str) -> String {
    let escaped = folded
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

impl Db {
    /// People whose name, in either language, contains `query` (folded as names are), by name; at most `limit`.
    pub async fn search_people(&self, query: &str, limit: u64) -> Result<Vec<PersonRow>, DbError> {
        use sea_orm::QuerySelect;
        use sea_orm::sea_query::LikeExpr;
        let folded = udbhabon_domain::text::fold_query(query.trim());
        let mut select = person::Entity::find();
        if !folded.is_empty() {
            select = select.filter(
                person::Column::SearchKey.like(LikeExpr::new(like_pattern(&folded)).escape('\\')),
            );
        }
        let models = select
            .order_by_asc(person::Column::NameEn)
            .order_by_asc(person::Column::Id)
            .limit(limit)
            .all(self.connection())
            .await?;
        Ok(models.into_iter().map(Into::into).collect())
    }

    pub async fn person(&self, id: i32) -> Result<PersonRow, DbError> {
        Ok(person::Entity::find_by_id(id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("person #{id}")))?
            .into())
    }

    /// Every posting of these people, newest first.
    pub async fn postings_of(&self, person_ids: &[i32]) -> Result<Vec<PostingRow>, DbError> {
        let models = posting::Entity::find()
            .filter(posting::Column::PersonId.is_in(person_ids.iter().copied()))
            .order_by_desc(posting::Column::HeldFrom)
            .order_by_desc(posting::Column::Id)
            .all(self.connection())
            .await?;
        models.into_iter().map(PostingRow::try_from).collect()
    }

    /// The ids of an office's posts.
    pub async fn post_ids_of_office(&self, office_id: i32) -> Result<Vec<i32>, DbError> {
        let models = post::Entity::find()
            .filter(post::Column::OfficeId.eq(office_id))
            .order_by_asc(post::Column::Id)
            .all(self.connection())
            .await?;
        Ok(models.into_iter().map(|model| model.id).collect())
    }

    /// The ids of these offices' posts in one query: office by office in the order given, each
    /// office's by id.
    pub async fn post_ids_of_offices(&self, office_ids: &[i32]) -> Result<Vec<i32>, DbError> {
        let mut models = post::Entity::find()
            .filter(post::Column::OfficeId.is_in(office_ids.iter().copied()))
            .order_by_asc(post::Column::Id)
            .all(self.connection())
            .await?;
        models.sort_by_key(|model| office_ids.iter().position(|id| *id == model.office_id));
        Ok(models.into_iter().map(|model| model.id).collect())
    }

    /// Every designation, by English name, for choosing one.
    pub async fn all_designations(&self) -> Result<Vec<(i32, Bilingual)>, DbError> {
        let models = designation::Entity::find()
            .order_by_asc(designation::Column::NameEn)
            .all(self.connection())
            .await?;
        Ok(models
            .into_iter()
            .map(|model| (model.id, Bilingual::new(model.name_bn, model.name_en)))
            .collect())
    }
}

impl Tx {
    /// Ends, the day before `from`, every open regular posting of a post held by someone other than
    /// `incoming`: a transfer into a post ends the previous holder's tenure there.
    pub async fn end_postings_before(
        &self,
        post_id: i32,
        incoming: i32,
        from: NaiveDate,
    ) -> Result<u32, DbError> {
        let open = posting::Entity::find()
            .filter(posting::Column::PostId.eq(post_id))
            .filter(posting::Column::PersonId.ne(incoming))
            .filter(posting::Column::Charge.eq(Charge::Regular.code()))
            .filter(posting::Column::HeldUntil.is_null())
            .filter(posting::Column::HeldFrom.lt(from))
            .all(&self.transaction)
            .await?;
        let until = from.pred_opt().unwrap_or(from);
        let mut ended = 0;
        for before in open {
            self.update_audited(before, |row: &mut posting::ActiveModel| {
                row.held_until = Set(Some(until))
            })
            .await?;
            ended += 1;
        }
        Ok(ended)
    }
}
