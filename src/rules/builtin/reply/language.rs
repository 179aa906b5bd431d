//! `reply/language`: the reply is not in the language the front matter says the buyer reads.

use super::own_text;
use crate::diagnostic::Diagnostic;
use crate::rules::builtin::Check;
use crate::rules::builtin::finding;
use crate::rules::engine::letter_span;
use crate::rules::{Context, Rule};

/// Detects the language of the writer's prose with whatlang and compares it with front matter
/// `language:` (an ISO 639-1 code such as `es`, or a tag such as `es-MX`). Only a reliable
/// detection on enough text (option `min_chars`, 40 by default) is reported.
pub struct Language;

use crate::letter::language::iso639_1;

impl Check for Language {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        let Some(declared) = letter
            .doc
            .front_matter
            .as_ref()
            .and_then(|f| f.language.as_deref())
        else {
            return;
        };
        let declared = declared.trim().to_ascii_lowercase();
        let declared = declared.split(['-', '_']).next().unwrap_or("");
        if declared.is_empty() {
            return;
        }
        let text = own_text(letter);
        let min_chars = cx
            .settings
            .option(rule, "min_chars")
            .and_then(|v| v.as_integer())
            .unwrap_or(40)
            .max(0) as usize;
        if text.chars().filter(|c| c.is_alphabetic()).count() < min_chars {
            return;
        }
        let Some(info) = whatlang::detect(&text) else {
            return;
        };
        let Some(found) = iso639_1(info.lang()) else {
            return;
        };
        if found == declared || !info.is_reliable() {
            return;
        }
        let message = rule
            .message(cx.settings.locale())
            .replace("{declared}", declared)
            .replace("{found}", info.lang().eng_name())
            .replace("{code}", found);
        out.push(finding(rule, letter_span(letter), message));
    }
}
