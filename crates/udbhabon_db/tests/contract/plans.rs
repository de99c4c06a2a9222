//! Plan templates and offices' plans: a template's tree reads back as inserted, and a plan starts with
//! the template's targets for every indicator.

use chrono::NaiveDate;
use udbhabon_db::DbError;
use udbhabon_db::plan::dashboard::{Offices, RollupFilter, RollupOrder, Scope};
use udbhabon_domain::Bilingual;
use udbhabon_domain::plan::score::{
    Calculation, Direction, IndicatorRule, Measure, MeasureUnit, ScoringRule, Targets,
};
use udbhabon_domain::plan::{
    ActivityContent, AreaContent, IndicatorContent, PlanKind, QuarterDates, TemplateContent,
};

use crate::fixtures::{author, committed, date, ministry};
use crate::support::each_backend;

/// The offices a roll-up covers.
async fn db_offices(db: &udbhabon_db::Db, scope: Scope) -> Offices {
    db.offices_below(scope).await.unwrap()
}

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
        feed: None,
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
        quarter_due: QuarterDates(due),
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
            (udbhabon_domain::plan::progress::PlanStatus::Draft, 1, None)
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
    use udbhabon_db::plan::progress::EntryValues;
    use udbhabon_domain::plan::progress::EntryStatus;
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
    use udbhabon_db::plan::progress::EntryValues;
    use udbhabon_domain::office::OfficeKind;
    use udbhabon_domain::plan::progress::{EntryStatus, PlanStatus};
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
        let all = RollupFilter::default();
        let rows = test
            .db
            .rollup_page(
                &db_offices(&test.db, Scope::Office(mole)).await,
                tree.template.id,
                &all,
                RollupOrder::Score,
                (0, 10),
            )
            .await
            .unwrap();
        let keys: Vec<(&str, Option<f64>)> = rows
            .iter()
            .map(|row| (row.key.as_str(), row.score))
            .collect();
        assert_eq!(
            keys,
            [("dife", Some(7.5)), ("dife-dhaka", None)],
            "{}: every office below, scored first",
            test.backend
        );
        assert_eq!(rows[0].status, Some(PlanStatus::Approved));
        assert_eq!(
            rows[1].plan_id, None,
            "an office without a plan is still listed"
        );
        let own = test
            .db
            .office_with_plan(mole, tree.template.id)
            .await
            .unwrap();
        assert_eq!(
            (own.key.as_str(), own.status),
            ("mole", Some(PlanStatus::Draft))
        );
        let summary = test
            .db
            .rollup_summary(
                &db_offices(&test.db, Scope::Office(mole)).await,
                tree.template.id,
                &all,
                100.0,
            )
            .await
            .unwrap();
        assert_eq!(
            (summary.offices, summary.with_plan, summary.average),
            (2, 1, Some(7.5))
        );
        assert_eq!(summary.tenths[0], 1);
        let departments = RollupFilter {
            kind: Some(OfficeKind::DivisionalOffice),
            district: None,
        };
        let second_page = test
            .db
            .rollup_page(
                &db_offices(&test.db, Scope::Office(mole)).await,
                tree.template.id,
                &departments,
                RollupOrder::Name,
                (0, 1),
            )
            .await
            .unwrap();
        assert_eq!(second_page.len(), 1);
        assert_eq!(second_page[0].key, "dife-dhaka");
        let silent = |quarter| {
            let db = &test.db;
            async move {
                db.silent_offices(
                    &db_offices(db, Scope::Office(mole)).await,
                    tree.template.id,
                    quarter,
                )
                .await
                .unwrap()
                .into_iter()
                .map(|row| row.office_id)
                .collect::<Vec<_>>()
            }
        };
        assert_eq!(silent(1).await, [dife]);

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
            .trouble_indicators(
                &db_offices(&test.db, Scope::Office(mole)).await,
                tree.template.id,
                5,
            )
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
        assert_eq!(silent(1).await, [dife], "a returned entry is not a report");
        assert!(
            test.db
                .trouble_indicators(
                    &db_offices(&test.db, Scope::Office(dife)).await,
                    tree.template.id,
                    5
                )
                .await
                .unwrap()
                .is_empty()
        );
    }
}

