//! Cue lexicons for kind and part recognition, read from the embedded `rules/lexicons/`.
//!
//! Invariant: the lexicons are compiled once per process; a broken lexicon is a build defect and
//! is caught by the unit tests, so loading them panics with the file and key named.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::{Regex, RegexSet};
use serde::Deserialize;

use super::{Kind, PartKind};
use crate::embedded;

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
}

/// Compiled kind cues.
pub struct KindCues {
    pub set: RegexSet,
    /// Weight of each pattern of `set`, positive for appeal, negative for reply.
    pub weights: Vec<i32>,
}

/// Compiled cues of one part.
pub struct PartCues {
    pub part: PartKind,
    /// The letter kind the part belongs to; `None` for both (the sign-off).
    pub kind: Option<Kind>,
    pub headings: Option<RegexSet>,
    pub cues: Option<RegexSet>,
    pub not: Option<RegexSet>,
}

/// Compiled cues of every part, and one combined set to test a sentence against all cues at once.
pub struct PartLexicon {
    pub parts: Vec<PartCues>,
    /// All `cues` patterns of all parts, with the part index of each.
    pub all_cues: RegexSet,
    pub cue_owner: Vec<usize>,
}

pub static KIND_CUES: LazyLock<KindCues> = LazyLock::new(|| {
    let text = embedded::file("lexicons/kinds.toml").expect("rules/lexicons/kinds.toml is embedded");
    let file: KindsFile = toml::from_str(text).unwrap_or_else(|e| panic!("rules/lexicons/kinds.toml: {e}"));
    let mut patterns = Vec::new();
    let mut weights = Vec::new();
    for cue in &file.appeal {
        patterns.push(format!("(?i){}", crate::patterns::prepare(&cue.pattern)));
        weights.push(cue.weight);
    }
    for cue in &file.reply {
        patterns.push(format!("(?i){}", crate::patterns::prepare(&cue.pattern)));
        weights.push(-cue.weight);
    }
    let set = big_set(&patterns).unwrap_or_else(|e| panic!("rules/lexicons/kinds.toml: {e}"));
    KindCues { set, weights }
});

pub static PART_LEXICON: LazyLock<PartLexicon> = LazyLock::new(|| {
    let text = embedded::file("lexicons/parts.toml").expect("rules/lexicons/parts.toml is embedded");
    let file: BTreeMap<String, PartEntry> =
        toml::from_str(text).unwrap_or_else(|e| panic!("rules/lexicons/parts.toml: {e}"));
    let compile = |name: &str, key: &str, patterns: &[String]| -> Option<RegexSet> {
        if patterns.is_empty() {
            return None;
        }
        let patterns: Vec<String> = patterns.iter().map(|p| format!("(?i){}", crate::patterns::prepare(p))).collect();
        Some(big_set(&patterns).unwrap_or_else(|e| panic!("rules/lexicons/parts.toml: [{name}] {key}: {e}")))
    };
    let mut parts = Vec::new();
    let mut all = Vec::new();
    let mut cue_owner = Vec::new();
    for (name, entry) in &file {
        let part = PartKind::parse(name).unwrap_or_else(|| panic!("rules/lexicons/parts.toml: unknown part [{name}]"));
        let kind = match entry.kind.as_str() {
            "both" => None,
            other => Some(Kind::parse(other).unwrap_or_else(|| panic!("rules/lexicons/parts.toml: [{name}] kind"))),
        };
        for cue in &entry.cues {
            all.push(format!("(?i){}", crate::patterns::prepare(cue)));
            cue_owner.push(parts.len());
        }
        parts.push(PartCues {
            part,
            kind,
            headings: compile(name, "headings", &entry.headings),
            cues: compile(name, "cues", &entry.cues),
            not: compile(name, "not", &entry.not),
        });
    }
    let all_cues = big_set(&all).expect("cues compiled above");
    PartLexicon { parts, all_cues, cue_owner }
});

/// A set of many patterns with a lazy-DFA cache large enough that its states are built once per
/// process instead of being thrown away and rebuilt as letters are read.
fn big_set(patterns: &[String]) -> Result<RegexSet, regex::Error> {
    regex::RegexSetBuilder::new(patterns).dfa_size_limit(64 << 20).size_limit(64 << 20).build()
}

/// Compiles a regex from a trusted built-in lexicon.
pub fn builtin_regex(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("built-in pattern {pattern:?}: {e}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn lexicons_load() {
        assert!(!super::PART_LEXICON.parts.is_empty());
        assert!(!super::KIND_CUES.weights.is_empty());
    }
}
