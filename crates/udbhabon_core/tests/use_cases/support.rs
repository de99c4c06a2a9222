//! One application per test: the demo data on a temporary SQLite file, a clock the test moves, mail
//! into a folder, and the demo's people signed in.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};
use udbhabon_core::account::{Client, SessionToken, SignedIn};
use udbhabon_core::demo::load_demo;
use udbhabon_core::{App, Clock, MailSettings, Settings};

pub(crate) const PASSWORD: &str = "udbhabon-demo-2026";
pub(crate) const SECRETARY: &str = "member-secretary@demo.udbhabon.test";
pub(crate) const FOCAL: &str = "focal-dife@demo.udbhabon.test";
pub(crate) const DIFE_SECRETARY: &str = "ms-dife@demo.udbhabon.test";

/// A clock the test moves forward.
#[derive(Debug)]
pub(crate) struct MovableClock(Mutex<DateTime<Utc>>);

impl MovableClock {
    pub(crate) fn advance(&self, by: Duration) {
        *self.0.lock().unwrap() += by;
    }
}

impl Clock for MovableClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }
}

/// An application with the demo data, at 10:00 in Dhaka on 23 November 2026.
pub(crate) struct TestApp {
    pub(crate) app: App,
    pub(crate) clock: Arc<MovableClock>,
    pub(crate) dir: tempfile::TempDir,
}

/// The settings of an installation in `dir`.
pub(crate) fn settings_in(dir: PathBuf) -> Settings {
    Settings {
        database_url: format!("sqlite://{}?mode=rwc", dir.join("test.sqlite").display()),
        fonts_dir: dir.join("no-fonts"),
        mail: MailSettings::Folder {
            dir: dir.join("mail"),
            from: "Udbhabon <no-reply@udbhabon.test>".into(),
        },
        public_url: "http://127.0.0.1:8080".into(),
        files_dir: dir.join("files"),
        reminders: Default::default(),
        training_hours_owed: udbhabon_domain::training::HOURS_OWED_BY_POLICY,
        video_bytes_most: 1024 * 1024,
    }
}

impl TestApp {
    pub(crate) async fn new() -> Self {
        let test = Self::empty().await;
        load_demo(&test.app).await.unwrap();
        test
    }

    /// A new installation: the schema and nothing else.
    pub(crate) async fn empty() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(MovableClock(Mutex::new(
            "2026-11-23T04:00:00Z".parse().unwrap(),
        )));
        let settings = settings_in(dir.path().to_owned());
        let app = App::open(&settings, clock.clone()).await.unwrap();
        app.migrate().await.unwrap();
        Self { app, clock, dir }
    }

    /// The session token of a demo account.
    pub(crate) async fn session(&self, email: &str) -> String {
        let SessionToken(token) = self
            .app
            .sign_in(email, PASSWORD, Client::default())
            .await
            .unwrap()
            .expect("the demo password is right");
        token
    }

    /// A demo account, signed in.
    pub(crate) async fn signed_in(&self, email: &str) -> SignedIn {
        let token = self.session(email).await;
        self.app.signed_in(&token, None).await.unwrap().unwrap()
    }
}

/// The message keys of a refusal; anything else fails the test.
pub(crate) fn refusal_keys<T: std::fmt::Debug>(
    result: Result<T, udbhabon_core::Error>,
) -> Vec<&'static str> {
    match result {
        Err(udbhabon_core::Error::Invalid(errors)) => errors
            .errors
            .iter()
            .map(|error| error.message_key)
            .collect(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}
