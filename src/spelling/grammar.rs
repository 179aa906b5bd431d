//! Grammar checking with harper-core's curated rule set, one paragraph at a time.
//!
//! harper needs about 1.5 s to load its dictionary and rules and lints about 80 KB/s, so it is
//! never on the fast path: it is built on first use (only when grammar checking is on), and its
//! findings are cached by paragraph text, so an unchanged paragraph is never linted twice (the
//! language server re-lints on every keystroke and reuses the cache).
//!
//! harper rules that duplicate letterlint's own (spelling, repeated words, spacing, ASAP, long
//! sentences and other style advice) are turned off, so a writer never sees a finding twice.
//!
//! Invariant: `GrammarFinding` offsets are byte offsets into the paragraph text given to `check`,
//! on character boundaries.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, LazyLock, Mutex};

use harper_core::linting::{LintGroup, LintKind, Suggestion};
use harper_core::spell::FstDictionary;
use harper_core::{Dialect, Document};

/// harper rules letterlint leaves out: its own rules cover them (spelling, joined and split words,
/// repeated words, spacing, informal abbreviations), or they are style advice rather than grammar.
pub const DROPPED_RULES: &[&str] = &[
    "SpellCheck",
    "Misspell",
    "SplitWords",
    "MergeWords",
    "TransposedSpace",
    "CompoundNouns",
    "OpenCompounds",
    "RepeatedWords",
    "TheTheToThatThe",
    "ToTo",
    "Spaces",
    "NoFrenchSpaces",
    "QuoteSpacing",
    "AsSoonAsPossible",
    "LongSentences",
    "UseTitleCase",
    "SentenceCapitalization",
    "EllipsisLength",
    "UseEllipsisCharacter",
    "OxfordComma",
    "NoOxfordComma",
    "BoringWords",
    "FillerWords",
    "Hedging",
    "AvoidContractions",
    "Dashes",
    "UnclosedQuotes",
    "SpelledNumbers",
    "HelloGreeting",
    // Measured on the corpus: duplicates of `text/spacing` and of the spelling rules (case of
    // names such as `Gao` or `paypal`), and advice that is wrong for letters ("every listing" is
    // not a mass noun, "pickup" is a noun, "MB" needs no expansion).
    "CommaFixes",
    "OrthographicConsistency",
    "ExpandMemoryShorthands",
    "ExpandTimeShorthands",
    "WrongNegative",
    "MassNouns",
    "PhrasalVerbAsCompoundNoun",
    "DiscourseMarkers",
];

/// Kinds of harper findings letterlint has its own rules for (spelling, repetition, spacing and
/// punctuation), or that are style rather than grammar (capitalisation of names, "enhancements").
fn is_dropped_kind(kind: LintKind) -> bool {
    matches!(
        kind,
        LintKind::Spelling
            | LintKind::Repetition
            | LintKind::Formatting
            | LintKind::Typo
            | LintKind::Capitalization
            | LintKind::Punctuation
            | LintKind::Enhancement
    )
}

/// One grammar finding in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrammarFinding {
    /// Byte range in the paragraph.
    pub start: usize,
    pub end: usize,
    /// harper's rule name, e.g. `AnA`.
    pub rule: String,
    /// harper's message.
    pub message: String,
    /// The text that would replace the range, when harper has a suggestion.
    pub replacement: Option<String>,
}

static LINTER: LazyLock<Mutex<LintGroup>> = LazyLock::new(|| {
    let mut group = LintGroup::new_curated(FstDictionary::curated(), Dialect::American);
    for key in DROPPED_RULES {
        group.config.set_rule_enabled(key, false);
    }
    Mutex::new(group)
});

/// Paragraph text -> findings. Shared by the CLI's threads and the language server.
static CACHE: LazyLock<Mutex<HashMap<String, Arc<Vec<GrammarFinding>>>>> =
    LazyLock::new(Default::default);

/// The most paragraphs the cache holds before it starts again.
const CACHE_LIMIT: usize = 20_000;

