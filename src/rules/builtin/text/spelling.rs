//! `text/spelling`: words the en_US dictionary does not know.

use crate::diagnostic::Diagnostic;
use crate::document::Span;
use crate::fix::{Edit, Fix};
use crate::rules::builtin::{Check, finding};
use crate::rules::{Context, Rule};
use crate::spelling::{self, FindingKind, Scan, ScanOptions};

/// Reports the misspellings of the shared spelling scan (`spelling::scan`), with the dictionary's
/// best suggestion as an unsafe fix. Suggestions are computed only for flagged words.
pub struct Spelling;

/// The scan of the letter with the user's dictionary and the `text/spelling` options, shared by
/// the spelling, joined-word and split-word rules (computed once per lint).
pub fn letter_scan(cx: &Context<'_>) -> std::rc::Rc<Scan> {
    cx.spelling_scan.get_or_init(|| scan_letter(cx)).clone()
}

fn scan_letter(cx: &Context<'_>) -> std::rc::Rc<Scan> {
    let spelling_rule = cx
        .registry
        .index_of("text/spelling")
        .map(|i| &cx.registry.rules[i]);
    let option = |key: &str| spelling_rule.and_then(|rule| cx.settings.option(rule, key));
    let mut extra_words = cx.settings.dictionary.clone();
    if let Some(words) = option("words").and_then(|v| v.as_array()) {
        extra_words.extend(words.iter().filter_map(|w| w.as_str().map(str::to_string)));
    }
    let check_proper_nouns = option("check_proper_nouns")
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    spelling::scan(
        &cx.letter.doc,
        &ScanOptions {
            extra_words,
            check_proper_nouns,
        },
    )
}

impl Check for Spelling {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let locale = cx.settings.locale();
        let scan = letter_scan(cx);
        // Words other rules report with a better fix: chat abbreviations (`text/informal`) and
        // the non-native forms `phrasing/*` teaches (`vender`).
        let informal: Vec<&str> = ["informal", "phrasing"]
            .iter()
            .filter_map(|key| cx.settings.option(rule, key).and_then(|v| v.as_array()))
            .flatten()
            .filter_map(|v| v.as_str())
            .collect();
        for found in scan
            .findings
            .iter()
            .filter(|f| f.kind == FindingKind::Misspelled)
        {
            let block = &cx.letter.doc.blocks[found.block];
            let word = &block.prose.text[found.span.range()];
            if informal.iter().any(|w| w.eq_ignore_ascii_case(word)) {
                continue;
            }
            let span = block.prose.span_to_source(found.span);
            let suggestions = spelling::suggest(word);
            let Some(best) = suggestions.first() else {
                let message = rule
                    .named_message("no_suggestion", locale)
                    .replace("{found}", word);
                out.push(with_help(finding(rule, span, message), rule, locale));
                continue;
            };
            let message = rule
                .message(locale)
                .replace("{found}", word)
                .replace("{replacement}", best);
            let mut diagnostic = with_help(finding(rule, span, message), rule, locale);
            if block.prose.is_exact(found.span) {
                for suggestion in &suggestions {
                    let title = rule
                        .fix_title(locale)
                        .unwrap_or("Replace with `{replacement}`")
                        .replace("{replacement}", suggestion);
                    diagnostic = diagnostic.with_fix(Fix::unsafe_fix(
                        title,
                        vec![Edit::replace(span, suggestion.clone())],
                    ));
                }
            }
            out.push(diagnostic);
        }
        super::confusables::check(cx, rule, out);
        if cx.letter.language() == Some("es") {
            spanish(cx, rule, out);
        }
    }
}

/// A Spanish reply: words the Spanish dictionary does not know, with its suggestions.
fn spanish(cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let locale = cx.settings.locale();
    for found in spelling::spanish::misspellings(&cx.letter.doc, &cx.settings.dictionary) {
        let block = &cx.letter.doc.blocks[found.block];
        let word = &block.prose.text[found.span.range()];
        let span = block.prose.span_to_source(found.span);
        let suggestions = spelling::spanish::suggest(word);
        let message = match suggestions.first() {
            Some(best) => rule.named_message("spanish", locale).replace("{found}", word).replace("{replacement}", best),
            None => rule.named_message("spanish_no_suggestion", locale).replace("{found}", word),
        };
        let mut diagnostic = finding(rule, span, message);
        if block.prose.is_exact(found.span) {
            for suggestion in &suggestions {
                let title = rule.fix_title(locale).unwrap_or("Replace with `{replacement}`").replace("{replacement}", suggestion);
                diagnostic = diagnostic.with_fix(Fix::unsafe_fix(title, vec![Edit::replace(span, suggestion.clone())]));
            }
        }
        out.push(diagnostic);
    }
}

