//! Citizens' messages: found by their code's hash with their attachment, listed unanswered first, and
//! published only when answered so.

use udbhabon_domain::Lang;
use udbhabon_domain::portal::feedback::{FeedbackDraft, FeedbackKind};

use crate::fixtures::{committed, ministry};
use crate::support::each_backend;

fn draft(message: &str) -> FeedbackDraft {
    FeedbackDraft {
        kind: FeedbackKind::Idea,
        service: String::new(),
        message: message.into(),
        name: String::new(),
        contact: "01711223344".into(),
    }
}

#[tokio::test]
async fn messages_are_found_by_code_listed_unanswered_first_and_published_when_answered_so() {
    for test in each_backend().await {
        let (office_id, first, second, photo) = committed(&test.db, async |tx| {
            let office_id = ministry(tx).await.office_id;
            let first = tx
                .insert_feedback(office_id, "hash-1", &draft("প্রথম"), Lang::Bn, None)
                .await
                .unwrap();
            let photo = tx
                .evidence_by_hash("ab12", "image/jpeg", 2048, "counter.jpg")
                .await
                .unwrap();
            let second = tx
                .insert_feedback(office_id, "hash-2", &draft("দ্বিতীয়"), Lang::En, Some(photo))
                .await
                .unwrap();
            (office_id, first, second, photo)
        })
        .await;
        committed(&test.db, async |tx| {
            tx.answer_feedback(second, "উত্তর", true).await.unwrap();
        })
        .await;
        let found = test.db.feedback_by_code("hash-2").await.unwrap();
        assert_eq!(
            (found.id, found.lang, found.published, found.attachment_id),
            (second, Lang::En, true, Some(photo))
        );
        let attachment = test.db.evidence_file(photo).await.unwrap();
        assert_eq!(attachment.name, "counter.jpg", "{}", test.backend);
        assert!(test.db.feedback_by_code("hash-3").await.is_err());
        let inbox: Vec<i32> = test
            .db
            .feedback_of_office(office_id, 10)
            .await
            .unwrap()
            .iter()
            .map(|row| row.id)
            .collect();
        assert_eq!(inbox, [first, second], "{}", test.backend);
        let published = test.db.published_feedback(office_id, 10).await.unwrap();
        assert_eq!(published.len(), 1, "{}", test.backend);
        assert_eq!(published[0].answer, "উত্তর");
    }
}
