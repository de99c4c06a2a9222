//! Accounts, sessions, role grants on offices, and password-reset links.

use chrono::{DateTime, Utc};
use udbhabon_db::account::{NewAccount, NewSession};
use udbhabon_db::{Author, DbError, Tx};
use udbhabon_domain::account::access::Role;
use udbhabon_domain::office::OfficeKind;

use crate::fixtures::{author, committed, office, person};
use crate::support::each_backend;

/// An instant from RFC 3339 text; microseconds survive both backends.
pub(crate) fn at(text: &str) -> DateTime<Utc> {
    text.parse().expect("an RFC 3339 instant")
}

/// The author of a change made at `text`, by the system.
fn author_at(text: &str) -> Author {
    Author {
        at: at(text),
        ..author()
    }
}

/// A person with an account, created at the fixtures' author's time; returns (person, account).
pub(crate) async fn account(tx: &Tx, name: &str, email: &str, password_hash: &str) -> (i32, i32) {
    let person_id = person(tx, name).await;
    let account_id = tx
        .insert_account(NewAccount {
            person_id,
            email: email.into(),
            password_hash: password_hash.into(),
            at: author().at,
        })
        .await
        .unwrap();
    (person_id, account_id)
}

fn session(token_hash: &str, account_id: i32, at_text: &str) -> NewSession {
    NewSession {
        token_hash: token_hash.into(),
        account_id,
        csrf_token: format!("csrf-{token_hash}"),
        at: at(at_text),
        user_agent: Some("contract test".into()),
        address: Some("127.0.0.1".into()),
    }
}

#[tokio::test]
async fn an_account_reads_back_by_email_with_its_hash_and_by_id_and_person() {
    for test in each_backend().await {
        let (person_id, account_id, other_person) = committed(&test.db, async |tx| {
            let (person_id, account_id) =
                account(tx, "Zebunnesa Karim", "zeb@example.test", "$argon2id$zeb").await;
            (person_id, account_id, person(tx, "No Account").await)
        })
        .await;
        let (row, hash) = test
            .db
            .account_credentials("zeb@example.test")
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("{}: the account is found by email", test.backend));
        assert_eq!(hash, "$argon2id$zeb", "{}", test.backend);
        assert_eq!(
            (row.id, row.person_id, row.email.as_str()),
            (account_id, person_id, "zeb@example.test"),
            "{}",
            test.backend
        );
        assert!(row.active, "{}", test.backend);
        assert_eq!(
            (row.failed_logins, row.locked_until),
            (0, None),
            "{}",
            test.backend
        );
        assert_eq!(row.created_at, author().at, "{}", test.backend);
        assert_eq!(row.password_changed_at, author().at, "{}", test.backend);
        assert_eq!(
            test.db.account(account_id).await.unwrap(),
            row,
            "{}",
            test.backend
        );
        assert_eq!(
            test.db.password_hash(account_id).await.unwrap(),
            "$argon2id$zeb",
            "{}",
            test.backend
        );
        assert_eq!(
            test.db.account_of_person(person_id).await.unwrap(),
            Some(row),
            "{}",
            test.backend
        );
        assert_eq!(
            test.db.account_of_person(other_person).await.unwrap(),
            None,
            "{}",
            test.backend
        );
        assert_eq!(
            test.db
                .account_credentials("nobody@example.test")
                .await
                .unwrap(),
            None,
            "{}",
            test.backend
        );
        let missing = test.db.account(account_id + 100).await;
        assert!(
            matches!(missing, Err(DbError::NotFound(_))),
            "{}: {missing:?}",
            test.backend
        );
    }
}

#[tokio::test]
async fn every_account_is_listed_in_email_order() {
    for test in each_backend().await {
        committed(&test.db, async |tx| {
            account(tx, "Zeta", "zeta@example.test", "h1").await;
            account(tx, "Alpha", "alpha@example.test", "h2").await;
            account(tx, "Mu", "mu@example.test", "h3").await;
        })
        .await;
        let emails: Vec<_> = test
            .db
            .accounts()
            .await
            .unwrap()
            .into_iter()
            .map(|row| row.email)
            .collect();
        assert_eq!(
            emails,
            ["alpha@example.test", "mu@example.test", "zeta@example.test"],
            "{}",
            test.backend
        );
    }
}

