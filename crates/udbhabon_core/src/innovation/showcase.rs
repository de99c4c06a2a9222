//! The public showcase of innovations (terms of reference 15): an office's team puts chosen
//! innovations on the portal, where anyone lists them by office and kind with their TCV savings and how
//! many offices replicated them, opens one, and prints its one-page profile.

use udbhabon_db::innovation::InnovationRow;
use udbhabon_db::office::OfficeRow;
use udbhabon_docs::{InnovationSheetView, render_innovation_sheet};
use udbhabon_domain::Lang;
use udbhabon_domain::account::access::Action;
use udbhabon_domain::innovation::{BeforeAfter, InnovationDraft, InnovationKind, Tcv};
use udbhabon_i18n::{format, t, t_args};

use crate::account::SignedIn;
use crate::innovation::MAX_REPLICATION_DEPTH;
use crate::team::order::pdf::{Document, document_language};
use crate::{App, Error};

/// A figure as pages and documents print it: whole numbers grouped ("১,৫০০"), others with one decimal.
fn figure(lang: Lang, value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        // Whole and well inside i64: the cast is exact.
        format::number(lang, value as i64)
    } else {
        format::digits(lang, &format!("{value:.1}"))
    }
}

/// One TCV measure's line: (label, before, after, saving, worse).
pub type TcvLine = (String, String, String, String, bool);

/// The measures of a TCV that were given, each with its saving ("২৩ (৭৭%)").
pub fn tcv_lines(lang: Lang, tcv: &Tcv) -> Vec<TcvLine> {
    Tcv::MEASURES
        .iter()
        .zip(tcv.measures())
        .filter_map(|(measure, values)| {
            let values: BeforeAfter = values?;
            let saving = match values.saving_percent() {
                Some(percent) => format!(
                    "{} ({}%)",
                    figure(lang, values.saving()),
                    figure(lang, percent.round())
                ),
                None => figure(lang, values.saving()),
            };
            Some((
                t(lang, &format!("tcv-{measure}")),
                figure(lang, values.before),
                figure(lang, values.after),
                saving,
                values.is_worse(),
            ))
        })
        .collect()
}

/// An innovation's title in the reader's language, the Bengali one when there is no English title.
pub fn title_in(lang: Lang, record: &InnovationDraft) -> String {
    if lang == Lang::En && !record.title_en.is_empty() {
        record.title_en.clone()
    } else {
        record.title.clone()
    }
}

/// The filled fields that describe an innovation, as (label, text): the service, problem, root cause,
/// solution, dates and channel.
pub fn described(lang: Lang, record: &InnovationDraft) -> Vec<(String, String)> {
    let date = |day: Option<chrono::NaiveDate>| day.map(|day| format::date(lang, day));
    [
        ("innovation-service", Some(record.service.clone())),
        ("innovation-problem", Some(record.problem.clone())),
        ("innovation-root-cause", Some(record.root_cause.clone())),
        ("innovation-solution", Some(record.solution.clone())),
        ("innovation-started-on", date(record.started_on)),
        ("innovation-completed-on", date(record.completed_on)),
        (
            "innovation-channel",
            record
                .channel
                .map(|channel| t(lang, &channel.message_key())),
        ),
    ]
    .into_iter()
    .filter_map(|(key, value)| Some((t(lang, key), value.filter(|value| !value.is_empty())?)))
    .collect()
}

/// An innovation on the showcase.
#[derive(Debug, Clone)]
pub struct ShowcaseItem {
    pub innovation: InnovationRow,
    pub office: OfficeRow,
    /// How many innovations replicate it, copies of copies included.
    pub replications: usize,
}

/// The showcase as filtered.
#[derive(Debug, Clone)]
pub struct Showcase {
    /// The latest shown first.
    pub items: Vec<ShowcaseItem>,
    /// Every office with an innovation on the showcase, for the filter.
    pub offices: Vec<OfficeRow>,
}

/// One innovation on the showcase with the offices that replicated it.
#[derive(Debug, Clone)]
pub struct ShowcasedInnovation {
    pub item: ShowcaseItem,
    pub replicated_by: Vec<OfficeRow>,
}

