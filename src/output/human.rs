//! The human report: `file:line:col`, severity and rule, the message, the source line with a caret
//! underline, help, and the fix on offer. Colour only when asked (on a terminal).

use std::fmt::Write as _;

use super::{FileResult, Source, Summary};
use crate::diagnostic::{Diagnostic, Severity};

struct Palette {
    on: bool,
    /// The language of the report's own words (summary, `help`, `fix`); messages come localized.
    locale: String,
}

impl Palette {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_string() }
    }
    fn severity(&self, severity: Severity) -> String {
        let code = match severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
            Severity::Hint => "1;32",
        };
        self.paint(code, severity.as_str())
    }
}

/// Renders every finding of every file, then a summary line.
pub fn render(results: &[FileResult], color: bool) -> String {
    render_in(results, color, "en")
}

/// `render` with the report's own words in `locale` (`rules/locales/<locale>.toml`, `[human]`).
pub fn render_in(results: &[FileResult], color: bool, locale: &str) -> String {
    let palette = Palette { on: color, locale: locale.to_string() };
    let words = |key: &str, n: usize| {
        let key = format!("{key}-{}", if n == 1 { "one" } else { "many" });
        crate::i18n::format(locale, "human", &key, &[("n", &n.to_string())])
    };
    let mut out = String::new();
    for result in results {
        for d in &result.diagnostics {
            render_one(&mut out, &palette, &result.path, &result.letter.doc, d);
        }
    }
    let summary = Summary::of(results);
    let total = summary.errors + summary.warnings + summary.infos + summary.hints;
    if total == 0 {
        let text = crate::i18n::format(locale, "human", "no-problems", &[("letters", &words("letter", summary.files))]);
        let _ = writeln!(out, "{}", palette.paint("1;32", &text));
    } else {
        let mut counts = Vec::new();
        for (n, key) in [(summary.errors, "error"), (summary.warnings, "warning"), (summary.infos, "info"), (summary.hints, "hint")] {
            if n > 0 {
                counts.push(words(key, n));
            }
        }
        let counts = palette.paint("1", &counts.join(&crate::i18n::text(locale, "human", "separator")));
        let text = crate::i18n::format(locale, "human", "summary", &[("counts", &counts), ("letters", &words("letter", summary.files))]);
        let _ = writeln!(out, "{text}");
    }
    out
}

fn render_one(out: &mut String, palette: &Palette, path: &str, doc: &Source, d: &Diagnostic) {
    let mut start = doc.position(d.span.start as usize);
    let mut end = doc.position(d.span.end as usize);
    // The byte-order mark is neither shown nor counted (as in `Point::of`).
    let bom = doc.text.starts_with('\u{feff}');
    for pos in [&mut start, &mut end] {
        if bom && pos.line == 0 {
            pos.char_col = pos.char_col.saturating_sub(1);
        }
    }
    let _ = writeln!(
        out,
        "{}:{}:{}: {}[{}] {}",
        palette.paint("1", path),
        start.line + 1,
        start.char_col + 1,
        palette.severity(d.severity),
        d.rule,
        d.message
    );
    let line_no = (start.line + 1).to_string();
    let gutter = " ".repeat(line_no.len());
    let range = doc.line_index.line_range(&doc.text, start.line as usize);
    let line_text = doc.text[range].trim_start_matches('\u{feff}').replace('\t', " ");
    let width = if end.line == start.line { (end.char_col - start.char_col).max(1) } else { (line_text.chars().count() as u32).saturating_sub(start.char_col).max(1) };
    let _ = writeln!(out, "{gutter} {}", palette.paint("34", "|"));
    let _ = writeln!(out, "{} {} {}", palette.paint("34", &line_no), palette.paint("34", "|"), line_text);
    let carets = format!("{}{}", " ".repeat(display_width(&line_text, start.char_col)), "^".repeat(width as usize));
    let code = match d.severity {
        Severity::Error => "31",
        Severity::Warning => "33",
        _ => "36",
    };
    let _ = writeln!(out, "{gutter} {} {}", palette.paint("34", "|"), palette.paint(code, &carets));
    if let Some(help) = &d.help {
        let help = crate::i18n::format(&palette.locale, "human", "help", &[("help", help)]);
        let _ = writeln!(out, "{gutter} {} {help}", palette.paint("34", "="));
    }
    if let Some(fix) = d.fixes.first() {
        let line = crate::i18n::format(&palette.locale, "human", "fix", &[("applicability", fix.applicability.as_str()), ("title", &fix.title)]);
        let _ = writeln!(out, "{gutter} {} {line}", palette.paint("34", "="));
    }
    out.push('\n');
}

/// Columns before character `chars` of `line`, counting wide (CJK) characters as two.
fn display_width(line: &str, chars: u32) -> usize {
    line.chars().take(chars as usize).map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF | 0x20000..=0x3FFFD)
}
