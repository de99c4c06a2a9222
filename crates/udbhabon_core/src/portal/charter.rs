//! The citizen charter's cycle: a version drafted by the office's focal point or member secretary, sent
//! to the Chief Innovation Officer, returned with a note or approved, and then published as the office's
//! next edition with its PDFs stored in both languages; every edition stays readable, and each office
//! and the offices below it are watched for a charter not brought up to date this quarter.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use serde::Deserialize;
use udbhabon_db::office::OfficeRow;
use udbhabon_db::office::person::{HolderRow, PostRow};
use udbhabon_db::portal::charter::CharterRow;
use udbhabon_docs::{CharterView, ServiceGroup, render_charter};
use udbhabon_domain::account::access::Action;
use udbhabon_domain::portal::charter::{
    CharterContent, CharterStatus, Contact, Fee, Officer, OverviewFields, ServiceCategory,
    ServiceFields, TimeLimit, TimeUnit, check_overview, check_service, updated_this_quarter,
};
use udbhabon_domain::register::officer::OfficerRole;
use udbhabon_domain::{Bilingual, Lang, ValidationErrors, Vocabulary};
use udbhabon_i18n::{format, t, t_args};

use crate::account::SignedIn;
use crate::error::invalid;
use crate::team::order::pdf::{Document, document_language};
use crate::{App, Error};

/// The kind under which published charters' PDFs are stored.
const CHARTER_DOCUMENT: &str = "charter";

/// The charter's fixed wording, from `data/charter.toml`.
#[derive(Debug, Deserialize)]
pub struct CharterWording {
    /// What a new charter starts with under "what we expect from you".
    pub expectations: Vec<Bilingual>,
    pub grievance: GrievanceWording,
}

#[derive(Debug, Deserialize)]
pub struct GrievanceWording {
    pub officer: TierWhen,
    pub appeal: TierWhen,
    /// The Cabinet Division's tier, the same for every office.
    pub cabinet: FixedTier,
}

#[derive(Debug, Deserialize)]
pub struct TierWhen {
    pub when: Bilingual,
}

#[derive(Debug, Deserialize)]
pub struct FixedTier {
    pub when: Bilingual,
    pub whom: Bilingual,
    pub contact: Bilingual,
    pub limit: Bilingual,
}

/// The wording, read once; the file is part of the program, and a test reads it.
pub static WORDING: LazyLock<CharterWording> = LazyLock::new(|| {
    toml::from_str(include_str!("../../../../data/charter.toml"))
        .expect("data/charter.toml is checked by the tests")
});

/// An office's charter as a reader sees it.
#[derive(Debug, Clone)]
pub struct CharterPage {
    pub office: OfficeRow,
    /// The published edition shown: the latest, or the one asked for.
    pub shown: Option<CharterRow>,
    /// Every published edition, the latest first: (edition, published on).
    pub editions: Vec<(i32, NaiveDate)>,
    /// For readers of the office's records: the version in the making.
    pub open: Option<CharterRow>,
    /// Whether the latest edition was published this quarter.
    pub current: bool,
    /// Whether the reader may read the office's records (and so the draft and the quarter's flag).
    pub is_office_reader: bool,
    pub can_draft: bool,
    pub can_approve: bool,
    /// For those who draft: the office's posts, with whoever holds each today.
    pub posts: Vec<(PostRow, Option<HolderRow>)>,
    /// The posts a grievance officer may hold: the office's and those of the office above.
    pub grievance_posts: Vec<(PostRow, Option<HolderRow>)>,
}

/// An office's charter next to those of the offices directly below it.
#[derive(Debug, Clone)]
pub struct CharterWatch {
    pub office: OfficeRow,
    /// The office itself first, then those below: each with the day it last published its charter and
    /// whether that was this quarter.
    pub offices: Vec<(OfficeRow, Option<NaiveDate>, bool)>,
}

