//! Backing an installation up while it serves, and restoring it into an empty one with every check.

use std::sync::Arc;

use udbhabon_core::backup::restore;
use udbhabon_core::{Error, FixedClock};

use crate::support::{SECRETARY, TestApp, settings_in};

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock("2026-11-24T04:00:00Z".parse().unwrap()))
}

#[tokio::test]
async fn a_backup_restores_into_an_empty_installation_with_its_trail_intact() {
    let test = TestApp::new().await;
    let secretary = test.signed_in(SECRETARY).await;
    let taken = test
        .app
        .take_memo_number(&secretary, "mole", 1, "ব্যাকআপের আগে", "")
        .await
        .unwrap();
    let archive = test.dir.path().join("backup.tar");
    let report = test.app.backup(&archive).await.unwrap();
    assert!(report.audit_entries > 100);
    assert!(
        matches!(test.app.backup(&archive).await, Err(Error::Conflict(_))),
        "an existing file is never overwritten"
    );

    let target = tempfile::tempdir().unwrap();
    let settings = settings_in(target.path().to_owned());
    let restored = restore(&settings, clock(), &archive).await.unwrap();
    assert_eq!(restored.audit_entries, report.audit_entries);
    let again = restore(&settings, clock(), &archive).await;
    assert!(
        matches!(again, Err(Error::Conflict(_))),
        "an installation with data is refused: {again:?}"
    );

    let app = udbhabon_core::App::open(&settings, clock()).await.unwrap();
    let token = app
        .sign_in(SECRETARY, crate::support::PASSWORD, Default::default())
        .await
        .unwrap()
        .unwrap();
    let who = app.signed_in(&token.0, None).await.unwrap().unwrap();
    let register = app.memo_register(&who, "mole").await.unwrap();
    assert_eq!(register.entries[0].memo_number, taken);
}

#[tokio::test]
async fn a_damaged_or_foreign_file_restores_nothing() {
    let test = TestApp::new().await;
    let archive = test.dir.path().join("backup.tar");
    test.app.backup(&archive).await.unwrap();
    let mut bytes = std::fs::read(&archive).unwrap();
    // A byte of the database's part changed: its hash no longer matches the manifest.
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    let damaged = test.dir.path().join("damaged.tar");
    std::fs::write(&damaged, bytes).unwrap();
    let foreign = test.dir.path().join("notes.tar");
    std::fs::write(&foreign, b"not a backup at all").unwrap();
    for file in [damaged, foreign] {
        let target = tempfile::tempdir().unwrap();
        let settings = settings_in(target.path().to_owned());
        let refused = restore(&settings, clock(), &file).await;
        assert!(refused.is_err(), "{file:?}");
        assert!(
            !target.path().join("test.sqlite").exists(),
            "no database was put in place"
        );
    }
}
