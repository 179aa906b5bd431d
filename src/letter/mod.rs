//! The letter model: kind, platform and parts, on top of a parsed `Document`.
//!
//! `Letter::new` is the one entry point. The kind and the platform come from front matter, then
//! configuration, then recognition from the text; parts are recognised sentence by sentence from
//! headings, bold labels, cue lexicons (in `rules/lexicons/`) and position.
//!
//! Invariant: `units` lists every sentence of the writer's own prose (quoted blocks excluded) in
//! text order, and every `Part` covers a run of consecutive units.

mod kind;
pub mod language;
mod lexicon;
mod parts;

use serde::{Deserialize, Serialize};

use crate::document::{Document, Span};

pub use kind::{detect_kind, detect_platform};
pub use parts::PartKind;

/// Who the letter is written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A seller writing to a marketplace after a suspension, penalty or dispute.
    Appeal,
    /// A seller writing to a buyer.
    Reply,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Appeal => "appeal",
            Kind::Reply => "reply",
        }
    }

    pub fn parse(name: &str) -> Option<Kind> {
        match name.trim().to_ascii_lowercase().as_str() {
            "appeal" | "poa" | "plan-of-action" => Some(Kind::Appeal),
            "reply" | "autoreply" | "auto-reply" | "keyword-reply" | "message" => Some(Kind::Reply),
            _ => None,
        }
    }
}

/// The marketplaces letterlint knows.
pub const PLATFORMS: &[&str] = &["wish", "aliexpress", "amazon", "ebay", "etsy", "shopee", "walmart", "generic"];

/// A marketplace's name as people write it (`aliexpress` -> `AliExpress`); `None` for `generic`
/// and unknown names, which each caller words in its own way.
pub fn platform_title(platform: &str) -> Option<&'static str> {
    Some(match platform {
        "wish" => "Wish",
        "aliexpress" => "AliExpress",
        "amazon" => "Amazon",
        "ebay" => "eBay",
        "etsy" => "Etsy",
        "shopee" => "Shopee",
        "walmart" => "Walmart",
        _ => return None,
    })
}

/// Where a kind or platform was taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// The command line or the editor's settings.
    Override,
    FrontMatter,
    Config,
    Detected,
}

/// What the caller knows about a letter before reading it.
#[derive(Debug, Clone, Default)]
pub struct Hints {
    /// Forced by the command line or editor (wins over front matter).
    pub kind_override: Option<Kind>,
    pub platform_override: Option<String>,
    /// Defaults from `letterlint.toml` (front matter wins over these).
    pub kind_default: Option<Kind>,
    pub platform_default: Option<String>,
}

/// A sentence of the writer's prose, the unit parts are recognised on.
#[derive(Debug, Clone)]
pub struct Unit {
    pub block: usize,
    pub sentence: usize,
    /// Source span of the sentence.
    pub span: Span,
    /// Recognised parts (a sentence can serve two, e.g. an apology that states the cause).
    pub parts: Vec<PartKind>,
}

/// A recognised part: a run of consecutive units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    pub kind: PartKind,
    pub span: Span,
    /// Index range into `Letter::units`.
    #[serde(skip)]
    pub units: std::ops::Range<usize>,
}

/// A letter: its document, what kind of letter it is, and where its parts are.
#[derive(Debug, Clone)]
pub struct Letter {
    pub doc: Document,
    pub kind: Kind,
    pub kind_origin: Origin,
    pub platform: String,
    pub platform_origin: Origin,
    pub units: Vec<Unit>,
    pub parts: Vec<Part>,
    /// The language, computed on first use (see `language::of`).
    language: std::sync::OnceLock<Option<String>>,
    /// For a reply, the issue it answers, worked out on first use by the reply rules
    /// (`rules::builtin::reply::issue_of`) and read again by the reports.
    pub(crate) reply_issue: std::sync::OnceLock<Option<crate::rules::builtin::reply::Issue>>,
}

/// What recognition finds in a document, before the letter takes the document.
struct Recognised {
    kind: Kind,
    kind_origin: Origin,
    platform: String,
    platform_origin: Origin,
    units: Vec<Unit>,
}

