//! Plan templates and offices' plans: a template's tree reads back as inserted, and a plan starts with
//! the template's targets for every indicator.

use chrono::NaiveDate;
use udbhabon_db::DbError;
use udbhabon_domain::Bilingual;
use udbhabon_domain::plan::{
    ActivityContent, AreaContent, IndicatorContent, PlanKind, TemplateContent,
};
use udbhabon_domain::score::{
    Calculation, Direction, IndicatorRule, Measure, MeasureUnit, ScoringRule, Targets,
};

use crate::fixtures::{author, committed, date, ministry};
use crate::support::each_backend;

fn indicator(number: &str, unit: MeasureUnit, targets: Option<Targets>) -> IndicatorContent {
    IndicatorContent {
        number: number.into(),
        title: Bilingual::new(format!("সূচক {number}"), format!("Indicator {number}")),
        rule: IndicatorRule {
            unit,
            direction: Direction::HigherIsBetter,
            rule: ScoringRule::Bands,
            calculation: Calculation::Average,
            weight: 5.0,
            targets,
        },
        evidence: Bilingual::new("প্রমাণক", "Evidence"),
        method: Bilingual::new("পদ্ধতি", "Method"),
    }
}

fn content() -> TemplateContent {
    let due: [NaiveDate; 4] = [
        date(2022, 10, 15),
        date(2023, 1, 15),
        date(2023, 4, 15),
        date(2023, 7, 15),
    ];
    TemplateContent {
        title: Bilingual::new("কর্মপরিকল্পনা ২০২২-২৩", "Plan 2022-23"),
        total_marks: 10.0,
        quarter_due: due,
        mid_year_review_due: due[1],
        self_assessment_due: due[1],
        areas: vec![AreaContent {
            number: "১".into(),
            title: Bilingual::new("ই-গভর্ন্যান্স", "e-Governance"),
            marks: 10.0,
            activities: vec![ActivityContent {
                number: "১.১".into(),
                title: Bilingual::new("ই-নথি", "e-Nothi"),
                indicators: vec![
                    indicator(
                        "১.১.১",
                        MeasureUnit::Percent,
                        Some(Targets::Bands(
                            [80.0, 70.0, 60.0, 50.0, 40.0].map(Measure::Number),
                        )),
                    ),
                    indicator("১.১.২", MeasureUnit::YesNo, None),
                ],
            }],
        }],
    }
}

#[tokio::test]
async fn a_template_reads_back_as_inserted_and_a_plan_starts_with_its_targets() {
    for test in each_backend().await {
        let (tree, office_id) = committed(&test.db, async |tx| {
            let created = ministry(tx).await;
            let tree = tx
                .insert_plan_template("egov-2022-23", PlanKind::EGovernance, 2022, &content())
                .await
                .unwrap();
            (tree, created.office_id)
        })
        .await;
        let read = test.db.template_tree(tree.template.id).await.unwrap();
        assert_eq!(read, tree, "{}", test.backend);
        assert_eq!(
            test.db.plan_template_by_key("egov-2022-23").await.unwrap(),
            tree.template
        );

        let plan_id = committed(&test.db, async |tx| {
            tx.insert_plan(&tree, office_id).await.unwrap()
        })
        .await;
        let plan = test.db.plan(plan_id).await.unwrap();
        assert_eq!(
            (plan.status, plan.version, plan.score),
            (udbhabon_domain::progress::PlanStatus::Draft, 1, None)
        );
        assert_eq!(test.db.plans_of_office(office_id).await.unwrap(), [plan]);
        let targets = test.db.plan_targets(plan_id).await.unwrap();
        let indicators = &read.areas[0].activities[0].indicators;
        assert_eq!(
            targets[&indicators[0].id].targets, indicators[0].rule.targets,
            "{}",
            test.backend
        );
        assert_eq!(targets[&indicators[1].id].targets, None);

        let tx = test.db.begin(author()).await.unwrap();
        let twice = tx
            .insert_plan_template("egov-2022-23", PlanKind::EGovernance, 2022, &content())
            .await;
        assert!(
            matches!(twice, Err(DbError::Conflict(_))),
            "{}: {twice:?}",
            test.backend
        );
        drop(tx);
        let tx = test.db.begin(author()).await.unwrap();
        let second_plan = tx.insert_plan(&tree, office_id).await;
        assert!(
            matches!(second_plan, Err(DbError::Conflict(_))),
            "one plan per office and year"
        );
    }
}

