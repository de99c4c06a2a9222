//! The audit trail: every change to a record is appended in the transaction that makes it, with who,
//! when, what, and the values before and after; entries are chained by SHA-256 so that an edit to any
//! past entry breaks the chain from there on, and the database refuses updates and deletes outright.

use chrono::{DateTime, SecondsFormat, Utc};
use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityName, EntityTrait,
    IntoActiveModel, ModelTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::entity::{audit_entry, audit_head};
use crate::migration::GENESIS_HASH;
use crate::{Db, DbError, Tx};

/// Who makes the changes of a transaction, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    /// The signed-in account, or `None` for the system (a command run by an operator, a job).
    pub account_id: Option<i32>,
    /// A readable name for the entry: the account's email, or the command ("udbhabon demo").
    pub label: String,
    pub at: DateTime<Utc>,
}

/// One entry of a record's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntryRow {
    pub id: i32,
    pub at: String,
    pub account_id: Option<i32>,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl AuditEntryRow {
    /// The stored fields an update changed, by name; none for a creation or a deletion.
    pub fn changed_fields(&self) -> Vec<String> {
        let state = |json: &Option<String>| {
            json.as_deref()
                .and_then(|json| serde_json::from_str::<serde_json::Value>(json).ok())
        };
        let (Some(serde_json::Value::Object(before)), Some(after)) =
            (state(&self.before), state(&self.after))
        else {
            return Vec::new();
        };
        before
            .iter()
            .filter(|(field, value)| after.get(field.as_str()) != Some(*value))
            .map(|(field, _)| field.clone())
            .collect()
    }
}

/// What checking the chain found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainCheck {
    Intact {
        entries: u64,
    },
    /// The first entry whose stored hashes do not follow from the entries before it.
    Broken {
        entry_id: i32,
        at: String,
        entity: String,
        entity_id: String,
        reason: String,
    },
}

/// The hash of an entry: SHA-256 over the previous hash and every stored field, one per line.
fn chain_hash(prev_hash: &str, entry: &audit_entry::Model) -> String {
    let mut hasher = Sha256::new();
    let account = entry
        .account_id
        .map(|id| id.to_string())
        .unwrap_or_default();
    for field in [
        prev_hash,
        &entry.at,
        &account,
        &entry.actor,
        &entry.action,
        &entry.entity,
        &entry.entity_id,
        entry.before.as_deref().unwrap_or("-"),
        entry.after.as_deref().unwrap_or("-"),
    ] {
        hasher.update(field.as_bytes());
        hasher.update(b"\n");
    }
    hex::encode(hasher.finalize())
}

/// The primary key of a serialized record, for the entry's `entity_id`.
fn record_id(value: &serde_json::Value) -> String {
    ["id", "key", "token_hash"]
        .iter()
        .find_map(|field| value.get(field))
        .map(|id| id.as_str().map_or_else(|| id.to_string(), str::to_owned))
        .unwrap_or_default()
}

fn json(record: &impl Serialize) -> Result<serde_json::Value, DbError> {
    serde_json::to_value(record)
        .map_err(|error| DbError::Other(format!("cannot record the change: {error}")))
}

/// A transaction's audit entries not yet written, and the chain's head as this transaction left it.
/// The head is read (and, on PostgreSQL, locked) once per transaction, and the entries go in a few
/// hundred to a statement: an import of 50,000 offices holds the write lock for seconds, not the
/// minute that four statements an office would take.
#[derive(Debug, Default)]
pub(crate) struct Pending {
    /// The hash of the last entry, once the head was read.
    last_hash: Option<String>,
    /// Whether the head row must be written at commit.
    moved: bool,
    entries: Vec<audit_entry::ActiveModel>,
}

/// How many entries are held before they are written.
const AUDIT_BATCH: usize = 400;

