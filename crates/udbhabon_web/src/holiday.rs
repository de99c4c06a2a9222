//! The holiday calendar (`/holidays?year=2026`): a year's government holidays for anyone, with a
//! working-day reckoner and the year as a table; the administrator's forms that keep it.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use udbhabon_core::holiday::{HOLIDAY_COLUMNS, HOLIDAY_LIST, HolidayImport};
use udbhabon_core::{HolidayRow, TableFormat};
use udbhabon_domain::account::access::Role;
use udbhabon_domain::holiday::{Holiday, HolidayFields, HolidayKind, MAX_WORKING_DAYS};
use udbhabon_domain::{Bilingual, ValidationErrors, Vocabulary};
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Button, Member, Posted, PostedUpload, Visitor};
use crate::download;
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::form::{Choice, FieldErrors, field_messages, listed, rejected};
use crate::lang::ReaderLang;
use crate::layout::Layout;
use crate::state::AppState;
use crate::upload::line_problems;

/// The years a page may show.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// A year's page, with what a form was done for (`done`) and a working-day count asked for.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct HolidaysQuery {
    #[serde(default)]
    year: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    days: String,
    done: Option<String>,
    added: Option<usize>,
}

#[derive(Template, WebTemplate)]
#[template(path = "holiday/year.html")]
pub(crate) struct HolidaysPage {
    l: Layout,
    heading: String,
    year: String,
    /// (previous, next) years' pages.
    years: (String, String),
    holidays: Vec<HolidayLine>,
    /// "১৪ দিন, তার ৩ দিন সাপ্তাহিক ছুটির দিনে".
    total: String,
    /// The moon-dependent holidays of the list not yet entered for the year.
    awaited: Vec<String>,
    exports: (String, String),
    reckoner: Reckoner,
    /// The administrator's forms, for the administrator only.
    keeping: Option<Keeping>,
    notice: Option<String>,
    errors: Vec<(String, String)>,
}

struct HolidayLine {
    name: String,
    dates: String,
    weekdays: String,
    days: String,
    kind: String,
    moon: bool,
    /// The form that corrects it, and where its removal posts, for the administrator.
    form: Option<HolidayForm>,
    remove_action: String,
}

/// The administrator's part of the page.
struct Keeping {
    csrf: String,
    new_holiday: HolidayForm,
    /// The names offered as a holiday's name is typed: the list's fixed and moon-dependent holidays.
    names: Vec<String>,
    columns: String,
}

pub(crate) struct HolidayForm {
    id: String,
    action: String,
    open: bool,
    errors: Vec<(String, String)>,
    values: HolidayFormValues,
    kinds: Vec<Choice>,
}

impl FieldErrors for HolidayForm {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

/// A holiday as posted.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct HolidayFormValues {
    #[serde(default)]
    name_bn: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    starts: String,
    #[serde(default)]
    ends: String,
    moon: Option<String>,
}

impl HolidayFormValues {
    fn fields(&self) -> HolidayFields {
        HolidayFields {
            name: Bilingual::new(&self.name_bn, &self.name_en),
            kind: self.kind.clone(),
            starts: self.starts.clone(),
            ends: self.ends.clone(),
            moon: self.moon.is_some(),
        }
    }

    fn of(lang: Lang, holiday: &Holiday) -> Self {
        Self {
            name_bn: holiday.name.bn.clone(),
            name_en: holiday.name.en.clone(),
            kind: holiday.kind.code().to_owned(),
            starts: format::date_short(lang, holiday.starts),
            ends: if holiday.ends == holiday.starts {
                String::new()
            } else {
                format::date_short(lang, holiday.ends)
            },
            moon: holiday.moon.then(|| "on".to_owned()),
        }
    }
}

fn holiday_form(
    lang: Lang,
    id: String,
    action: String,
    values: HolidayFormValues,
    errors: Option<&[(String, String)]>,
) -> HolidayForm {
    let kind = match values.kind.as_str() {
        "" => HolidayKind::General.code().to_owned(),
        kind => kind.to_owned(),
    };
    HolidayForm {
        id,
        action,
        open: errors.is_some(),
        errors: errors.map(<[_]>::to_vec).unwrap_or_default(),
        kinds: listed(lang, &kind, HolidayKind::message_key),
        values,
    }
}

