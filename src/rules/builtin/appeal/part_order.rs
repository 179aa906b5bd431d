//! `appeal/part-order`: cause, remedies and plea in the recommended order.

use crate::diagnostic::Diagnostic;
use crate::letter::PartKind;
use crate::rules::builtin::{Check, finding};
use crate::rules::{Context, Rule};

/// Two checks over the first and last sentences of each part: remedies that begin before any
/// root cause is given ("propose solutions" after "analyse the reasons"), and a plea that is never
/// made after the remedies (the plea closes the letter; one placed first is fine when it is
/// repeated at the end). An acknowledgment after the remedies is `appeal/acknowledgment`'s
/// finding.
pub struct PartOrder;

impl Check for PartOrder {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        let locale = cx.settings.locale();
        let first = |kind| letter.parts_of(kind).map(|p| p.units.start).min();
        let last = |kind| letter.parts_of(kind).map(|p| p.units.end - 1).max();
        if let (Some(remedy), Some(cause)) = (first(PartKind::Remedies), first(PartKind::RootCause))
            && remedy < cause
        {
            out.push(finding(
                rule,
                letter.units[remedy].span,
                rule.named_message("remedies-before-cause", locale)
                    .to_string(),
            ));
        }
        if let (Some(plea), Some(remedy)) = (last(PartKind::Plea), last(PartKind::Remedies))
            && plea < remedy
            && first(PartKind::Remedies).is_some_and(|r| plea < r)
        {
            out.push(finding(
                rule,
                letter.units[plea].span,
                rule.named_message("plea-first", locale).to_string(),
            ));
        }
    }
}
