//! Code rules of the `appeal/` group: what a seller's appeal to a marketplace must contain
//! (seed 000's three parts, per-order reasons with evidence, the materials each platform asks for)
//! and how its parts are ordered and closed.
//!
//! Invariant: the rules read the letter through the `Letter` API (parts, units, front matter),
//! never through the details of how parts are recognised.

use std::sync::LazyLock;

use regex::Regex;

use super::Check;
use crate::diagnostic::Diagnostic;
use crate::document::BlockKind;
use crate::fix::Fix;
use crate::letter::{Letter, PartKind, Unit};
use crate::patterns::PatternSet;
use crate::rules::engine::{insert_block, insertion_point, letter_span};
use crate::rules::{Context, Rule};

mod acknowledgment;
mod attachments;
mod evidence;
mod length;
mod mentions;
mod part_order;
mod per_order;
mod remedies;
mod root_cause;
mod salutation;
mod signoff;

pub static RULES: &[(&str, &dyn Check)] = &[
    ("appeal/acknowledgment", &acknowledgment::Acknowledgment),
    ("appeal/attachments", &attachments::Attachments),
    ("appeal/evidence", &evidence::Evidence),
    ("appeal/length", &length::Length),
    ("appeal/non-recurrence", &mentions::NonRecurrence),
    ("appeal/part-order", &part_order::PartOrder),
    ("appeal/per-order", &per_order::PerOrder),
    ("appeal/platform-commitment", &mentions::PlatformCommitment),
    ("appeal/remedies", &remedies::Remedies),
    ("appeal/restate-reason", &mentions::RestateReason),
    ("appeal/root-cause", &root_cause::RootCause),
    ("appeal/salutation", &salutation::Salutation),
    ("appeal/signoff", &signoff::Signoff),
];

/// Order ids as marketplaces print them: Wish (24 hexadecimal characters with at least one digit
/// and one letter, checked by `is_order_id`) and Amazon (3-7-7 digits).
pub(crate) static ORDER_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([0-9a-fA-F]{24}|\d{3}-\d{7}-\d{7})\b").expect("regex"));

/// True when a 24-character hexadecimal token is an order id rather than a word or a number.
pub(crate) fn is_order_id(token: &str) -> bool {
    token.contains('-')
        || (token.chars().any(|c| c.is_ascii_digit())
            && token.chars().any(|c| c.is_ascii_alphabetic()))
}

/// The writer's own sentences with their text, in order.
pub(crate) fn sentences(letter: &Letter) -> impl Iterator<Item = (usize, &Unit, &str)> {
    letter
        .units
        .iter()
        .enumerate()
        .map(move |(i, u)| (i, u, letter.unit_text(u)))
}

/// A finding that the letter lacks something, at the letter's first line, with an insertion of
/// the rule's skeleton (`insert`, filled from front matter) after the last part of `after` or
/// before the first part of `before`. The insertion is unsafe: the writer must edit it.
pub(crate) fn missing(
    cx: &Context<'_>,
    rule: &Rule,
    message: &str,
    after: &[PartKind],
    before: &[PartKind],
) -> Diagnostic {
    let locale = cx.settings.locale();
    let mut diagnostic = super::finding(rule, letter_span(cx.letter), cx.fill(message));
    if let Some(help) = rule.help(locale) {
        diagnostic = diagnostic.with_help(cx.fill(help));
    }
    if let Some(insert) = rule.insert_text(locale) {
        let edit = insert_block(cx.letter, insertion_point(cx.letter, after, before), &cx.fill(insert.trim_end()));
        let title = rule
            .fix_title(locale)
            .unwrap_or("Insert a skeleton to edit")
            .to_string();
        diagnostic = diagnostic.with_fix(Fix::unsafe_fix(title, vec![edit]));
    }
    diagnostic
}

/// The text a finding about one sentence reads: the sentence, or for a table row or list item the
/// whole block (an order's reason and evidence often sit in other cells of its row).
pub(crate) fn context_text(letter: &Letter, unit: usize) -> &str {
    let block = &letter.doc.blocks[letter.units[unit].block];
    match block.kind {
        BlockKind::TableRow { .. } | BlockKind::ListItem { .. } => &block.prose.text,
        _ => letter.unit_text(&letter.units[unit]),
    }
}

/// The front matter reason with dashes as spaces (`high refund rate`), if any.
pub(crate) fn reason_words(letter: &Letter) -> Option<String> {
    letter.reason().map(|r| r.replace(['-', '_'], " "))
}