#[tokio::test]
async fn a_second_account_with_the_same_email_or_for_the_same_person_is_a_conflict() {
    for test in each_backend().await {
        let (person_id, other_person) = committed(&test.db, async |tx| {
            let (person_id, _) = account(tx, "First", "first@example.test", "h").await;
            (person_id, person(tx, "Second").await)
        })
        .await;
        let same_email = NewAccount {
            person_id: other_person,
            email: "first@example.test".into(),
            password_hash: "h".into(),
            at: author().at,
        };
        let same_person = NewAccount {
            person_id,
            email: "another@example.test".into(),
            password_hash: "h".into(),
            at: author().at,
        };
        for (what, new) in [("same email", same_email), ("same person", same_person)] {
            let tx = test.db.begin(author()).await.unwrap();
            let error = tx.insert_account(new).await.unwrap_err();
            assert!(
                matches!(error, DbError::Conflict(_)),
                "{} ({what}): {error:?}",
                test.backend
            );
        }
        assert_eq!(
            test.db.accounts().await.unwrap().len(),
            1,
            "{}",
            test.backend
        );
    }
}

#[tokio::test]
async fn login_failures_are_stored_with_their_lock_and_cleared_together() {
    for test in each_backend().await {
        let (_, account_id) = committed(&test.db, async |tx| {
            account(tx, "Locked Out", "locked@example.test", "h").await
        })
        .await;
        let until = at("2026-11-23T04:15:00.123456Z");
        test.db
            .record_login_failure(account_id, 4, None)
            .await
            .unwrap();
        let row = test.db.account(account_id).await.unwrap();
        assert_eq!(
            (row.failed_logins, row.locked_until),
            (4, None),
            "{}",
            test.backend
        );
        test.db
            .record_login_failure(account_id, 5, Some(until))
            .await
            .unwrap();
        let row = test.db.account(account_id).await.unwrap();
        assert_eq!(
            (row.failed_logins, row.locked_until),
            (5, Some(until)),
            "{}",
            test.backend
        );
        test.db.clear_login_failures(account_id).await.unwrap();
        let row = test.db.account(account_id).await.unwrap();
        assert_eq!(
            (row.failed_logins, row.locked_until),
            (0, None),
            "{}",
            test.backend
        );
        assert!(row.active, "{}", test.backend);
    }
}

#[tokio::test]
async fn a_new_password_replaces_the_hash_is_dated_by_its_author_and_clears_failures() {
    for test in each_backend().await {
        let (_, account_id) = committed(&test.db, async |tx| {
            account(tx, "Changer", "changer@example.test", "old-hash").await
        })
        .await;
        test.db
            .record_login_failure(account_id, 5, Some(at("2026-11-24T00:00:00Z")))
            .await
            .unwrap();
        let changed_at = "2026-11-23T09:30:15.654321Z";
        let tx = test.db.begin(author_at(changed_at)).await.unwrap();
        tx.set_password_hash(account_id, "new-hash".into())
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let (row, hash) = test
            .db
            .account_credentials("changer@example.test")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(hash, "new-hash", "{}", test.backend);
        assert_eq!(row.password_changed_at, at(changed_at), "{}", test.backend);
        assert_eq!(row.created_at, author().at, "{}", test.backend);
        assert_eq!(
            (row.failed_logins, row.locked_until),
            (0, None),
            "{}",
            test.backend
        );
        let tx = test.db.begin(author()).await.unwrap();
        let missing = tx.set_password_hash(account_id + 100, "x".into()).await;
        assert!(
            matches!(missing, Err(DbError::NotFound(_))),
            "{}: {missing:?}",
            test.backend
        );
    }
}

#[tokio::test]
async fn a_session_reads_back_by_its_token_hash_and_touching_it_moves_only_last_seen() {
    for test in each_backend().await {
        let (_, account_id) = committed(&test.db, async |tx| {
            account(tx, "Reader", "reader@example.test", "h").await
        })
        .await;
        let started = "2026-11-23T04:00:00.000001Z";
        test.db
            .create_session(session("token-a", account_id, started))
            .await
            .unwrap();
        let row = test
            .db
            .session("token-a")
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("{}: the session is stored", test.backend));
        assert_eq!(row.account_id, account_id, "{}", test.backend);
        assert_eq!(row.csrf_token, "csrf-token-a", "{}", test.backend);
        assert_eq!(
            (row.created_at, row.last_seen_at),
            (at(started), at(started)),
            "{}",
            test.backend
        );
        assert_eq!(
            test.db.session("token-b").await.unwrap(),
            None,
            "{}",
            test.backend
        );
        let later = at("2026-11-23T04:20:00.500000Z");
        test.db.touch_session("token-a", later).await.unwrap();
        let row = test.db.session("token-a").await.unwrap().unwrap();
        assert_eq!(
            (row.created_at, row.last_seen_at),
            (at(started), later),
            "{}",
            test.backend
        );
    }
}

