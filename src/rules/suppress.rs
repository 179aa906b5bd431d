//! Inline suppression: `<!-- letterlint-disable rule -->` ... `<!-- letterlint-enable rule -->` and
//! `<!-- letterlint-disable-next-line rule -->`. A directive without rule ids covers every rule.

use super::engine::rule_matches;
use crate::diagnostic::Diagnostic;
use crate::document::{DirectiveAction, Document};

/// Drops the diagnostics that a directive covers.
pub fn apply(doc: &Document, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if doc.directives.is_empty() {
        return diagnostics;
    }
    diagnostics.into_iter().filter(|d| !suppressed(doc, d)).collect()
}

fn covers(rules: &[String], id: &str) -> bool {
    rules.is_empty() || rules.iter().any(|r| rule_matches(id, r))
}

fn suppressed(doc: &Document, diagnostic: &Diagnostic) -> bool {
    let line = doc.line_of(diagnostic.span.start as usize);
    let mut disabled = false;
    for directive in &doc.directives {
        if !covers(&directive.rules, &diagnostic.rule) {
            continue;
        }
        match directive.action {
            DirectiveAction::DisableNextLine => {
                // The first line after the comment that has text on it.
                let end_line = doc.line_of(directive.span.end as usize);
                let mut target = end_line + 1;
                while target < doc.line_index.line_count()
                    && doc.text[doc.line_index.line_range(&doc.text, target)].trim().is_empty()
                {
                    target += 1;
                }
                if line == target {
                    return true;
                }
            }
            DirectiveAction::Disable if directive.span.start <= diagnostic.span.start => disabled = true,
            DirectiveAction::Enable if directive.span.start <= diagnostic.span.start => disabled = false,
            _ => {}
        }
    }
    disabled
}
