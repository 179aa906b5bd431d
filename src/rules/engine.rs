//! Running the rules of a `Registry` over a `Letter`.

use std::collections::HashMap;

use super::registry::{Registry, Rule};
use super::spec::CheckKind;
use super::suppress;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Span;
use crate::fix::{Edit, Fix};
use crate::letter::{Letter, PartKind};

/// What the configuration says about running rules on one file.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Rule id or prefix (`appeal/`) -> severity; `None` turns the rules off. Most specific wins.
    pub severities: Vec<(String, Option<Severity>)>,
    /// When not empty, only rules matching one of these ids or prefixes run.
    pub select: Vec<String>,
    /// Rules matching one of these ids or prefixes never run.
    pub ignore: Vec<String>,
    /// Language of messages (`en`, `zh-CN`).
    pub locale: String,
    /// Words the writer added to the dictionary.
    pub dictionary: Vec<String>,
    /// Per-rule settings from `[rule-options."group/name"]`.
    pub rule_options: HashMap<String, toml::Table>,
    /// The time to compare dates with (`--now`), or the clock.
    pub now: Option<jiff::Timestamp>,
    /// Run the grammar checker.
    pub grammar: bool,
    /// The folder of the letter, to find attachments beside it.
    pub letter_dir: Option<std::path::PathBuf>,
}

/// True when `id` is `pattern`, or `pattern` is a prefix ending with `/`, or a bare group name.
pub fn rule_matches(id: &str, pattern: &str) -> bool {
    id == pattern
        || (pattern.ends_with('/') && id.starts_with(pattern))
        || (!pattern.contains('/') && id.split('/').next() == Some(pattern))
        || pattern == "all"
}

impl Settings {
    /// The severity of a rule after configuration, or `None` when it is off.
    pub fn severity_of(&self, rule: &Rule) -> Option<Severity> {
        let id = rule.id();
        if !self.select.is_empty() && !self.select.iter().any(|p| rule_matches(id, p)) {
            return None;
        }
        if self.ignore.iter().any(|p| rule_matches(id, p)) {
            return None;
        }
        let mut best: Option<(usize, Option<Severity>)> = None;
        for (pattern, severity) in &self.severities {
            if rule_matches(id, pattern) {
                let specificity = if pattern == id { usize::MAX } else { pattern.len() };
                if best.is_none_or(|(s, _)| specificity >= s) {
                    best = Some((specificity, *severity));
                }
            }
        }
        match best {
            Some((_, severity)) => severity,
            None => Some(rule.spec.severity),
        }
    }

    /// A rule option: the user's value, else the rule file's default.
    pub fn option<'a>(&'a self, rule: &'a Rule, key: &str) -> Option<&'a toml::Value> {
        self.rule_options.get(rule.id()).and_then(|t| t.get(key)).or_else(|| rule.spec.options.get(key))
    }

    pub fn locale(&self) -> &str {
        &self.locale
    }
}

/// What a code rule sees.
pub struct Context<'a> {
    pub letter: &'a Letter,
    pub settings: &'a Settings,
    pub registry: &'a Registry,
    /// For each block, the index of its first unit in `letter.units` (blocks without units: none).
    unit_of_block: Vec<Option<usize>>,
    /// The spelling scan of this lint (`text::spelling::letter_scan`): the rules that read it see
    /// one scan even when it is incomplete, and so not cached by `spelling::scan`.
    pub(crate) spelling_scan: std::cell::OnceCell<std::rc::Rc<crate::spelling::Scan>>,
}

impl<'a> Context<'a> {
    pub fn new(letter: &'a Letter, settings: &'a Settings, registry: &'a Registry) -> Self {
        let mut unit_of_block = vec![None; letter.doc.blocks.len()];
        for (i, unit) in letter.units.iter().enumerate() {
            unit_of_block[unit.block].get_or_insert(i);
        }
        Context { letter, settings, registry, unit_of_block, spelling_scan: Default::default() }
    }

    /// The unit (sentence) of block `block` that holds plain offset `offset`.
    pub fn unit_at(&self, block: usize, offset: usize) -> Option<usize> {
        let first = self.unit_of_block.get(block).copied().flatten()?;
        let sentences = &self.letter.doc.blocks[block].sentences;
        let idx = sentences.partition_point(|s| (s.span.end as usize) <= offset).min(sentences.len().saturating_sub(1));
        Some(first + idx)
    }

    /// The parts of the sentence holding plain offset `offset` of block `block`.
    pub fn parts_at(&self, block: usize, offset: usize) -> &[PartKind] {
        self.unit_at(block, offset).map_or(&[], |u| &self.letter.units[u].parts)
    }

