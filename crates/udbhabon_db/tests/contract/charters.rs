//! Citizen charters: one version in the making per office, whatever the race, and editions numbered
//! in the order they are published.

use udbhabon_domain::Bilingual;
use udbhabon_domain::portal::charter::{CharterContent, CharterStatus};

use crate::fixtures::{author, committed, date, ministry};
use crate::support::each_backend;

fn content(vision: &str) -> CharterContent {
    CharterContent {
        vision: Bilingual::new(vision, ""),
        ..CharterContent::default()
    }
}

#[tokio::test]
async fn an_office_has_one_charter_in_the_making_and_numbered_editions() {
    for test in each_backend().await {
        let (office_id, first) = committed(&test.db, async |tx| {
            let office_id = ministry(tx).await.office_id;
            let first = tx
                .insert_charter(office_id, &content("প্রথম"))
                .await
                .unwrap();
            (office_id, first)
        })
        .await;
        let tx = test.db.begin(author()).await.unwrap();
        let second = tx.insert_charter(office_id, &content("দ্বিতীয়")).await;
        assert!(
            matches!(second, Err(udbhabon_db::DbError::Conflict(_))),
            "{}: a second draft is a conflict, got {second:?}",
            test.backend
        );
        drop(tx);

        committed(&test.db, async |tx| {
            tx.set_charter_status(first, CharterStatus::Submitted, "")
                .await
                .unwrap();
            assert_eq!(
                tx.publish_charter(first, &content("প্রথম"), date(2026, 11, 23))
                    .await
                    .unwrap(),
                1
            );
            let next = tx
                .insert_charter(office_id, &content("দ্বিতীয়"))
                .await
                .unwrap();
            assert!(
                tx.save_charter(first, &content("বদল")).await.is_err(),
                "a published edition cannot be saved over"
            );
            tx.publish_charter(next, &content("দ্বিতীয়"), date(2027, 1, 5))
                .await
                .unwrap();
        })
        .await;
        let published = test.db.published_charters(office_id).await.unwrap();
        let editions: Vec<_> = published
            .iter()
            .map(|row| (row.edition, row.content.vision.bn.as_str()))
            .collect();
        assert_eq!(
            editions,
            [(Some(2), "দ্বিতীয়"), (Some(1), "প্রথম")],
            "{}",
            test.backend
        );
        assert!(test.db.open_charter(office_id).await.unwrap().is_none());
        assert_eq!(
            test.db
                .charters_published_on(&[office_id, office_id + 1000])
                .await
                .unwrap()
                .into_iter()
                .collect::<Vec<_>>(),
            [(office_id, date(2027, 1, 5))],
            "{}",
            test.backend
        );
    }
}
