//! The JUnit XML report CI servers show as test results: one test suite per letter, one failing
//! test case per finding, and one passing test case for a letter without findings.

use std::fmt::Write as _;

use super::{FileResult, Point};

/// The whole report as an XML document.
pub fn render(results: &[FileResult]) -> String {
    let findings: usize = results.iter().map(|r| r.diagnostics.len().max(1)).sum();
    let failures: usize = results.iter().map(|r| r.diagnostics.len()).sum();
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"letterlint\" tests=\"{findings}\" failures=\"{failures}\" errors=\"0\">"
    );
    for result in results {
        let path = escape(&result.path);
        let tests = result.diagnostics.len().max(1);
        let _ = writeln!(
            out,
            "  <testsuite name=\"{path}\" tests=\"{tests}\" failures=\"{}\" errors=\"0\" skipped=\"0\">",
            result.diagnostics.len()
        );
        if result.diagnostics.is_empty() {
            let _ = writeln!(
                out,
                "    <testcase name=\"letterlint\" classname=\"{path}\" file=\"{path}\"/>"
            );
        }
        let doc = &result.letter.doc;
        for d in &result.diagnostics {
            let start = Point::of(doc, d.span.start as usize);
            let _ = writeln!(
                out,
                "    <testcase name=\"{}\" classname=\"{path}\" file=\"{path}\" line=\"{}\">",
                escape(&format!(
                    "{}:{}:{} {}",
                    result.path, start.line, start.column, d.rule
                )),
                start.line
            );
            let _ = writeln!(
                out,
                "      <failure type=\"{}\" message=\"{}\">{}:{}:{}: {} {} {}</failure>",
                d.severity.as_str(),
                escape(&d.message),
                path,
                start.line,
                start.column,
                d.severity.as_str(),
                escape(&d.rule),
                escape(&d.message)
            );
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

/// Escapes text for an XML attribute or element, and drops the control characters XML 1.0 forbids.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_control_characters_are_escaped() {
        assert_eq!(
            escape("a<b & \"c\"\u{1}\n"),
            "a&lt;b &amp; &quot;c&quot;&#10;"
        );
    }
}
