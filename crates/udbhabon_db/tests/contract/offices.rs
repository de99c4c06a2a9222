//! The office tree and units.

use udbhabon_db::DbError;
use udbhabon_domain::office::{OfficeKind, UnitLevel};

use crate::fixtures::{committed, ministry, office};
use crate::support::each_backend;

#[tokio::test]
async fn offices_under_an_office_are_its_whole_subtree_and_nothing_else() {
    for test in each_backend().await {
        let (mole, dife) = committed(&test.db, async |tx| {
            let mole = tx
                .insert_office(office("mole", None, OfficeKind::Ministry))
                .await
                .unwrap();
            let dife = tx
                .insert_office(office("dife", Some(mole), OfficeKind::Department))
                .await
                .unwrap();
            tx.insert_office(office(
                "dife-dhaka",
                Some(dife),
                OfficeKind::DivisionalOffice,
            ))
            .await
            .unwrap();
            let other = tx
                .insert_office(office("cabinet", None, OfficeKind::Division))
                .await
                .unwrap();
            tx.insert_office(office("cabinet-child", Some(other), OfficeKind::Department))
                .await
                .unwrap();
            (mole, dife)
        })
        .await;
        let under_mole: Vec<_> = test
            .db
            .offices_under(mole)
            .await
            .unwrap()
            .into_iter()
            .map(|o| o.key)
            .collect();
        assert_eq!(under_mole, ["dife", "dife-dhaka"], "{}", test.backend);
        let under_dife = test.db.offices_under(dife).await.unwrap();
        assert_eq!(under_dife.len(), 1);
        assert_eq!(under_dife[0].depth, 2);
        assert_eq!(under_dife[0].kind, OfficeKind::DivisionalOffice);

        let keys = |offices: Vec<udbhabon_db::office::OfficeRow>| -> Vec<String> {
            offices.into_iter().map(|office| office.key).collect()
        };
        let top = test.db.office_children(&[None]).await.unwrap();
        let other = top
            .iter()
            .find(|office| office.key == "cabinet")
            .unwrap()
            .id;
        assert_eq!(keys(top), ["mole", "cabinet"], "{}", test.backend);
        assert_eq!(
            keys(
                test.db
                    .office_children(&[Some(mole), Some(other)])
                    .await
                    .unwrap()
            ),
            ["dife", "cabinet-child"]
        );
        let counts = test
            .db
            .child_counts(&[mole, dife, other, 999])
            .await
            .unwrap();
        assert_eq!(counts.get(&mole), Some(&1), "{}", test.backend);
        assert_eq!(counts.get(&dife), Some(&1));
        assert_eq!(counts.get(&other), Some(&1));
        assert_eq!(counts.get(&999), None);
    }
}

#[tokio::test]
async fn an_office_reads_back_by_key_with_its_units() {
    for test in each_backend().await {
        let created = committed(&test.db, async |tx| ministry(tx).await).await;
        let mole = test.db.office_by_key("mole").await.unwrap();
        assert_eq!(mole.id, created.office_id);
        assert_eq!(mole.depth, 0);
        let units = test.db.units_of_office(mole.id).await.unwrap();
        assert_eq!(units.len(), 1);
        assert_eq!(units[0].id, created.unit_id);
        assert_eq!(units[0].level, UnitLevel::Cell);
        assert_eq!(units[0].memo_code.as_deref(), Some("036"));
        assert_eq!(units[0].name.bn, "আইসিটি সেল");
    }
}

#[tokio::test]
async fn a_missing_office_is_not_found() {
    for test in each_backend().await {
        assert!(matches!(
            test.db.office_by_key("nowhere").await,
            Err(DbError::NotFound(_))
        ));
        assert!(matches!(
            test.db.offices_under(42).await,
            Err(DbError::NotFound(_))
        ));
    }
}
