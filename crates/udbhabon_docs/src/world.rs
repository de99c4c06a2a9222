//! The minimal typst `World` documents are compiled in: one in-memory template, the shared letter
//! parts it may import (`letter.typ`), the loaded fonts, inputs.
//!
//! Written here rather than taken from `typst-as-lib`: the trait is six small methods, our documents
//! need no file system, packages or clock, and the wrapper would pin typst releases behind it.

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Dict, Duration};
use typst::syntax::{FileId, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::error::DocsError;
use crate::fonts::Fonts;

/// The parts every letter template shares, importable as `"letter.typ"`.
const LETTER: &str = include_str!("../templates/letter.typ");

/// A compilation world holding one template and the data it reads from `sys.inputs`.
pub(crate) struct DocWorld {
    library: LazyHash<Library>,
    fonts: Fonts,
    main: Source,
    letter: Source,
}

fn project_file(name: &str) -> Result<FileId, DocsError> {
    let path = VirtualPath::new(name).map_err(|err| DocsError::Typeset(format!("{err:?}")))?;
    Ok(FileId::new(typst::syntax::RootedPath::new(
        VirtualRoot::Project,
        path,
    )))
}

impl DocWorld {
    /// A world whose main file is `template` (named `name` in diagnostics) and whose
    /// `sys.inputs` is `inputs`.
    pub(crate) fn new(
        fonts: &Fonts,
        name: &str,
        template: &str,
        inputs: Dict,
    ) -> Result<Self, DocsError> {
        Ok(Self {
            library: LazyHash::new(Library::builder().with_inputs(inputs).build()),
            fonts: fonts.clone(),
            main: Source::new(project_file(name)?, template.to_owned()),
            letter: Source::new(project_file("/letter.typ")?, LETTER.to_owned()),
        })
    }

    /// Compiles the template into laid-out pages.
    pub(crate) fn compile(&self) -> Result<typst_layout::PagedDocument, DocsError> {
        typst::compile::<typst_layout::PagedDocument>(self)
            .output
            .map_err(|diags| DocsError::Typeset(describe(&diags)))
    }
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else if id == self.letter.id() {
            Ok(self.letter.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        Err(not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        // Documents print the dates the caller gives them; the template never asks for today.
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.get().vpath().get_without_slash().into())
}

/// Joins typst diagnostics into one line each: message, then hints.
pub(crate) fn describe(diags: &[SourceDiagnostic]) -> String {
    diags
        .iter()
        .map(|diag| {
            let hints: Vec<&str> = diag.hints.iter().map(|hint| hint.v.as_str()).collect();
            if hints.is_empty() {
                diag.message.to_string()
            } else {
                format!("{} (hint: {})", diag.message, hints.join("; "))
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
