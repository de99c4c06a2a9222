//! The application handle: storage, clock and document fonts, opened once and shared by every request.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use udbhabon_db::{Db, StartLock};
use udbhabon_docs::Fonts;
use udbhabon_domain::reminder::ReminderSchedule;

use crate::account::Readers;
use crate::files::FileStore;
use crate::mail::{MailSettings, Mailer};
use crate::{Clock, Error};

/// What the application needs to start, decided by the binary from its configuration.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `sqlite://…` or `postgres://…`.
    pub database_url: String,
    /// The folder of TTF/OTF fonts for PDFs.
    pub fonts_dir: PathBuf,
    /// Where mail goes.
    pub mail: MailSettings,
    /// The address readers use, for links in mail ("https://innovation.mole.gov.bd").
    pub public_url: String,
    /// The folder uploaded evidence is kept in.
    pub files_dir: PathBuf,
    /// When reminders of deadlines go out.
    pub reminders: ReminderSchedule,
    /// The hours of training a year every officer owes.
    pub training_hours_owed: u32,
    /// The largest video a tutorial may upload, in bytes.
    pub video_bytes_most: u64,
}

/// What every page depends on besides its address and language: the records (which move the audit
/// trail's head whenever one changes) and today's date (pages say what is due, held or in force today).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edition {
    audit_head: String,
    today: NaiveDate,
}

/// What [`App::start`] did.
#[derive(Debug)]
pub struct Started {
    /// The migrations it applied.
    pub migrations: Vec<String>,
    /// Whether it loaded the demo data, when the database was new and the data was asked for.
    pub demo: Option<crate::demo::DemoOutcome>,
}

/// Storage, clock and fonts; cheap to clone.
#[derive(Debug, Clone)]
pub struct App {
    pub(crate) db: Db,
    clock: Arc<dyn Clock>,
    fonts: Result<Fonts, String>,
    pub(crate) mailer: Mailer,
    pub(crate) public_url: String,
    pub(crate) files: FileStore,
    pub(crate) reminders: ReminderSchedule,
    pub(crate) training_hours_owed: u32,
    pub(crate) video_bytes_most: u64,
    pub(crate) readers: Readers,
}

impl App {
    /// Connects to the database (without migrating it: see `migrate`). Missing Bengali fonts do not
    /// stop the start: pages work, and PDF requests explain what to install.
    pub async fn open(settings: &Settings, clock: Arc<dyn Clock>) -> Result<Self, Error> {
        let db = Db::connect(&settings.database_url)
            .await
            .map_err(|error| Error::Unavailable(error.to_string()))?;
        let fonts = Fonts::load(&settings.fonts_dir).map_err(|error| error.to_string());
        let mailer = Mailer::new(&settings.mail)?;
        let files = FileStore::local(&settings.files_dir)?;
        Ok(Self {
            files,
            db,
            clock,
            fonts,
            mailer,
            public_url: settings.public_url.trim_end_matches('/').to_owned(),
            reminders: settings.reminders.clone(),
            training_hours_owed: settings.training_hours_owed,
            video_bytes_most: settings.video_bytes_most,
            readers: Readers::default(),
        })
    }

    /// The current instant, from the application's clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Today in Dhaka.
    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    /// The edition of what pages show: a page read at one edition reads the same while it lasts.
    pub async fn edition(&self) -> Result<Edition, Error> {
        Ok(Edition {
            audit_head: self.db.audit_head().await?,
            today: self.today(),
        })
    }

    /// The address readers use, without a trailing slash, for links that leave the site (mail, feeds).
    pub fn public_url(&self) -> &str {
        &self.public_url
    }

    /// Why PDFs cannot be made, when they cannot.
    pub fn fonts_problem(&self) -> Option<&str> {
        self.fonts.as_ref().err().map(String::as_str)
    }

    pub(crate) fn fonts(&self) -> Result<&Fonts, Error> {
        self.fonts
            .as_ref()
            .map_err(|problem| Error::NoFonts(problem.clone()))
    }

    /// Checks that the database answers.
    pub async fn health(&self) -> Result<(), Error> {
        self.db
            .ping()
            .await
            .map_err(|error| Error::Unavailable(error.to_string()))
    }

    /// Applies pending migrations under the start lock; returns the names it applied.
    pub async fn migrate(&self) -> Result<Vec<String>, Error> {
        let lock = self.db.lock_for_start().await?;
        let applied = self.migrate_holding_lock().await;
        lock.release().await?;
        applied
    }

    /// What a server does before it serves: opens the database, applies pending migrations and, when
    /// `demo` is asked for and the database has no records yet, loads the demo data. It holds the
    /// start lock from before it connects until it is done, so that of two processes starting together
    /// on an empty database one creates, migrates and loads while the other waits, then finds all done.
    pub async fn start(
        settings: &Settings,
        clock: Arc<dyn Clock>,
        demo: bool,
    ) -> Result<(Self, Started), Error> {
        let lock = StartLock::acquire(&settings.database_url)
            .await
            .map_err(|error| Error::Unavailable(error.to_string()))?;
        let started = async {
            let app = Self::open(settings, clock).await?;
            let migrations = app.migrate_holding_lock().await?;
            let demo = if demo && app.is_empty().await? {
                Some(crate::demo::load_demo(&app).await?)
            } else {
                None
            };
            Ok((app, Started { migrations, demo }))
        }
        .await;
        lock.release().await?;
        started
    }

    async fn migrate_holding_lock(&self) -> Result<Vec<String>, Error> {
        let pending = self.db.pending_migrations().await?;
        self.db.migrate().await?;
        Ok(pending)
    }

    /// Whether the installation has no records yet (a new database).
    pub async fn is_empty(&self) -> Result<bool, Error> {
        Ok(self.db.office_count().await? == 0)
    }

    pub async fn close(self) -> Result<(), Error> {
        Ok(self.db.close().await?)
    }
}
