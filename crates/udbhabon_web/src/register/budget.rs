//! An office's ICT budget (`/offices/KEY/budget?year=2026-27`): a fiscal year's lines with their
//! allocation, what was spent and its utilisation — a line spent beyond what it had flagged —, the
//! year's totals, the lines as XLSX or CSV, and the forms that add a line and import a table of them;
//! a line's page (`/budget/ID`) with its months, the form that records a month's spending, and those
//! that correct the line and remove it (`/offices/KEY/budget/ID/remove`).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use bangla::FiscalYear;
use serde::Deserialize;
use udbhabon_core::TableFormat;
use udbhabon_core::register::budget::{
    BUDGET_COLUMNS, BudgetImport, BudgetLineDetail, BudgetRegister, BudgetTotals, spent_on,
};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::register::budget::{
    BudgetKind, BudgetLine, BudgetLineFields, SpendingFields, overspent, utilisation,
};
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Button, Member, Posted, PostedUpload};
use crate::download;
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::form::{
    Choice, DoneQuery, FieldErrors, choices, listed, or_dash, rejected, saved_or_rejected,
    with_none,
};
use crate::lang::ReaderLang;
use crate::layout::{Layout, encode_component};
use crate::register::{ImportForm, percent, thousands};
use crate::state::AppState;
use crate::training::year_asked;
use crate::upload::line_problems;

/// The form of a line, to add one or correct it.
pub(crate) struct LineForm {
    action: String,
    open: bool,
    errors: Vec<(String, String)>,
    values: BudgetLineFields,
    kinds: Vec<Choice>,
}

impl FieldErrors for LineForm {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

fn line_form(
    lang: Lang,
    action: String,
    typed: BudgetLineFields,
    errors: Option<Vec<(String, String)>>,
) -> LineForm {
    LineForm {
        action,
        open: errors.is_some(),
        errors: errors.unwrap_or_default(),
        kinds: with_none(listed(lang, &typed.kind, BudgetKind::message_key)),
        values: typed,
    }
}

/// A year's register, `?year=2026-27` (the current fiscal year when left out).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct YearQuery {
    year: String,
}

fn register_href(office_key: &str, year: FiscalYear) -> String {
    format!(
        "/offices/{}/budget?year={}",
        encode_component(office_key),
        year.short_en()
    )
}

struct LineRow {
    href: String,
    code: String,
    head: String,
    kind: String,
    allocation: String,
    revised: String,
    spent: String,
    utilisation: String,
    overspent: bool,
}

/// The year's lines taken together, as written.
struct Totals {
    available: String,
    spent: String,
    utilisation: String,
    /// How many lines were spent beyond what they had, when any were.
    overspent: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "register/budget/list.html")]
pub(crate) struct ListPage {
    l: Layout,
    heading: String,
    office_href: String,
    projects_href: String,
    /// (year, href, whether shown)
    years: Vec<(String, String, bool)>,
    notice: Option<String>,
    totals: Option<Totals>,
    lines: Vec<LineRow>,
    /// The year's lines as XLSX and as CSV.
    exports: (String, String),
    csrf: Option<String>,
    form: Option<LineForm>,
    import: Option<ImportForm>,
}

/// A form of the register refused: the line typed, or the import's problems.
enum ListRefused<'a> {
    Line(&'a BudgetLineFields, Vec<(String, String)>),
    Import(Vec<(String, String)>),
}

