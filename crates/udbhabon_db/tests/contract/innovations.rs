//! The innovation database: an innovation is kept whole, TCV and links included, read by office and
//! kind; its steps move its stage under a lock; a copy points to its original.

use udbhabon_db::DbError;
use udbhabon_domain::innovation::{
    BeforeAfter, InnovationDraft, InnovationKind, InnovationStage, InnovationStep, ServiceChannel,
    StepDraft, Tcv,
};

use crate::fixtures::{committed, date, ministry};
use crate::support::each_backend;

fn draft(kind: InnovationKind) -> InnovationDraft {
    InnovationDraft {
        kind,
        stage: InnovationStage::ScaledUp,
        title: "কারখানা লাইসেন্স নবায়ন সহজিকরণ".into(),
        title_en: "Simpler licence renewal".into(),
        service: "লাইসেন্স নবায়ন".into(),
        problem: "চারবার অফিসে আসতে হয়".into(),
        root_cause: String::new(),
        solution: "অনলাইনে আবেদন".into(),
        started_on: Some(date(2025, 7, 1)),
        completed_on: None,
        service_link: Some("https://dife.gov.bd/licence".into()),
        channel: Some(ServiceChannel::Web),
        links: vec!["https://a.example".into(), "https://b.example".into()],
        tcv: Tcv {
            days: Some(BeforeAfter {
                before: 30.0,
                after: 7.5,
            }),
            ..Tcv::default()
        },
    }
}

#[tokio::test]
async fn an_innovation_is_kept_whole_and_listed_by_office_and_kind() {
    for test in each_backend().await {
        let backend = test.backend;
        let (office_id, simplified, idea) = committed(&test.db, async |tx| {
            let created = ministry(tx).await;
            let simplified = tx
                .insert_innovation(
                    created.office_id,
                    draft(InnovationKind::Simplification),
                    None,
                )
                .await
                .unwrap();
            let idea = tx
                .insert_innovation(
                    created.office_id,
                    InnovationDraft {
                        tcv: Tcv::default(),
                        links: Vec::new(),
                        ..draft(InnovationKind::Idea)
                    },
                    None,
                )
                .await
                .unwrap();
            (created.office_id, simplified, idea)
        })
        .await;
        let stored = test.db.innovation(simplified).await.unwrap();
        assert_eq!(
            stored.record,
            draft(InnovationKind::Simplification),
            "{backend}"
        );
        assert_eq!(stored.office_id, office_id, "{backend}");
        let all = test.db.innovations(Some(&[office_id]), None).await.unwrap();
        assert_eq!(
            all.iter().map(|row| row.id).collect::<Vec<_>>(),
            [idea, simplified],
            "{backend}: newest first"
        );
        let ideas = test
            .db
            .innovations(None, Some(InnovationKind::Idea))
            .await
            .unwrap();
        assert_eq!(ideas.len(), 1, "{backend}");
        assert!(ideas[0].record.links.is_empty(), "{backend}");
        assert_eq!(ideas[0].record.tcv, Tcv::default(), "{backend}");
    }
}

#[tokio::test]
async fn a_step_moves_the_stage_once_and_a_copy_points_to_its_original() {
    for test in each_backend().await {
        let backend = test.backend;
        let (original, copy) = committed(&test.db, async |tx| {
            let created = ministry(tx).await;
            let idea = InnovationDraft {
                stage: InnovationStage::Idea,
                ..draft(InnovationKind::Idea)
            };
            let original = tx
                .insert_innovation(created.office_id, idea.clone(), None)
                .await
                .unwrap();
            let copy = tx
                .insert_innovation(created.office_id, idea, Some(original))
                .await
                .unwrap();
            (original, copy)
        })
        .await;
        let approve = StepDraft {
            step: InnovationStep::Approve,
            stage_after: InnovationStage::ApprovedForPilot,
            note: "অনুমোদিত".into(),
            place: String::new(),
            from: Some(date(2026, 1, 1)),
            to: None,
            links: vec!["https://a.example".into()],
        };
        committed(&test.db, async |tx| {
            tx.add_innovation_step(original, InnovationStage::Idea, approve.clone())
                .await
                .unwrap()
        })
        .await;
        let stale = committed(&test.db, async |tx| {
            tx.add_innovation_step(original, InnovationStage::Idea, approve.clone())
                .await
                .unwrap_err()
        })
        .await;
        assert!(
            matches!(stale, DbError::Conflict(_)),
            "{backend}: a step checked against an old stage: {stale:?}"
        );
        let stored = test.db.innovation(original).await.unwrap();
        assert_eq!(
            stored.record.stage,
            InnovationStage::ApprovedForPilot,
            "{backend}"
        );
        let steps = test.db.innovation_steps(original).await.unwrap();
        assert_eq!(steps.len(), 1, "{backend}");
        assert_eq!(steps[0].links, ["https://a.example"], "{backend}");
        let copies = test.db.replications_of(&[original]).await.unwrap();
        assert_eq!(
            copies
                .iter()
                .map(|row| (row.id, row.replicates_id))
                .collect::<Vec<_>>(),
            [(copy, Some(original))],
            "{backend}"
        );
    }
}
