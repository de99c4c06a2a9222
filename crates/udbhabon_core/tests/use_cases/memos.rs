//! An office's memo files and register: opening, correcting and closing files, and taking numbers.

use udbhabon_core::Error;
use udbhabon_core::office::memo::MemoFileForm;
use udbhabon_domain::office::memo::MemoFileFields;

use crate::support::{DIFE_SECRETARY, FOCAL, SECRETARY, TestApp, refusal_keys};

#[tokio::test]
async fn numbers_of_a_file_follow_one_another_and_land_in_the_register() {
    let test = TestApp::new().await;
    let secretary = test.signed_in(SECRETARY).await;
    let first = test
        .app
        .take_memo_number(&secretary, "mole", 1, "প্রথম চিঠি", "")
        .await
        .unwrap();
    let second = test
        .app
        .take_memo_number(&secretary, "mole", 1, "দ্বিতীয় চিঠি", "")
        .await
        .unwrap();
    assert_eq!(second.letter(), first.letter() + 1);
    let register = test.app.memo_register(&secretary, "mole").await.unwrap();
    assert_eq!(register.entries[0].memo_number, second);
    assert_eq!(register.entries[0].purpose.bn, "দ্বিতীয় চিঠি");
}

#[tokio::test]
async fn a_number_needs_a_purpose_and_none_is_taken_without_one() {
    let test = TestApp::new().await;
    let secretary = test.signed_in(SECRETARY).await;
    let before = test
        .app
        .memo_register(&secretary, "mole")
        .await
        .unwrap()
        .entries
        .len();
    let refused = test
        .app
        .take_memo_number(&secretary, "mole", 1, "  ", "")
        .await;
    assert!(matches!(refused, Err(Error::Invalid(_))), "{refused:?}");
    let after = test
        .app
        .memo_register(&secretary, "mole")
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
    let refused = test
        .app
        .take_memo_number(&focal, "mole", 1, "চিঠি", "")
        .await;
    assert!(matches!(refused, Err(Error::Forbidden)), "{refused:?}");
}

fn file(number: &str) -> MemoFileForm {
    MemoFileForm {
        fields: MemoFileFields {
            file_number: number.into(),
            subject_bn: "প্রশিক্ষণ".into(),
            subject_en: "Training".into(),
        },
        unit_id: None,
    }
}

/// The office's files as (number, closed).
async fn files_of(
    test: &TestApp,
    who: &udbhabon_core::account::SignedIn,
    office: &str,
) -> Vec<(String, bool)> {
    test.app
        .memo_register(who, office)
        .await
        .unwrap()
        .files
        .iter()
        .map(|(file, _)| (file.file_number.to_string(), file.closed_on.is_some()))
        .collect()
}

#[tokio::test]
async fn a_member_secretary_opens_a_file_whose_numbers_start_at_one() {
    let test = TestApp::new().await;
    let secretary = test.signed_in(DIFE_SECRETARY).await;
    let number = test
        .app
        .add_memo_file(&secretary, "dife", &file("৪০.০৫.০০০০.০৩৬.৩২.০০২.২৬"))
        .await
        .unwrap();
    assert_eq!(number.to_string(), "40.05.0000.036.32.002.26");
    let register = test.app.memo_register(&secretary, "dife").await.unwrap();
    let (opened, _) = register
        .files
        .iter()
        .find(|(file, _)| file.file_number == number)
        .unwrap();
    let memo = test
        .app
        .take_memo_number(&secretary, "dife", opened.id, "প্রশিক্ষণের চিঠি", "")
        .await
        .unwrap();
    assert_eq!(memo.to_string(), "40.05.0000.036.32.002.26.1");
}

