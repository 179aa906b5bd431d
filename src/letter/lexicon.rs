//! Cue lexicons for kind and part recognition, read from the embedded `rules/lexicons/`.
//!
//! Invariant: the lexicons are compiled once per process; a broken lexicon is a build defect and
//! is caught by the unit tests, so loading them panics with the file and key named.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

use super::{Kind, PartKind};
use crate::document::Document;
use crate::embedded;
use crate::patterns::{PatternSet, Scan};

#[derive(Deserialize)]
struct WeightedCue {
    pattern: String,
    weight: i32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KindsFile {
    appeal: Vec<WeightedCue>,
    reply: Vec<WeightedCue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartEntry {
    kind: String,
    #[serde(default)]
    headings: Vec<String>,
    #[serde(default)]
    cues: Vec<String>,
    #[serde(default)]
    not: Vec<String>,
    #[serde(default)]
    promises: Vec<String>,
    #[serde(default)]
    concrete: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SectionsEntry {
    #[serde(default)]
    neutral: Vec<String>,
    #[serde(default)]
    evidence: Vec<String>,
}

#[derive(Deserialize)]
struct PartsFile {
    #[serde(default)]
    sections: SectionsEntry,
    #[serde(flatten)]
    parts: BTreeMap<String, PartEntry>,
}

/// Every cue of the kind and parts lexicons in one `PatternSet`: a sentence is read against all
/// of them in one literal pass (`CueScan`), and each lexicon's group of patterns is a range of it.
/// The patterns are compiled case-insensitive, with ASCII word boundaries (`patterns::prepare`):
/// a Unicode `\b` stops the regex crate's fast engine on any non-ASCII text (a curly quote, a
/// euro sign), so lexicons write no `\b` next to a non-ASCII letter. `\w` is ASCII too: the cue
/// words it stands for (`we are (\w+ ){0,2}sorry`) are English.
pub struct Lexicons {
    set: PatternSet,
    /// Where each pattern of `set` comes from, for the test that compiles them all.
    #[cfg(test)]
    labels: Vec<String>,
    pub kind: KindCues,
    pub parts: PartLexicon,
}

/// A group of patterns of `LEXICONS`, as a range of its set; empty when the lexicon has none.
#[derive(Debug, Clone)]
pub struct Group(Range<usize>);

impl Group {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The patterns of the group that match the scanned text, numbered from 0 within the group.
    pub fn matches<'a>(&'a self, scan: &'a CueScan<'a>) -> impl Iterator<Item = usize> + 'a {
        LEXICONS.set.matches_in(&scan.scan, scan.text, self.0.clone()).map(|i| i - self.0.start)
    }

    /// True when a pattern of the group matches the scanned text.
    pub fn is_match(&self, scan: &CueScan<'_>) -> bool {
        LEXICONS.set.is_match_in(&scan.scan, scan.text, self.0.clone())
    }
}

/// A text (a sentence, a heading, a label) read against every cue of `LEXICONS` in one pass.
pub struct CueScan<'t> {
    text: &'t str,
    scan: Scan,
}

impl<'t> CueScan<'t> {
    pub fn new(text: &'t str) -> CueScan<'t> {
        CueScan { text, scan: LEXICONS.set.scan(text) }
    }

    pub fn text(&self) -> &'t str {
        self.text
    }
}

/// Every sentence of the writer's prose, in text order (the order of `Letter::units`), scanned.
pub fn scan_sentences(doc: &Document) -> Vec<CueScan<'_>> {
    doc.own_blocks()
        .flat_map(|(_, block)| block.sentences.iter().map(|s| CueScan::new(&block.prose.text[s.span.range()])))
        .collect()
}

/// Confirms now every candidate of every scan, pattern by pattern (see `Letter::new_batch`).
pub fn confirm_all<'a, 't: 'a>(scans: impl IntoIterator<Item = &'a CueScan<'t>>) {
    LEXICONS.set.confirm_all(scans.into_iter().map(|s| (&s.scan, s.text)));
}

/// Compiled kind cues.
pub struct KindCues {
    pub cues: Group,
    /// Weight of each pattern of `cues`, positive for appeal, negative for reply.
    pub weights: Vec<i32>,
}

/// Compiled cues of one part.
pub struct PartCues {
    pub part: PartKind,
    /// The letter kind the part belongs to; `None` for both (the sign-off).
    pub kind: Option<Kind>,
    pub headings: Group,
    /// The part's cues without its promises: a range of `PartLexicon::all_cues`.
    pub cues: Group,
    pub not: Group,
    /// What makes a promise concrete; a promise cue without one of these does not count.
    pub concrete: Group,
}

/// Compiled cues of every part.
pub struct PartLexicon {
    pub parts: Vec<PartCues>,
    /// All `cues` and `promises` patterns of all parts, with the part index of each and whether
    /// it is a promise (counted only when the sentence is concrete).
    pub all_cues: Group,
    pub cue_owner: Vec<usize>,
    pub cue_is_promise: Vec<bool>,
    /// Headings that open a section of no part (evidence, attachments).
    pub neutral_headings: Group,
    /// Sentences that point at evidence or attachments.
    pub evidence: Group,
}

/// Collects the patterns of every group, as compiled, with where each comes from.
#[derive(Default)]
struct Builder {
    patterns: Vec<String>,
    labels: Vec<String>,
}