/// Set by the language server: never wait for harper to load (see `defer_loading`).
static DEFERRED: AtomicBool = AtomicBool::new(false);
/// True once harper is loaded.
static LOADED: AtomicBool = AtomicBool::new(false);

/// Loads harper now (about 1.5 s in a release build); the language server calls it on a
/// background thread, then re-publishes the diagnostics with the grammar findings.
pub fn warm_up() {
    LazyLock::force(&LINTER);
    LOADED.store(true, Ordering::SeqCst);
}

/// From now on `check` does not load harper itself: until `warm_up` has finished, a paragraph
/// not in the cache gets no grammar finding instead of a 1.5 s wait. The language server calls
/// this at start-up so that the other diagnostics are never delayed by grammar.
pub fn defer_loading() {
    DEFERRED.store(true, Ordering::SeqCst);
}

/// True once harper is loaded (always true after the first `check` when loading is not deferred).
pub fn is_loaded() -> bool {
    LOADED.load(Ordering::SeqCst)
}

/// The grammar findings of one paragraph of plain prose, from the cache when it was checked before.
pub fn check(paragraph: &str) -> Arc<Vec<GrammarFinding>> {
    if let Some(hit) = CACHE.lock().expect("grammar cache").get(paragraph) {
        return hit.clone();
    }
    if DEFERRED.load(Ordering::SeqCst) && !is_loaded() {
        return Arc::new(Vec::new());
    }
    LOADED.store(true, Ordering::SeqCst);
    let findings = Arc::new(lint(paragraph));
    let mut cache = CACHE.lock().expect("grammar cache");
    if cache.len() >= CACHE_LIMIT {
        cache.clear();
    }
    cache.insert(paragraph.to_string(), findings.clone());
    findings
}

/// The cached findings of a paragraph, without linting it: `None` when it was never checked.
pub fn cached(paragraph: &str) -> Option<Arc<Vec<GrammarFinding>>> {
    CACHE.lock().expect("grammar cache").get(paragraph).cloned()
}

fn lint(paragraph: &str) -> Vec<GrammarFinding> {
    let document = Document::new_plain_english_curated(paragraph);
    let lints = LINTER
        .lock()
        .expect("grammar linter")
        .organized_lints(&document);
    // Byte offset of each char index, plus the end.
    let mut offsets: Vec<usize> = paragraph.char_indices().map(|(i, _)| i).collect();
    offsets.push(paragraph.len());
    let byte = |char_idx: usize| offsets.get(char_idx).copied().unwrap_or(paragraph.len());
    let mut out: Vec<GrammarFinding> = lints
        .into_iter()
        .filter(|(rule, _)| !DROPPED_RULES.contains(&rule.as_str()))
        .flat_map(|(rule, lints)| lints.into_iter().map(move |lint| (rule.clone(), lint)))
        .filter(|(_, lint)| !is_dropped_kind(lint.lint_kind))
        .map(|(rule, lint)| {
            let (start, end) = (byte(lint.span.start), byte(lint.span.end));
            let original = &paragraph[start..end];
            let replacement = lint.suggestions.first().map(|s| match s {
                Suggestion::ReplaceWith(chars) => chars.iter().collect(),
                Suggestion::InsertAfter(chars) => {
                    format!("{original}{}", chars.iter().collect::<String>())
                }
                Suggestion::Remove => String::new(),
            });
            GrammarFinding {
                start,
                end,
                rule,
                message: lint.message,
                replacement,
            }
        })
        .collect();
    out.sort_by_key(|f| (f.start, f.end));
    out.dedup_by(|a, b| a.start == b.start && a.end == b.end);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_an_article_error_and_caches_it() {
        let text = "We will send you a new one in a hour.";
        let findings = check(text);
        let hit = findings
            .iter()
            .find(|f| &text[f.start..f.end] == "a")
            .expect("a/an finding");
        assert_eq!(hit.replacement.as_deref(), Some("an"));
        assert!(cached(text).is_some());
    }

    #[test]
    fn leaves_spelling_and_repeated_words_to_letterlint() {
        let text = "We checked the the parcel and will recieve it.";
        assert!(check(text).is_empty(), "{:?}", check(text));
    }
}
