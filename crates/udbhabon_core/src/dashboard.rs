//! The roll-up dashboard of an office: its own score and the scores of every office below it for a
//! year's plan, filtered and sorted, the indicators most often late or returned, and who has not
//! reported this quarter.

use udbhabon_db::office::OfficeRow;
use udbhabon_db::plan::{IndicatorRow, TemplateRow};
use udbhabon_db::rollup::RollupRow;
use udbhabon_domain::Vocabulary;
use udbhabon_domain::access::Action;
use udbhabon_domain::office::OfficeKind;

use crate::account::SignedIn;
use crate::{App, Error};

/// What the reader asks the dashboard for.
#[derive(Debug, Clone, Default)]
pub struct DashboardQuery {
    /// The office at the top (the home office by default).
    pub office: Option<String>,
    /// The template (the latest year by default).
    pub template: Option<String>,
    /// Only offices of this kind below the top.
    pub kind: Option<String>,
    /// Sort by name instead of by score (highest first).
    pub by_name: bool,
}

/// An office's roll-up.
#[derive(Debug, Clone)]
pub struct Dashboard {
    pub office: OfficeRow,
    pub template: TemplateRow,
    pub templates: Vec<TemplateRow>,
    /// The office's own row.
    pub own: Option<RollupRow>,
    /// The offices below it, as filtered and sorted.
    pub below: Vec<RollupRow>,
    /// The kinds of office below it, for the filter.
    pub kinds: Vec<OfficeKind>,
    pub kind: Option<OfficeKind>,
    /// The quarter "this quarter" means for the year shown.
    pub quarter: u8,
    /// Offices below with an approved plan and nothing sent for `quarter`.
    pub silent: Vec<RollupRow>,
    /// (indicator, times late, entries returned), worst first.
    pub trouble: Vec<(IndicatorRow, i64, i64)>,
}

impl App {
    /// The dashboard of an office for readers of its records: one query for the subtree's scores.
    pub async fn dashboard(
        &self,
        who: &SignedIn,
        query: &DashboardQuery,
    ) -> Result<Dashboard, Error> {
        let office = match &query.office {
            Some(key) => self.db.office_by_key(key).await?,
            None => {
                let team = self
                    .home_team()
                    .await?
                    .ok_or_else(|| Error::NotFound("a home office".into()))?;
                self.db.office_by_id(team.office_id).await?
            }
        };
        self.require(who, Action::ViewOfficeRecords, office.id)
            .await?;
        let templates = self.db.plan_templates().await?;
        let template = match &query.template {
            Some(key) => templates
                .iter()
                .find(|template| &template.key == key)
                .cloned(),
            None => templates.first().cloned(),
        }
        .ok_or_else(|| Error::NotFound("a plan template".into()))?;
        let mut rows = self.db.rollup(office.id, template.id).await?;
        let own = (!rows.is_empty()).then(|| rows.remove(0));
        let mut kinds: Vec<OfficeKind> = Vec::new();
        for row in &rows {
            if !kinds.contains(&row.kind) {
                kinds.push(row.kind);
            }
        }
        kinds.sort_by_key(|kind| OfficeKind::ALL.iter().position(|known| known == kind));
        let kind = query
            .kind
            .as_deref()
            .and_then(|code| OfficeKind::from_code(code).ok());
        let year = bangla::FiscalYear::starting_in(template.fiscal_year)
            .map_err(|error| Error::Internal(error.to_string()))?;
        let today = self.today();
        let quarter = if today < year.first_day() {
            1
        } else if today > year.last_day() {
            4
        } else {
            bangla::Quarter::of(today).number()
        };
        let silent_ids = self
            .db
            .silent_plans(office.id, template.id, quarter)
            .await?;
        let silent = rows
            .iter()
            .filter(|row| silent_ids.contains(&row.office_id))
            .cloned()
            .collect();
        let mut below: Vec<RollupRow> = rows
            .into_iter()
            .filter(|row| kind.is_none_or(|kind| row.kind == kind))
            .collect();
        if query.by_name {
            below.sort_by(|left, right| left.name.en.cmp(&right.name.en));
        } else {
            below.sort_by(|left, right| {
                right
                    .score
                    .unwrap_or(-1.0)
                    .total_cmp(&left.score.unwrap_or(-1.0))
                    .then_with(|| left.name.en.cmp(&right.name.en))
            });
        }
        let tree = self.db.template_tree(template.id).await?;
        let indicators: Vec<&IndicatorRow> = tree
            .areas
            .iter()
            .flat_map(|area| &area.activities)
            .flat_map(|activity| &activity.indicators)
            .collect();
        let trouble = self
            .db
            .trouble_indicators(office.id, template.id, 5)
            .await?
            .into_iter()
            .filter_map(|row| {
                let indicator = indicators
                    .iter()
                    .find(|indicator| indicator.id == row.indicator_id)?;
                Some(((*indicator).clone(), row.late, row.returned))
            })
            .collect();
        Ok(Dashboard {
            office,
            template,
            templates,
            own,
            below,
            kinds,
            kind,
            quarter,
            silent,
            trouble,
        })
    }
}
