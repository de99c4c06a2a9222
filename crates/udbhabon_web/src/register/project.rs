//! An office's ICT projects (`/offices/KEY/projects`): each with its period, cost, physical and
//! financial progress and next milestone — the summary the monthly coordination meeting reviews, also
//! as XLSX or CSV — and the forms that register one and import a table of them; a project's page (`/projects/ID`) with its
//! details, the form that updates them and its progress, and its milestones with the forms that add
//! one and record one reached.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use serde::Deserialize;
use udbhabon_core::TableFormat;
use udbhabon_core::register::project::{
    COMING_DAYS, PROJECT_COLUMNS, ProjectDetail, ProjectImport, ProjectRegister,
};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::register::project::{
    FundSource, Milestone, MilestoneFields, MilestoneStanding, Project, ProjectFields, ProjectKind,
};
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Member, Posted, PostedUpload};
use crate::download;
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::form::{
    Choice, DoneQuery, FieldErrors, joined, listed, or_dash, rejected, saved_or_rejected, with_none,
};
use crate::lang::ReaderLang;
use crate::layout::{Layout, encode_component};
use crate::register::{ImportForm, percent, thousands};
use crate::state::AppState;
use crate::upload::line_problems;

/// The form of a project's details, to register one or update it.
pub(crate) struct ProjectForm {
    action: String,
    open: bool,
    errors: Vec<(String, String)>,
    values: ProjectFields,
    kinds: Vec<Choice>,
    funds: Vec<Choice>,
}

