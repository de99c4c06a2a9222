//! Drafts of office orders: saved as JSON with a version that counts saves, so that a second person
//! saving an older copy gets a conflict instead of overwriting the newer one.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use udbhabon_domain::team::order::OrderDraft;

use crate::entity::team_order_draft;
use crate::{Db, DbError, Tx};

/// A stored draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderDraftRow {
    pub id: i32,
    pub team_id: i32,
    pub content: OrderDraft,
    pub version: i32,
    pub updated_by: String,
    pub updated_at: DateTime<Utc>,
    /// The order it became, once issued.
    pub issued_order_id: Option<i32>,
}

impl TryFrom<team_order_draft::Model> for OrderDraftRow {
    type Error = DbError;

    fn try_from(model: team_order_draft::Model) -> Result<Self, DbError> {
        Ok(Self {
            content: serde_json::from_str(&model.content).map_err(|error| {
                DbError::Other(format!("order draft #{} is unreadable: {error}", model.id))
            })?,
            id: model.id,
            team_id: model.team_id,
            version: model.version,
            updated_by: model.updated_by,
            updated_at: model.updated_at,
            issued_order_id: model.issued_order_id,
        })
    }
}

fn json(draft: &OrderDraft) -> Result<String, DbError> {
    serde_json::to_string(draft)
        .map_err(|error| DbError::Other(format!("cannot store the draft: {error}")))
}

impl Db {
    pub async fn order_draft(&self, id: i32) -> Result<OrderDraftRow, DbError> {
        team_order_draft::Entity::find_by_id(id)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::NotFound(format!("order draft #{id}")))?
            .try_into()
    }

    /// A team's drafts not yet issued, the latest saved first.
    pub async fn open_order_drafts(&self, team_id: i32) -> Result<Vec<OrderDraftRow>, DbError> {
        team_order_draft::Entity::find()
            .filter(team_order_draft::Column::TeamId.eq(team_id))
            .filter(team_order_draft::Column::IssuedOrderId.is_null())
            .order_by_desc(team_order_draft::Column::UpdatedAt)
            .order_by_desc(team_order_draft::Column::Id)
            .all(self.connection())
            .await?
            .into_iter()
            .map(TryInto::try_into)
            .collect()
    }
}

impl Tx {
    pub async fn insert_order_draft(
        &self,
        team_id: i32,
        content: &OrderDraft,
    ) -> Result<i32, DbError> {
        let row = team_order_draft::ActiveModel {
            team_id: Set(team_id),
            content: Set(json(content)?),
            version: Set(1),
            updated_by: Set(self.author.label.clone()),
            updated_at: Set(self.author.at),
            issued_order_id: Set(None),
            ..Default::default()
        };
        Ok(self.insert_audited(row).await?.id)
    }

    /// The draft, locked for the rest of this transaction (a row lock on PostgreSQL; SQLite's write
    /// transaction already excludes other writers).
    pub async fn lock_order_draft(&self, id: i32) -> Result<OrderDraftRow, DbError> {
        team_order_draft::Entity::find_by_id(id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("order draft #{id}")))?
            .try_into()
    }

    /// Saves a draft over the version the saver started from; a newer save in between is a conflict.
    pub async fn save_order_draft(
        &self,
        id: i32,
        seen_version: i32,
        content: &OrderDraft,
    ) -> Result<i32, DbError> {
        let current = team_order_draft::Entity::find_by_id(id)
            .lock_exclusive()
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("order draft #{id}")))?;
        if current.issued_order_id.is_some() {
            return Err(DbError::Conflict(format!("order draft #{id} is issued")));
        }
        if current.version != seen_version {
            return Err(DbError::Conflict(format!(
                "order draft #{id} was saved as version {} since version {seen_version} was read",
                current.version
            )));
        }
        let version = current.version + 1;
        let content = json(content)?;
        let (label, at) = (self.author.label.clone(), self.author.at);
        self.update_audited(current, |active: &mut team_order_draft::ActiveModel| {
            active.content = Set(content);
            active.version = Set(version);
            active.updated_by = Set(label);
            active.updated_at = Set(at);
        })
        .await?;
        Ok(version)
    }

    /// Records the order a draft became; the draft can no longer be changed.
    pub async fn mark_order_draft_issued(&self, id: i32, order_id: i32) -> Result<(), DbError> {
        let current = team_order_draft::Entity::find_by_id(id)
            .one(&self.transaction)
            .await?
            .ok_or_else(|| DbError::NotFound(format!("order draft #{id}")))?;
        self.update_audited(current, |active: &mut team_order_draft::ActiveModel| {
            active.issued_order_id = Set(Some(order_id));
        })
        .await?;
        Ok(())
    }
}
