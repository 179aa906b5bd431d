//! Recognising the parts of a letter, sentence by sentence.
//!
//! Signals, strongest first: the sign-off block at the end and the salutation at the start (by
//! position and closing or greeting phrases), cue phrases of a part in the sentence, and the
//! section a heading or a bold label opened. Cue lexicons live in `rules/lexicons/parts.toml`.

use serde::Serialize;

use super::lexicon::PART_LEXICON;
use super::{Kind, Part, Unit};
use crate::document::{Block, Document, Span};

/// A part of a letter (LABELS.md defines each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    Salutation,
    Acknowledgment,
    RootCause,
    PerOrder,
    Remedies,
    Plea,
    Greeting,
    Thanks,
    Apology,
    Solution,
    Tracking,
    Signoff,
}

impl PartKind {
    pub const APPEAL: [PartKind; 7] = [
        PartKind::Salutation,
        PartKind::Acknowledgment,
        PartKind::RootCause,
        PartKind::PerOrder,
        PartKind::Remedies,
        PartKind::Plea,
        PartKind::Signoff,
    ];
    pub const REPLY: [PartKind; 6] =
        [PartKind::Greeting, PartKind::Thanks, PartKind::Apology, PartKind::Solution, PartKind::Tracking, PartKind::Signoff];

    /// The parts a letter of `kind` has, in their recommended order.
    pub fn of_kind(kind: Kind) -> &'static [PartKind] {
        match kind {
            Kind::Appeal => &Self::APPEAL,
            Kind::Reply => &Self::REPLY,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PartKind::Salutation => "salutation",
            PartKind::Acknowledgment => "acknowledgment",
            PartKind::RootCause => "root_cause",
            PartKind::PerOrder => "per_order",
            PartKind::Remedies => "remedies",
            PartKind::Plea => "plea",
            PartKind::Greeting => "greeting",
            PartKind::Thanks => "thanks",
            PartKind::Apology => "apology",
            PartKind::Solution => "solution",
            PartKind::Tracking => "tracking",
            PartKind::Signoff => "signoff",
        }
    }

    /// A name for people: "per-order reasons", "sign-off".
    pub fn title(self) -> &'static str {
        match self {
            PartKind::Salutation => "salutation",
            PartKind::Acknowledgment => "acknowledgment",
            PartKind::RootCause => "root cause",
            PartKind::PerOrder => "per-order reasons",
            PartKind::Remedies => "remedies",
            PartKind::Plea => "plea",
            PartKind::Greeting => "greeting",
            PartKind::Thanks => "thanks",
            PartKind::Apology => "apology",
            PartKind::Solution => "solution",
            PartKind::Tracking => "tracking",
            PartKind::Signoff => "sign-off",
        }
    }

    pub fn parse(name: &str) -> Option<PartKind> {
        let all = Self::APPEAL.iter().chain(Self::REPLY.iter());
        all.copied().find(|p| p.as_str() == name || p.title() == name)
    }
}

/// How many sentences at the end of a letter may hold the sign-off's closing phrase.
const SIGNOFF_WINDOW: usize = 5;

/// Recognises the part of every sentence of the writer's prose.
pub fn recognise(doc: &Document, kind: Kind) -> Vec<Unit> {
    let lexicon = &*PART_LEXICON;
    let applies = |i: usize| lexicon.parts[i].kind.is_none_or(|k| k == kind);
    let mut units = Vec::new();
    for (block_idx, block) in doc.own_blocks() {
        for (sentence_idx, sentence) in block.sentences.iter().enumerate() {
            units.push(Unit { block: block_idx, sentence: sentence_idx, span: block.sentence_span(sentence), parts: Vec::new() });
        }
    }
    let opening = match kind {
        Kind::Appeal => PartKind::Salutation,
        Kind::Reply => PartKind::Greeting,
    };
    let signoff_start = find_signoff(doc, &units);
    let mut section: Option<PartKind> = None;
    for (i, unit) in units.iter_mut().enumerate() {
        let block = &doc.blocks[unit.block];
        let text = sentence_text(block, unit.sentence);
        if signoff_start.is_some_and(|s| i >= s) {
            unit.parts.push(PartKind::Signoff);
            continue;
        }
        if block.is_heading() {
            section = heading_part(text, kind);
            unit.parts.extend(section);
            continue;
        }
        if unit.sentence == 0 {
            if let Some(label) = &block.label {
                if let Some(part) = heading_part(label, kind) {
                    section = Some(part);
                }
            }
        }
        let matched = lexicon.all_cues.matches(text);
        let mut parts: Vec<PartKind> = Vec::new();
        for pattern in matched.iter() {
            let owner = lexicon.cue_owner[pattern];
            let cues = &lexicon.parts[owner];
            if !applies(owner) || parts.contains(&cues.part) || cues.part == PartKind::Signoff {
                continue;
            }
            if cues.not.as_ref().is_some_and(|not| not.is_match(text)) {
                continue;
            }
            parts.push(cues.part);
        }
        // The opening greeting is the first sentence only.
        let is_opening = i == 0 || (i == 1 && is_subject_line(sentence_text(&doc.blocks[units_first_block(doc)], 0)));
        parts.retain(|p| *p != opening || is_opening);
        if is_opening && parts.is_empty() && looks_like_salutation(text) {
            parts.push(opening);
        }
        if parts.contains(&opening) {
            parts.retain(|p| *p == opening);
        }
        if parts.is_empty() {
            parts.extend(section);
        }
        parts.sort();
        unit.parts = parts;
    }
    units
}