    /// Fills `{platform}`, `{reason}`, `{orders}`, `{kind}` from the letter.
    pub fn fill(&self, template: &str) -> String {
        let fm = self.letter.doc.front_matter.as_ref();
        let reason = fm.and_then(|f| f.reason.clone()).unwrap_or_else(|| "this issue".into()).replace('-', " ");
        let orders = fm.map(|f| f.orders.join(", ")).filter(|o| !o.is_empty()).unwrap_or_else(|| "the affected orders".into());
        template
            .replace("{platform}", &platform_name(&self.letter.platform))
            .replace("{reason}", &reason)
            .replace("{orders}", &orders)
            .replace("{kind}", self.letter.kind.as_str())
    }
}

/// The marketplace's name as people write it.
pub fn platform_name(platform: &str) -> String {
    crate::letter::platform_title(platform).unwrap_or("marketplace").to_string()
}

/// Runs every enabled rule over the letter and returns the findings, sorted by position, with
/// suppression comments applied and configured severities set.
pub fn check(registry: &Registry, letter: &Letter, settings: &Settings) -> Vec<Diagnostic> {
    let cx = Context::new(letter, settings, registry);
    let enabled: Vec<Option<Severity>> = registry
        .rules
        .iter()
        .map(|rule| {
            settings
                .severity_of(rule)
                .filter(|_| rule.applies_to(letter.kind, &letter.platform))
                // The letter's language is detected only when a rule asks for it.
                .filter(|_| rule.spec.languages.is_empty() || rule.reads(letter.language()))
        })
        .collect();
    let mut out = Vec::new();
    check_patterns(&cx, &enabled, &mut out);
    for (rule, severity) in registry.rules.iter().zip(&enabled) {
        if severity.is_none() {
            continue;
        }
        match rule.spec.check {
            CheckKind::RequiredPart => check_required_part(&cx, rule, &mut out),
            CheckKind::Code => {
                if let Some(code) = rule.code {
                    code.check(&cx, rule, &mut out);
                }
            }
            CheckKind::Phrase | CheckKind::Substitution => {}
        }
    }
    for diagnostic in &mut out {
        if let Some(Some(severity)) = registry.index_of(&diagnostic.rule).map(|i| enabled[i]) {
            diagnostic.severity = severity;
        }
    }
    let mut out = suppress::apply(&letter.doc, out);
    out.sort_by(|a, b| (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule)));
    out.dedup_by(|a, b| a.rule == b.rule && a.span == b.span);
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// True when a match does not cut a word in two at an edge where the match has a word character.
fn at_word_edges(text: &str, start: usize, end: usize) -> bool {
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let start_ok = !(first.is_some_and(is_word_char) && before.is_some_and(is_word_char));
    let end_ok = !(last.is_some_and(is_word_char) && after.is_some_and(is_word_char));
    start_ok && end_ok
}

/// Keeps the case of the first letter of the text replaced: "Pls" -> "Please".
fn match_case(found: &str, replacement: &str) -> String {
    let starts_upper = found.chars().next().is_some_and(char::is_uppercase);
    let all_upper = found.chars().filter(|c| c.is_alphabetic()).count() > 1 && !found.chars().any(char::is_lowercase);
    let mut chars = replacement.chars();
    match chars.next() {
        Some(first) if starts_upper && first.is_lowercase() && !(all_upper && replacement.contains(' ')) => {
            first.to_uppercase().chain(chars).collect()
        }
        _ => replacement.to_string(),
    }
}