fn list_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    register: &BudgetRegister,
    (notice, refused): (Option<String>, Option<ListRefused<'_>>),
) -> ListPage {
    let key = encode_component(&register.office.key);
    let href = format!("/offices/{key}/budget");
    let year = register.year;
    let lines = register
        .lines
        .iter()
        .map(|row| {
            let line = &row.line;
            let spent = spent_on(row.id, &register.spending);
            LineRow {
                href: format!("/budget/{}", row.id),
                code: format::digits(lang, &line.code),
                head: line.head.get(lang).to_owned(),
                kind: t(lang, &line.kind.message_key()),
                allocation: thousands(lang, line.allocation),
                revised: line
                    .revised
                    .map_or_else(|| or_dash(""), |sum| thousands(lang, sum)),
                spent: thousands(lang, spent),
                utilisation: percent(lang, utilisation(spent, line.available())),
                overspent: overspent(spent, line.available()),
            }
        })
        .collect();
    let totals = (!register.lines.is_empty()).then(|| {
        let totals = BudgetTotals::of(&register.lines, &register.spending);
        Totals {
            available: thousands(lang, totals.available),
            spent: thousands(lang, totals.spent),
            utilisation: percent(lang, totals.utilisation()),
            overspent: (totals.overspent_lines > 0).then(|| {
                t_args(
                    lang,
                    "budget-overspent-lines",
                    &[("count", format::number(lang, totals.overspent_lines as i64))],
                )
            }),
        }
    });
    let (line_refused, import_problems) = match refused {
        Some(ListRefused::Line(typed, errors)) => (Some((typed, errors)), None),
        Some(ListRefused::Import(problems)) => (None, Some(problems)),
        None => (None, None),
    };
    let export = |extension: &str| format!("{href}/export.{extension}?year={}", year.short_en());
    ListPage {
        l: Layout::of_member(&state.app, lang, member, t(lang, "budget-title"), "", &href),
        heading: t_args(
            lang,
            "budget-heading",
            &[
                ("office", register.office.name.get(lang).to_owned()),
                ("year", format::fiscal_year(lang, year)),
            ],
        ),
        office_href: format!("/offices/{key}"),
        projects_href: format!("/offices/{key}/projects"),
        years: register
            .years
            .iter()
            .map(|other| {
                (
                    format::fiscal_year(lang, *other),
                    register_href(&register.office.key, *other),
                    *other == year,
                )
            })
            .collect(),
        notice,
        totals,
        lines,
        exports: (export("xlsx"), export("csv")),
        csrf: register.can_manage.then(|| member.0.csrf_token.clone()),
        form: register.can_manage.then(|| {
            let (typed, errors) = line_refused.map_or_else(
                || {
                    let typed = BudgetLineFields {
                        year: format::fiscal_year(lang, year),
                        ..BudgetLineFields::default()
                    };
                    (typed, None)
                },
                |(typed, errors)| (typed.clone(), Some(errors)),
            );
            line_form(lang, href.clone(), typed, errors)
        }),
        import: register.can_manage.then(|| {
            ImportForm::new(
                format!("{href}/import"),
                (t(lang, "budget-import-help"), &BUDGET_COLUMNS),
                import_problems,
            )
        }),
    }
}

/// The register's query with what was done.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ListQuery {
    year: String,
    done: Option<String>,
}

/// `GET /offices/{key}/budget`: the office's lines of a fiscal year.
pub(crate) async fn list(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
    Query(query): Query<ListQuery>,
) -> Result<ListPage, PageError> {
    let year = year_asked(&state, &query.year)?;
    let register = state
        .app
        .budget_register(&member.0, &key, Some(year))
        .await?;
    let notice = match query.done.as_deref() {
        Some("removed") => Some(t(lang, "budget-done-removed")),
        _ => None,
    };
    Ok(list_page(&state, lang, &member, &register, (notice, None)))
}

/// The year's lines as a table file.
async fn export(
    state: &AppState,
    member: &Member,
    (key, query): (&str, &YearQuery),
    format: TableFormat,
) -> Result<Response, PageError> {
    let year = year_asked(state, &query.year)?;
    let bytes = state
        .app
        .export_budget(&member.0, key, year, format)
        .await?;
    Ok(download::table(format, &format!("budget-{key}"), bytes))
}

/// `GET /offices/{key}/budget/export.xlsx`.
pub(crate) async fn export_xlsx(
    State(state): State<AppState>,
    member: Member,
    Path(key): Path<String>,
    Query(query): Query<YearQuery>,
) -> Result<Response, PageError> {
    export(&state, &member, (&key, &query), TableFormat::Xlsx).await
}

/// `GET /offices/{key}/budget/export.csv`.
pub(crate) async fn export_csv(
    State(state): State<AppState>,
    member: Member,
    Path(key): Path<String>,
    Query(query): Query<YearQuery>,
) -> Result<Response, PageError> {
    export(&state, &member, (&key, &query), TableFormat::Csv).await
}

/// `POST /offices/{key}/budget`: adds a line, then opens it.
pub(crate) async fn add(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Posted(member, fields): Posted<BudgetLineFields>,
) -> Result<Response, PageError> {
    match state.app.add_budget_line(&member.0, &key, &fields).await {
        Ok(id) => Ok(Redirect::to(&format!("/budget/{id}?done=added")).into_response()),
        Err(error) => {
            rejected(lang, error, async |errors| {
                // The register of the year typed, when it reads as one.
                let year = FiscalYear::parse(fields.year.trim()).ok();
                let register = state.app.budget_register(&member.0, &key, year).await?;
                Ok(list_page(
                    &state,
                    lang,
                    &member,
                    &register,
                    (None, Some(ListRefused::Line(&fields, errors))),
                ))
            })
            .await
        }
    }
}

