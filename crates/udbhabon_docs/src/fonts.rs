//! The font set documents are typeset with: indexed once from a folder given by the caller, each face
//! read from its file the first time a document uses it.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;

use crate::error::DocsError;
use crate::render::Language;

/// A code point every Bengali font has (BENGALI LETTER KA).
const BENGALI_KA: u32 = 0x0995;
/// A code point every Latin font has.
const LATIN_A: u32 = 0x0061;

/// Bengali families in order of preference: an office that drops Nikosh in gets Nikosh.
const BENGALI_PREFERRED: [&str; 4] = [
    "Nikosh",
    "Noto Serif Bengali",
    "SolaimanLipi",
    "Noto Sans Bengali",
];
/// Latin families in order of preference.
const LATIN_PREFERRED: [&str; 5] = [
    "Noto Serif",
    "Liberation Serif",
    "DejaVu Serif",
    "Noto Sans",
    "DejaVu Sans",
];

/// Every font found in a folder, indexed for typst. Cloning is cheap (one `Arc`).
#[derive(Clone)]
pub struct Fonts {
    inner: Arc<FontsInner>,
}

struct FontsInner {
    book: LazyHash<FontBook>,
    /// One slot per face of the book, in its order.
    slots: Vec<Slot>,
    bengali_families: Vec<String>,
    latin_families: Vec<String>,
}

impl fmt::Debug for Fonts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fonts")
            .field("faces", &self.inner.slots.len())
            .field("bengali_families", &self.inner.bengali_families)
            .finish()
    }
}

impl Fonts {
    /// Indexes every `.ttf`, `.otf`, `.ttc` and `.otc` file under `dir` (recursively). Only the
    /// faces' descriptions stay in memory: a system's font folder holds tens of megabytes, of which a
    /// document uses one Bengali and one Latin family.
    ///
    /// Fails when the folder cannot be read or when no font covers Bengali script; the message names
    /// what to install.
    pub fn load(dir: &Path) -> Result<Self, DocsError> {
        let mut files = Vec::new();
        collect_font_files(dir, &mut files)?;
        files.sort();

        let mut infos = Vec::new();
        let mut slots = Vec::new();
        for path in files {
            // A file that cannot be read or parsed is skipped: a fonts folder often holds
            // unrelated or broken files, and one of them must not stop document rendering.
            let Ok(data) = std::fs::read(&path) else {
                continue;
            };
            for face in Font::iter(Bytes::new(data)) {
                infos.push(face.info().clone());
                slots.push(Slot {
                    path: path.clone(),
                    index: face.index(),
                    font: OnceLock::new(),
                });
            }
        }

        let bengali_families = families_covering(&infos, BENGALI_KA);
        if bengali_families.is_empty() {
            return Err(DocsError::NoBengaliFont(dir.to_path_buf()));
        }
        let latin_families = families_covering(&infos, LATIN_A);

        let book = LazyHash::new(FontBook::from_infos(infos));
        Ok(Self {
            inner: Arc::new(FontsInner {
                book,
                slots,
                bengali_families,
                latin_families,
            }),
        })
    }

    /// The family names of the loaded fonts that cover Bengali, in file-name order.
    pub fn bengali_families(&self) -> &[String] {
        &self.inner.bengali_families
    }

    /// The number of font faces found.
    pub fn len(&self) -> usize {
        self.inner.slots.len()
    }

    /// Whether no font face was found (never true for a successfully loaded set).
    pub fn is_empty(&self) -> bool {
        self.inner.slots.is_empty()
    }

    pub(crate) fn book(&self) -> &LazyHash<FontBook> {
        &self.inner.book
    }

    /// The face at `index` of the book, read from its file on first use.
    pub(crate) fn font(&self, index: usize) -> Option<Font> {
        self.inner
            .slots
            .get(index)?
            .font(self.inner.book.info(index)?)
    }

    /// The font families a document in `language` asks for, first choice first: one Bengali
    /// and one Latin family, in the order the language needs. Characters neither covers fall
    /// back to any loaded font that has them.
    pub(crate) fn family_order(&self, language: Language) -> Vec<String> {
        let bengali = pick(&BENGALI_PREFERRED, &self.inner.bengali_families);
        let latin = pick(&LATIN_PREFERRED, &self.inner.latin_families);
        let order = match language {
            Language::Bengali => [bengali, latin],
            Language::English => [latin, bengali],
        };
        order.into_iter().flatten().collect()
    }
}

/// Where a face of the book is, and the face once read.
struct Slot {
    path: PathBuf,
    /// Its index in a collection file (0 for a single font).
    index: u32,
    font: OnceLock<Font>,
}