/// The working-day reckoner: a first day and a number of working days, and where they end.
struct Reckoner {
    from: String,
    days: String,
    errors: Vec<(String, String)>,
    /// The date reached, what was passed over, and a warning when a year's holidays are missing.
    result: Option<Vec<String>>,
}

impl FieldErrors for Reckoner {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

/// The page of a year's holidays.
fn year_href(year: i32) -> String {
    format!("/holidays?year={year}")
}

fn year_asked(state: &AppState, asked: &str) -> Result<i32, PageError> {
    match asked.trim() {
        "" => Ok(state.app.today().year()),
        text => bangla::digits::parse_u32(text)
            .ok()
            .and_then(|year| i32::try_from(year).ok())
            .filter(|year| YEARS.contains(year))
            .ok_or_else(|| PageError::bad_input("error-holiday-year")),
    }
}

/// Counts the working days asked for, if both were given.
async fn reckon(
    state: &AppState,
    lang: Lang,
    query: &HolidaysQuery,
) -> Result<Reckoner, PageError> {
    let mut reckoner = Reckoner {
        from: query.from.trim().to_owned(),
        days: query.days.trim().to_owned(),
        errors: Vec::new(),
        result: None,
    };
    if reckoner.from.is_empty() && reckoner.days.is_empty() {
        return Ok(reckoner);
    }
    let mut errors = ValidationErrors::new();
    let from = bangla::parse_date(&reckoner.from).ok();
    if from.is_none() {
        errors.add("from", "error-bad-date");
    }
    let days = bangla::digits::parse_u32(&reckoner.days)
        .ok()
        .filter(|days| (1..=MAX_WORKING_DAYS).contains(days));
    if days.is_none() {
        errors
            .add("days", "error-holiday-days")
            .with("most", MAX_WORKING_DAYS);
    }
    let (Some(from), Some(days)) = (from, days) else {
        reckoner.errors = field_messages(lang, &errors);
        return Ok(reckoner);
    };
    let due = state.app.working_calendar().await?.after(from, days);
    let number = |value: u32| format::number(lang, i64::from(value));
    let mut result = vec![
        t_args(
            lang,
            "holiday-reckoned",
            &[
                ("days", number(days)),
                ("from", format::date(lang, from)),
                ("weekday", format::weekday(lang, due.date).to_owned()),
                ("date", format::date_both(lang, due.date)),
            ],
        ),
        t_args(
            lang,
            "holiday-passed-over",
            &[
                ("weekend", number(due.weekend_days)),
                ("holidays", number(due.holidays)),
            ],
        ),
    ];
    if let Some(year) = due.unentered_year {
        result.push(t_args(
            lang,
            "holiday-year-unentered",
            &[("year", format::digits(lang, &year.to_string()))],
        ));
    }
    reckoner.result = Some(result);
    Ok(reckoner)
}

fn holiday_line(
    lang: Lang,
    row: &HolidayRow,
    keeping: bool,
    refused: Option<&Refused<'_>>,
) -> HolidayLine {
    let holiday = &row.holiday;
    let weekdays = if holiday.starts == holiday.ends {
        format::weekday(lang, holiday.starts).to_owned()
    } else {
        format!(
            "{} – {}",
            format::weekday(lang, holiday.starts),
            format::weekday(lang, holiday.ends)
        )
    };
    let action = format!("/holidays/{}", row.id);
    let form = keeping.then(|| {
        let typed = refused.filter(|refused| refused.id == Some(row.id));
        holiday_form(
            lang,
            format!("holiday-{}", row.id),
            action.clone(),
            typed.map_or_else(
                || HolidayFormValues::of(lang, holiday),
                |refused| refused.values.clone(),
            ),
            typed.map(|refused| refused.errors.as_slice()),
        )
    });
    HolidayLine {
        name: holiday.name.get(lang).to_owned(),
        dates: format::date_span(lang, holiday.starts, holiday.ends),
        weekdays,
        days: format::number(lang, holiday.length() as i64),
        kind: t(lang, &holiday.kind.message_key()),
        moon: holiday.moon,
        form,
        remove_action: format!("{action}/remove"),
    }
}

/// What a refused form brings back to the page.
struct Refused<'a> {
    /// The holiday corrected, `None` for a new one.
    id: Option<i32>,
    values: &'a HolidayFormValues,
    errors: Vec<(String, String)>,
}