impl App {
    /// The showcase, of an office and those below it and of a kind when given; open to everyone.
    pub async fn showcase(
        &self,
        office_key: Option<&str>,
        kind: Option<InnovationKind>,
    ) -> Result<Showcase, Error> {
        let rows = self.db.showcased_innovations(kind).await?;
        let office_ids: Vec<i32> = rows.iter().map(|row| row.office_id).collect();
        let offices = self.db.offices_by_ids(&office_ids).await?;
        let within = match office_key {
            Some(key) => {
                let top = self.db.office_by_key(key).await?;
                let paths = self.db.office_paths(&office_ids).await?;
                let marker = format!("/{}/", top.id);
                Some((top.id, marker, paths))
            }
            None => None,
        };
        let counts = self
            .db
            .replication_counts(
                &rows.iter().map(|row| row.id).collect::<Vec<_>>(),
                MAX_REPLICATION_DEPTH,
            )
            .await?;
        let mut listed: Vec<OfficeRow> = offices.values().cloned().collect();
        listed.sort_by(|a, b| (a.depth, &a.name.en).cmp(&(b.depth, &b.name.en)));
        let items = rows
            .into_iter()
            .filter(|row| match &within {
                Some((top, marker, paths)) => {
                    row.office_id == *top
                        || paths
                            .get(&row.office_id)
                            .is_some_and(|path| path.contains(marker.as_str()))
                }
                None => true,
            })
            .filter_map(|row| {
                Some(ShowcaseItem {
                    office: offices.get(&row.office_id)?.clone(),
                    replications: counts.get(&row.id).copied().unwrap_or_default(),
                    innovation: row,
                })
            })
            .collect();
        Ok(Showcase {
            items,
            offices: listed,
        })
    }

    /// One innovation on the showcase; one not on it is not found.
    pub async fn showcased_innovation(&self, id: i32) -> Result<ShowcasedInnovation, Error> {
        let innovation = self.db.innovation(id).await?;
        if innovation.showcased_at.is_none() {
            return Err(Error::NotFound(format!("innovation #{id} on the showcase")));
        }
        self.showcase_entry(innovation).await
    }

    async fn showcase_entry(
        &self,
        innovation: InnovationRow,
    ) -> Result<ShowcasedInnovation, Error> {
        let replicated_by: Vec<OfficeRow> = self
            .replication_tree(innovation.id)
            .await?
            .into_iter()
            .map(|(_, _, office)| office)
            .collect();
        Ok(ShowcasedInnovation {
            item: ShowcaseItem {
                office: self.db.office_by_id(innovation.office_id).await?,
                replications: replicated_by.len(),
                innovation,
            },
            replicated_by,
        })
    }

    /// Puts an innovation on the showcase or takes it off: the work of its office's team.
    pub async fn set_showcased(
        &self,
        who: &SignedIn,
        id: i32,
        showcased: bool,
    ) -> Result<(), Error> {
        let innovation = self.db.innovation(id).await?;
        self.require(who, Action::ManageTeam, innovation.office_id)
            .await?;
        let tx = self.db.begin(self.author(Some(who), "")).await?;
        tx.set_showcased(id, showcased).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The one-page profile of an innovation as a PDF: for anyone when it is on the showcase, for any
    /// signed-in reader otherwise.
    pub async fn innovation_sheet(
        &self,
        who: Option<&SignedIn>,
        id: i32,
        lang: Lang,
    ) -> Result<Document, Error> {
        let innovation = self.db.innovation(id).await?;
        if innovation.showcased_at.is_none() && who.is_none() {
            return Err(Error::NotFound(format!("innovation #{id} on the showcase")));
        }
        let entry = self.showcase_entry(innovation).await?;
        let view = sheet_view(lang, &entry, self.today());
        Ok(Document {
            file_name: format!("innovation-{id}.pdf"),
            bytes: render_innovation_sheet(self.fonts()?, document_language(lang), &view)
                .map_err(|error| Error::Internal(error.to_string()))?,
        })
    }
}

fn sheet_view(
    lang: Lang,
    entry: &ShowcasedInnovation,
    today: chrono::NaiveDate,
) -> InnovationSheetView {
    let record = &entry.item.innovation.record;
    let mut facts = described(lang, record);
    if let Some(link) = &record.service_link {
        facts.push((t(lang, "innovation-service-link"), link.clone()));
    }
    InnovationSheetView {
        government: t(lang, "government"),
        office: entry.item.office.name.get(lang).to_owned(),
        heading: t(lang, "showcase-sheet-heading"),
        title: title_in(lang, record),
        kind_and_stage: format!(
            "{} · {}",
            t(lang, &record.kind.message_key()),
            t(lang, &record.stage.message_key())
        ),
        facts,
        tcv_heading: t(lang, "innovation-tcv"),
        tcv_headings: [
            String::new(),
            t(lang, "tcv-before"),
            t(lang, "tcv-after"),
            t(lang, "tcv-saving"),
        ],
        tcv: tcv_lines(lang, &record.tcv)
            .into_iter()
            .map(|(label, before, after, saving, _)| [label, before, after, saving])
            .collect(),
        replications: (
            t_args(
                lang,
                "showcase-replicated-by",
                &[(
                    "count",
                    format::number(lang, entry.replicated_by.len() as i64),
                )],
            ),
            entry
                .replicated_by
                .iter()
                .map(|office| office.name.get(lang).to_owned())
                .collect(),
        ),
        footer: t_args(
            lang,
            "showcase-sheet-footer",
            &[("date", format::date_both(lang, today))],
        ),
    }
}
