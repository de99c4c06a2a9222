//! The application handle: storage, clock and document fonts, opened once and shared by every request.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use udbhabon_db::Db;
use udbhabon_docs::Fonts;
use udbhabon_domain::reminder::ReminderSchedule;

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

    /// Applies pending migrations; returns the names it applied.
    pub async fn migrate(&self) -> Result<Vec<String>, Error> {
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
