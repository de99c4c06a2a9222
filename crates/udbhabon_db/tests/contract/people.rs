//! Posts, their labels, and who held them when.

use crate::fixtures::{committed, date, ministry, person, posting};
use crate::support::each_backend;

#[tokio::test]
async fn a_post_without_a_stored_label_is_named_by_designation_and_unit() {
    for test in each_backend().await {
        let created = committed(&test.db, async |tx| ministry(tx).await).await;
        let posts = test.db.posts(&[created.post_id]).await.unwrap();
        let post = &posts[&created.post_id];
        assert_eq!(post.label.bn, "প্রোগ্রামার (আইসিটি সেল)", "{}", test.backend);
        assert_eq!(post.label.en, "Programmer (ICT Cell)");
        assert_eq!(post.designation.en, "Programmer");
    }
}

#[tokio::test]
async fn after_a_transfer_each_date_has_its_own_holder() {
    for test in each_backend().await {
        let created = committed(&test.db, async |tx| {
            let created = ministry(tx).await;
            let first = person(tx, "First Holder").await;
            let second = person(tx, "Second Holder").await;
            posting(
                tx,
                first,
                created.post_id,
                date(2020, 1, 1),
                Some(date(2025, 6, 30)),
            )
            .await;
            posting(tx, second, created.post_id, date(2025, 7, 1), None).await;
            created
        })
        .await;
        let holder_on = async |day| {
            test.db
                .holders_on(&[created.post_id], day)
                .await
                .unwrap()
                .remove(&created.post_id)
                .map(|h| h.person.name.en)
        };
        assert_eq!(
            holder_on(date(2019, 12, 31)).await,
            None,
            "{}",
            test.backend
        );
        assert_eq!(
            holder_on(date(2022, 9, 15)).await.as_deref(),
            Some("First Holder")
        );
        assert_eq!(
            holder_on(date(2025, 6, 30)).await.as_deref(),
            Some("First Holder")
        );
        assert_eq!(
            holder_on(date(2026, 1, 26)).await.as_deref(),
            Some("Second Holder")
        );
    }
}