impl Builder {
    fn group<S: AsRef<str>>(&mut self, label: &str, patterns: &[S]) -> Group {
        let start = self.patterns.len();
        for pattern in patterns {
            self.patterns.push(crate::patterns::prepare(pattern.as_ref()));
            self.labels.push(format!("{label}: {:?}", pattern.as_ref()));
        }
        Group(start..self.patterns.len())
    }
}

pub static LEXICONS: LazyLock<Lexicons> = LazyLock::new(|| {
    let mut builder = Builder::default();
    let kind = kind_cues(&mut builder);
    let parts = part_lexicon(&mut builder);
    let set = PatternSet::new(&builder.patterns, true)
        .unwrap_or_else(|(i, e)| panic!("rules/lexicons/{}: {e}", builder.labels[i]));
    Lexicons {
        set,
        #[cfg(test)]
        labels: builder.labels,
        kind,
        parts,
    }
});

fn kind_cues(builder: &mut Builder) -> KindCues {
    let text =
        embedded::file("lexicons/kinds.toml").expect("rules/lexicons/kinds.toml is embedded");
    let file: KindsFile =
        toml::from_str(text).unwrap_or_else(|e| panic!("rules/lexicons/kinds.toml: {e}"));
    let mut patterns = Vec::new();
    let mut weights = Vec::new();
    for cue in &file.appeal {
        patterns.push(cue.pattern.as_str());
        weights.push(cue.weight);
    }
    for cue in &file.reply {
        patterns.push(cue.pattern.as_str());
        weights.push(-cue.weight);
    }
    KindCues { cues: builder.group("kinds.toml", &patterns), weights }
}

fn part_lexicon(builder: &mut Builder) -> PartLexicon {
    let text =
        embedded::file("lexicons/parts.toml").expect("rules/lexicons/parts.toml is embedded");
    let file: PartsFile =
        toml::from_str(text).unwrap_or_else(|e| panic!("rules/lexicons/parts.toml: {e}"));
    // Every part's cues, then its promises, part after part: one group of all cues, of which each
    // part's cues are a range.
    let all_start = builder.patterns.len();
    let mut own_cues = Vec::new();
    let mut cue_owner = Vec::new();
    let mut cue_is_promise = Vec::new();
    for (i, (name, entry)) in file.parts.iter().enumerate() {
        own_cues.push(builder.group(&format!("parts.toml: [{name}] cues"), &entry.cues));
        builder.group(&format!("parts.toml: [{name}] promises"), &entry.promises);
        cue_owner.extend(std::iter::repeat_n(i, entry.cues.len() + entry.promises.len()));
        cue_is_promise.extend(entry.cues.iter().map(|_| false).chain(entry.promises.iter().map(|_| true)));
    }
    let all_cues = Group(all_start..builder.patterns.len());
    let parts = file
        .parts
        .iter()
        .zip(own_cues)
        .map(|((name, entry), cues)| {
            let part = PartKind::parse(name)
                .unwrap_or_else(|| panic!("rules/lexicons/parts.toml: unknown part [{name}]"));
            let kind = match entry.kind.as_str() {
                "both" => None,
                other => Some(
                    Kind::parse(other)
                        .unwrap_or_else(|| panic!("rules/lexicons/parts.toml: [{name}] kind")),
                ),
            };
            PartCues {
                part,
                kind,
                headings: builder.group(&format!("parts.toml: [{name}] headings"), &entry.headings),
                cues,
                not: builder.group(&format!("parts.toml: [{name}] not"), &entry.not),
                concrete: builder.group(&format!("parts.toml: [{name}] concrete"), &entry.concrete),
            }
        })
        .collect();
    let neutral_headings = builder.group("parts.toml: [sections] neutral", &file.sections.neutral);
    let evidence = builder.group("parts.toml: [sections] evidence", &file.sections.evidence);
    PartLexicon { parts, all_cues, cue_owner, cue_is_promise, neutral_headings, evidence }
}

/// Compiles a regex from a trusted built-in lexicon.
pub fn builtin_regex(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("built-in pattern {pattern:?}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_load_and_every_pattern_compiles() {
        let lexicons = &*LEXICONS;
        assert!(!lexicons.parts.parts.is_empty());
        assert_eq!(lexicons.kind.weights.len(), lexicons.kind.cues.0.len());
        assert!(!lexicons.kind.weights.is_empty());
        lexicons.set.compile_all().unwrap_or_else(|(i, e)| panic!("rules/lexicons/{}: {e}", lexicons.labels[i]));
    }

    #[test]
    fn each_group_answers_as_its_own_patterns_alone() {
        let lexicons = &*LEXICONS;
        let groups = [&lexicons.kind.cues, &lexicons.parts.all_cues, &lexicons.parts.evidence, &lexicons.parts.neutral_headings];
        for text in ["Please see the attached screenshots of the tracking page.", "We are sorry for the late shipment.", "Evidence", "Hello"] {
            let scan = CueScan::new(text);
            for group in groups {
                let alone: Vec<usize> = group.0.clone().filter(|&i| lexicons.set.regex(i).is_match(text)).map(|i| i - group.0.start).collect();
                assert_eq!(group.matches(&scan).collect::<Vec<_>>(), alone, "{text:?}");
                assert_eq!(group.is_match(&scan), !alone.is_empty());
            }
        }
        assert!(!Group(0..0).is_match(&CueScan::new("Hello")));
    }
}
