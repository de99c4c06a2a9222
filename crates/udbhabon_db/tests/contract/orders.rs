//! Drafts of office orders and issued documents: a save over an older version is refused, and an issued
//! document can be neither changed nor removed.

use sea_orm::ConnectionTrait;
use udbhabon_db::DbError;
use udbhabon_db::document::sha256_hex;
use udbhabon_domain::team::order::OrderDraft;
use udbhabon_domain::{Bilingual, Lang};

use crate::audit::raw;
use crate::fixtures::{author, committed, ministry};
use crate::support::each_backend;

fn draft(closing: &str) -> OrderDraft {
    OrderDraft {
        closing: Bilingual::new(closing, ""),
        ..OrderDraft::default()
    }
}

#[tokio::test]
async fn a_draft_saved_over_an_older_version_is_a_conflict_and_the_newer_save_stays() {
    for test in each_backend().await {
        let id = committed(&test.db, async |tx| {
            let created = ministry(tx).await;
            let team = tx
                .insert_team("team", created.office_id, Bilingual::new("টিম", "Team"))
                .await
                .unwrap();
            tx.insert_order_draft(team, &draft("প্রথম")).await.unwrap()
        })
        .await;
        let version = committed(&test.db, async |tx| {
            tx.save_order_draft(id, 1, &draft("দ্বিতীয়")).await.unwrap()
        })
        .await;
        assert_eq!(version, 2, "{}", test.backend);
        let tx = test.db.begin(author()).await.unwrap();
        let stale = tx.save_order_draft(id, 1, &draft("পুরোনো কপি থেকে")).await;
        assert!(
            matches!(stale, Err(DbError::Conflict(_))),
            "{}: {stale:?}",
            test.backend
        );
        drop(tx);
        let stored = test.db.order_draft(id).await.unwrap();
        assert_eq!(stored.content.closing.bn, "দ্বিতীয়", "{}", test.backend);
        assert_eq!(stored.version, 2);
        assert_eq!(
            test.db
                .open_order_drafts(stored.team_id)
                .await
                .unwrap()
                .len(),
            1
        );
    }
}

#[tokio::test]
async fn an_issued_document_keeps_its_bytes_and_hash_and_the_database_refuses_to_change_it() {
    for test in each_backend().await {
        let bytes = b"%PDF-1.7 an issued order".to_vec();
        let hash = committed(&test.db, async |tx| {
            tx.store_issued_document("team_order", 7, Lang::Bn, "application/pdf", bytes.clone())
                .await
                .unwrap()
        })
        .await;
        assert_eq!(hash, sha256_hex(&bytes));
        let stored = test
            .db
            .issued_document("team_order", 7, Lang::Bn)
            .await
            .unwrap()
            .expect("the document is stored");
        assert_eq!(
            (stored.bytes.as_slice(), stored.sha256.as_str()),
            (bytes.as_slice(), hash.as_str())
        );
        assert!(
            test.db
                .issued_document("team_order", 7, Lang::En)
                .await
                .unwrap()
                .is_none()
        );

        let tx = test.db.begin(author()).await.unwrap();
        let again = tx
            .store_issued_document(
                "team_order",
                7,
                Lang::Bn,
                "application/pdf",
                b"other".to_vec(),
            )
            .await;
        assert!(
            again.is_err(),
            "{}: a second document for the same record",
            test.backend
        );
        drop(tx);

        let connection = raw(&test).await;
        for statement in [
            "UPDATE issued_document SET sha256 = 'forged'",
            "DELETE FROM issued_document",
        ] {
            let result = connection.execute_unprepared(statement).await;
            assert!(
                result.as_ref().is_err_and(|error| error
                    .to_string()
                    .contains("issued documents cannot be changed")),
                "{}: {statement}: {result:?}",
                test.backend
            );
        }
        connection.close().await.unwrap();
        let kept = test
            .db
            .issued_document("team_order", 7, Lang::Bn)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(kept.sha256, hash, "{}", test.backend);
    }
}
