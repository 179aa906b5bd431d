//! `reply/solution`: the reply has no concrete next step with a time frame.

use super::cues::cue;
use super::{Issue, issue, letter_finding, sentences};
use crate::diagnostic::Diagnostic;
use crate::letter::PartKind;
use crate::rules::builtin::Check;
use crate::rules::{Context, Rule};

/// A reply needs a next step: a sentence recognised as the solution or tracking part ("we sent a
/// new one today, tracking number ..."), or one that says what
/// the seller will do or has done (refund, reship, send, check, contact the carrier). At least
/// one of those sentences must carry a time frame: a number, a date, a weekday or "today".
/// Only replies to an issue (front matter `reason:` or recognised) are checked; welcome
/// auto-replies and keyword replies are left to their own rules.
pub struct Solution;

impl Check for Solution {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        // A thank-you note answers no problem; welcome and keyword replies have their own rules.
        if matches!(
            issue(cx),
            None | Some(Issue::Welcome | Issue::KeywordReply)
        ) {
            return;
        }
        let language = letter.language();
        let next_step = cue("solution-next-step").regex(language);
        let steps: Vec<&str> = sentences(letter)
            .filter(|(text, parts)| {
                parts.iter().any(|p| matches!(p, PartKind::Solution | PartKind::Tracking)) || next_step.is_match(text)
            })
            .map(|(text, _)| text)
            .collect();
        let locale = cx.settings.locale();
        if steps.is_empty() {
            out.push(letter_finding(letter, rule, locale, None, &[]));
        } else if !steps.iter().any(|text| cue("time-frame").is_match(language, text)) {
            out.push(letter_finding(letter, rule, locale, Some("no-time"), &[]));
        }
    }
}
