//! The concise report: one line per finding, `path:line:col: severity rule message`, the shape
//! editors' problem matchers and `grep` read. Also the `--statistics` table (counts per rule).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{FileResult, Point};
use crate::diagnostic::Severity;
use crate::fix::Applicability;

/// One line per finding, in file order, then nothing else: an empty report means no findings.
pub fn render(results: &[FileResult]) -> String {
    let mut out = String::new();
    for result in results {
        let doc = &result.letter.doc;
        for d in &result.diagnostics {
            let start = Point::of(doc, d.span.start as usize);
            let _ = writeln!(
                out,
                "{}:{}:{}: {} {} {}",
                result.path,
                start.line,
                start.column,
                d.severity.as_str(),
                d.rule,
                one_line(&d.message)
            );
        }
    }
    out
}

/// Counts of one rule's findings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleCount {
    pub rule: String,
    /// The highest severity the rule was reported with.
    pub severity: Severity,
    pub count: usize,
    /// Findings that carry a safe fix.
    pub safe_fixes: usize,
}

/// Findings counted per rule, most frequent first, then by rule id.
pub fn statistics(results: &[FileResult]) -> Vec<RuleCount> {
    let mut by_rule: BTreeMap<&str, RuleCount> = BTreeMap::new();
    for d in results.iter().flat_map(|r| &r.diagnostics) {
        let entry = by_rule.entry(&d.rule).or_insert_with(|| RuleCount {
            rule: d.rule.clone(),
            severity: d.severity,
            count: 0,
            safe_fixes: 0,
        });
        entry.count += 1;
        entry.severity = entry.severity.max(d.severity);
        if d.fixes
            .first()
            .is_some_and(|f| f.applicability == Applicability::Safe)
        {
            entry.safe_fixes += 1;
        }
    }
    let mut counts: Vec<RuleCount> = by_rule.into_values().collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.rule.cmp(&b.rule)));
    counts
}

/// The statistics as an aligned table: count, severity, rule, and `[*]` when some have a safe fix.
pub fn render_statistics(results: &[FileResult]) -> String {
    let counts = statistics(results);
    let count_width = counts
        .iter()
        .map(|c| c.count.to_string().len())
        .max()
        .unwrap_or(1);
    let rule_width = counts.iter().map(|c| c.rule.len()).max().unwrap_or(0);
    let mut out = String::new();
    for c in &counts {
        let fixable = if c.safe_fixes > 0 { " [*]" } else { "" };
        let line = format!(
            "{:>count_width$}  {:<7}  {:<rule_width$}{fixable}",
            c.count,
            c.severity.as_str(),
            c.rule
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    let total: usize = counts.iter().map(|c| c.count).sum();
    let _ = writeln!(
        out,
        "{total} {} in {} {}.",
        if total == 1 { "finding" } else { "findings" },
        results.len(),
        if results.len() == 1 {
            "letter"
        } else {
            "letters"
        }
    );
    if counts.iter().any(|c| c.safe_fixes > 0) {
        let _ = writeln!(out, "[*] `--fix` can fix some of these.");
    }
    out
}

/// Messages are one sentence, but a rule pack could put a line break in one; keep one line per
/// finding.
fn one_line(message: &str) -> String {
    message.replace(['\r', '\n'], " ")
}