#[tokio::test]
async fn a_file_in_neither_form_of_another_ministry_or_already_recorded_is_refused_and_nothing_is_written()
 {
    let test = TestApp::new().await;
    let secretary = test.signed_in(DIFE_SECRETARY).await;
    let before = files_of(&test, &secretary, "dife").await;
    for (number, why) in [
        ("40.05.0000.036", "error-file-number-form"),
        ("40.05.0000.036.32.002.26.9", "error-file-number-letter"),
        ("41.05.0000.036.32.002.26", "error-file-number-ministry"),
        ("৪০.০৫.০০০০.০০০.০৬০.৩২.০০০১.২৫", "error-memo-file-taken"),
        // MoLE's file is recorded for another office: a number is given once in the whole tree.
        ("40.00.0000.000.036.32.0006.17", "error-memo-file-taken"),
    ] {
        let refused = test
            .app
            .add_memo_file(&secretary, "dife", &file(number))
            .await;
        assert_eq!(refusal_keys(refused), [why], "{number}");
    }
    assert_eq!(files_of(&test, &secretary, "dife").await, before);
}

#[tokio::test]
async fn a_closed_file_keeps_its_register_gives_no_number_and_cannot_be_closed_twice() {
    let test = TestApp::new().await;
    let secretary = test.signed_in(DIFE_SECRETARY).await;
    let register = test.app.memo_register(&secretary, "dife").await.unwrap();
    let (dife_file, issued) = register.files[0].clone();
    assert_eq!(issued, 3, "the demo's order, its copies and the minutes");
    test.app
        .close_memo_file(&secretary, "dife", dife_file.id)
        .await
        .unwrap();
    let twice = test
        .app
        .close_memo_file(&secretary, "dife", dife_file.id)
        .await;
    assert_eq!(refusal_keys(twice), ["error-memo-file-closed-already"]);
    let taken = test
        .app
        .take_memo_number(&secretary, "dife", dife_file.id, "চিঠি", "")
        .await;
    assert_eq!(refusal_keys(taken), ["error-memo-file-closed"]);
    let register = test.app.memo_register(&secretary, "dife").await.unwrap();
    assert_eq!(
        register.entries.len(),
        3,
        "the numbers stay in the register"
    );
    assert!(register.files[0].0.closed_on.is_some());
}

#[tokio::test]
async fn a_file_that_gave_numbers_keeps_its_number_but_its_subject_can_change() {
    let test = TestApp::new().await;
    let secretary = test.signed_in(DIFE_SECRETARY).await;
    let register = test.app.memo_register(&secretary, "dife").await.unwrap();
    let (used, _) = register.files[0].clone();
    let renumbered = test
        .app
        .change_memo_file(
            &secretary,
            "dife",
            used.id,
            &file("40.05.0000.036.32.009.26"),
        )
        .await;
    assert_eq!(refusal_keys(renumbered), ["error-memo-file-number-used"]);
    let mut renamed = file(&used.file_number.to_string());
    renamed.fields.subject_bn = "ইনোভেশন টিম".into();
    test.app
        .change_memo_file(&secretary, "dife", used.id, &renamed)
        .await
        .unwrap();
    let register = test.app.memo_register(&secretary, "dife").await.unwrap();
    assert_eq!(register.files[0].0.subject.bn, "ইনোভেশন টিম");
}

#[tokio::test]
async fn files_are_kept_only_by_those_who_manage_the_office_and_only_through_their_office() {
    let test = TestApp::new().await;
    let focal = test.signed_in(FOCAL).await;
    let refused = test
        .app
        .add_memo_file(&focal, "dife", &file("40.05.0000.036.32.002.26"))
        .await;
    assert!(matches!(refused, Err(Error::Forbidden)), "{refused:?}");
    let district = test.signed_in("ms-gazipur@demo.udbhabon.test").await;
    let refused = test
        .app
        .add_memo_file(&district, "dife", &file("40.05.0000.036.32.002.26"))
        .await;
    assert!(
        matches!(refused, Err(Error::Forbidden)),
        "an office below keeps no file of the office above"
    );
    // The ministry's file, named through the DIFE: not the DIFE's file, so not found there.
    let dife = test.signed_in(DIFE_SECRETARY).await;
    let elsewhere = test.app.close_memo_file(&dife, "dife", 1).await;
    assert!(
        matches!(elsewhere, Err(Error::NotFound(_))),
        "{elsewhere:?}"
    );
}
