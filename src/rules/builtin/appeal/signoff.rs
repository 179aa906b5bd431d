//! `appeal/signoff`: the appeal closes once, with a real name and store.

use super::{data_patterns, missing};
use crate::diagnostic::Diagnostic;
use crate::document::Span;
use crate::fix::{Edit, Fix};
use crate::letter::PartKind;
use crate::rules::builtin::{Check, finding};
use crate::rules::{Context, Rule};

/// Reads the sign-off line by line. Closing phrases are `data.close_patterns` (and thanks lines,
/// `data.thanks_patterns`, which may close a letter too); the lines after the last one are the
/// signature. Two formal closing lines ("Best Regards," then "Yours,") make a double
/// close, fixed safely by deleting the second; a signature that is only placeholders
/// (`data.placeholder_patterns`) or missing is flagged. A letter with no sign-off gets one
/// inserted at the end, with `signer` and `store` from front matter when given.
pub struct Signoff;

impl Check for Signoff {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        let locale = cx.settings.locale();
        let Some(part) = letter.parts_of(PartKind::Signoff).last() else {
            let fm = letter.doc.front_matter.as_ref();
            let signer = fm
                .and_then(|f| f.signer.clone())
                .unwrap_or_else(|| "[Your Name]".into());
            let store = fm
                .and_then(|f| f.store.clone())
                .unwrap_or_else(|| "[Store name]".into());
            let mut diagnostic = missing(cx, rule, rule.message(locale), &PartKind::APPEAL, &[]);
            for fix in &mut diagnostic.fixes {
                for edit in &mut fix.edits {
                    edit.text = edit
                        .text
                        .replace("{signer}", &signer)
                        .replace("{store}", &store);
                }
            }
            out.push(diagnostic);
            return;
        };
        let closes = data_patterns(rule, "close_patterns");
        let thanks = data_patterns(rule, "thanks_patterns");
        let placeholders = data_patterns(rule, "placeholder_patterns");
        let text = &letter.doc.text;
        let start = part.span.start as usize;
        let mut close_lines: Vec<Span> = Vec::new();
        let mut last_close: Option<Span> = None;
        let mut signature: Vec<(Span, String)> = Vec::new();
        let mut offset = start;
        for line in text[start..part.span.end as usize].split_inclusive('\n') {
            let content = line.trim_end_matches(['\n', '\r']);
            let lead = content.len() - content.trim_start().len();
            let trimmed = content.trim();
            let span = Span::new(offset + lead, offset + lead + trimmed.len());
            offset += line.len();
            if trimmed.is_empty() {
                continue;
            }
            // A close stands at the start of its line; "Thank you." ending a paragraph is not one.
            let line_start = text[..span.start as usize].rfind('\n').map_or(0, |i| i + 1);
            let starts_line = text[line_start..span.start as usize].trim().is_empty();
            let close = closes
                .iter()
                .find_map(|p| p.find(trimmed))
                .filter(|_| starts_line);
            let thanks_line = starts_line && thanks.iter().any(|p| p.is_match(trimmed));
            if thanks_line && close.is_none() {
                last_close = Some(span);
                signature.clear();
                continue;
            }
            if let Some(m) = close {
                close_lines.push(span);
                last_close = Some(span);
                signature.clear();
                let rest = trimmed[m.end()..]
                    .trim_start_matches([',', '.', '!', ' '])
                    .trim();
                if !rest.is_empty() {
                    signature.push((span, rest.to_string()));
                }
            } else {
                signature.push((span, trimmed.to_string()));
            }
        }
        if close_lines.len() >= 2 {
            let second = close_lines[1];
            let previous_end = close_lines[0].end as usize;
            let delete = Span::new(previous_end, second.end as usize);
            let found = letter.doc.slice(second).to_string();
            let message = rule
                .named_message("double", locale)
                .replace("{found}", &found);
            let title = rule.named_fix_title("delete", locale).replace("{found}", &found);
            out.push(
                finding(rule, second, message)
                    .with_fix(Fix::safe(title, vec![Edit::delete(delete)])),
            );
        }
        let Some(last_close) = last_close else { return };
        if signature.is_empty() {
            out.push(finding(
                rule,
                last_close,
                rule.named_message("no-name", locale).to_string(),
            ));
        } else if signature
            .iter()
            .all(|(_, s)| placeholders.iter().any(|p| p.is_match(s)))
        {
            let span = signature[0].0.cover(signature[signature.len() - 1].0);
            let found = signature
                .iter()
                .map(|(_, s)| s.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            out.push(finding(
                rule,
                span,
                rule.named_message("placeholder", locale)
                    .replace("{found}", &found),
            ));
        }
    }
}