fn check_patterns(cx: &Context<'_>, enabled: &[Option<Severity>], out: &mut Vec<Diagnostic>) {
    let registry = cx.registry;
    let locale = cx.settings.locale();
    for (block_idx, block) in cx.letter.doc.own_blocks() {
        let text = block.prose.text.as_str();
        for set_idx in registry.pattern_set.candidates(text) {
            let (rule_idx, pattern_idx) = registry.pattern_owner[set_idx];
            let Some(severity) = enabled[rule_idx] else { continue };
            let rule = &registry.rules[rule_idx];
            let pattern = &rule.patterns[pattern_idx];
            // Most candidates do not match: a yes-or-no answer first is much cheaper than looking
            // for captures.
            if !pattern.is_match(text) {
                continue;
            }
            for caps in pattern.regex().captures_iter(text) {
                let whole = caps.get(0).expect("group 0");
                if whole.is_empty() {
                    continue;
                }
                let hit = caps.name("hit").unwrap_or(whole);
                if rule.spec.whole_words && !at_word_edges(text, whole.start(), whole.end()) {
                    continue;
                }
                if !rule.parts.is_empty() && !cx.parts_at(block_idx, hit.start()).iter().any(|p| rule.parts.contains(p)) {
                    continue;
                }
                if let Some(unless) = &rule.unless {
                    let sentence = block.sentences.iter().find(|s| s.span.start as usize <= hit.start() && hit.start() < s.span.end as usize);
                    let sentence_text = sentence.map_or(text, |s| &text[s.span.range()]);
                    if unless.is_match(sentence_text) {
                        continue;
                    }
                }
                let plain = Span::new(hit.start(), hit.end());
                let span = block.prose.span_to_source(plain);
                let found = hit.as_str();
                let replacement = pattern.replacement.as_ref().map(|r| {
                    let mut expanded = String::new();
                    caps.expand(r, &mut expanded);
                    match_case(found, &expanded)
                });
                let message = fill_message(rule.message(locale), found, replacement.as_deref());
                let mut diagnostic = Diagnostic::new(rule.id(), severity, span, message);
                if let Some(help) = rule.help(locale) {
                    diagnostic = diagnostic.with_help(help);
                }
                if let (Some(replacement), Some(fix), true) = (&replacement, &rule.spec.fix, block.prose.is_exact(plain)) {
                    let title = fill_message(rule.fix_title(locale).unwrap_or(&fix.title), found, Some(replacement));
                    diagnostic = diagnostic.with_fix(Fix { title, applicability: fix.applicability, edits: vec![Edit::replace(span, replacement.clone())] });
                }
                out.push(diagnostic);
            }
        }
    }
}

/// Fills `{found}` and `{replacement}` in a message or title.
pub fn fill_message(template: &str, found: &str, replacement: Option<&str>) -> String {
    let mut message = template.replace("{found}", found.trim());
    if let Some(replacement) = replacement {
        message = message.replace("{replacement}", replacement);
    }
    message
}

/// Where an inserted part goes: after the last present part of `after` that ends before the
/// first present part of `before` (at the end of the line holding its end); else at the start of
/// the line holding that part; else at the end of the letter.
pub fn insertion_point(letter: &Letter, after: &[PartKind], before: &[PartKind]) -> usize {
    let text = &letter.doc.text;
    let first_before = letter.parts.iter().filter(|p| before.contains(&p.kind)).map(|p| p.span.start as usize).min();
    let limit = first_before.unwrap_or(text.len());
    let last_after = letter
        .parts
        .iter()
        .filter(|p| after.contains(&p.kind) && (p.span.end as usize) <= limit)
        .map(|p| p.span.end as usize)
        .max();
    if let Some(end) = last_after {
        return text[end..].find('\n').map_or(text.len(), |i| end + i);
    }
    if let Some(start) = first_before {
        return text[..start].rfind('\n').map_or(0, |i| i + 1).max(letter.doc.body_start());
    }
    text.trim_end().len().max(letter.doc.body_start())
}

/// An edit inserting `block` at `offset` as a paragraph of its own: blank lines are added
/// before and after it as the neighbouring text needs, so the block never runs into the line
/// before or after it (Markdown would otherwise join them into one paragraph or table).
pub fn insert_block(letter: &Letter, offset: usize, block: &str) -> Edit {
    let text = &letter.doc.text;
    let block = block.trim_matches('\n');
    let before = &text[letter.doc.body_start().min(offset)..offset];
    let pre = if before.trim().is_empty() {
        0
    } else {
        2 - before.bytes().rev().take_while(|&b| b == b'\n').count().min(2)
    };
    let after = &text[offset..];
    let post = if after.trim().is_empty() {
        0
    } else {
        2 - after.bytes().take_while(|&b| b == b'\n').count().min(2)
    };
    Edit::insert(offset, format!("{}{block}{}", "\n".repeat(pre), "\n".repeat(post)))
}

/// The span a letter-level finding points at: the first line of the body.
pub fn letter_span(letter: &Letter) -> Span {
    match letter.units.first() {
        Some(unit) => {
            let text = &letter.doc.text;
            let start = unit.span.start as usize;
            let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            Span::new(start, end.max(start))
        }
        None => Span::empty(letter.doc.body_start()),
    }
}

