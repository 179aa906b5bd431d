//! The source text of a letter and its Markdown structure.
//!
//! `Document::parse` is the one entry point: it reads the front matter, walks pulldown-cmark's
//! events with their offsets, and keeps the writer's prose as `Block`s of plain text mapped back
//! to the source. Code is skipped, block quotes are kept but marked `quoted` (context, not the
//! writer's words), link destinations are collected for policy checks, and HTML comments are read
//! only for suppression directives.
//!
//! Invariant: every `Span` in a `Document` is a byte range of `Document::text`.

pub mod front_matter;
pub mod line_index;
pub mod prose;
pub mod sentences;
mod markdown;
mod span;

pub use front_matter::{FrontMatter, FrontMatterError};
pub use line_index::{ColumnUnit, LineIndex, Position};
pub use prose::Prose;
pub use sentences::{Sentence, Word};
pub use span::Span;

/// What kind of Markdown block a prose block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading(u8),
    ListItem { ordered: bool },
    TableRow { header: bool },
}

/// One block of the writer's prose.
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    /// Source span from the first to the last byte of the block's content.
    pub span: Span,
    pub prose: Prose,
    /// Inside a block quote: a quoted message, not the writer's own words.
    pub quoted: bool,
    /// A bold or italic label that opens the block, e.g. `Corrective actions:`, as plain text.
    pub label: Option<String>,
    /// Sentences, in plain-text coordinates of `prose`.
    pub sentences: Vec<Sentence>,
    /// Words, in plain-text coordinates of `prose`.
    pub words: Vec<Word>,
}

impl Block {
    pub fn is_heading(&self) -> bool {
        matches!(self.kind, BlockKind::Heading(_))
    }

    /// The source span of a sentence of this block.
    pub fn sentence_span(&self, sentence: &Sentence) -> Span {
        self.prose.span_to_source(sentence.span)
    }
}

/// A link in the letter: its destination and where it is written.
#[derive(Debug, Clone)]
pub struct Link {
    pub url: String,
    /// Source span of the whole link, text and destination.
    pub span: Span,
    pub quoted: bool,
}

/// An inline suppression comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub action: DirectiveAction,
    /// Rule ids or prefixes (`appeal/`); empty means every rule.
    pub rules: Vec<String>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectiveAction {
    Disable,
    Enable,
    DisableNextLine,
}

/// A parsed letter file.
#[derive(Debug, Clone)]
pub struct Document {
    pub text: String,
    pub line_index: LineIndex,
    pub front_matter: Option<FrontMatter>,
    pub front_matter_error: Option<FrontMatterError>,
    pub blocks: Vec<Block>,
    pub links: Vec<Link>,
    pub directives: Vec<Directive>,
}

impl Document {
    /// Parses a letter. Never fails: malformed parts are reported through the returned value.
    pub fn parse(text: impl Into<String>) -> Document {
        let text = text.into();
        let line_index = LineIndex::new(&text);
        let (front_matter, front_matter_error) = match front_matter::parse(&text) {
            Some((fm, err)) => (Some(fm), err),
            None => (None, None),
        };
        let body_start = front_matter.as_ref().map_or(0, |fm| fm.span.end as usize);
        let parsed = markdown::blocks(&text, body_start);
        Document {
            line_index,
            front_matter,
            front_matter_error,
            blocks: parsed.blocks,
            links: parsed.links,
            directives: parsed.directives,
            text,
        }
    }

    /// The source text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// 0-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_index.line_of(offset)
    }

    pub fn position(&self, offset: usize) -> Position {
        self.line_index.position(&self.text, offset)
    }

    /// Byte offset where the letter's body starts (after the front matter, if any).
    pub fn body_start(&self) -> usize {
        self.front_matter.as_ref().map_or(0, |fm| fm.span.end as usize)
    }

    /// The writer's own prose blocks (quoted blocks left out).
    pub fn own_blocks(&self) -> impl Iterator<Item = (usize, &Block)> {
        self.blocks.iter().enumerate().filter(|(_, b)| !b.quoted)
    }
}
