//! The teams below trained (`/offices/KEY/trainings/teams`): for each office directly below, its
//! innovation team's members and the office's trainings of the year each attended, so that a decision
//! to train every agency's team is followed office by office.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use udbhabon_core::training::teams::TeamTrained;
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::Member;
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::state::AppState;
use crate::training::{YearQuery, other_years, training_href, year_asked, year_href};

#[derive(Template, WebTemplate)]
#[template(path = "training/teams.html")]
pub(crate) struct TeamsPage {
    pub(crate) l: Layout,
    heading: String,
    year_href: String,
    /// (previous, next) years' pages.
    years: (String, String),
    explained: String,
    offices: Vec<OfficeTeam>,
}

struct OfficeTeam {
    name: String,
    /// "৫ জনের ৩ জন", or a dash for an office without a team.
    trained: String,
    status: String,
    /// Whether every member attended.
    complete: bool,
    members: Vec<MemberLine>,
}

struct MemberLine {
    name: String,
    post: String,
    role: String,
    /// (title, hours) of each training attended.
    attended: Vec<(String, String)>,
}

fn office_team(lang: Lang, team: &TeamTrained) -> OfficeTeam {
    let members = team.members.as_deref().unwrap_or_default();
    let trained = team.trained();
    let status = match team.members {
        None => "training-teams-no-team",
        Some(_) if members.is_empty() || trained == 0 => "training-teams-none",
        Some(_) if trained == members.len() => "training-teams-all",
        Some(_) => "training-teams-some",
    };
    OfficeTeam {
        name: team.office.name.get(lang).to_owned(),
        trained: match team.members {
            None => "—".to_owned(),
            Some(_) => t_args(
                lang,
                "training-teams-count",
                &[
                    ("trained", format::number(lang, trained as i64)),
                    ("members", format::number(lang, members.len() as i64)),
                ],
            ),
        },
        status: t(lang, status),
        complete: !members.is_empty() && trained == members.len(),
        members: members
            .iter()
            .map(|member| MemberLine {
                name: member.member.holder.as_ref().map_or_else(
                    || t(lang, "training-teams-vacant"),
                    |holder| holder.person.name.get(lang).to_owned(),
                ),
                post: member.member.post.label.get(lang).to_owned(),
                role: t(lang, &member.member.role.message_key()),
                attended: member
                    .attended
                    .iter()
                    .map(|attended| {
                        (
                            attended.title.get(lang).to_owned(),
                            format::hours(lang, u64::from(attended.minutes)),
                        )
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// `GET /offices/{key}/trainings/teams` (`?year=2025-26`).
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
    Query(query): Query<YearQuery>,
) -> Result<TeamsPage, PageError> {
    let year = year_asked(&state, &query.year)?;
    let teams = state.app.teams_trained(&member.0, &key, year).await?;
    let heading = t_args(
        lang,
        "training-teams-title",
        &[
            ("office", teams.office.name.get(lang).to_owned()),
            ("year", format::fiscal_year(lang, year)),
        ],
    );
    let path = training_href(&key, "/teams", year);
    Ok(TeamsPage {
        l: Layout::of_member(&state.app, lang, &member, heading.clone(), "offices", &path),
        heading,
        year_href: year_href(&key, year),
        years: other_years(&key, "/teams", year),
        explained: t_args(
            lang,
            "training-teams-explained",
            &[("trainings", format::number(lang, teams.trainings as i64))],
        ),
        offices: teams
            .below
            .iter()
            .map(|team| office_team(lang, team))
            .collect(),
    })
}
