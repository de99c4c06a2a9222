//! Collections: a collection with whom it asks, periods opened once, submissions in versions with their
//! evidence, a review taken once, and who is posted in a unit on a day.

use udbhabon_db::DbError;
use udbhabon_db::collection::{NewCollection, NewForward, NewSubmission};
use udbhabon_domain::Bilingual;
use udbhabon_domain::collection::counts::Counts;
use udbhabon_domain::collection::{
    Cadence, CollectionDraft, CollectionKind, FieldKind, FieldSpec, Latest, Period, Recurrence,
    SubmissionStatus,
};

use crate::accounts::account;
use crate::fixtures::{committed, date, ministry, posting};
use crate::support::each_backend;

fn draft() -> CollectionDraft {
    CollectionDraft {
        key: "mole-e-filing".into(),
        kind: CollectionKind::EFilingReturn,
        title: Bilingual::new("ই-ফাইলিংয়ের মাসিক তথ্য", "Monthly e-filing return"),
        instructions: Bilingual::new("৩ তারিখের মধ্যে", "By the 3rd"),
        cadence: Cadence {
            recurrence: Recurrence::Monthly,
            opens_on: date(2026, 10, 1),
            due_day: 3,
            due_on: None,
        },
        late_allowed: true,
        evidence_required: true,
        forward_days: Some(7),
        fields: vec![FieldSpec {
            key: "f1".into(),
            label: Bilingual::new("পরিদর্শিত কারখানা", "Factories inspected"),
            kind: FieldKind::Number,
            required: true,
        }],
    }
}

/// The ministry with a unit, and a collection asking that unit: (office, unit, collection).
async fn asking_the_ministrys_unit(db: &udbhabon_db::Db) -> (i32, i32, i32) {
    committed(db, async |tx| {
        let created = ministry(tx).await;
        let id = tx
            .insert_collection(NewCollection {
                office_id: created.office_id,
                draft: draft(),
                respondents: vec![(created.office_id, Some(created.unit_id))],
            })
            .await
            .unwrap();
        (created.office_id, created.unit_id, id)
    })
    .await
}

