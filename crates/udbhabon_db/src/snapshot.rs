//! Copies of the whole database: a consistent snapshot taken while the server runs (SQLite's
//! `VACUUM INTO`, PostgreSQL's `pg_dump`), its integrity checked, and put into an empty database.

use std::path::Path;
use std::process::Command;

use sea_orm::{ConnectionTrait, Statement};

use crate::connection::sqlite_file;
use crate::{Backend, Db, DbError};

impl Db {
    /// Writes a consistent copy of the whole database to `path` (which must not exist) while others
    /// go on reading and writing: SQLite's `VACUUM INTO`, or `pg_dump` in its custom format. A copy of
    /// the SQLite file itself taken while the server writes may be torn; this one never is.
    pub async fn snapshot(&self, path: &Path) -> Result<(), DbError> {
        match self.backend() {
            Backend::Sqlite => {
                let target = path.to_str().ok_or_else(|| {
                    DbError::Other(format!("{} is not a UTF-8 path", path.display()))
                })?;
                self.connection()
                    .execute_raw(Statement::from_sql_and_values(
                        self.connection().get_database_backend(),
                        "VACUUM INTO ?",
                        [target.into()],
                    ))
                    .await?;
                Ok(())
            }
            Backend::Postgres => run_client(
                "pg_dump",
                Command::new("pg_dump")
                    .args(["--format=custom", "--no-owner", "--no-privileges", "--file"])
                    .arg(path)
                    .arg(format!("--dbname={}", self.url())),
            ),
        }
    }

    /// Whether the database holds no table at all: the only kind a snapshot is restored into.
    pub async fn is_blank(&self) -> Result<bool, DbError> {
        let sql = match self.backend() {
            Backend::Sqlite => "SELECT count(*) AS tables FROM sqlite_master WHERE type = 'table'",
            Backend::Postgres => {
                "SELECT count(*) AS tables FROM information_schema.tables WHERE table_schema = 'public'"
            }
        };
        let row = self
            .connection()
            .query_one_raw(Statement::from_string(
                self.connection().get_database_backend(),
                sql,
            ))
            .await?
            .ok_or_else(|| DbError::Other("counting tables returned no row".into()))?;
        Ok(row.try_get::<i64>("", "tables")? == 0)
    }

    /// Checks the stored pages and indexes: SQLite's `PRAGMA integrity_check`. PostgreSQL checks each
    /// page as it reads it and `pg_restore` stops at the first error, so there it reads the tables.
    pub async fn check_integrity(&self) -> Result<(), DbError> {
        match self.backend() {
            Backend::Sqlite => {
                let rows = self
                    .connection()
                    .query_all_raw(Statement::from_string(
                        self.connection().get_database_backend(),
                        "PRAGMA integrity_check",
                    ))
                    .await?;
                let findings: Vec<String> = rows
                    .iter()
                    .filter_map(|row| row.try_get_by_index::<String>(0).ok())
                    .filter(|finding| finding != "ok")
                    .collect();
                if findings.is_empty() {
                    Ok(())
                } else {
                    Err(DbError::Other(format!(
                        "the database is damaged: {}",
                        findings.join("; ")
                    )))
                }
            }
            Backend::Postgres => self
                .connection()
                .execute_unprepared("ANALYZE")
                .await
                .map(|_| ())
                .map_err(DbError::from),
        }
    }

    /// Puts a snapshot into the database at `url`, which must be blank: an SQLite snapshot becomes the
    /// database file (refused when one is there), a PostgreSQL one goes in with `pg_restore`.
    pub async fn restore_snapshot(url: &str, snapshot: &Path) -> Result<(), DbError> {
        if url.starts_with("sqlite:") {
            let file = sqlite_file(url).ok_or_else(|| {
                DbError::Other("an in-memory database cannot be restored into".into())
            })?;
            let file = Path::new(file);
            if file.exists() {
                let existing = Db::connect(url).await?;
                let blank = existing.is_blank().await?;
                existing.close().await?;
                if !blank {
                    return Err(DbError::Conflict(format!(
                        "{} already holds a database; restore into an empty data directory",
                        file.display()
                    )));
                }
                for suffix in ["", "-wal", "-shm"] {
                    let part = format!("{}{suffix}", file.display());
                    if Path::new(&part).exists() {
                        std::fs::remove_file(&part).map_err(|error| {
                            DbError::Other(format!("cannot replace {part}: {error}"))
                        })?;
                    }
                }
            }
            std::fs::copy(snapshot, file).map_err(|error| {
                DbError::Other(format!("cannot write {}: {error}", file.display()))
            })?;
            return Ok(());
        }
        let target = Db::connect(url).await?;
        let blank = target.is_blank().await?;
        target.close().await?;
        if !blank {
            return Err(DbError::Conflict(
                "the PostgreSQL database already holds tables; restore into an empty database"
                    .into(),
            ));
        }
        run_client(
            "pg_restore",
            Command::new("pg_restore")
                .args(["--no-owner", "--no-privileges", "--exit-on-error"])
                .arg(format!("--dbname={url}"))
                .arg(snapshot),
        )
    }
}

/// Runs one of PostgreSQL's client programs, or says why it could not.
fn run_client(program: &str, command: &mut Command) -> Result<(), DbError> {
    let output = command.output().map_err(|error| {
        DbError::Other(format!(
            "{program} could not be run ({error}); install PostgreSQL's client programs \
             (apt-get install postgresql-client) of the server's version or newer"
        ))
    })?;
    if output.status.success() {
        Ok(())
    } else {
        Err(DbError::Other(format!(
            "{program} failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        )))
    }
}
