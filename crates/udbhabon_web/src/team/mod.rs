//! The innovation team page (members by role, terms of reference, order history, the team on a past
//! date) and the office order as a PDF.

pub(crate) mod directory;
pub(crate) mod order;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use udbhabon_core::team::TeamOverview;
use udbhabon_domain::office::person::Charge;
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::audit;
use crate::auth::Visitor;
use crate::download::Disposition;
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::lang::ReaderLang;
use crate::layout::{Layout, encode_component};
use crate::state::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "team/show.html")]
pub(crate) struct TeamPage {
    l: Layout,
    heading: String,
    /// The date asked for, as the date field's value (ISO).
    on_value: String,
    /// "Showing the team as it was on …" when that date is not today.
    showing: Option<String>,
    order: Option<OrderBox>,
    no_order: Option<String>,
    members: Vec<MemberLine>,
    terms: Vec<(String, String)>,
    history: Vec<HistoryLine>,
    /// The order's record of changes, for readers allowed to see it.
    changes: Option<Vec<audit::HistoryLine>>,
    /// "Order … issued" after an order was just issued.
    issued: Option<String>,
    /// For those who compose the office's orders: the form that starts one, and the open drafts.
    compose: Option<order::Compose>,
}

struct OrderBox {
    memo: String,
    date: String,
    effective: String,
    /// The cited instrument's memo number and date.
    cites: Option<(String, Option<String>)>,
    pdf_href: String,
    members_count: String,
    /// The signatory as the order prints them: name, designation, and the phone and e-mail the order
    /// published (no one else's contact details are shown).
    contact: (String, String, Option<String>, Option<String>),
}

struct MemberLine {
    serial: String,
    post: String,
    role: String,
    holder: Option<String>,
}

struct HistoryLine {
    memo: String,
    date: String,
    status: String,
    pdf_href: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct OnQuery {
    on: Option<String>,
    /// The memo number of an order just issued.
    issued: Option<String>,
}

/// `GET /team`: the team of the reader's office; an office without a team yet sends the reader to its
/// page, where one is constituted.
pub(crate) async fn mine(
    State(state): State<AppState>,
    reader: ReaderLang,
    visitor: Visitor,
    query: Query<OnQuery>,
) -> Result<Response, PageError> {
    let (office, team) = state.app.reader_team(visitor.0.as_ref()).await?;
    match team {
        Some(team) => Ok(show(State(state), reader, visitor, Path(team.key), query)
            .await?
            .into_response()),
        None => Ok(
            Redirect::to(&format!("/offices/{}", encode_component(&office.key))).into_response(),
        ),
    }
}

/// `GET /teams/{key}?on=YYYY-MM-DD`: the team as it stood on that date (today by default).
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    Path(key): Path<String>,
    Query(query): Query<OnQuery>,
) -> Result<TeamPage, PageError> {
    let today = state.app.today();
    let on = match query
        .on
        .as_deref()
        .map(str::trim)
        .filter(|text| !text.is_empty())
    {
        Some(text) => {
            bangla::parse_date(text).map_err(|_| PageError::bad_input("error-bad-date"))?
        }
        None => today,
    };
    let team = state.app.team(&key, on).await?;
    let drafts = state
        .app
        .open_order_drafts(visitor.0.as_ref(), &team.team)
        .await?;
    let compose = match (&visitor.0, drafts) {
        (Some(who), Some(drafts)) => Some(order::compose(lang, who, &team.office.key, &drafts)),
        _ => None,
    };
    let issued = query.issued.as_deref().map(|memo| {
        t_args(
            lang,
            "team-order-issued",
            &[("memo", format::digits(lang, memo))],
        )
    });
    let path = match &query.on {
        Some(on) => format!("/teams/{key}?on={on}"),
        None => format!("/teams/{key}"),
    };
    let heading = t_args(
        lang,
        "team-title",
        &[("office", team.office.name.get(lang).to_owned())],
    );
    let l = Layout::new(lang, &visitor, heading.clone(), "team", &path, today);
    let changes = match &team.order {
        Some(detail) => state
            .app
            .history(
                visitor.0.as_ref(),
                team.office.id,
                "team_order",
                &detail.order.id.to_string(),
            )
            .await?
            .map(|entries| audit::lines(lang, &entries)),
        None => None,
    };
    let mut page = page(l, heading, &team, lang, today, changes);
    page.issued = issued;
    page.compose = compose;
    Ok(page)
}

