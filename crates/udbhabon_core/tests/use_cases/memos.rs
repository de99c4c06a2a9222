//! Taking a memo number from a file of the office's register.

use udbhabon_core::Error;

use crate::support::{FOCAL, SECRETARY, TestApp};

#[tokio::test]
async fn numbers_of_a_file_follow_one_another_and_land_in_the_register() {
    let test = TestApp::new().await;
    let secretary = test.signed_in(SECRETARY).await;
    let first = test
        .app
        .take_memo_number(&secretary, 1, "প্রথম চিঠি", "")
        .await
        .unwrap();
    let second = test
        .app
        .take_memo_number(&secretary, 1, "দ্বিতীয় চিঠি", "")
        .await
        .unwrap();
    assert_eq!(second.letter(), first.letter() + 1);
    let register = test.app.memo_register(&secretary).await.unwrap();
    assert_eq!(register.entries[0].memo_number, second);
    assert_eq!(register.entries[0].purpose.bn, "দ্বিতীয় চিঠি");
}

#[tokio::test]
async fn a_number_needs_a_purpose_and_none_is_taken_without_one() {
    let test = TestApp::new().await;
    let secretary = test.signed_in(SECRETARY).await;
    let before = test
        .app
        .memo_register(&secretary)
        .await
        .unwrap()
        .entries
        .len();
    let refused = test.app.take_memo_number(&secretary, 1, "  ", "").await;
    assert!(matches!(refused, Err(Error::Invalid(_))), "{refused:?}");
    let after = test
        .app
        .memo_register(&secretary)
        .await
        .unwrap()
        .entries
        .len();
    assert_eq!(before, after);
}

#[tokio::test]
async fn a_focal_point_of_an_office_below_takes_no_number_of_the_ministry() {
    let test = TestApp::new().await;
    let focal = test.signed_in(FOCAL).await;
    let refused = test.app.take_memo_number(&focal, 1, "চিঠি", "").await;
    assert!(matches!(refused, Err(Error::Forbidden)), "{refused:?}");
}