#[tokio::test]
async fn a_collection_keeps_its_periods_and_every_version_of_a_submission() {
    for test in each_backend().await {
        let backend = test.backend;
        let (office_id, unit_id, collection_id) = asking_the_ministrys_unit(&test.db).await;
        let stored = test.db.collection_by_key("mole-e-filing").await.unwrap();
        assert_eq!(stored.id, collection_id, "{backend}");
        assert_eq!(stored.cadence, draft().cadence, "{backend}");
        assert_eq!(stored.title, draft().title, "{backend}");
        assert!(stored.late_allowed && stored.evidence_required, "{backend}");
        assert_eq!(stored.forward_days, Some(7), "{backend}");
        assert_eq!(stored.fields, draft().fields, "{backend}");
        let respondents = test.db.respondents_of(&[collection_id]).await.unwrap();
        assert_eq!(respondents.len(), 1, "{backend}");
        assert_eq!(
            (respondents[0].office_id, respondents[0].unit_id),
            (office_id, Some(unit_id)),
            "{backend}"
        );
        let respondent = respondents[0].id;

        let october = Period {
            starts_on: date(2026, 10, 1),
            ends_on: date(2026, 10, 31),
            due_on: date(2026, 11, 3),
        };
        let opened = committed(&test.db, async |tx| {
            (
                tx.open_period(collection_id, october).await.unwrap(),
                tx.open_period(collection_id, october).await.unwrap(),
            )
        })
        .await;
        assert_eq!(opened, (true, false), "{backend}: a period opens once");
        let periods = test.db.periods_of(&[collection_id]).await.unwrap();
        assert_eq!(periods.len(), 1, "{backend}");
        assert_eq!(periods[0].period, october, "{backend}");
        let period = periods[0].id;

        let counts = Counts::from([
            ("dak_total", 120),
            ("dak_e", 100),
            ("files_total", 40),
            ("files_e", 30),
            ("notes_total", 60),
            ("notes_e", 45),
        ]);
        let first = committed(&test.db, async |tx| {
            assert_eq!(
                tx.latest_submission_locked(period, respondent)
                    .await
                    .unwrap(),
                None
            );
            let file = tx
                .evidence_by_hash("ab12", "application/pdf", 9, "dak-register.pdf")
                .await
                .unwrap();
            tx.insert_submission(
                NewSubmission {
                    period_id: period,
                    respondent_id: respondent,
                    counts: Some(counts.clone()),
                    answers: vec![("f1".into(), "12".into())],
                    note: "রেজিস্টার সংযুক্ত".into(),
                    late: false,
                },
                1,
                &[file],
            )
            .await
            .unwrap()
        })
        .await;
        committed(&test.db, async |tx| {
            tx.review_submission(first, SubmissionStatus::Returned, "মেলেনি")
                .await
                .unwrap();
            let again = tx
                .review_submission(first, SubmissionStatus::Accepted, "")
                .await
                .unwrap_err();
            assert!(
                matches!(again, DbError::Conflict(_)),
                "{backend}: {again:?}"
            );
            assert_eq!(
                tx.latest_submission_locked(period, respondent)
                    .await
                    .unwrap(),
                Some((
                    1,
                    Latest {
                        status: SubmissionStatus::Returned,
                        late: false
                    }
                ))
            );
            tx.insert_submission(
                NewSubmission {
                    period_id: period,
                    respondent_id: respondent,
                    counts: Some(Counts::from([("files_total", 40), ("files_e", 35)])),
                    answers: Vec::new(),
                    note: String::new(),
                    late: false,
                },
                2,
                &[],
            )
            .await
            .unwrap();
        })
        .await;
        let duplicate = committed(&test.db, async |tx| {
            tx.insert_submission(
                NewSubmission {
                    period_id: period,
                    respondent_id: respondent,
                    counts: None,
                    answers: Vec::new(),
                    note: String::new(),
                    late: true,
                },
                2,
                &[],
            )
            .await
            .unwrap_err()
        })
        .await;
        assert!(
            matches!(duplicate, DbError::Conflict(_)),
            "{backend}: a version is taken once: {duplicate:?}"
        );

        let versions = test.db.submissions_in(&[period]).await.unwrap();
        assert_eq!(versions.len(), 2, "{backend}");
        // One respondent's versions, and none of a respondent that sent nothing.
        let own = test.db.submissions_of(&[period], &[respondent]).await;
        assert_eq!(own.unwrap(), versions, "{backend}");
        let none = test
            .db
            .submissions_of(&[period], &[respondent + 1000])
            .await;
        assert!(none.unwrap().is_empty(), "{backend}");
        assert_eq!(versions[0].counts, Some(counts), "{backend}");
        assert_eq!(
            versions[0].answers,
            [("f1".to_owned(), "12".to_owned())],
            "{backend}"
        );
        assert!(versions[1].answers.is_empty(), "{backend}");
        assert_eq!(
            versions[0].evidence[0].name, "dak-register.pdf",
            "{backend}"
        );
        assert_eq!(
            versions[0]
                .review
                .as_ref()
                .map(|(_, _, comment)| comment.as_str()),
            Some("মেলেনি"),
            "{backend}"
        );
        assert_eq!(versions[1].version, 2, "{backend}");

        let forward = NewForward {
            period_id: period,
            office_id,
            note: "সংযুক্ত".into(),
            reason: Some("একটি বাকি".into()),
            late: true,
        };
        committed(&test.db, async |tx| {
            tx.insert_forward(forward.clone()).await.unwrap()
        })
        .await;
        let twice = committed(&test.db, async |tx| {
            tx.insert_forward(forward.clone()).await.unwrap_err()
        })
        .await;
        assert!(
            matches!(twice, DbError::Conflict(_)),
            "{backend}: an office forwards a period once: {twice:?}"
        );
        let forwards = test.db.forwards_in(&[period]).await.unwrap();
        assert_eq!(forwards.len(), 1, "{backend}");
        assert_eq!(
            (
                forwards[0].office_id,
                forwards[0].reason.as_deref(),
                forwards[0].late
            ),
            (office_id, Some("একটি বাকি"), true),
            "{backend}"
        );
        assert_eq!(versions[1].status, SubmissionStatus::Submitted, "{backend}");
        assert!(versions[1].evidence.is_empty(), "{backend}");
    }
}

