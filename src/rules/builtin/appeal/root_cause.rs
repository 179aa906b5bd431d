//! `appeal/root-cause`: the appeal explains why the problem happened.

use super::{data_patterns, missing};
use crate::diagnostic::Diagnostic;
use crate::letter::PartKind;
use crate::rules::builtin::{Check, finding};
use crate::rules::{Context, Rule};

/// Missing root cause: a finding with a skeleton after the acknowledgment. A root cause whose every
/// sentence only restates the metric (`data.metric_patterns`: "many orders were refunded", "the
/// refund rate is high because buyers asked for refunds") is flagged at its first sentence.
pub struct RootCause;

impl Check for RootCause {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        let locale = cx.settings.locale();
        let causes: Vec<usize> = letter
            .parts_of(PartKind::RootCause)
            .flat_map(|p| p.units.clone())
            .collect();
        if causes.is_empty() {
            out.push(missing(
                cx,
                rule,
                rule.message(locale),
                &[PartKind::Acknowledgment, PartKind::Salutation],
                &[
                    PartKind::PerOrder,
                    PartKind::Remedies,
                    PartKind::Plea,
                    PartKind::Signoff,
                ],
            ));
            return;
        }
        let metric = data_patterns(rule, "metric_patterns");
        let only_metric = causes.iter().all(|&u| {
            let text = letter.unit_text(&letter.units[u]);
            metric.iter().any(|p| p.is_match(text))
        });
        if only_metric {
            out.push(finding(
                rule,
                letter.units[causes[0]].span,
                rule.named_message("restates", locale).to_string(),
            ));
        }
    }
}
