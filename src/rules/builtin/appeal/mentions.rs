//! Rules that ask whether the letter mentions something anywhere: `appeal/non-recurrence`,
//! `appeal/platform-commitment` and `appeal/restate-reason`. Their cue patterns are data
//! (`data.patterns` in each rule file).

use super::{data_set, mentions, missing, reason_words};
use crate::diagnostic::Diagnostic;
use crate::letter::PartKind;
use crate::rules::builtin::Check;
use crate::rules::{Context, Rule};

/// No sentence assures the reader that the problem will not happen again. The skeleton goes after
/// the remedies, else before the plea or the sign-off.
pub struct NonRecurrence;

impl Check for NonRecurrence {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        if mentions(cx.letter, &data_set(rule, "patterns")) {
            return;
        }
        out.push(missing(
            cx,
            rule,
            rule.message(cx.settings.locale()),
            &[PartKind::Remedies],
            &[PartKind::Plea, PartKind::Signoff],
        ));
    }
}

/// A Wish appeal that states no development plan on the platform (Wish Express, FBW,
/// ProductBoost, a team for Wish). The skeleton goes before the plea.
pub struct PlatformCommitment;

impl Check for PlatformCommitment {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        if mentions(cx.letter, &data_set(rule, "patterns")) {
            return;
        }
        out.push(missing(
            cx,
            rule,
            rule.message(cx.settings.locale()),
            &[PartKind::Remedies],
            &[PartKind::Plea, PartKind::Signoff],
        ));
    }
}

/// The reason of the suspension is never named: none of the reason cues (`data.patterns`), nor
/// the words of the front matter `reason`, appear in the letter. The skeleton goes after the
/// salutation.
pub struct RestateReason;

impl Check for RestateReason {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        if mentions(cx.letter, &data_set(rule, "patterns")) {
            return;
        }
        if let Some(reason) = reason_words(cx.letter) {
            let lower: Vec<String> = cx
                .letter
                .units
                .iter()
                .map(|u| cx.letter.unit_text(u).to_lowercase())
                .collect();
            if lower.iter().any(|s| s.contains(&reason)) {
                return;
            }
        }
        out.push(missing(
            cx,
            rule,
            rule.message(cx.settings.locale()),
            &[PartKind::Salutation],
            &[PartKind::Acknowledgment, PartKind::RootCause],
        ));
    }
}