impl App {
    /// An office's published charter (the latest edition, or `edition`), for anyone; the version in
    /// the making only for readers of the office's records.
    pub async fn charter_page(
        &self,
        who: Option<&SignedIn>,
        office_key: &str,
        edition: Option<i32>,
    ) -> Result<CharterPage, Error> {
        let office = self.db.office_by_key(office_key).await?;
        let published = self.db.published_charters(office.id).await?;
        let shown = match edition {
            None => published.first().cloned(),
            Some(edition) => Some(
                published
                    .iter()
                    .find(|row| row.edition == Some(edition))
                    .cloned()
                    .ok_or_else(|| {
                        Error::NotFound(format!("edition {edition} of {office_key}'s charter"))
                    })?,
            ),
        };
        let may = async |action| match who {
            Some(who) => self.may(who, action, office.id).await,
            None => Ok(false),
        };
        let is_office_reader = may(Action::ViewOfficeRecords).await?;
        let can_draft = may(Action::SubmitForOffice).await?;
        let can_approve = may(Action::ApproveAndSign).await?;
        let open = if is_office_reader {
            self.db.open_charter(office.id).await?
        } else {
            None
        };
        let (posts, grievance_posts) = if is_office_reader {
            let grievance_posts = self.officer_posts(&office).await?;
            let posts = grievance_posts
                .iter()
                .filter(|(post, _)| post.office_id == office.id)
                .cloned()
                .collect();
            (posts, grievance_posts)
        } else {
            (Vec::new(), Vec::new())
        };
        Ok(CharterPage {
            editions: published
                .iter()
                .filter_map(|row| row.edition.zip(row.published_on))
                .collect(),
            current: updated_this_quarter(
                published.first().and_then(|row| row.published_on),
                self.today(),
            ),
            shown,
            open,
            is_office_reader,
            can_draft,
            can_approve,
            posts,
            grievance_posts,
            office,
        })
    }

