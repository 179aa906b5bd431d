//! `appeal/salutation`: an appeal opens by addressing the platform's reviewing team.

use std::sync::LazyLock;

use regex::Regex;

use super::data_patterns;
use crate::diagnostic::Diagnostic;
use crate::document::Span;
use crate::fix::{Edit, Fix};
use crate::letter::{Letter, Origin, PartKind};
use crate::rules::builtin::{Check, finding};
use crate::rules::engine::{insert_block, letter_span, platform_name};
use crate::rules::{Context, Rule};

/// Reads the salutation (the recognised part, else a greeting line among the first three
/// sentences), or the first sentence when there is none. A buyer-style greeting (`data.buyer_patterns`: "Hi dear
/// friend") is flagged and replaced by the platform's addressee (`data.addressee.<platform>`). A
/// salutation naming another marketplace than the one front matter or configuration gives, or an
/// impersonal one (`data.impersonal_patterns`), is
/// flagged. A letter with no salutation gets one inserted at the top.
pub struct Salutation;

/// A line that opens with a greeting word.
static GREETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(dear|to|hello|hi|greetings|attn|attention)\b").expect("regex")
});

/// The source span of the match `range` inside unit `unit`'s sentence, and whether it is exact.
fn match_span(letter: &Letter, unit: usize, range: std::ops::Range<usize>) -> (Span, bool) {
    let unit = &letter.units[unit];
    let block = &letter.doc.blocks[unit.block];
    let start = block.sentences[unit.sentence].span.start as usize;
    let plain = Span::new(start + range.start, start + range.end);
    (
        block.prose.span_to_source(plain),
        block.prose.is_exact(plain),
    )
}

/// The addressee a letter on `platform` should open with.
fn addressee(rule: &Rule, platform: &str) -> String {
    let table = rule.spec.data.as_ref().and_then(|d| d.get("addressee"));
    let pick = |key: &str| {
        table
            .and_then(|t| t.get(key))
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    pick(platform)
        .or_else(|| pick("generic"))
        .unwrap_or_else(|| "Seller Support".into())
}

impl Check for Salutation {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        let locale = cx.settings.locale();
        let to = addressee(rule, &letter.platform);
        let fill = |template: &str| cx.fill(&template.replace("{addressee}", &to));
        let Some(first) = letter.units.first() else {
            return;
        };
        // The salutation: the recognised part, else a short greeting line among the first
        // sentences (after a title heading or a subject line).
        let salutation = letter
            .first_part(PartKind::Salutation)
            .map(|p| p.units.start)
            .or_else(|| {
                (0..letter.units.len().min(3)).find(|&u| {
                    let text = letter.unit_text(&letter.units[u]);
                    GREETING.is_match(text) && text.split_whitespace().count() <= 10
                })
            });
        let opening = salutation.unwrap_or(0);
        let text = letter.unit_text(&letter.units[opening]);
        if let Some(m) = data_patterns(rule, "buyer_patterns")
            .iter()
            .find_map(|p| p.find(text))
        {
            let (span, exact) = match_span(letter, opening, m.range());
            let mut diagnostic = finding(
                rule,
                span,
                fill(rule.named_message("buyer", locale)).replace("{found}", m.as_str()),
            );
            if exact {
                let title = fill(rule.fix_title(locale).unwrap_or("Write `Dear {addressee}`"));
                diagnostic = diagnostic.with_fix(Fix::unsafe_fix(
                    title,
                    vec![Edit::replace(span, fill("Dear {addressee}"))],
                ));
            }
            out.push(diagnostic);
            return;
        }
        let Some(unit) = salutation else {
            let mut diagnostic = finding(rule, letter_span(letter), fill(rule.message(locale)));
            if let Some(insert) = rule.insert_text(locale) {
                // The salutation opens the letter: insert at the start of the first line of prose.
                let text = &letter.doc.text;
                let offset = text[..first.span.start as usize]
                    .rfind('\n')
                    .map_or(letter.doc.body_start(), |i| i + 1)
                    .max(letter.doc.body_start());
                let title = rule.fix_title(locale).unwrap_or("Insert a salutation");
                diagnostic = diagnostic.with_fix(Fix::unsafe_fix(
                    fill(title),
                    vec![insert_block(letter, offset, &fill(insert.trim_end()))],
                ));
            }
            out.push(diagnostic);
            return;
        };
        let text = letter.unit_text(&letter.units[unit]);
        if let Some(m) = data_patterns(rule, "impersonal_patterns")
            .iter()
            .find_map(|p| p.find(text))
        {
            let (span, _) = match_span(letter, unit, m.range());
            out.push(finding(
                rule,
                span,
                fill(rule.named_message("impersonal", locale)).replace("{found}", m.as_str()),
            ));
            return;
        }
        // A detected platform is a guess; the salutation is better evidence than it.
        if letter.platform != "generic" && letter.platform_origin != Origin::Detected {
            let other = crate::letter::PLATFORMS
                .iter()
                .filter(|p| **p != letter.platform && **p != "generic")
                .find_map(|p| find_word(text, p));
            if let Some(range) = other {
                let found = text[range.clone()].to_string();
                let (span, _) = match_span(letter, unit, range);
                let message = fill(rule.named_message("other-platform", locale))
                    .replace("{found}", &found)
                    .replace("{platform}", &platform_name(&letter.platform));
                out.push(finding(rule, span, message));
            }
        }
    }
}

/// The byte range of the first whole-word, ASCII-case-insensitive occurrence of `word` in `text`.
fn find_word(text: &str, word: &str) -> Option<std::ops::Range<usize>> {
    let lower = text.to_ascii_lowercase();
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    lower
        .match_indices(word)
        .map(|(i, _)| i..i + word.len())
        .find(|r| {
            !is_word(lower[..r.start].chars().next_back())
                && !is_word(lower[r.end..].chars().next())
        })
}
