//! Composing an office order: starting a draft for an office's team, the draft form with what stands
//! between it and being issued, its PDF preview, issuing it, and the PDF of any issued order.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use udbhabon_core::account::SignedIn;
use udbhabon_core::team::order::{DraftOverview, DraftRefusal, OrderDraftFields};
use udbhabon_core::{Error, OrderDraftRow};
use udbhabon_domain::team::TeamRole;
use udbhabon_domain::{ValidationErrors, Vocabulary};
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Button, Member, Posted};
use crate::download::Disposition;
use crate::error::PageError;
use crate::extract::Path;
use crate::form::{Choice, FieldErrors, choices, field_messages, memo_file_choices, with_none};
use crate::lang::ReaderLang;
use crate::layout::{Layout, encode_component};
use crate::state::AppState;

/// Empty rows offered below the filled ones, so that members, terms and copies can be added without
/// a script.
const SPARE_ROWS: usize = 3;

#[derive(Template, WebTemplate)]
#[template(path = "team/order/draft.html")]
pub(crate) struct DraftPage {
    l: Layout,
    heading: String,
    csrf: String,
    id: i32,
    version: i32,
    team_href: String,
    /// Problems that stop the draft from being issued, in the reader's language.
    problems: Vec<String>,
    /// Why the last form was refused, by field.
    errors: Vec<(String, String)>,
    /// Set when someone saved a newer version than the one the reader sent.
    stale: Option<String>,
    memo_files: Vec<Choice>,
    effective_from: String,
    cites_memo: String,
    cites_date: String,
    preamble_bn: String,
    preamble_en: String,
    members: Vec<MemberRow>,
    /// How members are chosen, and the date their holders are shown for.
    members_help: String,
    terms_heading_bn: String,
    terms_heading_en: String,
    terms: Vec<TermRow>,
    closing_bn: String,
    closing_en: String,
    signatory: Vec<Choice>,
    copies_intro_bn: String,
    copies_intro_en: String,
    copies: Vec<CopyRow>,
}

struct MemberRow {
    index: usize,
    serial: String,
    posts: Vec<Choice>,
    roles: Vec<Choice>,
    holder: String,
}

struct TermRow {
    index: usize,
    number: String,
    bn: String,
    en: String,
}

struct CopyRow {
    index: usize,
    number: String,
    posts: Vec<Choice>,
    bn: String,
    en: String,
}