#[tokio::test]
async fn generated_offices_and_plans_keep_their_ids_and_the_nation_rolls_them_up_with_one_audit_entry()
 {
    use udbhabon_db::bulk::{GeneratedEntry, GeneratedOffice, GeneratedPlan};
    use udbhabon_domain::office::OfficeKind;
    use udbhabon_domain::plan::progress::{EntryStatus, PlanStatus};
    for test in each_backend().await {
        let tree = committed(&test.db, async |tx| {
            ministry(tx).await;
            tx.insert_plan_template("egov-2022-23", PlanKind::EGovernance, 2022, &content())
                .await
                .unwrap()
        })
        .await;
        let audited_before = test.db.audit_entry_count().await.unwrap();
        let indicator_id = tree.areas[0].activities[0].indicators[0].id;
        let (first_office, first_plan) = committed(&test.db, async |tx| {
            let (office_id, plan_id) = tx.next_free_ids().await.unwrap();
            let top = GeneratedOffice {
                id: office_id,
                key: "nat-01".into(),
                parent_id: None,
                path: "/".into(),
                kind: OfficeKind::Ministry,
                name: Bilingual::new("নমুনা মন্ত্রণালয় ১", "Sample Ministry 1"),
                district_code: None,
                position: 1,
            };
            let field = GeneratedOffice {
                id: office_id + 1,
                key: "nat-01-d26".into(),
                parent_id: Some(office_id),
                path: format!("/{office_id}/"),
                kind: OfficeKind::DistrictOffice,
                name: Bilingual::new("জেলা কার্যালয়, ঢাকা", "District Office, Dhaka"),
                district_code: Some("26".into()),
                position: 1,
            };
            tx.insert_generated_offices(&[top, field]).await.unwrap();
            let plan =
                |id: i32, office_id: i32, status: PlanStatus, score: Option<f64>| GeneratedPlan {
                    id,
                    template_id: tree.template.id,
                    office_id,
                    status,
                    approved_on: None,
                    score,
                    self_score: score,
                };
            tx.insert_generated_plans(&[
                plan(plan_id, office_id, PlanStatus::Approved, Some(61.0)),
                plan(plan_id + 1, office_id + 1, PlanStatus::Approved, Some(82.5)),
            ])
            .await
            .unwrap();
            tx.insert_generated_entries(&[GeneratedEntry {
                plan_id,
                indicator_id,
                quarter: 4,
                value: Measure::Number(3.0),
                status: EntryStatus::Accepted,
                submitted_at: "2023-07-20T04:00:00Z".parse().unwrap(),
                on_time: false,
                review_comment: String::new(),
            }])
            .await
            .unwrap();
            tx.record_generation(serde_json::json!({ "offices": 2 }))
                .await
                .unwrap();
            (office_id, plan_id)
        })
        .await;
        assert_eq!(
            test.db.audit_entry_count().await.unwrap(),
            audited_before + 1,
            "{}: one entry for the generation",
            test.backend
        );
        assert!(matches!(
            test.db.verify_audit_chain().await.unwrap(),
            udbhabon_db::ChainCheck::Intact { .. }
        ));

        let nation = test
            .db
            .rollup_page(
                &db_offices(&test.db, Scope::Nation).await,
                tree.template.id,
                &RollupFilter::default(),
                RollupOrder::Score,
                (0, 100),
            )
            .await
            .unwrap();
        let generated: Vec<(&str, Option<&str>, Option<f64>)> = nation
            .iter()
            .filter(|row| row.key.starts_with("nat-"))
            .map(|row| (row.key.as_str(), row.district_code.as_deref(), row.score))
            .collect();
        assert_eq!(
            generated,
            [
                ("nat-01-d26", Some("26"), Some(82.5)),
                ("nat-01", None, Some(61.0))
            ],
            "{}",
            test.backend
        );
        assert!(
            nation.iter().any(|row| row.key == "mole"),
            "every top office"
        );
        let dhaka = RollupFilter {
            kind: None,
            district: Some("26".into()),
        };
        let summary = test
            .db
            .rollup_summary(
                &db_offices(&test.db, Scope::Nation).await,
                tree.template.id,
                &dhaka,
                100.0,
            )
            .await
            .unwrap();
        assert_eq!((summary.offices, summary.with_plan), (1, 1));
        assert_eq!(summary.tenths[8], 1, "82.5 of 100 is in the ninth tenth");
        let (_, districts) = test
            .db
            .rollup_choices(&db_offices(&test.db, Scope::Nation).await)
            .await
            .unwrap();
        assert_eq!(districts, ["26"]);
        let silent: Vec<i32> = test
            .db
            .silent_offices(
                &db_offices(&test.db, Scope::Nation).await,
                tree.template.id,
                4,
            )
            .await
            .unwrap()
            .into_iter()
            .map(|row| row.office_id)
            .collect();
        assert_eq!(
            silent,
            [first_office + 1],
            "only the district office has not reported the fourth quarter"
        );
        let trouble = test
            .db
            .trouble_indicators(
                &db_offices(&test.db, Scope::Nation).await,
                tree.template.id,
                5,
            )
            .await
            .unwrap();
        assert_eq!(
            (trouble[0].indicator_id, trouble[0].late),
            (indicator_id, 1)
        );

        // The next office and plan made the ordinary way take the ids after the generated ones.
        let (office_id, plan_id) = committed(&test.db, async |tx| {
            let office_id = tx
                .insert_office(crate::fixtures::office("after", None, OfficeKind::Ministry))
                .await
                .unwrap();
            (office_id, tx.insert_plan(&tree, office_id).await.unwrap())
        })
        .await;
        assert_eq!(
            (office_id, plan_id),
            (first_office + 2, first_plan + 2),
            "{}",
            test.backend
        );
    }
}

