//! `reply/apology`: the seller is at fault and the reply has no specific apology.

use super::cues::cue;
use super::{issue, letter_finding, sentences};
use crate::diagnostic::Diagnostic;
use crate::rules::builtin::Check;
use crate::rules::{Context, Rule};

/// When the issue is the seller's fault (delay, damage, wrong item, lost or split parcel,
/// quality), at least one sentence must apologise and name the failure. A sentence whose only
/// object is a generic "inconvenience" or "trouble" is not a specific apology.
pub struct Apology;

impl Check for Apology {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        let Some(issue) = issue(cx) else {
            return;
        };
        if !issue.is_sellers_fault() {
            return;
        }
        let language = letter.language();
        let (apology, generic, failure) = (
            cue("apology").regex(language),
            cue("apology-generic").regex(language),
            cue("apology-failure").regex(language),
        );
        let not_shipped = cue("not-shipped").regex(language);
        let specific = sentences(letter).any(|(text, _)| {
            let named = generic.replace_all(text, "");
            apology.is_match(text) && (failure.is_match(&named) || not_shipped.is_match(&named))
        });
        if !specific {
            let any_apology = sentences(letter).any(|(text, _)| apology.is_match(text));
            let name = if any_apology { Some("generic") } else { None };
            out.push(letter_finding(
                letter,
                rule,
                cx.settings.locale(),
                name,
                &[],
            ));
        }
    }
}
