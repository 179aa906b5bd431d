//! Rules that need logic, one module each, registered under their rule id.
//!
//! Each rule still has its data file in `rules/` (id, docs, severity, messages, examples); loading
//! fails on a `check = "code"` file without an implementation here, or an implementation without
//! a file.

use super::engine::Context;
use super::registry::Rule;
use crate::diagnostic::Diagnostic;

mod front_matter;
mod mixed_script;
mod repeated_word;
mod shouting;
mod spacing;

/// A rule implemented in Rust.
pub trait Check: Sync {
    /// Appends the rule's findings on `cx.letter` to `out`.
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>);
}

/// Every code rule, by id, in alphabetical order.
pub static CODE_RULES: &[(&str, &dyn Check)] = &[
    ("letter/front-matter", &front_matter::FrontMatterRule),
    ("text/mixed-script", &mixed_script::MixedScript),
    ("text/repeated-word", &repeated_word::RepeatedWord),
    ("text/shouting", &shouting::Shouting),
    ("text/spacing", &spacing::Spacing),
];

pub fn lookup(id: &str) -> Option<&'static dyn Check> {
    CODE_RULES.iter().find(|(rule_id, _)| *rule_id == id).map(|(_, check)| *check)
}

/// A finding of rule `rule` at a source span, with its configured message.
pub fn finding(rule: &Rule, span: crate::document::Span, message: String) -> Diagnostic {
    Diagnostic::new(rule.id(), rule.spec.severity, span, message)
}

#[cfg(test)]
mod tests {
    #[test]
    fn code_rules_are_sorted_and_unique() {
        let ids: Vec<&str> = super::CODE_RULES.iter().map(|(id, _)| *id).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(ids, sorted);
    }
}