/// `POST /offices/{key}/budget/import`: every line of the table recorded, or none with its
/// problems.
pub(crate) async fn import(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    PostedUpload(member, upload): PostedUpload,
) -> Result<Response, PageError> {
    // Someone who may not keep the register is refused before the upload is read.
    state.app.kept_office(&member.0, &key).await?;
    let file = upload.read().await?.first_file();
    match state.app.import_budget(&member.0, &key, &file).await? {
        BudgetImport::Imported {
            added,
            updated,
            year,
        } => {
            let notice = t_args(
                lang,
                "budget-import-done",
                &[
                    ("added", format::number(lang, added as i64)),
                    ("updated", format::number(lang, updated as i64)),
                ],
            );
            let register = state.app.budget_register(&member.0, &key, year).await?;
            let page = list_page(&state, lang, &member, &register, (Some(notice), None));
            Ok(page.into_response())
        }
        BudgetImport::Rejected(problems) => {
            let register = state.app.budget_register(&member.0, &key, None).await?;
            let refused = ListRefused::Import(line_problems(lang, problems));
            let page = list_page(&state, lang, &member, &register, (None, Some(refused)));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// The form that records a month's spending.
pub(crate) struct SpendingForm {
    action: String,
    errors: Vec<(String, String)>,
    months: Vec<Choice>,
    amount: String,
}

impl FieldErrors for SpendingForm {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

struct MonthRow {
    month: String,
    amount: String,
    /// Spent from July to this month.
    cumulative: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "register/budget/show.html")]
pub(crate) struct ShowPage {
    l: Layout,
    heading: String,
    register_href: String,
    notice: Option<String>,
    particulars: Vec<(String, String)>,
    overspent: bool,
    months: Vec<MonthRow>,
    csrf: Option<String>,
    /// None when the line's year has not begun.
    spending_form: Option<SpendingForm>,
    form: Option<LineForm>,
    remove_action: Option<String>,
}

/// A form of the line's page refused.
enum ShowRefused<'a> {
    Line(&'a BudgetLineFields, Vec<(String, String)>),
    Spending(&'a SpendingFields, Vec<(String, String)>),
}

fn typed_line(lang: Lang, line: &BudgetLine) -> BudgetLineFields {
    BudgetLineFields {
        year: format::fiscal_year(lang, line.year),
        kind: line.kind.code().to_owned(),
        code: format::digits(lang, &line.code),
        head_bn: line.head.bn.clone(),
        head_en: line.head.en.clone(),
        allocation: format::digits(lang, &line.allocation.to_string()),
        revised: line
            .revised
            .map(|sum| format::digits(lang, &sum.to_string()))
            .unwrap_or_default(),
    }
}

fn show_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    detail: &BudgetLineDetail,
    (notice, refused): (Option<String>, Option<ShowRefused<'_>>),
) -> ShowPage {
    let line = &detail.row.line;
    let href = format!("/budget/{}", detail.row.id);
    let today = state.app.today();
    let spent = spent_on(detail.row.id, &detail.spending);
    let mut cumulative = 0;
    let months = line
        .months()
        .iter()
        .map(|month| {
            let amount = detail
                .spending
                .iter()
                .find(|row| row.spending.month == *month)
                .map(|row| row.spending.amount);
            cumulative += amount.unwrap_or_default();
            MonthRow {
                month: format::month_year(lang, *month),
                amount: amount.map_or_else(|| or_dash(""), |sum| thousands(lang, sum)),
                cumulative: if *month <= today {
                    thousands(lang, cumulative)
                } else {
                    or_dash("")
                },
            }
        })
        .collect();
    let heading = format!(
        "{} — {}",
        format::digits(lang, &line.code),
        line.head.get(lang)
    );
    let (line_refused, spending_refused) = match refused {
        Some(ShowRefused::Line(typed, errors)) => (Some((typed, errors)), None),
        Some(ShowRefused::Spending(typed, errors)) => (None, Some((typed, errors))),
        None => (None, None),
    };
    let begun: Vec<_> = line
        .months()
        .into_iter()
        .filter(|month| *month <= today)
        .collect();
    ShowPage {
        l: Layout::of_member(&state.app, lang, member, heading.clone(), "", &href),
        heading,
        register_href: register_href(&detail.office.key, line.year),
        notice,
        particulars: [
            ("budget-year", format::fiscal_year(lang, line.year)),
            ("budget-kind", t(lang, &line.kind.message_key())),
            ("budget-allocation", thousands(lang, line.allocation)),
            (
                "budget-revised",
                line.revised
                    .map_or_else(|| or_dash(""), |sum| thousands(lang, sum)),
            ),
            ("budget-spent", thousands(lang, spent)),
            (
                "budget-utilisation",
                percent(lang, utilisation(spent, line.available())),
            ),
        ]
        .into_iter()
        .map(|(key, text)| (t(lang, key), text))
        .collect(),
        overspent: overspent(spent, line.available()),
        months,
        csrf: detail.can_manage.then(|| member.0.csrf_token.clone()),
        spending_form: (detail.can_manage && !begun.is_empty()).then(|| {
            let (typed, errors) = spending_refused.map_or_else(
                || (None, None),
                |(typed, errors)| (Some(typed), Some(errors)),
            );
            let selected = typed.map_or_else(
                || begun.last().map(ToString::to_string).unwrap_or_default(),
                |typed| typed.month.clone(),
            );
            SpendingForm {
                action: format!("{href}/spending"),
                errors: errors.unwrap_or_default(),
                months: choices(
                    begun.iter().rev(),
                    Some(&selected),
                    ToString::to_string,
                    |month| format::month_year(lang, **month),
                ),
                amount: typed.map(|typed| typed.amount.clone()).unwrap_or_default(),
            }
        }),
        form: detail.can_manage.then(|| {
            let (typed, errors) = line_refused.map_or_else(
                || (typed_line(lang, line), None),
                |(typed, errors)| (typed.clone(), Some(errors)),
            );
            line_form(lang, href.clone(), typed, errors)
        }),
        remove_action: detail.can_manage.then(|| {
            format!(
                "/offices/{}/budget/{}/remove",
                encode_component(&detail.office.key),
                detail.row.id
            )
        }),
    }
}

/// `GET /budget/{id}`: a line's page.
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(id): Path<i32>,
    Query(query): Query<DoneQuery>,
) -> Result<ShowPage, PageError> {
    let detail = state.app.budget_line_detail(&member.0, id).await?;
    let notice = match query.done.as_deref() {
        Some("added") => Some(t(lang, "budget-done-added")),
        Some("saved") => Some(t(lang, "budget-done-saved")),
        Some("spent") => Some(t(lang, "budget-done-spent")),
        _ => None,
    };
    Ok(show_page(&state, lang, &member, &detail, (notice, None)))
}

/// The line's page again with a refused form.
async fn refused_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    id: i32,
    refused: ShowRefused<'_>,
) -> Result<ShowPage, PageError> {
    let detail = state.app.budget_line_detail(&member.0, id).await?;
    Ok(show_page(
        state,
        lang,
        member,
        &detail,
        (None, Some(refused)),
    ))
}

/// `POST /budget/{id}`: corrects a line.
pub(crate) async fn save(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, fields): Posted<BudgetLineFields>,
) -> Result<Response, PageError> {
    let outcome = state.app.save_budget_line(&member.0, id, &fields).await;
    let saved_to = format!("/budget/{id}?done=saved");
    saved_or_rejected(lang, outcome, &saved_to, async |errors| {
        let refused = ShowRefused::Line(&fields, errors);
        refused_page(&state, lang, &member, id, refused).await
    })
    .await
}

/// `POST /budget/{id}/spending`: records a month's spending.
pub(crate) async fn spend(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, fields): Posted<SpendingFields>,
) -> Result<Response, PageError> {
    let outcome = state.app.record_spending(&member.0, id, &fields).await;
    let saved_to = format!("/budget/{id}?done=spent");
    saved_or_rejected(lang, outcome, &saved_to, async |errors| {
        let refused = ShowRefused::Spending(&fields, errors);
        refused_page(&state, lang, &member, id, refused).await
    })
    .await
}

/// `POST /offices/{key}/budget/{id}/remove`: removes a line entered by mistake, then opens its
/// year's register.
pub(crate) async fn remove(
    State(state): State<AppState>,
    Path((key, id)): Path<(String, i32)>,
    Posted(member, Button {}): Posted<Button>,
) -> Result<Redirect, PageError> {
    let year = state.app.remove_budget_line(&member.0, (&key, id)).await?;
    Ok(Redirect::to(&format!(
        "{}&done=removed",
        register_href(&key, year)
    )))
}
