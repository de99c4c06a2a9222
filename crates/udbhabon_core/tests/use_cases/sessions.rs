//! Sessions end after two idle hours or twelve hours in all, measured on the application's clock.

use chrono::Duration;

use udbhabon_core::account::Client;

use crate::support::{SECRETARY, TestApp};

#[tokio::test]
async fn a_session_in_use_lives_on_but_two_idle_hours_end_it() {
    let test = TestApp::new().await;
    let (app, clock) = (&test.app, &test.clock);
    let token = test.session(SECRETARY).await;
    for _ in 0..5 {
        clock.advance(Duration::minutes(110));
        assert!(
            app.signed_in(&token, None).await.unwrap().is_some(),
            "used within two hours, it lives on"
        );
    }
    clock.advance(Duration::hours(2));
    assert!(
        app.signed_in(&token, None).await.unwrap().is_none(),
        "two idle hours end it"
    );
    assert!(
        app.signed_in(&token, None).await.unwrap().is_none(),
        "and it stays ended"
    );
}

#[tokio::test]
async fn no_session_outlives_twelve_hours_however_busy() {
    let test = TestApp::new().await;
    let (app, clock) = (&test.app, &test.clock);
    let token = test.session(SECRETARY).await;
    for _ in 0..11 {
        clock.advance(Duration::hours(1));
        assert!(app.signed_in(&token, None).await.unwrap().is_some());
    }
    clock.advance(Duration::minutes(59));
    assert!(
        app.signed_in(&token, None).await.unwrap().is_some(),
        "11 h 59 min after signing in"
    );
    clock.advance(Duration::minutes(1));
    assert!(
        app.signed_in(&token, None).await.unwrap().is_none(),
        "12 hours after signing in"
    );
}

#[tokio::test]
async fn a_locked_account_opens_again_after_fifteen_minutes() {
    let test = TestApp::new().await;
    let (app, clock) = (&test.app, &test.clock);
    for _ in 0..5 {
        let outcome = app
            .sign_in(SECRETARY, "a wrong password", Client::default())
            .await
            .unwrap();
        assert!(outcome.is_err());
    }
    let locked = app
        .sign_in(SECRETARY, crate::support::PASSWORD, Client::default())
        .await
        .unwrap();
    assert!(locked.is_err(), "locked even against the right password");
    clock.advance(Duration::minutes(15));
    let open = app
        .sign_in(SECRETARY, crate::support::PASSWORD, Client::default())
        .await
        .unwrap();
    assert!(open.is_ok(), "open again after fifteen minutes");
}
