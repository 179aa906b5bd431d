//! `reply/length`: an AliExpress keyword reply longer than the 300 characters the tool accepts.

use super::{Issue, issue};
use crate::diagnostic::Diagnostic;
use crate::document::Span;
use crate::rules::builtin::{Check, finding};
use crate::rules::{Context, Rule};

/// Counts the characters of a keyword reply's body (front matter and surrounding blank lines left
/// out) and flags the part past the limit (option `max_chars`, 300 by default).
pub struct Length;

impl Check for Length {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        if issue(cx) != Some(Issue::KeywordReply) {
            return;
        }
        let max = cx
            .settings
            .option(rule, "max_chars")
            .and_then(|v| v.as_integer())
            .unwrap_or(300)
            .max(1) as usize;
        let start = letter.doc.body_start();
        let body = &letter.doc.text[start..];
        let leading = body.len() - body.trim_start().len();
        let body = body.trim();
        let count = body.chars().count();
        if count <= max {
            return;
        }
        let cut = body.char_indices().nth(max).map_or(body.len(), |(i, _)| i);
        let span = Span::new(start + leading + cut, start + leading + body.len());
        let message = rule
            .message(cx.settings.locale())
            .replace("{count}", &count.to_string())
            .replace("{max}", &max.to_string());
        out.push(finding(rule, span, message));
    }
}
