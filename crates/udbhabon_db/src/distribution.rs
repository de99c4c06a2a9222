//! Reading the numbered recipient lists of issued documents.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use udbhabon_domain::Bilingual;

use crate::entity::distribution_entry;
use crate::{Db, DbError};

/// One recipient line, printed as stored, with the office it goes to when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistributionEntryRow {
    pub text: Bilingual,
    pub attention: Option<Bilingual>,
    pub office_id: Option<i32>,
    pub post_id: Option<i32>,
}

impl Db {
    /// The recipients of a list, in order.
    pub async fn distribution(&self, list_id: i32) -> Result<Vec<DistributionEntryRow>, DbError> {
        let entries = distribution_entry::Entity::find()
            .filter(distribution_entry::Column::ListId.eq(list_id))
            .order_by_asc(distribution_entry::Column::Position)
            .all(self.connection())
            .await?;
        Ok(entries
            .into_iter()
            .map(|entry| DistributionEntryRow {
                text: Bilingual::new(entry.text_bn, entry.text_en),
                attention: entry
                    .attention_bn
                    .map(|bn| Bilingual::new(bn, entry.attention_en.unwrap_or_default())),
                office_id: entry.office_id,
                post_id: entry.post_id,
            })
            .collect())
    }
}
