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
/// The largest file a citizen may attach to a message, in bytes.
pub const MAX_ATTACHMENT_BYTES: usize = 5 * 1024 * 1024;

const PDF: &str = "application/pdf";
const JPEG: &str = "image/jpeg";
const PNG: &str = "image/png";
const WEBP: &str = "image/webp";
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PPTX: &str = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

/// The file-name endings that may carry each media type taken.
const ENDINGS: &[(&str, &[&str])] = &[
    (PDF, &["pdf"]),
    (JPEG, &["jpg", "jpeg"]),
    (PNG, &["png"]),
    (WEBP, &["webp"]),
    (DOCX, &["docx"]),
    (XLSX, &["xlsx"]),
    (PPTX, &["pptx"]),
];

/// What one kind of upload may be: its media types, its largest size, and the message keys of the
/// refusals that differ between kinds.
#[derive(Debug, Clone, Copy)]
pub struct Accepted {
    media_types: &'static [&'static str],
    max_bytes: usize,
    too_big: &'static str,
    wrong_kind: &'static str,
}

/// Evidence of the team's work: a PDF, a picture or an office file.
pub const EVIDENCE: Accepted = Accepted {
    media_types: &[PDF, JPEG, PNG, WEBP, DOCX, XLSX, PPTX],
    max_bytes: MAX_EVIDENCE_BYTES,
    too_big: "error-evidence-too-big",
    wrong_kind: "error-evidence-kind",
};

/// What a citizen may attach to a message: a photo or a PDF, which the office opens without risk of
/// macros, and smaller than evidence.
pub const ATTACHMENT: Accepted = Accepted {
    media_types: &[PDF, JPEG, PNG, WEBP],
    max_bytes: MAX_ATTACHMENT_BYTES,
    too_big: "error-attachment-too-big",
    wrong_kind: "error-attachment-kind",
};

impl Accepted {
    /// The media type of an upload this kind takes, or why it is refused, as a message key: judged by
    /// its content, which must match the ending of its name.
    pub fn check(&self, name: &str, bytes: &[u8]) -> Result<&'static str, &'static str> {
        if bytes.is_empty() {
            return Err("error-evidence-empty");
        }
        if bytes.len() > self.max_bytes {
            return Err(self.too_big);
        }
        let extension = name
            .rsplit_once('.')
            .map(|(_, extension)| extension.to_ascii_lowercase())
            .unwrap_or_default();
        let Some(&(media_type, endings)) = infer::get(bytes).and_then(|kind| {
            ENDINGS.iter().find(|(media_type, _)| {
                *media_type == kind.mime_type() && self.media_types.contains(media_type)
            })
        }) else {
            return Err(self.wrong_kind);
        };
        if endings.contains(&extension.as_str()) {
            Ok(media_type)
        } else {
            Err("error-evidence-mismatch")
        }
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

/// Checks each upload of a form against what it accepts (an empty file field is no upload); a refused
/// one adds its message to `errors` under `field`, naming the file.
pub(crate) fn check_uploads(
    accepted: Accepted,
    files: Vec<(String, Vec<u8>)>,
    field: &str,
    errors: &mut ValidationErrors,
) -> Vec<CheckedUpload> {
    let mut checked = Vec::new();
    for (name, bytes) in files
        .into_iter()
        .filter(|(name, bytes)| !name.is_empty() || !bytes.is_empty())
    {
        match accepted.check(&name, &bytes) {
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

    const PDF_FILE: &[u8] = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n";
    const PNG_FILE: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";

    #[test]
    fn an_upload_is_judged_by_its_content_and_must_match_its_name() {
        assert_eq!(EVIDENCE.check("minutes.pdf", PDF_FILE), Ok(PDF));
        assert_eq!(EVIDENCE.check("Register.PNG", PNG_FILE), Ok(PNG));
        assert_eq!(
            EVIDENCE.check("minutes.pdf", PNG_FILE),
            Err("error-evidence-mismatch")
        );
        assert_eq!(
            EVIDENCE.check("notes.pdf", b"just some text"),
            Err("error-evidence-kind")
        );
        assert_eq!(
            EVIDENCE.check("empty.pdf", b""),
            Err("error-evidence-empty")
        );
        let big = [PDF_FILE, &vec![b' '; MAX_EVIDENCE_BYTES]].concat();
        assert_eq!(
            EVIDENCE.check("big.pdf", &big),
            Err("error-evidence-too-big")
        );
    }

    #[test]
    fn a_citizen_attaches_only_a_photo_or_a_pdf_of_up_to_five_megabytes() {
        assert_eq!(ATTACHMENT.check("photo.png", PNG_FILE), Ok(PNG));
        // An office file is evidence, but not something a stranger may send.
        let docx = b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0word/document.xml";
        assert_eq!(
            ATTACHMENT.check("idea.docx", docx),
            Err("error-attachment-kind")
        );
        let big = [PDF_FILE, &vec![b' '; MAX_ATTACHMENT_BYTES]].concat();
        assert_eq!(
            ATTACHMENT.check("scan.pdf", &big),
            Err("error-attachment-too-big")
        );
        assert_eq!(EVIDENCE.check("scan.pdf", &big), Ok(PDF));
    }

    #[tokio::test]
    async fn a_file_is_kept_under_its_hash_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::local(&dir.path().join("files")).unwrap();
        store.put("abcdef", PDF_FILE.to_vec()).await.unwrap();
        assert_eq!(store.get("abcdef").await.unwrap(), PDF_FILE);
        assert!(dir.path().join("files/ab/abcdef").exists());
    }
}