async fn page(
    state: &AppState,
    lang: Lang,
    visitor: &Visitor,
    query: &HolidaysQuery,
    refused: Option<Refused<'_>>,
    import_errors: Vec<(String, String)>,
) -> Result<HolidaysPage, PageError> {
    let year = year_asked(state, &query.year)?;
    let rows = state.app.holidays_of_year(year).await?;
    let keeping = visitor
        .0
        .as_ref()
        .filter(|person| person.has_role(Role::SystemAdministrator));
    let holidays: Vec<HolidayLine> = rows
        .iter()
        .map(|row| holiday_line(lang, row, keeping.is_some(), refused.as_ref()))
        .collect();
    let days: Vec<NaiveDate> = rows.iter().flat_map(|row| row.holiday.days()).collect();
    let on_weekend = days
        .iter()
        .filter(|day| udbhabon_domain::holiday::WEEKEND.contains(&day.weekday()))
        .count();
    let entered: Vec<&str> = rows
        .iter()
        .map(|row| row.holiday.name.bn.as_str())
        .collect();
    let awaited = HOLIDAY_LIST
        .moon
        .iter()
        .filter(|moon| !entered.contains(&moon.name.bn.as_str()))
        .map(|moon| moon.name.get(lang).to_owned())
        .collect();
    let added = || {
        [(
            "count",
            format::number(lang, query.added.unwrap_or(0) as i64),
        )]
    };
    let notice = match query.done.as_deref() {
        Some("added") => Some(t(lang, "holiday-added")),
        Some("saved") => Some(t(lang, "holiday-saved")),
        Some("removed") => Some(t(lang, "holiday-removed")),
        Some("fixed") => Some(t_args(lang, "holiday-fixed-added", &added())),
        Some("imported") => Some(t_args(lang, "holiday-imported", &added())),
        _ => None,
    };
    let new_typed = refused
        .as_ref()
        .filter(|refused| refused.id.is_none())
        .map(|refused| (refused.values.clone(), refused.errors.as_slice()));
    let year_text = format::digits(lang, &year.to_string());
    Ok(HolidaysPage {
        l: Layout::new(
            lang,
            visitor,
            t_args(lang, "holiday-title", &[("year", year_text.clone())]),
            "",
            &year_href(year),
            state.app.today(),
        ),
        heading: t_args(lang, "holiday-title", &[("year", year_text.clone())]),
        year: year.to_string(),
        years: (year_href(year - 1), year_href(year + 1)),
        total: t_args(
            lang,
            "holiday-total",
            &[
                ("days", format::number(lang, days.len() as i64)),
                ("weekend", format::number(lang, on_weekend as i64)),
            ],
        ),
        holidays,
        awaited,
        exports: (
            format!("/holidays/export.xlsx?year={year}"),
            format!("/holidays/export.csv?year={year}"),
        ),
        reckoner: reckon(state, lang, query).await?,
        keeping: keeping.map(|person| Keeping {
            csrf: person.csrf_token.clone(),
            new_holiday: {
                let (values, errors) = new_typed.map_or_else(
                    || (HolidayFormValues::default(), None),
                    |(values, errors)| (values, Some(errors)),
                );
                holiday_form(
                    lang,
                    "holiday-new".to_owned(),
                    "/holidays".to_owned(),
                    values,
                    errors,
                )
            },
            names: HOLIDAY_LIST
                .fixed
                .iter()
                .map(|fixed| &fixed.name)
                .chain(HOLIDAY_LIST.moon.iter().map(|moon| &moon.name))
                .map(|name| name.bn.clone())
                .collect(),
            columns: HOLIDAY_COLUMNS.join(","),
        }),
        notice,
        errors: import_errors,
    })
}

/// `GET /holidays[?year=2026][&from=…&days=…]`: a year's holidays, and a working-day count.
pub(crate) async fn year(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    visitor: Visitor,
    Query(query): Query<HolidaysQuery>,
) -> Result<HolidaysPage, PageError> {
    page(&state, lang, &visitor, &query, None, Vec::new()).await
}

/// The year a holiday typed belongs to, to return to: its first day's, else today's.
fn year_of(state: &AppState, values: &HolidayFormValues) -> i32 {
    bangla::parse_date(values.starts.trim())
        .map_or_else(|_| state.app.today().year(), |day| day.year())
}

fn done(year: i32, what: &str) -> Response {
    Redirect::to(&format!("{}&done={what}", year_href(year))).into_response()
}

