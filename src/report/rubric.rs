//! The rubric a class report scores letters with: points for each part present and points off for
//! each finding, set in `letterlint.toml` under `[rubric]`.
//!
//! Score = 100 × (weights of the letter's parts present) / (weights of its kind's parts) − the
//! points off for its findings, rounded and clamped to 0–100. The default weights of each kind
//! add up to 100, so with them a weight is the part's points.
//!
//! Invariant: a `Rubric` has a non-negative, finite weight for every part and every severity.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::letter::{Kind, PartKind};

/// Every part a rubric weighs: the appeal's parts, then the reply's (the sign-off once).
pub fn all_parts() -> Vec<PartKind> {
    let mut parts: Vec<PartKind> = PartKind::APPEAL.to_vec();
    for part in PartKind::REPLY {
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    parts
}

/// Points for parts and points off for findings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rubric {
    /// Points for each part present (`root_cause = 20`).
    pub parts: BTreeMap<&'static str, f64>,
    /// Points off for each finding of a severity (`error = 10`).
    pub severity: BTreeMap<&'static str, f64>,
}

/// A rubric value that cannot be used: the key to point at, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RubricError {
    /// The key as written in the file, to find its line.
    pub key: String,
    pub reason: String,
}

impl Default for Rubric {
    fn default() -> Self {
        let parts = [
            // Appeals: 100 in all.
            (PartKind::Salutation, 10.0),
            (PartKind::Acknowledgment, 15.0),
            (PartKind::RootCause, 20.0),
            (PartKind::PerOrder, 15.0),
            (PartKind::Remedies, 20.0),
            (PartKind::Plea, 10.0),
            (PartKind::Signoff, 10.0),
            // Replies: 100 in all with the sign-off. Tracking is asked for only while a parcel is
            // in transit, and `reply/tracking` reports it then, so it earns nothing by default.
            (PartKind::Greeting, 15.0),
            (PartKind::Thanks, 15.0),
            (PartKind::Apology, 20.0),
            (PartKind::Solution, 40.0),
            (PartKind::Tracking, 0.0),
        ];
        let severity = [(Severity::Error, 10.0), (Severity::Warning, 3.0), (Severity::Info, 1.0), (Severity::Hint, 0.0)];
        Rubric {
            parts: parts.into_iter().map(|(p, w)| (p.as_str(), w)).collect(),
            severity: severity.into_iter().map(|(s, w)| (s.as_str(), w)).collect(),
        }
    }
}

/// How a letter scored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    /// 0–100, rounded.
    pub score: u32,
    /// Points the parts present earned, out of 100.
    pub parts_points: f64,
    /// Points taken off for findings.
    pub points_off: f64,
}

impl Rubric {
    /// The default rubric with a `[rubric]` table's values over it:
    /// `[rubric.parts] root_cause = 25` and `[rubric.severity] warning = 2`.
    pub fn from_table(table: &toml::Table) -> Result<Rubric, RubricError> {
        let mut rubric = Rubric::default();
        for (key, value) in table {
            let target = match key.as_str() {
                "parts" => &mut rubric.parts,
                "severity" => &mut rubric.severity,
                _ => {
                    return Err(RubricError { key: key.clone(), reason: format!("unknown key `rubric.{key}`; use `[rubric.parts]` or `[rubric.severity]`") });
                }
            };
            let Some(entries) = value.as_table() else {
                return Err(RubricError { key: key.clone(), reason: format!("`rubric.{key}` must be a table of numbers") });
            };
            for (name, value) in entries {
                let Some(slot) = target.get_mut(name.as_str()) else {
                    let known: Vec<&str> = target.keys().copied().collect();
                    return Err(RubricError { key: name.clone(), reason: format!("`rubric.{key}.{name}` is not known; use one of {}", known.join(", ")) });
                };
                let number = match value {
                    toml::Value::Integer(i) => *i as f64,
                    toml::Value::Float(f) => *f,
                    _ => f64::NAN,
                };
                if !number.is_finite() || number < 0.0 {
                    return Err(RubricError { key: name.clone(), reason: format!("`rubric.{key}.{name}` must be a number of points, 0 or more") });
                }
                *slot = number;
            }
        }
        Ok(rubric)
    }

    /// The points of a part.
    pub fn part_weight(&self, part: PartKind) -> f64 {
        self.parts.get(part.as_str()).copied().unwrap_or(0.0)
    }

    /// The points off for one finding of a severity.
    pub fn severity_weight(&self, severity: Severity) -> f64 {
        self.severity.get(severity.as_str()).copied().unwrap_or(0.0)
    }

    /// Scores a letter of `kind` with the parts for which `present` holds and these findings.
    pub fn score(&self, kind: Kind, present: impl Fn(PartKind) -> bool, diagnostics: &[Diagnostic]) -> Score {
        let parts = PartKind::of_kind(kind);
        let possible: f64 = parts.iter().map(|&p| self.part_weight(p)).sum();
        let earned: f64 = parts.iter().filter(|&&p| present(p)).map(|&p| self.part_weight(p)).sum();
        let parts_points = if possible > 0.0 { 100.0 * earned / possible } else { 100.0 };
        let points_off: f64 = diagnostics.iter().map(|d| self.severity_weight(d.severity)).sum();
        let score = (parts_points - points_off).round().clamp(0.0, 100.0) as u32;
        Score { score, parts_points: (parts_points * 10.0).round() / 10.0, points_off }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Span;

    fn finding(severity: Severity) -> Diagnostic {
        Diagnostic::new("text/placeholder", severity, Span::empty(0), "m")
    }

    #[test]
    fn default_weights_of_each_kind_add_up_to_100() {
        let rubric = Rubric::default();
        for kind in [Kind::Appeal, Kind::Reply] {
            let sum: f64 = PartKind::of_kind(kind).iter().map(|&p| rubric.part_weight(p)).sum();
            assert_eq!(sum, 100.0, "{kind:?}");
        }
    }

    #[test]
    fn parts_earn_points_and_findings_take_them_off() {
        let rubric = Rubric::default();
        let all = rubric.score(Kind::Appeal, |_| true, &[]);
        assert_eq!(all.score, 100);
        let no_plea = rubric.score(Kind::Appeal, |p| p != PartKind::Plea, &[finding(Severity::Warning)]);
        assert_eq!(no_plea.score, 100 - 10 - 3);
        let nothing = rubric.score(Kind::Reply, |_| false, &[finding(Severity::Error)]);
        assert_eq!(nothing.score, 0, "clamped at 0");
    }

    #[test]
    fn a_table_overrides_weights_and_rejects_unknown_keys() {
        let table: toml::Table = toml::from_str("[parts]\nplea = 30\n[severity]\nwarning = 0.5\n").unwrap();
        let rubric = Rubric::from_table(&table).unwrap();
        assert_eq!(rubric.part_weight(PartKind::Plea), 30.0);
        assert_eq!(rubric.severity_weight(Severity::Warning), 0.5);
        assert_eq!(rubric.severity_weight(Severity::Error), 10.0, "untouched defaults stay");
        let bad: toml::Table = toml::from_str("[parts]\nplee = 3\n").unwrap();
        assert_eq!(Rubric::from_table(&bad).unwrap_err().key, "plee");
        let negative: toml::Table = toml::from_str("[severity]\nerror = -1\n").unwrap();
        assert!(Rubric::from_table(&negative).unwrap_err().reason.contains("0 or more"));
        let other: toml::Table = toml::from_str("bonus = 3\n").unwrap();
        assert_eq!(Rubric::from_table(&other).unwrap_err().key, "bonus");
    }
}
