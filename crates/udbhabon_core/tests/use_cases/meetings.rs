//! A meeting as each reader may see it: minutes not yet issued are the office's own.

use chrono::Duration;
use udbhabon_core::meeting::minutes::cycle::minutes_fields;

use crate::support::{FOCAL, SECRETARY, TestApp};

const REVIEW: &str = "mole-egov-2026-27-review-2";

#[tokio::test]
async fn draft_minutes_are_withheld_from_visitors_and_offices_below_and_shown_to_the_office() {
    let test = TestApp::new().await;
    // The review is held on 17 December; its minutes are written after.
    test.clock.advance(Duration::days(25));
    let secretary = test.signed_in(SECRETARY).await;
    let draft = test.app.minutes_draft(&secretary, REVIEW).await.unwrap();
    let mut fields = minutes_fields(&draft);
    fields.opening_bn = "সভাপতি সভা শুরু করেন।".into();
    test.app
        .save_minutes(&secretary, REVIEW, &fields)
        .await
        .unwrap();

    let (own, _) = test
        .app
        .meeting_for(Some(&secretary), REVIEW)
        .await
        .unwrap();
    assert_eq!(own.meeting.record.opening.bn, "সভাপতি সভা শুরু করেন।");
    assert!(own.meeting.record.minutes_stage.is_some());

    let focal = test.signed_in(FOCAL).await;
    for reader in [None, Some(&focal)] {
        let (seen, _) = test.app.meeting_for(reader, REVIEW).await.unwrap();
        assert!(!seen.minutes_issued());
        assert_eq!(
            seen.meeting.record.opening.bn,
            "",
            "{:?}",
            reader.map(|who| &who.email)
        );
        assert!(seen.meeting.record.minutes_stage.is_none());
        assert!(seen.attendance.is_empty() && seen.decisions.is_empty());
        assert!(
            seen.agenda
                .iter()
                .all(|(item, _)| item.discussion.bn.is_empty())
        );
        assert!(!seen.agenda.is_empty(), "what the notice said stays public");
    }
}

#[tokio::test]
async fn issued_minutes_are_everyone_s() {
    let test = TestApp::new().await;
    let (seen, _) = test
        .app
        .meeting_for(None, "mole-egov-2022-23-review-1")
        .await
        .unwrap();
    assert!(seen.minutes_issued());
    assert_eq!(seen.decisions.len(), 6);
}