fn check_required_part(cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let Some(part) = rule.required_part else { return };
    if cx.letter.has_part(part) {
        check_misaddressed_part(cx, rule, part, out);
        return;
    }
    let locale = cx.settings.locale();
    let mut diagnostic = Diagnostic::new(rule.id(), rule.spec.severity, letter_span(cx.letter), cx.fill(rule.message(locale)));
    if let Some(help) = rule.help(locale) {
        diagnostic = diagnostic.with_help(cx.fill(help));
    }
    let insert = cx.letter.language().and_then(|l| rule.spec.insert_in.get(l)).map(String::as_str).or(rule.insert_text(locale));
    if let (Some(insert), Some(fix)) = (insert, &rule.spec.fix) {
        let parse = |names: &[String]| names.iter().filter_map(|n| PartKind::parse(n)).collect::<Vec<_>>();
        let offset = insertion_point(cx.letter, &parse(&rule.spec.insert_after), &parse(&rule.spec.insert_before));
        let edit = insert_block(cx.letter, offset, &cx.fill(insert.trim_end()));
        let title = rule.fix_title(locale).unwrap_or(&fix.title).to_string();
        diagnostic = diagnostic.with_fix(Fix { title, applicability: fix.applicability, edits: vec![edit] });
    }
    out.push(diagnostic);
}

/// A required part that is there but wrong: `data.wrong` of a `required-part` rule lists patterns
/// that must not appear in the part (a reply greeting the marketplace's support team instead of
/// the buyer); a match in the part's first line is reported with `messages.wrong`.
fn check_misaddressed_part(cx: &Context<'_>, rule: &Rule, part: PartKind, out: &mut Vec<Diagnostic>) {
    if rule.wrong.is_empty() {
        return;
    }
    let Some(found) = cx.letter.first_part(part) else { return };
    let text = &cx.letter.doc.text[found.span.range()];
    let first_line = text.lines().next().unwrap_or("");
    let Some(hit) = rule.wrong.iter().find_map(|p| p.regex().find(first_line)) else { return };
    let start = found.span.start as usize + hit.start();
    let span = crate::document::Span::new(start, start + hit.len());
    let message = rule.named_message("wrong", cx.settings.locale()).replace("{found}", hit.as_str());
    out.push(Diagnostic::new(rule.id(), rule.spec.severity, span, cx.fill(&message)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_edges_and_case() {
        assert!(at_word_edges("pls help", 0, 3));
        assert!(!at_word_edges("plsx", 0, 3));
        assert!(at_word_edges("a !!! b", 2, 5));
        assert_eq!(match_case("Pls", "please"), "Please");
        assert_eq!(match_case("ASAP", "as soon as possible"), "as soon as possible");
        assert_eq!(match_case("pls", "please"), "please");
    }

    #[test]
    fn inserted_skeletons_are_in_the_letter_language() {
        let registry = crate::rules::Registry::builtin().expect("built-in rules load");
        let text = "---\nkind: reply\nlanguage: es\n---\nHola Ana,\n\nSu pedido llegará el lunes 12 de mayo.\n\nSaludos,\nLi\n";
        let (_, diagnostics) = crate::lint(&registry, text, &crate::letter::Hints::default(), &Settings::default());
        let thanks = diagnostics.iter().find(|d| d.rule == "reply/thanks").expect("no thanks in this reply");
        assert_eq!(thanks.fixes[0].edits[0].text.trim(), "Gracias por su mensaje.");
    }

    #[test]
    fn inserted_blocks_stand_as_their_own_paragraph() {
        use crate::letter::Hints;
        let apply = |text: &str, offset: usize| {
            let letter = Letter::parse(text, &Hints::default());
            let edit = insert_block(&letter, offset, "NEW");
            format!("{}{}{}", &text[..offset], edit.text, &text[offset..])
        };
        // Between two lines of one paragraph: blank lines on both sides.
        assert_eq!(apply("Dear team,\nWe are sorry.\nThanks.\n", 24), "Dear team,\nWe are sorry.\n\nNEW\n\nThanks.\n");
        // At the end of a line followed by a blank line: only what is missing is added.
        assert_eq!(apply("One.\n\nTwo.\n", 4), "One.\n\nNEW\n\nTwo.\n");
        // At the start of the body and at the end of the text: nothing dangling.
        assert_eq!(apply("---\nkind: reply\n---\nHi Ann,\n", 20), "---\nkind: reply\n---\nNEW\n\nHi Ann,\n");
        assert_eq!(apply("Hi Ann,\n", 7), "Hi Ann,\n\nNEW\n");
    }

    #[test]
    fn prefixes_and_groups_select_rules() {
        assert!(rule_matches("appeal/plea", "appeal/"));
        assert!(rule_matches("appeal/plea", "appeal"));
        assert!(!rule_matches("appeal/plea", "appeal/pl"));
    }
}
