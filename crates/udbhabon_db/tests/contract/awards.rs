//! The award's rounds: a confirmation is kept whole (rules and ranking read back as written) and
//! replaced by a later one until the notice is issued; issuing needs a confirmation, happens once, and
//! fixes the round.

use udbhabon_db::DbError;
use udbhabon_db::innovation::award::{AwardConfirmation, AwardIssue, Winner};
use udbhabon_db::write::NewDistributionEntry;
use udbhabon_domain::Bilingual;
use udbhabon_domain::innovation::award::{
    AwardCategory, AwardRulesFile, Part, Ranked, RankedCategory, WeightedCriterion,
};

use crate::fixtures::{committed, date, ministry, office, person};
use crate::support::each_backend;
use udbhabon_domain::office::OfficeKind;

fn ranked(office_id: i32, total: f64, place: usize) -> Ranked {
    Ranked {
        office_id,
        parts: vec![Part {
            criterion: "implemented".into(),
            measure: (1.0, 2.0),
            score: 50.0,
            weight: 25.0,
            marks: 12.5,
        }],
        total,
        place,
        decided_by: (place == 2).then(|| "plan_score".to_owned()),
    }
}

fn confirmation(
    office_id: i32,
    person_id: i32,
    agencies: [i32; 2],
    winner: Winner,
) -> AwardConfirmation {
    AwardConfirmation {
        office_id,
        fiscal_year: 2025,
        rules: AwardRulesFile {
            plan_kind: "egov".into(),
            criteria: vec![WeightedCriterion {
                criterion: "implemented".into(),
                weight: 25.0,
            }],
            tie_breaks: vec!["implemented".into()],
        },
        ranking: vec![RankedCategory {
            category: AwardCategory::Agency,
            ranked: vec![ranked(agencies[0], 12.5, 1), ranked(agencies[1], 12.5, 2)],
        }],
        agency: Some(winner),
        field_office: None,
        confirmed_by_person_id: person_id,
    }
}

fn issue(person_id: i32) -> AwardIssue {
    AwardIssue {
        memo_number: "40.00.0000.000.036.32.0006.17.6".parse().unwrap(),
        issued_on: date(2026, 11, 23),
        issuer_person_id: person_id,
        issuer_post_id: None,
        distribution: vec![NewDistributionEntry {
            text: Bilingual::new("অফিস কপি/গার্ড ফাইল", "Office copy/guard file"),
            attention: None,
            office_id: None,
            post_id: None,
        }],
    }
}

#[tokio::test]
async fn a_round_is_confirmed_replaced_and_then_issued_once() {
    for test in each_backend().await {
        let backend = test.backend;
        let (mole, cio, agencies) = committed(&test.db, async |tx| {
            let created = ministry(tx).await;
            let mut agencies = [0; 2];
            for (index, key) in ["dife", "dol"].into_iter().enumerate() {
                agencies[index] = tx
                    .insert_office(office(key, Some(created.office_id), OfficeKind::Department))
                    .await
                    .unwrap();
            }
            (created.office_id, person(tx, "CIO").await, agencies)
        })
        .await;
        assert_eq!(test.db.award_round(mole, 2025).await.unwrap(), None);

        // Issuing before any confirmation finds nothing.
        let tx = test.db.begin(crate::fixtures::author()).await.unwrap();
        let early = tx.issue_award_round(mole, 2025, issue(cio)).await;
        assert!(matches!(early, Err(DbError::NotFound(_))), "{backend}");
        drop(tx);

        let first = Winner {
            office_id: agencies[0],
            reason: String::new(),
        };
        let id = committed(&test.db, async |tx| {
            tx.confirm_award_round(confirmation(mole, cio, agencies, first))
                .await
                .unwrap()
        })
        .await;
        let second = Winner {
            office_id: agencies[1],
            reason: "সারা দেশে চালু".into(),
        };
        let again = committed(&test.db, async |tx| {
            tx.confirm_award_round(confirmation(mole, cio, agencies, second.clone()))
                .await
                .unwrap()
        })
        .await;
        assert_eq!(again, id, "{backend}: one round a year");
        let stored = test.db.award_round(mole, 2025).await.unwrap().unwrap();
        assert_eq!(stored.agency, Some(second.clone()), "{backend}");
        assert_eq!(stored.field_office, None);
        assert_eq!(stored.ranking[0].ranked[1], ranked(agencies[1], 12.5, 2));
        assert_eq!(stored.rules.criteria[0].weight, 25.0);
        assert_eq!(stored.issued_on, None);
        assert!(
            test.db
                .issued_award_rounds(None, 10)
                .await
                .unwrap()
                .is_empty()
        );

        let issued = committed(&test.db, async |tx| {
            tx.issue_award_round(mole, 2025, issue(cio)).await.unwrap()
        })
        .await;
        assert_eq!(issued.memo_number.unwrap().letter(), 6, "{backend}");
        assert_eq!(issued.issued_on, Some(date(2026, 11, 23)));
        let list = issued.distribution_list_id.unwrap();
        assert_eq!(test.db.distribution(list).await.unwrap().len(), 1);
        assert_eq!(
            test.db.issued_award_rounds(None, 10).await.unwrap().len(),
            1
        );

        // Fixed from then on: neither a second notice nor new winners.
        let tx = test.db.begin(crate::fixtures::author()).await.unwrap();
        let twice = tx.issue_award_round(mole, 2025, issue(cio)).await;
        assert!(matches!(twice, Err(DbError::Conflict(_))), "{backend}");
        let changed = tx
            .confirm_award_round(confirmation(mole, cio, agencies, second))
            .await;
        assert!(matches!(changed, Err(DbError::Conflict(_))), "{backend}");
    }
}
