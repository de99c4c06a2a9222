//! Person-hours of a year (`/offices/KEY/trainings/hours`): each person's hours against the hours owed,
//! the office's totals and the offices directly below compared.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use udbhabon_core::training::hours::OfficeHours;
use udbhabon_i18n::{Lang, format, t_args};

use crate::auth::Member;
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::lang::ReaderLang;
use crate::layout::{Layout, encode_component};
use crate::state::AppState;
use crate::training::{YearQuery, other_years, training_href, year_asked, year_href};

#[derive(Template, WebTemplate)]
#[template(path = "training/hours.html")]
pub(crate) struct HoursPage {
    pub(crate) l: Layout,
    heading: String,
    year_href: String,
    /// (previous, next) years' pages.
    years: (String, String),
    explained: String,
    totals: OfficeLine,
    people: Vec<PersonLine>,
    below: Vec<OfficeLine>,
}

struct PersonLine {
    name: String,
    hours: String,
    trainings: String,
    reached: bool,
    on_staff: bool,
}

struct OfficeLine {
    name: String,
    href: String,
    staff: String,
    trained: String,
    at_target: String,
    /// The share of the staff at the hours owed: "৪০%".
    share: String,
    hours: String,
}

fn office_line(lang: Lang, year: &str, figures: &OfficeHours) -> OfficeLine {
    let share = (figures.at_target * 100)
        .checked_div(figures.staff)
        .map_or_else(
            || "—".to_owned(),
            |percent| format!("{}%", format::number(lang, percent as i64)),
        );
    OfficeLine {
        name: figures.office.name.get(lang).to_owned(),
        href: format!(
            "/offices/{}/trainings/hours?year={year}",
            encode_component(&figures.office.key)
        ),
        staff: format::number(lang, figures.staff as i64),
        trained: format::number(lang, figures.trained as i64),
        at_target: format::number(lang, figures.at_target as i64),
        share,
        hours: format::hours(lang, figures.minutes),
    }
}

/// `GET /offices/{key}/trainings/hours` (`?year=2025-26`).
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
    Query(query): Query<YearQuery>,
) -> Result<HoursPage, PageError> {
    let year = year_asked(&state, &query.year)?;
    let hours = state.app.training_hours(&member.0, &key, year).await?;
    let heading = t_args(
        lang,
        "training-hours-title",
        &[
            ("office", hours.totals.office.name.get(lang).to_owned()),
            ("year", format::fiscal_year(lang, year)),
        ],
    );
    let owed_minutes = u64::from(hours.owed_hours) * 60;
    let short = year.short_en();
    let path = training_href(&key, "/hours", year);
    Ok(HoursPage {
        l: Layout::of_member(&state.app, lang, &member, heading.clone(), "offices", &path),
        heading,
        year_href: year_href(&key, year),
        years: other_years(&key, "/hours", year),
        explained: t_args(
            lang,
            "training-hours-explained",
            &[
                ("hours", format::number(lang, i64::from(hours.owed_hours))),
                ("date", format::date(lang, hours.counted_on)),
            ],
        ),
        totals: office_line(lang, &short, &hours.totals),
        people: hours
            .people
            .iter()
            .map(|person| PersonLine {
                name: person.person.name.get(lang).to_owned(),
                hours: format::hours(lang, u64::from(person.minutes)),
                trainings: format::number(lang, person.trainings as i64),
                reached: u64::from(person.minutes) >= owed_minutes,
                on_staff: person.on_staff,
            })
            .collect(),
        below: hours
            .below
            .iter()
            .map(|figures| office_line(lang, &short, figures))
            .collect(),
    })
}