#[tokio::test]
async fn a_deleted_session_is_gone_and_the_others_stay() {
    for test in each_backend().await {
        let (_, account_id) = committed(&test.db, async |tx| {
            account(tx, "Reader", "reader@example.test", "h").await
        })
        .await;
        for token in ["token-a", "token-b"] {
            test.db
                .create_session(session(token, account_id, "2026-11-23T04:00:00Z"))
                .await
                .unwrap();
        }
        test.db.delete_session("token-a").await.unwrap();
        assert_eq!(
            test.db.session("token-a").await.unwrap(),
            None,
            "{}",
            test.backend
        );
        assert!(
            test.db.session("token-b").await.unwrap().is_some(),
            "{}",
            test.backend
        );
    }
}

/// Two accounts: "mine" with sessions m1, m2 and m3, "theirs" with t1.
async fn two_accounts_with_sessions(db: &udbhabon_db::Db) -> (i32, i32) {
    let (mine, theirs) = committed(db, async |tx| {
        let (_, mine) = account(tx, "Mine", "mine@example.test", "h").await;
        let (_, theirs) = account(tx, "Theirs", "theirs@example.test", "h").await;
        (mine, theirs)
    })
    .await;
    for (token, account_id) in [("m1", mine), ("m2", mine), ("m3", mine), ("t1", theirs)] {
        db.create_session(session(token, account_id, "2026-11-23T04:00:00Z"))
            .await
            .unwrap();
    }
    (mine, theirs)
}

#[tokio::test]
async fn signing_out_everywhere_ends_only_that_accounts_sessions_and_counts_them() {
    for test in each_backend().await {
        let (mine, theirs) = two_accounts_with_sessions(&test.db).await;
        assert_eq!(
            test.db.delete_sessions_of(mine).await.unwrap(),
            3,
            "{}",
            test.backend
        );
        for token in ["m1", "m2", "m3"] {
            assert_eq!(
                test.db.session(token).await.unwrap(),
                None,
                "{}: {token}",
                test.backend
            );
        }
        assert_eq!(
            test.db.session("t1").await.unwrap().map(|s| s.account_id),
            Some(theirs),
            "{}",
            test.backend
        );
        assert_eq!(
            test.db.delete_sessions_of(mine).await.unwrap(),
            0,
            "{}",
            test.backend
        );
    }
}

#[tokio::test]
async fn ending_the_other_sessions_keeps_exactly_the_named_one() {
    for test in each_backend().await {
        let (mine, _) = two_accounts_with_sessions(&test.db).await;
        assert_eq!(
            test.db.delete_other_sessions(mine, "m2").await.unwrap(),
            2,
            "{}",
            test.backend
        );
        let left: Vec<_> = {
            let mut left = Vec::new();
            for token in ["m1", "m2", "m3", "t1"] {
                if test.db.session(token).await.unwrap().is_some() {
                    left.push(token);
                }
            }
            left
        };
        assert_eq!(left, ["m2", "t1"], "{}", test.backend);
    }
}

#[tokio::test]
async fn granting_a_role_already_held_on_the_same_office_returns_the_same_grant_and_adds_nothing() {
    for test in each_backend().await {
        let (account_id, office_id, first) = committed(&test.db, async |tx| {
            let (_, account_id) = account(tx, "Secretary", "sec@example.test", "h").await;
            let office_id = tx
                .insert_office(office("mole", None, OfficeKind::Ministry))
                .await
                .unwrap();
            let first = tx
                .grant_role(account_id, Role::MemberSecretary, office_id)
                .await
                .unwrap();
            (account_id, office_id, first)
        })
        .await;
        let entries = test.db.audit_entry_count().await.unwrap();
        let again = committed(&test.db, async |tx| {
            tx.grant_role(account_id, Role::MemberSecretary, office_id)
                .await
                .unwrap()
        })
        .await;
        assert_eq!(again, first, "{}", test.backend);
        assert_eq!(
            test.db.grants_of(account_id).await.unwrap().len(),
            1,
            "{}",
            test.backend
        );
        assert_eq!(
            test.db.audit_entry_count().await.unwrap(),
            entries,
            "{}: a repeated grant is not audited",
            test.backend
        );
    }
}

