//! `appeal/evidence`: the materials a platform asks for, for the stated reason, are mentioned.
//!
//! The requirements are data (`data.requirements` in `rules/appeal/evidence.toml`), one entry per
//! platform and reason with its source and the date it was checked, because platforms change their
//! policies.

use super::{data_patterns, set_cached};
use crate::diagnostic::Diagnostic;
use crate::letter::Letter;
use crate::rules::builtin::{Check, finding};
use crate::rules::engine::{letter_span, platform_name};
use crate::rules::{Context, Rule};

/// Two checks. (1) A claim of proof that is not given (`data.claim_patterns`: "we have proof",
/// "we will send the pictures later", "we don't have the certificate") with no pointer to
/// attached evidence in the sentence (`data.proof_patterns`) is flagged where it stands. (2) For
/// each requirement of the letter's platform whose reason is the front matter `reason` (or, with
/// no `reason`, whose `detect` patterns match a sentence), the materials no sentence mentions are
/// named in one finding at the sentence that states the reason.
pub struct Evidence;

/// One platform-and-reason requirement read from the rule's data.
pub struct Requirement<'a> {
    pub platform: &'a str,
    pub reasons: Vec<&'a str>,
    pub policy: &'a str,
    pub source: &'a str,
    pub checked: &'a str,
    detect: Vec<&'a str>,
    waived_by: Vec<&'a str>,
    materials: Vec<(&'a str, Vec<&'a str>)>,
}

fn strings(value: Option<&toml::Value>) -> Vec<&str> {
    value
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str())
        .collect()
}

/// The requirements in a rule's data, in file order.
pub fn requirements(data: Option<&toml::Value>) -> Vec<Requirement<'_>> {
    let list = data
        .and_then(|d| d.get("requirements"))
        .and_then(|v| v.as_array());
    list.into_iter()
        .flatten()
        .map(|r| {
            let text = |key: &str| r.get(key).and_then(|v| v.as_str()).unwrap_or("");
            Requirement {
                platform: text("platform"),
                reasons: strings(r.get("reasons")),
                policy: text("policy"),
                source: text("source"),
                checked: text("checked"),
                detect: strings(r.get("detect")),
                waived_by: strings(r.get("waived_by")),
                materials: r
                    .get("materials")
                    .and_then(|v| v.as_array())
                    .into_iter()
                    .flatten()
                    .map(|m| {
                        (
                            m.get("name").and_then(|v| v.as_str()).unwrap_or(""),
                            strings(m.get("patterns")),
                        )
                    })
                    .collect(),
            }
        })
        .collect()
}

/// True when one sentence of the letter matches one of `patterns`; also returns the first.
fn find(letter: &Letter, patterns: &[&str]) -> Option<usize> {
    let set = set_cached(&patterns.iter().map(|p| p.to_string()).collect::<Vec<_>>());
    super::sentences(letter).find(|(_, _, text)| set.is_match(text)).map(|(i, _, _)| i)
}

impl Check for Evidence {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        let locale = cx.settings.locale();
        let claims = data_patterns(rule, "claim_patterns");
        let proofs = data_patterns(rule, "proof_patterns");
        let mut found: Vec<Diagnostic> = Vec::new();
        for unit in &letter.units {
            let text = letter.unit_text(unit);
            if let Some(m) = claims.iter().find_map(|p| p.find(text))
                && !proofs.iter().any(|p| p.is_match(text))
            {
                found.push(finding(
                    rule,
                    unit.span,
                    rule.named_message("claim", locale)
                        .replace("{found}", m.as_str()),
                ));
            }
        }
        let reason = letter.reason();
        for requirement in requirements(rule.spec.data.as_ref()) {
            if requirement.platform != letter.platform {
                continue;
            }
            let stated_at = match &reason {
                Some(r) if requirement.reasons.iter().any(|x| x == r) => {
                    Some(find(letter, &requirement.detect))
                }
                Some(_) => None,
                None => find(letter, &requirement.detect).map(Some),
            };
            let Some(stated_at) = stated_at else { continue };
            if find(letter, &requirement.waived_by).is_some() {
                continue;
            }
            let absent: Vec<&str> = requirement
                .materials
                .iter()
                .filter(|(_, patterns)| find(letter, patterns).is_none())
                .map(|(name, _)| *name)
                .collect();
            if absent.is_empty() {
                continue;
            }
            let message = rule
                .named_message("materials", locale)
                .replace("{platform}", &platform_name(&letter.platform))
                .replace("{policy}", requirement.policy)
                .replace("{found}", &absent.join("; "));
            let source = rule
                .named_message("source", locale)
                .replace("{source}", requirement.source)
                .replace("{checked}", requirement.checked);
            // A claim of proof already points at the evidence problem: name the materials there
            // rather than in a second finding.
            if let Some(claim) = found.first_mut() {
                claim.help = Some(format!("{message} {source}"));
                continue;
            }
            // Point at the sentence that mentions some of the materials (the writer is talking about
            // evidence there), else at the sentence that states the reason.
            let all_patterns: Vec<&str> = requirement
                .materials
                .iter()
                .flat_map(|(_, p)| p.iter().copied())
                .collect();
            let at = find(letter, &all_patterns).or(stated_at);
            let span = at.map_or_else(|| letter_span(letter), |u| letter.units[u].span);
            found.push(finding(rule, span, message).with_help(source));
        }
        out.extend(found);
    }
}
