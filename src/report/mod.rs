//! The class report (`letterlint report`): letters checked together, e.g. one per student, with
//! the parts each has, its findings, a score from the rubric, and the rules found most often.
//!
//! `ClassReport::new` is the one entry point; `html::render` and `ClassReport::to_json` print it.
//! Pure: checked letters in, values and text out; reading files and writing the page is the CLI's.
//!
//! Invariant: `ClassReport::letters` follows the order of the checked files, and each letter's
//! `diagnostics` are the file's diagnostics in the same order, in the `check --format json` shape.

pub mod html;
pub mod labels;
pub mod rubric;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostic::Severity;
use crate::letter::PartKind;
use crate::output::json::{DiagnosticReport, diagnostic};
use crate::output::FileResult;

pub use rubric::{Rubric, RubricError, Score};

/// The version of the report's JSON shape.
pub const VERSION: u32 = 1;

/// The class report.
#[derive(Serialize)]
pub struct ClassReport<'a> {
    pub version: u32,
    /// The language of the page's labels and the rule messages.
    pub locale: String,
    pub rubric: &'a Rubric,
    pub letters: Vec<LetterReport<'a>>,
    /// Rules found, most often first.
    pub rules: Vec<RuleCount>,
    pub summary: ClassSummary,
}

/// One letter of the class.
#[derive(Serialize)]
pub struct LetterReport<'a> {
    pub path: &'a str,
    pub kind: &'static str,
    pub platform: &'a str,
    /// The parts a letter of its kind has, in their recommended order, and whether it has them.
    pub parts: Vec<PartCheck>,
    pub counts: Counts,
    pub score: Score,
    pub diagnostics: Vec<DiagnosticReport<'a>>,
    /// The checked letter, for renderers.
    #[serde(skip)]
    pub file: &'a FileResult,
}

/// A part of the checklist.
#[derive(Debug, Clone, Serialize)]
pub struct PartCheck {
    pub part: &'static str,
    pub present: bool,
    /// The part's weight in the rubric.
    pub points: f64,
    #[serde(skip)]
    pub kind: PartKind,
}

/// Findings per severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub hints: usize,
}

impl Counts {
    fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
            Severity::Hint => self.hints += 1,
        }
    }
}

/// How often a rule was found across the class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    pub rule: String,
    /// The most severe severity it was found with.
    pub severity: &'static str,
    /// Findings in all letters.
    pub count: usize,
    /// Letters with at least one finding.
    pub letters: usize,
}

/// Totals for the class.
#[derive(Debug, Clone, Serialize)]
pub struct ClassSummary {
    pub letters: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub hints: usize,
    /// The mean score, one decimal; 0 for no letter.
    pub average_score: f64,
}

impl<'a> ClassReport<'a> {
    /// Builds the report of checked letters, scored with `rubric`; `locale` names the labels' language.
    pub fn new(files: &'a [FileResult], rubric: &'a Rubric, locale: &str) -> ClassReport<'a> {
        let mut totals = Counts::default();
        let mut by_rule: BTreeMap<&str, (Severity, usize, usize)> = BTreeMap::new();
        let letters: Vec<LetterReport<'a>> = files
            .iter()
            .map(|file| {
                let letter = &file.letter;
                let parts = PartKind::of_kind(letter.kind)
                    .iter()
                    .map(|&kind| PartCheck { part: kind.as_str(), present: letter.has_part(kind), points: rubric.part_weight(kind), kind })
                    .collect();
                let mut counts = Counts::default();
                for (i, d) in file.diagnostics.iter().enumerate() {
                    counts.add(d.severity);
                    totals.add(d.severity);
                    let first_in_letter = !file.diagnostics[..i].iter().any(|e| e.rule == d.rule);
                    let entry = by_rule.entry(d.rule.as_str()).or_insert((d.severity, 0, 0));
                    entry.0 = entry.0.max(d.severity);
                    entry.1 += 1;
                    entry.2 += usize::from(first_in_letter);
                }
                let score = rubric.score(letter.kind, |p| letter.has_part(p), &file.diagnostics);
                LetterReport {
                    path: &file.path,
                    kind: letter.kind.as_str(),
                    platform: &letter.platform,
                    parts,
                    counts,
                    score,
                    diagnostics: file.diagnostics.iter().map(|d| diagnostic(&letter.doc, d)).collect(),
                    file,
                }
            })
            .collect();
        let mut rules: Vec<RuleCount> = by_rule
            .into_iter()
            .map(|(rule, (severity, count, n_letters))| RuleCount { rule: rule.to_string(), severity: severity.as_str(), count, letters: n_letters })
            .collect();
        rules.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.rule.cmp(&b.rule)));
        let average_score = if letters.is_empty() {
            0.0
        } else {
            let sum: f64 = letters.iter().map(|l| f64::from(l.score.score)).sum();
            (sum / letters.len() as f64 * 10.0).round() / 10.0
        };
        let summary = ClassSummary {
            letters: letters.len(),
            errors: totals.errors,
            warnings: totals.warnings,
            infos: totals.infos,
            hints: totals.hints,
            average_score,
        };
        ClassReport { version: VERSION, locale: labels::normalize(locale).to_string(), rubric, letters, rules, summary }
    }

    /// The report as pretty JSON text.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("reports serialize") + "\n"
    }
}
