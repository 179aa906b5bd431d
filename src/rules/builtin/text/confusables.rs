//! Real-word errors of `text/spelling`: a correctly spelled word where a sound-alike is meant
//! (`its bad` for `it's bad`, `for you message` for `for your message`). A dictionary cannot see
//! them, so `text/spelling`'s `data.confusables` lists the contexts where the wrong word is
//! certain: pattern → replacement, with a named group `hit` for the part that is replaced.

use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};

use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::rules::builtin::finding;
use crate::rules::{Context, Rule};

/// One confusable context: the pattern and its replacement template (`$1`, `${name}`).
pub struct Confusable {
    regex: Regex,
    replacement: String,
}

/// The confusables of the rule's data, compiled once (built-in data does not change at run
/// time; a pattern that does not compile is reported by the rule-data test and skipped here).
fn confusables(rule: &Rule) -> &'static [Confusable] {
    static COMPILED: OnceLock<Vec<Confusable>> = OnceLock::new();
    COMPILED.get_or_init(|| compile(rule.spec.data.as_ref()))
}

/// Compiles the `confusables` table of a rule's data.
pub fn compile(data: Option<&toml::Value>) -> Vec<Confusable> {
    let Some(table) = data.and_then(|d| d.get("confusables")).and_then(|t| t.as_table()) else {
        return Vec::new();
    };
    table
        .iter()
        .filter_map(|(pattern, replacement)| {
            let regex = RegexBuilder::new(&crate::patterns::prepare(pattern))
                .case_insensitive(true)
                .build()
                .ok()?;
            Some(Confusable { regex, replacement: replacement.as_str()?.to_string() })
        })
        .collect()
}

/// Reports every confusable in the writer's own prose of an English letter.
pub fn check(cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    if cx.letter.language().is_some_and(|l| l != "en") {
        return;
    }
    let locale = cx.settings.locale();
    for block in cx.letter.doc.blocks.iter().filter(|b| !b.quoted) {
        let text = block.prose.text.as_str();
        for confusable in confusables(rule) {
            for caps in confusable.regex.captures_iter(text) {
                let whole = caps.get(0).expect("group 0");
                let hit = caps.name("hit").unwrap_or(whole);
                let mut expanded = String::new();
                caps.expand(&confusable.replacement, &mut expanded);
                let plain = crate::document::Span::new(hit.start(), hit.end());
                let span = block.prose.span_to_source(plain);
                let found = hit.as_str();
                let replacement = keep_initial_case(found, &expanded);
                let message = rule
                    .named_message("confusable", locale)
                    .replace("{found}", found)
                    .replace("{replacement}", &replacement);
                let mut diagnostic = finding(rule, span, message);
                if block.prose.is_exact(plain) {
                    let title = rule
                        .fix_title(locale)
                        .unwrap_or("Replace with `{replacement}`")
                        .replace("{replacement}", &replacement);
                    diagnostic = diagnostic.with_fix(Fix::unsafe_fix(title, vec![Edit::replace(span, replacement.clone())]));
                }
                out.push(diagnostic);
            }
        }
    }
}

/// `Its` at a sentence start becomes `It's`, not `it's`.
fn keep_initial_case(found: &str, replacement: &str) -> String {
    let upper = found.chars().next().is_some_and(char::is_uppercase);
    let mut chars = replacement.chars();
    match chars.next() {
        Some(first) if upper => first.to_uppercase().chain(chars).collect(),
        _ => replacement.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::letter::Hints;
    use crate::rules::{Registry, Settings};

    fn confusables(text: &str) -> Vec<String> {
        let registry = Registry::builtin().expect("built-in rules load");
        let (_, diagnostics) = crate::lint(&registry, text, &Hints::default(), &Settings::default());
        diagnostics
            .into_iter()
            .filter(|d| d.rule == "text/spelling" && d.message.contains("wrong word"))
            .map(|d| text[d.span.range()].to_string())
            .collect()
    }

    #[test]
    fn flags_the_sound_alike_only_where_it_is_certain() {
        assert_eq!(confusables("Its a pity. Thanks for you patience; we know its late."), ["Its", "you", "its"]);
        assert!(confusables("The shop and its own team. This gift is for you. Your welcome gift is inside.").is_empty());
    }

    #[test]
    fn quoted_messages_and_other_languages_are_left_alone() {
        assert!(confusables("> Thanks for you message\n\nHi Ann, thank you.").is_empty());
        assert!(confusables("---\nlanguage: es\n---\nGracias, its a test for you order.").is_empty());
    }
}
