//! Composing, previewing and issuing the office order that constitutes a team. A draft starts from
//! the order in force (or, for a team's first order, from the built-in template); issuing takes the
//! memo number, stores the PDFs as issued and puts the new team in force, in one transaction.

pub mod pdf;

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::Deserialize;
use udbhabon_db::distribution::DistributionEntryRow;
use udbhabon_db::office::OfficeRow;
use udbhabon_db::office::memo::MemoFileRow;
use udbhabon_db::office::person::{HolderRow, PostRow};
use udbhabon_db::team::order::OrderDraftRow;
use udbhabon_db::team::{TeamOrderRecord, TeamOrderRow, TeamRow};
use udbhabon_db::write::{NewDistributionEntry, NewTeamOrder};
use udbhabon_domain::account::access::Action;
use udbhabon_domain::office::memo::MemoNumber;
use udbhabon_domain::team::TeamRole;
use udbhabon_domain::team::order::{DraftCopy, DraftMember, IssueFacts, OrderDraft, check_issue};
use udbhabon_domain::{Bilingual, FieldError, Lang, ValidationErrors, Vocabulary};

use crate::account::SignedIn;
use crate::team::order::pdf::{Document, ORDER_DOCUMENT, office_order_view, render_view};
use crate::team::{MemberDetail, OrderDetail};
use crate::{App, Error};

/// The standard parts of an order, as the Cabinet Division's circular gives them (`order_template.toml`).
#[derive(Debug, Clone, Deserialize)]
pub struct OrderTemplate {
    pub cites_memo: String,
    pub cites_date: NaiveDate,
    pub preamble_bn: String,
    pub preamble_en: String,
    pub terms_heading_bn: String,
    pub terms_heading_en: String,
    pub closing_bn: String,
    pub closing_en: String,
    pub copies_intro_bn: String,
    pub copies_intro_en: String,
    pub terms: Vec<Bilingual>,
}

impl OrderTemplate {
    /// The template built into the binary.
    pub fn builtin() -> &'static Self {
        static TEMPLATE: OnceLock<OrderTemplate> = OnceLock::new();
        TEMPLATE.get_or_init(|| {
            toml::from_str(include_str!("template.toml"))
                .expect("the built-in order template is valid (a unit test reads it)")
        })
    }

    /// A first order for an office's team: the template's paragraphs and terms, nobody named yet.
    fn first_order(
        &self,
        office: &OfficeRow,
        memo_file_id: Option<i32>,
        today: NaiveDate,
    ) -> OrderDraft {
        let fill = |text: &str, lang: Lang| {
            let cites_date = self.cites_date.format("%d.%m.%Y").to_string();
            let (memo, date) = match lang {
                Lang::Bn => (
                    bangla::digits::to_bengali_digits(&self.cites_memo),
                    bangla::digits::to_bengali_digits(&cites_date),
                ),
                Lang::En => (
                    bangla::digits::to_ascii_digits(&self.cites_memo),
                    cites_date,
                ),
            };
            text.replace("{office}", office.name.get(lang))
                .replace("{cites_memo}", &memo)
                .replace("{cites_date}", &date)
        };
        OrderDraft {
            memo_file_id,
            effective_from: Some(today),
            cites_memo: self.cites_memo.clone(),
            cites_date: Some(self.cites_date),
            preamble: Bilingual::new(
                fill(&self.preamble_bn, Lang::Bn),
                fill(&self.preamble_en, Lang::En),
            ),
            members: Vec::new(),
            terms_heading: Bilingual::new(&self.terms_heading_bn, &self.terms_heading_en),
            terms: self.terms.clone(),
            closing: Bilingual::new(&self.closing_bn, &self.closing_en),
            signatory_post_id: None,
            copies_intro: Bilingual::new(&self.copies_intro_bn, &self.copies_intro_en),
            copies: Vec::new(),
        }
    }
}