#[tokio::test]
async fn the_people_posted_in_a_unit_are_found_by_the_day() {
    for test in each_backend().await {
        let backend = test.backend;
        let (unit_id, person_id, account_id) = committed(&test.db, async |tx| {
            let created = ministry(tx).await;
            let (person_id, account_id) =
                account(tx, "Programmer", "programmer@example.test", "hash").await;
            posting(
                tx,
                person_id,
                created.post_id,
                date(2022, 7, 1),
                Some(date(2025, 12, 31)),
            )
            .await;
            (created.unit_id, person_id, account_id)
        })
        .await;
        let during = test
            .db
            .accounts_posted_in(&[unit_id], date(2024, 1, 1))
            .await
            .unwrap();
        assert_eq!(
            during
                .iter()
                .map(|(unit, account)| (*unit, account.id))
                .collect::<Vec<_>>(),
            [(unit_id, account_id)],
            "{backend}"
        );
        assert!(
            test.db
                .accounts_posted_in(&[unit_id], date(2026, 1, 1))
                .await
                .unwrap()
                .is_empty(),
            "{backend}: the posting has ended"
        );
        assert_eq!(
            test.db
                .units_held_on(&[person_id], date(2022, 7, 1))
                .await
                .unwrap(),
            [(person_id, unit_id)],
            "{backend}"
        );
    }
}

#[tokio::test]
async fn a_collection_is_corrected_until_answered_and_closed_once() {
    for test in each_backend().await {
        let backend = test.backend;
        let (office_id, unit_id, collection_id) = asking_the_ministrys_unit(&test.db).await;
        let october = Period {
            starts_on: date(2026, 10, 1),
            ends_on: date(2026, 10, 31),
            due_on: date(2026, 11, 3),
        };
        committed(&test.db, async |tx| {
            tx.open_period(collection_id, october).await.unwrap()
        })
        .await;

        // Nobody answered: the correction takes, whom it asks is replaced and its periods go.
        let mut corrected = draft();
        corrected.title = Bilingual::new("সংশোধিত", "Corrected");
        corrected.key = "ignored".into();
        committed(&test.db, async |tx| {
            tx.correct_collection(collection_id, corrected, vec![(office_id, None)])
                .await
                .unwrap()
        })
        .await;
        let stored = test.db.collection_by_key("mole-e-filing").await.unwrap();
        assert_eq!(stored.title.en, "Corrected", "{backend}");
        assert!(
            test.db
                .periods_of(&[collection_id])
                .await
                .unwrap()
                .is_empty()
        );
        let respondents = test.db.respondents_of(&[collection_id]).await.unwrap();
        assert_eq!(
            respondents
                .iter()
                .map(|row| (row.office_id, row.unit_id))
                .collect::<Vec<_>>(),
            [(office_id, None)],
            "{backend}"
        );
        assert!(!test.db.collection_answered(collection_id).await.unwrap());

        // Answered, it is no longer corrected.
        committed(&test.db, async |tx| {
            tx.open_period(collection_id, october).await.unwrap()
        })
        .await;
        let period = test.db.periods_of(&[collection_id]).await.unwrap()[0].id;
        committed(&test.db, async |tx| {
            tx.insert_submission(
                NewSubmission {
                    period_id: period,
                    respondent_id: respondents[0].id,
                    counts: None,
                    answers: Vec::new(),
                    note: "প্রতিবেদন".into(),
                    late: false,
                },
                1,
                &[],
            )
            .await
            .unwrap()
        })
        .await;
        assert!(test.db.collection_answered(collection_id).await.unwrap());
        let tx = test.db.begin(crate::fixtures::author()).await.unwrap();
        assert!(
            matches!(
                tx.correct_collection(collection_id, draft(), vec![(office_id, Some(unit_id))])
                    .await,
                Err(DbError::Conflict(_))
            ),
            "{backend}"
        );
        drop(tx);

        // It closes once, with the day and the reason.
        committed(&test.db, async |tx| {
            tx.close_collection(collection_id, date(2026, 11, 10), "নতুন ছক")
                .await
                .unwrap()
        })
        .await;
        let tx = test.db.begin(crate::fixtures::author()).await.unwrap();
        assert!(matches!(
            tx.close_collection(collection_id, date(2026, 11, 11), "আবার")
                .await,
            Err(DbError::Conflict(_))
        ));
        drop(tx);
        let closing = test
            .db
            .collection_by_key("mole-e-filing")
            .await
            .unwrap()
            .closed
            .unwrap();
        assert_eq!(
            (closing.on, closing.reason.as_str()),
            (date(2026, 11, 10), "নতুন ছক"),
            "{backend}"
        );
    }
}
