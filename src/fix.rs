//! Fixes: text edits with an applicability, and applying them to a text.
//!
//! Invariant: `apply_edits` never applies two overlapping edits; an edit that overlaps one already
//! taken is left for the next pass, so a fix is applied whole or not at all.

use serde::{Deserialize, Serialize};

use crate::document::Span;

/// Whether a fix can be applied without the writer's eye.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Cannot change the meaning (white space, punctuation, exact duplicates).
    Safe,
    /// Changes wording or inserts text the writer must edit.
    Unsafe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// Replace the bytes of `span` with `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub span: Span,
    pub text: String,
}

impl Edit {
    pub fn replace(span: Span, text: impl Into<String>) -> Self {
        Edit { span, text: text.into() }
    }

    pub fn insert(offset: usize, text: impl Into<String>) -> Self {
        Edit { span: Span::empty(offset), text: text.into() }
    }

    pub fn delete(span: Span) -> Self {
        Edit { span, text: String::new() }
    }
}

/// A named set of edits that together fix one finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// An imperative: "Replace with `as soon as possible`".
    pub title: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn safe(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix { title: title.into(), applicability: Applicability::Safe, edits }
    }

    pub fn unsafe_fix(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix { title: title.into(), applicability: Applicability::Unsafe, edits }
    }

    fn span(&self) -> Option<Span> {
        self.edits.iter().map(|e| e.span).reduce(Span::cover)
    }
}

/// Applies the fixes that do not overlap each other, in text order; returns the new text and how
/// many fixes were applied. Fixes that overlap one already taken are skipped (a later pass, after
/// re-linting, gets them).
pub fn apply_fixes<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> (String, usize) {
    let mut chosen: Vec<&Fix> = Vec::new();
    let mut taken: Vec<Span> = Vec::new();
    let mut candidates: Vec<&Fix> = fixes.into_iter().filter(|f| !f.edits.is_empty()).collect();
    candidates.sort_by_key(|f| f.span().map(|s| (s.start, s.end)));
    'fix: for fix in candidates {
        for edit in &fix.edits {
            if edit.span.end as usize > text.len()
                || !text.is_char_boundary(edit.span.start as usize)
                || !text.is_char_boundary(edit.span.end as usize)
            {
                continue 'fix;
            }
            // Two edits conflict when they overlap, or when both insert at the same place.
            if taken.iter().any(|t| t.overlaps(edit.span) || (t.start == edit.span.start && (t.is_empty() || edit.span.is_empty()))) {
                continue 'fix;
            }
        }
        taken.extend(fix.edits.iter().map(|e| e.span));
        chosen.push(fix);
    }
    let mut edits: Vec<&Edit> = chosen.iter().flat_map(|f| f.edits.iter()).collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0usize;
    for edit in edits {
        out.push_str(&text[cursor..edit.span.start as usize]);
        out.push_str(&edit.text);
        cursor = edit.span.end as usize;
    }
    out.push_str(&text[cursor..]);
    (out, chosen.len())
}

/// The most passes `fix_until_stable` makes before it gives up on reaching a fixed point.
pub const MAX_PASSES: usize = 10;

/// The outcome of fixing one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    pub text: String,
    /// Fixes applied over all passes.
    pub applied: usize,
    /// False when the last pass still changed the text (two rules keep undoing each other).
    pub stable: bool,
}

/// Applies the first allowed fix of every finding (safe ones, plus unsafe ones when
/// `unsafe_fixes`), re-lints, and repeats until a pass changes nothing.
pub fn fix_until_stable(
    registry: &crate::rules::Registry,
    text: &str,
    hints: &crate::letter::Hints,
    settings: &crate::rules::Settings,
    unsafe_fixes: bool,
) -> Fixed {
    let mut current = text.to_string();
    let mut applied = 0;
    for _ in 0..MAX_PASSES {
        let (_, diagnostics) = crate::lint(registry, &current, hints, settings);
        let fixes = diagnostics.iter().filter_map(|d| {
            d.fixes
                .iter()
                .find(|f| unsafe_fixes || f.applicability == Applicability::Safe)
        });
        let (next, n) = apply_fixes(&current, fixes);
        if n == 0 || next == current {
            return Fixed {
                text: current,
                applied,
                stable: true,
            };
        }
        applied += n;
        current = next;
    }
    Fixed {
        text: current,
        applied,
        stable: false,
    }
}

/// Runs `fix` on `text` with its byte-order mark taken off and, when every line ends in CRLF,
/// with LF line ends; then puts both back. Rules see the letter as an editor shows it, and text a
/// fix inserts gets the file's line ends.
pub fn fix_preserving(text: &str, fix: impl FnOnce(&str) -> Fixed) -> Fixed {
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    let crlf = body.contains("\r\n") && body.matches('\n').count() == body.matches("\r\n").count();
    let normalized = if crlf {
        body.replace("\r\n", "\n")
    } else {
        body.to_string()
    };
    let fixed = fix(&normalized);
    if fixed.applied == 0 || fixed.text == normalized {
        return Fixed {
            text: text.to_string(),
            applied: 0,
            stable: fixed.stable,
        };
    }
    let body = if crlf {
        fixed.text.replace("\r\n", "\n").replace('\n', "\r\n")
    } else {
        fixed.text
    };
    Fixed {
        text: format!("{bom}{body}"),
        applied: fixed.applied,
        stable: fixed.stable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_fixes_apply_one_at_a_time() {
        let text = "the the the";
        let a = Fix::safe("a", vec![Edit::delete(Span::new(3, 7))]);
        let b = Fix::safe("b", vec![Edit::delete(Span::new(4, 8))]);
        let (out, n) = apply_fixes(text, [&a, &b]);
        assert_eq!((out.as_str(), n), ("the the", 1));
    }

    #[test]
    fn edits_outside_the_text_or_inside_a_character_are_skipped() {
        let text = "café";
        let bad = Fix::safe("bad", vec![Edit::replace(Span::new(4, 5), "x")]);
        let far = Fix::safe("far", vec![Edit::replace(Span::new(10, 12), "x")]);
        assert_eq!(apply_fixes(text, [&bad, &far]), (text.to_string(), 0));
    }
}