#[tokio::test]
async fn grants_list_the_role_the_office_and_the_offices_stored_path() {
    for test in each_backend().await {
        let (account_id, mole, dife, other_account) = committed(&test.db, async |tx| {
            let (_, account_id) = account(tx, "Focal", "focal@example.test", "h").await;
            let (_, other_account) = account(tx, "Other", "other@example.test", "h").await;
            let mole = tx
                .insert_office(office("mole", None, OfficeKind::Ministry))
                .await
                .unwrap();
            let dife = tx
                .insert_office(office("dife", Some(mole), OfficeKind::Department))
                .await
                .unwrap();
            tx.grant_role(account_id, Role::Viewer, mole).await.unwrap();
            tx.grant_role(account_id, Role::FocalPoint, dife)
                .await
                .unwrap();
            tx.grant_role(other_account, Role::Reviewer, mole)
                .await
                .unwrap();
            (account_id, mole, dife, other_account)
        })
        .await;
        let grants: Vec<_> = test
            .db
            .grants_of(account_id)
            .await
            .unwrap()
            .into_iter()
            .map(|g| (g.account_id, g.role, g.office_id, g.office_path))
            .collect();
        assert_eq!(
            grants,
            [
                (account_id, Role::Viewer, mole, "/".to_owned()),
                (account_id, Role::FocalPoint, dife, format!("/{mole}/")),
            ],
            "{}",
            test.backend
        );
        assert_eq!(
            test.db.grants_of(other_account).await.unwrap().len(),
            1,
            "{}",
            test.backend
        );
        assert!(
            test.db
                .grants_of(account_id + 100)
                .await
                .unwrap()
                .is_empty(),
            "{}",
            test.backend
        );
    }
}

#[tokio::test]
async fn a_revoked_grant_is_gone_and_revoking_an_unknown_grant_is_not_found() {
    for test in each_backend().await {
        let (account_id, kept, revoked) = committed(&test.db, async |tx| {
            let (_, account_id) = account(tx, "Reviewer", "rev@example.test", "h").await;
            let mole = tx
                .insert_office(office("mole", None, OfficeKind::Ministry))
                .await
                .unwrap();
            let kept = tx.grant_role(account_id, Role::Viewer, mole).await.unwrap();
            let revoked = tx
                .grant_role(account_id, Role::Reviewer, mole)
                .await
                .unwrap();
            (account_id, kept, revoked)
        })
        .await;
        committed(&test.db, async |tx| tx.revoke_grant(revoked).await.unwrap()).await;
        let ids: Vec<_> = test
            .db
            .grants_of(account_id)
            .await
            .unwrap()
            .into_iter()
            .map(|g| g.id)
            .collect();
        assert_eq!(ids, [kept], "{}", test.backend);
        let history = test
            .db
            .audit_history("role_grant", &revoked.to_string())
            .await
            .unwrap();
        let actions: Vec<_> = history.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["create", "delete"], "{}", test.backend);
        assert_eq!(history[1].after, None, "{}", test.backend);
        let tx = test.db.begin(author()).await.unwrap();
        for unknown in [revoked, revoked + 100] {
            let error = tx.revoke_grant(unknown).await.unwrap_err();
            assert!(
                matches!(error, DbError::NotFound(_)),
                "{}: #{unknown}: {error:?}",
                test.backend
            );
        }
    }
}

#[tokio::test]
async fn a_reset_link_is_valid_before_it_expires_and_not_at_or_after() {
    for test in each_backend().await {
        let (_, account_id) = committed(&test.db, async |tx| {
            account(tx, "Forgetful", "forgot@example.test", "h").await
        })
        .await;
        let expires = at("2026-11-23T05:00:00.250000Z");
        test.db
            .create_password_reset("reset-a", account_id, author().at, expires)
            .await
            .unwrap();
        for (when, expected) in [
            ("2026-11-23T04:00:00Z", Some(account_id)),
            ("2026-11-23T05:00:00.249999Z", Some(account_id)),
            ("2026-11-23T05:00:00.250000Z", None),
            ("2026-11-23T05:00:00.250001Z", None),
            ("2026-11-24T04:00:00Z", None),
        ] {
            assert_eq!(
                test.db
                    .valid_password_reset("reset-a", at(when))
                    .await
                    .unwrap(),
                expected,
                "{}: at {when}",
                test.backend
            );
        }
        assert_eq!(
            test.db
                .valid_password_reset("no-such-link", author().at)
                .await
                .unwrap(),
            None,
            "{}",
            test.backend
        );
    }
}

