//! Digital service lists: services kept in the order they were added, corrected in place, and taken off
//! with their last state in the audit trail.

use udbhabon_domain::Bilingual;
use udbhabon_domain::innovation::ServiceChannel;
use udbhabon_domain::portal::charter::{Fee, TimeLimit, TimeUnit};
use udbhabon_domain::portal::service::DigitalService;

use crate::fixtures::{committed, ministry};
use crate::support::each_backend;

fn service(name: &str) -> DigitalService {
    DigitalService {
        name: Bilingual::new(name, ""),
        channel: ServiceChannel::Web,
        address: "https://mole.gov.bd".into(),
        steps: vec![Bilingual::new("আবেদন", "Apply")],
        time_limit: TimeLimit {
            amount: 3,
            unit: TimeUnit::Day,
        },
        fee: Fee::Free,
        fully_online: true,
    }
}

#[tokio::test]
async fn services_keep_their_order_and_are_corrected_and_taken_off() {
    for test in each_backend().await {
        let (office_id, first, second) = committed(&test.db, async |tx| {
            let office_id = ministry(tx).await.office_id;
            let first = tx
                .insert_digital_service(office_id, &service("প্রথম"))
                .await
                .unwrap();
            let second = tx
                .insert_digital_service(office_id, &service("দ্বিতীয়"))
                .await
                .unwrap();
            (office_id, first, second)
        })
        .await;
        committed(&test.db, async |tx| {
            tx.update_digital_service(first, &service("প্রথম, সংশোধিত"))
                .await
                .unwrap();
            tx.delete_digital_service(second).await.unwrap();
            tx.insert_digital_service(office_id, &service("তৃতীয়"))
                .await
                .unwrap();
        })
        .await;
        let names: Vec<String> = test
            .db
            .digital_services(office_id)
            .await
            .unwrap()
            .into_iter()
            .map(|row| row.service.name.bn)
            .collect();
        assert_eq!(names, ["প্রথম, সংশোধিত", "তৃতীয়"], "{}", test.backend);
        assert!(test.db.digital_service(second).await.is_err());
    }
}
