//! The file store: uploaded evidence kept once under its SHA-256, in a local folder through
//! `object_store` (so that an S3-compatible store can take its place by configuration), and the checks an
//! upload passes before it is kept: its content must be a kind we accept and match its name.

use std::path::Path;
use std::sync::Arc;

use object_store::ObjectStore;
use object_store::local::LocalFileSystem;
use object_store::path::Path as StorePath;

use udbhabon_db::Tx;
use udbhabon_db::document::sha256_hex;
use udbhabon_domain::ValidationErrors;

use crate::Error;

/// The largest evidence file accepted, in bytes.
pub const MAX_EVIDENCE_BYTES: usize = 10 * 1024 * 1024;

/// The kinds of evidence accepted: (media type, the file-name endings that may carry it).
const ACCEPTED: &[(&str, &[&str])] = &[
    ("application/pdf", &["pdf"]),
    ("image/jpeg", &["jpg", "jpeg"]),
    ("image/png", &["png"]),
    ("image/webp", &["webp"]),
    (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        &["docx"],
    ),
    (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &["xlsx"],
    ),
    (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        &["pptx"],
    ),
];

/// Why an upload is refused, as a message key.
pub fn check_upload(name: &str, bytes: &[u8]) -> Result<&'static str, &'static str> {
    if bytes.is_empty() {
        return Err("error-evidence-empty");
    }
    if bytes.len() > MAX_EVIDENCE_BYTES {
        return Err("error-evidence-too-big");
    }
    let extension = name
        .rsplit_once('.')
        .map(|(_, extension)| extension.to_ascii_lowercase())
        .unwrap_or_default();
    let Some((media_type, endings)) = infer::get(bytes).and_then(|kind| {
        ACCEPTED
            .iter()
            .find(|(media_type, _)| *media_type == kind.mime_type())
            .copied()
    }) else {
        return Err("error-evidence-kind");
    };
    if endings.contains(&extension.as_str()) {
        Ok(media_type)
    } else {
        Err("error-evidence-mismatch")
    }
}

/// An upload that passed the checks, to be kept.
#[derive(Debug, Clone)]
pub(crate) struct CheckedUpload {
    name: String,
    media_type: &'static str,
    bytes: Vec<u8>,
}

/// An upload in the file store, to be recorded in a transaction.
#[derive(Debug, Clone)]
pub(crate) struct StoredUpload {
    sha256: String,
    media_type: &'static str,
    size: i64,
    name: String,
}

/// Checks each upload of a form (an empty file field is no upload); a refused one adds its message to
/// `errors` under `field`, naming the file.
pub(crate) fn check_uploads(
    files: Vec<(String, Vec<u8>)>,
    field: &str,
    errors: &mut ValidationErrors,
) -> Vec<CheckedUpload> {
    let mut checked = Vec::new();
    for (name, bytes) in files
        .into_iter()
        .filter(|(name, bytes)| !name.is_empty() || !bytes.is_empty())
    {
        match check_upload(&name, &bytes) {
            Ok(media_type) => checked.push(CheckedUpload {
                name,
                media_type,
                bytes,
            }),
            Err(key) => {
                errors.add(field, key).with("name", &name);
            }
        }
    }
    checked
}

impl FileStore {
    /// Keeps checked uploads under their hashes. This comes before the transaction that records them:
    /// one that fails later leaves at most a file nobody refers to, never a record without its file.
    pub(crate) async fn keep(
        &self,
        uploads: Vec<CheckedUpload>,
    ) -> Result<Vec<StoredUpload>, Error> {
        let mut stored = Vec::new();
        for upload in uploads {
            let sha256 = sha256_hex(&upload.bytes);
            let size = i64::try_from(upload.bytes.len()).unwrap_or(i64::MAX);
            self.put(&sha256, upload.bytes).await?;
            stored.push(StoredUpload {
                sha256,
                media_type: upload.media_type,
                size,
                name: upload.name,
            });
        }
        Ok(stored)
    }
}

