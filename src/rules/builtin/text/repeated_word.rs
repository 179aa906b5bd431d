//! `text/repeated-word`: the same word twice in a row ("the the").

use crate::rules::builtin::{Check, finding};
use crate::diagnostic::Diagnostic;
use crate::document::Span;
use crate::fix::{Edit, Fix};
use crate::rules::{Context, Rule};

/// Compares each word with the next one in the same block, ignoring case; the two must be
/// separated by white space only (not a comma or a line of a list). Words that English repeats on
/// purpose ("had had", "that that") and numbers are left alone.
pub struct RepeatedWord;

const ALLOWED: &[&str] = &["had", "that", "bye", "ha", "knock"];

impl Check for RepeatedWord {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let locale = cx.settings.locale();
        let allowed: Vec<String> = cx
            .settings
            .option(rule, "allow")
            .and_then(|v| v.as_array())
            .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_lowercase)).collect())
            .unwrap_or_else(|| ALLOWED.iter().map(|s| s.to_string()).collect());
        for (_, block) in cx.letter.doc.own_blocks() {
            let text = &block.prose.text;
            let words = &block.words;
            for pair in words.windows(2) {
                let (a, b) = (pair[0].span, pair[1].span);
                let first = &text[a.range()];
                let second = &text[b.range()];
                let between = &text[a.end as usize..b.start as usize];
                // A word of an address or link is no word: `shop@mail.com com o número`.
                if !first.eq_ignore_ascii_case(second)
                    || crate::spelling::scan::in_link_or_address(text, a)
                    || first.chars().any(|c| c.is_numeric())
                    || !between.chars().all(|c| c == ' ' || c == '\t')
                    || allowed.contains(&first.to_lowercase())
                {
                    continue;
                }
                let plain = Span::new(a.end as usize, b.end as usize);
                let span = block.prose.span_to_source(Span::new(a.start as usize, b.end as usize));
                let message = rule.message(locale).replace("{found}", first);
                let mut diagnostic = finding(rule, span, message);
                if block.prose.is_exact(plain) {
                    let title = rule.fix_title(locale).unwrap_or("Remove the repeated word").replace("{found}", first);
                    diagnostic = diagnostic.with_fix(Fix::safe(title, vec![Edit::delete(block.prose.span_to_source(plain))]));
                }
                out.push(diagnostic);
            }
        }
    }
}
