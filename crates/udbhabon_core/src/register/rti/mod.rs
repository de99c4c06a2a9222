//! An office's RTI register: applications entered as received and followed through the answer, the
//! appeal and the complaint to the Information Commission, each against its statutory clock on the
//! holiday calendar; the year's figures; the register as a table, and its yearly report as a PDF; the
//! Act's time limits and the Rules' fee schedule, as `data/rti.toml` gives them.

pub mod disclosure;

use std::sync::LazyLock;

use bangla::FiscalYear;
use udbhabon_db::office::OfficeRow;
use udbhabon_db::register::rti::{RtiRow, RtiStep};
use udbhabon_docs::table::{Rows, TableFormat, write_table};
use udbhabon_docs::{RtiReportView, render_rti_report};
use udbhabon_domain::account::access::Action;
use udbhabon_domain::holiday::WorkingCalendar;
use udbhabon_domain::register::officer::Duty;
use udbhabon_domain::register::rti::{
    RtiAnswerFields, RtiAppealFields, RtiClocks, RtiComplaintFields, RtiFeeSchedule, RtiFigures,
    RtiLimits, RtiPending, RtiRequestFields, RtiStanding, check_answer, check_appeal,
    check_complaint, check_request, clocks,
};
use udbhabon_domain::{Bilingual, Lang, Vocabulary};
use udbhabon_i18n::{format, t, t_args};

use crate::account::SignedIn;
use crate::error::invalid;
use crate::team::order::pdf::{Document, document_language};
use crate::{App, Error};

/// The file of the Act's time limits and the Rules' fee schedule; part of the program, read by a test.
const RTI_FILE: &str = include_str!("../../../../../data/rti.toml");

/// The Act's time limits, read once.
pub static RTI_LIMITS: LazyLock<RtiLimits> =
    LazyLock::new(|| toml::from_str(RTI_FILE).expect("data/rti.toml is checked by the tests"));

/// The fee schedule for supplying information, read once.
pub static RTI_FEES: LazyLock<RtiFeeSchedule> =
    LazyLock::new(|| toml::from_str(RTI_FILE).expect("data/rti.toml is checked by the tests"));

/// The columns of the register as a table.
pub const RTI_COLUMNS: [&str; 17] = [
    "serial",
    "received_on",
    "channel",
    "applicant",
    "information",
    "involves_others",
    "life_liberty",
    "due_on",
    "answered_on",
    "outcome",
    "section",
    "fee",
    "days_late",
    "appeal_filed_on",
    "appeal_decided_on",
    "complaint_filed_on",
    "complaint_decided_on",
];

/// An application with its clocks today.
#[derive(Debug, Clone)]
pub struct RtiLine {
    pub row: RtiRow,
    pub clocks: RtiClocks,
}

/// An office's register of a fiscal year.
#[derive(Debug, Clone)]
pub struct RtiYear {
    pub office: OfficeRow,
    pub year: FiscalYear,
    pub lines: Vec<RtiLine>,
    pub figures: RtiFigures,
    /// Whether the reader keeps the register.
    pub can_manage: bool,
}

/// One application, for its page.
#[derive(Debug, Clone)]
pub struct RtiDetail {
    pub office: OfficeRow,
    pub line: RtiLine,
    pub can_manage: bool,
}

fn line(row: RtiRow, calendar: &WorkingCalendar, today: chrono::NaiveDate) -> RtiLine {
    let clocks = clocks(
        &row.request,
        (
            row.answer.as_ref(),
            row.appeal.as_ref(),
            row.complaint.as_ref(),
        ),
        (&RTI_LIMITS, calendar),
        today,
    );
    RtiLine { row, clocks }
}

/// What a clock still running is about, in both languages: the application's answer, or its appeal's
/// decision, with its number and what was asked.
pub(crate) fn pending_title(row: &RtiRow, pending: RtiPending) -> Bilingual {
    let key = match pending {
        RtiPending::Answer(_) => "rti-pending-answer",
        RtiPending::AppealDecision(_) => "rti-pending-appeal",
    };
    let title = |lang: Lang| {
        t_args(
            lang,
            key,
            &[
                ("number", format::number(lang, i64::from(row.serial))),
                ("information", row.request.information.clone()),
            ],
        )
    };
    Bilingual::new(title(Lang::Bn), title(Lang::En))
}