fn with_help(diagnostic: Diagnostic, rule: &Rule, locale: &str) -> Diagnostic {
    match rule.help(locale) {
        Some(help) => diagnostic.with_help(help),
        None => diagnostic,
    }
}

/// Reports the scan's findings of one kind (joined or split words) with a safe fix that writes
/// the replacement; used by `text/joined-words` and `text/split-word`.
pub fn report_rewrites(
    cx: &Context<'_>,
    rule: &Rule,
    out: &mut Vec<Diagnostic>,
    pick: fn(&FindingKind) -> Option<&str>,
) {
    let locale = cx.settings.locale();
    let scan = letter_scan(cx);
    for found in &scan.findings {
        let Some(replacement) = pick(&found.kind) else {
            continue;
        };
        let block = &cx.letter.doc.blocks[found.block];
        let text = &block.prose.text[found.span.range()];
        let span: Span = block.prose.span_to_source(found.span);
        let message = rule
            .message(locale)
            .replace("{found}", text)
            .replace("{replacement}", replacement);
        let mut diagnostic = finding(rule, span, message);
        if block.prose.is_exact(found.span) {
            let title = rule
                .fix_title(locale)
                .unwrap_or("Write `{replacement}`")
                .replace("{replacement}", replacement);
            diagnostic =
                diagnostic.with_fix(Fix::safe(title, vec![Edit::replace(span, replacement)]));
        }
        out.push(diagnostic);
    }
}

#[cfg(test)]
mod tests {
    use crate::letter::Hints;
    use crate::rules::{Registry, Settings};

    fn findings(text: &str, settings: &Settings) -> Vec<(String, String)> {
        let registry = Registry::builtin().expect("built-in rules load");
        let (letter, diagnostics) = crate::lint(&registry, text, &Hints::default(), settings);
        diagnostics
            .into_iter()
            .filter(|d| {
                d.rule.starts_with("text/spelling")
                    || d.rule == "text/joined-words"
                    || d.rule == "text/split-word"
            })
            .map(|d| (d.rule, letter.doc.slice(d.span).to_string()))
            .collect()
    }

    #[test]
    fn user_dictionary_and_front_matter_names_are_never_flagged() {
        let text = "---\nkind: reply\ncustomer: brindle\nsigner: quorra\n---\nHi brindle, your qwixel lamp is on its way.\n\nquorra\n";
        assert_eq!(
            findings(text, &Settings::default()),
            [("text/spelling".to_string(), "qwixel".to_string())]
        );
        let settings = Settings {
            dictionary: vec!["Qwixel".into()],
            ..Settings::default()
        };
        assert_eq!(findings(text, &settings), []);
    }

    #[test]
    fn one_finding_per_word_across_the_three_rules() {
        let text = "We cangive you a refund for the de lay untill Friday.";
        let found = findings(text, &Settings::default());
        assert_eq!(
            found,
            [
                ("text/joined-words".to_string(), "cangive".to_string()),
                ("text/split-word".to_string(), "de lay".to_string()),
                ("text/spelling".to_string(), "untill".to_string()),
            ]
        );
    }

    #[test]
    fn spelling_suggestions_become_unsafe_fixes() {
        let registry = Registry::builtin().unwrap();
        let (_, diagnostics) = crate::lint(
            &registry,
            "We will recieve it.",
            &Hints::default(),
            &Settings::default(),
        );
        let finding = diagnostics
            .iter()
            .find(|d| d.rule == "text/spelling")
            .expect("a spelling finding");
        assert_eq!(finding.fixes[0].edits[0].text, "receive");
        assert_eq!(
            finding.fixes[0].applicability,
            crate::fix::Applicability::Unsafe
        );
    }
}
