//! `reply/signoff`: a reply that ends without a sign-off.

use crate::diagnostic::Diagnostic;
use crate::document::Span;
use crate::fix::Fix;
use crate::letter::PartKind;
use crate::rules::builtin::{Check, finding};
use crate::rules::engine::insert_block;
use crate::rules::{Context, Rule};

/// When no sign-off part is recognised, points at the end of the letter (an empty span after the
/// last sentence), where the sign-off is
/// missing, and offers to append `Best regards,` as its own paragraph.
pub struct Signoff;

impl Check for Signoff {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        // A keyword reply is a snippet the platform inserts, not a letter.
        if letter.has_part(PartKind::Signoff)
            || super::issue(cx) == Some(super::Issue::KeywordReply)
        {
            return;
        }
        let Some(last) = letter.units.last() else {
            return;
        };
        let text = &letter.doc.text;
        let end = last.span.end as usize;
        let span = Span::empty(end);
        let locale = cx.settings.locale();
        let mut diagnostic = finding(rule, span, rule.message(locale).to_string());
        if let Some(fix) = &rule.spec.fix {
            let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
            let title = rule.fix_title(locale).unwrap_or(&fix.title).to_string();
            diagnostic = diagnostic.with_fix(Fix {
                title,
                applicability: fix.applicability,
                edits: vec![insert_block(letter, line_end, "Best regards,")],
            });
        }
        out.push(diagnostic);
    }
}