/// Compiled patterns of a rule's `data` (an array of strings under `key`), case-insensitive,
/// compiled once per rule and key. A pattern that does not compile is left out and reported by the
/// rule's unit tests, which compile every data pattern.
pub(crate) fn data_patterns(rule: &Rule, key: &str) -> std::sync::Arc<Vec<Regex>> {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};
    static CACHE: LazyLock<Mutex<HashMap<String, Arc<Vec<Regex>>>>> =
        LazyLock::new(Default::default);
    let cache_key = format!("{}#{}#{}", rule.id(), rule.origin, key);
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    cache
        .entry(cache_key)
        .or_insert_with(|| {
            let patterns = rule
                .spec
                .data
                .as_ref()
                .and_then(|d| d.get(key))
                .and_then(|v| v.as_array());
            Arc::new(
                patterns
                    .into_iter()
                    .flatten()
                    .filter_map(|v| v.as_str())
                    .filter_map(|p| compile(p).ok())
                    .collect(),
            )
        })
        .clone()
}

/// Compiles a data pattern the way rule files' patterns are compiled: case-insensitive.
pub(crate) fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    regex::RegexBuilder::new(pattern)
        .case_insensitive(true)
        .build()
}

/// The patterns as one `PatternSet`, compiled once per list (a cloned `Regex` starts with empty
/// caches, so sharing one set keeps its lazy DFAs warm); patterns that do not compile are left out.
pub(crate) fn set_cached(patterns: &[String]) -> std::sync::Arc<PatternSet> {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};
    static CACHE: LazyLock<Mutex<HashMap<Vec<String>, Arc<PatternSet>>>> = LazyLock::new(Default::default);
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    cache
        .entry(patterns.to_vec())
        .or_insert_with(|| Arc::new(set_of(patterns.iter().map(String::as_str))))
        .clone()
}

/// The patterns that compile (`compile`), as one case-insensitive `PatternSet`.
fn set_of<'a>(patterns: impl Iterator<Item = &'a str>) -> PatternSet {
    let valid: Vec<&str> = patterns.filter(|p| compile(p).is_ok()).collect();
    PatternSet::new(&valid, true)
        .or_else(|_| PatternSet::new::<&str>(&[], true))
        .expect("an empty set builds")
}

/// True when one of the writer's sentences matches one of `patterns`.
pub(crate) fn mentions(letter: &Letter, patterns: &PatternSet) -> bool {
    sentences(letter).any(|(_, _, text)| patterns.is_match(text))
}

/// The patterns of `data.<key>` of a rule as one `PatternSet` (literal prefilter, then each
/// candidate's own regex), compiled once per rule and key; patterns that do not compile are left
/// out, as in `data_patterns`.
pub(crate) fn data_set(rule: &Rule, key: &str) -> std::sync::Arc<PatternSet> {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};
    static CACHE: LazyLock<Mutex<HashMap<String, Arc<PatternSet>>>> = LazyLock::new(Default::default);
    let cache_key = format!("{}#{}#{}", rule.id(), rule.origin, key);
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    cache
        .entry(cache_key)
        .or_insert_with(|| {
            let listed = rule.spec.data.as_ref().and_then(|d| d.get(key)).and_then(|v| v.as_array());
            Arc::new(set_of(listed.into_iter().flatten().filter_map(|v| v.as_str())))
        })
        .clone()
}

#[cfg(test)]
mod tests {
    use crate::rules::Registry;

    #[test]
    fn every_data_pattern_of_the_appeal_and_tone_rules_compiles() {
        let registry = Registry::builtin().expect("built-in rules load");
        let mut bad = Vec::new();
        for rule in registry
            .rules
            .iter()
            .filter(|r| r.id().starts_with("appeal/") || r.id().starts_with("tone/"))
        {
            let mut stack: Vec<&toml::Value> = rule.spec.data.iter().collect();
            while let Some(value) = stack.pop() {
                match value {
                    toml::Value::Table(t) => {
                        for (key, v) in t {
                            if key == "patterns" || key == "detect" || key.ends_with("_patterns") {
                                for p in v
                                    .as_array()
                                    .into_iter()
                                    .flatten()
                                    .filter_map(|p| p.as_str())
                                {
                                    if let Err(e) = super::compile(p) {
                                        bad.push(format!("{}: {p}: {e}", rule.id()));
                                    }
                                }
                            } else {
                                stack.push(v);
                            }
                        }
                    }
                    toml::Value::Array(a) => stack.extend(a),
                    _ => {}
                }
            }
        }
        assert!(bad.is_empty(), "{bad:#?}");
    }

    #[test]
    fn order_ids_need_a_digit_and_a_letter() {
        assert!(super::is_order_id("5f1a2b3c4d5e6f708192a3b4"));
        assert!(super::is_order_id("112-5495258-5476473"));
        assert!(!super::is_order_id("123456789012345678901234"));
    }
}
