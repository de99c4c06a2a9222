//! The citizen charter's draft: readable only inside the office, complete before it is sent, and
//! unpublished after an approval that could not be typeset.

use udbhabon_core::Error;
use udbhabon_domain::Bilingual;
use udbhabon_domain::portal::charter::{CharterStatus, OverviewFields, ServiceFields};

use crate::support::{FOCAL, SECRETARY, TestApp, refusal_keys};

const CIO: &str = "cio@demo.udbhabon.test";

/// Two of the ministry's posts that someone holds, as a form would give them.
async fn held_posts(test: &TestApp) -> (String, String) {
    let secretary = test.signed_in(SECRETARY).await;
    let page = test
        .app
        .charter_page(Some(&secretary), "mole", None)
        .await
        .unwrap();
    let mut held = page
        .posts
        .iter()
        .filter(|(_, holder)| holder.is_some())
        .map(|(post, _)| post.id.to_string());
    (held.next().unwrap(), held.next().unwrap())
}

#[tokio::test]
async fn a_draft_is_seen_only_by_readers_of_the_office() {
    let test = TestApp::new().await;
    let secretary = test.signed_in(SECRETARY).await;
    test.app.start_charter(&secretary, "mole").await.unwrap();
    let own = test
        .app
        .charter_page(Some(&secretary), "mole", None)
        .await
        .unwrap();
    assert_eq!(own.open.unwrap().status, CharterStatus::Draft);
    let public = test.app.charter_page(None, "mole", None).await.unwrap();
    assert!(public.open.is_none() && public.posts.is_empty());
    let focal = test.signed_in(FOCAL).await;
    let other = test
        .app
        .charter_page(Some(&focal), "mole", None)
        .await
        .unwrap();
    assert!(other.open.is_none(), "a focal point of an office below");
    assert!(matches!(
        test.app.start_charter(&focal, "mole").await,
        Err(Error::Forbidden)
    ));
}

#[tokio::test]
async fn an_approval_that_cannot_be_typeset_publishes_nothing() {
    // The test application has no fonts, so the PDFs cannot be made at publication.
    let test = TestApp::new().await;
    let secretary = test.signed_in(SECRETARY).await;
    let (post, appeal) = held_posts(&test).await;
    // The draft starts with the grievance officers the ministry names for grievance redress.
    test.app.start_charter(&secretary, "mole").await.unwrap();
    assert_eq!(
        refusal_keys(test.app.submit_charter(&secretary, "mole").await),
        ["error-charter-vision", "error-charter-no-service"]
    );
    let service = ServiceFields {
        category: "citizen".into(),
        name: Bilingual::new("অভিযোগ গ্রহণ", ""),
        method: Bilingual::new("সরাসরি", ""),
        documents: Bilingual::new("লিখিত আবেদন", ""),
        fee: "free".into(),
        time_amount: "3".into(),
        time_unit: "day".into(),
        officer_post: post.clone(),
        ..ServiceFields::default()
    };
    let key = test
        .app
        .save_charter_service(&secretary, "mole", None, &service)
        .await
        .unwrap();
    assert_eq!(key, 1);
    let overview = OverviewFields {
        vision: Bilingual::new("রূপকল্প", ""),
        mission: Bilingual::new("অভিলক্ষ্য", ""),
        grievance_post: post.clone(),
        grievance_days: "30".into(),
        appeal_post: appeal,
        appeal_days: "20".into(),
        ..OverviewFields::default()
    };
    test.app
        .save_charter_overview(&secretary, "mole", &overview)
        .await
        .unwrap();
    test.app.submit_charter(&secretary, "mole").await.unwrap();
    assert_eq!(
        refusal_keys(
            test.app
                .save_charter_service(&secretary, "mole", Some(1), &service)
                .await
        ),
        ["error-charter-not-draft"],
        "a sent charter is not changed"
    );
    let cio = test.signed_in(CIO).await;
    assert!(matches!(
        test.app.approve_charter(&cio, "mole").await,
        Err(Error::NoFonts(_))
    ));
    let page = test
        .app
        .charter_page(Some(&cio), "mole", None)
        .await
        .unwrap();
    assert!(page.shown.is_none() && page.editions.is_empty());
    assert_eq!(page.open.unwrap().status, CharterStatus::Submitted);
}
