//! An office's innovations, listed a page at a time with those of the offices below it.

use udbhabon_core::innovation::INNOVATIONS_PER_PAGE;
use udbhabon_domain::innovation::InnovationFields;

use crate::support::{FOCAL, SECRETARY, TestApp};

#[tokio::test]
async fn the_list_pages_through_the_office_and_the_offices_below_it() {
    let test = TestApp::new().await;
    let focal = test.signed_in(FOCAL).await;
    let secretary = test.signed_in(SECRETARY).await;
    let before = test
        .app
        .innovations_of(&secretary, Some("mole"), None, 1)
        .await
        .unwrap()
        .total;
    // One page and a bit more, recorded by an office below the ministry.
    for serial in 0..=INNOVATIONS_PER_PAGE {
        let fields = InnovationFields {
            kind: "idea".into(),
            stage: "idea".into(),
            title: format!("অনলাইন সেবা {serial}"),
            problem: "সমস্যা".into(),
            solution: "সমাধান".into(),
            ..InnovationFields::default()
        };
        test.app
            .record_innovation(&focal, "dife", &fields)
            .await
            .unwrap();
    }
    let first = test
        .app
        .innovations_of(&secretary, Some("mole"), None, 1)
        .await
        .unwrap();
    assert_eq!(first.total, before + INNOVATIONS_PER_PAGE + 1);
    assert_eq!(first.innovations.len() as u64, INNOVATIONS_PER_PAGE);
    assert_eq!(
        first.innovations[0].0.record.title,
        format!("অনলাইন সেবা {INNOVATIONS_PER_PAGE}"),
        "newest first"
    );
    let last = test
        .app
        .innovations_of(&secretary, Some("mole"), None, first.pages + 5)
        .await
        .unwrap();
    assert_eq!(last.page, first.pages, "a page past the end shows the last");
    let own = test
        .app
        .innovations_of(&focal, Some("dife"), None, 1)
        .await
        .unwrap();
    assert!(own.total > INNOVATIONS_PER_PAGE);
    assert!(
        own.innovations
            .iter()
            .all(|(_, office)| office.key == "dife")
    );
}