#[tokio::test]
async fn a_revision_keeps_the_approved_version_and_its_reason_and_reopens_the_next_as_a_draft() {
    use udbhabon_domain::plan::progress::PlanStatus;
    for test in each_backend().await {
        let plan_id = committed(&test.db, async |tx| {
            let created = ministry(tx).await;
            let tree = tx
                .insert_plan_template("egov-2022-23", PlanKind::EGovernance, 2022, &content())
                .await
                .unwrap();
            let plan = tx.insert_plan(&tree, created.office_id).await.unwrap();
            tx.set_plan_status(plan, PlanStatus::Approved, Some((None, date(2022, 7, 20))))
                .await
                .unwrap();
            plan
        })
        .await;
        let version = committed(&test.db, async |tx| {
            tx.revise_plan(plan_id, "লক্ষ্যমাত্রা হালনাগাদ").await.unwrap()
        })
        .await;
        assert_eq!(version, 2, "{}", test.backend);
        let plan = test.db.plan(plan_id).await.unwrap();
        assert_eq!(
            (plan.status, plan.version, plan.approved_on),
            (PlanStatus::Draft, 2, None)
        );
        let revisions = test.db.plan_revisions(plan_id).await.unwrap();
        assert_eq!(revisions.len(), 1);
        assert_eq!(
            (
                revisions[0].version,
                revisions[0].reason.as_str(),
                revisions[0].approved_on
            ),
            (1, "লক্ষ্যমাত্রা হালনাগাদ", Some(date(2022, 7, 20)))
        );
    }
}

#[tokio::test]
async fn a_self_assessment_is_replaced_until_reviewed_and_fixed_after() {
    use std::collections::HashMap;
    use udbhabon_db::plan::assessment::AssessmentLine;
    use udbhabon_domain::plan::assessment::AssessmentStatus;
    for test in each_backend().await {
        let (plan_id, indicators) = committed(&test.db, async |tx| {
            let created = ministry(tx).await;
            let tree = tx
                .insert_plan_template("egov-2022-23", PlanKind::EGovernance, 2022, &content())
                .await
                .unwrap();
            let indicators: Vec<i32> = tree.areas[0].activities[0]
                .indicators
                .iter()
                .map(|indicator| indicator.id)
                .collect();
            (
                tx.insert_plan(&tree, created.office_id).await.unwrap(),
                indicators,
            )
        })
        .await;
        let lines = |share: f64, marks: f64| {
            vec![
                AssessmentLine {
                    indicator_id: indicators[0],
                    achieved: Some(Measure::Number(share)),
                    evidence: true,
                    self_marks: marks,
                    reviewed_marks: None,
                },
                AssessmentLine {
                    indicator_id: indicators[1],
                    achieved: None,
                    evidence: false,
                    self_marks: 0.0,
                    reviewed_marks: None,
                },
            ]
        };
        assert_eq!(test.db.plan_assessment(plan_id).await.unwrap(), None);
        committed(&test.db, async |tx| {
            tx.submit_assessment(plan_id, &lines(55.0, 3.75), true)
                .await
                .unwrap()
        })
        .await;
        committed(&test.db, async |tx| {
            tx.submit_assessment(plan_id, &lines(65.0, 4.25), false)
                .await
                .unwrap()
        })
        .await;
        let sent = test.db.plan_assessment(plan_id).await.unwrap().unwrap();
        assert_eq!(
            (sent.status, sent.version, sent.self_score, sent.on_time),
            (AssessmentStatus::Submitted, 2, 4.25, false),
            "{}",
            test.backend
        );
        assert_eq!(sent.lines, lines(65.0, 4.25), "sent again, not added to");

        let marks = HashMap::from([(indicators[0], 4.0), (indicators[1], 0.5)]);
        let tx = test.db.begin(author()).await.unwrap();
        assert!(
            matches!(
                tx.review_assessment(plan_id, 1, &marks, "ফলাবর্তক", true)
                    .await,
                Err(DbError::Conflict(_))
            ),
            "a review of the version before is refused"
        );
        drop(tx);
        committed(&test.db, async |tx| {
            tx.review_assessment(plan_id, 2, &marks, "প্রমাণক যোগ করুন", true)
                .await
                .unwrap()
        })
        .await;
        let reviewed = test.db.plan_assessment(plan_id).await.unwrap().unwrap();
        let review = reviewed.review.clone().unwrap();
        assert_eq!(
            (
                reviewed.status,
                review.score,
                review.feedback.as_str(),
                review.on_time
            ),
            (AssessmentStatus::Reviewed, 4.5, "প্রমাণক যোগ করুন", true)
        );
        assert_eq!(
            reviewed
                .lines
                .iter()
                .map(|line| line.reviewed_marks)
                .collect::<Vec<_>>(),
            [Some(4.0), Some(0.5)]
        );
        let tx = test.db.begin(author()).await.unwrap();
        assert!(matches!(
            tx.submit_assessment(plan_id, &lines(70.0, 5.0), true).await,
            Err(DbError::Conflict(_))
        ));
        drop(tx);
    }
}