impl FieldErrors for DraftPage {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

fn page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    overview: &DraftOverview,
    errors: Vec<(String, String)>,
    stale: Option<String>,
) -> DraftPage {
    let content = &overview.draft.content;
    let heading = t_args(
        lang,
        "order-draft-title",
        &[("office", overview.office.name.get(lang).to_owned())],
    );
    let id_text = |id: Option<i32>| id.map(|id| id.to_string());
    let office_posts = |selected: Option<i32>| {
        with_none(choices(
            &overview.office_posts,
            id_text(selected).as_deref(),
            |post| post.id.to_string(),
            |post| post.label.get(lang).to_owned(),
        ))
    };
    let member_count = content.members.len() + SPARE_ROWS;
    let members = (0..member_count)
        .map(|index| {
            let member = content.members.get(index);
            MemberRow {
                index,
                serial: format::digits(lang, &format!("{:02}", index + 1)),
                posts: office_posts(member.map(|member| member.post_id)),
                roles: choices(
                    TeamRole::ALL.iter().copied(),
                    Some(member.map_or(TeamRole::Member, |member| member.role).code()),
                    |role| role.code().to_owned(),
                    |role| t(lang, &role.message_key()),
                ),
                holder: member
                    .map(|member| match overview.holders.get(&member.post_id) {
                        Some(holder) => holder.person.name.get(lang).to_owned(),
                        None => t(lang, "team-vacant"),
                    })
                    .unwrap_or_default(),
            }
        })
        .collect();
    let terms = content
        .terms
        .iter()
        .map(Some)
        .chain(std::iter::repeat_n(None, SPARE_ROWS))
        .enumerate()
        .map(|(index, term)| TermRow {
            index,
            number: format::digits(lang, &format!("({})", index + 1)),
            bn: term.map(|term| term.bn.clone()).unwrap_or_default(),
            en: term.map(|term| term.en.clone()).unwrap_or_default(),
        })
        .collect();
    let copies = content
        .copies
        .iter()
        .map(Some)
        .chain(std::iter::repeat_n(None, SPARE_ROWS))
        .enumerate()
        .map(|(index, copy)| CopyRow {
            index,
            number: format::digits(lang, &format!("{}", index + 1)),
            posts: with_none(choices(
                &overview.copy_posts,
                id_text(copy.and_then(|copy| copy.post_id)).as_deref(),
                |(post, _)| post.id.to_string(),
                |(post, office)| format!("{} — {}", post.label.get(lang), office.name.get(lang)),
            )),
            bn: copy.map(|copy| copy.text.bn.clone()).unwrap_or_default(),
            en: copy.map(|copy| copy.text.en.clone()).unwrap_or_default(),
        })
        .collect();
    let iso = |date: Option<chrono::NaiveDate>| {
        date.map(|date| date.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    DraftPage {
        l: Layout::of_member(
            &state.app,
            lang,
            member,
            heading.clone(),
            "team",
            &format!("/order-drafts/{}", overview.draft.id),
        ),
        heading,
        csrf: member.0.csrf_token.clone(),
        id: overview.draft.id,
        version: overview.draft.version,
        team_href: format!("/teams/{}", overview.team.key),
        problems: field_messages(
            lang,
            &ValidationErrors {
                errors: overview.problems.clone(),
            },
        )
        .into_iter()
        .map(|(_, message)| message)
        .collect(),
        errors,
        stale,
        memo_files: memo_file_choices(
            lang,
            &overview.memo_files,
            id_text(content.memo_file_id).as_deref(),
        ),
        effective_from: iso(content.effective_from),
        cites_memo: content.cites_memo.clone(),
        cites_date: iso(content.cites_date),
        preamble_bn: content.preamble.bn.clone(),
        preamble_en: content.preamble.en.clone(),
        members,
        members_help: t_args(
            lang,
            "order-draft-members-help",
            &[("date", format::date(lang, overview.holders_on))],
        ),
        terms_heading_bn: content.terms_heading.bn.clone(),
        terms_heading_en: content.terms_heading.en.clone(),
        terms,
        closing_bn: content.closing.bn.clone(),
        closing_en: content.closing.en.clone(),
        signatory: office_posts(content.signatory_post_id),
        copies_intro_bn: content.copies_intro.bn.clone(),
        copies_intro_en: content.copies_intro.en.clone(),
        copies,
    }
}

/// The draft form as posted; rows arrive as repeated fields, in the order shown.
#[derive(Debug, Deserialize)]
pub(crate) struct DraftForm {
    #[serde(default)]
    version: i32,
    #[serde(default)]
    memo_file: String,
    #[serde(default)]
    effective_from: String,
    #[serde(default)]
    cites_memo: String,
    #[serde(default)]
    cites_date: String,
    #[serde(default)]
    preamble_bn: String,
    #[serde(default)]
    preamble_en: String,
    #[serde(default)]
    member_post: Vec<String>,
    #[serde(default)]
    member_role: Vec<String>,
    #[serde(default)]
    terms_heading_bn: String,
    #[serde(default)]
    terms_heading_en: String,
    #[serde(default)]
    term_bn: Vec<String>,
    #[serde(default)]
    term_en: Vec<String>,
    #[serde(default)]
    closing_bn: String,
    #[serde(default)]
    closing_en: String,
    #[serde(default)]
    signatory_post: String,
    #[serde(default)]
    copies_intro_bn: String,
    #[serde(default)]
    copies_intro_en: String,
    #[serde(default)]
    copy_post: Vec<String>,
    #[serde(default)]
    copy_bn: Vec<String>,
    #[serde(default)]
    copy_en: Vec<String>,
}

impl From<DraftForm> for OrderDraftFields {
    fn from(form: DraftForm) -> Self {
        Self {
            memo_file: form.memo_file,
            effective_from: form.effective_from,
            cites_memo: form.cites_memo,
            cites_date: form.cites_date,
            preamble_bn: form.preamble_bn,
            preamble_en: form.preamble_en,
            member_posts: form.member_post,
            member_roles: form.member_role,
            terms_heading_bn: form.terms_heading_bn,
            terms_heading_en: form.terms_heading_en,
            terms_bn: form.term_bn,
            terms_en: form.term_en,
            closing_bn: form.closing_bn,
            closing_en: form.closing_en,
            signatory_post: form.signatory_post,
            copies_intro_bn: form.copies_intro_bn,
            copies_intro_en: form.copies_intro_en,
            copy_posts: form.copy_post,
            copies_bn: form.copy_bn,
            copies_en: form.copy_en,
        }
    }
}

/// Only the token and the version the reader saw: what issuing needs.
#[derive(Debug, Deserialize)]
pub(crate) struct IssueForm {
    #[serde(default)]
    version: i32,
}

/// Answers a refused save or issue: the form again with its messages (422), or the newer version with
/// a note that nothing was saved (409).
fn refused(
    state: &AppState,
    lang: Lang,
    member: &Member,
    refusal: DraftRefusal,
) -> Result<Response, PageError> {
    match refusal {
        DraftRefusal::Invalid { overview, errors } => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            page(
                state,
                lang,
                member,
                &overview,
                field_messages(lang, &errors),
                None,
            ),
        )
            .into_response()),
        DraftRefusal::Stale { overview } => {
            let note = t_args(
                lang,
                "order-draft-stale",
                &[
                    ("who", overview.draft.updated_by.clone()),
                    (
                        "date",
                        format::date(lang, bangla::today_in_dhaka(overview.draft.updated_at)),
                    ),
                ],
            );
            Ok((
                StatusCode::CONFLICT,
                page(state, lang, member, &overview, Vec::new(), Some(note)),
            )
                .into_response())
        }
        DraftRefusal::Failed(error) => Err(PageError::from(error)),
    }
}

