//! The roll-up dashboard of an office (or of the whole country): its own score, a page of the offices
//! below it for a year's plan (filtered by kind and district, sorted by score or name), their count,
//! mean and spread, the indicators most often late or returned, and who has not reported this quarter.

use udbhabon_db::office::OfficeRow;
use udbhabon_db::plan::dashboard::{RollupFilter, RollupOrder, RollupRow, RollupSummary, Scope};
use udbhabon_db::plan::{IndicatorRow, TemplateRow};
use udbhabon_domain::Vocabulary;
use udbhabon_domain::account::access::{Action, can_everywhere};
use udbhabon_domain::office::OfficeKind;
use udbhabon_domain::office::geo::{DISTRICTS, District, district_by_code};

use crate::account::SignedIn;
use crate::{App, Error};

/// Offices listed per page: a field office's phone gets a page it can load, and the country's 23,000
/// offices are a few clicks of paging or one filter away.
pub const ROWS_PER_PAGE: u64 = 100;

/// What the reader asks the dashboard for.
#[derive(Debug, Clone, Default)]
pub struct DashboardQuery {
    /// The office at the top (the home office by default).
    pub office: Option<String>,
    /// Every office of the country instead of one office's subtree.
    pub nation: bool,
    /// The template (the latest year by default).
    pub template: Option<String>,
    /// Only offices of this kind below the top.
    pub kind: Option<String>,
    /// Only offices in this district (its two-digit code).
    pub district: Option<String>,
    /// Sort by name instead of by score (highest first).
    pub by_name: bool,
    /// The page of the list, from 1.
    pub page: u64,
}

/// An office's roll-up.
#[derive(Debug, Clone)]
pub struct Dashboard {
    /// The office at the top; `None` for the whole country.
    pub office: Option<OfficeRow>,
    /// Whether the reader may see the whole country's roll-up.
    pub may_see_nation: bool,
    pub template: TemplateRow,
    pub templates: Vec<TemplateRow>,
    /// The office's own row.
    pub own: Option<RollupRow>,
    /// The offices below that pass the filters, taken together.
    pub summary: RollupSummary,
    /// This page of them, as sorted.
    pub rows: Vec<RollupRow>,
    /// The page shown (from 1) and how many there are.
    pub page: u64,
    pub pages: u64,
    /// The kinds of office below it, for the filter.
    pub kinds: Vec<OfficeKind>,
    pub kind: Option<OfficeKind>,
    /// The districts the offices below sit in, for the filter.
    pub districts: Vec<&'static District>,
    pub district: Option<&'static District>,
    /// The quarter "this quarter" means for the year shown.
    pub quarter: u8,
    /// Offices below with an approved plan and nothing sent for `quarter`, by name.
    pub silent: Vec<RollupRow>,
    /// Offices in scope whose half-yearly self-assessment waits for the mid-year review, by name.
    pub awaiting_review: Vec<RollupRow>,
    /// (indicator, times late, entries returned), worst first.
    pub trouble: Vec<(IndicatorRow, i64, i64)>,
}

impl App {
    /// The dashboard of an office for readers of its records, or of the whole country for those who
    /// may read every office's. Each part is one query whatever the size of the tree, and only the
    /// page shown is read out.
    pub async fn dashboard(
        &self,
        who: &SignedIn,
        query: &DashboardQuery,
    ) -> Result<Dashboard, Error> {
        let may_see_nation = can_everywhere(&who.principal(), Action::ViewOfficeRecords);
        let office = match &query.office {
            _ if query.nation => None,
            key => Some(self.office_for(Some(who), key.as_deref()).await?),
        };
        let scope = match &office {
            Some(office) => {
                self.require(who, Action::ViewOfficeRecords, office.id)
                    .await?;
                Scope::Office(office.id)
            }
            None if may_see_nation => Scope::Nation,
            None => return Err(Error::Forbidden),
        };
        let templates = self.db.plan_templates().await?;
        let template = match &query.template {
            Some(key) => templates
                .iter()
                .find(|template| &template.key == key)
                .cloned(),
            None => templates.first().cloned(),
        }
        .ok_or_else(|| Error::NotFound("a plan template".into()))?;
        let own = async {
            match &office {
                Some(office) => self
                    .db
                    .office_with_plan(office.id, template.id)
                    .await
                    .map(Some),
                None => Ok(None),
            }
        };
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
        let kind = query
            .kind
            .as_deref()
            .and_then(|code| OfficeKind::from_code(code).ok());
        let district = query.district.as_deref().and_then(district_by_code);
        let filter = RollupFilter {
            kind,
            district: district.map(|district| district.code.to_owned()),
        };
        let below = self.db.offices_below(scope).await?;
        // The parts do not depend on each other: they run side by side on the pool's connections.
        let (own, (mut kinds, district_codes), summary, silent, awaiting_review, tree, trouble) = tokio::try_join!(
            own,
            self.db.rollup_choices(&below),
            self.db
                .rollup_summary(&below, template.id, &filter, template.total_marks),
            self.db.silent_offices(&below, template.id, quarter),
            self.db.assessments_awaiting_review(&below, template.id),
            self.db.template_tree(template.id),
            self.db.trouble_indicators(&below, template.id, 5),
        )?;
        kinds.sort_by_key(|kind| OfficeKind::ALL.iter().position(|known| known == kind));
        let districts: Vec<&'static District> = DISTRICTS
            .iter()
            .filter(|district| district_codes.iter().any(|code| code == district.code))
            .collect();
        let pages = summary.offices.div_ceil(ROWS_PER_PAGE).max(1);
        let page = query.page.clamp(1, pages);
        let order = if query.by_name {
            RollupOrder::Name
        } else {
            RollupOrder::Score
        };
        let rows = self
            .db
            .rollup_page(
                &below,
                template.id,
                &filter,
                order,
                ((page - 1) * ROWS_PER_PAGE, ROWS_PER_PAGE),
            )
            .await?;
        let indicators: Vec<&IndicatorRow> = tree
            .areas
            .iter()
            .flat_map(|area| &area.activities)
            .flat_map(|activity| &activity.indicators)
            .collect();
        let trouble = trouble
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
            may_see_nation,
            template,
            templates,
            own,
            summary,
            rows,
            page,
            pages,
            kinds,
            kind,
            districts,
            district,
            quarter,
            silent,
            awaiting_review,
            trouble,
        })
    }
}