fn page(
    l: Layout,
    heading: String,
    team: &TeamOverview,
    lang: Lang,
    today: chrono::NaiveDate,
    changes: Option<Vec<audit::HistoryLine>>,
) -> TeamPage {
    let order = team.order.as_ref();
    let memo =
        |memo: &udbhabon_domain::office::memo::MemoNumber| format::digits(lang, &memo.to_string());
    TeamPage {
        on_value: team.on.format("%Y-%m-%d").to_string(),
        showing: (team.on != today).then(|| {
            t_args(
                lang,
                "team-on-date-showing",
                &[("date", format::date(lang, team.on))],
            )
        }),
        order: order.map(|detail| OrderBox {
            memo: memo(&detail.order.record.memo_number),
            date: format::date_both(lang, detail.order.record.issued_on),
            effective: format::date(lang, detail.order.record.effective_from),
            cites: detail.order.record.cites_memo.as_ref().map(|cited| {
                (
                    memo(cited),
                    detail
                        .order
                        .record
                        .cites_date
                        .map(|date| format::date(lang, date)),
                )
            }),
            pdf_href: format!("/teams/{}/order.pdf", team.team.key),
            members_count: t_args(
                lang,
                "team-members-count",
                &[("count", format::number(lang, detail.members.len() as i64))],
            ),
            contact: (
                detail.signatory.name.get(lang).to_owned(),
                detail.signatory_post.label.get(lang).to_owned(),
                detail
                    .signatory
                    .phone
                    .as_deref()
                    .map(|phone| format::digits(lang, phone)),
                detail.signatory.email.clone(),
            ),
        }),
        no_order: order.is_none().then(|| {
            t_args(
                lang,
                "team-no-order",
                &[("date", format::date(lang, team.on))],
            )
        }),
        members: order
            .map(|detail| {
                detail
                    .members
                    .iter()
                    .map(|member| MemberLine {
                        serial: format::digits(lang, &format!("{:02}", member.serial)),
                        post: member.post.label.get(lang).to_owned(),
                        role: t(lang, &member.role.message_key()),
                        holder: member.holder.as_ref().map(|holder| match holder.charge {
                            Charge::Regular => holder.person.name.get(lang).to_owned(),
                            charge => format!(
                                "{} ({})",
                                holder.person.name.get(lang),
                                t(lang, &charge.message_key())
                            ),
                        }),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        terms: order
            .map(|detail| {
                detail
                    .terms
                    .iter()
                    .enumerate()
                    .map(|(index, term)| {
                        (
                            format::digits(lang, &format!("({})", index + 1)),
                            term.get(lang).to_owned(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default(),
        history: team
            .history
            .iter()
            .map(|entry| HistoryLine {
                memo: memo(&entry.record.memo_number),
                date: format::date(lang, entry.record.issued_on),
                status: if order.is_some_and(|detail| detail.order.id == entry.id) {
                    t(lang, "team-history-in-force")
                } else if entry.record.effective_from > team.on {
                    String::new()
                } else {
                    t(lang, "team-history-superseded")
                },
                pdf_href: format!("/orders/{}/pdf", entry.id),
            })
            .collect(),
        heading,
        changes,
        issued: None,
        compose: None,
        l,
    }
}

/// `GET /teams/{key}/order.pdf`: the order in force, as a PDF in the reader's language.
pub(crate) async fn order_pdf(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
) -> Result<Response, PageError> {
    let document = state.app.team_order_pdf(&key, lang).await?;
    Ok(crate::download::pdf(document, Disposition::Attachment))
}