#[tokio::test]
async fn progress_is_saved_over_the_version_read_and_evidence_is_kept_once_by_hash() {
    use udbhabon_db::progress::EntryValues;
    use udbhabon_domain::progress::EntryStatus;
    for test in each_backend().await {
        let (tree, plan_id) = committed(&test.db, async |tx| {
            let created = ministry(tx).await;
            let tree = tx
                .insert_plan_template("egov-2022-23", PlanKind::EGovernance, 2022, &content())
                .await
                .unwrap();
            let plan = tx.insert_plan(&tree, created.office_id).await.unwrap();
            (tree, plan)
        })
        .await;
        let indicator_id = tree.areas[0].activities[0].indicators[0].id;
        let values = |value: f64| EntryValues {
            plan_id,
            indicator_id,
            quarter: 1,
            value: Measure::Number(value),
            comment: String::new(),
        };
        let first = committed(&test.db, async |tx| {
            tx.save_progress(&values(50.0), None).await.unwrap()
        })
        .await;
        assert_eq!(
            (first.version, first.status),
            (1, EntryStatus::Draft),
            "{}",
            test.backend
        );
        let second = committed(&test.db, async |tx| {
            tx.save_progress(&values(55.0), Some(1)).await.unwrap()
        })
        .await;
        assert_eq!(second.version, 2);
        let tx = test.db.begin(author()).await.unwrap();
        let stale = tx.save_progress(&values(45.0), Some(1)).await;
        assert!(
            matches!(stale, Err(DbError::Conflict(_))),
            "{}: {stale:?}",
            test.backend
        );
        drop(tx);

        let (file, same_file) = committed(&test.db, async |tx| {
            let file = tx
                .evidence_by_hash("ab12", "application/pdf", 10, "notice.pdf")
                .await
                .unwrap();
            tx.attach_evidence(second.id, file).await.unwrap();
            tx.attach_evidence(second.id, file).await.unwrap();
            tx.submit_progress(second.id, true).await.unwrap();
            tx.review_progress(second.id, EntryStatus::Accepted, "")
                .await
                .unwrap();
            tx.set_plan_scores(plan_id, 4.25, 4.25).await.unwrap();
            let again = tx
                .evidence_by_hash("ab12", "application/pdf", 10, "copy.pdf")
                .await
                .unwrap();
            (file, again)
        })
        .await;
        assert_eq!(file, same_file, "one record per content hash");
        let entry = test
            .db
            .progress_entry(plan_id, indicator_id, 1)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (entry.status, entry.on_time, entry.value),
            (
                EntryStatus::Accepted,
                Some(true),
                Some(Measure::Number(55.0))
            ),
            "{}",
            test.backend
        );
        assert!(entry.submitted_at.is_some());
        assert_eq!(
            test.db.evidence_of_entries(&[entry.id]).await.unwrap()[&entry.id].len(),
            1
        );
        assert_eq!(
            test.db.uses_of_evidence(&[file]).await.unwrap()[&file].len(),
            1
        );
        assert_eq!(test.db.plan(plan_id).await.unwrap().score, Some(4.25));
        let tx = test.db.begin(author()).await.unwrap();
        let after_review = tx.save_progress(&values(60.0), Some(entry.version)).await;
        assert!(
            matches!(after_review, Err(DbError::Conflict(_))),
            "an accepted entry is no longer changed"
        );
    }
}

#[tokio::test]
async fn a_rollup_gives_every_office_below_with_its_plan_and_counts_late_and_returned_entries() {
    use udbhabon_db::progress::EntryValues;
    use udbhabon_domain::office::OfficeKind;
    use udbhabon_domain::progress::{EntryStatus, PlanStatus};
    for test in each_backend().await {
        let (tree, mole, dife, plan_id) = committed(&test.db, async |tx| {
            let created = ministry(tx).await;
            let dife = tx
                .insert_office(crate::fixtures::office(
                    "dife",
                    Some(created.office_id),
                    OfficeKind::Department,
                ))
                .await
                .unwrap();
            tx.insert_office(crate::fixtures::office(
                "dife-dhaka",
                Some(dife),
                OfficeKind::DivisionalOffice,
            ))
            .await
            .unwrap();
            let tree = tx
                .insert_plan_template("egov-2022-23", PlanKind::EGovernance, 2022, &content())
                .await
                .unwrap();
            tx.insert_plan(&tree, created.office_id).await.unwrap();
            let plan = tx.insert_plan(&tree, dife).await.unwrap();
            tx.set_plan_status(plan, PlanStatus::Approved, None)
                .await
                .unwrap();
            tx.set_plan_scores(plan, 7.5, 8.0).await.unwrap();
            (tree, created.office_id, dife, plan)
        })
        .await;
        let rows = test.db.rollup(mole, tree.template.id).await.unwrap();
        let keys: Vec<(&str, usize, Option<f64>)> = rows
            .iter()
            .map(|row| (row.key.as_str(), row.depth, row.score))
            .collect();
        assert_eq!(
            keys,
            [
                ("mole", 0, None),
                ("dife", 1, Some(7.5)),
                ("dife-dhaka", 2, None)
            ],
            "{}",
            test.backend
        );
        assert_eq!(rows[1].status, Some(PlanStatus::Approved));
        assert_eq!(
            rows[2].plan_id, None,
            "an office without a plan is still listed"
        );
        assert_eq!(
            test.db
                .silent_plans(mole, tree.template.id, 1)
                .await
                .unwrap(),
            [dife]
        );

        let indicator_id = tree.areas[0].activities[0].indicators[0].id;
        committed(&test.db, async |tx| {
            let values = EntryValues {
                plan_id,
                indicator_id,
                quarter: 1,
                value: Measure::Number(50.0),
                comment: String::new(),
            };
            let entry = tx.save_progress(&values, None).await.unwrap();
            tx.submit_progress(entry.id, false).await.unwrap();
            tx.review_progress(entry.id, EntryStatus::Returned, "প্রমাণক নেই")
                .await
                .unwrap();
        })
        .await;
        let trouble = test
            .db
            .trouble_indicators(mole, tree.template.id, 5)
            .await
            .unwrap();
        assert_eq!(trouble.len(), 1, "{}", test.backend);
        assert_eq!(
            (
                trouble[0].indicator_id,
                trouble[0].late,
                trouble[0].returned
            ),
            (indicator_id, 1, 1)
        );
        assert_eq!(
            test.db
                .silent_plans(mole, tree.template.id, 1)
                .await
                .unwrap(),
            [dife],
            "a returned entry is not a report"
        );
        assert!(
            test.db
                .trouble_indicators(dife + 1, tree.template.id, 5)
                .await
                .unwrap()
                .is_empty()
        );
    }
}