impl Slot {
    /// The face, read on the first call that finds it as it was indexed. A file removed or replaced
    /// since gives `None` (typst falls back to another face, as for any missing one), and is tried
    /// again on the next call rather than remembered as missing: the font package may be mid-upgrade.
    fn font(&self, indexed: &FontInfo) -> Option<Font> {
        if let Some(font) = self.font.get() {
            return Some(font.clone());
        }
        let data = std::fs::read(&self.path).ok()?;
        let font = Font::new(Bytes::new(data), self.index).filter(|font| font.info() == indexed)?;
        Some(self.font.get_or_init(|| font).clone())
    }
}

fn collect_font_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), DocsError> {
    let entries = std::fs::read_dir(dir).map_err(|source| DocsError::FontDir {
        path: dir.to_path_buf(),
        source,
    })?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_font_files(&path, out)?;
        } else if is_font_file(&path) {
            out.push(path);
        }
    }
    Ok(())
}

fn is_font_file(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| {
            ["ttf", "otf", "ttc", "otc"]
                .iter()
                .any(|known| ext.eq_ignore_ascii_case(known))
        })
}

/// The distinct families (in load order) with a face covering `code_point`.
fn families_covering(infos: &[FontInfo], code_point: u32) -> Vec<String> {
    let mut families: Vec<String> = Vec::new();
    for info in infos {
        if info.coverage.contains(code_point) && !families.contains(&info.family) {
            families.push(info.family.clone());
        }
    }
    families
}

/// The first preferred family that is present, else the first present one.
fn pick(preferred: &[&str], present: &[String]) -> Option<String> {
    preferred
        .iter()
        .find_map(|want| present.iter().find(|have| have.eq_ignore_ascii_case(want)))
        .or_else(|| present.first())
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_without_a_bengali_font_is_refused_naming_what_to_install() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("README.txt"), "not a font").expect("write");
        std::fs::write(dir.path().join("broken.ttf"), b"not a font either").expect("write");

        let err = Fonts::load(dir.path()).expect_err("no Bengali font");
        assert!(matches!(err, DocsError::NoBengaliFont(_)), "{err:?}");
        let message = err.to_string();
        assert!(message.contains("fonts-noto-core"), "{message}");
        assert!(message.contains("Nikosh"), "{message}");
    }

    #[test]
    fn a_face_is_read_when_first_used_and_a_file_gone_meanwhile_is_tried_again() {
        let system = std::env::var_os("UDBHABON_FONTS_DIR").map_or_else(
            || PathBuf::from("/usr/share/fonts/truetype/noto"),
            PathBuf::from,
        );
        let dir = tempfile::tempdir().expect("temp dir");
        let copied = dir.path().join("NotoSansBengali-Regular.ttf");
        let original = system.join("NotoSansBengali-Regular.ttf");
        std::fs::copy(&original, &copied).unwrap_or_else(|error| {
            panic!(
                "{}: {error} (apt-get install fonts-noto-core)",
                original.display()
            )
        });
        let fonts = Fonts::load(dir.path()).expect("a Bengali font");
        assert_eq!(fonts.len(), 1);

        std::fs::rename(&copied, dir.path().join("moved.bin")).expect("move away");
        assert!(fonts.font(0).is_none(), "gone since the folder was indexed");
        std::fs::rename(dir.path().join("moved.bin"), &copied).expect("move back");
        let face = fonts.font(0).expect("back, and read now");
        assert_eq!(face.info().family, "Noto Sans Bengali");
        std::fs::remove_file(&copied).expect("remove");
        assert!(fonts.font(0).is_some(), "kept once read");
    }

    #[test]
    fn a_missing_folder_is_reported_with_its_path() {
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = dir.path().join("no-such-folder");
        let err = Fonts::load(&missing).expect_err("missing folder");
        assert!(matches!(err, DocsError::FontDir { .. }), "{err:?}");
        assert!(err.to_string().contains("no-such-folder"), "{err}");
    }

    #[test]
    fn a_preferred_family_wins_over_load_order_and_any_present_one_is_the_fallback() {
        let present = ["Noto Sans Bengali".to_owned(), "Nikosh".to_owned()];
        assert_eq!(
            pick(&BENGALI_PREFERRED, &present).as_deref(),
            Some("Nikosh")
        );
        let unusual = ["Kalpurush".to_owned()];
        assert_eq!(
            pick(&BENGALI_PREFERRED, &unusual).as_deref(),
            Some("Kalpurush")
        );
        assert_eq!(pick(&LATIN_PREFERRED, &[]), None);
    }
}
