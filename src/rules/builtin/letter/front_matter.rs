//! `letter/front-matter`: the front matter cannot be read, or names an unknown kind or platform.

use crate::rules::builtin::{Check, finding};
use crate::diagnostic::Diagnostic;
use crate::document::Span;
use crate::letter::{Kind, PLATFORMS};
use crate::rules::{Context, Rule};

/// Reports the parser's error at its position, and unknown `kind` or `platform` values.
pub struct FrontMatterRule;

impl Check for FrontMatterRule {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let doc = &cx.letter.doc;
        let locale = cx.settings.locale();
        if let Some(error) = &doc.front_matter_error {
            let line = doc.line_of(error.offset);
            let range = doc.line_index.line_range(&doc.text, line);
            let message = rule.named_message("invalid", locale).replace("{error}", &error.message);
            out.push(finding(rule, Span::new(range.start, range.end), message));
        }
        let Some(fm) = &doc.front_matter else { return };
        let find_value = |key: &str| -> Span {
            let body = &doc.text[fm.body_span.range()];
            body.lines()
                .scan(0usize, |pos, line| {
                    let start = *pos;
                    *pos += line.len() + 1;
                    Some((start, line))
                })
                .find(|(_, line)| line.trim_start().starts_with(&format!("{key}:")))
                .map_or(fm.span, |(start, line)| {
                    let abs = fm.body_span.start as usize + start;
                    Span::new(abs, abs + line.trim_end_matches('\r').len())
                })
        };
        if let Some(kind) = &fm.kind {
            if Kind::parse(kind).is_none() {
                let message = rule.named_message("kind", locale).replace("{value}", kind);
                out.push(finding(rule, find_value("kind"), message));
            }
        }
        if let Some(platform) = &fm.platform {
            if !PLATFORMS.contains(&platform.as_str()) {
                let message = rule.named_message("platform", locale).replace("{value}", platform).replace("{platforms}", &PLATFORMS.join(", "));
                out.push(finding(rule, find_value("platform"), message));
            }
        }
    }
}
