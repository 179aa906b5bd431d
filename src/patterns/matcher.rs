//! `Matcher`: a pattern compiled on first use to answer only whether it matches a text.
//!
//! Letterlint's prefilters (`Prefilter`) find the literals a pattern needs before its regex runs,
//! so the regex crate's own literal prefilter would search the text again, through tables that
//! are cold in the CPU cache by the time a sentence asks: with hundreds of patterns taking turns,
//! that is most of the cost of a call (`cargo bench --bench regex_locality`: 1.7 µs a call with
//! it, 0.6 µs without, with 400 patterns in turn). A `Matcher` is
//! the same pattern, with the same syntax and limits as `regex::Regex`, without that prefilter.

use std::sync::OnceLock;

use regex_automata::meta;
use regex_automata::util::syntax;

/// Compiled size allowed for one pattern, as for the pattern's `regex::Regex`.
const SIZE_LIMIT: usize = 10 << 20;

#[derive(Debug, Clone, Default)]
pub struct Matcher(OnceLock<meta::Regex>);

impl Matcher {
    /// True when `source` (case-insensitive or not) matches somewhere in `text`. The first call
    /// compiles it; the caller has compiled the same pattern as a `regex::Regex` already, so a
    /// pattern that does not compile here is a defect.
    pub fn is_match(&self, source: &str, case_insensitive: bool, text: &str) -> bool {
        self.0
            .get_or_init(|| {
                meta::Builder::new()
                    .configure(meta::Config::new().auto_prefilter(false).nfa_size_limit(Some(SIZE_LIMIT)))
                    .syntax(syntax::Config::new().case_insensitive(case_insensitive))
                    .build(source)
                    .unwrap_or_else(|e| panic!("pattern {source:?} does not compile: {e}"))
            })
            .is_match(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_the_regex_crate_does() {
        let patterns = [r"(?-u:\b)sorry(?-u:\b)", r"\bcafé\b", r"(?i)K", r"order\s*#?\d{6,}", "спасибо", r"[a-z]+@[a-z]+\.com"];
        let texts = ["We are SORRY.", "Le café est chaud", "\u{212A}elvin", "order #1234567", "Спасибо!", "mail me: a@b.com", "nothing", ""];
        for pattern in patterns {
            for case_insensitive in [false, true] {
                let regex = regex::RegexBuilder::new(pattern).case_insensitive(case_insensitive).build().unwrap();
                let matcher = Matcher::default();
                for text in texts {
                    assert_eq!(matcher.is_match(pattern, case_insensitive, text), regex.is_match(text), "{pattern:?} {case_insensitive} {text:?}");
                }
            }
        }
    }
}
