//! A training certificate (প্রশিক্ষণ সনদ): what it certifies, fixed when it is issued, so that the
//! paper and the public check say the same thing whatever changes afterwards.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Bilingual;

/// What a certificate certifies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certificate {
    /// The participant.
    pub name: Bilingual,
    /// The office they came from.
    pub office: Bilingual,
    /// The office that held the training.
    pub organiser: Bilingual,
    pub title: Bilingual,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// The minutes of the sessions they attended.
    pub minutes: u32,
}
