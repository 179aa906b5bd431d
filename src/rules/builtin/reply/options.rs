//! `reply/options`: on an issue with a choice, the buyer gets fewer than two options.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;

use super::{issue, letter_finding, sentences};
use crate::diagnostic::Diagnostic;
use crate::rules::builtin::Check;
use crate::rules::{Context, Rule};

/// Counts the distinct remedies the reply offers (full refund, partial refund, reship or
/// replacement, coupon or discount, return or exchange, waiting a few more days), over sentences
/// that offer a choice ("or", "either", "choose", "prefer", "option") and list items. Fewer than
/// two is a finding on damaged, wrong-item, quality, delay and lost-parcel issues.
pub struct Options;

static CHOICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(or|either|choose|choice|prefer|option|options|whichever|o|elige|prefieres|opci[oó]n)\b").expect("regex")
});

static REMEDIES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"\b(partial refund|refund (part|half|\d+ ?%)|reembolso parcial)|\d+ ?% (refund|back|reembolso)",
        r"\b(full refund|refund (you )?(in full|the full|the whole|fully)|(a|the) refund|refund you|reembolso completo|reembolso total)\b",
        r"\b(reship|re-ship|resend|send (you )?(a )?(new|another|replacement)|replacement|new one|nuevo env[ií]o|reenviar)",
        r"\b(coupon|discount|voucher|store credit|cup[oó]n|descuento)",
        r"\b(return|exchange|devoluci[oó]n|cambio)\b",
        r"\b(wait|keep waiting|a few more days|esperar)\b",
        r"\b(keep (it|the item|the order|them))\b",
    ]
    .iter()
    .map(|p| Regex::new(&format!("(?i){p}")).expect("remedy"))
    .collect()
});

impl Check for Options {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        let Some(issue) = issue(cx) else {
            return;
        };
        if !issue.has_choice() {
            return;
        }
        let mut offered = BTreeSet::new();
        for (_, block) in letter.doc.own_blocks() {
            let is_item = matches!(block.kind, crate::document::BlockKind::ListItem { .. });
            for sentence in &block.sentences {
                let text = &block.prose.text[sentence.span.range()];
                if is_item || CHOICE.is_match(text) {
                    for (i, remedy) in REMEDIES.iter().enumerate() {
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
                .any(|(t, _)| REMEDIES[1].is_match(&REMEDIES[0].replace_all(t, "")))
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
