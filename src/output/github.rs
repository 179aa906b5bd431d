//! GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per finding,
//! which GitHub shows as an annotation on the pull request's changed lines.
//!
//! Escaping follows GitHub's runner: in the message `%`, `\r` and `\n` are percent-encoded; in
//! property values (`file`, `title`) `:` and `,` are too, since they separate properties.

use std::fmt::Write as _;

use super::{FileResult, Point};
use crate::diagnostic::Severity;

/// One workflow command per finding.
pub fn render(results: &[FileResult]) -> String {
    let mut out = String::new();
    for result in results {
        let doc = &result.letter.doc;
        for d in &result.diagnostics {
            let start = Point::of(doc, d.span.start as usize);
            let end = Point::of(doc, d.span.end as usize);
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info | Severity::Hint => "notice",
            };
            let _ = writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&result.path),
                start.line,
                start.column,
                end.line,
                end.column,
                escape_property(&d.rule),
                escape_data(&d.message)
            );
        }
    }
    out
}

/// Escapes a command's message (GitHub's `escapeData`).
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value (GitHub's `escapeProperty`).
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_and_properties_are_escaped_like_the_runner_expects() {
        assert_eq!(
            escape_data("50% off\r\nnow: a, b"),
            "50%25 off%0D%0Anow: a, b"
        );
        assert_eq!(escape_property("dir,x/a:b.md"), "dir%2Cx/a%3Ab.md");
        assert_eq!(escape_property("text/placeholder"), "text/placeholder");
    }
}
