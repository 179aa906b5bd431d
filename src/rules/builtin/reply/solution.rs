//! `reply/solution`: the reply has no concrete next step with a time frame.

use std::sync::LazyLock;

use regex::Regex;

use super::{Issue, TIME_FRAME, issue, letter_finding, sentences};
use crate::diagnostic::Diagnostic;
use crate::letter::PartKind;
use crate::rules::builtin::Check;
use crate::rules::{Context, Rule};

/// A reply needs a next step: a sentence recognised as the solution part, or one that says what
/// the seller will do or has done (refund, reship, send, check, contact the carrier). At least
/// one of those sentences must carry a time frame: a number, a date, a weekday or "today".
/// Only replies to an issue (front matter `reason:` or recognised) are checked; welcome
/// auto-replies and keyword replies are left to their own rules.
pub struct Solution;

static NEXT_STEP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bwe (have )?(sent|shipped|refunded|issued|reshipped|resent|arranged|contacted|released)\b|\b(we will|we'll|we have|we've|we can|i will|i'll|we are going to|has been|have been|was|will be|please|you can|reembolsaremos|enviaremos|hemos)\b[^.!?]{0,60}\b(refund|reship|resend|send|sent|ship|shipped|replace|replacement|check|contact|arrange|issue|issued|credit|return|deliver|collect|pick|update|reply|answer|release|released|approved|reembols|envi)").expect("regex")
});

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
        let steps: Vec<&str> = sentences(letter)
            .filter(|(text, parts)| parts.contains(&PartKind::Solution) || NEXT_STEP.is_match(text))
            .map(|(text, _)| text)
            .collect();
        let locale = cx.settings.locale();
        if steps.is_empty() {
            out.push(letter_finding(letter, rule, locale, None, &[]));
        } else if !steps.iter().any(|text| TIME_FRAME.is_match(text)) {
            out.push(letter_finding(letter, rule, locale, Some("no-time"), &[]));
        }
    }
}
