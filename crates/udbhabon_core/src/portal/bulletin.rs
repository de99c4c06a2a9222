//! An office's notice board (নোটিশ বোর্ড): everything it has published, newest first — its team's office
//! orders, its meetings' issued minutes, its award notices and its citizen charter's editions — each with
//! its memo number, date and document.

use chrono::NaiveDate;
use udbhabon_db::office::OfficeRow;
use udbhabon_domain::Bilingual;
use udbhabon_domain::office::memo::MemoNumber;

use crate::{App, Error};

/// What a notice is, and what names its page or document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Published {
    /// An office order constituting or reconstituting the team, by the order's id.
    Order { id: i32 },
    /// A meeting's issued minutes, by the meeting's key.
    Minutes { meeting: String },
    /// The yearly award's notice, by the fiscal year it awards (its first calendar year).
    AwardNotice { fiscal_year: i32 },
    /// An edition of the citizen charter.
    Charter { edition: i32 },
}

/// One notice on the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub published: Published,
    /// What it is about: the team's name, the meeting's title; empty for the award and the charter,
    /// whose kind says it all.
    pub subject: Bilingual,
    pub memo_number: Option<MemoNumber>,
    pub on: NaiveDate,
}

/// An office's board.
#[derive(Debug, Clone)]
pub struct Bulletin {
    pub office: OfficeRow,
    pub notices: Vec<Notice>,
}

impl App {
    /// Everything an office has published, newest first; public, as all of it is.
    pub async fn bulletin(&self, office_key: &str) -> Result<Bulletin, Error> {
        let office = self.db.office_by_key(office_key).await?;
        let mut notices = Vec::new();
        for team in self.db.teams_of_office(office.id).await? {
            for order in self.db.orders_of_team(team.id).await? {
                notices.push(Notice {
                    published: Published::Order { id: order.id },
                    subject: team.name.clone(),
                    memo_number: Some(order.record.memo_number),
                    on: order.record.issued_on,
                });
            }
        }
        for meeting in self.db.meetings_of_office(office.id).await? {
            if let Some(on) = meeting.record.issued_on {
                notices.push(Notice {
                    published: Published::Minutes {
                        meeting: meeting.record.key,
                    },
                    subject: meeting.record.title,
                    memo_number: meeting.record.memo_number,
                    on,
                });
            }
        }
        // One notice a year: a thousand is every one there will be.
        for round in self.db.issued_award_rounds(Some(office.id), 1_000).await? {
            if let Some(on) = round.issued_on {
                notices.push(Notice {
                    published: Published::AwardNotice {
                        fiscal_year: round.fiscal_year,
                    },
                    subject: Bilingual::default(),
                    memo_number: round.memo_number,
                    on,
                });
            }
        }
        for charter in self.db.published_charters(office.id).await? {
            if let (Some(edition), Some(on)) = (charter.edition, charter.published_on) {
                notices.push(Notice {
                    published: Published::Charter { edition },
                    subject: Bilingual::default(),
                    memo_number: None,
                    on,
                });
            }
        }
        notices.sort_by_key(|notice| std::cmp::Reverse(notice.on));
        Ok(Bulletin { office, notices })
    }
}
