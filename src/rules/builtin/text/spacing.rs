//! `text/spacing`: a space before punctuation, no space after a full stop or comma between words,
//! and double spaces between words.

use std::sync::LazyLock;

use regex::Regex;

use crate::rules::builtin::{Check, finding};
use crate::diagnostic::Diagnostic;
use crate::document::Span;
use crate::fix::{Edit, Fix};
use crate::rules::{Context, Rule};

/// Three patterns over each block of prose, each with a safe fix that only changes white space:
/// `word ,word` -> `word, word`; `end.Next` and `one,two` -> with a space; `a  b` -> `a b`.
/// French puts a space before `? ! : ;`, so letters in French are only checked for commas and
/// full stops.
pub struct Spacing;

static SPACE_BEFORE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\p{L}|\p{N}|\))([ \t]+)([,.;:!?]+)(\s|\p{L}|$)").expect("regex"));
static NO_SPACE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\p{Ll}{2,}|\))(\.)(\p{Lu}\p{Ll}+|\p{Ll}{3,})|(\p{L}{2,}|\))([,;])(\p{L}+)").expect("regex"));
static DOUBLE_SPACE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\S)( {2,})(\S)").expect("regex"));

impl Check for Spacing {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let locale = cx.settings.locale();
        let french = cx.letter.language() == Some("fr");
        for (_, block) in cx.letter.doc.own_blocks() {
            let text = block.prose.text.as_str();
            let mut emit = |plain: Span, replacement: String, message_key: &str, found: &str| {
                let span = block.prose.span_to_source(plain);
                let message = rule.named_message(message_key, locale).replace("{found}", found);
                let mut diagnostic = finding(rule, span, message);
                if block.prose.is_exact(plain) {
                    let title = rule.fix_title(locale).unwrap_or("Fix the spacing").to_string();
                    diagnostic = diagnostic.with_fix(Fix::safe(title, vec![Edit::replace(span, replacement)]));
                }
                out.push(diagnostic);
            };
            for caps in SPACE_BEFORE.captures_iter(text) {
                let (space, punct, after) = (caps.get(2).expect("g2"), caps.get(3).expect("g3"), caps.get(4).expect("g4"));
                let punct_text = punct.as_str();
                if french && punct_text.chars().all(|c| "?!:;".contains(c)) {
                    continue;
                }
                // `a ... b`, `a - b` and a lone `.` of an ellipsis are fine.
                if punct_text.starts_with("..") {
                    continue;
                }
                let needs_space_after = after.as_str().chars().next().is_some_and(char::is_alphanumeric);
                let replacement = if needs_space_after { format!("{punct_text} ") } else { punct_text.to_string() };
                let plain = Span::new(space.start(), punct.end());
                let found = &text[caps.get(1).expect("g1").start()..after.end()];
                emit(plain, replacement, "before", found);
            }
            for caps in NO_SPACE_AFTER.captures_iter(text) {
                // Groups 1-3: a full stop between words; groups 4-6: a comma or semicolon.
                let (before, punct, after) = match caps.get(1) {
                    Some(before) => (before, caps.get(2).expect("g2"), caps.get(3).expect("g3")),
                    None => (caps.get(4).expect("g4"), caps.get(5).expect("g5"), caps.get(6).expect("g6")),
                };
                // Domain names and file names ("example.com", "photo.jpg") are not sentences.
                if punct.as_str() == "." && after.as_str().chars().next().is_some_and(char::is_lowercase) {
                    continue;
                }
                let context = &text[before.start().saturating_sub(0)..];
                if context.starts_with("www") {
                    continue;
                }
                let plain = Span::new(punct.start(), punct.end());
                let found = &text[before.start()..after.end()];
                emit(plain, format!("{} ", punct.as_str()), "after", found);
            }
            for caps in DOUBLE_SPACE.captures_iter(text) {
                let spaces = caps.get(2).expect("g2");
                let plain = Span::new(spaces.start(), spaces.end());
                let found = &text[caps.get(1).expect("g1").start()..caps.get(3).expect("g3").end()];
                emit(plain, " ".to_string(), "double", found);
            }
        }
    }
}