impl Recognised {
    fn of(doc: &Document, hints: &Hints, scans: &[lexicon::CueScan<'_>]) -> Recognised {
        let fm = doc.front_matter.as_ref();
        let (kind, kind_origin) = if let Some(kind) = hints.kind_override {
            (kind, Origin::Override)
        } else if let Some(kind) = fm.and_then(|fm| fm.kind.as_deref()).and_then(Kind::parse) {
            (kind, Origin::FrontMatter)
        } else if let Some(kind) = hints.kind_default {
            (kind, Origin::Config)
        } else {
            (kind::kind_of(doc, scans), Origin::Detected)
        };
        let (platform, platform_origin) = if let Some(p) = &hints.platform_override {
            (p.clone(), Origin::Override)
        } else if let Some(p) = fm.and_then(|fm| fm.platform.clone()).filter(|p| PLATFORMS.contains(&p.as_str())) {
            (p, Origin::FrontMatter)
        } else if let Some(p) = &hints.platform_default {
            (p.clone(), Origin::Config)
        } else {
            (detect_platform(doc).to_string(), Origin::Detected)
        };
        let units = parts::recognise(doc, kind, scans);
        Recognised { kind, kind_origin, platform, platform_origin, units }
    }

    fn into_letter(self, doc: Document) -> Letter {
        let parts = parts::group(&self.units);
        Letter {
            doc,
            kind: self.kind,
            kind_origin: self.kind_origin,
            platform: self.platform,
            platform_origin: self.platform_origin,
            units: self.units,
            parts,
            language: std::sync::OnceLock::new(),
            reply_issue: std::sync::OnceLock::new(),
        }
    }
}

impl Letter {
    /// Builds the letter model of a parsed document.
    pub fn new(doc: Document, hints: &Hints) -> Letter {
        // Every sentence read once against every cue of the kind and parts lexicons.
        let scans = lexicon::scan_sentences(&doc);
        let recognised = Recognised::of(&doc, hints, &scans);
        drop(scans);
        recognised.into_letter(doc)
    }

    /// Builds the letter models of many documents, each with its hints: the same letters as
    /// `new` gives one by one, faster. Each cue regex answers for every sentence of every letter
    /// in turn, while it is in the CPU cache, instead of once per sentence among hundreds of
    /// others (`cargo bench --bench regex_locality`).
    pub fn new_batch(docs: Vec<(Document, &Hints)>) -> Vec<Letter> {
        let scans: Vec<Vec<lexicon::CueScan<'_>>> = docs.iter().map(|(doc, _)| lexicon::scan_sentences(doc)).collect();
        lexicon::confirm_all(scans.iter().flatten());
        let recognised: Vec<Recognised> =
            docs.iter().zip(&scans).map(|((doc, hints), scans)| Recognised::of(doc, hints, scans)).collect();
        drop(scans);
        docs.into_iter().zip(recognised).map(|((doc, _), recognised)| recognised.into_letter(doc)).collect()
    }

    /// Parses text and builds the letter in one step.
    pub fn parse(text: impl Into<String>, hints: &Hints) -> Letter {
        Letter::new(Document::parse(text), hints)
    }

    pub fn has_part(&self, kind: PartKind) -> bool {
        self.parts.iter().any(|p| p.kind == kind)
    }

    /// The parts of one kind, in text order.
    pub fn parts_of(&self, kind: PartKind) -> impl Iterator<Item = &Part> {
        self.parts.iter().filter(move |p| p.kind == kind)
    }

    /// The first part of a kind.
    pub fn first_part(&self, kind: PartKind) -> Option<&Part> {
        self.parts_of(kind).next()
    }

    /// The text of a unit.
    pub fn unit_text(&self, unit: &Unit) -> &str {
        let block = &self.doc.blocks[unit.block];
        &block.prose.text[block.sentences[unit.sentence].span.range()]
    }

    /// The letter's language as an ISO 639-1 code (`en`, `es`, ...): front matter `language:`,
    /// else detected from the prose when detection is reliable.
    pub fn language(&self) -> Option<&str> {
        self.language.get_or_init(|| language::of(&self.doc)).as_deref()
    }

    /// The front matter reason, lower-cased, if any.
    pub fn reason(&self) -> Option<String> {
        self.doc.front_matter.as_ref().and_then(|fm| fm.reason.as_ref()).map(|r| r.to_ascii_lowercase())
    }
}
