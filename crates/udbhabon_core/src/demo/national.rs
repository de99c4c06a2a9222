//! The synthetic national tree for benchmarks (`udbhabon demo --national`): 52 ministries and divisions,
//! 400 agencies, their divisional, district and upazila offices in the 64 real districts, each office
//! with a plan of 30 indicators and four quarters of progress, generated from a seed and written in
//! one transaction.

use std::collections::HashMap;

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use udbhabon_db::Tx;
use udbhabon_db::bulk::{GeneratedEntry, GeneratedOffice, GeneratedPlan};
use udbhabon_db::plan::TemplateTree;
use udbhabon_db::plan::progress::ProgressRow;
use udbhabon_domain::Bilingual;
use udbhabon_domain::office::OfficeKind;
use udbhabon_domain::office::geo::{DISTRICTS, DIVISIONS, District, districts_of};
use udbhabon_domain::plan::progress::{EntryStatus, PlanStatus};
use udbhabon_domain::plan::score::{
    Calculation, Direction, IndicatorRule, Measure, MeasureUnit, Targets,
};
use udbhabon_domain::plan::{PlanKind, TemplateContent, check_template};

use crate::plan::progress::{office_rules, plan_scores};
use crate::plan::{builtin_template, read_template, shifted};
use crate::{App, Error};

/// The key of the generated template; its presence means the national data is loaded.
pub const NATIONAL_TEMPLATE: &str = "national-sample-2025-26";
/// The fiscal year the generated plans run for: the last whole year before today's.
const FISCAL_YEAR: &str = "2025-26";

/// How big a tree to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NationalSize {
    /// Ministries and Secretariat Divisions at the top (one in four and a bit a Division).
    pub tops: usize,
    /// Agencies, spread evenly over the tops. Five in eight have an office in every division and
    /// district, and one in forty also in every upazila.
    pub agencies: usize,
}

impl NationalSize {
    /// The country's size (domain.md §1.1): 52 ministries and divisions, 400 agencies, and with their
    /// field offices about 23,400 offices.
    pub const COUNTRY: Self = Self {
        tops: 52,
        agencies: 400,
    };

    fn divisions(self) -> usize {
        self.tops * 12 / 52
    }

    fn in_districts(self) -> usize {
        (self.agencies * 5).div_ceil(8)
    }

    fn in_upazilas(self) -> usize {
        self.agencies.div_ceil(40)
    }
}

/// Offices whose plans and progress are made and inserted together, keeping memory flat.
const OFFICES_PER_BATCH: usize = 500;

/// What a national generation wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NationalOutcome {
    Generated {
        offices: usize,
        plans: usize,
        entries: usize,
    },
    AlreadyLoaded,
}

/// The upazilas counted in a district: 495 over the 64 districts, as in the country.
fn upazilas_in(district_index: usize) -> usize {
    if district_index < 47 { 8 } else { 7 }
}

fn bn_number(number: usize) -> String {
    bangla::digits::to_bengali_digits(&number.to_string())
}