impl Tx {
    fn pending(&self) -> std::sync::MutexGuard<'_, Pending> {
        // A poisoned lock only means a panic elsewhere while it was held; the entries are still whole.
        self.audit
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Writes the entries held; at the end of the transaction (`finish`), also the chain's new head.
    pub(crate) async fn flush_audit(&self, finish: bool) -> Result<(), DbError> {
        let (entries, head) = {
            let mut pending = self.pending();
            let head = (finish && pending.moved)
                .then(|| pending.last_hash.clone())
                .flatten();
            (std::mem::take(&mut pending.entries), head)
        };
        if !entries.is_empty() {
            audit_entry::Entity::insert_many(entries)
                .exec_without_returning(&self.transaction)
                .await?;
        }
        if let Some(last_hash) = head {
            audit_head::ActiveModel {
                id: Set(1),
                last_hash: Set(last_hash),
            }
            .update(&self.transaction)
            .await?;
        }
        Ok(())
    }

    /// Appends an entry after the current head, holding the head's lock until the transaction ends.
    pub(crate) async fn append_audit(
        &self,
        action: &str,
        entity: &str,
        before: Option<serde_json::Value>,
        after: Option<serde_json::Value>,
    ) -> Result<(), DbError> {
        let known = self.pending().last_hash.clone();
        let last_hash = match known {
            Some(hash) => hash,
            None => {
                // On PostgreSQL the row lock orders concurrent writers; on SQLite the IMMEDIATE
                // transaction already holds the database's write lock.
                audit_head::Entity::find_by_id(1)
                    .lock_exclusive()
                    .one(&self.transaction)
                    .await?
                    .ok_or_else(|| DbError::Other("the audit trail's head row is missing".into()))?
                    .last_hash
            }
        };
        let entity_id = record_id(
            after
                .as_ref()
                .or(before.as_ref())
                .unwrap_or(&serde_json::Value::Null),
        );
        let mut entry = audit_entry::Model {
            id: 0,
            at: self.author.at.to_rfc3339_opts(SecondsFormat::Micros, true),
            account_id: self.author.account_id,
            actor: self.author.label.clone(),
            action: action.to_owned(),
            entity: entity.to_owned(),
            entity_id,
            before: before.map(|value| value.to_string()),
            after: after.map(|value| value.to_string()),
            prev_hash: last_hash.clone(),
            hash: String::new(),
        };
        entry.hash = chain_hash(&last_hash, &entry);
        let full = {
            let mut pending = self.pending();
            pending.last_hash = Some(entry.hash.clone());
            pending.moved = true;
            pending.entries.push(audit_entry::ActiveModel {
                at: Set(entry.at),
                account_id: Set(entry.account_id),
                actor: Set(entry.actor),
                action: Set(entry.action),
                entity: Set(entry.entity),
                entity_id: Set(entry.entity_id),
                before: Set(entry.before),
                after: Set(entry.after),
                prev_hash: Set(entry.prev_hash),
                hash: Set(entry.hash),
                ..Default::default()
            });
            pending.entries.len() >= AUDIT_BATCH
        };
        if full {
            self.flush_audit(false).await?;
        }
        Ok(())
    }

    /// Inserts a record and appends its creation to the audit trail.
    pub(crate) async fn insert_audited<A>(
        &self,
        active: A,
    ) -> Result<<A::Entity as EntityTrait>::Model, DbError>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A> + Serialize,
    {
        let model = active.insert(&self.transaction).await?;
        self.record_created(&model).await?;
        Ok(model)
    }

    /// Appends a record's creation to the audit trail, for records inserted some other way than one
    /// by one (a batch of an import).
    pub(crate) async fn record_created<M>(&self, model: &M) -> Result<(), DbError>
    where
        M: ModelTrait + Serialize,
    {
        self.append_audit(
            "create",
            M::Entity::default().table_name(),
            None,
            Some(json(model)?),
        )
        .await
    }

    /// Updates a record from its current state and appends both states to the audit trail.
    pub(crate) async fn update_audited<A>(
        &self,
        before: <A::Entity as EntityTrait>::Model,
        change: impl FnOnce(&mut A),
    ) -> Result<<A::Entity as EntityTrait>::Model, DbError>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A> + Serialize + Clone,
    {
        let before_json = json(&before)?;
        let mut active = before.into_active_model();
        change(&mut active);
        let after = active.update(&self.transaction).await?;
        self.append_audit(
            "update",
            A::Entity::default().table_name(),
            Some(before_json),
            Some(json(&after)?),
        )
        .await?;
        Ok(after)
    }

