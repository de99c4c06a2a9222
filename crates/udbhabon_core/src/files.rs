//! The file store: uploaded evidence kept once under its SHA-256, in a local folder through
//! `object_store` (so that an S3-compatible store can take its place by configuration), and the checks an
//! upload passes before it is kept: its content must be a kind we accept and match its name. A video
//! arrives in pieces and is written as it comes; a kept file is read back whole or a range of it.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use bytes::Bytes;
use futures::stream::{BoxStream, StreamExt, TryStreamExt};
use object_store::local::LocalFileSystem;
use object_store::path::Path as StorePath;
use object_store::{GetOptions, GetRange, ObjectStore, WriteMultipart};
use sha2::{Digest, Sha256};
use udbhabon_db::plan::progress::EvidenceRow;

use udbhabon_db::Tx;
use udbhabon_db::document::sha256_hex;
use udbhabon_domain::ValidationErrors;

use crate::Error;
use crate::secret::random_token;

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
const MP4: &str = "video/mp4";
const WEBM: &str = "video/webm";
/// The media type of a subtitle track (WebVTT, the one format browsers read).
pub const VTT: &str = "text/vtt";
/// The largest subtitle track accepted, in bytes.
pub const MAX_SUBTITLES_BYTES: usize = 512 * 1024;

/// The file-name endings that may carry each media type taken.
const ENDINGS: &[(&str, &[&str])] = &[
    (PDF, &["pdf"]),
    (JPEG, &["jpg", "jpeg"]),
    (PNG, &["png"]),
    (WEBP, &["webp"]),
    (DOCX, &["docx"]),
    (XLSX, &["xlsx"]),
    (PPTX, &["pptx"]),
    (MP4, &["mp4", "m4v"]),
    (WEBM, &["webm"]),
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

/// A tutorial's video: MP4 or WebM, which every browser plays. Its largest size is the installation's
/// setting (`Settings::video_bytes_most`), not this one's.
pub const VIDEO: Accepted = Accepted {
    media_types: &[MP4, WEBM],
    max_bytes: usize::MAX,
    too_big: "error-video-too-big",
    wrong_kind: "error-video-kind",
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
        self.judge(name, bytes)
    }

    /// The media type its first bytes show, if this kind takes it and its name ends as that type's do.
    fn judge(&self, name: &str, bytes: &[u8]) -> Result<&'static str, &'static str> {
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
    pub(crate) sha256: String,
    pub(crate) media_type: &'static str,
    pub(crate) size: i64,
    pub(crate) name: String,
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

/// Checks a subtitle track: a WebVTT file (`.vtt`, UTF-8, its first line `WEBVTT`) of at most
/// [`MAX_SUBTITLES_BYTES`]; the refusal is a message key.
pub(crate) fn check_subtitles(name: &str, bytes: &[u8]) -> Result<(), &'static str> {
    if bytes.is_empty() {
        return Err("error-evidence-empty");
    }
    if bytes.len() > MAX_SUBTITLES_BYTES {
        return Err("error-subtitles-too-big");
    }
    let text = std::str::from_utf8(bytes).map_err(|_| "error-subtitles-kind")?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The signature is followed by nothing, a space, a tab or a line break (WebVTT, 4.1).
    let signed = text
        .strip_prefix("WEBVTT")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '\n', '\r']));
    if !signed {
        return Err("error-subtitles-kind");
    }
    if name.to_ascii_lowercase().ends_with(".vtt") {
        Ok(())
    } else {
        Err("error-evidence-mismatch")
    }
}

/// How many first bytes of a video are read before its kind is judged (more than any signature needs).
const HEAD_BYTES: usize = 4096;

/// A file arriving in pieces (a tutorial's video), written to the store as it comes and hashed on the
/// way: its kind is judged from its first bytes and its size against its limit, and a file refused for
/// either is read to its end and dropped, so that the browser still receives the answer.
pub struct Receiving {
    store: FileStore,
    accepted: Accepted,
    most: u64,
    name: String,
    /// Where it is written until its hash names it; opened with the first piece.
    staging: Option<(StorePath, WriteMultipart)>,
    hasher: Sha256,
    size: u64,
    head: Vec<u8>,
    media_type: Option<&'static str>,
    refused: Option<&'static str>,
}

