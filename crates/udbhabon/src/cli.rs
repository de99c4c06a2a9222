//! The command line: global settings, and the commands `serve`, `migrate`, `setup`, `offices`, `demo`,
//! `user`, `audit`, `template`, `backup` and `restore`.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// udbhabon (উদ্ভাবন): the Innovation Team's action plan, meetings, collections and reports.
///
/// Settings come from, in rising order of priority: built-in defaults, a TOML configuration file
/// (udbhabon.toml in the working directory, or --config), environment variables UDBHABON_*, and
/// these options.
#[derive(Debug, Parser)]
#[command(name = "udbhabon", version, about, long_about)]
pub(crate) struct Cli {
    /// A TOML configuration file (default: udbhabon.toml in the working directory, if present).
    #[arg(long, global = true, env = "UDBHABON_CONFIG", value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,

    /// The folder for the SQLite database and uploaded files; created if missing [default: data/local].
    #[arg(long, global = true, env = "UDBHABON_DATA_DIR", value_name = "DIR")]
    pub(crate) data_dir: Option<PathBuf>,

    /// Use PostgreSQL instead of the SQLite file: postgres://user@host:5432/database.
    #[arg(long, global = true, env = "UDBHABON_DATABASE_URL", value_name = "URL")]
    pub(crate) database_url: Option<String>,