#[tokio::test]
async fn a_reset_link_is_consumed_once() {
    for test in each_backend().await {
        let (_, account_id) = committed(&test.db, async |tx| {
            account(tx, "Forgetful", "forgot@example.test", "h").await
        })
        .await;
        test.db
            .create_password_reset(
                "reset-a",
                account_id,
                author().at,
                at("2026-11-23T05:00:00Z"),
            )
            .await
            .unwrap();
        let using = author_at("2026-11-23T04:10:00.000001Z");
        let tx = test.db.begin(using.clone()).await.unwrap();
        assert_eq!(
            tx.consume_password_reset("reset-a").await.unwrap(),
            Some(account_id),
            "{}",
            test.backend
        );
        assert_eq!(
            tx.consume_password_reset("reset-a").await.unwrap(),
            None,
            "{}: used within the same transaction",
            test.backend
        );
        tx.commit().await.unwrap();
        let tx = test.db.begin(using).await.unwrap();
        assert_eq!(
            tx.consume_password_reset("reset-a").await.unwrap(),
            None,
            "{}: used in an earlier transaction",
            test.backend
        );
        assert_eq!(
            tx.consume_password_reset("no-such-link").await.unwrap(),
            None,
            "{}",
            test.backend
        );
        drop(tx);
        assert_eq!(
            test.db
                .valid_password_reset("reset-a", author().at)
                .await
                .unwrap(),
            None,
            "{}: a used link is no longer valid",
            test.backend
        );
    }
}

#[tokio::test]
async fn only_the_newest_reset_link_works_and_using_it_ends_every_other() {
    for test in each_backend().await {
        let (_, account_id) = committed(&test.db, async |tx| {
            account(tx, "Forgetful", "forgot@example.test", "h").await
        })
        .await;
        let expires = at("2026-11-23T05:00:00Z");
        for token in ["reset-old", "reset-new"] {
            test.db
                .create_password_reset(token, account_id, author().at, expires)
                .await
                .unwrap();
        }
        let valid = async |token: &str| {
            test.db
                .valid_password_reset(token, author().at)
                .await
                .unwrap()
        };
        assert_eq!(
            valid("reset-old").await,
            None,
            "{}: superseded",
            test.backend
        );
        assert_eq!(
            valid("reset-new").await,
            Some(account_id),
            "{}",
            test.backend
        );
        // A link from before this rule (or raced in beside the newest) ends when another is used.
        test.db
            .create_password_reset("reset-newest", account_id, author().at, expires)
            .await
            .unwrap();
        let tx = test
            .db
            .begin(author_at("2026-11-23T04:10:00Z"))
            .await
            .unwrap();
        assert_eq!(
            tx.consume_password_reset("reset-newest").await.unwrap(),
            Some(account_id)
        );
        tx.commit().await.unwrap();
        for token in ["reset-old", "reset-new", "reset-newest"] {
            assert_eq!(valid(token).await, None, "{}: {token}", test.backend);
        }
    }
}

#[tokio::test]
async fn an_expired_reset_link_cannot_be_consumed() {
    for test in each_backend().await {
        let (_, account_id) = committed(&test.db, async |tx| {
            account(tx, "Late", "late@example.test", "h").await
        })
        .await;
        let expires = "2026-11-23T05:00:00.000001Z";
        test.db
            .create_password_reset("reset-a", account_id, author().at, at(expires))
            .await
            .unwrap();
        for when in [expires, "2026-11-23T06:00:00Z"] {
            let tx = test.db.begin(author_at(when)).await.unwrap();
            assert_eq!(
                tx.consume_password_reset("reset-a").await.unwrap(),
                None,
                "{}: at {when}",
                test.backend
            );
        }
        // Still unused: a request before expiry may use it.
        let tx = test
            .db
            .begin(author_at("2026-11-23T05:00:00Z"))
            .await
            .unwrap();
        assert_eq!(
            tx.consume_password_reset("reset-a").await.unwrap(),
            Some(account_id),
            "{}",
            test.backend
        );
    }
}