fn units_first_block(doc: &Document) -> usize {
    doc.own_blocks().next().map_or(0, |(i, _)| i)
}

fn sentence_text(block: &Block, sentence: usize) -> &str {
    &block.prose.text[block.sentences[sentence].span.range()]
}

fn is_subject_line(text: &str) -> bool {
    let lower = text.trim_start().to_ascii_lowercase();
    lower.starts_with("subject:") || lower.starts_with("re:") || lower.starts_with("subject line:")
}

/// A short first line ending with a comma or colon reads as a salutation even without "Dear".
fn looks_like_salutation(text: &str) -> bool {
    let words = text.split_whitespace().count();
    words <= 8 && (text.ends_with(',') || text.ends_with(':') || text.ends_with('!')) && !is_subject_line(text)
}

/// The part a heading or bold label opens, if its words name one of this kind's parts.
fn heading_part(text: &str, kind: Kind) -> Option<PartKind> {
    let lexicon = &*PART_LEXICON;
    lexicon
        .parts
        .iter()
        .filter(|p| p.kind.is_none_or(|k| k == kind))
        .find(|p| p.headings.as_ref().is_some_and(|h| h.is_match(text)))
        .map(|p| p.part)
}

/// The first unit of the sign-off: the earliest of a run of closing phrases among the last
/// sentences, followed only by short lines (name, role, store).
fn find_signoff(doc: &Document, units: &[Unit]) -> Option<usize> {
    let lexicon = &*PART_LEXICON;
    let signoff = lexicon.parts.iter().find(|p| p.part == PartKind::Signoff)?.cues.as_ref()?;
    let first_candidate = units.len().saturating_sub(SIGNOFF_WINDOW);
    let mut found = None;
    for i in (first_candidate..units.len()).rev() {
        let unit = &units[i];
        let text = sentence_text(&doc.blocks[unit.block], unit.sentence);
        if signoff.is_match(text) && text.split_whitespace().count() <= 8 {
            found = Some(i);
            // Keep walking back over consecutive closing lines ("Have a nice day", "Best regards").
            continue;
        }
        if found.is_some() {
            break;
        }
        // Lines after the closing phrase must be short: a name, a role, a store.
        if text.split_whitespace().count() > 8 {
            break;
        }
    }
    found
}

/// Groups consecutive units that share a part into `Part`s.
pub fn group(units: &[Unit]) -> Vec<Part> {
    let mut parts: Vec<Part> = Vec::new();
    let mut open: Vec<(PartKind, usize)> = Vec::new();
    for (i, unit) in units.iter().enumerate() {
        // Close the runs whose part this unit does not continue.
        open.retain(|&(kind, start)| {
            if unit.parts.contains(&kind) {
                true
            } else {
                parts.push(make_part(units, kind, start, i));
                false
            }
        });
        for &kind in &unit.parts {
            if !open.iter().any(|(k, _)| *k == kind) {
                open.push((kind, i));
            }
        }
    }
    for (kind, start) in open {
        parts.push(make_part(units, kind, start, units.len()));
    }
    parts.sort_by_key(|p| (p.span.start, p.kind));
    parts
}

fn make_part(units: &[Unit], kind: PartKind, start: usize, end: usize) -> Part {
    let span = units[start..end].iter().fold(units[start].span, |acc, u| acc.cover(u.span));
    Part { kind, span: Span::new(span.start as usize, span.end as usize), units: start..end }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::{Hints, Letter};

    fn parts_of(text: &str) -> Vec<(&'static str, String)> {
        let letter = Letter::parse(text, &Hints::default());
        letter.parts.iter().map(|p| (p.kind.as_str(), letter.doc.slice(p.span).to_string())).collect()
    }

    #[test]
    fn recognises_the_three_part_appeal() {
        let parts = parts_of(
            "Dear Seller Support,\n\nWe are really sorry for the high refund rate.\n\nWe will switch to Wish Express for all orders.\n\nPlease help us reactivate our account.\n\nBest regards,\n\nZhang Yue\n",
        );
        let names: Vec<&str> = parts.iter().map(|p| p.0).collect();
        assert_eq!(names, ["salutation", "acknowledgment", "remedies", "plea", "signoff"]);
        assert_eq!(parts.last().unwrap().1, "Best regards,\n\nZhang Yue");
    }

    #[test]
    fn a_conditional_apology_is_not_an_acknowledgment() {
        let parts = parts_of("Dear Seller Support,\n\nWe are sorry if you feel our shipping was slow.\n\nPlease reinstate our store.\n");
        assert!(parts.iter().all(|p| p.0 != "acknowledgment"), "{parts:?}");
    }

    #[test]
    fn a_heading_opens_a_section() {
        let parts = parts_of("Dear Merchant Support,\n\n## Root cause\n\nOur packer used the old label stock for a week.\n");
        assert!(parts.iter().any(|p| p.0 == "root_cause" && p.1.contains("old label stock")), "{parts:?}");
    }
}
