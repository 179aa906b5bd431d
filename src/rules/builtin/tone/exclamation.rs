//! `tone/exclamation`: emoji, decorative tildes and a string of exclamations in a business letter.

use crate::diagnostic::Diagnostic;
use crate::document::Span;
use crate::fix::{Edit, Fix};
use crate::letter::Kind;
use crate::rules::builtin::{Check, finding};
use crate::rules::{Context, Rule};

/// Scans the writer's prose. A `~` that is not a range between numbers ("3~5 days") is flagged
/// and replaced by a full stop at the end of a sentence, else removed. In a reply, every run of
/// `!` after the first is flagged and replaced by a full stop (a run of `!!!` is also
/// `text/repeated-punctuation`'s finding; this rule counts runs). Emoji and emoticons are flagged
/// in appeals, and in replies when the `emoji_in_replies` option is true. All fixes are unsafe:
/// they change the letter's voice.
pub struct Exclamation;

fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F300..=0x1FAFF | 0x2600..=0x27BF | 0x1F000..=0x1F2FF)
}

impl Check for Exclamation {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        let locale = cx.settings.locale();
        let reply = letter.kind == Kind::Reply;
        let emoji = !reply
            || cx
                .settings
                .option(rule, "emoji_in_replies")
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
        let mut exclamations = 0;
        for (_, block) in letter.doc.own_blocks() {
            let text = block.prose.text.as_str();
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            let mut k = 0;
            while k < chars.len() {
                let (i, c) = chars[k];
                let prev = k.checked_sub(1).map(|j| chars[j].1);
                let next = chars.get(k + 1).map(|&(_, n)| n);
                let emit =
                    |plain: Span, key: &str, replacement: &str, out: &mut Vec<Diagnostic>| {
                        let found = &text[plain.range()];
                        let span = block.prose.span_to_source(plain);
                        let mut diagnostic = finding(
                            rule,
                            span,
                            rule.named_message(key, locale)
                                .replace("{found}", found.trim()),
                        );
                        if block.prose.is_exact(plain) {
                            let title = if replacement.is_empty() {
                                rule.named_fix_title("delete", locale).replace("{found}", found)
                            } else {
                                rule.named_fix_title("write", locale).replace("{replacement}", replacement)
                            };
                            diagnostic = diagnostic.with_fix(Fix::unsafe_fix(
                                title,
                                vec![Edit::replace(span, replacement)],
                            ));
                        }
                        out.push(diagnostic);
                    };
                if c == '~' || c == '～' {
                    let range = prev.is_some_and(|p| p.is_ascii_digit())
                        && next.is_some_and(|n| n.is_ascii_digit() || n == ' ');
                    if !range {
                        let mut end = k + 1;
                        while end < chars.len() && (chars[end].1 == '~' || chars[end].1 == '～') {
                            end += 1;
                        }
                        let end_byte = chars.get(end).map_or(text.len(), |&(b, _)| b);
                        let at_end = text[end_byte..].trim_start().is_empty()
                            || text[end_byte..]
                                .trim_start()
                                .starts_with(char::is_uppercase);
                        let replacement =
                            if at_end && !prev.is_some_and(|p| matches!(p, '.' | '!' | '?')) {
                                "."
                            } else {
                                ""
                            };
                        emit(Span::new(i, end_byte), "tilde", replacement, out);
                        k = end;
                        continue;
                    }
                } else if c == '!' && reply {
                    let mut end = k + 1;
                    while end < chars.len() && chars[end].1 == '!' {
                        end += 1;
                    }
                    exclamations += 1;
                    if exclamations > 1 {
                        let end_byte = chars.get(end).map_or(text.len(), |&(b, _)| b);
                        emit(Span::new(i, end_byte), "exclamation", ".", out);
                    }
                    k = end;
                    continue;
                } else if emoji && is_emoji(c) {
                    let mut end = k + 1;
                    while end < chars.len()
                        && (is_emoji(chars[end].1)
                            || chars[end].1 == '\u{FE0F}'
                            || chars[end].1 == '\u{200D}')
                    {
                        end += 1;
                    }
                    let end_byte = chars.get(end).map_or(text.len(), |&(b, _)| b);
                    // Deleting the emoji also deletes the space before it.
                    let start = if prev == Some(' ') { i - 1 } else { i };
                    emit(Span::new(start, end_byte), "emoji", "", out);
                    k = end;
                    continue;
                }
                k += 1;
            }
        }
    }
}
