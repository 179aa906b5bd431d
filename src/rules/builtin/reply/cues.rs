//! The cues the reply content rules read, from the embedded `rules/lexicons/replies.toml`, each
//! compiled for the language of the letter it reads.
//!
//! Invariant: the lexicon is compiled once per process and a broken one is a build defect, caught
//! by the unit tests below, so loading it panics with the file and cue named. A cue's regex for a
//! language is compiled the first time a letter in that language asks for it.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use regex::Regex;
use serde::Deserialize;

use crate::embedded;
use crate::patterns::{PatternSet, Scan};

const FILE: &str = "lexicons/replies.toml";

/// One or several patterns.
#[derive(Deserialize)]
#[serde(untagged)]
enum Patterns {
    One(String),
    Many(Vec<String>),
}

impl Patterns {
    fn into_vec(self) -> Vec<String> {
        match self {
            Patterns::One(p) => vec![p],
            Patterns::Many(ps) => ps,
        }
    }
}

#[derive(Deserialize)]
struct LexiconFile {
    languages: Vec<String>,
    #[serde(flatten)]
    cues: HashMap<String, HashMap<String, Patterns>>,
}

/// A cue: patterns per language, compiled per reading language on first use.
pub struct Cue {
    name: String,
    /// Patterns of every language.
    any: Vec<String>,
    /// Patterns of each of the lexicon's languages, in the lexicon's order (empty when missing).
    by_language: Vec<Vec<String>>,
    /// 0: every language; 1 + i: English and the lexicon's language i.
    compiled: Vec<OnceLock<Regex>>,
    /// Its place in a `SlotSet`'s `ranges`.
    index: usize,
}

pub struct Lexicon {
    /// The languages every cue is written for, English first.
    pub languages: Vec<String>,
    cues: HashMap<String, Cue>,
    /// For each reading slot (see `Cue::regex`), every cue's patterns in one set, built on first
    /// use: a letter in English never compiles the Russian patterns.
    slot_sets: Vec<OnceLock<SlotSet>>,
}

/// Every cue's patterns for one reading slot, so that a sentence asked about many cues (issue
/// recognition reads 25 of them) costs one literal pass (`Scanned`).
struct SlotSet {
    set: PatternSet,
    /// Where each cue's patterns are in `set`, by `Cue::index`.
    ranges: Vec<Range<usize>>,
}

impl Lexicon {
    fn slot_set(&self, slot: usize) -> &SlotSet {
        self.slot_sets[slot].get_or_init(|| {
            let mut patterns: Vec<&str> = Vec::new();
            let mut ranges = vec![0..0; self.cues.len()];
            for cue in self.cues.values() {
                let start = patterns.len();
                patterns.extend(cue.slot_patterns(slot));
                ranges[cue.index] = start..patterns.len();
            }
            let set = PatternSet::new(&patterns, true).unwrap_or_else(|(i, e)| panic!("rules/{FILE}: {:?}: {e}", patterns[i]));
            SlotSet { set, ranges }
        })
    }

    /// The reading slot of a letter in `language`: 1 + its index among the lexicon's languages,
    /// or 0 (every language) when it is unknown or not one of them.
    fn slot(&self, language: Option<&str>) -> usize {
        language.and_then(|l| self.languages.iter().position(|x| x == l)).map_or(0, |i| i + 1)
    }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let text = embedded::file(FILE).unwrap_or_else(|| panic!("rules/{FILE} is embedded"));
    let file: LexiconFile = toml::from_str(text).unwrap_or_else(|e| panic!("rules/{FILE}: {e}"));
    assert_eq!(file.languages.first().map(String::as_str), Some("en"), "rules/{FILE}: `languages` starts with en");
    let cues: HashMap<String, Cue> = file
        .cues
        .into_iter()
        .enumerate()
        .map(|(index, (name, mut table))| {
            let any = table.remove("any").map(Patterns::into_vec).unwrap_or_default();
            let by_language: Vec<Vec<String>> = file.languages.iter().map(|l| table.remove(l).map(Patterns::into_vec).unwrap_or_default()).collect();
            if let Some(unknown) = table.keys().next() {
                panic!("rules/{FILE}: cue `{name}` has patterns for `{unknown}`, which is not in `languages`");
            }
            let compiled = (0..=file.languages.len()).map(|_| OnceLock::new()).collect();
            (name.clone(), Cue { name, any, by_language, compiled, index })
        })
        .collect();
    let slot_sets = (0..=file.languages.len()).map(|_| OnceLock::new()).collect();
    Lexicon { languages: file.languages, cues, slot_sets }
});

/// The lexicon.
#[cfg(test)]
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// The cue `name` of `rules/lexicons/replies.toml`.
pub fn cue(name: &str) -> &'static Cue {
    LEXICON.cues.get(name).unwrap_or_else(|| panic!("rules/{FILE} has no cue `{name}`"))
}

#[cfg(test)]
impl Lexicon {
    /// The cues, by name.
    pub fn cues(&self) -> impl Iterator<Item = &Cue> {
        self.cues.values()
    }
}

