//! Backing up and restoring an installation: one file holding a consistent snapshot of the database
//! and every evidence file, and putting it back into an empty installation with everything checked
//! (each part's hash, the database's integrity, the audit trail's chain, every evidence file present)
//! before success is reported.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use udbhabon_db::{ChainCheck, Db};

use crate::files::FileStore;
use crate::{App, Clock, Error, Settings};

/// The manifest's name inside a backup, its first member.
const MANIFEST: &str = "udbhabon-backup.toml";
/// The folder of evidence files inside a backup.
const FILES: &str = "files/";
/// The layout of backups this version writes and reads.
const FORMAT: u32 = 1;

/// What a backup holds, written first in it.
#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    format: u32,
    /// The udbhabon version that wrote it.
    version: String,
    created_at: chrono::DateTime<chrono::Utc>,
    /// `sqlite` or `postgres`: a backup is restored into the same kind of database.
    backend: String,
    /// The database snapshot's member name and SHA-256.
    database: String,
    database_sha256: String,
    /// How many evidence files it holds, and the audit trail's entries when it was taken.
    files: usize,
    audit_entries: u64,
}

/// What a backup wrote.
#[derive(Debug, Clone)]
pub struct BackupReport {
    pub path: PathBuf,
    pub bytes: u64,
    pub files: usize,
    pub audit_entries: u64,
}

/// What a restore put back, every check passed.
#[derive(Debug, Clone)]
pub struct RestoreReport {
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub files: usize,
    pub audit_entries: u64,
    /// Migrations applied after the restore, when the backup came from an older version.
    pub migrations: Vec<String>,
}

fn io_error(what: &str, error: impl std::fmt::Display) -> Error {
    Error::Internal(format!("{what}: {error}"))
}

impl App {
    /// A backup's file name for now in Dhaka: `udbhabon-backup-2026-12-06-201500.tar`.
    pub fn backup_file_name(&self) -> PathBuf {
        let now = self.now().with_timezone(&bangla::DHAKA_OFFSET);
        format!("udbhabon-backup-{}.tar", now.format("%Y-%m-%d-%H%M%S")).into()
    }

    /// Writes a backup to `out`, which must not exist yet, while the server goes on serving: the
    /// database snapshot first, then the evidence files (every file the snapshot refers to was stored
    /// before the transaction that refers to it, so none is missing).
    pub async fn backup(&self, out: &Path) -> Result<BackupReport, Error> {
        if out.exists() {
            return Err(Error::Conflict(format!(
                "{} exists already; name a new file",
                out.display()
            )));
        }
        let folder = out.parent().filter(|parent| !parent.as_os_str().is_empty());
        let work = tempfile::Builder::new()
            .prefix(".udbhabon-backup-")
            .tempdir_in(folder.unwrap_or(Path::new(".")))
            .map_err(|error| io_error("cannot make a working folder beside the backup", error))?;
        let (backend, member) = match self.db.backend() {
            udbhabon_db::Backend::Sqlite => ("sqlite", "database.sqlite"),
            udbhabon_db::Backend::Postgres => ("postgres", "database.pgdump"),
        };
        let snapshot = work.path().join(member);
        self.db.snapshot(&snapshot).await?;
        let audit_entries = match self.db.verify_audit_chain().await? {
            ChainCheck::Intact { entries } => entries,
            ChainCheck::Broken { entry_id, .. } => {
                return Err(Error::Internal(format!(
                    "the audit trail is broken at entry #{entry_id}; run `udbhabon audit verify` before backing up"
                )));
            }
        };
        let hashes = self.files.hashes().await?;
        let manifest = Manifest {
            format: FORMAT,
            version: env!("CARGO_PKG_VERSION").to_owned(),
            created_at: self.now(),
            backend: backend.to_owned(),
            database: member.to_owned(),
            database_sha256: file_sha256(&snapshot)?,
            files: hashes.len(),
            audit_entries,
        };
        let partial = work.path().join("backup.tar");
        let file =
            File::create(&partial).map_err(|error| io_error("cannot write the backup", error))?;
        let mut archive = tar::Builder::new(std::io::BufWriter::new(file));
        let manifest_text =
            toml::to_string(&manifest).map_err(|error| Error::Internal(error.to_string()))?;
        append(
            &mut archive,
            MANIFEST,
            manifest_text.as_bytes(),
            manifest.created_at,
        )?;
        archive
            .append_path_with_name(&snapshot, member)
            .map_err(|error| io_error("cannot write the backup", error))?;
        for hash in &hashes {
            let bytes = self.files.get(hash).await?;
            append(
                &mut archive,
                &format!("{FILES}{hash}"),
                &bytes,
                manifest.created_at,
            )?;
        }
        let mut writer = archive
            .into_inner()
            .map_err(|error| io_error("cannot write the backup", error))?;
        writer
            .flush()
            .map_err(|error| io_error("cannot write the backup", error))?;
        writer
            .get_ref()
            .sync_all()
            .map_err(|error| io_error("cannot write the backup", error))?;
        // Only a whole backup ever carries the name asked for.
        std::fs::rename(&partial, out)
            .map_err(|error| io_error("cannot name the backup", error))?;
        let bytes = std::fs::metadata(out)
            .map_err(|error| io_error("cannot read the backup back", error))?
            .len();
        Ok(BackupReport {
            path: out.to_owned(),
            bytes,
            files: hashes.len(),
            audit_entries,
        })
    }
}

