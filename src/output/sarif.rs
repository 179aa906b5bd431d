//! The SARIF 2.1.0 report GitHub code scanning and other tools read: the rules with their docs and
//! default severities, every finding with its region, and fixes as SARIF fixes.
//!
//! Invariant: columns count Unicode characters (`columnKind: unicodeCodePoints`), lines and
//! columns are 1-based and `endColumn` is exclusive, as in the other reports.

use serde_json::{Value, json};

use super::{FileResult, Point, Source};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Rule, docs};

/// The SARIF schema the report follows.
pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The report as a JSON value. `rules` are the rules the run knew; the report describes those
/// that have findings, sorted by id (a finding of a rule not among them gets an entry with its id
/// only).
pub fn report(results: &[FileResult], rules: &[&Rule]) -> Value {
    let mut ids: Vec<&str> = results
        .iter()
        .flat_map(|r| &r.diagnostics)
        .map(|d| d.rule.as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let descriptors: Vec<Value> = ids
        .iter()
        .map(|id| match rules.iter().find(|r| r.id() == *id) {
            Some(rule) => descriptor(rule),
            None => json!({"id": id}),
        })
        .collect();
    let mut sarif_results = Vec::new();
    for result in results {
        let uri = path_to_uri(&result.path);
        for d in &result.diagnostics {
            let index = ids
                .binary_search(&d.rule.as_str())
                .expect("every finding's rule is described");
            sarif_results.push(finding(&result.letter.doc, &uri, d, index));
        }
    }
    let artifacts: Vec<Value> = results
        .iter()
        .map(|r| artifact_location(&path_to_uri(&r.path)))
        .map(|l| json!({"location": l}))
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "letterlint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": descriptors,
            }},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The folder letterlint ran in."}}},
            "artifacts": artifacts,
            "results": sarif_results,
        }],
    })
}

/// The report as pretty JSON text.
pub fn render(results: &[FileResult], rules: &[&Rule]) -> String {
    serde_json::to_string_pretty(&report(results, rules)).expect("SARIF serializes") + "\n"
}

/// SARIF's level for a severity: hints and infos are notes.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

fn descriptor(rule: &Rule) -> Value {
    let spec = &rule.spec;
    let mut tags: Vec<String> = vec![spec.id.split('/').next().unwrap_or_default().to_string()];
    tags.extend(spec.kinds.iter().map(|k| k.as_str().to_string()));
    json!({
        "id": spec.id,
        "name": spec.id.rsplit('/').next().unwrap_or(&spec.id),
        "shortDescription": {"text": rule.summary("en")},
        "fullDescription": {"text": rule.why("en")},
        "help": {"text": format!("{} {}", rule.summary("en"), rule.why("en")), "markdown": docs::explain(rule, "en")},
        "defaultConfiguration": {"level": level(spec.severity)},
        "properties": {"tags": tags, "sources": spec.sources},
    })
}

fn finding(doc: &Source, uri: &str, d: &Diagnostic, rule_index: usize) -> Value {
    let mut value = json!({
        "ruleId": d.rule,
        "ruleIndex": rule_index,
        "level": level(d.severity),
        "message": {"text": d.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": artifact_location(uri),
            "region": region(doc, d.span.start as usize, d.span.end as usize),
        }}],
    });
    if let Some(help) = &d.help {
        value["message"]["markdown"] = json!(format!("{}\n\n{help}", d.message));
    }
    if !d.fixes.is_empty() {
        let fixes: Vec<Value> = d
            .fixes
            .iter()
            .map(|fix| {
                let replacements: Vec<Value> = fix
                    .edits
                    .iter()
                    .map(|e| json!({"deletedRegion": region(doc, e.span.start as usize, e.span.end as usize), "insertedContent": {"text": e.text}}))
                    .collect();
                json!({
                    "description": {"text": format!("{} ({} fix)", fix.title, fix.applicability.as_str())},
                    "artifactChanges": [{"artifactLocation": artifact_location(uri), "replacements": replacements}],
                })
            })
            .collect();
        value["fixes"] = json!(fixes);
    }
    value
}

fn region(doc: &Source, start: usize, end: usize) -> Value {
    let start_point = Point::of(doc, start);
    let end_point = Point::of(doc, end);
    json!({
        "startLine": start_point.line,
        "startColumn": start_point.column,
        "endLine": end_point.line,
        "endColumn": end_point.column,
    })
}

fn artifact_location(uri: &str) -> Value {
    if uri.starts_with("file:") {
        json!({"uri": uri})
    } else {
        json!({"uri": uri, "uriBaseId": "%SRCROOT%"})
    }
}

/// A report path as a URI reference: relative paths stay relative (to `%SRCROOT%`), with `/`
/// separators and every byte outside the unreserved set percent-encoded; absolute paths become
/// `file://` URIs.
pub fn path_to_uri(path: &str) -> String {
    let slashed = path.replace('\\', "/");
    let trimmed = slashed.trim_start_matches("./");
    let mut out = String::with_capacity(trimmed.len());
    for byte in trimmed.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    if slashed.starts_with('/') {
        format!("file://{out}")
    } else if slashed.as_bytes().get(1) == Some(&b':') {
        // A Windows drive path, `C:/...`: the colon was encoded above; keep it.
        format!("file:///{}", out.replacen("%3A", ":", 1))
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(
            path_to_uri("./letters/my appeal.md"),
            "letters/my%20appeal.md"
        );
        assert_eq!(path_to_uri("letters\\zoë.md"), "letters/zo%C3%AB.md");
        assert_eq!(path_to_uri("/tmp/a#1.md"), "file:///tmp/a%231.md");
    }
}