/// A draft with what the form offers to choose from and what stands between it and being issued.
#[derive(Debug, Clone)]
pub struct DraftOverview {
    pub draft: OrderDraftRow,
    pub team: TeamRow,
    pub office: OfficeRow,
    pub memo_files: Vec<MemoFileRow>,
    /// The office's posts: members and the signatory are chosen from these.
    pub office_posts: Vec<PostRow>,
    /// The posts of the office, the office above and those below (and any the draft names), each with
    /// its office, for the copy list.
    pub copy_posts: Vec<(PostRow, OfficeRow)>,
    /// Who holds the members' posts on the effective date (today when none is set).
    pub holders: HashMap<i32, HolderRow>,
    /// The date `holders` are for.
    pub holders_on: NaiveDate,
    /// What must be put right before the draft can be issued; empty when it is ready.
    pub problems: Vec<FieldError>,
}

/// The form of a draft as typed: every value as text, rows as parallel lists in the order shown.
#[derive(Debug, Clone, Default)]
pub struct OrderDraftFields {
    pub memo_file: String,
    pub effective_from: String,
    pub cites_memo: String,
    pub cites_date: String,
    pub preamble_bn: String,
    pub preamble_en: String,
    pub member_posts: Vec<String>,
    pub member_roles: Vec<String>,
    pub terms_heading_bn: String,
    pub terms_heading_en: String,
    pub terms_bn: Vec<String>,
    pub terms_en: Vec<String>,
    pub closing_bn: String,
    pub closing_en: String,
    pub signatory_post: String,
    pub copies_intro_bn: String,
    pub copies_intro_en: String,
    pub copy_posts: Vec<String>,
    pub copies_bn: Vec<String>,
    pub copies_en: Vec<String>,
}

/// What a save or an issue that was refused leaves for the form to show again.
#[derive(Debug)]
pub enum DraftRefusal {
    /// The input could not be used: the page shows it again with each field's message.
    Invalid {
        overview: Box<DraftOverview>,
        errors: ValidationErrors,
    },
    /// Someone saved the draft after it was opened: the page shows the newer version.
    Stale {
        overview: Box<DraftOverview>,
    },
    Failed(Error),
}

impl From<Error> for DraftRefusal {
    fn from(error: Error) -> Self {
        Self::Failed(error)
    }
}

impl From<udbhabon_db::DbError> for DraftRefusal {
    fn from(error: udbhabon_db::DbError) -> Self {
        Self::Failed(error.into())
    }
}

/// An order that was issued: where its team is, and its number.
#[derive(Debug, Clone)]
pub struct IssuedOrder {
    pub team_key: String,
    pub memo_number: MemoNumber,
}

fn trimmed(text: &str) -> String {
    text.trim().to_owned()
}

fn optional_date(
    text: &str,
    field: &'static str,
    errors: &mut ValidationErrors,
) -> Option<NaiveDate> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    bangla::parse_date(text)
        .map_err(|_| {
            errors.add(field, "error-bad-date");
        })
        .ok()
}

fn choice(
    text: &str,
    field: impl Into<String>,
    allowed: &dyn Fn(i32) -> bool,
    errors: &mut ValidationErrors,
) -> Option<i32> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    match text.parse::<i32>() {
        Ok(id) if allowed(id) => Some(id),
        _ => {
            errors.add(field, "error-order-unknown-choice");
            None
        }
    }
}