    /// The folder of TTF/OTF fonts for PDFs; it must hold a Bengali font [default: /usr/share/fonts/truetype/noto].
    #[arg(long, global = true, env = "UDBHABON_FONTS_DIR", value_name = "DIR")]
    pub(crate) fonts_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Start the web server (migrates the database first; loads the demo data into an empty one).
    Serve {
        /// Address and port to listen on [default: 127.0.0.1:8080].
        #[arg(long, env = "UDBHABON_LISTEN", value_name = "ADDR")]
        listen: Option<SocketAddr>,
        /// Start with an empty database instead of loading the demo data on first start.
        #[arg(long, env = "UDBHABON_NO_DEMO")]
        no_demo: bool,
    },
    /// Bring the database schema up to date, then exit.
    Migrate,
    /// Set up a new installation: the office it serves (the top of its office tree) and its first
    /// system administrator, together. Refused once an administrator exists. Without
    /// --password-stdin a strong password is generated and printed once.
    Setup(SetupArgs),
    /// Manage the office tree.
    #[command(subcommand)]
    Offices(OfficesCommand),
    /// Open the collections' new periods and send the reminders due now (decision and collection
    /// deadlines), each once, then exit.
    Remind,
    /// Manage accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Check the audit trail.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Manage the templates of annual plans.
    #[command(subcommand)]
    Template(TemplateCommand),
    /// Write the whole installation (a consistent snapshot of the database and every evidence file)
    /// to one file, while the server goes on serving.
    Backup {
        /// The file to write [default: udbhabon-backup-YYYY-MM-DD-HHMMSS.tar in the current folder].
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Put a backup into an empty installation (a new data directory, or an empty PostgreSQL
    /// database); it checks every part, the database's integrity and the audit trail before it
    /// reports success.
    Restore {
        /// The backup file.
        file: PathBuf,
    },
    /// Load the demo data (the Ministry of Labour and Employment's Innovation Team); safe to repeat.
    Demo {
        /// Load this demo-data file instead of the built-in one.
        #[arg(long, value_name = "FILE", conflicts_with = "national")]
        file: Option<PathBuf>,
        /// Also generate a synthetic national tree for benchmarks: about 23,400 offices, each with a
        /// 30-indicator plan and four quarters of progress (a few minutes; about 1 GB on disk).
        #[arg(long)]
        national: bool,
        /// The seed of the national generation: the same seed gives the same data.
        #[arg(long, default_value_t = 2026, requires = "national")]
        seed: u64,
        /// Ministries and divisions at the top of the national tree.
        #[arg(long, default_value_t = 52, requires = "national", value_parser = clap::value_parser!(u16).range(1..))]
        ministries: u16,
        /// Agencies below them; five in eight get divisional and district offices, one in forty
        /// upazila offices as well.
        #[arg(long, default_value_t = 400, requires = "national", value_parser = clap::value_parser!(u16).range(1..))]
        agencies: u16,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum UserCommand {
    /// Create a person with an account. Without --password-stdin a strong password is generated and
    /// printed once.
    Create {
        /// The sign-in email.
        #[arg(long)]
        email: String,
        /// The person's name in Bengali.
        #[arg(long, value_name = "NAME")]
        name_bn: String,
        /// The person's name in English.
        #[arg(long, value_name = "NAME")]
        name_en: String,
        #[arg(long)]
        phone: Option<String>,
        /// Make the account the installation's system administrator.
        #[arg(long)]
        admin: bool,
        /// A role on an office, as ROLE:OFFICE_KEY (e.g. member_secretary:mole); repeat for more.
        #[arg(long = "role", value_name = "ROLE:OFFICE")]
        roles: Vec<String>,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Debug, clap::Args)]
pub(crate) struct SetupArgs {
    /// The office's key, used in its addresses: lowercase letters, digits and hyphens (e.g. mole).
    #[arg(long, value_name = "KEY")]
    pub(crate) office_key: String,
    /// What kind of office it is: ministry, division, department, board, tribunal, foundation, fund,
    /// divisional_office, district_office or upazila_office.
    #[arg(long, value_name = "KIND", default_value = "ministry")]
    pub(crate) office_kind: String,
    /// The office's name in Bengali.
    #[arg(long, value_name = "NAME")]
    pub(crate) office_name_bn: String,
    /// The office's name in English.
    #[arg(long, value_name = "NAME")]
    pub(crate) office_name_en: String,
    /// A short English name (e.g. MoLE).
    #[arg(long, value_name = "NAME")]
    pub(crate) office_short_name: Option<String>,
    /// The ministry or division code that begins its file numbers (e.g. 40).
    #[arg(long, value_name = "CODE")]
    pub(crate) memo_code: Option<String>,
    /// The office's website (e.g. www.mole.gov.bd).
    #[arg(long, value_name = "ADDRESS")]
    pub(crate) website: Option<String>,
    /// The administrator's sign-in email.
    #[arg(long, value_name = "EMAIL")]
    pub(crate) admin_email: String,
    /// The administrator's name in Bengali.
    #[arg(long, value_name = "NAME")]
    pub(crate) admin_name_bn: String,
    /// The administrator's name in English.
    #[arg(long, value_name = "NAME")]
    pub(crate) admin_name_en: String,
    #[arg(long, value_name = "PHONE")]
    pub(crate) admin_phone: Option<String>,
    /// Read the administrator's password from the first line of standard input.
    #[arg(long)]
    pub(crate) password_stdin: bool,
}

#[derive(Debug, Subcommand)]
pub(crate) enum OfficesCommand {
    /// Import offices (columns key, parent, kind, name_bn, name_en, …) or units (with a level
    /// column) from a CSV or XLSX file, as the administrator's page does: all rows or none, each
    /// problem named by its line.
    Import {
        /// The CSV (UTF-8) or XLSX file.
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum TemplateCommand {
    /// Load a year's plan template from its data file (see data/templates/); a file with any problem
    /// loads nothing and each problem is named.
    Load {
        /// The template's TOML file.
        file: PathBuf,
    },
    /// Write a loaded template as the data file of another year, every date moved on, to be edited and
    /// loaded as that year's template.
    Copy {
        /// The key of the loaded template (e.g. egov-2022-23).
        key: String,
        /// The key of the new year's template (e.g. egov-2023-24).
        #[arg(long = "to", value_name = "KEY")]
        new_key: String,
        /// The new template's fiscal year, e.g. 2023-24.
        #[arg(long, value_name = "YEAR")]
        fiscal_year: String,
        /// Write the file here instead of to standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum AuditCommand {
    /// Recompute the hash chain of the audit trail; names the first broken entry and exits non-zero if any.
    Verify,
}
