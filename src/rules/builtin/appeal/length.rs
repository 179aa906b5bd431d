//! `appeal/length`: an appeal a reviewer reads to the end.

use crate::diagnostic::Diagnostic;
use crate::document::{BlockKind, sentences};
use crate::rules::builtin::{Check, finding};
use crate::rules::engine::letter_span;
use crate::rules::{Context, Rule};

/// Counts the words of the writer's prose (table rows left out: an order table is data). Over the
/// `max_words` option, the letter is flagged once; every sentence over `max_sentence_words` is
/// flagged where it stands.
pub struct Length;

impl Check for Length {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        let locale = cx.settings.locale();
        let option = |key: &str, default: i64| {
            cx.settings
                .option(rule, key)
                .and_then(|v| v.as_integer())
                .unwrap_or(default)
                .max(1) as usize
        };
        let max_words = option("max_words", 600);
        let max_sentence = option("max_sentence_words", 40);
        let mut total = 0;
        for unit in &letter.units {
            if matches!(
                letter.doc.blocks[unit.block].kind,
                BlockKind::TableRow { .. }
            ) {
                continue;
            }
            let n = sentences::words(letter.unit_text(unit)).len();
            total += n;
            if n > max_sentence {
                let message = rule
                    .named_message("sentence", locale)
                    .replace("{count}", &n.to_string())
                    .replace("{max}", &max_sentence.to_string());
                out.push(finding(rule, unit.span, message));
            }
        }
        if total > max_words {
            let message = rule
                .message(locale)
                .replace("{count}", &total.to_string())
                .replace("{max}", &max_words.to_string());
            out.push(finding(rule, letter_span(letter), message));
        }
    }
}
