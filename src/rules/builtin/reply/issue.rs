//! What a reply is about, recognised from its text when front matter does not say (`reason:`).
//!
//! Every sentence of the writer's own prose is read for the issue cues of
//! `rules/lexicons/replies.toml`: `issue-<name>` is a strong cue (3 points), `issue-<name>-hint`
//! a weaker one (1 point). What follows a `conditional` cue ("if", "in case", "si", "wenn",
//! "если"...) up to the end of its sentence is not read: "if anything arrives damaged, send us a
//! photo" in a delay reply or a welcome message is not about damage. The first three sentences
//! after the greeting count double, because a reply names the buyer's problem early. The issue
//! with the most points wins, with 2 points at least; on a tie, the one listed first in `ISSUES`
//! (the more specific).

use super::Issue;
use super::cues::{Cue, Scanned, cue};
use crate::letter::{Letter, PartKind};

/// The issues recognised from the text, most specific first, with the name of their cues.
const ISSUES: &[(Issue, &str)] = &[
    (Issue::Welcome, "welcome"),
    (Issue::Customs, "customs"),
    (Issue::PostOfficePickup, "post-office-pickup"),
    (Issue::SplitPackage, "split-package"),
    (Issue::LostReshipped, "lost-reshipped"),
    (Issue::Damaged, "damaged"),
    (Issue::WrongItem, "wrong-item"),
    (Issue::Quality, "quality"),
    (Issue::AddressProblem, "address-problem"),
    (Issue::RefundTiming, "refund-timing"),
    (Issue::TrackingNotUpdating, "tracking-not-updating"),
    (Issue::ShippingDelay, "shipping-delay"),
];

const STRONG: u32 = 3;
const HINT: u32 = 1;
/// How many sentences after the greeting count double.
const EARLY: usize = 3;
/// The fewest points that name an issue: one strong cue, or a hint in an early sentence.
const ENOUGH: u32 = 2;

/// The strong and the hint cue of each issue, in `ISSUES` order.
fn cues() -> &'static [(Issue, &'static Cue, &'static Cue)] {
    static CUES: std::sync::OnceLock<Vec<(Issue, &'static Cue, &'static Cue)>> = std::sync::OnceLock::new();
    CUES.get_or_init(|| {
        ISSUES
            .iter()
            .map(|(issue, name)| (*issue, cue(&format!("issue-{name}")), cue(&format!("issue-{name}-hint"))))
            .collect()
    })
}

/// The issue the reply's text is about, if any cue names one clearly enough.
pub fn recognise(letter: &Letter) -> Option<Issue> {
    let language = letter.language();
    let conditional = cue("conditional").regex(language);
    // The factual part of each sentence after the greeting, with its weight.
    let mut read: Vec<(&str, u32)> = Vec::new();
    for unit in &letter.units {
        if unit.parts.iter().any(|p| matches!(p, PartKind::Greeting | PartKind::Signoff)) {
            continue;
        }
        let sentence = letter.unit_text(unit);
        let factual = conditional.find(sentence).map_or(sentence, |m| &sentence[..m.start()]);
        let weight = if read.len() < EARLY { 2 } else { 1 };
        read.push((factual, weight));
    }
    let mut points = [0u32; ISSUES.len()];
    for (text, weight) in &read {
        if text.trim().is_empty() {
            continue;
        }
        let text = Scanned::new(language, text);
        for (slot, (_, strong, hint)) in points.iter_mut().zip(cues()) {
            if strong.is_match_scanned(&text) {
                *slot += STRONG * weight;
            } else if hint.is_match_scanned(&text) {
                *slot += HINT * weight;
            }
        }
    }
    let (best, &most) = points.iter().enumerate().rev().max_by_key(|(_, p)| **p)?;
    (most >= ENOUGH).then_some(ISSUES[best].0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::Hints;

    fn issue(text: &str) -> Option<Issue> {
        recognise(&Letter::parse(text, &Hints { kind_override: Some(crate::letter::Kind::Reply), ..Hints::default() }))
    }

    #[test]
    fn the_issue_named_early_and_often_wins() {
        assert_eq!(issue("Hi Ann,\n\nI am so sorry the vase arrived cracked. Could you send a photo of it? We will refund you within 3 business days.\n\nBest,\nLi"), Some(Issue::Damaged));
        assert_eq!(issue("Hi Ann,\n\nYour parcel is taking longer than expected because of the holiday rush. It is still on its way.\n\nBest,\nLi"), Some(Issue::ShippingDelay));
        assert_eq!(issue("Hi Ann,\n\nYour refund was processed today. It will appear on your card in 3-5 business days.\n\nBest,\nLi"), Some(Issue::RefundTiming));
    }

    #[test]
    fn what_would_happen_is_not_what_happened() {
        // A delay reply that mentions damage only conditionally.
        assert_eq!(issue("Hi Ann,\n\nSorry, your order is delayed by the storm. If anything arrives damaged, send us a photo.\n\nBest,\nLi"), Some(Issue::ShippingDelay));
        // A welcome message listing what to do if an item is broken.
        assert_eq!(issue("Hello and welcome to our store!\n\nOur team answers Monday to Friday, 9:00-18:00 (UTC+8). If an item is broken, send us a photo.\n\nThe team"), Some(Issue::Welcome));
        assert_eq!(issue("Hola:\n\nNuestro equipo responde de lunes a viernes. Si el artículo llegó roto, envíenos una foto.\n\nEl equipo"), Some(Issue::Welcome));
    }

    #[test]
    fn a_single_late_hint_is_not_enough() {
        assert_eq!(issue("Hi Ann,\n\nThank you for your message.\n\nWe are happy to help.\n\nWe read every message.\n\nThe parcel is in transit.\n\nBest,\nLi"), None);
    }

    #[test]
    fn every_issue_has_a_strong_cue_and_a_hint() {
        assert_eq!(cues().len(), ISSUES.len());
    }
}