/// The built-in template made three times finer: every indicator split into three with half, a
/// quarter and a quarter of its weight, and every date moved into the generated year.
fn national_template() -> Result<(PlanKind, bangla::FiscalYear, TemplateContent), Error> {
    let text = builtin_template("egov-2022-23")
        .ok_or_else(|| Error::Internal("the built-in 2022-23 template is missing".into()))?;
    let (_, kind, from, mut content) = read_template(text)?;
    let year = bangla::FiscalYear::parse(FISCAL_YEAR)
        .map_err(|error| Error::Internal(error.to_string()))?;
    let years = year.start_year() - from.start_year();
    let move_date = |value: Measure| match value {
        Measure::Date(date) => Measure::Date(shifted(date, years)),
        other => other,
    };
    content.title = Bilingual::new(
        format!("ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা {} (জাতীয় নমুনা)", year.long_bn()),
        format!(
            "e-Governance and Innovation Action Plan {} (national sample)",
            year.long_en()
        ),
    );
    content.quarter_due = content.quarter_due.map(|due| shifted(due, years));
    content.mid_year_review_due = shifted(content.mid_year_review_due, years);
    content.self_assessment_due = shifted(content.self_assessment_due, years);
    for activity in content
        .areas
        .iter_mut()
        .flat_map(|area| &mut area.activities)
    {
        let mut split = Vec::new();
        for indicator in &activity.indicators {
            for (share, bn, en) in [(0.5, "ক", "a"), (0.25, "খ", "b"), (0.25, "গ", "c")] {
                let mut piece = indicator.clone();
                piece.number = format!("{}.{}", activity.number, bn_number(split.len() + 1));
                piece.title = Bilingual::new(
                    format!("{} ({bn})", indicator.title.bn),
                    format!("{} ({en})", indicator.title.en),
                );
                piece.rule.weight = indicator.rule.weight * share;
                piece.rule.targets = indicator.rule.targets.clone().map(|targets| match targets {
                    Targets::Single(value) => Targets::Single(move_date(value)),
                    Targets::Bands(bands) => Targets::Bands(bands.map(move_date)),
                });
                split.push(piece);
            }
        }
        activity.indicators = split;
    }
    check_template(&content, (year.first_day(), year.last_day()))?;
    Ok((kind, year, content))
}

fn office(
    id: i32,
    key: String,
    parent: Option<&GeneratedOffice>,
    kind: OfficeKind,
    name: Bilingual,
    district: Option<&District>,
    position: usize,
) -> GeneratedOffice {
    GeneratedOffice {
        id,
        key,
        parent_id: parent.map(|parent| parent.id),
        path: parent.map_or_else(
            || "/".to_owned(),
            |parent| format!("{}{}/", parent.path, parent.id),
        ),
        kind,
        name,
        district_code: district.map(|district| district.code.to_owned()),
        position: i32::try_from(position).unwrap_or(i32::MAX),
    }
}

fn agency_kind(index: usize) -> (OfficeKind, &'static str, &'static str) {
    match index % 8 {
        2 => (OfficeKind::Board, "বোর্ড", "Board"),
        3 => (OfficeKind::Foundation, "ফাউন্ডেশন", "Foundation"),
        5 => (OfficeKind::Tribunal, "ট্রাইব্যুনাল", "Tribunal"),
        6 => (OfficeKind::Fund, "তহবিল", "Fund"),
        _ => (OfficeKind::Department, "অধিদপ্তর", "Department"),
    }
}