    /// Starts the office's next version from its latest edition (or, for a first charter, from the
    /// standard expectations) with the grievance officers the office names for grievance redress,
    /// unless one is already in the making.
    pub async fn start_charter(&self, who: &SignedIn, office_key: &str) -> Result<(), Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::SubmitForOffice, office.id)
            .await?;
        if self.db.open_charter(office.id).await?.is_some() {
            return Err(invalid("charter", "error-charter-open"));
        }
        let mut content = match self.db.published_charters(office.id).await?.first() {
            Some(latest) => latest.content.clone(),
            None => CharterContent {
                expectations: WORDING.expectations.clone(),
                ..CharterContent::default()
            },
        };
        // The grievance officers are those the office names on its grievance redress page.
        for officer in self.db.officers(office.id).await? {
            let named = Some(Officer {
                post_id: officer.post_id,
                contact: None,
            });
            match officer.role {
                OfficerRole::GrsOfficer => content.grievance.officer = named,
                OfficerRole::GrsAppellate => content.grievance.appeal = named,
                _ => {}
            }
        }
        // A new version names posts; whoever holds them is read again when it is published.
        for officer in content.officers_mut() {
            officer.contact = None;
        }
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.insert_charter(office.id, &content)
            .await
            .map_err(|error| match error {
                udbhabon_db::DbError::Conflict(_) => invalid("charter", "error-charter-open"),
                other => other.into(),
            })?;
        tx.commit().await?;
        Ok(())
    }

    /// Saves the draft's vision, mission, expectations and grievance officers.
    pub async fn save_charter_overview(
        &self,
        who: &SignedIn,
        office_key: &str,
        fields: &OverviewFields,
    ) -> Result<(), Error> {
        let (office, draft) = self.charter_draft(who, office_key).await?;
        let posts: Vec<i32> = self
            .officer_posts(&office)
            .await?
            .iter()
            .map(|(post, _)| post.id)
            .collect();
        let overview = check_overview(fields, &posts)?;
        let mut content = draft.content;
        content.vision = overview.vision;
        content.mission = overview.mission;
        content.expectations = overview.expectations;
        content.grievance = overview.grievance;
        self.save_draft(who, draft.id, &content).await
    }

    /// Adds a service to the draft (`service_key` `None`) or corrects one in place; returns its key.
    pub async fn save_charter_service(
        &self,
        who: &SignedIn,
        office_key: &str,
        service_key: Option<u32>,
        fields: &ServiceFields,
    ) -> Result<u32, Error> {
        let (office, draft) = self.charter_draft(who, office_key).await?;
        let posts = self.db.post_ids_of_office(office.id).await?;
        let mut content = draft.content;
        let key = service_key.unwrap_or_else(|| content.next_key());
        let service = check_service(fields, &posts, key)?;
        match service_key {
            None => content.services.push(service),
            Some(key) => {
                let place = content
                    .services
                    .iter_mut()
                    .find(|service| service.key == key)
                    .ok_or_else(|| invalid("service", "error-charter-service-gone"))?;
                *place = service;
            }
        }
        self.save_draft(who, draft.id, &content).await?;
        Ok(key)
    }

    /// Takes a service out of the draft.
    pub async fn remove_charter_service(
        &self,
        who: &SignedIn,
        office_key: &str,
        service_key: u32,
    ) -> Result<(), Error> {
        let (_, draft) = self.charter_draft(who, office_key).await?;
        let mut content = draft.content;
        let before = content.services.len();
        content
            .services
            .retain(|service| service.key != service_key);
        if content.services.len() == before {
            return Err(invalid("service", "error-charter-service-gone"));
        }
        self.save_draft(who, draft.id, &content).await
    }

    /// Sends the draft to the Chief Innovation Officer once it is complete.
    pub async fn submit_charter(&self, who: &SignedIn, office_key: &str) -> Result<(), Error> {
        let (office, draft) = self.charter_draft(who, office_key).await?;
        draft.content.check_complete()?;
        // Refused here rather than at approval, so that the Chief Innovation Officer gets a charter that
        // can be published.
        self.with_contacts(&office, &draft.content).await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.set_charter_status(draft.id, CharterStatus::Submitted, "")
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sends a submitted charter back to its drafters with the reason.
    pub async fn return_charter(
        &self,
        who: &SignedIn,
        office_key: &str,
        note: &str,
    ) -> Result<(), Error> {
        let (_, submitted) = self.submitted_charter(who, office_key).await?;
        if note.trim().is_empty() {
            return Err(invalid("note", "error-charter-return-note"));
        }
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.set_charter_status(submitted.id, CharterStatus::Draft, note.trim())
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Approves a submitted charter and publishes it as the office's next edition: the officers it
    /// names are printed as whoever holds their posts today, and its PDFs are stored in both
    /// languages. A post nobody holds is refused by name. Returns the edition.
    pub async fn approve_charter(&self, who: &SignedIn, office_key: &str) -> Result<i32, Error> {
        let (office, submitted) = self.submitted_charter(who, office_key).await?;
        let content = self.with_contacts(&office, &submitted.content).await?;
        // Typeset before the transaction, so that the write lock is not held while fonts are laid out.
        let today = self.today();
        let edition = i32::try_from(self.db.published_charters(office.id).await?.len())
            .map_err(|error| Error::Internal(error.to_string()))?
            + 1;
        let published = CharterRow {
            content: content.clone(),
            edition: Some(edition),
            published_on: Some(today),
            published_at: Some(self.now()),
            ..submitted.clone()
        };
        let mut documents = Vec::new();
        for lang in Lang::ALL {
            let view = charter_view(lang, &office, &published, &HashMap::new(), &HashMap::new());
            let bytes = render_charter(self.fonts()?, document_language(lang), &view)
                .map_err(|error| Error::Internal(error.to_string()))?;
            documents.push((lang, bytes));
        }
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        if tx.publish_charter(submitted.id, &content, today).await? != edition {
            return Err(Error::Conflict(format!(
                "another edition of {office_key}'s charter was published meanwhile"
            )));
        }
        for (lang, bytes) in documents {
            tx.store_issued_document(
                CHARTER_DOCUMENT,
                submitted.id,
                lang,
                "application/pdf",
                bytes,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(edition)
    }

    /// A published edition's PDF (the latest without `edition`) as it was stored when published.
    pub async fn charter_pdf(
        &self,
        office_key: &str,
        edition: Option<i32>,
        lang: Lang,
    ) -> Result<Document, Error> {
        let page = self.charter_page(None, office_key, edition).await?;
        let shown = page
            .shown
            .ok_or_else(|| Error::NotFound(format!("a published charter of {office_key}")))?;
        let edition = shown.edition.unwrap_or_default();
        let stored = self
            .db
            .issued_document(CHARTER_DOCUMENT, shown.id, lang)
            .await?
            .ok_or_else(|| Error::NotFound(format!("the PDF of charter #{}", shown.id)))?;
        Ok(Document {
            file_name: format!(
                "citizen-charter-{}-{edition}-{}.pdf",
                page.office.key,
                lang.tag()
            ),
            bytes: stored.bytes,
        })
    }

    /// The office's charter and those of the offices directly below it, for readers of its records.
    pub async fn charter_watch(
        &self,
        who: &SignedIn,
        office_key: &str,
    ) -> Result<CharterWatch, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ViewOfficeRecords, office.id)
            .await?;
        let mut offices = vec![office.clone()];
        offices.extend(self.db.office_children(&[Some(office.id)]).await?);
        let ids: Vec<i32> = offices.iter().map(|office| office.id).collect();
        let published = self.db.charters_published_on(&ids).await?;
        let today = self.today();
        Ok(CharterWatch {
            offices: offices
                .into_iter()
                .map(|office| {
                    let on = published.get(&office.id).copied();
                    (office, on, updated_this_quarter(on, today))
                })
                .collect(),
            office,
        })
    }

    /// The charter with each officer it names printed as whoever holds the post today, with their
    /// phone and e-mail (the office's when the person has none recorded); refused while any of its
    /// posts is vacant.
    async fn with_contacts(
        &self,
        office: &OfficeRow,
        content: &CharterContent,
    ) -> Result<CharterContent, Error> {
        let mut content = content.clone();
        let post_ids: Vec<i32> = content
            .officers_mut()
            .map(|officer| officer.post_id)
            .collect();
        let posts = self.db.posts(&post_ids).await?;
        let holders = self.db.holders_on(&post_ids, self.today()).await?;
        let mut vacant = std::collections::HashSet::new();
        for officer in content.officers_mut() {
            match (posts.get(&officer.post_id), holders.get(&officer.post_id)) {
                (Some(post), Some(holder)) => {
                    let person = &holder.person;
                    officer.contact = Some(Contact {
                        name: person.name.clone(),
                        designation: post.label.clone(),
                        phone: person
                            .phone
                            .clone()
                            .or_else(|| office.phone.clone())
                            .unwrap_or_default(),
                        email: person
                            .email
                            .clone()
                            .or_else(|| office.email.clone())
                            .unwrap_or_default(),
                    });
                }
                _ => {
                    vacant.insert(officer.post_id);
                }
            }
        }
        if vacant.is_empty() {
            Ok(content)
        } else {
            let mut errors = ValidationErrors::new();
            errors
                .add("charter", "error-charter-vacant-post")
                .with("count", vacant.len());
            Err(errors.into())
        }
    }

    /// The office's draft, for those who may draft it; none is a conflict the page explains.
    async fn charter_draft(
        &self,
        who: &SignedIn,
        office_key: &str,
    ) -> Result<(OfficeRow, CharterRow), Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::SubmitForOffice, office.id)
            .await?;
        match self.db.open_charter(office.id).await? {
            Some(draft) if draft.status == CharterStatus::Draft => Ok((office, draft)),
            Some(_) => Err(invalid("charter", "error-charter-not-draft")),
            None => Err(invalid("charter", "error-charter-none")),
        }
    }

    /// The office's charter waiting for approval, for those who approve.
    async fn submitted_charter(
        &self,
        who: &SignedIn,
        office_key: &str,
    ) -> Result<(OfficeRow, CharterRow), Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ApproveAndSign, office.id).await?;
        match self.db.open_charter(office.id).await? {
            Some(open) if open.status == CharterStatus::Submitted => Ok((office, open)),
            _ => Err(invalid("charter", "error-charter-not-submitted")),
        }
    }

    async fn save_draft(
        &self,
        who: &SignedIn,
        id: i32,
        content: &CharterContent,
    ) -> Result<(), Error> {
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.save_charter(id, content)
            .await
            .map_err(|error| match error {
                udbhabon_db::DbError::Conflict(_) => invalid("charter", "error-charter-not-draft"),
                other => other.into(),
            })?;
        tx.commit().await?;
        Ok(())
    }
}