/// Reads the form into a draft against the choices it offered; what cannot be read is left out and
/// named in the errors. Empty rows are dropped; a copy to a post without its own line is printed as
/// "<post>, <office>।".
fn read_fields(
    fields: &OrderDraftFields,
    overview: &DraftOverview,
) -> (OrderDraft, ValidationErrors) {
    let mut errors = ValidationErrors::new();
    let office_post = |id: i32| overview.office_posts.iter().any(|post| post.id == id);
    let memo_file = |id: i32| overview.memo_files.iter().any(|file| file.id == id);
    let copy_post = |id: i32| overview.copy_posts.iter().any(|(post, _)| post.id == id);
    let mut members = Vec::new();
    for (index, post) in fields.member_posts.iter().enumerate() {
        let field = format!("member_post_{}", members.len());
        let Some(post_id) = choice(post, field.clone(), &office_post, &mut errors) else {
            continue;
        };
        let role = fields
            .member_roles
            .get(index)
            .map(String::as_str)
            .unwrap_or("");
        match TeamRole::from_code(role.trim()) {
            Ok(role) => members.push(DraftMember { post_id, role }),
            Err(_) => {
                errors.add(field, "error-order-unknown-choice");
            }
        }
    }
    let terms = fields
        .terms_bn
        .iter()
        .enumerate()
        .map(|(index, bn)| {
            Bilingual::new(
                trimmed(bn),
                trimmed(fields.terms_en.get(index).map(String::as_str).unwrap_or("")),
            )
        })
        .filter(|term| !term.bn.is_empty() || !term.en.is_empty())
        .collect();
    let mut copies = Vec::new();
    for (index, post) in fields.copy_posts.iter().enumerate() {
        let text = Bilingual::new(
            trimmed(
                fields
                    .copies_bn
                    .get(index)
                    .map(String::as_str)
                    .unwrap_or(""),
            ),
            trimmed(
                fields
                    .copies_en
                    .get(index)
                    .map(String::as_str)
                    .unwrap_or(""),
            ),
        );
        let field = format!("copy_post_{}", copies.len());
        let post_id = choice(post, field, &copy_post, &mut errors);
        if post_id.is_none() && text.bn.is_empty() && text.en.is_empty() {
            continue;
        }
        let recipient =
            post_id.and_then(|id| overview.copy_posts.iter().find(|(post, _)| post.id == id));
        let text = match recipient {
            Some((post, office)) if text.bn.is_empty() && text.en.is_empty() => Bilingual::new(
                format!("{}, {}।", post.label.bn, office.name.bn),
                format!("{}, {}.", post.label.en, office.name.en),
            ),
            _ => text,
        };
        copies.push(DraftCopy {
            post_id,
            office_id: recipient.map(|(_, office)| office.id),
            text,
        });
    }
    let draft = OrderDraft {
        memo_file_id: choice(&fields.memo_file, "memo_file", &memo_file, &mut errors),
        effective_from: optional_date(&fields.effective_from, "effective_from", &mut errors),
        cites_memo: trimmed(&fields.cites_memo),
        cites_date: optional_date(&fields.cites_date, "cites_date", &mut errors),
        preamble: Bilingual::new(trimmed(&fields.preamble_bn), trimmed(&fields.preamble_en)),
        members,
        terms_heading: Bilingual::new(
            trimmed(&fields.terms_heading_bn),
            trimmed(&fields.terms_heading_en),
        ),
        terms,
        closing: Bilingual::new(trimmed(&fields.closing_bn), trimmed(&fields.closing_en)),
        signatory_post_id: choice(
            &fields.signatory_post,
            "signatory_post",
            &office_post,
            &mut errors,
        ),
        copies_intro: Bilingual::new(
            trimmed(&fields.copies_intro_bn),
            trimmed(&fields.copies_intro_en),
        ),
        copies,
    };
    (draft, errors)
}

/// A draft copied from an order in force: the same team, paragraphs and lists, taking effect today.
fn from_order(detail: &OrderDetail, memo_file_id: Option<i32>, today: NaiveDate) -> OrderDraft {
    let record = &detail.order.record;
    OrderDraft {
        memo_file_id,
        effective_from: Some(today),
        cites_memo: record
            .cites_memo
            .as_ref()
            .map(MemoNumber::to_bengali)
            .unwrap_or_default(),
        cites_date: record.cites_date,
        preamble: record.preamble.clone(),
        members: detail
            .members
            .iter()
            .map(|member| DraftMember {
                post_id: member.post.id,
                role: member.role,
            })
            .collect(),
        terms_heading: record.terms_heading.clone(),
        terms: detail.terms.clone(),
        closing: record.closing.clone(),
        signatory_post_id: Some(record.signatory_post_id),
        copies_intro: record.copies_intro.clone(),
        copies: detail
            .copies
            .iter()
            .map(|copy| DraftCopy {
                post_id: copy.post_id,
                office_id: copy.office_id,
                text: copy.text.clone(),
            })
            .collect(),
    }
}