/// Records kept uploads as evidence files (one record per content); returns their ids.
pub(crate) async fn record_uploads(tx: &Tx, stored: &[StoredUpload]) -> Result<Vec<i32>, Error> {
    let mut ids = Vec::new();
    for upload in stored {
        ids.push(
            tx.evidence_by_hash(&upload.sha256, upload.media_type, upload.size, &upload.name)
                .await?,
        );
    }
    Ok(ids)
}

/// Where evidence files are kept.
#[derive(Debug, Clone)]
pub(crate) struct FileStore {
    store: Arc<dyn ObjectStore>,
}

fn location(sha256: &str) -> StorePath {
    StorePath::from(format!("{}/{sha256}", &sha256[..2.min(sha256.len())]))
}

impl FileStore {
    /// A store in a local folder, created if missing.
    pub(crate) fn local(dir: &Path) -> Result<Self, Error> {
        std::fs::create_dir_all(dir).map_err(|error| {
            Error::Unavailable(format!(
                "the file store {} cannot be created ({error})",
                dir.display()
            ))
        })?;
        let store = LocalFileSystem::new_with_prefix(dir).map_err(|error| {
            Error::Unavailable(format!(
                "the file store {} cannot be opened ({error})",
                dir.display()
            ))
        })?;
        Ok(Self {
            store: Arc::new(store),
        })
    }

    /// Keeps the bytes under their hash (writing the same file twice keeps one copy).
    pub(crate) async fn put(&self, sha256: &str, bytes: Vec<u8>) -> Result<(), Error> {
        self.store
            .put(&location(sha256), bytes.into())
            .await
            .map(|_| ())
            .map_err(|error| Error::Internal(format!("storing evidence {sha256}: {error}")))
    }

    /// The names (SHA-256) of every file kept, in order.
    pub(crate) async fn hashes(&self) -> Result<Vec<String>, Error> {
        use futures::TryStreamExt;
        let mut hashes: Vec<String> = self
            .store
            .list(None)
            .map_ok(|meta| meta.location.filename().unwrap_or_default().to_owned())
            .try_collect()
            .await
            .map_err(|error| Error::Internal(format!("listing the file store: {error}")))?;
        hashes.sort();
        Ok(hashes)
    }

    pub(crate) async fn get(&self, sha256: &str) -> Result<Vec<u8>, Error> {
        let found = self
            .store
            .get(&location(sha256))
            .await
            .map_err(|error| Error::Internal(format!("reading evidence {sha256}: {error}")))?;
        Ok(found
            .bytes()
            .await
            .map_err(|error| Error::Internal(format!("reading evidence {sha256}: {error}")))?
            .to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: &[u8] = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n";
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";

    #[test]
    fn an_upload_is_judged_by_its_content_and_must_match_its_name() {
        assert_eq!(check_upload("minutes.pdf", PDF), Ok("application/pdf"));
        assert_eq!(check_upload("Register.PNG", PNG), Ok("image/png"));
        assert_eq!(
            check_upload("minutes.pdf", PNG),
            Err("error-evidence-mismatch")
        );
        assert_eq!(
            check_upload("notes.pdf", b"just some text"),
            Err("error-evidence-kind")
        );
        assert_eq!(check_upload("empty.pdf", b""), Err("error-evidence-empty"));
        let big = [PDF, &vec![b' '; MAX_EVIDENCE_BYTES]].concat();
        assert_eq!(check_upload("big.pdf", &big), Err("error-evidence-too-big"));
    }

    #[tokio::test]
    async fn a_file_is_kept_under_its_hash_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::local(&dir.path().join("files")).unwrap();
        store.put("abcdef", PDF.to_vec()).await.unwrap();
        assert_eq!(store.get("abcdef").await.unwrap(), PDF);
        assert!(dir.path().join("files/ab/abcdef").exists());
    }
}