/// A fee as the charter prints it.
pub fn fee_text(lang: Lang, fee: Fee) -> String {
    match fee {
        Fee::Free => t(lang, "charter-fee-free"),
        Fee::Taka(paisa) => match lang {
            Lang::Bn => bangla::number::format_taka_bn(paisa),
            Lang::En => bangla::number::format_taka_en(paisa),
        },
    }
}

/// A fee as a form shows it to be corrected: the amount in the reader's digits without "৳", or "free".
pub fn fee_as_typed(lang: Lang, fee: Fee) -> String {
    match fee {
        Fee::Free => t(lang, "charter-fee-free"),
        Fee::Taka(paisa) => format::digits(
            lang,
            bangla::number::format_decimal_en(paisa, 2).trim_end_matches(".00"),
        ),
    }
}

/// A time limit as the charter prints it: "৭ কার্যদিবস".
pub fn time_limit_text(lang: Lang, limit: TimeLimit) -> String {
    t_args(
        lang,
        "charter-time-limit",
        &[
            ("count", format::number(lang, i64::from(limit.amount))),
            ("unit", t(lang, &limit.unit.message_key())),
        ],
    )
}

/// The charter as printed and shown, in `lang`. A published version prints the contacts it kept; a
/// draft shows today's holders of its posts (`posts`, `holders`), or the post marked vacant.
pub fn charter_view(
    lang: Lang,
    office: &OfficeRow,
    charter: &CharterRow,
    posts: &HashMap<i32, PostRow>,
    holders: &HashMap<i32, HolderRow>,
) -> CharterView {
    let content = &charter.content;
    // A published version prints the contacts it kept; a draft, today's holders of its posts.
    let contact = |officer: &Officer| -> Option<Contact> {
        officer.contact.clone().or_else(|| {
            let post = posts.get(&officer.post_id)?;
            let holder = holders.get(&officer.post_id);
            Some(Contact {
                name: holder.map_or_else(
                    || {
                        Bilingual::new(
                            t(Lang::Bn, "charter-post-vacant"),
                            t(Lang::En, "charter-post-vacant"),
                        )
                    },
                    |holder| holder.person.name.clone(),
                ),
                designation: post.label.clone(),
                phone: holder
                    .and_then(|holder| holder.person.phone.clone())
                    .unwrap_or_default(),
                email: holder
                    .and_then(|holder| holder.person.email.clone())
                    .unwrap_or_default(),
            })
        })
    };
    let lines = |parts: [String; 2]| {
        parts
            .into_iter()
            .filter(|line| !line.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    };
    // Who the officer is, and how to reach them.
    let whom = |contact: &Contact| {
        lines([
            contact.name.get(lang).to_owned(),
            contact.designation.get(lang).to_owned(),
        ])
    };
    let reach =
        |contact: &Contact| lines([format::digits(lang, &contact.phone), contact.email.clone()]);
    let officer = |officer: &Officer| {
        contact(officer).map_or_else(String::new, |contact| {
            lines([whom(&contact), reach(&contact)])
        })
    };
    let number = |value: usize| format::number(lang, value as i64);
    let groups = ServiceCategory::ALL
        .iter()
        .filter_map(|category| {
            let rows: Vec<[String; 7]> = content
                .services_in(*category)
                .enumerate()
                .map(|(serial, service)| {
                    let fee = fee_text(lang, service.fee);
                    let payment = service.payment.get(lang);
                    [
                        number(serial + 1),
                        service.name.get(lang).to_owned(),
                        service.method.get(lang).to_owned(),
                        service.documents.get(lang).to_owned(),
                        if payment.is_empty() {
                            fee
                        } else {
                            format!("{fee}\n{payment}")
                        },
                        time_limit_text(lang, service.time_limit),
                        officer(&service.officer),
                    ]
                })
                .collect();
            (!rows.is_empty()).then(|| ServiceGroup {
                heading: t(lang, &category.message_key()),
                rows,
            })
        })
        .collect();
    let grievance = &content.grievance;
    let days = |amount: u32| {
        time_limit_text(
            lang,
            TimeLimit {
                amount,
                unit: TimeUnit::WorkingDay,
            },
        )
    };
    let tier = |serial: usize, when: &Bilingual, whom: String, contact: String, limit: String| {
        [
            number(serial),
            when.get(lang).to_owned(),
            whom,
            contact,
            limit,
        ]
    };
    let officer_parts = |named: &Option<Officer>| {
        named
            .as_ref()
            .and_then(contact)
            .map_or_else(Default::default, |contact| {
                (whom(&contact), reach(&contact))
            })
    };
    let (officer_whom, officer_contact) = officer_parts(&grievance.officer);
    let (appeal_whom, appeal_contact) = officer_parts(&grievance.appeal);
    let cabinet = &WORDING.grievance.cabinet;
    let published = match (charter.edition, charter.published_on) {
        (Some(edition), Some(on)) => t_args(
            lang,
            "charter-edition-line",
            &[
                ("edition", format::number(lang, i64::from(edition))),
                ("date", format::date_both(lang, on)),
            ],
        ),
        _ => t(lang, "charter-draft-line"),
    };
    CharterView {
        government: t(lang, "government"),
        office: office.name.get(lang).to_owned(),
        heading: t(lang, "charter-title"),
        edition: published,
        vision: (
            t(lang, "charter-vision"),
            content.vision.get(lang).to_owned(),
        ),
        mission: (
            t(lang, "charter-mission"),
            content.mission.get(lang).to_owned(),
        ),
        services_heading: t(lang, "charter-services"),
        columns: [
            t(lang, "charter-column-serial"),
            t(lang, "charter-column-service"),
            t(lang, "charter-column-method"),
            t(lang, "charter-column-documents"),
            t(lang, "charter-column-fee"),
            t(lang, "charter-column-time"),
            t(lang, "charter-column-officer"),
        ],
        groups,
        grievance_heading: t(lang, "charter-grievance"),
        grievance_columns: [
            t(lang, "charter-column-serial"),
            t(lang, "charter-grievance-when"),
            t(lang, "charter-grievance-whom"),
            t(lang, "charter-grievance-contact"),
            t(lang, "charter-grievance-limit"),
        ],
        grievance: vec![
            tier(
                1,
                &WORDING.grievance.officer.when,
                officer_whom,
                officer_contact,
                days(grievance.officer_days),
            ),
            tier(
                2,
                &WORDING.grievance.appeal.when,
                appeal_whom,
                appeal_contact,
                days(grievance.appeal_days),
            ),
            tier(
                3,
                &cabinet.when,
                cabinet.whom.get(lang).to_owned(),
                cabinet.contact.get(lang).to_owned(),
                cabinet.limit.get(lang).to_owned(),
            ),
        ],
        expectations_heading: t(lang, "charter-expectations"),
        expectations: content
            .expectations
            .iter()
            .enumerate()
            .map(|(index, line)| format!("{}) {}", number(index + 1), line.get(lang)))
            .collect(),
        footer: charter.published_at.map_or_else(String::new, |at| {
            t_args(
                lang,
                "charter-footer",
                &[("date", format::date_both(lang, bangla::today_in_dhaka(at)))],
            )
        }),
    }
}
