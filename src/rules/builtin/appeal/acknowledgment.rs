//! `appeal/acknowledgment`: the appeal admits the mistake, before the remedies.

use super::missing;
use crate::diagnostic::Diagnostic;
use crate::letter::PartKind;
use crate::rules::builtin::{Check, finding};
use crate::rules::{Context, Rule};

/// Missing acknowledgment: a finding with an apology skeleton after the salutation. Present only
/// after the first remedy: a finding on the acknowledgment (seed 000: "first admit your
/// mistakes, and then propose solutions").
pub struct Acknowledgment;

impl Check for Acknowledgment {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        let locale = cx.settings.locale();
        let Some(ack) = letter.first_part(PartKind::Acknowledgment) else {
            out.push(missing(
                cx,
                rule,
                rule.message(locale),
                &[PartKind::Salutation],
                &[
                    PartKind::RootCause,
                    PartKind::Remedies,
                    PartKind::Plea,
                    PartKind::Signoff,
                ],
            ));
            return;
        };
        if let Some(remedy) = letter.first_part(PartKind::Remedies)
            && remedy.units.start < ack.units.start
        {
            out.push(finding(
                rule,
                letter.units[ack.units.start].span,
                rule.named_message("late", locale).to_string(),
            ));
        }
    }
}
