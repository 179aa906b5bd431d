//! Diagnostics as the client sees them: pushed (`publishDiagnostics`) or pulled
//! (`textDocument/diagnostic`).

use tower_lsp::lsp_types::*;

use crate::diagnostic::{self, Severity};
use crate::lsp::{Analysis, RULE_DOCS_URL, SOURCE};

/// The LSP diagnostics of an analysis.
pub fn to_lsp(analysis: &Analysis) -> Vec<Diagnostic> {
    analysis
        .diagnostics
        .iter()
        .map(|d| to_lsp_one(analysis, d))
        .collect()
}

/// The documentation link of a rule.
pub fn rule_url(rule: &str) -> Option<Url> {
    Url::parse(&format!("{RULE_DOCS_URL}#{}", rule.replace('/', "-"))).ok()
}

/// One LSP diagnostic.
pub fn to_lsp_one(analysis: &Analysis, d: &diagnostic::Diagnostic) -> Diagnostic {
    let severity = match d.severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    };
    // Text whose only fix deletes it is unnecessary: editors fade it out.
    let deletes = d.fixes.first().is_some_and(|f| {
        f.edits.iter().all(|e| e.text.is_empty()) && f.edits.iter().any(|e| e.span.contains(d.span))
    });
    let message = match &d.help {
        Some(help) => format!("{}\n{help}", d.message),
        None => d.message.clone(),
    };
    Diagnostic {
        range: analysis.range(d.span),
        severity: Some(severity),
        code: Some(NumberOrString::String(d.rule.clone())),
        code_description: rule_url(&d.rule).map(|href| CodeDescription { href }),
        source: Some(SOURCE.into()),
        message,
        related_information: None,
        tags: deletes.then(|| vec![DiagnosticTag::UNNECESSARY]),
        data: serde_json::to_value(&d.fixes).ok(),
    }
}

/// The result id of an analysis: its version and configuration generation.
pub fn result_id(analysis: &Analysis) -> String {
    format!("{}.{}", analysis.version, analysis.generation)
}

/// The answer to `textDocument/diagnostic`: unchanged when the client has this result already.
pub fn pull_report(analysis: &Analysis, previous: Option<&str>) -> DocumentDiagnosticReportResult {
    let id = result_id(analysis);
    let report = if previous == Some(id.as_str()) {
        DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
            related_documents: None,
            unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport {
                result_id: id,
            },
        })
    } else {
        DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: FullDocumentDiagnosticReport {
                result_id: Some(id),
                items: to_lsp(analysis),
            },
        })
    };
    DocumentDiagnosticReportResult::Report(report)
}

/// The report for a document that is not open.
pub fn empty_report() -> DocumentDiagnosticReportResult {
    DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(
        RelatedFullDocumentDiagnosticReport::default(),
    ))
}
