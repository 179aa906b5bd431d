//! Reports: the values printed for a checked file, and the formats that print them.
//!
//! Invariant: positions in reports are 1-based lines and 1-based columns counted in Unicode
//! characters; `end` is exclusive.

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
mod outline;
pub mod sarif;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::letter::Letter;

pub use outline::{Outline, Source};

/// A 1-based position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Point {
    pub line: u32,
    pub column: u32,
}

impl Point {
    pub fn of(doc: &Source, offset: usize) -> Point {
        let pos = doc.position(offset);
        // A byte-order mark is no column an editor shows: the first line's columns start after it.
        let bom = u32::from(pos.line == 0 && offset > 0 && doc.text.starts_with('\u{feff}'));
        Point { line: pos.line + 1, column: pos.char_col + 1 - bom }
    }
}

/// One checked file.
pub struct FileResult {
    pub path: String,
    /// What the reports need of the letter; the rest of the letter model is dropped.
    pub letter: Outline,
    pub diagnostics: Vec<Diagnostic>,
}

impl FileResult {
    pub fn new(path: String, letter: Letter, diagnostics: Vec<Diagnostic>) -> FileResult {
        FileResult { path, letter: letter.into(), diagnostics }
    }
}

/// Counts per severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub hints: usize,
}

impl Summary {
    pub fn of(results: &[FileResult]) -> Summary {
        let mut summary = Summary { files: results.len(), ..Summary::default() };
        for d in results.iter().flat_map(|r| &r.diagnostics) {
            match d.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
                Severity::Hint => summary.hints += 1,
            }
        }
        summary
    }
}
