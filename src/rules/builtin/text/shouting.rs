//! `text/shouting`: words in capitals that are not acronyms.

use crate::rules::builtin::{Check, finding};
use crate::diagnostic::Diagnostic;
use crate::document::Span;
use crate::fix::{Edit, Fix};
use crate::rules::{Context, Rule};

/// Finds runs of all-capital words of two or more letters that are not known acronyms (the
/// rule's `acronyms` option, plus the user's dictionary) and contain no digit (order ids, SKUs,
/// tracking numbers). Consecutive shouted words make one finding. Headings are left alone: a
/// heading in capitals is layout, not tone.
pub struct Shouting;

impl Check for Shouting {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let locale = cx.settings.locale();
        let acronyms: Vec<&str> = cx
            .settings
            .option(rule, "acronyms")
            .and_then(|v| v.as_array())
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        let min_letters = cx.settings.option(rule, "min_letters").and_then(|v| v.as_integer()).unwrap_or(2) as usize;
        let is_acronym = |word: &str| {
            acronyms.iter().any(|a| a.eq_ignore_ascii_case(word)) || cx.settings.dictionary.iter().any(|d| d == word)
        };
        let common: Vec<&str> = cx
            .settings
            .option(rule, "common_short_words")
            .and_then(|v| v.as_array())
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        let english = matches!(cx.letter.language(), None | Some("en"));
        let piece_is_shouted = |piece: &str| {
            let letters = piece.chars().filter(|c| c.is_alphabetic()).count();
            if letters < min_letters || piece.chars().any(|c| c.is_lowercase() || c.is_numeric()) {
                return false;
            }
            // Placeholders (`XXX`) are `text/placeholder`'s finding.
            if piece.chars().all(|c| c == 'X') {
                return false;
            }
            // A plural or possessive of an acronym ("ASINS", "SKU'S") is still an acronym.
            let base = piece.trim_end_matches("'S").trim_end_matches('S');
            if is_acronym(piece) || (base.len() >= 2 && is_acronym(base)) {
                return false;
            }
            // Unknown short capitals are usually acronyms (DNI, MB, IMG); common words are not.
            if letters >= 4 {
                // In English, a long word in capitals shouts when it is a word (`PLEASE`,
                // `NEVER`); `WIPO`, `FNSKU`, `USPTO` are acronyms. Other languages, and the
                // language server before its dictionaries are loaded, keep the length test.
                return !english || !crate::spelling::available() || crate::spelling::is_known(&piece.to_lowercase());
            }
            common.iter().any(|c| c.eq_ignore_ascii_case(piece))
        };
        let is_shouted = |word: &str| {
            let mut pieces = word.split(['-', '\'', '’']).filter(|p| p.chars().count() >= 2).peekable();
            pieces.peek().is_some() && pieces.all(piece_is_shouted)
        };
        for (_, block) in cx.letter.doc.own_blocks() {
            if block.is_heading() {
                continue;
            }
            let text = &block.prose.text;
            // Fast path: no two capitals in a row, no shouted word.
            if !text.as_bytes().windows(2).any(|w| w[0].is_ascii_uppercase() && w[1].is_ascii_uppercase()) && text.is_ascii() {
                continue;
            }
            let words = &block.words;
            let mut run: Option<(Span, usize)> = None;
            let flush = |run: &mut Option<(Span, usize)>, out: &mut Vec<Diagnostic>| {
                if let Some((plain, _)) = run.take() {
                    let found = &text[plain.range()];
                    let span = block.prose.span_to_source(plain);
                    let mut diagnostic = finding(rule, span, rule.message(locale).replace("{found}", found));
                    if block.prose.is_exact(plain) {
                        let lower = found.to_lowercase();
                        let title = rule.fix_title(locale).unwrap_or("Write `{replacement}`").replace("{replacement}", &lower).replace("{found}", found);
                        diagnostic = diagnostic.with_fix(Fix::unsafe_fix(title, vec![Edit::replace(span, lower)]));
                    }
                    out.push(diagnostic);
                }
            };
            for word in words {
                let w = &text[word.span.range()];
                if is_shouted(w) {
                    run = Some(match run {
                        Some((span, n)) if text[span.end as usize..word.span.start as usize].chars().all(|c| c == ' ') => (span.cover(word.span), n + 1),
                        other => {
                            let mut pending = other;
                            flush(&mut pending, out);
                            (word.span, 1)
                        }
                    });
                } else {
                    flush(&mut run, out);
                }
            }
            flush(&mut run, out);
        }
    }
}