impl std::fmt::Debug for Receiving {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Receiving")
            .field("name", &self.name)
            .field("size", &self.size)
            .field("refused", &self.refused)
            .finish_non_exhaustive()
    }
}

impl Receiving {
    pub(crate) fn new(store: &FileStore, accepted: Accepted, most: u64) -> Self {
        Self {
            store: store.clone(),
            accepted,
            most,
            name: String::new(),
            staging: None,
            hasher: Sha256::new(),
            size: 0,
            head: Vec::new(),
            media_type: None,
            refused: None,
        }
    }

    /// Names the file being received, as the browser sent its name.
    pub fn named(&mut self, name: &str) {
        name.clone_into(&mut self.name);
    }

    /// Takes the next piece. Only the store's failure is an error; a refusal is kept for [`finish`].
    ///
    /// [`finish`]: Receiving::finish
    pub async fn write(&mut self, piece: &[u8]) -> Result<(), Error> {
        if self.refused.is_some() || piece.is_empty() {
            return Ok(());
        }
        self.size += piece.len() as u64;
        if self.size > self.most {
            return self.refuse(self.accepted.too_big).await;
        }
        if self.media_type.is_none() {
            let wanted = HEAD_BYTES.saturating_sub(self.head.len()).min(piece.len());
            self.head.extend_from_slice(&piece[..wanted]);
            if self.head.len() >= HEAD_BYTES {
                match self.accepted.judge(&self.name, &self.head) {
                    Ok(media_type) => self.media_type = Some(media_type),
                    Err(key) => return self.refuse(key).await,
                }
            }
        }
        self.hasher.update(piece);
        let (_, writer) = match &mut self.staging {
            Some(staging) => staging,
            None => {
                let path = StorePath::from(format!("{INCOMING}/{}", random_token()?));
                let upload = self
                    .store
                    .store
                    .put_multipart(&path)
                    .await
                    .map_err(|error| {
                        Error::Internal(format!("receiving {}: {error}", self.name))
                    })?;
                self.staging.insert((path, WriteMultipart::new(upload)))
            }
        };
        writer
            .wait_for_capacity(2)
            .await
            .map_err(|error| Error::Internal(format!("receiving {}: {error}", self.name)))?;
        writer.write(piece);
        Ok(())
    }

    async fn refuse(&mut self, key: &'static str) -> Result<(), Error> {
        self.refused = Some(key);
        self.head = Vec::new();
        self.discard().await
    }

    /// Drops what was written of it.
    pub(crate) async fn discard(&mut self) -> Result<(), Error> {
        if let Some((_, writer)) = self.staging.take() {
            writer
                .abort()
                .await
                .map_err(|error| Error::Internal(format!("dropping {}: {error}", self.name)))?;
        }
        Ok(())
    }

    /// The file kept under its hash, nothing when none was sent, or the refusal added to `errors`
    /// under `field`, naming the file.
    pub(crate) async fn finish(
        mut self,
        field: &str,
        errors: &mut ValidationErrors,
    ) -> Result<Option<StoredUpload>, Error> {
        if self.refused.is_none() && self.media_type.is_none() && !self.head.is_empty() {
            // Shorter than the head: judged whole.
            match self.accepted.judge(&self.name, &self.head) {
                Ok(media_type) => self.media_type = Some(media_type),
                Err(key) => self.refuse(key).await?,
            }
        }
        if let Some(key) = self.refused {
            let refusal = errors.add(field, key).with("name", &self.name);
            if key == self.accepted.too_big {
                refusal.with("most", self.most.div_ceil(1024 * 1024));
            }
            return Ok(None);
        }
        let (Some((staging, writer)), Some(media_type)) = (self.staging.take(), self.media_type)
        else {
            // A file field left empty sends no name; a named file without bytes is refused.
            if !self.name.is_empty() {
                errors
                    .add(field, "error-evidence-empty")
                    .with("name", &self.name);
            }
            return Ok(None);
        };
        writer
            .finish()
            .await
            .map_err(|error| Error::Internal(format!("receiving {}: {error}", self.name)))?;
        let sha256 = hex::encode(self.hasher.finalize());
        self.store
            .store
            .rename(&staging, &location(&sha256))
            .await
            .map_err(|error| Error::Internal(format!("keeping {}: {error}", self.name)))?;
        Ok(Some(StoredUpload {
            sha256,
            media_type,
            size: i64::try_from(self.size).unwrap_or(i64::MAX),
            name: self.name,
        }))
    }
}

