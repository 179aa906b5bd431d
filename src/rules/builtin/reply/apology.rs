//! `reply/apology`: the seller is at fault and the reply has no specific apology.

use std::sync::LazyLock;

use regex::Regex;

use super::{issue, letter_finding, sentences};
use crate::diagnostic::Diagnostic;
use crate::rules::builtin::Check;
use crate::rules::{Context, Rule};

/// When the issue is the seller's fault (delay, damage, wrong item, lost or split parcel,
/// quality), at least one sentence must apologise and name the failure. A sentence whose only
/// object is a generic "inconvenience" or "trouble" is not a specific apology.
pub struct Apology;

static APOLOGY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(sorry|apologi[sz]e|apologies|lo sentimos|disculp|perd[oó]n)")
        .expect("regex")
});
static GENERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(any|the|all the|this|that|your|some)\s+(inconvenience|trouble|troubles|problem|problems|issue|issues)\b([^.!?]{0,30}\b(caused|may have|might have))?")
        .expect("regex")
});
static FAILURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(delay|delayed|late|wait|waiting|damage|damaged|broken|crack|cracked|wrong|lost|missing|defect|defective|faulty|stopped working|not working|split|separate|two parcels|mistake|error|retraso|roto|dañado|equivocad)").expect("regex")
});

impl Check for Apology {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        let Some(issue) = issue(cx) else {
            return;
        };
        if !issue.is_sellers_fault() {
            return;
        }
        let specific = sentences(letter).any(|(text, _)| {
            APOLOGY.is_match(text) && FAILURE.is_match(&GENERIC.replace_all(text, ""))
        });
        if !specific {
            let any_apology = sentences(letter).any(|(text, _)| APOLOGY.is_match(text));
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
