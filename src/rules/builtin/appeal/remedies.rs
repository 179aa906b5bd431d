//! `appeal/remedies`: the appeal states concrete corrective and preventive measures.

use super::{data_patterns, missing};
use crate::diagnostic::Diagnostic;
use crate::letter::PartKind;
use crate::rules::builtin::{Check, finding};
use crate::rules::{Context, Rule};

/// Missing remedies: a finding with a skeleton after the cause, before the plea. On the
/// platforms listed in `data.both_required` (Amazon's plan of action), the remedies must hold both
/// an action already taken (`data.corrective_patterns`: a past tense, or a heading naming it) and a measure for the future
/// (`data.preventive_patterns`); the missing half is named.
pub struct Remedies;

impl Check for Remedies {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        let locale = cx.settings.locale();
        let units: Vec<usize> = letter
            .parts_of(PartKind::Remedies)
            .flat_map(|p| p.units.clone())
            .collect();
        if units.is_empty() {
            out.push(missing(
                cx,
                rule,
                rule.message(locale),
                &[
                    PartKind::PerOrder,
                    PartKind::RootCause,
                    PartKind::Acknowledgment,
                    PartKind::Salutation,
                ],
                &[PartKind::Plea, PartKind::Signoff],
            ));
            return;
        }
        let both_required = rule
            .spec
            .data
            .as_ref()
            .and_then(|d| d.get("both_required"))
            .and_then(|v| v.as_array())
            .is_some_and(|a| {
                a.iter()
                    .any(|p| p.as_str() == Some(letter.platform.as_str()))
            });
        if !both_required {
            return;
        }
        // Both halves are read in the remedies, including the headings that open them.
        let has = |key: &str| {
            let patterns = data_patterns(rule, key);
            units.iter().any(|&u| {
                patterns
                    .iter()
                    .any(|p| p.is_match(letter.unit_text(&letter.units[u])))
            })
        };
        let span = letter.units[units[0]].span;
        if !has("corrective_patterns") {
            out.push(finding(
                rule,
                span,
                rule.named_message("no-corrective", locale).to_string(),
            ));
        } else if !has("preventive_patterns") {
            out.push(finding(
                rule,
                span,
                rule.named_message("no-preventive", locale).to_string(),
            ));
        }
    }
}
