//! The home page: the reader's office (the top office for a visitor) with its team today, its latest
//! meeting and the offices under it, and for a signed-in officer what waits for them (the head of their
//! inbox) and the open decisions their offices carry out.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use udbhabon_i18n::format;

use crate::account::notification::{NoticeLine, lines};
use crate::auth::Visitor;
use crate::error::PageError;
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::office::summary::{SummaryCards, cards};
use crate::state::AppState;

/// How many of the inbox's items the home page shows.
const INBOX_HEAD: usize = 8;

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
pub(crate) struct HomePage {
    l: Layout,
    office: Option<SummaryCards>,
    /// The head of the signed-in reader's inbox.
    notices: Vec<NoticeLine>,
    /// The link to the whole inbox, saying how much more it holds.
    inbox_link: String,
    /// The open decisions the signed-in reader's offices carry out: (link, serial and text, deadline,
    /// overdue).
    decisions: Vec<(String, String, String, bool)>,
}

/// `GET /`: the reader's office (the top office for a visitor).
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
) -> Result<HomePage, PageError> {
    let today = state.app.today();
    let home = state.app.home(visitor.0.as_ref()).await?;
    let l = Layout::new(
        lang,
        &visitor,
        udbhabon_i18n::t(lang, "home-title"),
        "home",
        "/",
        today,
    );
    let office = home
        .as_ref()
        .map(|summary| cards(lang, visitor.0.as_ref(), summary));
    let mut notices = match &visitor.0 {
        Some(who) => state.app.notifications(who).await?,
        None => Vec::new(),
    };
    let more = notices.len().saturating_sub(INBOX_HEAD);
    notices.truncate(INBOX_HEAD);
    let decisions = match &visitor.0 {
        Some(who) => state
            .app
            .open_decisions_for(who)
            .await?
            .into_iter()
            .map(|(tracked, office)| {
                (
                    format!("/decisions/{}", tracked.decision.id),
                    format!(
                        "{} {}",
                        format::digits(lang, &tracked.decision.serial.to_string()),
                        tracked.decision.text.get(lang)
                    ),
                    format!(
                        "{} · {}",
                        udbhabon_core::meeting::minutes::deadline_text(
                            lang,
                            tracked.decision.deadline
                        ),
                        office.name.get(lang)
                    ),
                    tracked.overdue,
                )
            })
            .collect(),
        None => Vec::new(),
    };
    Ok(HomePage {
        l,
        office,
        notices: lines(lang, notices),
        inbox_link: if more > 0 {
            udbhabon_i18n::t_args(
                lang,
                "home-inbox-more",
                &[(
                    "count",
                    format::number(lang, i64::try_from(more).unwrap_or(0)),
                )],
            )
        } else {
            udbhabon_i18n::t(lang, "home-inbox-all")
        },
        decisions,
    })
}
