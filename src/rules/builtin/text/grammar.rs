//! `text/grammar`: grammar findings from harper-core, when grammar checking is on.

use crate::diagnostic::Diagnostic;
use crate::document::{DirectiveAction, Span};
use crate::fix::{Edit, Fix};
use crate::rules::builtin::{Check, finding};
use crate::rules::{Context, Rule};
use crate::spelling::grammar;

/// Runs only when `Settings::grammar` is set (`--grammar`, `grammar = true`) or the letter opts in
/// with `<!-- letterlint-enable text/grammar -->`. Checks each of the writer's own paragraphs
/// (not headings, not quotes) through the per-paragraph cache of `spelling::grammar`; letters that
/// are not in English are left alone. harper's suggestion becomes an unsafe fix.
pub struct Grammar;

/// True when the letter asks for grammar checking itself.
fn letter_opts_in(cx: &Context<'_>) -> bool {
    cx.letter
        .doc
        .directives
        .iter()
        .any(|d| d.action == DirectiveAction::Enable && d.rules.iter().any(|r| r == "text/grammar"))
}

impl Check for Grammar {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        if !cx.settings.grammar && !letter_opts_in(cx) {
            return;
        }
        if super::spelling::letter_scan(cx).not_english {
            return;
        }
        let locale = cx.settings.locale();
        for (_, block) in cx.letter.doc.own_blocks() {
            if block.is_heading() {
                continue;
            }
            let text = &block.prose.text;
            for found in grammar::check(text).iter() {
                let plain = Span::new(found.start, found.end);
                let span = block.prose.span_to_source(plain);
                let quoted = &text[found.start..found.end];
                let explanation = found.message.trim().trim_end_matches('.');
                let template = match &found.replacement {
                    _ if quoted.trim().is_empty() => rule.named_message("insertion", locale),
                    Some(_) => rule.message(locale),
                    None => rule.named_message("no_replacement", locale),
                };
                let message = template
                    .replace("{found}", quoted.trim())
                    .replace("{explanation}", explanation)
                    .replace("{replacement}", found.replacement.as_deref().unwrap_or(""));
                let mut diagnostic = finding(rule, span, message);
                if let (Some(replacement), true) = (&found.replacement, block.prose.is_exact(plain))
                {
                    let title = rule
                        .fix_title(locale)
                        .unwrap_or("Write `{replacement}`")
                        .replace("{replacement}", replacement);
                    diagnostic = diagnostic.with_fix(Fix::unsafe_fix(
                        title,
                        vec![Edit::replace(span, replacement.clone())],
                    ));
                }
                out.push(diagnostic);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::letter::Hints;
    use crate::rules::{Registry, Settings};

    fn grammar_findings(text: &str, settings: &Settings) -> Vec<String> {
        let registry = Registry::builtin().expect("built-in rules load");
        let (_, diagnostics) = crate::lint(&registry, text, &Hints::default(), settings);
        diagnostics
            .into_iter()
            .filter(|d| d.rule == "text/grammar")
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn runs_only_when_grammar_is_on() {
        let text = "Hello Maria,\n\nWe will send you a new one in a hour.\n";
        assert!(grammar_findings(text, &Settings::default()).is_empty());
        let on = Settings {
            grammar: true,
            ..Settings::default()
        };
        let found = grammar_findings(text, &on);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("`a`"), "{found:?}");
    }

    #[test]
    fn never_repeats_a_spelling_or_repeated_word_finding() {
        let on = Settings {
            grammar: true,
            ..Settings::default()
        };
        assert!(
            grammar_findings(
                "We checked the the parcel and will recieve it tomorow.",
                &on
            )
            .is_empty()
        );
    }
}