impl Cue {
    #[cfg(test)]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The languages this cue has patterns for (every one when it has `any` patterns).
    #[cfg(test)]
    pub fn covers(&self, language: &str) -> bool {
        !self.any.is_empty() || LEXICON.languages.iter().zip(&self.by_language).any(|(l, p)| l == language && !p.is_empty())
    }

    /// The cue for a letter in `language`: English, that language and `any`; every language when
    /// the language is unknown or not one of the lexicon's.
    pub fn regex(&self, language: Option<&str>) -> &Regex {
        let slot = LEXICON.slot(language);
        self.compiled[slot].get_or_init(|| {
            let alternation = self.slot_patterns(slot).map(|p| format!("(?:{p})")).collect::<Vec<_>>().join("|");
            Regex::new(&format!("(?i){alternation}"))
                .unwrap_or_else(|e| panic!("rules/{FILE}: cue `{}`: {e}", self.name))
        })
    }

    /// True when the cue matches `text` of a letter in `language`.
    pub fn is_match(&self, language: Option<&str>, text: &str) -> bool {
        self.regex(language).is_match(text)
    }

    /// The patterns a letter is read with in `slot`: `any`, English, and the slot's language
    /// (every language in slot 0).
    fn slot_patterns(&self, slot: usize) -> impl Iterator<Item = &str> {
        let languages = self.by_language.iter().enumerate().filter(move |(i, _)| slot == 0 || *i == 0 || i + 1 == slot);
        self.any.iter().chain(languages.flat_map(|(_, p)| p)).map(String::as_str)
    }

    /// `is_match` on a text scanned once for many cues (with the language of its letter): only
    /// the patterns whose literals are in the text run.
    pub fn is_match_scanned(&self, text: &Scanned<'_>) -> bool {
        let slot_set = LEXICON.slot_set(text.slot);
        slot_set.set.is_match_in(&text.scan, text.text, slot_set.ranges[self.index].clone())
    }
}

/// A text read once against the literals of every cue, to ask it about many cues
/// (`Cue::is_match_scanned`).
pub struct Scanned<'t> {
    text: &'t str,
    slot: usize,
    scan: Scan,
}

impl<'t> Scanned<'t> {
    /// `text` of a letter in `language`.
    pub fn new(language: Option<&str>, text: &'t str) -> Scanned<'t> {
        let slot = LEXICON.slot(language);
        Scanned { text, slot, scan: LEXICON.slot_set(slot).set.scan(text) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cue_compiles_for_every_language_and_covers_them_all() {
        let lexicon = lexicon();
        assert!(lexicon.cues().count() > 20);
        for slot in 0..=lexicon.languages.len() {
            lexicon.slot_set(slot).set.compile_all().unwrap_or_else(|(i, e)| panic!("rules/{FILE}: slot {slot}, pattern {i}: {e}"));
        }
        for cue in lexicon.cues() {
            cue.regex(None);
            for language in &lexicon.languages {
                assert!(cue.covers(language), "rules/{FILE}: cue `{}` has no `{language}` patterns (nor `any`)", cue.name());
                cue.regex(Some(language));
            }
        }
    }

    #[test]
    fn a_letter_is_read_with_english_and_its_own_language_only() {
        // French "car" is "because"; in an English letter it is a car.
        let cause = cue("delay-cause");
        assert!(cause.is_match(Some("fr"), "Le colis est bloqué car la douane est fermée."));
        assert!(!cause.is_match(Some("en"), "The car is red."));
        assert!(cause.is_match(None, "Le colis est bloqué car la douane est fermée."));
        // English wording inside a reply in another language still counts.
        assert!(cause.is_match(Some("de"), "Das Paket ist wegen des Wetters spät. Due to the storm."));
        assert!(cause.is_match(Some("nl"), "because of the storm"));
    }

    #[test]
    fn a_scanned_text_answers_as_the_cue_regex_does() {
        let texts = [
            "Le colis est bloqué car la douane est fermée.",
            "The car is red.",
            "Your parcel is late because of the storm; we will refund you within 5 business days.",
            "Das Paket ist wegen des Wetters spät.",
            "If the item arrives damaged, please send us a photo.",
            "",
        ];
        for cue in lexicon().cues() {
            for text in texts {
                for language in [None, Some("en"), Some("fr"), Some("de"), Some("xx")] {
                    let scanned = Scanned::new(language, text);
                    assert_eq!(cue.is_match_scanned(&scanned), cue.is_match(language, text), "{} {language:?} {text:?}", cue.name());
                }
            }
        }
    }

    #[test]
    fn the_rules_that_read_the_cues_claim_exactly_the_lexicon_languages() {
        let registry = crate::rules::Registry::builtin().expect("built-in rules load");
        let readers = ["reply/apology", "reply/customs", "reply/delay", "reply/options", "reply/photo-request", "reply/refund-timeline", "reply/solution"];
        for id in readers {
            let rule = registry.rules.iter().find(|r| r.id() == id).expect(id);
            assert_eq!(rule.spec.languages, lexicon().languages, "{id}: `languages` must be those of rules/{FILE}");
        }
    }
}