impl FieldErrors for ProjectForm {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

fn project_form(
    lang: Lang,
    action: String,
    typed: ProjectFields,
    errors: Option<Vec<(String, String)>>,
) -> ProjectForm {
    ProjectForm {
        action,
        open: errors.is_some(),
        errors: errors.unwrap_or_default(),
        kinds: with_none(listed(lang, &typed.kind, ProjectKind::message_key)),
        funds: with_none(listed(lang, &typed.funds, FundSource::message_key)),
        values: typed,
    }
}

/// A milestone's standing as a tag: (class, text).
fn milestone_tag(lang: Lang, milestone: &Milestone, today: NaiveDate) -> (&'static str, String) {
    match milestone.standing(today, COMING_DAYS) {
        MilestoneStanding::Late => ("tag late", t(lang, "milestone-late")),
        MilestoneStanding::Coming => ("tag standing-late", t(lang, "milestone-coming")),
        MilestoneStanding::Planned => ("tag standing-awaited", t(lang, "milestone-planned")),
        MilestoneStanding::Reached { late: false } => ("tag", t(lang, "milestone-reached")),
        MilestoneStanding::Reached { late: true } => ("tag", t(lang, "milestone-reached-late")),
    }
}

fn period(lang: Lang, project: &Project) -> String {
    t_args(
        lang,
        "project-period-value",
        &[
            ("from", format::date(lang, project.starts_on)),
            ("to", format::date(lang, project.ends_on)),
        ],
    )
}

struct ProjectLine {
    href: String,
    name: String,
    kind: String,
    period: String,
    cost: String,
    physical: String,
    financial: String,
    overspent: bool,
    /// The first milestone not reached: its title, planned day and standing.
    next_milestone: Option<(String, String, (&'static str, String))>,
}

#[derive(Template, WebTemplate)]
#[template(path = "register/project/list.html")]
pub(crate) struct ListPage {
    l: Layout,
    heading: String,
    office_href: String,
    lines: Vec<ProjectLine>,
    /// The register as XLSX and as CSV.
    exports: (String, String),
    notice: Option<String>,
    csrf: Option<String>,
    form: Option<ProjectForm>,
    import: Option<ImportForm>,
}

/// A form of the register refused: the project typed, or the import's problems.
enum ListRefused<'a> {
    Project(&'a ProjectFields, Vec<(String, String)>),
    Import(Vec<(String, String)>),
}

fn list_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    register: &ProjectRegister,
    (notice, refused): (Option<String>, Option<ListRefused<'_>>),
) -> ListPage {
    let key = &register.office.key;
    let href = format!("/offices/{}/projects", encode_component(key));
    let today = state.app.today();
    let (project_refused, import_problems) = match refused {
        Some(ListRefused::Project(typed, errors)) => (Some((typed, errors)), None),
        Some(ListRefused::Import(problems)) => (None, Some(problems)),
        None => (None, None),
    };
    let lines = register
        .projects
        .iter()
        .map(|row| {
            let project = &row.project;
            ProjectLine {
                href: format!("/projects/{}", row.id),
                name: project.name.get(lang).to_owned(),
                kind: t(lang, &project.kind.message_key()),
                period: period(lang, project),
                cost: thousands(lang, project.cost),
                physical: format::digits(lang, &format!("{}%", project.physical_progress)),
                financial: percent(lang, project.financial_progress()),
                overspent: project.overspent(),
                next_milestone: register
                    .milestones
                    .iter()
                    .find(|milestone| {
                        milestone.project_id == row.id && milestone.milestone.reached_on.is_none()
                    })
                    .map(|row| {
                        let milestone = &row.milestone;
                        (
                            milestone.title.clone(),
                            format::date(lang, milestone.planned_on),
                            milestone_tag(lang, milestone, today),
                        )
                    }),
            }
        })
        .collect();
    ListPage {
        l: Layout::of_member(
            &state.app,
            lang,
            member,
            t(lang, "project-title"),
            "",
            &href,
        ),
        heading: t_args(
            lang,
            "project-heading",
            &[("office", register.office.name.get(lang).to_owned())],
        ),
        office_href: format!("/offices/{}", encode_component(key)),
        exports: (format!("{href}/export.xlsx"), format!("{href}/export.csv")),
        lines,
        notice,
        csrf: register.can_manage.then(|| member.0.csrf_token.clone()),
        form: register.can_manage.then(|| {
            let (typed, errors) = project_refused.map_or_else(
                || (ProjectFields::default(), None),
                |(typed, errors)| (typed.clone(), Some(errors)),
            );
            project_form(lang, href.clone(), typed, errors)
        }),
        import: register.can_manage.then(|| {
            ImportForm::new(
                format!("{href}/import"),
                (t(lang, "project-import-help"), &PROJECT_COLUMNS),
                import_problems,
            )
        }),
    }
}

/// `GET /offices/{key}/projects`: the office's projects.
pub(crate) async fn list(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
) -> Result<ListPage, PageError> {
    let register = state.app.project_register(&member.0, &key).await?;
    Ok(list_page(&state, lang, &member, &register, (None, None)))
}

/// The register as a table file.
async fn export(
    state: &AppState,
    member: &Member,
    key: &str,
    format: TableFormat,
) -> Result<Response, PageError> {
    let bytes = state.app.export_projects(&member.0, key, format).await?;
    Ok(download::table(format, &format!("projects-{key}"), bytes))
}

/// `GET /offices/{key}/projects/export.xlsx`.
pub(crate) async fn export_xlsx(
    State(state): State<AppState>,
    member: Member,
    Path(key): Path<String>,
) -> Result<Response, PageError> {
    export(&state, &member, &key, TableFormat::Xlsx).await
}

/// `GET /offices/{key}/projects/export.csv`.
pub(crate) async fn export_csv(
    State(state): State<AppState>,
    member: Member,
    Path(key): Path<String>,
) -> Result<Response, PageError> {
    export(&state, &member, &key, TableFormat::Csv).await
}

/// `POST /offices/{key}/projects`: registers a project, then opens its page.
pub(crate) async fn add(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Posted(member, fields): Posted<ProjectFields>,
) -> Result<Response, PageError> {
    match state.app.add_project(&member.0, &key, &fields).await {
        Ok(id) => Ok(Redirect::to(&format!("/projects/{id}?done=added")).into_response()),
        Err(error) => {
            rejected(lang, error, async |errors| {
                let register = state.app.project_register(&member.0, &key).await?;
                Ok(list_page(
                    &state,
                    lang,
                    &member,
                    &register,
                    (None, Some(ListRefused::Project(&fields, errors))),
                ))
            })
            .await
        }
    }
}

/// `POST /offices/{key}/projects/import`: every line of the table recorded, or none with its
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
    let outcome = state.app.import_projects(&member.0, &key, &file).await?;
    let register = state.app.project_register(&member.0, &key).await?;
    match outcome {
        ProjectImport::Imported { added, updated } => {
            let notice = t_args(
                lang,
                "project-import-done",
                &[
                    ("added", format::number(lang, added as i64)),
                    ("updated", format::number(lang, updated as i64)),
                ],
            );
            let page = list_page(&state, lang, &member, &register, (Some(notice), None));
            Ok(page.into_response())
        }
        ProjectImport::Rejected(problems) => {
            let refused = ListRefused::Import(line_problems(lang, problems));
            let page = list_page(&state, lang, &member, &register, (None, Some(refused)));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// The form that adds a milestone.
pub(crate) struct MilestoneForm {
    action: String,
    open: bool,
    errors: Vec<(String, String)>,
    values: MilestoneFields,
}

impl FieldErrors for MilestoneForm {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

struct MilestoneLine {
    title: String,
    planned_on: String,
    reached_on: Option<String>,
    standing: (&'static str, String),
    reach_action: Option<String>,
    /// The day typed and its message, when recording it reached was refused.
    refused: Option<(String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "register/project/show.html")]
pub(crate) struct ShowPage {
    l: Layout,
    heading: String,
    register_href: String,
    notice: Option<String>,
    particulars: Vec<(String, String)>,
    overspent: bool,
    milestones: Vec<MilestoneLine>,
    csrf: Option<String>,
    form: Option<ProjectForm>,
    milestone_form: Option<MilestoneForm>,
}

/// A form of the project's page refused.
enum ShowRefused<'a> {
    Details(&'a ProjectFields, Vec<(String, String)>),
    Milestone(&'a MilestoneFields, Vec<(String, String)>),
    /// Recording this milestone reached.
    Reach(i32, &'a ReachedFields, Vec<(String, String)>),
}

fn typed_project(lang: Lang, project: &Project) -> ProjectFields {
    ProjectFields {
        name_bn: project.name.bn.clone(),
        name_en: project.name.en.clone(),
        kind: project.kind.code().to_owned(),
        director: project.director.clone(),
        cost: format::digits(lang, &project.cost.to_string()),
        funds: project.funds.code().to_owned(),
        starts_on: format::digits(lang, &project.starts_on.format("%d-%m-%Y").to_string()),
        ends_on: format::digits(lang, &project.ends_on.format("%d-%m-%Y").to_string()),
        vendor: project.vendor.clone(),
        physical_progress: format::digits(lang, &project.physical_progress.to_string()),
        spent: format::digits(lang, &project.spent.to_string()),
        risks: project.risks.clone(),
    }
}

fn show_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    detail: &ProjectDetail,
    (notice, refused): (Option<String>, Option<ShowRefused<'_>>),
) -> ShowPage {
    let project = &detail.row.project;
    let href = format!("/projects/{}", detail.row.id);
    let today = state.app.today();
    let milestones = detail
        .milestones
        .iter()
        .map(|row| MilestoneLine {
            title: row.milestone.title.clone(),
            planned_on: format::date(lang, row.milestone.planned_on),
            reached_on: row
                .milestone
                .reached_on
                .map(|reached_on| format::date(lang, reached_on)),
            standing: milestone_tag(lang, &row.milestone, today),
            reach_action: detail
                .can_manage
                .then(|| format!("{href}/milestones/{}/reached", row.id)),
            refused: match &refused {
                Some(ShowRefused::Reach(id, typed, errors)) if *id == row.id => {
                    Some((typed.reached_on.clone(), joined(errors)))
                }
                _ => None,
            },
        })
        .collect();
    let (details_refused, milestone_refused) = match refused {
        Some(ShowRefused::Details(typed, errors)) => (Some((typed, errors)), None),
        Some(ShowRefused::Milestone(typed, errors)) => (None, Some((typed, errors))),
        _ => (None, None),
    };
    ShowPage {
        l: Layout::of_member(
            &state.app,
            lang,
            member,
            project.name.get(lang).to_owned(),
            "",
            &href,
        ),
        heading: project.name.get(lang).to_owned(),
        register_href: format!("/offices/{}/projects", encode_component(&detail.office.key)),
        notice,
        particulars: [
            ("project-kind", t(lang, &project.kind.message_key())),
            ("project-director", project.director.clone()),
            ("project-funds", t(lang, &project.funds.message_key())),
            ("project-period", period(lang, project)),
            ("project-cost", thousands(lang, project.cost)),
            ("project-spent", thousands(lang, project.spent)),
            (
                "project-financial",
                percent(lang, project.financial_progress()),
            ),
            (
                "project-physical",
                format::digits(lang, &format!("{}%", project.physical_progress)),
            ),
            ("project-vendor", or_dash(&project.vendor)),
            ("project-risks", or_dash(&project.risks)),
        ]
        .into_iter()
        .map(|(key, text)| (t(lang, key), text))
        .collect(),
        overspent: project.overspent(),
        milestones,
        csrf: detail.can_manage.then(|| member.0.csrf_token.clone()),
        form: detail.can_manage.then(|| {
            let (typed, errors) = details_refused.map_or_else(
                || (typed_project(lang, project), None),
                |(typed, errors)| (typed.clone(), Some(errors)),
            );
            project_form(lang, href.clone(), typed, errors)
        }),
        milestone_form: detail.can_manage.then(|| {
            let (values, errors) = milestone_refused.map_or_else(
                || (MilestoneFields::default(), None),
                |(typed, errors)| (typed.clone(), Some(errors)),
            );
            MilestoneForm {
                action: format!("{href}/milestones"),
                open: errors.is_some(),
                errors: errors.unwrap_or_default(),
                values,
            }
        }),
    }
}

/// `GET /projects/{id}`: a project's page.
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(id): Path<i32>,
    Query(query): Query<DoneQuery>,
) -> Result<ShowPage, PageError> {
    let detail = state.app.project_detail(&member.0, id).await?;
    let notice = match query.done.as_deref() {
        Some("added") => Some(t(lang, "project-done-added")),
        Some("saved") => Some(t(lang, "project-done-saved")),
        Some("milestone-added") => Some(t(lang, "milestone-done-added")),
        Some("reached") => Some(t(lang, "milestone-done-reached")),
        _ => None,
    };
    Ok(show_page(&state, lang, &member, &detail, (notice, None)))
}

/// The project's page again with a refused form.
async fn refused_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    id: i32,
    refused: ShowRefused<'_>,
) -> Result<ShowPage, PageError> {
    let detail = state.app.project_detail(&member.0, id).await?;
    Ok(show_page(
        state,
        lang,
        member,
        &detail,
        (None, Some(refused)),
    ))
}

/// A project's page after one of its forms was saved, saying what was done.
fn done_to(id: i32, done: &str) -> String {
    format!("/projects/{id}?done={done}")
}

/// `POST /projects/{id}`: updates a project's details and progress.
pub(crate) async fn save(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, fields): Posted<ProjectFields>,
) -> Result<Response, PageError> {
    let outcome = state.app.save_project(&member.0, id, &fields).await;
    saved_or_rejected(lang, outcome, &done_to(id, "saved"), async |errors| {
        refused_page(
            &state,
            lang,
            &member,
            id,
            ShowRefused::Details(&fields, errors),
        )
        .await
    })
    .await
}

/// `POST /projects/{id}/milestones`: adds a milestone.
pub(crate) async fn add_milestone(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, fields): Posted<MilestoneFields>,
) -> Result<Response, PageError> {
    let outcome = state.app.add_milestone(&member.0, id, &fields).await;
    saved_or_rejected(
        lang,
        outcome,
        &done_to(id, "milestone-added"),
        async |errors| {
            let refused = ShowRefused::Milestone(&fields, errors);
            refused_page(&state, lang, &member, id, refused).await
        },
    )
    .await
}

/// The form that records a milestone reached.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ReachedFields {
    reached_on: String,
}

/// `POST /projects/{id}/milestones/{milestone}/reached`: records the day a milestone was reached.
pub(crate) async fn reach(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path((id, milestone)): Path<(i32, i32)>,
    Posted(member, fields): Posted<ReachedFields>,
) -> Result<Response, PageError> {
    let outcome = state
        .app
        .reach_milestone(&member.0, (id, milestone), &fields.reached_on)
        .await;
    saved_or_rejected(lang, outcome, &done_to(id, "reached"), async |errors| {
        let refused = ShowRefused::Reach(milestone, &fields, errors);
        refused_page(&state, lang, &member, id, refused).await
    })
    .await
}
