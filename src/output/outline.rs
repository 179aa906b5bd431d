//! What the reports print of a letter besides its findings: its text with the line starts, its
//! kind, marketplace and parts. A small part of the letter model, so `check` keeps this for every
//! letter until the report is written and lets the rest of the model go once a letter is linted.

use crate::document::{Document, LineIndex, Position};
use crate::letter::{Kind, Letter, Part, PartKind};

/// A letter's text and where its lines start.
#[derive(Debug, Clone)]
pub struct Source {
    pub text: String,
    pub line_index: LineIndex,
}

impl Source {
    /// The 0-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_index.line_of(offset)
    }

    pub fn position(&self, offset: usize) -> Position {
        self.line_index.position(&self.text, offset)
    }
}

impl From<Document> for Source {
    fn from(doc: Document) -> Source {
        Source { text: doc.text, line_index: doc.line_index }
    }
}

/// A checked letter as the reports see it.
#[derive(Debug, Clone)]
pub struct Outline {
    pub doc: Source,
    pub kind: Kind,
    pub platform: String,
    pub parts: Vec<Part>,
    /// For a reply, the issue it answers (front matter `reason:`, else recognised from the text).
    pub reason: Option<&'static str>,
}

impl Outline {
    pub fn has_part(&self, kind: PartKind) -> bool {
        self.parts.iter().any(|p| p.kind == kind)
    }
}

impl From<Letter> for Outline {
    fn from(letter: Letter) -> Outline {
        let reason = crate::rules::builtin::reply::issue_of(&letter).map(|issue| issue.as_str());
        Outline { doc: letter.doc.into(), kind: letter.kind, platform: letter.platform, parts: letter.parts, reason }
    }
}