/// Every office of the tree, parents before children, with ids from `first_id`.
fn national_offices(size: NationalSize, first_id: i32) -> Vec<GeneratedOffice> {
    let mut offices: Vec<GeneratedOffice> = Vec::new();
    let mut next_id = first_id;
    let mut take_id = || {
        let id = next_id;
        next_id += 1;
        id
    };
    let tops = size.tops.max(1);
    let mut agency_index = 0;
    for top in 0..tops {
        let number = top + 1;
        let (kind, bn, en) = if top < tops - size.divisions() {
            (OfficeKind::Ministry, "মন্ত্রণালয়", "Ministry")
        } else {
            (OfficeKind::Division, "বিভাগ", "Division")
        };
        let ministry = office(
            take_id(),
            format!("nat-{number:02}"),
            None,
            kind,
            Bilingual::new(
                format!("নমুনা {bn} {}", bn_number(number)),
                format!("Sample {en} {number}"),
            ),
            None,
            number,
        );
        // 400 agencies over 52 tops: 36 with eight, 16 with seven.
        let agencies = size.agencies / tops + usize::from(top < size.agencies % tops);
        offices.push(ministry.clone());
        for agency_number in 1..=agencies {
            let (kind, bn, en) = agency_kind(agency_index);
            let agency = office(
                take_id(),
                format!("nat-{number:02}-{agency_number}"),
                Some(&ministry),
                kind,
                Bilingual::new(
                    format!(
                        "নমুনা {bn} {}.{}",
                        bn_number(number),
                        bn_number(agency_number)
                    ),
                    format!("Sample {en} {number}.{agency_number}"),
                ),
                None,
                agency_number,
            );
            offices.push(agency.clone());
            if agency_index < size.in_districts() {
                for (division_index, division) in DIVISIONS.iter().enumerate() {
                    let seat = districts_of(division.code)
                        .find(|district| district.en == division.en)
                        .or_else(|| districts_of(division.code).next());
                    let regional = office(
                        take_id(),
                        format!("{}-v{}", agency.key, division.code),
                        Some(&agency),
                        OfficeKind::DivisionalOffice,
                        Bilingual::new(
                            format!("{}, {} বিভাগীয় কার্যালয়", agency.name.bn, division.bn),
                            format!("{}, {} Divisional Office", agency.name.en, division.en),
                        ),
                        seat,
                        division_index + 1,
                    );
                    offices.push(regional.clone());
                    for district in districts_of(division.code) {
                        let district_index = DISTRICTS
                            .iter()
                            .position(|known| known.code == district.code)
                            .unwrap_or(0);
                        let local = office(
                            take_id(),
                            format!("{}-d{}", agency.key, district.code),
                            Some(&regional),
                            OfficeKind::DistrictOffice,
                            Bilingual::new(
                                format!("{}, {} জেলা কার্যালয়", agency.name.bn, district.bn),
                                format!("{}, {} District Office", agency.name.en, district.en),
                            ),
                            Some(district),
                            district_index + 1,
                        );
                        offices.push(local.clone());
                        if agency_index < size.in_upazilas() {
                            for upazila in 1..=upazilas_in(district_index) {
                                offices.push(office(
                                    take_id(),
                                    format!("{}-u{upazila}", local.key),
                                    Some(&local),
                                    OfficeKind::UpazilaOffice,
                                    Bilingual::new(
                                        format!(
                                            "{}, {} জেলার উপজেলা কার্যালয় {}",
                                            agency.name.bn,
                                            district.bn,
                                            bn_number(upazila)
                                        ),
                                        format!(
                                            "{}, Upazila Office {upazila}, {} District",
                                            agency.name.en, district.en
                                        ),
                                    ),
                                    Some(district),
                                    upazila,
                                ));
                            }
                        }
                    }
                }
            }
            agency_index += 1;
        }
    }
    offices
}

/// The day and time a quarter's entry was sent: before its due date, or up to three weeks after.
fn sent_at(rng: &mut StdRng, due: NaiveDate, on_time: bool) -> DateTime<Utc> {
    let day = if on_time {
        due.checked_sub_days(Days::new(rng.random_range(0..20)))
    } else {
        due.checked_add_days(Days::new(rng.random_range(1..22)))
    }
    .unwrap_or(due);
    day.and_time(NaiveTime::from_hms_opt(rng.random_range(4..12), 0, 0).unwrap_or_default())
        .and_utc()
}

/// A quarter's value for an office that reaches `diligence` of its targets (about 0.5 to 1.05).
fn quarter_value(rng: &mut StdRng, rule: &IndicatorRule, quarter: u8, diligence: f64) -> Measure {
    let target = match &rule.targets {
        Some(Targets::Single(value)) => Some(*value),
        Some(Targets::Bands(bands)) => Some(bands[0]),
        None => None,
    };
    let reach = (diligence + rng.random_range(-0.1..0.1)).max(0.0);
    match (rule.unit, target) {
        (MeasureUnit::YesNo, _) | (_, None) => Measure::YesNo(rng.random_bool(reach.min(1.0))),
        (MeasureUnit::Date, Some(Measure::Date(date))) => {
            let late_days = ((1.0 - reach).max(0.0) * 90.0) as u64;
            Measure::Date(date.checked_add_days(Days::new(late_days)).unwrap_or(date))
        }
        (unit, Some(Measure::Number(annual))) => {
            let year = match rule.direction {
                Direction::HigherIsBetter => annual * reach,
                Direction::LowerIsBetter => annual / reach.max(0.2),
            };
            let value = match rule.calculation {
                Calculation::Sum => year / 4.0,
                Calculation::Cumulative => year * f64::from(quarter) / 4.0,
                Calculation::Average | Calculation::Date => year,
            };
            let value = if unit == MeasureUnit::Percent {
                value.clamp(0.0, 100.0)
            } else {
                value.max(0.0)
            };
            Measure::Number((value * 10.0).round() / 10.0)
        }
        (_, Some(other)) => other,
    }
}