/// A kept file its reader may read, whole or a range of it.
#[derive(Debug)]
pub struct KeptFile {
    pub file: EvidenceRow,
    store: FileStore,
}

impl KeptFile {
    pub(crate) fn new(store: &FileStore, file: EvidenceRow) -> Self {
        Self {
            file,
            store: store.clone(),
        }
    }

    /// Its bytes, or those of `range` (which must lie within it), as they are read.
    pub async fn read(
        &self,
        range: Option<Range<u64>>,
    ) -> Result<BoxStream<'static, Result<Bytes, Error>>, Error> {
        let sha256 = self.file.sha256.clone();
        let options = GetOptions {
            range: range.map(GetRange::Bounded),
            ..GetOptions::default()
        };
        let found = self
            .store
            .store
            .get_opts(&location(&sha256), options)
            .await
            .map_err(|error| Error::Internal(format!("reading {sha256}: {error}")))?;
        Ok(found
            .into_stream()
            .map_err(move |error| Error::Internal(format!("reading {sha256}: {error}")))
            .boxed())
    }
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

/// The folder of files still arriving, beside the two-letter folders of kept ones.
const INCOMING: &str = "incoming";

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
        let mut hashes: Vec<String> = self
            .store
            .list(None)
            .try_filter(|meta| {
                let arriving = meta.location.prefix_matches(&StorePath::from(INCOMING));
                std::future::ready(!arriving)
            })
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

    #[test]
    fn subtitles_are_webvtt_named_as_such() {
        assert_eq!(
            check_subtitles("a.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nx"),
            Ok(())
        );
        assert_eq!(
            check_subtitles("a.VTT", "\u{feff}WEBVTT - বাংলা".as_bytes()),
            Ok(())
        );
        assert_eq!(
            check_subtitles("a.vtt", b"WEBVTTX"),
            Err("error-subtitles-kind")
        );
        assert_eq!(
            check_subtitles("a.vtt", b"WEBVTT\xff"),
            Err("error-subtitles-kind")
        );
        assert_eq!(
            check_subtitles("a.srt", b"WEBVTT"),
            Err("error-evidence-mismatch")
        );
    }

    /// A video received a thousand bytes at a time, then finished.
    async fn received(
        store: &FileStore,
        name: &str,
        bytes: &[u8],
        most: u64,
    ) -> (Option<StoredUpload>, ValidationErrors) {
        let mut receiving = Receiving::new(store, VIDEO, most);
        receiving.named(name);
        for piece in bytes.chunks(1000) {
            receiving.write(piece).await.unwrap();
        }
        let mut errors = ValidationErrors::new();
        let stored = receiving.finish("video", &mut errors).await.unwrap();
        (stored, errors)
    }

    #[tokio::test]
    async fn a_video_arriving_in_pieces_is_kept_under_its_hash_or_refused_whole() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::local(dir.path()).unwrap();
        let video = [&b"\0\0\0\x18ftypisom\0\0\0\0"[..], &[7; 9000]].concat();
        let (stored, errors) = received(&store, "a.mp4", &video, 10_000).await;
        let stored = stored.unwrap();
        assert!(errors.is_empty());
        assert_eq!((stored.media_type, stored.size), (MP4, 9016));
        assert_eq!(stored.sha256, sha256_hex(&video));
        assert_eq!(store.get(&stored.sha256).await.unwrap(), video);
        for (name, bytes, most, key) in [
            ("b.mp4", &video[..], 9000, "error-video-too-big"),
            (
                "c.mp4",
                &b"not a video at all"[..],
                10_000,
                "error-video-kind",
            ),
            ("d.webm", &video[..], 10_000, "error-evidence-mismatch"),
        ] {
            let (stored, errors) = received(&store, name, bytes, most).await;
            assert!(stored.is_none());
            assert_eq!(errors.errors[0].message_key, key);
        }
        // Only the one kept is in the store: nothing half received stays behind.
        assert_eq!(store.hashes().await.unwrap(), [stored.sha256]);
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