    /// Deletes a record and appends its last state to the audit trail.
    pub(crate) async fn delete_audited<A>(
        &self,
        before: <A::Entity as EntityTrait>::Model,
    ) -> Result<(), DbError>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Send,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A> + Serialize,
    {
        let before_json = json(&before)?;
        before.into_active_model().delete(&self.transaction).await?;
        self.append_audit(
            "delete",
            A::Entity::default().table_name(),
            Some(before_json),
            None,
        )
        .await?;
        Ok(())
    }
}

impl From<audit_entry::Model> for AuditEntryRow {
    fn from(model: audit_entry::Model) -> Self {
        Self {
            id: model.id,
            at: model.at,
            account_id: model.account_id,
            actor: model.actor,
            action: model.action,
            entity: model.entity,
            entity_id: model.entity_id,
            before: model.before,
            after: model.after,
        }
    }
}

impl Db {
    /// The hash at the head of the audit trail. Every change committed through a transaction, by this
    /// process or another, moves it; so what was read from the database while it stood is still
    /// true while it stands.
    pub async fn audit_head(&self) -> Result<String, DbError> {
        Ok(audit_head::Entity::find_by_id(1)
            .one(self.connection())
            .await?
            .ok_or_else(|| DbError::Other("the audit trail's head row is missing".into()))?
            .last_hash)
    }

    /// Walks the whole trail in order, a page at a time, recomputing every hash; names the first entry
    /// that does not follow from those before it.
    pub async fn verify_audit_chain(&self) -> Result<ChainCheck, DbError> {
        const PAGE: u64 = 1000;
        let mut expected_prev = GENESIS_HASH.to_owned();
        let mut checked = 0;
        let mut after_id = 0;
        loop {
            let page = audit_entry::Entity::find()
                .filter(audit_entry::Column::Id.gt(after_id))
                .order_by_asc(audit_entry::Column::Id)
                .limit(PAGE)
                .all(self.connection())
                .await?;
            let Some(last) = page.last() else { break };
            after_id = last.id;
            for entry in page {
                let reason = if entry.prev_hash != expected_prev {
                    Some("it does not continue from the entry before it".to_owned())
                } else if chain_hash(&entry.prev_hash, &entry) != entry.hash {
                    Some("its contents no longer match its hash".to_owned())
                } else {
                    None
                };
                if let Some(reason) = reason {
                    return Ok(ChainCheck::Broken {
                        entry_id: entry.id,
                        at: entry.at,
                        entity: entry.entity,
                        entity_id: entry.entity_id,
                        reason,
                    });
                }
                expected_prev = entry.hash;
                checked += 1;
            }
        }
        let head = audit_head::Entity::find_by_id(1)
            .one(self.connection())
            .await?;
        if head.is_none_or(|head| head.last_hash != expected_prev) {
            return Ok(ChainCheck::Broken {
                entry_id: after_id,
                at: String::new(),
                entity: "audit_head".into(),
                entity_id: "1".into(),
                reason:
                    "the latest entries were removed: the head no longer matches the last entry"
                        .into(),
            });
        }
        Ok(ChainCheck::Intact { entries: checked })
    }

    /// The history of one record, oldest first.
    pub async fn audit_history(
        &self,
        entity: &str,
        entity_id: &str,
    ) -> Result<Vec<AuditEntryRow>, DbError> {
        let entries = audit_entry::Entity::find()
            .filter(audit_entry::Column::Entity.eq(entity))
            .filter(audit_entry::Column::EntityId.eq(entity_id))
            .order_by_asc(audit_entry::Column::Id)
            .all(self.connection())
            .await?;
        Ok(entries.into_iter().map(Into::into).collect())
    }

    /// How many entries the trail holds.
    pub async fn audit_entry_count(&self) -> Result<u64, DbError> {
        Ok(audit_entry::Entity::find().count(self.connection()).await?)
    }
}
