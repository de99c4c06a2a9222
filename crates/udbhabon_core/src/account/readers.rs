//! The people signed in lately, each as read at an edition of the records: a request in a live session
//! finds its reader here while nothing was written, instead of reading their account, roles and
//! postings again.

use std::sync::Arc;

use crate::Edition;
use crate::account::SignedIn;

/// How many readers are remembered; the least used go first.
const REMEMBERED: usize = 10_000;

/// Readers by account, with the edition they were read at; cheap to clone.
#[derive(Clone)]
pub(crate) struct Readers(Arc<quick_cache::sync::Cache<i32, Arc<(Edition, SignedIn)>>>);

impl std::fmt::Debug for Readers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Readers")
            .field("remembered", &self.0.len())
            .finish()
    }
}

impl Default for Readers {
    fn default() -> Self {
        Self(Arc::new(quick_cache::sync::Cache::new(REMEMBERED)))
    }
}

impl Readers {
    /// The reader of an account as read at `edition`, with the form token of the session asking.
    pub(crate) fn at(
        &self,
        account_id: i32,
        edition: &Edition,
        csrf_token: &str,
    ) -> Option<SignedIn> {
        let known = self.0.get(&account_id)?;
        (known.0 == *edition).then(|| SignedIn {
            csrf_token: csrf_token.to_owned(),
            ..known.1.clone()
        })
    }

    /// Remembers a reader as read at `edition`, which was taken before the reading.
    pub(crate) fn remember(&self, edition: Edition, who: &SignedIn) {
        self.0
            .insert(who.account_id, Arc::new((edition, who.clone())));
    }
}
