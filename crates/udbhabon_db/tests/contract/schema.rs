//! Migrations and transactions.

use udbhabon_db::DbError;
use udbhabon_domain::office::OfficeKind;

use crate::fixtures::{committed, office};
use crate::support::each_backend;

#[tokio::test]
async fn migrating_twice_is_harmless_and_leaves_nothing_pending() {
    for test in each_backend().await {
        test.db.migrate().await.unwrap();
        assert!(
            test.db.pending_migrations().await.unwrap().is_empty(),
            "{}",
            test.backend
        );
        test.db.ping().await.unwrap();
    }
}

#[tokio::test]
async fn a_transaction_dropped_without_commit_writes_nothing() {
    for test in each_backend().await {
        let tx = test.db.begin(crate::fixtures::author()).await.unwrap();
        tx.insert_office(office("mole", None, OfficeKind::Ministry))
            .await
            .unwrap();
        drop(tx);
        assert_eq!(test.db.office_count().await.unwrap(), 0, "{}", test.backend);
    }
}

#[tokio::test]
async fn a_duplicate_key_is_a_conflict() {
    for test in each_backend().await {
        committed(&test.db, async |tx| {
            tx.insert_office(office("mole", None, OfficeKind::Ministry))
                .await
                .unwrap()
        })
        .await;
        let tx = test.db.begin(crate::fixtures::author()).await.unwrap();
        let error = tx
            .insert_office(office("mole", None, OfficeKind::Ministry))
            .await
            .unwrap_err();
        assert!(
            matches!(error, DbError::Conflict(_)),
            "{}: {error:?}",
            test.backend
        );
    }
}

#[tokio::test]
async fn a_link_to_a_missing_record_is_refused() {
    for test in each_backend().await {
        let tx = test.db.begin(crate::fixtures::author()).await.unwrap();
        let error = tx
            .insert_team(
                "ghost-team",
                999,
                udbhabon_domain::Bilingual::new("টিম", "Team"),
            )
            .await
            .unwrap_err();
        assert!(
            matches!(error, DbError::Conflict(_)),
            "{}: {error:?}",
            test.backend
        );
    }
}

#[tokio::test]
async fn a_setting_is_replaced_not_duplicated() {
    for test in each_backend().await {
        committed(&test.db, async |tx| {
            tx.set_setting("demo_data", "1").await.unwrap()
        })
        .await;
        committed(&test.db, async |tx| {
            tx.set_setting("demo_data", "2").await.unwrap()
        })
        .await;
        assert_eq!(
            test.db.setting("demo_data").await.unwrap().as_deref(),
            Some("2"),
            "{}",
            test.backend
        );
        assert_eq!(test.db.setting("absent").await.unwrap(), None);
    }
}

#[tokio::test]
async fn an_unsupported_url_names_the_schemes_it_accepts() {
    let error = udbhabon_db::Db::connect("mysql://localhost/test")
        .await
        .unwrap_err();
    assert!(
        error.to_string().contains("sqlite:// or postgres://"),
        "{error}"
    );
}
