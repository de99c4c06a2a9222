//! Opening the database from its URL, migrating it, and transactions.

use std::time::Duration;

use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DatabaseTransaction, DbBackend,
    SqliteTransactionMode, TransactionOptions, TransactionTrait,
};
use sea_orm_migration::MigratorTrait;

use crate::DbError;
use crate::audit::Author;
use crate::migration::Migrator;

/// Which database engine serves the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    fn of(backend: DbBackend) -> Self {
        match backend {
            DbBackend::Postgres => Self::Postgres,
            _ => Self::Sqlite,
        }
    }
}

/// A pool of connections to the database.
#[derive(Debug, Clone)]
pub struct Db {
    connection: DatabaseConnection,
    /// The URL it was opened with, for the start lock.
    url: String,
}

/// Held while a process brings the schema up to date and loads first data, so that processes starting
/// together on one database take turns and the later ones find the work done. It ends with the
/// process, whatever way that ends: a PostgreSQL advisory lock lives on its own connection, an SQLite
/// file's lock on an open file beside it.
#[derive(Debug)]
pub struct StartLock {
    held: Held,
}

#[derive(Debug)]
enum Held {
    Postgres(DatabaseConnection),
    Sqlite(std::fs::File),
    /// An in-memory database: no other process can see it.
    Nothing,
}

/// The advisory lock's key, the same for every udbhabon process: "udbh" in ASCII.
const START_LOCK_KEY: i64 = 0x7564_6268;

/// A transaction: everything written through it lands together on `commit`, or not at all, and
/// every change is entered in the audit trail under its author.
#[derive(Debug)]
pub struct Tx {
    pub(crate) transaction: DatabaseTransaction,
    pub(crate) author: Author,
    /// The audit entries this transaction has made and not yet written, with the chain's head.
    pub(crate) audit: std::sync::Mutex<crate::audit::Pending>,
}

impl Db {
    /// Opens the database at `url` (`sqlite://path?mode=rwc` or `postgres://…`).
    pub async fn connect(url: &str) -> Result<Self, DbError> {
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            return Err(DbError::Connect(format!(
                "the database URL must start with sqlite:// or postgres://, not \"{}\"",
                url.split(':').next().unwrap_or_default()
            )));
        };
        let mut options = ConnectOptions::new(url.to_owned());
        options
            .connect_timeout(Duration::from_secs(5))
            .acquire_timeout(Duration::from_secs(10))
            .sqlx_logging(false);
        if backend == Backend::Sqlite {
            // One writer at a time is SQLite's rule; WAL lets readers go on while it writes, and the
            // busy timeout makes a second writer wait instead of failing at once.
            options.map_sqlx_sqlite_opts(|sqlite| {
                sqlite
                    .journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                    .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(10))
                    .create_if_missing(true)
            });
            options.max_connections(8);
        } else {
            options.max_connections(16);
        }
        let connection = Database::connect(options)
            .await
            .map_err(|error| DbError::Connect(error.to_string()))?;
        Ok(Self {
            connection,
            url: url.to_owned(),
        })
    }

    /// Waits for the start lock of the database at this one's URL and takes it.
    pub async fn lock_for_start(&self) -> Result<StartLock, DbError> {
        StartLock::acquire(&self.url).await
    }

    pub fn backend(&self) -> Backend {
        Backend::of(self.connection.get_database_backend())
    }

    /// The URL the database was opened with.
    pub(crate) fn url(&self) -> &str {
        &self.url
    }

    /// Brings the schema up to date and the planner's statistics with it; safe to run at every start.
    pub async fn migrate(&self) -> Result<(), DbError> {
        Migrator::up(&self.connection, None).await?;
        self.refresh_statistics().await
    }

    /// Lets the query planner see the tables' sizes again. Without statistics SQLite starts the
    /// roll-ups from the largest table; with them it starts from the office subtree. The sampling
    /// limit keeps it to milliseconds on a national database.
    pub async fn refresh_statistics(&self) -> Result<(), DbError> {
        let statements: &[&str] = match self.backend() {
            Backend::Sqlite => &["PRAGMA analysis_limit = 1000", "ANALYZE"],
            Backend::Postgres => &["ANALYZE"],
        };
        for statement in statements {
            sea_orm::ConnectionTrait::execute_unprepared(&self.connection, statement).await?;
        }
        Ok(())
    }

    /// The names of migrations not yet applied.
    pub async fn pending_migrations(&self) -> Result<Vec<String>, DbError> {
        let pending = Migrator::get_pending_migrations(&self.connection).await?;
        Ok(pending
            .iter()
            .map(|migration| migration.name().to_owned())
            .collect())
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> Result<(), DbError> {
        self.connection.ping().await?;
        Ok(())
    }

    /// Starts a write transaction for `author`. On SQLite it takes the write lock at once (IMMEDIATE),
    /// so two writers queue instead of failing when the first to read must upgrade.
    pub async fn begin(&self, author: Author) -> Result<Tx, DbError> {
        let options = TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..TransactionOptions::default()
        };
        Ok(Tx {
            transaction: self.connection.begin_with_options(options).await?,
            author,
            audit: std::sync::Mutex::default(),
        })
    }

    pub async fn close(self) -> Result<(), DbError> {
        self.connection.close().await?;
        Ok(())
    }

    pub(crate) fn connection(&self) -> &DatabaseConnection {
        &self.connection
    }
}

