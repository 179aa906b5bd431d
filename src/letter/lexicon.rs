//! Cue lexicons for kind and part recognition, read from the embedded `rules/lexicons/`.
//!
//! Invariant: the lexicons are compiled once per process; a broken lexicon is a build defect and
//! is caught by the unit tests, so loading them panics with the file and key named.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

use super::{Kind, PartKind};
use crate::embedded;
use crate::patterns::PatternSet;

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

/// Compiled kind cues.
pub struct KindCues {
    pub set: PatternSet,
    /// Weight of each pattern of `set`, positive for appeal, negative for reply.
    pub weights: Vec<i32>,
}

/// Compiled cues of one part.
pub struct PartCues {
    pub part: PartKind,
    /// The letter kind the part belongs to; `None` for both (the sign-off).
    pub kind: Option<Kind>,
    pub headings: Option<PatternSet>,
    pub cues: Option<PatternSet>,
    pub not: Option<PatternSet>,
    /// What makes a promise concrete; a promise cue without one of these does not count.
    pub concrete: Option<PatternSet>,
}

/// Compiled cues of every part, and one combined set to test a sentence against all cues at once.
pub struct PartLexicon {
    pub parts: Vec<PartCues>,
    /// All `cues` and `promises` patterns of all parts, with the part index of each and whether
    /// it is a promise (counted only when the sentence is concrete).
    pub all_cues: PatternSet,
    pub cue_owner: Vec<usize>,
    pub cue_is_promise: Vec<bool>,
    /// Headings that open a section of no part (evidence, attachments).
    pub neutral_headings: Option<PatternSet>,
    /// Sentences that point at evidence or attachments.
    pub evidence: Option<PatternSet>,
}

pub static KIND_CUES: LazyLock<KindCues> = LazyLock::new(|| {
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
    let set = compile_set(&patterns).unwrap_or_else(|(i, e)| panic!("rules/lexicons/kinds.toml: {:?}: {e}", patterns[i]));
    KindCues { set, weights }
});

pub static PART_LEXICON: LazyLock<PartLexicon> = LazyLock::new(|| {
    let text =
        embedded::file("lexicons/parts.toml").expect("rules/lexicons/parts.toml is embedded");
    let file: PartsFile =
        toml::from_str(text).unwrap_or_else(|e| panic!("rules/lexicons/parts.toml: {e}"));
    let compile = |name: &str, key: &str, patterns: &[String]| -> Option<PatternSet> {
        if patterns.is_empty() {
            return None;
        }
        Some(compile_set(patterns).unwrap_or_else(|(i, e)| {
            panic!("rules/lexicons/parts.toml: [{name}] {key}: {:?}: {e}", patterns[i])
        }))
    };
    let mut parts = Vec::new();
    let mut all = Vec::new();
    let mut cue_owner = Vec::new();
    let mut cue_is_promise = Vec::new();
    for (name, entry) in &file.parts {
        let part = PartKind::parse(name)
            .unwrap_or_else(|| panic!("rules/lexicons/parts.toml: unknown part [{name}]"));
        let kind = match entry.kind.as_str() {
            "both" => None,
            other => Some(
                Kind::parse(other)
                    .unwrap_or_else(|| panic!("rules/lexicons/parts.toml: [{name}] kind")),
            ),
        };
        for (cue, promise) in entry
            .cues
            .iter()
            .map(|c| (c, false))
            .chain(entry.promises.iter().map(|c| (c, true)))
        {
            all.push(cue.as_str());
            cue_owner.push(parts.len());
            cue_is_promise.push(promise);
        }
        parts.push(PartCues {
            part,
            kind,
            headings: compile(name, "headings", &entry.headings),
            cues: compile(name, "cues", &entry.cues),
            not: compile(name, "not", &entry.not),
            concrete: compile(name, "concrete", &entry.concrete),
        });
    }
    // One set of every cue, matched once per sentence.
    let all_cues = compile_set(&all)
        .unwrap_or_else(|(i, e)| panic!("rules/lexicons/parts.toml: cue {:?}: {e}", all[i]));
    let neutral_headings = compile("sections", "neutral", &file.sections.neutral);
    let evidence = compile("sections", "evidence", &file.sections.evidence);
    PartLexicon {
        parts,
        all_cues,
        cue_owner,
        cue_is_promise,
        neutral_headings,
        evidence,
    }
});

/// A lexicon's patterns as compiled: case-insensitive, with ASCII word boundaries
/// (`patterns::prepare`). A Unicode `\b` stops the regex crate's fast engine on any non-ASCII text
/// (a curly quote, a euro sign), so lexicons write no `\b` next to a non-ASCII letter. `\w` is
/// ASCII too: the cue words it stands for (`we are (\w+ ){0,2}sorry`) are English.
fn compile_set<S: AsRef<str>>(patterns: &[S]) -> Result<PatternSet, (usize, String)> {
    let prepared: Vec<String> = patterns.iter().map(|p| crate::patterns::prepare(p.as_ref())).collect();
    PatternSet::new(&prepared, true)
}

/// Compiles a regex from a trusted built-in lexicon.
pub fn builtin_regex(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("built-in pattern {pattern:?}: {e}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn lexicons_load_and_every_pattern_compiles() {
        let lexicon = &*super::PART_LEXICON;
        assert!(!lexicon.parts.is_empty());
        assert!(!super::KIND_CUES.weights.is_empty());
        let mut sets = vec![&super::KIND_CUES.set, &lexicon.all_cues];
        for part in &lexicon.parts {
            sets.extend([&part.headings, &part.cues, &part.not, &part.concrete].into_iter().flatten());
        }
        sets.extend([&lexicon.neutral_headings, &lexicon.evidence].into_iter().flatten());
        for set in sets {
            set.compile_all().unwrap_or_else(|(i, e)| panic!("pattern {i}: {e}"));
        }
    }
}
