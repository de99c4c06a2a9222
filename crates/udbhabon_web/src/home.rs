//! The home page: the home office, its innovation team today, its latest meeting, the offices under it,
//! and for a signed-in officer the open decisions their offices carry out.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use udbhabon_domain::team::TeamRole;
use udbhabon_i18n::{format, t_args};

use crate::auth::Visitor;
use crate::error::PageError;
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::state::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
pub(crate) struct HomePage {
    l: Layout,
    office: Option<OfficeCard>,
    /// The open decisions the signed-in reader's offices carry out: (link, serial and text, deadline,
    /// overdue).
    decisions: Vec<(String, String, String, bool)>,
}

struct OfficeCard {
    name: String,
    kind: String,
    team: Option<TeamCard>,
    meeting: Option<MeetingCard>,
    offices_under: String,
}

struct TeamCard {
    href: String,
    name: String,
    constituted: String,
    members: String,
    leads: Vec<(String, String, String)>,
}

struct MeetingCard {
    href: String,
    title: String,
    when: String,
    decisions: String,
}

pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
) -> Result<HomePage, PageError> {
    let today = state.app.today();
    let home = state.app.home().await?;
    let l = Layout::new(
        lang,
        &visitor,
        udbhabon_i18n::t(lang, "home-title"),
        "home",
        "/",
        today,
    );
    let office = home.map(|home| {
        let team = home.team.as_ref().and_then(|team| {
            let order = team.order.as_ref()?;
            let leads = [
                TeamRole::ChiefInnovationOfficer,
                TeamRole::InnovationOfficer,
                TeamRole::MemberSecretary,
            ]
            .into_iter()
            .filter_map(|role| team.member_in(role))
            .map(|member| {
                (
                    udbhabon_i18n::t(lang, &member.role.message_key()),
                    member.post.label.get(lang).to_owned(),
                    member
                        .holder
                        .as_ref()
                        .map(|holder| holder.person.name.get(lang).to_owned())
                        .unwrap_or_default(),
                )
            })
            .collect();
            Some(TeamCard {
                href: format!("/teams/{}", team.team.key),
                name: team.team.name.get(lang).to_owned(),
                constituted: t_args(
                    lang,
                    "home-team-constituted",
                    &[
                        (
                            "memo",
                            format::digits(lang, &order.order.record.memo_number.to_string()),
                        ),
                        ("date", format::date(lang, order.order.record.issued_on)),
                    ],
                ),
                members: t_args(
                    lang,
                    "team-members-count",
                    &[("count", format::number(lang, order.members.len() as i64))],
                ),
                leads,
            })
        });
        let meeting = home.latest_meeting.as_ref().map(|meeting| MeetingCard {
            href: format!("/meetings/{}", meeting.record.key),
            title: meeting.record.title.get(lang).to_owned(),
            when: format::date_both(lang, meeting.record.held_on),
            decisions: t_args(
                lang,
                "meeting-decisions-count",
                &[(
                    "count",
                    format::number(lang, home.latest_meeting_decisions as i64),
                )],
            ),
        });
        OfficeCard {
            name: home.office.name.get(lang).to_owned(),
            kind: udbhabon_i18n::t(lang, &home.office.kind.message_key()),
            team,
            meeting,
            offices_under: t_args(
                lang,
                "home-offices-count",
                &[("count", format::number(lang, home.offices_under as i64))],
            ),
        }
    });
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
        decisions,
    })
}