impl App {
    /// Starts a new order for an office's team (making the team if the office has none yet) and
    /// returns the draft's id.
    pub async fn start_order_draft(&self, who: &SignedIn, office_key: &str) -> Result<i32, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ManageTeam, office.id).await?;
        let today = self.today();
        let team = self.db.teams_of_office(office.id).await?.into_iter().next();
        let files = self.db.memo_files(office.id).await?;
        let in_force = match &team {
            Some(team) => self.db.order_in_force(team.id, today).await?,
            None => None,
        };
        let content = match in_force {
            Some(order) => {
                let same_file = files
                    .iter()
                    .find(|file| file.file_number == order.record.memo_number.file())
                    .map(|file| file.id);
                let detail = self.order_detail(order, today).await?;
                from_order(
                    &detail,
                    same_file.or(files.first().map(|file| file.id)),
                    today,
                )
            }
            None => OrderTemplate::builtin().first_order(
                &office,
                files.first().map(|file| file.id),
                today,
            ),
        };
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let team_id = match team {
            Some(team) => team.id,
            None => {
                tx.insert_team(
                    &format!("{}-innovation-team", office.key),
                    office.id,
                    Bilingual::new("ইনোভেশন টিম", "Innovation Team"),
                )
                .await?
            }
        };
        let id = tx.insert_order_draft(team_id, &content).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The team's drafts not yet issued, when `who` may compose the office's orders; `None` otherwise.
    pub async fn open_order_drafts(
        &self,
        who: Option<&SignedIn>,
        team: &TeamRow,
    ) -> Result<Option<Vec<OrderDraftRow>>, Error> {
        let Some(who) = who else { return Ok(None) };
        if !self.may(who, Action::ManageTeam, team.office_id).await? {
            return Ok(None);
        }
        Ok(Some(self.db.open_order_drafts(team.id).await?))
    }

    /// A draft with its choices and problems, for those who compose the office's orders.
    pub async fn order_draft(&self, who: &SignedIn, id: i32) -> Result<DraftOverview, Error> {
        let draft = self.db.order_draft(id).await?;
        let team = self.db.team_by_id(draft.team_id).await?;
        self.require(who, Action::ManageTeam, team.office_id)
            .await?;
        self.overview(draft, team).await
    }

    async fn overview(&self, draft: OrderDraftRow, team: TeamRow) -> Result<DraftOverview, Error> {
        let office = self.db.office_by_id(team.office_id).await?;
        let office_post_ids = self.db.post_ids_of_office(office.id).await?;
        // The copy list offers the posts of the office, the office above and those below, and any
        // post the draft already names.
        let mut all_post_ids = self.related_post_ids(&office).await?;
        for copy in &draft.content.copies {
            if let Some(post) = copy.post_id
                && !all_post_ids.contains(&post)
            {
                all_post_ids.push(post);
            }
        }
        let mut posts = self.db.posts(&all_post_ids).await?;
        let offices = self.db.offices_of_posts(&posts).await?;
        let copy_posts = all_post_ids
            .iter()
            .filter_map(|id| {
                let post = posts.get(id)?.clone();
                let office = offices.get(&post.office_id)?.clone();
                Some((post, office))
            })
            .collect();
        let office_posts = office_post_ids
            .iter()
            .filter_map(|id| posts.remove(id))
            .collect();
        let holders_on = draft.content.effective_from.unwrap_or_else(|| self.today());
        let member_posts: Vec<i32> = draft
            .content
            .members
            .iter()
            .map(|member| member.post_id)
            .collect();
        let holders = self.db.holders_on(&member_posts, holders_on).await?;
        let mut overview = DraftOverview {
            memo_files: self.db.memo_files(office.id).await?,
            draft,
            team,
            office,
            office_posts,
            copy_posts,
            holders,
            holders_on,
            problems: Vec::new(),
        };
        let facts = self.issue_facts(&overview).await?;
        overview.problems = check_issue(&overview.draft.content, &facts)
            .err()
            .map(|errors| errors.errors)
            .unwrap_or_default();
        Ok(overview)
    }

    /// What the records say about issuing the overview's draft today; the members' holders on the
    /// effective date are the ones the overview already read.
    async fn issue_facts(&self, overview: &DraftOverview) -> Result<IssueFacts, Error> {
        let draft = &overview.draft.content;
        let previous_effective = self
            .db
            .orders_of_team(overview.team.id)
            .await?
            .iter()
            .map(|order| order.record.effective_from)
            .max();
        let held_on_effective = match draft.effective_from {
            Some(_) => overview.holders.keys().copied().collect(),
            None => Default::default(),
        };
        let signatory_held = match draft.signatory_post_id {
            Some(post) => !self.db.holders_on(&[post], self.today()).await?.is_empty(),
            None => false,
        };
        Ok(IssueFacts {
            memo_file_known: draft.memo_file_id.is_some_and(|id| {
                overview
                    .memo_files
                    .iter()
                    .any(|file| file.id == id && file.closed_on.is_none())
            }),
            previous_effective,
            held_on_effective,
            signatory_held,
        })
    }

    /// Saves the form over the version it was opened at; returns the new version. Nothing is saved
    /// when any value cannot be read or someone saved in between.
    pub async fn save_order_draft(
        &self,
        who: &SignedIn,
        id: i32,
        seen_version: i32,
        fields: &OrderDraftFields,
    ) -> Result<i32, DraftRefusal> {
        let overview = self.order_draft(who, id).await?;
        if overview.draft.issued_order_id.is_some() {
            return Err(DraftRefusal::Failed(Error::Conflict(format!(
                "order draft #{id} is already issued"
            ))));
        }
        let (content, errors) = read_fields(fields, &overview);
        if !errors.is_empty() {
            let mut shown = overview;
            shown.draft.content = content;
            return Err(DraftRefusal::Invalid {
                overview: Box::new(shown),
                errors,
            });
        }
        if overview.draft.version != seen_version {
            return Err(DraftRefusal::Stale {
                overview: Box::new(overview),
            });
        }
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        match tx.save_order_draft(id, seen_version, &content).await {
            Ok(version) => {
                tx.commit().await?;
                Ok(version)
            }
            Err(udbhabon_db::DbError::Conflict(_)) => {
                drop(tx);
                Err(DraftRefusal::Stale {
                    overview: Box::new(self.order_draft(who, id).await?),
                })
            }
            Err(other) => Err(other.into()),
        }
    }

    /// The draft as a PDF, marked as a draft, with the number it would be given now.
    pub async fn preview_order_pdf(
        &self,
        who: &SignedIn,
        id: i32,
        lang: Lang,
    ) -> Result<Document, Error> {
        let overview = self.order_draft(who, id).await?;
        let today = self.today();
        let memo = match overview
            .memo_files
            .iter()
            .find(|file| Some(file.id) == overview.draft.content.memo_file_id)
        {
            Some(file) => file.file_number.letter(file.next_letter),
            None => {
                return Err(Error::Invalid({
                    let mut errors = ValidationErrors::new();
                    errors.add("memo_file", "error-order-memo-file");
                    errors
                }));
            }
        };
        let detail = self.detail_from_draft(&overview, memo, 0, today).await?;
        let view = office_order_view(&overview.office, &detail, lang, true);
        Ok(Document {
            file_name: format!("office-order-draft-{id}.pdf"),
            bytes: render_view(self.fonts()?, &view)?,
        })
    }

    /// What the draft would print as an order with this number, signed today by the holder of the
    /// signatory's post.
    async fn detail_from_draft(
        &self,
        overview: &DraftOverview,
        memo_number: MemoNumber,
        order_id: i32,
        today: NaiveDate,
    ) -> Result<OrderDetail, Error> {
        let content = &overview.draft.content;
        let signatory_post_id = content
            .signatory_post_id
            .ok_or_else(|| invalid("signatory_post", "error-required"))?;
        let mut post_ids: Vec<i32> = content
            .members
            .iter()
            .map(|member| member.post_id)
            .collect();
        post_ids.push(signatory_post_id);
        let mut posts = self.db.posts(&post_ids).await?;
        let signatory = self
            .db
            .holders_on(&[signatory_post_id], today)
            .await?
            .remove(&signatory_post_id)
            .ok_or_else(|| invalid("signatory_post", "error-order-signatory-vacant"))?
            .person;
        let holders = self
            .db
            .holders_on(&post_ids, content.effective_from.unwrap_or(today))
            .await?;
        let members = content
            .members
            .iter()
            .enumerate()
            .map(|(index, member)| {
                Ok(MemberDetail {
                    serial: u32::try_from(index + 1).unwrap_or(u32::MAX),
                    role: member.role,
                    holder: holders.get(&member.post_id).cloned(),
                    post: posts
                        .get(&member.post_id)
                        .cloned()
                        .ok_or_else(|| Error::NotFound(format!("post #{}", member.post_id)))?,
                })
            })
            .collect::<Result<Vec<_>, Error>>()?;
        let issuing_unit = match overview
            .memo_files
            .iter()
            .find(|file| Some(file.id) == content.memo_file_id)
            .and_then(|file| file.unit_id)
        {
            Some(unit) => Some(self.db.unit_by_id(unit).await?),
            None => None,
        };
        Ok(OrderDetail {
            order: TeamOrderRow {
                id: order_id,
                record: record_of(overview, memo_number, signatory.id, today)?,
                copies_list_id: 0,
            },
            issuing_unit,
            members,
            terms: content.terms.clone(),
            copies: content
                .copies
                .iter()
                .map(|copy| DistributionEntryRow {
                    text: copy.text.clone(),
                    attention: None,
                    office_id: copy.office_id,
                    post_id: copy.post_id,
                })
                .collect(),
            signatory,
            signatory_post: posts
                .remove(&signatory_post_id)
                .ok_or_else(|| Error::NotFound(format!("post #{signatory_post_id}")))?,
        })
    }

    /// Issues a draft: checks it against the records, takes its memo number and the copies' number,
    /// records the order, stores its PDFs in both languages with their hashes, and closes the draft.
    /// Anything refused or failing leaves nothing behind and uses up no number.
    pub async fn issue_order(
        &self,
        who: &SignedIn,
        id: i32,
        seen_version: i32,
    ) -> Result<IssuedOrder, DraftRefusal> {
        let overview = self.order_draft(who, id).await?;
        if overview.draft.issued_order_id.is_some() {
            return Err(DraftRefusal::Failed(Error::Conflict(format!(
                "order draft #{id} is already issued"
            ))));
        }
        if overview.draft.version != seen_version {
            return Err(DraftRefusal::Stale {
                overview: Box::new(overview),
            });
        }
        if !overview.problems.is_empty() {
            let errors = ValidationErrors {
                errors: overview.problems.clone(),
            };
            return Err(DraftRefusal::Invalid {
                overview: Box::new(overview),
                errors,
            });
        }
        let fonts = self.fonts()?;
        let today = self.today();
        let content = &overview.draft.content;
        let file_id = content
            .memo_file_id
            .ok_or_else(|| invalid("memo_file", "error-order-memo-file"))?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let locked = tx.lock_order_draft(id).await?;
        if locked.version != seen_version || locked.issued_order_id.is_some() {
            drop(tx);
            return Err(DraftRefusal::Stale {
                overview: Box::new(self.order_draft(who, id).await?),
            });
        }
        let purpose = Bilingual::new(
            format!("অফিস আদেশ: {} গঠন", overview.team.name.bn),
            format!("Office order: constituting the {}", overview.team.name.en),
        );
        let memo = tx.take_memo_number(file_id, today, purpose).await?;
        let copies = u32::try_from(content.copies.len()).unwrap_or(u32::MAX);
        if copies > 0 {
            tx.record_memo_number(
                file_id,
                &memo.endorsed(1, copies),
                today,
                Bilingual::new("অফিস আদেশের অনুলিপি", "Copies of the office order"),
            )
            .await?;
        }
        let mut detail = self.detail_from_draft(&overview, memo, 0, today).await?;
        let order_id = tx
            .insert_team_order(NewTeamOrder {
                record: detail.order.record.clone(),
                members: content
                    .members
                    .iter()
                    .map(|member| (member.post_id, member.role))
                    .collect(),
                terms: content.terms.clone(),
                copies: content
                    .copies
                    .iter()
                    .map(|copy| NewDistributionEntry {
                        text: copy.text.clone(),
                        attention: None,
                        office_id: copy.office_id,
                        post_id: copy.post_id,
                    })
                    .collect(),
            })
            .await?;
        detail.order.id = order_id;
        for lang in Lang::ALL {
            let view = office_order_view(&overview.office, &detail, lang, false);
            let bytes = render_view(fonts, &view)?;
            tx.store_issued_document(ORDER_DOCUMENT, order_id, lang, "application/pdf", bytes)
                .await?;
        }
        tx.mark_order_draft_issued(id, order_id).await?;
        tx.commit().await?;
        tracing::info!(order_id, memo = %detail.order.record.memo_number, "office order issued");
        Ok(IssuedOrder {
            team_key: overview.team.key,
            memo_number: detail.order.record.memo_number,
        })
    }
}

