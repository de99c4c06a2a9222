//! An office's summary cards, shared by the home page and the office's own page: its team today (or the
//! way to constitute one), its latest minutes, the offices below it, and the records the reader keeps.

use udbhabon_core::account::SignedIn;
use udbhabon_core::office::OfficeSummary;
use udbhabon_domain::register::officer::Duty;
use udbhabon_domain::team::TeamRole;
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::layout::encode_component;
use crate::register::officer::{OfficerLine, officer_lines};
use crate::register::rti::disclosure::{DisclosureLine, disclosure_lines};
use crate::register::rti::fee_lines;
use crate::team::order::{self, Compose};

/// What the cards show.
pub(crate) struct SummaryCards {
    pub(crate) name: String,
    pub(crate) kind: String,
    pub(crate) office_href: String,
    pub(crate) team: Option<TeamCard>,
    /// For those who compose the office's orders: the form that starts one, and the drafts.
    pub(crate) compose: Option<Compose>,
    pub(crate) meeting: Option<MeetingCard>,
    pub(crate) offices_under: String,
    /// The offices below, and their teams in the directory (when there are any).
    pub(crate) below: Option<(String, String)>,
    /// The office's records the reader may open: (link, label).
    pub(crate) records: Vec<(String, String)>,
    /// What the office publishes for citizens: its citizen charter, digital services and notice board.
    pub(crate) charter_href: String,
    pub(crate) bulletin_href: String,
    pub(crate) services_href: String,
    pub(crate) feedback_href: String,
    /// The office's innovation corner: the showcase of it and the offices below.
    pub(crate) showcase_href: String,
    /// How the office's own website frames these sections.
    pub(crate) embed_href: String,
    /// Whom a citizen applies to for information, and appeals to.
    pub(crate) grs_officers: Vec<OfficerLine>,
    pub(crate) rti_officers: Vec<OfficerLine>,
    /// What the office publishes of its own accord.
    pub(crate) disclosures: Vec<DisclosureLine>,
    /// The fees for supplying information: (what is supplied, its fee).
    pub(crate) rti_fees: Vec<(String, String)>,
}

pub(crate) struct TeamCard {
    pub(crate) href: String,
    pub(crate) name: String,
    pub(crate) constituted: String,
    pub(crate) members: String,
    /// (role, post, holder) of the leader and the member secretary.
    pub(crate) leads: Vec<(String, String, String)>,
}

pub(crate) struct MeetingCard {
    pub(crate) href: String,
    pub(crate) title: String,
    pub(crate) when: String,
    pub(crate) decisions: String,
}

/// The cards of an office as `who` (if signed in) sees them.
pub(crate) fn cards(lang: Lang, who: Option<&SignedIn>, summary: &OfficeSummary) -> SummaryCards {
    let key = encode_component(&summary.office.key);
    let team = summary.team.as_ref().and_then(|team| {
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
                t(lang, &member.role.message_key()),
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
            href: format!("/teams/{}", encode_component(&team.team.key)),
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
    let meeting = summary.latest_meeting.as_ref().map(|meeting| MeetingCard {
        href: format!("/meetings/{}", encode_component(&meeting.record.key)),
        title: meeting.record.title.get(lang).to_owned(),
        when: format::date_both(lang, meeting.record.held_on),
        decisions: t_args(
            lang,
            "meeting-decisions-count",
            &[(
                "count",
                format::number(lang, summary.latest_meeting_decisions as i64),
            )],
        ),
    });
    let records = if summary.may_read {
        [
            (format!("/offices/{key}/memos"), "nav-memos"),
            (format!("/meetings?office={key}"), "nav-meetings"),
            (format!("/decisions?held_by={key}"), "nav-decisions"),
            (format!("/plans?office={key}"), "nav-plans"),
            (format!("/innovations?office={key}"), "nav-innovations"),
            (format!("/offices/{key}/trainings"), "training-link"),
            (format!("/offices/{key}/tutorials"), "tutorial-link"),
            (format!("/offices/{key}/rti"), "rti-link"),
            (format!("/offices/{key}/grs"), "grs-link"),
            (format!("/offices/{key}/software"), "software-link"),
            (format!("/offices/{key}/projects"), "project-link"),
            (format!("/offices/{key}/budget"), "budget-link"),
            (format!("/dashboard?office={key}"), "nav-dashboard"),
            (format!("/offices/{key}/charters"), "charter-watch-link"),
            (
                format!("/offices/{key}/feedback/inbox"),
                "feedback-inbox-link",
            ),
        ]
        .into_iter()
        .map(|(href, label)| (href, t(lang, label)))
        .collect()
    } else {
        Vec::new()
    };
    SummaryCards {
        name: summary.office.name.get(lang).to_owned(),
        kind: t(lang, &summary.office.kind.message_key()),
        office_href: format!("/offices/{key}"),
        charter_href: format!("/offices/{key}/charter"),
        bulletin_href: format!("/offices/{key}/notices"),
        services_href: format!("/offices/{key}/services"),
        feedback_href: format!("/offices/{key}/feedback"),
        showcase_href: format!("/showcase?office={key}"),
        embed_href: format!("/offices/{key}/embed"),
        grs_officers: officer_lines(lang, Duty::Grs, &summary.officers),
        rti_officers: officer_lines(lang, Duty::Rti, &summary.officers),
        disclosures: disclosure_lines(lang, &summary.disclosures),
        rti_fees: fee_lines(lang),
        team,
        compose: who
            .filter(|_| summary.may_manage)
            .map(|who| order::compose(lang, who, &summary.office.key, &summary.drafts)),
        meeting,
        offices_under: t_args(
            lang,
            "home-offices-count",
            &[("count", format::number(lang, summary.offices_under as i64))],
        ),
        below: (summary.offices_under > 0).then(|| {
            (
                format!("/offices?under={key}"),
                format!("/teams?under={key}"),
            )
        }),
        records,
    }
}
