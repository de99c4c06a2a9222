//! Issued documents: the bytes of each document as it went out, with their SHA-256, stored once and
//! never changed (the database refuses updates and deletes).

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use sha2::{Digest, Sha256};
use udbhabon_domain::Lang;

use crate::entity::issued_document;
use crate::{Db, DbError, Tx};

/// A document as issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedDocumentRow {
    pub id: i32,
    pub kind: String,
    pub record_id: i32,
    pub lang: Lang,
    pub media_type: String,
    /// Lowercase hex.
    pub sha256: String,
    pub bytes: Vec<u8>,
    pub created_at: DateTime<Utc>,
}

/// The SHA-256 of some bytes, in lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

impl TryFrom<issued_document::Model> for IssuedDocumentRow {
    type Error = DbError;

    fn try_from(model: issued_document::Model) -> Result<Self, DbError> {
        Ok(Self {
            lang: Lang::from_tag(&model.lang).ok_or_else(|| {
                DbError::Other(format!("document #{}: language {}", model.id, model.lang))
            })?,
            id: model.id,
            kind: model.kind,
            record_id: model.record_id,
            media_type: model.media_type,
            sha256: model.sha256,
            bytes: model.bytes,
            created_at: model.created_at,
        })
    }
}

impl Db {
    /// The issued document of a record in a language, if one was stored.
    pub async fn issued_document(
        &self,
        kind: &str,
        record_id: i32,
        lang: Lang,
    ) -> Result<Option<IssuedDocumentRow>, DbError> {
        issued_document::Entity::find()
            .filter(issued_document::Column::Kind.eq(kind))
            .filter(issued_document::Column::RecordId.eq(record_id))
            .filter(issued_document::Column::Lang.eq(lang.tag()))
            .one(self.connection())
            .await?
            .map(TryInto::try_into)
            .transpose()
    }
}

impl Tx {
    /// Stores a document as issued, with its hash; returns the hash.
    pub async fn store_issued_document(
        &self,
        kind: &str,
        record_id: i32,
        lang: Lang,
        media_type: &str,
        bytes: Vec<u8>,
    ) -> Result<String, DbError> {
        let sha256 = sha256_hex(&bytes);
        self.insert_audited(issued_document::ActiveModel {
            kind: Set(kind.to_owned()),
            record_id: Set(record_id),
            lang: Set(lang.tag().to_owned()),
            media_type: Set(media_type.to_owned()),
            sha256: Set(sha256.clone()),
            size: Set(i32::try_from(bytes.len()).unwrap_or(i32::MAX)),
            bytes: Set(bytes),
            created_at: Set(self.author.at),
            ..Default::default()
        })
        .await?;
        Ok(sha256)
    }
}