/// An office's plan and its year of progress.
fn plan_with_progress(
    rng: &mut StdRng,
    plan_id: i32,
    office_id: i32,
    tree: &TemplateTree,
    rules: &[(i32, IndicatorRule)],
) -> (GeneratedPlan, Vec<GeneratedEntry>) {
    let roll: f64 = rng.random();
    let status = if roll < 0.03 {
        PlanStatus::Draft
    } else if roll < 0.06 {
        PlanStatus::Submitted
    } else {
        PlanStatus::Approved
    };
    let mut plan = GeneratedPlan {
        id: plan_id,
        template_id: tree.template.id,
        office_id,
        status,
        approved_on: None,
        score: None,
        self_score: None,
    };
    if status != PlanStatus::Approved {
        return (plan, Vec::new());
    }
    plan.approved_on =
        tree.template.quarter_due.0[0].checked_sub_days(Days::new(rng.random_range(60..90)));
    let diligence: f64 = rng.random_range(0.5..1.05);
    let reported_quarters = if rng.random_bool(0.04) { 3 } else { 4 };
    let mut entries = Vec::with_capacity(rules.len() * 4);
    for (indicator_id, rule) in rules {
        for quarter in 1..=reported_quarters {
            let on_time = !rng.random_bool((0.05 + (1.05 - diligence) * 0.2).min(1.0));
            let review: f64 = rng.random();
            let status = if review < 0.02 {
                EntryStatus::Returned
            } else if quarter == 4 && review < 0.08 {
                EntryStatus::Submitted
            } else {
                EntryStatus::Accepted
            };
            entries.push(GeneratedEntry {
                plan_id,
                indicator_id: *indicator_id,
                quarter,
                value: quarter_value(rng, rule, quarter, diligence),
                status,
                submitted_at: sent_at(
                    rng,
                    tree.template.quarter_due.0[usize::from(quarter - 1)],
                    on_time,
                ),
                on_time,
                review_comment: if status == EntryStatus::Returned {
                    "প্রমাণক সংযুক্ত করা হয়নি।".to_owned()
                } else {
                    String::new()
                },
            });
        }
    }
    let rows: Vec<ProgressRow> = entries
        .iter()
        .map(|entry| ProgressRow {
            id: 0,
            plan_id,
            indicator_id: entry.indicator_id,
            quarter: entry.quarter,
            value: Some(entry.value),
            comment: String::new(),
            status: entry.status,
            submitted_at: Some(entry.submitted_at),
            on_time: Some(entry.on_time),
            review_comment: String::new(),
            reviewed_by: None,
            version: 1,
            updated_by: String::new(),
            updated_at: entry.submitted_at,
        })
        .collect();
    let (score, self_score) = plan_scores(rules, &rows);
    plan.score = Some(score);
    plan.self_score = Some(self_score);
    (plan, entries)
}