/// The page again with a refused holiday form.
async fn refused_form(
    state: &AppState,
    lang: Lang,
    member: Member,
    id: Option<i32>,
    values: &HolidayFormValues,
    error: udbhabon_core::Error,
) -> Result<Response, PageError> {
    let query = HolidaysQuery {
        year: year_of(state, values).to_string(),
        ..HolidaysQuery::default()
    };
    let visitor = Visitor(Some(member.0));
    rejected(lang, error, async |errors| {
        page(
            state,
            lang,
            &visitor,
            &query,
            Some(Refused { id, values, errors }),
            Vec::new(),
        )
        .await
    })
    .await
}

/// `POST /holidays`: records a holiday.
pub(crate) async fn add(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Posted(member, values): Posted<HolidayFormValues>,
) -> Result<Response, PageError> {
    match state.app.add_holiday(&member.0, &values.fields()).await {
        Ok(_) => Ok(done(year_of(&state, &values), "added")),
        Err(error) => refused_form(&state, lang, member, None, &values, error).await,
    }
}

/// `POST /holidays/{id}`: corrects a holiday.
pub(crate) async fn save(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, values): Posted<HolidayFormValues>,
) -> Result<Response, PageError> {
    match state
        .app
        .change_holiday(&member.0, id, &values.fields())
        .await
    {
        Ok(()) => Ok(done(year_of(&state, &values), "saved")),
        Err(error) => refused_form(&state, lang, member, Some(id), &values, error).await,
    }
}

/// `POST /holidays/{id}/remove`.
pub(crate) async fn remove(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    Posted(member, Button {}): Posted<Button>,
) -> Result<Response, PageError> {
    state.app.require_administrator(&member.0).await?;
    let year = state.app.holiday(id).await?.holiday.starts.year();
    state.app.remove_holiday(&member.0, id).await?;
    Ok(done(year, "removed"))
}

#[derive(Debug, Deserialize)]
pub(crate) struct FixedForm {
    #[serde(default)]
    year: String,
}

/// `POST /holidays/fixed`: adds the year's fixed-date holidays from the list.
pub(crate) async fn add_fixed(
    State(state): State<AppState>,
    Posted(member, form): Posted<FixedForm>,
) -> Result<Response, PageError> {
    let year = year_asked(&state, &form.year)?;
    let added = state.app.add_fixed_holidays(&member.0, year).await?;
    Ok(Redirect::to(&format!("{}&done=fixed&added={added}", year_href(year))).into_response())
}

/// `POST /holidays/import`: a table of holidays; all are recorded, or none with a report per line.
pub(crate) async fn import(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    PostedUpload(member, upload): PostedUpload,
) -> Result<Response, PageError> {
    // Someone who may not import is refused before the upload is read.
    state.app.require_administrator(&member.0).await?;
    let posted = upload.read().await?;
    let year = posted.text("year");
    let file = posted.first_file();
    match state.app.import_holidays(&member.0, &file).await? {
        HolidayImport::Imported { rows } => {
            let year = year_asked(&state, &year)?;
            Ok(
                Redirect::to(&format!("{}&done=imported&added={rows}", year_href(year)))
                    .into_response(),
            )
        }
        HolidayImport::Rejected { problems } => {
            let query = HolidaysQuery {
                year,
                ..HolidaysQuery::default()
            };
            let visitor = Visitor(Some(member.0));
            let errors = line_problems(lang, problems);
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                page(&state, lang, &visitor, &query, None, errors).await?,
            )
                .into_response())
        }
    }
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct ExportQuery {
    #[serde(default)]
    year: String,
}

async fn export(
    state: &AppState,
    query: &ExportQuery,
    format: TableFormat,
) -> Result<Response, PageError> {
    let year = year_asked(state, &query.year)?;
    let bytes = state.app.export_holidays(year, format).await?;
    Ok(download::table(format, &format!("holidays-{year}"), bytes))
}

/// `GET /holidays/export.xlsx?year=2026`.
pub(crate) async fn export_xlsx(
    State(state): State<AppState>,
    Query(query): Query<ExportQuery>,
) -> Result<Response, PageError> {
    export(&state, &query, TableFormat::Xlsx).await
}

/// `GET /holidays/export.csv?year=2026`.
pub(crate) async fn export_csv(
    State(state): State<AppState>,
    Query(query): Query<ExportQuery>,
) -> Result<Response, PageError> {
    export(&state, &query, TableFormat::Csv).await
}