fn append(
    archive: &mut tar::Builder<impl Write>,
    name: &str,
    bytes: &[u8],
    at: chrono::DateTime<chrono::Utc>,
) -> Result<(), Error> {
    let mut header = tar::Header::new_gnu();
    header.set_size(bytes.len() as u64);
    header.set_mode(0o600);
    header.set_mtime(u64::try_from(at.timestamp()).unwrap_or_default());
    header.set_cksum();
    archive
        .append_data(&mut header, name, bytes)
        .map_err(|error| io_error("cannot write the backup", error))
}

fn file_sha256(path: &Path) -> Result<String, Error> {
    let mut file = File::open(path).map_err(|error| io_error("cannot read the snapshot", error))?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher)
        .map_err(|error| io_error("cannot read the snapshot", error))?;
    Ok(hex::encode(hasher.finalize()))
}

/// Restores the backup at `archive` into the installation `settings` describe, whose database must be
/// empty. Every part is checked on the way in; the report comes only when the database reads whole,
/// the audit trail's chain holds and every evidence file it records is in the file store.
pub async fn restore(
    settings: &Settings,
    clock: Arc<dyn Clock>,
    archive: &Path,
) -> Result<RestoreReport, Error> {
    let file = File::open(archive)
        .map_err(|error| io_error(&format!("cannot open {}", archive.display()), error))?;
    let mut entries = tar::Archive::new(std::io::BufReader::new(file));
    let mut entries = entries
        .entries()
        .map_err(|error| io_error("the backup cannot be read", error))?;
    let not_a_backup = || {
        Error::DataFile(format!(
            "{} is not a udbhabon backup (its first part is not {MANIFEST})",
            archive.display()
        ))
    };
    let mut first = entries
        .next()
        .ok_or_else(not_a_backup)?
        .map_err(|error| io_error("the backup cannot be read", error))?;
    if first.path().ok().as_deref() != Some(Path::new(MANIFEST)) {
        return Err(not_a_backup());
    }
    let mut text = String::new();
    first
        .read_to_string(&mut text)
        .map_err(|error| io_error("the backup cannot be read", error))?;
    let manifest: Manifest = toml::from_str(&text).map_err(|_| not_a_backup())?;
    if manifest.format != FORMAT {
        return Err(Error::DataFile(format!(
            "the backup is in format {} and this version reads format {FORMAT}",
            manifest.format
        )));
    }
    let wanted = if settings.database_url.starts_with("postgres") {
        "postgres"
    } else {
        "sqlite"
    };
    if manifest.backend != wanted {
        return Err(Error::DataFile(format!(
            "the backup holds a {} database and the installation uses {wanted}; restore it into the same kind",
            manifest.backend
        )));
    }
    // The working folder sits beside the file store, not in it, where it would be listed as evidence.
    let beside = settings
        .files_dir
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(beside)
        .map_err(|error| io_error("cannot make the data directory", error))?;
    let work = tempfile::Builder::new()
        .prefix(".udbhabon-restore-")
        .tempdir_in(beside)
        .map_err(|error| io_error("cannot make a working folder", error))?;
    let snapshot = work.path().join(&manifest.database);
    let store = FileStore::local(&settings.files_dir)?;
    let mut files = 0;
    for entry in entries {
        let mut entry = entry.map_err(|error| io_error("the backup cannot be read", error))?;
        let name = entry
            .path()
            .map_err(|error| io_error("the backup cannot be read", error))?
            .to_string_lossy()
            .into_owned();
        if name == manifest.database {
            let mut out = File::create(&snapshot)
                .map_err(|error| io_error("cannot unpack the database", error))?;
            std::io::copy(&mut entry, &mut out)
                .map_err(|error| io_error("cannot unpack the database", error))?;
        } else if let Some(hash) = name.strip_prefix(FILES) {
            let mut bytes = Vec::new();
            entry
                .read_to_end(&mut bytes)
                .map_err(|error| io_error("the backup cannot be read", error))?;
            if udbhabon_db::document::sha256_hex(&bytes) != hash {
                return Err(Error::DataFile(format!(
                    "the evidence file {hash} in the backup is damaged: its content does not match its name"
                )));
            }
            store.put(hash, bytes).await?;
            files += 1;
        } else {
            return Err(Error::DataFile(format!(
                "the backup holds {name}, which a udbhabon backup does not"
            )));
        }
    }
    if !snapshot.exists() || file_sha256(&snapshot)? != manifest.database_sha256 {
        return Err(Error::DataFile(
            "the database in the backup is missing or damaged: its hash does not match the manifest"
                .into(),
        ));
    }
    if files != manifest.files {
        return Err(Error::DataFile(format!(
            "the backup should hold {} evidence files and holds {files}",
            manifest.files
        )));
    }
    Db::restore_snapshot(&settings.database_url, &snapshot).await?;
    let app = App::open(settings, clock).await?;
    app.db.check_integrity().await?;
    let migrations = app.migrate().await?;
    let audit_entries = match app.db.verify_audit_chain().await? {
        ChainCheck::Intact { entries } => entries,
        ChainCheck::Broken { entry_id, .. } => {
            return Err(Error::DataFile(format!(
                "the restored audit trail is broken at entry #{entry_id}"
            )));
        }
    };
    if audit_entries < manifest.audit_entries {
        return Err(Error::DataFile(format!(
            "the restored audit trail has {audit_entries} entries and the backup recorded {}",
            manifest.audit_entries
        )));
    }
    let stored = app.files.hashes().await?;
    if let Some(missing) = app
        .db
        .evidence_hashes()
        .await?
        .into_iter()
        .find(|hash| stored.binary_search(hash).is_err())
    {
        return Err(Error::DataFile(format!(
            "the evidence file {missing} is recorded in the database but not in the backup"
        )));
    }
    app.close().await?;
    Ok(RestoreReport {
        created_at: manifest.created_at,
        files,
        audit_entries,
        migrations,
    })
}