async fn generate(tx: &Tx, size: NationalSize, seed: u64) -> Result<NationalOutcome, Error> {
    let (kind, year, content) = national_template()?;
    let tree = tx
        .insert_plan_template(NATIONAL_TEMPLATE, kind, year.start_year(), &content)
        .await?;
    let rules = office_rules(&tree, &HashMap::new());
    let (first_office, first_plan) = tx.next_free_ids().await?;
    let offices = national_offices(size, first_office);
    tx.insert_generated_offices(&offices).await?;
    let mut rng = StdRng::seed_from_u64(seed);
    let (mut plan_count, mut entry_count) = (0, 0);
    let mut next_plan = first_plan;
    for batch in offices.chunks(OFFICES_PER_BATCH) {
        let mut plans = Vec::with_capacity(batch.len());
        let mut entries = Vec::new();
        for office in batch {
            let (plan, progress) =
                plan_with_progress(&mut rng, next_plan, office.id, &tree, &rules);
            next_plan += 1;
            plans.push(plan);
            entries.extend(progress);
        }
        tx.insert_generated_plans(&plans).await?;
        tx.insert_generated_entries(&entries).await?;
        plan_count += plans.len();
        entry_count += entries.len();
    }
    tx.record_generation(serde_json::json!({
        "template": NATIONAL_TEMPLATE,
        "seed": seed,
        "tops": size.tops,
        "agencies": size.agencies,
        "offices": offices.len(),
        "plans": plan_count,
        "entries": entry_count,
        "first_office_id": first_office,
        "first_plan_id": first_plan,
    }))
    .await?;
    Ok(NationalOutcome::Generated {
        offices: offices.len(),
        plans: plan_count,
        entries: entry_count,
    })
}

/// Generates the national tree from `seed` unless it is there already; all of it or nothing.
pub async fn load_national(
    app: &App,
    size: NationalSize,
    seed: u64,
) -> Result<NationalOutcome, Error> {
    if app.db.plan_template_by_key(NATIONAL_TEMPLATE).await.is_ok() {
        return Ok(NationalOutcome::AlreadyLoaded);
    }
    let tx = app
        .db
        .begin(app.author(None, "udbhabon demo --national"))
        .await?;
    let outcome = generate(&tx, size, seed).await?;
    tx.commit().await?;
    app.db.refresh_statistics().await?;
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tree_has_the_size_of_the_country_and_every_parent_comes_first() {
        let offices = national_offices(NationalSize::COUNTRY, 100);
        let count = |kind: OfficeKind| offices.iter().filter(|office| office.kind == kind).count();
        assert_eq!(count(OfficeKind::Ministry), 40);
        assert_eq!(count(OfficeKind::Division), 12);
        assert_eq!(
            offices
                .iter()
                .filter(|office| office.path.matches('/').count() == 2)
                .count(),
            400
        );
        assert_eq!(count(OfficeKind::DivisionalOffice), 250 * 8);
        assert_eq!(count(OfficeKind::DistrictOffice), 250 * 64);
        assert_eq!(count(OfficeKind::UpazilaOffice), 10 * 495);
        assert_eq!(offices.len(), 23_402);
        assert_eq!(offices[0].id, 100);
        let mut seen = std::collections::HashSet::new();
        for office in &offices {
            if let Some(parent) = office.parent_id {
                assert!(seen.contains(&parent), "{} before its parent", office.key);
            }
            seen.insert(office.id);
        }
        let keys: std::collections::HashSet<_> = offices.iter().map(|office| &office.key).collect();
        assert_eq!(keys.len(), offices.len());
    }

    #[test]
    fn the_template_has_thirty_indicators_and_keeps_the_marks() {
        let (_, year, content) = national_template().unwrap();
        assert_eq!(year.start_year(), 2025);
        let indicators: Vec<_> = content
            .areas
            .iter()
            .flat_map(|area| &area.activities)
            .flat_map(|activity| &activity.indicators)
            .collect();
        assert_eq!(indicators.len(), 30);
        let total: f64 = indicators
            .iter()
            .map(|indicator| indicator.rule.weight)
            .sum();
        assert!((total - content.total_marks).abs() < 0.005);
        assert!(content.quarter_due.0[0] > year.first_day());
    }
}
