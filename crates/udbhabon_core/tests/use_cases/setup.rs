//! A new installation: set up once with its top office and first administrator, the tree imported
//! below it, and each reader's pages about their own office.

use udbhabon_core::account::{AccountRequest, Client};
use udbhabon_core::admin::offices::ImportOutcome;
use udbhabon_core::admin::setup::Setup;
use udbhabon_domain::Bilingual;
use udbhabon_domain::office::OfficeFields;

use crate::support::{DIFE_SECRETARY, FOCAL, SECRETARY, TestApp, refusal_keys};

fn setup(office_key: &str, email: &str) -> Setup {
    Setup {
        office: OfficeFields {
            key: office_key.into(),
            kind: "ministry".into(),
            name_bn: "শ্রম ও কর্মসংস্থান মন্ত্রণালয়".into(),
            name_en: "Ministry of Labour and Employment".into(),
            memo_code: "৪০".into(),
            ..OfficeFields::default()
        },
        administrator: AccountRequest {
            name: Bilingual::new("প্রশাসক", "Administrator"),
            email: email.into(),
            password: "a-long-enough-passphrase-26".into(),
            phone: None,
            grants: Vec::new(),
        },
    }
}

#[tokio::test]
async fn set_up_once_makes_the_top_office_and_an_administrator_who_can_sign_in() {
    let test = TestApp::empty().await;
    assert!(test.app.top_office().await.unwrap().is_none());
    test.app
        .set_up(setup("mole", "admin@mole.gov.bd"), "test")
        .await
        .unwrap();
    let top = test.app.top_office().await.unwrap().unwrap();
    assert_eq!(
        (top.key.as_str(), top.memo_code.as_deref()),
        ("mole", Some("40"))
    );
    assert_eq!(
        test.app.reader_office(None).await.unwrap().unwrap().key,
        "mole"
    );
    let signed = test
        .app
        .sign_in(
            "admin@mole.gov.bd",
            "a-long-enough-passphrase-26",
            Client::default(),
        )
        .await
        .unwrap();
    assert!(signed.is_ok(), "the administrator signs in");
    let again = test
        .app
        .set_up(setup("other", "second@mole.gov.bd"), "test")
        .await;
    assert_eq!(refusal_keys(again), ["error-setup-done"]);
    assert_eq!(test.app.top_office().await.unwrap().unwrap().key, "mole");
    assert!(
        test.app.office_for(None, Some("other")).await.is_err(),
        "nothing of the second set-up was written"
    );
}

#[tokio::test]
async fn a_set_up_with_a_bad_office_and_a_bad_account_names_both_and_writes_nothing() {
    let test = TestApp::empty().await;
    let mut bad = setup("MoLE!", "not an email");
    bad.office.parent_key = String::new();
    bad.office.kind = "planet".into();
    let problems = refusal_keys(test.app.set_up(bad, "test").await);
    assert!(problems.contains(&"error-key"), "{problems:?}");
    assert!(problems.contains(&"error-office-kind"), "{problems:?}");
    assert!(problems.len() >= 3, "the email is named too: {problems:?}");
    let mut below = setup("dife", "admin@mole.gov.bd");
    below.office.parent_key = "mole".into();
    assert_eq!(
        refusal_keys(test.app.set_up(below, "test").await),
        ["error-setup-parent"]
    );
    assert!(test.app.top_office().await.unwrap().is_none());
}

#[tokio::test]
async fn the_tree_imported_by_the_operator_hangs_below_the_top_office() {
    let test = TestApp::empty().await;
    test.app
        .set_up(setup("mole", "admin@mole.gov.bd"), "test")
        .await
        .unwrap();
    let table = "key,parent,kind,name_bn,name_en,district\n\
                 dife,mole,department,কলকারখানা ও প্রতিষ্ঠান পরিদর্শন অধিদপ্তর,DIFE,\n\
                 dife-gazipur,dife,district_office,উপমহাপরিদর্শকের কার্যালয় গাজীপুর,DIFE Gazipur,33\n";
    let outcome = test
        .app
        .import_tree_by_operator(table.as_bytes(), "test")
        .await
        .unwrap();
    assert!(
        matches!(outcome, ImportOutcome::Imported { rows: 2, .. }),
        "{outcome:?}"
    );
    let level = test.app.office_level(Some("mole")).await.unwrap();
    let keys: Vec<&str> = level
        .nodes
        .iter()
        .map(|node| node.office.key.as_str())
        .collect();
    assert_eq!(keys, ["dife", "dife-gazipur"]);
}

#[tokio::test]
async fn each_reader_s_pages_are_about_their_own_office_and_a_visitor_s_about_the_top() {
    let test = TestApp::new().await;
    for (email, office) in [
        (SECRETARY, "mole"),
        (DIFE_SECRETARY, "dife"),
        (FOCAL, "dife"),
        ("ms-gazipur@demo.udbhabon.test", "dife-gazipur"),
        ("admin@demo.udbhabon.test", "mole"),
    ] {
        let who = test.signed_in(email).await;
        let own = test.app.reader_office(Some(&who)).await.unwrap().unwrap();
        assert_eq!(own.key, office, "{email}");
        let (listed, _) = test.app.meetings(Some(&who), None).await.unwrap();
        assert_eq!(listed.key, office, "{email}'s meetings");
    }
    let home = test.app.home(None).await.unwrap().unwrap();
    assert_eq!(home.office.key, "mole", "the demo serves the ministry");
}