/// A year's figures as (label, figure) in the reader's language.
pub fn figure_lines(lang: Lang, figures: &RtiFigures) -> Vec<(String, String)> {
    figures
        .lines()
        .into_iter()
        .map(|(key, value)| {
            let value = i64::try_from(value).unwrap_or(i64::MAX);
            (t(lang, key), format::number(lang, value))
        })
        .collect()
}

/// Where an application stands against its clock, in words: open with the working days left, overdue
/// or answered late by so many days, or answered in time.
pub fn standing_words(lang: Lang, standing: RtiStanding) -> String {
    let days = |value: i64| format::number(lang, value);
    match standing {
        RtiStanding::Open { working_days_left } => t_args(
            lang,
            "rti-standing-open",
            &[("days", days(i64::from(working_days_left)))],
        ),
        RtiStanding::Overdue { days: late } => {
            t_args(lang, "rti-standing-overdue", &[("days", days(late))])
        }
        RtiStanding::AnsweredInTime => t(lang, "rti-standing-in-time"),
        RtiStanding::AnsweredLate { days: late } => {
            t_args(lang, "rti-standing-late", &[("days", days(late))])
        }
    }
}

impl App {
    /// The applications of these offices (or of all) still running a clock, with that clock.
    pub(crate) async fn open_rti(
        &self,
        office_ids: Option<&[i32]>,
    ) -> Result<Vec<(RtiRow, RtiPending)>, Error> {
        let calendar = self.working_calendar().await?;
        let today = self.today();
        Ok(self
            .db
            .open_rti_requests(office_ids)
            .await?
            .into_iter()
            .filter_map(|row| {
                let line = line(row, &calendar, today);
                let pending = line
                    .clocks
                    .pending(line.row.answer.as_ref(), line.row.appeal.as_ref())?;
                Some((line.row, pending))
            })
            .collect())
    }

