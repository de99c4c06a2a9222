//! An office's RTI register (`/offices/KEY/rti?year=2026-27`): the year's applications with where each
//! stands against its clock, the year's figures and the form that enters an application; an
//! application's page (`/rti/ID`) with its clocks and the forms for its answer, appeal and complaint;
//! the officers it names for RTI (`register::officer`); `disclosure` keeps its proactive-disclosure list.

pub(crate) mod disclosure;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use bangla::FiscalYear;
use chrono::NaiveDate;
use serde::Deserialize;
use udbhabon_core::TableFormat;
use udbhabon_core::register::rti::{
    RTI_FEES, RTI_LIMITS, RtiDetail, RtiLine, RtiYear, figure_lines, standing_words,
};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::holiday::Due;
use udbhabon_domain::portal::charter::{TimeLimit, TimeUnit};
use udbhabon_domain::register::officer::{Duty, OfficerFields};
use udbhabon_domain::register::rti::{
    AppealOutcome, RtiAnswerFields, RtiAppealFields, RtiChannel, RtiComplaintFields, RtiOutcome,
    RtiRequestFields, RtiStanding,
};
use udbhabon_i18n::{Lang, format, t, t_args};

use crate::auth::{Member, Posted};
use crate::download::{self, Disposition};
use crate::error::PageError;
use crate::extract::{Path, Query};
use crate::form::{Choice, DoneQuery, FieldErrors, listed, rejected, saved_or_rejected, with_none};
use crate::lang::ReaderLang;
use crate::layout::{Layout, encode_component};
use crate::register::officer::{
    OfficerSection, RefusedOfficer, RoleForm, name_officer, officer_section, take_off_officer,
};
use crate::register::rti::disclosure::{
    DisclosureForm, DisclosureLine, RefusedEntry, disclosure_forms, disclosure_lines,
};
use crate::state::AppState;
use crate::training::year_asked;

