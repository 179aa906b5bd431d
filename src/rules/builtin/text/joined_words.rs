//! `text/joined-words`: two words run together ("cangive").

use crate::diagnostic::Diagnostic;
use crate::rules::builtin::Check;
use crate::rules::{Context, Rule};
use crate::spelling::FindingKind;

/// Reports the joined words of the shared spelling scan: an unknown word that is two dictionary
/// words run together, when the dictionary's own best suggestion agrees (see
/// `spelling::scan::split_joined`). The fix puts the space back.
pub struct JoinedWords;

impl Check for JoinedWords {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        super::spelling::report_rewrites(cx, rule, out, |kind| match kind {
            FindingKind::Joined { replacement } => Some(replacement),
            _ => None,
        });
    }
}
