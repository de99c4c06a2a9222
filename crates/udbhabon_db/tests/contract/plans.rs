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
            (plan.status.as_str(), plan.version, plan.score),
            ("draft", 1, None)
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
