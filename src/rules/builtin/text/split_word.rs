//! `text/split-word`: one word broken in two by a space ("o vertime").

use crate::diagnostic::Diagnostic;
use crate::rules::builtin::Check;
use crate::rules::{Context, Rule};
use crate::spelling::FindingKind;

/// Reports the split words of the shared spelling scan: two neighbours separated by one space
/// whose concatenation is a dictionary word while at least one of them is not a word on its own
/// ("any way" and "a part" are left alone). The fix removes the space.
pub struct SplitWord;

impl Check for SplitWord {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        super::spelling::report_rewrites(cx, rule, out, |kind| match kind {
            FindingKind::Split { replacement } => Some(replacement),
            _ => None,
        });
    }
}
