//! The JSON report: a contract other tools read (`version: 1`).

use serde::Serialize;

use super::{FileResult, Point, Source, Summary};
use crate::diagnostic::Diagnostic;

#[derive(Serialize)]
pub struct Report<'a> {
    pub version: u32,
    pub files: Vec<FileReport<'a>>,
    pub summary: Summary,
}

#[derive(Serialize)]
pub struct FileReport<'a> {
    pub path: &'a str,
    pub kind: &'static str,
    pub platform: &'a str,
    /// Replies only: the issue the reply answers (`shipping-delay`, `damaged`...), `null` when
    /// it was not recognised.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Option<&'static str>>,
    pub parts: Vec<PartReport>,
    pub diagnostics: Vec<DiagnosticReport<'a>>,
}

#[derive(Serialize)]
pub struct PartReport {
    pub part: &'static str,
    pub start_line: u32,
    pub end_line: u32,
}

#[derive(Serialize)]
pub struct DiagnosticReport<'a> {
    pub rule: &'a str,
    pub severity: &'static str,
    pub message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<&'a str>,
    pub start: Point,
    pub end: Point,
    pub fixes: Vec<FixReport<'a>>,
}

#[derive(Serialize)]
pub struct FixReport<'a> {
    pub title: &'a str,
    pub applicability: &'static str,
    pub edits: Vec<EditReport<'a>>,
}

#[derive(Serialize)]
pub struct EditReport<'a> {
    pub start: Point,
    pub end: Point,
    pub text: &'a str,
}

/// One diagnostic in report form.
pub fn diagnostic<'a>(doc: &Source, d: &'a Diagnostic) -> DiagnosticReport<'a> {
    DiagnosticReport {
        rule: &d.rule,
        severity: d.severity.as_str(),
        message: &d.message,
        help: d.help.as_deref(),
        start: Point::of(doc, d.span.start as usize),
        end: Point::of(doc, d.span.end as usize),
        fixes: d
            .fixes
            .iter()
            .map(|f| FixReport {
                title: &f.title,
                applicability: f.applicability.as_str(),
                edits: f
                    .edits
                    .iter()
                    .map(|e| EditReport { start: Point::of(doc, e.span.start as usize), end: Point::of(doc, e.span.end as usize), text: &e.text })
                    .collect(),
            })
            .collect(),
    }
}

/// The report of a set of checked files.
pub fn report(results: &[FileResult]) -> Report<'_> {
    let files = results
        .iter()
        .map(|r| {
            let doc = &r.letter.doc;
            FileReport {
                path: &r.path,
                kind: r.letter.kind.as_str(),
                platform: &r.letter.platform,
                reason: (r.letter.kind == crate::letter::Kind::Reply).then_some(r.letter.reason),
                parts: r
                    .letter
                    .parts
                    .iter()
                    .map(|p| PartReport {
                        part: p.kind.as_str(),
                        start_line: doc.line_of(p.span.start as usize) as u32 + 1,
                        end_line: doc.line_of((p.span.end as usize).saturating_sub(1).max(p.span.start as usize)) as u32 + 1,
                    })
                    .collect(),
                diagnostics: r.diagnostics.iter().map(|d| diagnostic(doc, d)).collect(),
            }
        })
        .collect();
    Report { version: 1, files, summary: Summary::of(results) }
}

/// The report as pretty JSON text.
pub fn render(results: &[FileResult]) -> String {
    serde_json::to_string_pretty(&report(results)).expect("reports serialize") + "\n"
}
