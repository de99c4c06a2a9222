//! The crate's one error type, `DocsError`.

use std::path::PathBuf;

/// Everything that can go wrong while loading fonts or rendering a document.
#[derive(Debug, thiserror::Error)]
pub enum DocsError {
    /// The fonts folder could not be read.
    #[error("cannot read the fonts folder {path}: {source}")]
    FontDir {
        /// The folder that was being read.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The fonts folder holds no font that covers Bengali script.
    #[error(
        "no font covering Bengali script in {0}: install the Debian package `fonts-noto-core` \
         (Noto Serif/Sans Bengali) and point the fonts folder at /usr/share/fonts/truetype/noto, \
         or drop a Bengali TTF/OTF (Noto Serif Bengali, Nikosh) into that folder"
    )]
    NoBengaliFont(PathBuf),
    /// The view could not be turned into typst input.
    #[error("cannot pass the document data to the typesetter: {0}")]
    Input(String),
    /// Typst reported errors while typesetting.
    #[error("typesetting failed: {0}")]
    Typeset(String),
    /// The PDF could not be written or post-processed.
    #[error("PDF export failed: {0}")]
    Pdf(String),
    /// A spreadsheet or CSV file could not be read.
    #[error("the file is not a readable CSV (UTF-8) or XLSX table: {0}")]
    UnreadableTable(String),
    /// A spreadsheet or CSV file goes past one of the limits of a table.
    #[error("the table is larger than an import may be ({0:?})")]
    TableTooLarge(crate::table::TableBound),
    /// A spreadsheet or CSV file could not be written.
    #[error("cannot write the table: {0}")]
    TableWrite(String),
}
