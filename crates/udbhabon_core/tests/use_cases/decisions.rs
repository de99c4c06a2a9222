//! A responsible body's report on a decision it carries out.

use udbhabon_core::Error;
use udbhabon_core::account::SignedIn;
use udbhabon_domain::meeting::decision::DecisionStatus;

use crate::support::{FOCAL, TestApp};

/// The first of the seed meeting's decisions that `who` reports on.
async fn carried_out_by(test: &TestApp, who: &SignedIn) -> i32 {
    for id in 1..=6 {
        let detail = test.app.decision_detail(who, id).await;
        if detail.is_ok_and(|detail| detail.reports_for.is_some()) {
            return id;
        }
    }
    panic!("{} carries out none of the seed decisions", who.email);
}

#[tokio::test]
async fn a_report_is_under_way_or_done_and_any_other_status_is_refused() {
    let test = TestApp::new().await;
    let focal = test.signed_in(FOCAL).await;
    let id = carried_out_by(&test, &focal).await;
    for status in ["closed", "dropped", "not_started", "bogus", ""] {
        let refused = test
            .app
            .report_on_decision(&focal, id, status, "কাজ চলছে।", Vec::new())
            .await;
        assert!(
            matches!(refused, Err(Error::Invalid(_))),
            "{status}: {refused:?}"
        );
    }
    let unchanged = test.app.decision_detail(&focal, id).await.unwrap();
    assert!(unchanged.tracked.updates.is_empty(), "nothing was recorded");
    let reported = test
        .app
        .report_on_decision(&focal, id, "in_progress", "কাজ চলছে।", Vec::new())
        .await
        .unwrap();
    assert_eq!(reported, DecisionStatus::InProgress);
}

#[tokio::test]
async fn a_report_needs_a_note_of_what_was_done() {
    let test = TestApp::new().await;
    let focal = test.signed_in(FOCAL).await;
    let id = carried_out_by(&test, &focal).await;
    let refused = test
        .app
        .report_on_decision(&focal, id, "done", "  ", Vec::new())
        .await;
    assert!(matches!(refused, Err(Error::Invalid(_))), "{refused:?}");
}