/// `POST /offices/{key}/team/orders`: starts a new order for the office's team.
pub(crate) async fn start(
    State(state): State<AppState>,
    Path(office_key): Path<String>,
    Posted(member, Button {}): Posted<Button>,
) -> Result<Response, PageError> {
    let id = state.app.start_order_draft(&member.0, &office_key).await?;
    Ok(Redirect::to(&format!("/order-drafts/{id}")).into_response())
}

/// The form that starts an office order, and the drafts being composed, for those who compose them.
pub(crate) struct Compose {
    pub(crate) csrf: String,
    pub(crate) action: String,
    /// (link, "saved by … on …") of each open draft.
    pub(crate) drafts: Vec<(String, String)>,
}

/// The composing section for an office's team.
pub(crate) fn compose(
    lang: Lang,
    who: &SignedIn,
    office_key: &str,
    drafts: &[OrderDraftRow],
) -> Compose {
    Compose {
        csrf: who.csrf_token.clone(),
        action: format!("/offices/{}/team/orders", encode_component(office_key)),
        drafts: drafts
            .iter()
            .map(|draft| {
                (
                    format!("/order-drafts/{}", draft.id),
                    t_args(
                        lang,
                        "team-draft-line",
                        &[
                            ("who", draft.updated_by.clone()),
                            (
                                "date",
                                format::date(lang, bangla::today_in_dhaka(draft.updated_at)),
                            ),
                        ],
                    ),
                )
            })
            .collect(),
    }
}

/// `GET /order-drafts/{id}`.
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(id): Path<i32>,
) -> Result<DraftPage, PageError> {
    let overview = state.app.order_draft(&member.0, id).await?;
    Ok(page(&state, lang, &member, &overview, Vec::new(), None))
}

/// `POST /order-drafts/{id}`: saves the draft.
pub(crate) async fn save(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, form): Posted<DraftForm>,
) -> Result<Response, PageError> {
    let version = form.version;
    match state
        .app
        .save_order_draft(&member.0, id, version, &form.into())
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/order-drafts/{id}")).into_response()),
        Err(refusal) => refused(&state, lang, &member, refusal),
    }
}

/// `GET /order-drafts/{id}/preview`: the draft as a PDF, marked as a draft.
pub(crate) async fn preview(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(id): Path<i32>,
) -> Result<Response, PageError> {
    match state.app.preview_order_pdf(&member.0, id, lang).await {
        Ok(document) => Ok(crate::download::pdf(document, Disposition::Inline)),
        Err(Error::Invalid(_)) => Err(PageError::bad_input("order-preview-incomplete")),
        Err(error) => Err(PageError::from(error)),
    }
}

/// `POST /order-drafts/{id}/issue`: issues the draft and shows the team it constitutes.
pub(crate) async fn issue(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, form): Posted<IssueForm>,
) -> Result<Response, PageError> {
    match state.app.issue_order(&member.0, id, form.version).await {
        Ok(issued) => Ok(Redirect::to(&format!(
            "/teams/{}?issued={}",
            issued.team_key,
            crate::layout::encode_component(&issued.memo_number.to_string())
        ))
        .into_response()),
        Err(refusal) => refused(&state, lang, &member, refusal),
    }
}

/// `GET /orders/{id}/pdf`: an issued order as it was issued, in the reader's language.
pub(crate) async fn order_pdf(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
) -> Result<Response, PageError> {
    let document = state.app.order_pdf(id, lang).await?;
    Ok(crate::download::pdf(document, Disposition::Attachment))
}
