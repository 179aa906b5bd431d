//! Rules that need logic, one module each, registered under their rule id.
//!
//! Each rule still has its data file in `rules/` (id, docs, severity, messages, examples); loading
//! fails on a `check = "code"` file without an implementation here, or an implementation without
//! a file.

use super::engine::Context;
use super::registry::Rule;
use crate::diagnostic::Diagnostic;

mod appeal;
mod letter;
mod phrasing;
mod policy;
pub(crate) mod reply;
mod text;
mod tone;

/// A rule implemented in Rust.
pub trait Check: Sync {
    /// Appends the rule's findings on `cx.letter` to `out`.
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>);
}

/// The code rules of each group; each group module lists its rules by id in alphabetical order.
static GROUPS: &[&[(&str, &dyn Check)]] =
    &[appeal::RULES, letter::RULES, phrasing::RULES, policy::RULES, reply::RULES, text::RULES, tone::RULES];

/// Every code rule: (id, implementation).
pub fn code_rules() -> impl Iterator<Item = (&'static str, &'static dyn Check)> {
    GROUPS.iter().flat_map(|group| group.iter().copied())
}

pub fn lookup(id: &str) -> Option<&'static dyn Check> {
    code_rules().find(|(rule_id, _)| *rule_id == id).map(|(_, check)| check)
}

/// A finding of rule `rule` at a source span, with its configured message.
pub fn finding(rule: &Rule, span: crate::document::Span, message: String) -> Diagnostic {
    Diagnostic::new(rule.id(), rule.spec.severity, span, message)
}

#[cfg(test)]
mod tests {
    #[test]
    fn code_rule_ids_are_unique() {
        let ids: Vec<&str> = super::code_rules().map(|(id, _)| id).collect();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(ids.len(), unique.len());
    }
}