/// The register of a year.
fn year_href(key: &str, year: FiscalYear) -> String {
    format!(
        "/offices/{}/rti?year={}",
        encode_component(key),
        year.short_en()
    )
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct YearQuery {
    #[serde(default)]
    year: String,
    done: Option<String>,
}

/// Where an application stands, as a tag: (class, text).
fn standing_tag(lang: Lang, standing: RtiStanding) -> (&'static str, String) {
    let class = match standing {
        RtiStanding::Overdue { .. } | RtiStanding::AnsweredLate { .. } => "tag late",
        RtiStanding::Open { .. } | RtiStanding::AnsweredInTime => "tag",
    };
    (class, standing_words(lang, standing))
}

/// A time limit in words: "২০ কর্মদিবস".
fn limit_words(lang: Lang, limit: TimeLimit) -> String {
    let key = match limit.unit {
        TimeUnit::WorkingDay => "rti-limit-working-days",
        TimeUnit::Day => "rti-limit-days",
        TimeUnit::Hour => "rti-limit-hours",
        TimeUnit::Month => "rti-limit-months",
    };
    t_args(
        lang,
        key,
        &[("count", format::number(lang, i64::from(limit.amount)))],
    )
}

/// A due date with its weekday and both calendars.
fn due_words(lang: Lang, date: NaiveDate) -> String {
    format!(
        "{}, {}",
        format::weekday(lang, date),
        format::date_both(lang, date)
    )
}

struct RegisterLine {
    href: String,
    number: String,
    received: String,
    applicant: String,
    information: String,
    due: String,
    standing: (&'static str, String),
}

fn register_line(lang: Lang, line: &RtiLine) -> RegisterLine {
    let request = &line.row.request;
    RegisterLine {
        href: format!("/rti/{}", line.row.id),
        number: format::number(lang, i64::from(line.row.serial)),
        received: format::date_short(lang, request.received_on),
        applicant: request.applicant.clone(),
        information: request.information.clone(),
        due: format::date_short(lang, line.clocks.answer_due.date),
        standing: standing_tag(lang, line.clocks.standing),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "register/rti/year.html")]
pub(crate) struct YearPage {
    l: Layout,
    heading: String,
    office_href: String,
    years: (String, String),
    lines: Vec<RegisterLine>,
    /// (label, figure) of the year's figures.
    figures: Vec<(String, String)>,
    /// The year's report as a PDF.
    report_href: String,
    /// (what is supplied, its fee) of the Rules' fee schedule.
    fees: Vec<(String, String)>,
    exports: (String, String),
    limits: String,
    csrf: Option<String>,
    form: Option<RequestForm>,
    notice: Option<String>,
    officers: OfficerSection,
    disclosures: Vec<DisclosureLine>,
    /// For those who keep the list: each entry's form, then a new one's.
    disclosure_forms: Vec<DisclosureForm>,
}

pub(crate) struct RequestForm {
    action: String,
    open: bool,
    errors: Vec<(String, String)>,
    values: RequestValues,
    channels: Vec<Choice>,
}

impl FieldErrors for RequestForm {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

/// An application as posted.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct RequestValues {
    #[serde(default)]
    received_on: String,
    #[serde(default)]
    channel: String,
    #[serde(default)]
    applicant: String,
    #[serde(default)]
    contact: String,
    #[serde(default)]
    information: String,
    involves_others: Option<String>,
    life_liberty: Option<String>,
}

impl RequestValues {
    fn fields(&self) -> RtiRequestFields {
        RtiRequestFields {
            received_on: self.received_on.clone(),
            channel: self.channel.clone(),
            applicant: self.applicant.clone(),
            contact: self.contact.clone(),
            information: self.information.clone(),
            involves_others: self.involves_others.is_some(),
            life_liberty: self.life_liberty.is_some(),
        }
    }
}

/// A form of the register page refused: what was typed, and the messages.
pub(crate) enum RegisterRefused<'a> {
    Request(&'a RequestValues, Vec<(String, String)>),
    Officer(RefusedOfficer<'a>),
    Disclosure(RefusedEntry<'a>),
}

/// The register of the year `year` asks for (the current one when empty), with a refused form.
pub(crate) async fn register_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    (key, year, done): (&str, &str, Option<&str>),
    refused: Option<RegisterRefused<'_>>,
) -> Result<YearPage, PageError> {
    let year = year_asked(state, year)?;
    let register = state.app.rti_year(&member.0, key, year).await?;
    let officers = state.app.officers(&register.office).await?;
    let posts = if register.can_manage {
        Some(state.app.officer_posts(&register.office).await?)
    } else {
        None
    };
    let disclosures = state.app.disclosures(&register.office).await?;
    let (mut request_refused, mut officer_refused, mut disclosure_refused) = (None, None, None);
    match refused {
        Some(RegisterRefused::Request(values, errors)) => request_refused = Some((values, errors)),
        Some(RegisterRefused::Officer(refused)) => officer_refused = Some(refused),
        Some(RegisterRefused::Disclosure(entry)) => disclosure_refused = Some(entry),
        None => {}
    }
    let officers = officer_section(
        lang,
        (key, Duty::Rti),
        &officers,
        posts.as_deref(),
        officer_refused,
    );
    let mut page = year_page(state, lang, member, &register, request_refused, officers);
    page.notice = match done {
        Some("officers") => Some(t(lang, "officers-saved")),
        Some("disclosures") => Some(t(lang, "rti-disclosures-saved")),
        _ => None,
    };
    page.disclosures = disclosure_lines(lang, &disclosures);
    if register.can_manage {
        page.disclosure_forms = disclosure_forms(lang, key, &disclosures, disclosure_refused);
    }
    Ok(page)
}

fn year_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    register: &RtiYear,
    refused: Option<(&RequestValues, Vec<(String, String)>)>,
    officers: OfficerSection,
) -> YearPage {
    let key = &register.office.key;
    let year = register.year;
    YearPage {
        l: Layout::of_member(
            &state.app,
            lang,
            member,
            t(lang, "rti-title"),
            "",
            &year_href(key, year),
        ),
        heading: t_args(
            lang,
            "rti-heading",
            &[
                ("office", register.office.name.get(lang).to_owned()),
                ("year", format::fiscal_year(lang, year)),
            ],
        ),
        office_href: format!("/offices/{}", encode_component(key)),
        years: (
            year.previous()
                .map(|year| year_href(key, year))
                .unwrap_or_default(),
            year.next()
                .map(|year| year_href(key, year))
                .unwrap_or_default(),
        ),
        lines: register
            .lines
            .iter()
            .map(|line| register_line(lang, line))
            .collect(),
        figures: figure_lines(lang, &register.figures),
        report_href: format!(
            "/offices/{}/rti/report.pdf?year={}",
            encode_component(key),
            year.short_en()
        ),
        fees: fee_lines(lang),
        exports: (
            format!(
                "/offices/{}/rti/export.xlsx?year={}",
                encode_component(key),
                year.short_en()
            ),
            format!(
                "/offices/{}/rti/export.csv?year={}",
                encode_component(key),
                year.short_en()
            ),
        ),
        limits: t_args(
            lang,
            "rti-limits",
            &[
                ("answer", limit_words(lang, RTI_LIMITS.answer)),
                (
                    "others",
                    limit_words(lang, RTI_LIMITS.answer_involving_others),
                ),
                ("life", limit_words(lang, RTI_LIMITS.answer_life_liberty)),
            ],
        ),
        csrf: register.can_manage.then(|| member.0.csrf_token.clone()),
        form: register.can_manage.then(|| {
            let (values, errors) = refused.map_or_else(
                || (RequestValues::default(), None),
                |(values, errors)| (values.clone(), Some(errors)),
            );
            RequestForm {
                action: format!("/offices/{}/rti", encode_component(key)),
                open: errors.is_some(),
                errors: errors.unwrap_or_default(),
                channels: with_none(listed(lang, &values.channel, RtiChannel::message_key)),
                values,
            }
        }),
        notice: None,
        officers,
        disclosures: Vec::new(),
        disclosure_forms: Vec::new(),
    }
}

/// `GET /offices/{key}/rti[?year=2026-27]`: the register of a year.
pub(crate) async fn year(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
    Query(query): Query<YearQuery>,
) -> Result<YearPage, PageError> {
    let asked = (key.as_str(), query.year.as_str(), query.done.as_deref());
    register_page(&state, lang, &member, asked, None).await
}

/// `POST /offices/{key}/rti/officers`: names the post that holds an RTI role.
pub(crate) async fn set_officer(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Posted(member, fields): Posted<OfficerFields>,
) -> Result<Response, PageError> {
    let reader = (&state, lang, &member);
    name_officer(reader, (&key, Duty::Rti), &fields, async |errors| {
        let refused = RegisterRefused::Officer((&fields, errors));
        register_page(&state, lang, &member, (&key, "", None), Some(refused)).await
    })
    .await
}

/// `POST /offices/{key}/rti/officers/remove`: takes an RTI role off.
pub(crate) async fn remove_officer(
    State(state): State<AppState>,
    Path(key): Path<String>,
    Posted(member, form): Posted<RoleForm>,
) -> Result<Response, PageError> {
    take_off_officer(&state, (&key, Duty::Rti), &member, &form).await
}

/// `POST /offices/{key}/rti`: enters an application.
pub(crate) async fn add(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(key): Path<String>,
    Posted(member, values): Posted<RequestValues>,
) -> Result<Response, PageError> {
    match state
        .app
        .add_rti_request(&member.0, &key, &values.fields())
        .await
    {
        Ok(id) => Ok(Redirect::to(&format!("/rti/{id}?done=added")).into_response()),
        Err(error) => {
            rejected(lang, error, async |errors| {
                let refused = RegisterRefused::Request(&values, errors);
                register_page(&state, lang, &member, (&key, "", None), Some(refused)).await
            })
            .await
        }
    }
}

async fn export(
    state: &AppState,
    member: &Member,
    key: &str,
    query: &YearQuery,
    format: TableFormat,
) -> Result<Response, PageError> {
    let year = year_asked(state, &query.year)?;
    let bytes = state.app.export_rti(&member.0, key, year, format).await?;
    Ok(download::table(
        format,
        &format!("rti-{key}-{}", year.short_en()),
        bytes,
    ))
}

/// `GET /offices/{key}/rti/export.xlsx?year=2026-27`.
pub(crate) async fn export_xlsx(
    State(state): State<AppState>,
    member: Member,
    Path(key): Path<String>,
    Query(query): Query<YearQuery>,
) -> Result<Response, PageError> {
    export(&state, &member, &key, &query, TableFormat::Xlsx).await
}

/// `GET /offices/{key}/rti/export.csv?year=2026-27`.
pub(crate) async fn export_csv(
    State(state): State<AppState>,
    member: Member,
    Path(key): Path<String>,
    Query(query): Query<YearQuery>,
) -> Result<Response, PageError> {
    export(&state, &member, &key, &query, TableFormat::Csv).await
}

/// `GET /offices/{key}/rti/report.pdf?year=2026-27`: the year's report, in the reader's language.
pub(crate) async fn report(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(key): Path<String>,
    Query(query): Query<YearQuery>,
) -> Result<Response, PageError> {
    let year = year_asked(&state, &query.year)?;
    let document = state.app.rti_report(&member.0, &key, (year, lang)).await?;
    Ok(download::pdf(document, Disposition::Inline))
}

/// The Rules' fee schedule in the reader's language: (what is supplied, its fee).
pub(crate) fn fee_lines(lang: Lang) -> Vec<(String, String)> {
    RTI_FEES
        .fees
        .iter()
        .map(|fee| match lang {
            Lang::Bn => (fee.item_bn.clone(), fee.fee_bn.clone()),
            Lang::En => (fee.item_en.clone(), fee.fee_en.clone()),
        })
        .collect()
}

/// What was typed into one of an application's forms.
enum Typed {
    Answer(RtiAnswerFields),
    Appeal(RtiAppealFields),
    Complaint(RtiComplaintFields),
}

/// A form of an application refused: what was typed, and the messages.
struct Refused {
    typed: Typed,
    errors: Vec<(String, String)>,
}

/// A step's form: where it posts, what it holds, and its messages.
pub(crate) struct StepForm<V> {
    action: String,
    open: bool,
    errors: Vec<(String, String)>,
    values: V,
    outcomes: Vec<Choice>,
}

impl<V> FieldErrors for StepForm<V> {
    fn errors(&self) -> &[(String, String)] {
        &self.errors
    }
}

fn step_form<V>(
    action: String,
    (values, errors): (V, Option<Vec<(String, String)>>),
    outcomes: Vec<Choice>,
) -> StepForm<V> {
    StepForm {
        action,
        open: errors.is_some(),
        errors: errors.unwrap_or_default(),
        values,
        outcomes,
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "register/rti/show.html")]
pub(crate) struct ShowPage {
    l: Layout,
    heading: String,
    register_href: String,
    notice: Option<String>,
    standing: (&'static str, String),
    particulars: Vec<(String, String)>,
    /// (label, text) of each clock and what has been recorded against it.
    clocks: Vec<(String, String)>,
    /// Said when a count runs into a year whose holidays are not entered.
    unentered: Option<String>,
    csrf: Option<String>,
    answer: Option<StepForm<RtiAnswerFields>>,
    appeal: Option<StepForm<RtiAppealFields>>,
    complaint: Option<StepForm<RtiComplaintFields>>,
}

fn date_text(lang: Lang, date: Option<NaiveDate>) -> String {
    date.map(|date| format::date_short(lang, date))
        .unwrap_or_default()
}

fn due_clock(lang: Lang, due: &Due, limit: TimeLimit) -> String {
    let mut text = format!(
        "{} ({})",
        due_words(lang, due.date),
        limit_words(lang, limit)
    );
    if due.weekend_days + due.holidays > 0 {
        text.push_str(" · ");
        text.push_str(&t_args(
            lang,
            "holiday-passed-over",
            &[
                ("weekend", format::number(lang, i64::from(due.weekend_days))),
                ("holidays", format::number(lang, i64::from(due.holidays))),
            ],
        ));
    }
    text
}

fn show_page(
    state: &AppState,
    lang: Lang,
    member: &Member,
    detail: &RtiDetail,
    (notice, refused): (Option<String>, Option<Refused>),
) -> ShowPage {
    let row = &detail.line.row;
    let clocks = &detail.line.clocks;
    let request = &row.request;
    let yes = |value: bool| t(lang, if value { "rti-yes" } else { "rti-no" });
    let mut particulars = vec![
        (
            t(lang, "rti-received-on"),
            format::date_both(lang, request.received_on),
        ),
        (
            t(lang, "rti-channel"),
            t(lang, &request.channel.message_key()),
        ),
        (t(lang, "rti-applicant"), request.applicant.clone()),
        (t(lang, "rti-contact"), request.contact.clone()),
        (t(lang, "rti-information"), request.information.clone()),
        (t(lang, "rti-involves-others"), yes(request.involves_others)),
        (t(lang, "rti-life-liberty"), yes(request.life_liberty)),
    ];
    particulars.retain(|(_, text)| !text.is_empty());
    let mut clock_lines = vec![(
        t(lang, "rti-answer-due"),
        due_clock(lang, &clocks.answer_due, request.answer_limit(&RTI_LIMITS)),
    )];
    if let Some(answer) = &row.answer {
        let mut text = format!(
            "{} · {}",
            format::date_both(lang, answer.answered_on),
            t(lang, &answer.outcome.message_key())
        );
        if !answer.section.is_empty() {
            text.push_str(&format!(
                " · {} {}",
                t(lang, "rti-section"),
                format::digits(lang, &answer.section)
            ));
        }
        if answer.fee > 0 {
            text.push_str(" · ");
            text.push_str(&t_args(
                lang,
                "rti-fee-paid",
                &[("fee", format::number(lang, i64::from(answer.fee)))],
            ));
        }
        clock_lines.push((t(lang, "rti-answered"), text));
    }
    clock_lines.push((
        t(lang, "rti-appeal-until"),
        due_words(lang, clocks.appeal_until),
    ));
    if let (Some(appeal), Some(due)) = (&row.appeal, clocks.appeal_decision_due) {
        clock_lines.push((
            t(lang, "rti-appeal-filed"),
            format::date_both(lang, appeal.filed_on),
        ));
        clock_lines.push(match (appeal.decided_on, appeal.outcome) {
            (Some(on), Some(outcome)) => (
                t(lang, "rti-appeal-decided"),
                format!(
                    "{} · {}",
                    format::date_both(lang, on),
                    t(lang, &outcome.message_key())
                ),
            ),
            _ => (t(lang, "rti-appeal-decision-due"), due_words(lang, due)),
        });
    }
    if let (Some(complaint), Some(due)) = (&row.complaint, clocks.complaint_decision_due) {
        clock_lines.push((
            t(lang, "rti-complaint-filed"),
            format::date_both(lang, complaint.filed_on),
        ));
        clock_lines.push(match complaint.decided_on {
            Some(on) => (
                t(lang, "rti-complaint-decided"),
                format!("{} · {}", format::date_both(lang, on), complaint.result),
            ),
            None => (t(lang, "rti-complaint-decision-due"), due_words(lang, due)),
        });
    }
    let (mut answer_typed, mut appeal_typed, mut complaint_typed) = (None, None, None);
    if let Some(Refused { typed, errors }) = refused {
        match typed {
            Typed::Answer(fields) => answer_typed = Some((fields, Some(errors))),
            Typed::Appeal(fields) => appeal_typed = Some((fields, Some(errors))),
            Typed::Complaint(fields) => complaint_typed = Some((fields, Some(errors))),
        }
    }
    let action = |step: &str| format!("/rti/{}/{step}", row.id);
    let manage = detail.can_manage;
    ShowPage {
        l: Layout::of_member(
            &state.app,
            lang,
            member,
            t(lang, "rti-title"),
            "",
            &format!("/rti/{}", row.id),
        ),
        heading: t_args(
            lang,
            "rti-application",
            &[
                ("number", format::number(lang, i64::from(row.serial))),
                ("office", detail.office.name.get(lang).to_owned()),
            ],
        ),
        register_href: FiscalYear::of(request.received_on)
            .map(|year| year_href(&detail.office.key, year))
            .unwrap_or_default(),
        notice,
        standing: standing_tag(lang, clocks.standing),
        particulars,
        clocks: clock_lines,
        unentered: clocks.answer_due.unentered_year.map(|year| {
            t_args(
                lang,
                "holiday-year-unentered",
                &[("year", format::digits(lang, &year.to_string()))],
            )
        }),
        csrf: manage.then(|| member.0.csrf_token.clone()),
        answer: manage.then(|| {
            let typed = answer_typed.unwrap_or_else(|| {
                let values = row
                    .answer
                    .as_ref()
                    .map_or_else(RtiAnswerFields::default, |answer| RtiAnswerFields {
                        answered_on: format::date_short(lang, answer.answered_on),
                        outcome: answer.outcome.code().to_owned(),
                        section: answer.section.clone(),
                        note: answer.note.clone(),
                        fee: if answer.fee == 0 {
                            String::new()
                        } else {
                            format::digits(lang, &answer.fee.to_string())
                        },
                    });
                (values, None)
            });
            let outcomes = with_none(listed(lang, &typed.0.outcome, RtiOutcome::message_key));
            step_form(action("answer"), typed, outcomes)
        }),
        appeal: manage.then(|| {
            let typed = appeal_typed.unwrap_or_else(|| {
                let values = row
                    .appeal
                    .as_ref()
                    .map_or_else(RtiAppealFields::default, |appeal| RtiAppealFields {
                        filed_on: format::date_short(lang, appeal.filed_on),
                        decided_on: date_text(lang, appeal.decided_on),
                        outcome: appeal
                            .outcome
                            .map(|outcome| outcome.code().to_owned())
                            .unwrap_or_default(),
                        note: appeal.note.clone(),
                    });
                (values, None)
            });
            let outcomes = with_none(listed(lang, &typed.0.outcome, AppealOutcome::message_key));
            step_form(action("appeal"), typed, outcomes)
        }),
        complaint: manage.then(|| {
            let typed =
                complaint_typed.unwrap_or_else(|| {
                    let values = row.complaint.as_ref().map_or_else(
                        RtiComplaintFields::default,
                        |complaint| RtiComplaintFields {
                            filed_on: format::date_short(lang, complaint.filed_on),
                            reference: complaint.reference.clone(),
                            decided_on: date_text(lang, complaint.decided_on),
                            result: complaint.result.clone(),
                        },
                    );
                    (values, None)
                });
            step_form(action("complaint"), typed, Vec::new())
        }),
    }
}

/// `GET /rti/{id}`: an application with its clocks.
pub(crate) async fn show(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    member: Member,
    Path(id): Path<i32>,
    Query(query): Query<DoneQuery>,
) -> Result<ShowPage, PageError> {
    let detail = state.app.rti_detail(&member.0, id).await?;
    let notice = match query.done.as_deref() {
        Some("added") => Some(t(lang, "rti-done-added")),
        Some("recorded") => Some(t(lang, "rti-done-recorded")),
        _ => None,
    };
    Ok(show_page(&state, lang, &member, &detail, (notice, None)))
}

/// The application's page again after a step was recorded, or with the refused form.
async fn after_step(
    state: &AppState,
    lang: Lang,
    member: &Member,
    id: i32,
    (outcome, typed): (Result<(), udbhabon_core::Error>, Typed),
) -> Result<Response, PageError> {
    let saved_to = format!("/rti/{id}?done=recorded");
    saved_or_rejected(lang, outcome, &saved_to, async |errors| {
        let detail = state.app.rti_detail(&member.0, id).await?;
        let refused = Some(Refused { typed, errors });
        Ok(show_page(state, lang, member, &detail, (None, refused)))
    })
    .await
}

/// `POST /rti/{id}/answer`: the designated officer's answer.
pub(crate) async fn answer(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, fields): Posted<RtiAnswerFields>,
) -> Result<Response, PageError> {
    let outcome = state.app.record_rti_answer(&member.0, id, &fields).await;
    after_step(&state, lang, &member, id, (outcome, Typed::Answer(fields))).await
}

/// `POST /rti/{id}/appeal`: the appeal, and its decision once made.
pub(crate) async fn appeal(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, fields): Posted<RtiAppealFields>,
) -> Result<Response, PageError> {
    let outcome = state.app.record_rti_appeal(&member.0, id, &fields).await;
    after_step(&state, lang, &member, id, (outcome, Typed::Appeal(fields))).await
}

/// `POST /rti/{id}/complaint`: a complaint to the Information Commission, and its decision.
pub(crate) async fn complaint(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Path(id): Path<i32>,
    Posted(member, fields): Posted<RtiComplaintFields>,
) -> Result<Response, PageError> {
    let outcome = state.app.record_rti_complaint(&member.0, id, &fields).await;
    after_step(
        &state,
        lang,
        &member,
        id,
        (outcome, Typed::Complaint(fields)),
    )
    .await
}
