//! A training's materials: files added once each, listed in the order added, and taken off; its
//! invitation: recorded once, with its memo number and signer.

use udbhabon_db::training::invitation::InvitationRow;
use udbhabon_domain::Bilingual;
use udbhabon_domain::training::{Session, Training, TrainingAudience, TrainingMode, TrainingTopic};

use crate::fixtures::{author, committed, ministry, person};
use crate::support::each_backend;

/// A one-session in-house training of the ministry's team.
fn training() -> Training {
    Training {
        title: Bilingual::new("ই-নথি প্রশিক্ষণ", ""),
        topic: TrainingTopic::ENothi,
        audience: TrainingAudience::Team,
        mode: TrainingMode::InHouse,
        venue: Bilingual::new("সভাকক্ষ", ""),
        online_link: String::new(),
        provider: String::new(),
        trainers: Vec::new(),
        guest_trainers: Vec::new(),
        sessions: vec![Session {
            on: "2026-11-20".parse().unwrap(),
            from: "10:00".parse().unwrap(),
            until: "13:00".parse().unwrap(),
            subject: String::new(),
        }],
    }
}

#[tokio::test]
async fn a_trainings_materials_are_kept_once_each_and_taken_off() {
    let training = training();
    for test in each_backend().await {
        let (id, slides, handout) = committed(&test.db, async |tx| {
            let office_id = ministry(tx).await.office_id;
            let id = tx
                .insert_training(office_id, 2026, None, &training)
                .await
                .unwrap();
            let slides = tx
                .evidence_by_hash("aa11", "application/pdf", 10, "স্লাইড.pdf")
                .await
                .unwrap();
            let handout = tx
                .evidence_by_hash("bb22", "application/pdf", 20, "হ্যান্ডআউট.pdf")
                .await
                .unwrap();
            for file in [handout, slides, handout] {
                tx.add_training_material(id, file).await.unwrap();
            }
            (id, slides, handout)
        })
        .await;
        let ids = |files: Vec<udbhabon_db::plan::progress::EvidenceRow>| {
            files.into_iter().map(|file| file.id).collect::<Vec<_>>()
        };
        assert_eq!(
            ids(test.db.training_materials(id).await.unwrap()),
            [handout, slides],
            "{}",
            test.backend
        );
        committed(&test.db, async |tx| {
            tx.remove_training_material(id, handout).await.unwrap();
            assert!(tx.remove_training_material(id, handout).await.is_err());
        })
        .await;
        assert_eq!(
            ids(test.db.training_materials(id).await.unwrap()),
            [slides],
            "{}",
            test.backend
        );
    }
}

#[tokio::test]
async fn a_trainings_invitation_is_recorded_once_with_its_number_and_signer() {
    for test in each_backend().await {
        let issued = committed(&test.db, async |tx| {
            let ministry = ministry(tx).await;
            let id = tx
                .insert_training(ministry.office_id, 2026, None, &training())
                .await
                .unwrap();
            assert!(!tx.training_invited(id).await.unwrap());
            let issued = InvitationRow {
                training_id: id,
                memo: "40.00.0000.000.036.32.0006.17.6".parse().unwrap(),
                issued_on: "2026-11-18".parse().unwrap(),
                signer_person_id: person(tx, "এ.এস.এম. মেহরাব হোসেন").await,
                signer_post_id: Some(ministry.post_id),
            };
            tx.record_training_invitation(&issued).await.unwrap();
            assert!(tx.training_invited(id).await.unwrap());
            issued
        })
        .await;
        assert_eq!(
            test.db
                .training_invitation(issued.training_id)
                .await
                .unwrap(),
            Some(issued.clone()),
            "{}",
            test.backend
        );
        // A second invitation of the same training is refused by the database itself.
        let tx = test.db.begin(author()).await.unwrap();
        assert!(tx.record_training_invitation(&issued).await.is_err());
    }
}
