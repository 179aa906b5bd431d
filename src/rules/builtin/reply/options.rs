//! `reply/options`: on an issue with a choice, the buyer gets fewer than two options.

use std::collections::BTreeSet;

use super::cues::cue;
use super::{issue, letter_finding, sentences};
use crate::diagnostic::Diagnostic;
use crate::rules::builtin::Check;
use crate::rules::{Context, Rule};

/// Counts the distinct remedies the reply offers (full refund, partial refund, reship or
/// replacement, coupon or discount, return or exchange, waiting a few more days), over sentences
/// that offer a choice ("or", "either", "choose", "prefer", "option") and list items. Fewer than
/// two is a finding on damaged, wrong-item, quality, delay and lost-parcel issues.
pub struct Options;

/// The remedies, by cue in `rules/lexicons/replies.toml`; the first two are the partial and the
/// full refund.
const REMEDIES: &[&str] = &[
    "options-partial-refund",
    "options-full-refund",
    "options-reship",
    "options-coupon",
    "options-return",
    "options-wait",
    "options-keep",
];

impl Check for Options {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        let Some(issue) = issue(cx) else {
            return;
        };
        if !issue.has_choice() {
            return;
        }
        let language = letter.language();
        // A delay before shipping is answered with a ship-by date, not a choice; a refund or
        // replacement already made leaves nothing to choose.
        let text = super::own_text(letter);
        if super::awaiting_shipment(letter, &text) || super::already_resolved(letter, &text) {
            return;
        }
        let choice = cue("options-choice").regex(language);
        let remedies: Vec<_> = REMEDIES.iter().map(|name| cue(name).regex(language)).collect();
        let mut offered = BTreeSet::new();
        for (_, block) in letter.doc.own_blocks() {
            let is_item = matches!(block.kind, crate::document::BlockKind::ListItem { .. });
            // The lines after a choice that ends with a colon are its options, list or not
            // ("Vous avez le choix :" then "– patienter…", "a) Te enviamos…").
            let mut after_colon = false;
            for sentence in &block.sentences {
                let text = &block.prose.text[sentence.span.range()];
                let is_choice = choice.is_match(text);
                let counts = is_item || is_choice || after_colon;
                after_colon = after_colon || (is_choice && text.trim_end().ends_with(':'));
                if counts {
                    for (i, remedy) in remedies.iter().enumerate() {
                        if remedy.is_match(text) {
                            offered.insert(i);
                        }
                    }
                }
            }
        }
        // A partial refund also reads as a refund; count the two as one remedy when both match.
        if offered.contains(&0)
            && offered.contains(&1)
            && !sentences(letter)
                .any(|(t, _)| remedies[1].is_match(&remedies[0].replace_all(t, "")))
        {
            offered.remove(&1);
        }
        if offered.len() < 2 {
            out.push(letter_finding(
                letter,
                rule,
                cx.settings.locale(),
                None,
                &[],
            ));
        }
    }
}