impl StartLock {
    /// Waits for the start lock of the database at `url` and takes it. Taken before the database is
    /// opened, so that a second process does not even connect while the first creates and migrates
    /// it (SQLite cannot turn a file another connection is creating into WAL mode).
    pub async fn acquire(url: &str) -> Result<Self, DbError> {
        let held = if url.starts_with("sqlite:") {
            match sqlite_file(url) {
                Some(path) => {
                    let lock_path = format!("{path}.start-lock");
                    let file = std::fs::File::options()
                        .create(true)
                        .truncate(false)
                        .write(true)
                        .open(&lock_path)
                        .map_err(|error| {
                            DbError::Connect(format!("cannot open {lock_path}: {error}"))
                        })?;
                    // Only at start, before the server serves: blocking here holds up nothing else.
                    file.lock().map_err(|error| {
                        DbError::Connect(format!("cannot lock {lock_path}: {error}"))
                    })?;
                    Held::Sqlite(file)
                }
                None => Held::Nothing,
            }
        } else {
            let mut options = ConnectOptions::new(url.to_owned());
            options
                .max_connections(1)
                .connect_timeout(Duration::from_secs(5))
                .sqlx_logging(false);
            let connection = Database::connect(options)
                .await
                .map_err(|error| DbError::Connect(error.to_string()))?;
            sea_orm::ConnectionTrait::execute_unprepared(
                &connection,
                &format!("SELECT pg_advisory_lock({START_LOCK_KEY})"),
            )
            .await?;
            Held::Postgres(connection)
        };
        Ok(Self { held })
    }

    /// Lets the next process start.
    pub async fn release(self) -> Result<(), DbError> {
        match self.held {
            Held::Postgres(connection) => {
                sea_orm::ConnectionTrait::execute_unprepared(
                    &connection,
                    &format!("SELECT pg_advisory_unlock({START_LOCK_KEY})"),
                )
                .await?;
                connection.close().await?;
            }
            Held::Sqlite(file) => file.unlock().map_err(|error| {
                DbError::Other(format!("cannot release the start lock: {error}"))
            })?,
            Held::Nothing => {}
        }
        Ok(())
    }
}

/// The file of an SQLite URL (`sqlite://path?mode=rwc`), or `None` for an in-memory database.
pub(crate) fn sqlite_file(url: &str) -> Option<&str> {
    let path = url
        .trim_start_matches("sqlite:")
        .trim_start_matches("//")
        .split('?')
        .next()
        .unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then_some(path)
}

impl Tx {
    pub fn backend(&self) -> Backend {
        Backend::of(sea_orm::ConnectionTrait::get_database_backend(
            &self.transaction,
        ))
    }

    /// Writes the audit entries still held and the chain's new head, then commits.
    pub async fn commit(self) -> Result<(), DbError> {
        self.flush_audit(true).await?;
        self.transaction.commit().await?;
        Ok(())
    }
}
