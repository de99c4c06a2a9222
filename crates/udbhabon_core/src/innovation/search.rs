//! Finding innovations across every office (terms of reference 17: copy good practice rather than
//! build again): the search box, and the innovations like the one an office is about to record.

use udbhabon_db::innovation::InnovationRow;
use udbhabon_db::innovation::search::Combine;
use udbhabon_db::office::OfficeRow;

use crate::account::SignedIn;
use crate::{App, Error};

/// How many innovations a search lists.
const SEARCH_LIMIT: u32 = 30;
/// How many look-alikes the form shows: enough to notice, few enough to read.
const SIMILAR_LIMIT: usize = 5;
/// How many of the best matches on any word are weighed for likeness.
const CANDIDATES: u32 = 40;
/// How many of its words a look-alike shares with the one being written.
const MIN_SHARED_WORDS: usize = 2;

impl App {
    /// The innovations, of any office, with a word beginning with each stem of the query, best first.
    pub async fn search_innovations(
        &self,
        _who: &SignedIn,
        query: &str,
    ) -> Result<Vec<(InnovationRow, OfficeRow)>, Error> {
        self.found(
            &bangla::search::stems(query),
            Combine::All,
            SEARCH_LIMIT,
            None,
        )
        .await
    }

    /// The innovations most like one being written, judged by the words an office names its work by
    /// (the titles and the service it changes), leaving out `except` (the one itself, once saved).
    /// One shared word is no likeness (অনলাইন is in half the titles): a look-alike shares two words,
    /// and half the words of the shorter of the two names.
    pub async fn similar_innovations(
        &self,
        _who: &SignedIn,
        [title, title_en, service]: [&str; 3],
        except: Option<i32>,
    ) -> Result<Vec<(InnovationRow, OfficeRow)>, Error> {
        let stems = bangla::search::stems(&format!("{title} {title_en} {service}"));
        let mut found = self.found(&stems, Combine::Any, CANDIDATES, except).await?;
        found.retain(|(row, _)| {
            let record = &row.record;
            let name = format!("{} {} {}", record.title, record.title_en, record.service);
            let shorter = stems.len().min(bangla::search::stems(&name).len());
            let needed = stems.len().min(MIN_SHARED_WORDS).max(shorter.div_ceil(2));
            bangla::search::matched(&stems, &name) >= needed
        });
        found.truncate(SIMILAR_LIMIT);
        Ok(found)
    }

    async fn found(
        &self,
        stems: &[String],
        combine: Combine,
        limit: u32,
        except: Option<i32>,
    ) -> Result<Vec<(InnovationRow, OfficeRow)>, Error> {
        let mut ids = self
            .db
            .search_innovations(stems, combine, limit + 1)
            .await?;
        ids.retain(|id| Some(*id) != except);
        ids.truncate(limit as usize);
        let rows = self.db.innovations_with_ids(&ids).await?;
        let offices = self
            .db
            .offices_by_ids(&rows.iter().map(|row| row.office_id).collect::<Vec<_>>())
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|row| {
                let office = offices.get(&row.office_id)?.clone();
                Some((row, office))
            })
            .collect())
    }
}