fn invalid(field: &'static str, message_key: &'static str) -> Error {
    let mut errors = ValidationErrors::new();
    errors.add(field, message_key);
    Error::Invalid(errors)
}

/// The order's record as it will be stored, issued and signed today.
fn record_of(
    overview: &DraftOverview,
    memo_number: MemoNumber,
    signatory_person_id: i32,
    today: NaiveDate,
) -> Result<TeamOrderRecord, Error> {
    let content = &overview.draft.content;
    let cites = content.cites_memo.trim();
    Ok(TeamOrderRecord {
        team_id: overview.team.id,
        issuing_unit_id: overview
            .memo_files
            .iter()
            .find(|file| Some(file.id) == content.memo_file_id)
            .and_then(|file| file.unit_id),
        memo_number,
        issued_on: today,
        effective_from: content.effective_from.unwrap_or(today),
        cites_memo: if cites.is_empty() {
            None
        } else {
            Some(
                cites
                    .parse()
                    .map_err(|_| invalid("cites_memo", "error-memo-number"))?,
            )
        },
        cites_date: content.cites_date,
        preamble: content.preamble.clone(),
        terms_heading: content.terms_heading.clone(),
        closing: content.closing.clone(),
        signatory_person_id,
        signatory_post_id: content
            .signatory_post_id
            .ok_or_else(|| invalid("signatory_post", "error-required"))?,
        signed_on: today,
        endorsement: 1,
        copies_intro: content.copies_intro.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_template_carries_the_24_terms_of_reference_of_the_circular() {
        let template = OrderTemplate::builtin();
        assert_eq!(template.terms.len(), 24);
        assert!(
            template
                .terms
                .iter()
                .all(|term| !term.bn.is_empty() && !term.en.is_empty())
        );
        assert!(template.cites_memo.parse::<MemoNumber>().is_ok());
        assert!(template.preamble_bn.contains("{office}"));
        assert!(template.copies_intro_bn.contains("জ্যেষ্ঠতার ক্রমানুসারে নয়"));
    }
}
