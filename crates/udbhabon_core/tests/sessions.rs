//! Sessions end after two idle hours or twelve hours in all, measured on the application's clock.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};
use udbhabon_core::account::{Client, SessionToken};
use udbhabon_core::demo::load_demo;
use udbhabon_core::{App, Clock, MailSettings, Settings};

/// A clock the test moves forward.
#[derive(Debug)]
struct MovableClock(Mutex<DateTime<Utc>>);

impl MovableClock {
    fn advance(&self, by: Duration) {
        *self.0.lock().unwrap() += by;
    }
}

impl Clock for MovableClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }
}

async fn app(clock: Arc<MovableClock>) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let settings = Settings {
        database_url: format!(
            "sqlite://{}?mode=rwc",
            dir.path().join("test.sqlite").display()
        ),
        fonts_dir: dir.path().join("no-fonts"),
        mail: MailSettings::Folder {
            dir: dir.path().join("mail"),
            from: "Udbhabon <no-reply@udbhabon.test>".into(),
        },
        public_url: "http://127.0.0.1:8080".into(),
        files_dir: dir.path().join("files"),
        reminders: Default::default(),
    };
    let app = App::open(&settings, clock).await.unwrap();
    app.migrate().await.unwrap();
    load_demo(&app).await.unwrap();
    (app, dir)
}

async fn sign_in(app: &App) -> String {
    let SessionToken(token) = app
        .sign_in(
            "member-secretary@demo.udbhabon.test",
            "udbhabon-demo-2026",
            Client::default(),
        )
        .await
        .unwrap()
        .expect("the demo password is right");
    token
}

#[tokio::test]
async fn a_session_in_use_lives_on_but_two_idle_hours_end_it() {
    let clock = Arc::new(MovableClock(Mutex::new(
        "2026-11-23T04:00:00Z".parse().unwrap(),
    )));
    let (app, _dir) = app(clock.clone()).await;
    let token = sign_in(&app).await;
    for _ in 0..5 {
        clock.advance(Duration::minutes(110));
        assert!(
            app.signed_in(&token).await.unwrap().is_some(),
            "used within two hours, it lives on"
        );
    }
    clock.advance(Duration::hours(2));
    assert!(
        app.signed_in(&token).await.unwrap().is_none(),
        "two idle hours end it"
    );
    assert!(
        app.signed_in(&token).await.unwrap().is_none(),
        "and it stays ended"
    );
}

#[tokio::test]
async fn no_session_outlives_twelve_hours_however_busy() {
    let clock = Arc::new(MovableClock(Mutex::new(
        "2026-11-23T04:00:00Z".parse().unwrap(),
    )));
    let (app, _dir) = app(clock.clone()).await;
    let token = sign_in(&app).await;
    for _ in 0..11 {
        clock.advance(Duration::hours(1));
        assert!(app.signed_in(&token).await.unwrap().is_some());
    }
    clock.advance(Duration::minutes(59));
    assert!(
        app.signed_in(&token).await.unwrap().is_some(),
        "11 h 59 min after signing in"
    );
    clock.advance(Duration::minutes(1));
    assert!(
        app.signed_in(&token).await.unwrap().is_none(),
        "12 hours after signing in"
    );
}

#[tokio::test]
async fn a_locked_account_opens_again_after_fifteen_minutes() {
    let clock = Arc::new(MovableClock(Mutex::new(
        "2026-11-23T04:00:00Z".parse().unwrap(),
    )));
    let (app, _dir) = app(clock.clone()).await;
    for _ in 0..5 {
        let outcome = app
            .sign_in(
                "member-secretary@demo.udbhabon.test",
                "a wrong password",
                Client::default(),
            )
            .await
            .unwrap();
        assert!(outcome.is_err());
    }
    let locked = app
        .sign_in(
            "member-secretary@demo.udbhabon.test",
            "udbhabon-demo-2026",
            Client::default(),
        )
        .await
        .unwrap();
    assert!(locked.is_err(), "locked even against the right password");
    clock.advance(Duration::minutes(15));
    let open = app
        .sign_in(
            "member-secretary@demo.udbhabon.test",
            "udbhabon-demo-2026",
            Client::default(),
        )
        .await
        .unwrap();
    assert!(open.is_ok(), "open again after fifteen minutes");
}
