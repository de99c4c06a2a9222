//! Configuration: defaults, then a TOML file, then UDBHABON_* environment variables, then options.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

use udbhabon_core::MailSettings;
use udbhabon_domain::reminder::ReminderSchedule;

use crate::cli::{Cli, Command};

/// Every setting, resolved.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Config {
    pub(crate) listen: SocketAddr,
    pub(crate) data_dir: PathBuf,
    /// Empty means the SQLite file in the data directory.
    pub(crate) database_url: String,
    pub(crate) fonts_dir: PathBuf,
    /// The address readers use, e.g. https://innovation.mole.gov.bd; empty means http://<listen>.
    /// An https address makes cookies Secure.
    pub(crate) public_url: String,
    /// "text" for people, "json" for log collectors.
    pub(crate) log_format: String,
    /// The SMTP server for mail (smtp://host:25, smtps://user:password@host:465); empty writes mail
    /// into `mail_dir` instead.
    pub(crate) smtp_url: String,
    /// The sender of mail.
    pub(crate) mail_from: String,
    /// The folder that receives mail when no SMTP server is set; empty means <data_dir>/mail.
    pub(crate) mail_dir: PathBuf,
    pub(crate) no_demo: bool,
    /// How often the server runs its reminder job, in minutes; 0 leaves it to `udbhabon remind`
    /// (from cron, say).
    pub(crate) reminders_every_minutes: u64,
    /// The days before a deadline on which reminders go out.
    pub(crate) reminder_days_before: Vec<u32>,
    /// The days after a collection's deadline when those still missing are escalated to the office
    /// above.
    pub(crate) escalate_after_days: u32,
    /// The bearer token Prometheus sends to read `/metrics`; empty keeps `/metrics` closed.
    pub(crate) metrics_token: String,
    /// The hours of training a year every officer owes (60 under the Public Administration Training
    /// Policy, 2003, until the government sets another figure).
    pub(crate) training_hours_owed: u32,
    /// The largest video a tutorial may upload, in megabytes.
    pub(crate) video_upload_megabytes: u64,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir: PathBuf::from("data/local"),
            database_url: String::new(),
            fonts_dir: PathBuf::from("/usr/share/fonts/truetype/noto"),
            public_url: String::new(),
            log_format: "text".to_owned(),
            smtp_url: String::new(),
            mail_from: "Udbhabon <no-reply@localhost>".to_owned(),
            mail_dir: PathBuf::new(),
            no_demo: false,
            reminders_every_minutes: 60,
            reminder_days_before: vec![3, 1],
            escalate_after_days: 3,
            metrics_token: String::new(),
            training_hours_owed: udbhabon_domain::training::HOURS_OWED_BY_POLICY,
            video_upload_megabytes: 500,
        }
    }
}

/// The settings given on the command line (clap has already read their environment variables).
#[derive(Debug, Default, Serialize)]
struct Overrides {
    #[serde(skip_serializing_if = "Option::is_none")]
    listen: Option<SocketAddr>,
    #[serde(skip_serializing_if = "Option::is_none")]
    data_dir: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    database_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fonts_dir: Option<PathBuf>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    no_demo: bool,
}

impl Config {
    /// Resolves the settings, or says in one sentence what is wrong with them.
    pub(crate) fn load(cli: &Cli) -> Result<Self, String> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        match &cli.config {
            Some(path) if !path.exists() => {
                return Err(format!(
                    "the configuration file {} does not exist; give an existing file with --config or leave it out",
                    path.display()
                ));
            }
            Some(path) => figment = figment.merge(Toml::file_exact(path)),
            None if Path::new("udbhabon.toml").exists() => {
                figment = figment.merge(Toml::file_exact("udbhabon.toml"))
            }
            None => {}
        }
        let (listen, no_demo) = match &cli.command {
            Command::Serve { listen, no_demo } => (*listen, *no_demo),
            _ => (None, false),
        };
        let overrides = Overrides {
            listen,
            data_dir: cli.data_dir.clone(),
            database_url: cli.database_url.clone(),
            fonts_dir: cli.fonts_dir.clone(),
            no_demo,
        };
        figment
            .merge(Env::prefixed("UDBHABON_").only(&["log_format", "public_url", "smtp_url", "mail_from", "mail_dir", "reminders_every_minutes", "escalate_after_days", "metrics_token", "video_upload_megabytes"]))
            .merge(Serialized::defaults(overrides))
            .extract()
            .map_err(|error| {
                let source = cli.config.as_deref().map_or_else(|| "udbhabon.toml".to_owned(), |path| path.display().to_string());
                format!("the configuration is not valid ({error}); fix {source} or the UDBHABON_* variables")
            })
    }

    /// The database URL: the configured PostgreSQL one, or the SQLite file in the data directory.
    pub(crate) fn database_url(&self) -> String {
        if self.database_url.trim().is_empty() {
            format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("udbhabon.sqlite").display()
            )
        } else {
            self.database_url.trim().to_owned()
        }
    }

    /// The address readers use.
    pub(crate) fn public_url(&self) -> String {
        if self.public_url.trim().is_empty() {
            format!("http://{}", self.listen)
        } else {
            self.public_url.trim().trim_end_matches('/').to_owned()
        }
    }

    /// Where mail goes: the SMTP server, or the mail folder.
    /// When reminders of deadlines go out.
    pub(crate) fn reminders(&self) -> ReminderSchedule {
        ReminderSchedule {
            days_before: self.reminder_days_before.clone(),
            escalate_after: self.escalate_after_days,
        }
    }

    pub(crate) fn mail(&self) -> MailSettings {
        if self.smtp_url.trim().is_empty() {
            let dir = if self.mail_dir.as_os_str().is_empty() {
                self.data_dir.join("mail")
            } else {
                self.mail_dir.clone()
            };
            MailSettings::Folder {
                dir,
                from: self.mail_from.clone(),
            }
        } else {
            MailSettings::Smtp {
                url: self.smtp_url.trim().to_owned(),
                from: self.mail_from.clone(),
            }
        }
    }

    /// The URL with any password hidden, for messages.
    pub(crate) fn database_url_for_display(&self) -> String {
        let url = self.database_url();
        match (url.find("://"), url.find('@')) {
            (Some(scheme_end), Some(at)) if at > scheme_end => {
                let credentials = &url[scheme_end + 3..at];
                match credentials.split_once(':') {
                    Some((user, _)) => {
                        format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..])
                    }
                    None => url,
                }
            }
            _ => url,
        }
    }

    /// Creates the data directory if needed and checks that it can be written.
    pub(crate) fn prepare_data_dir(&self) -> Result<(), String> {
        let explain = |error: std::io::Error| {
            format!(
                "the data directory {} cannot be written ({error}); choose another with --data-dir or UDBHABON_DATA_DIR, or fix its permissions",
                self.data_dir.display()
            )
        };
        std::fs::create_dir_all(&self.data_dir).map_err(explain)?;
        // One probe a process: two servers starting together must not remove each other's.
        let probe = self
            .data_dir
            .join(format!(".write-test-{}", std::process::id()));
        std::fs::write(&probe, b"ok").map_err(explain)?;
        std::fs::remove_file(&probe).map_err(explain)
    }
}