    /// An office's applications of a fiscal year with their clocks and the year's figures, for those
    /// who read its records (applicants' names and contacts are not published).
    pub async fn rti_year(
        &self,
        who: &SignedIn,
        office_key: &str,
        year: FiscalYear,
    ) -> Result<RtiYear, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ViewOfficeRecords, office.id)
            .await?;
        let calendar = self.working_calendar().await?;
        let today = self.today();
        let mut figures = RtiFigures::default();
        let lines: Vec<RtiLine> = self
            .db
            .rti_requests(office.id, year.start_year())
            .await?
            .into_iter()
            .map(|row| line(row, &calendar, today))
            .inspect(|line| {
                figures.count(
                    line.row.answer.as_ref(),
                    (line.row.appeal.as_ref(), line.row.complaint.is_some()),
                    line.clocks.standing,
                );
            })
            .collect();
        Ok(RtiYear {
            can_manage: self.may(who, Action::ManageTeam, office.id).await?,
            office,
            year,
            lines,
            figures,
        })
    }

    /// One application with its clocks, for those who read its office's records.
    pub async fn rti_detail(&self, who: &SignedIn, id: i32) -> Result<RtiDetail, Error> {
        let row = self.db.rti_request(id).await?;
        let office = self.db.office_by_id(row.office_id).await?;
        self.require(who, Action::ViewOfficeRecords, office.id)
            .await?;
        let calendar = self.working_calendar().await?;
        Ok(RtiDetail {
            can_manage: self.may(who, Action::ManageTeam, office.id).await?,
            line: line(row, &calendar, self.today()),
            office,
        })
    }

    /// Enters an application in the register of the fiscal year it came in; returns its id.
    pub async fn add_rti_request(
        &self,
        who: &SignedIn,
        office_key: &str,
        fields: &RtiRequestFields,
    ) -> Result<i32, Error> {
        let office = self.db.office_by_key(office_key).await?;
        self.require(who, Action::ManageTeam, office.id).await?;
        let request = check_request(fields, self.today())?;
        let year = FiscalYear::of(request.received_on)
            .map_err(|_| invalid("received_on", "error-bad-date"))?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        let (id, _) = tx
            .insert_rti_request(office.id, year.start_year(), &request)
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The application `id` for one who keeps its office's register.
    async fn rti_to_keep(&self, who: &SignedIn, id: i32) -> Result<RtiRow, Error> {
        let row = self.db.rti_request(id).await?;
        self.require(who, Action::ManageTeam, row.office_id).await?;
        Ok(row)
    }

    /// Records (or corrects) the designated officer's answer.
    pub async fn record_rti_answer(
        &self,
        who: &SignedIn,
        id: i32,
        fields: &RtiAnswerFields,
    ) -> Result<(), Error> {
        let row = self.rti_to_keep(who, id).await?;
        let answer = check_answer(fields, row.request.received_on, self.today())?;
        self.record(who, id, RtiStep::Answer(answer)).await
    }

    /// Records (or corrects) the appeal and, once made, its decision.
    pub async fn record_rti_appeal(
        &self,
        who: &SignedIn,
        id: i32,
        fields: &RtiAppealFields,
    ) -> Result<(), Error> {
        let row = self.rti_to_keep(who, id).await?;
        let appeal = check_appeal(fields, row.request.received_on, self.today())?;
        self.record(who, id, RtiStep::Appeal(appeal)).await
    }

    /// Records (or corrects) a complaint to the Information Commission, filed no earlier than the
    /// appeal (or the application, when there was none).
    pub async fn record_rti_complaint(
        &self,
        who: &SignedIn,
        id: i32,
        fields: &RtiComplaintFields,
    ) -> Result<(), Error> {
        let row = self.rti_to_keep(who, id).await?;
        let earliest = row
            .appeal
            .as_ref()
            .map_or(row.request.received_on, |appeal| appeal.filed_on);
        let complaint = check_complaint(fields, earliest, self.today())?;
        self.record(who, id, RtiStep::Complaint(complaint)).await
    }

    async fn record(&self, who: &SignedIn, id: i32, step: RtiStep) -> Result<(), Error> {
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.record_rti_step(id, &step).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The register of a year as a table ([`RTI_COLUMNS`]), with each application's due date and
    /// days late as counted today.
    pub async fn export_rti(
        &self,
        who: &SignedIn,
        office_key: &str,
        year: FiscalYear,
        format: TableFormat,
    ) -> Result<Vec<u8>, Error> {
        let register = self.rti_year(who, office_key, year).await?;
        let date = |date: chrono::NaiveDate| date.format("%Y-%m-%d").to_string();
        let optional = |value: Option<chrono::NaiveDate>| value.map(date).unwrap_or_default();
        let yes = |value: bool| if value { "yes" } else { "no" }.to_owned();
        let mut rows: Rows = vec![
            RTI_COLUMNS
                .iter()
                .map(|column| (*column).to_owned())
                .collect(),
        ];
        for line in &register.lines {
            let (request, answer) = (&line.row.request, line.row.answer.as_ref());
            let appeal = line.row.appeal.as_ref();
            let complaint = line.row.complaint.as_ref();
            let days_late = match line.clocks.standing {
                RtiStanding::AnsweredLate { days } | RtiStanding::Overdue { days } => {
                    days.to_string()
                }
                _ => String::new(),
            };
            rows.push(vec![
                line.row.serial.to_string(),
                date(request.received_on),
                request.channel.code().to_owned(),
                request.applicant.clone(),
                request.information.clone(),
                yes(request.involves_others),
                yes(request.life_liberty),
                date(line.clocks.answer_due.date),
                optional(answer.map(|answer| answer.answered_on)),
                answer
                    .map(|answer| answer.outcome.code().to_owned())
                    .unwrap_or_default(),
                answer
                    .map(|answer| answer.section.clone())
                    .unwrap_or_default(),
                answer
                    .map(|answer| answer.fee.to_string())
                    .unwrap_or_default(),
                days_late,
                optional(appeal.map(|appeal| appeal.filed_on)),
                optional(appeal.and_then(|appeal| appeal.decided_on)),
                optional(complaint.map(|complaint| complaint.filed_on)),
                optional(complaint.and_then(|complaint| complaint.decided_on)),
            ]);
        }
        write_table(format, "rti", &rows).map_err(|error| Error::Internal(error.to_string()))
    }

    /// The yearly report of an office's register, for those who read its records: the officers it
    /// names under the Act, the year's figures and each application without its applicant.
    pub async fn rti_report(
        &self,
        who: &SignedIn,
        office_key: &str,
        (year, lang): (FiscalYear, Lang),
    ) -> Result<Document, Error> {
        let register = self.rti_year(who, office_key, year).await?;
        let officers = self
            .officers(&register.office)
            .await?
            .into_iter()
            .filter(|officer| officer.role.duty() == Duty::Rti)
            .map(|officer| {
                let holder = officer.holder.as_ref().map_or_else(
                    || t(lang, "charter-post-vacant"),
                    |holder| holder.person.name.get(lang).to_owned(),
                );
                (
                    t(lang, &officer.role.message_key()),
                    format!("{}, {holder}", officer.post.label.get(lang)),
                )
            })
            .collect();
        let view = RtiReportView {
            government: t(lang, "government"),
            office: register.office.name.get(lang).to_owned(),
            title: t(lang, "rti-report-title"),
            period: t_args(
                lang,
                "rti-report-period",
                &[
                    ("year", format::fiscal_year(lang, year)),
                    ("from", format::date(lang, year.first_day())),
                    ("to", format::date(lang, year.last_day())),
                ],
            ),
            officers,
            figures_heading: t(lang, "rti-figures-heading"),
            figures: figure_lines(lang, &register.figures),
            register_heading: t(lang, "rti-register-heading"),
            headings: [
                "rti-number",
                "rti-received-on",
                "rti-information",
                "rti-answer-due",
                "rti-answered",
                "rti-standing",
            ]
            .map(|key| t(lang, key)),
            rows: register
                .lines
                .iter()
                .map(|line| {
                    let answer = line.row.answer.as_ref();
                    [
                        format::number(lang, i64::from(line.row.serial)),
                        format::date_short(lang, line.row.request.received_on),
                        line.row.request.information.clone(),
                        format::date_short(lang, line.clocks.answer_due.date),
                        answer.map_or_else(String::new, |answer| {
                            format!(
                                "{}, {}",
                                format::date_short(lang, answer.answered_on),
                                t(lang, &answer.outcome.message_key())
                            )
                        }),
                        standing_words(lang, line.clocks.standing),
                    ]
                })
                .collect(),
            empty: t(lang, "rti-register-empty"),
            footer: t_args(
                lang,
                "rti-report-footer",
                &[("date", format::date_both(lang, self.today()))],
            ),
        };
        Ok(Document {
            file_name: format!("rti-report-{}-{}.pdf", register.office.key, year.short_en()),
            bytes: render_rti_report(self.fonts()?, document_language(lang), &view)
                .map_err(|error| Error::Internal(error.to_string()))?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use udbhabon_domain::portal::charter::TimeUnit;

    #[test]
    fn the_limits_read_as_the_act_gives_them() {
        assert_eq!(RTI_LIMITS.answer.amount, 20);
        assert_eq!(RTI_LIMITS.answer.unit, TimeUnit::WorkingDay);
        assert_eq!(RTI_LIMITS.answer_involving_others.amount, 30);
        assert_eq!(RTI_LIMITS.answer_life_liberty.unit, TimeUnit::Hour);
        assert_eq!(RTI_LIMITS.appeal_decision.unit, TimeUnit::Day);
        assert_eq!(RTI_FEES.fees.len(), 4);
        assert!(RTI_FEES.fees.iter().all(|fee| !fee.fee_bn.is_empty()));
    }
}
