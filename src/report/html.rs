//! The class report as one self-contained HTML page: inline CSS, no script, no network.
//!
//! Invariant: every piece of letter text, path and message is escaped; every element opened is
//! closed, and highlights never nest (the text is cut at every finding's start and end, and each
//! piece is marked with the findings covering it).

use std::fmt::Write as _;

use super::labels::{self, Labels};
use super::{ClassReport, LetterReport};
use crate::diagnostic::Severity;
use crate::letter::{Kind, PartKind};

/// How many rules the bar chart shows.
pub const CHART_RULES: usize = 12;

/// Escapes text for HTML element content and double-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // A byte-order mark is no text a reader should see.
            '\u{feff}' => {}
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { --error: #c62828; --warning: #b26a00; --info: #1565c0; --hint: #607d8b; --ok: #2e7d32; --line: #d0d7de; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Zen Hei", sans-serif; color: #1f2328; background: #f6f8fa; }
header, main, footer { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { margin: 0 0 4px; font-size: 28px; }
h2 { font-size: 21px; margin: 32px 0 12px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 17px; margin: 0; word-break: break-all; }
.totals { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0 0; padding: 0; list-style: none; }
.totals li { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; }
.totals b { display: block; font-size: 22px; }
table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #eef1f4; font-weight: 600; white-space: nowrap; }
td.kind { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
a { color: #0969da; }
.checklist { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px; }
.checklist li { font-size: 12px; border-radius: 10px; padding: 0 8px; white-space: nowrap; }
.checklist .present { background: #dafbe1; color: #1a7f37; }
.checklist .missing { background: #ffebe9; color: #cf222e; }
.score { font-weight: 700; display: inline-block; min-width: 42px; text-align: center; border-radius: 6px; padding: 0 6px; color: #fff; }
.score.good { background: var(--ok); }
.score.fair { background: var(--warning); }
.score.poor { background: var(--error); }
.chart { background: #fff; border: 1px solid var(--line); padding: 12px 16px; }
.bar-row { display: grid; grid-template-columns: minmax(160px, 260px) 1fr 130px; gap: 12px; align-items: center; margin: 4px 0; }
.bar-row code { font-size: 13px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bar-track { background: #eef1f4; height: 18px; border-radius: 4px; }
.bar { height: 18px; border-radius: 4px; min-width: 2px; }
.bar.sev-error { background: var(--error); }
.bar.sev-warning { background: var(--warning); }
.bar.sev-info { background: var(--info); }
.bar.sev-hint { background: var(--hint); }
.bar-count { font-size: 13px; color: #57606a; }
section.letter { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px; margin: 0 0 20px; }
.letter-head { display: flex; flex-wrap: wrap; gap: 12px; align-items: baseline; margin-bottom: 8px; }
.meta { color: #57606a; font-size: 13px; }
.letter-body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 16px; }
pre.text { margin: 0; white-space: pre-wrap; word-wrap: break-word; font: 14px/1.6 ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; background: #fafbfc; border: 1px solid var(--line); border-radius: 6px; padding: 12px; }
mark { border-radius: 2px; padding: 0; color: inherit; }
mark.sev-error { background: #ffd7d5; border-bottom: 2px solid var(--error); }
mark.sev-warning { background: #fff1c2; border-bottom: 2px solid var(--warning); }
mark.sev-info { background: #ddeeff; border-bottom: 2px solid var(--info); }
mark.sev-hint { background: #eceff1; border-bottom: 2px dotted var(--hint); }
mark.overlap { outline: 1px dashed #57606a; }
a.ref { user-select: none; font: 700 10px/1 system-ui, sans-serif; vertical-align: super; text-decoration: none; color: #fff; border-radius: 7px; padding: 1px 4px; margin: 0 1px; }
.sev-error > .badge, a.ref.sev-error { background: var(--error); }
.sev-warning > .badge, a.ref.sev-warning { background: var(--warning); }
.sev-info > .badge, a.ref.sev-info { background: var(--info); }
.sev-hint > .badge, a.ref.sev-hint { background: var(--hint); }
ul.findings { list-style: none; margin: 0; padding: 0; }
ul.findings li { border-left: 4px solid var(--line); padding: 4px 8px; margin: 0 0 8px; background: #fafbfc; }
ul.findings li.sev-error { border-left-color: var(--error); }
ul.findings li.sev-warning { border-left-color: var(--warning); }
ul.findings li.sev-info { border-left-color: var(--info); }
ul.findings li.sev-hint { border-left-color: var(--hint); }
ul.findings li:target { background: #fff8c5; }
.badge { color: #fff; font-size: 11px; border-radius: 4px; padding: 0 5px; margin-right: 4px; }
ul.findings .msg { margin: 2px 0 0; }
.none { color: var(--ok); }
footer { color: #57606a; font-size: 13px; padding-bottom: 32px; }
footer table { width: auto; font-size: 13px; margin: 8px 16px 8px 0; display: inline-table; vertical-align: top; }
@media (max-width: 800px) { .letter-body { grid-template-columns: 1fr; } .bar-row { grid-template-columns: 1fr 1fr 80px; } }
"#;

/// Renders the report as a complete HTML page.
pub fn render(report: &ClassReport<'_>) -> String {
    let l = labels::for_locale(&report.locale);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"letterlint {version}\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        lang = l.lang,
        version = env!("CARGO_PKG_VERSION"),
        title = escape(l.title),
    );
    let s = &report.summary;
    let _ = write!(
        out,
        "<header>\n<h1>{}</h1>\n<ul class=\"totals\">\n<li><b>{}</b>{}</li>\n<li><b>{:.1}</b>{}</li>\n<li><b>{}</b>{}</li>\n<li><b>{}</b>{}</li>\n<li><b>{}</b>{}</li>\n</ul>\n</header>\n<main>\n",
        escape(l.title),
        s.letters,
        escape(l.letters),
        s.average_score,
        escape(l.average_score),
        s.errors,
        escape(l.errors),
        s.warnings,
        escape(l.warnings),
        s.infos,
        escape(l.infos),
    );
    summary_table(&mut out, report, l);
    chart(&mut out, report, l);
    let _ = writeln!(out, "<section id=\"letters\">\n<h2>{}</h2>", escape(l.letters_heading));
    for (i, letter) in report.letters.iter().enumerate() {
        letter_section(&mut out, i, letter, l);
    }
    out.push_str("</section>\n");
    out.push_str("</main>\n");
    footer(&mut out, report, l);
    out.push_str("</body>\n</html>\n");
    out
}

fn letter_id(i: usize) -> String {
    format!("letter-{}", i + 1)
}

fn kind_of(letter: &LetterReport<'_>) -> Kind {
    letter.file.letter.kind
}

/// The marketplace's name as people write it (`generic` reads as "other").
fn platform_name(platform: &str) -> String {
    match platform {
        "generic" => "—",
        other => crate::letter::platform_title(other).unwrap_or(other),
    }
    .to_string()
}

fn score_class(score: u32) -> &'static str {
    match score {
        80.. => "good",
        50.. => "fair",
        _ => "poor",
    }
}

fn summary_table(out: &mut String, report: &ClassReport<'_>, l: &Labels) {
    let _ = write!(
        out,
        "<section id=\"summary\">\n<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>\n",
        escape(l.summary),
        escape(l.letter),
        escape(l.kind),
        escape(l.platform),
        escape(l.parts),
        escape(l.errors),
        escape(l.warnings),
        escape(l.score),
    );
    for (i, letter) in report.letters.iter().enumerate() {
        let _ = write!(
            out,
            "<tr><td><a href=\"#{}\">{}</a></td><td class=\"kind\">{}</td><td>{}</td><td><ul class=\"checklist\">",
            letter_id(i),
            escape(letter.path),
            escape(l.kind_name(kind_of(letter))),
            escape(&platform_name(letter.platform)),
        );
        for part in &letter.parts {
            let (class, mark, state) = if part.present { ("present", "✓", l.present) } else { ("missing", "✗", l.missing) };
            let _ = write!(
                out,
                "<li class=\"{class}\" title=\"{} {}\">{mark} {}</li>",
                escape(l.part(part.kind)),
                escape(state),
                escape(l.part(part.kind)),
            );
        }
        let _ = writeln!(
            out,
            "</ul></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\"><span class=\"score {}\">{}</span></td></tr>",
            letter.counts.errors,
            letter.counts.warnings,
            score_class(letter.score.score),
            letter.score.score,
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn chart(out: &mut String, report: &ClassReport<'_>, l: &Labels) {
    let _ = write!(out, "<section id=\"rules\">\n<h2>{}</h2>\n<div class=\"chart\">\n", escape(l.frequent_rules));
    let max = report.rules.first().map_or(1, |r| r.count.max(1));
    if report.rules.is_empty() {
        let _ = writeln!(out, "<p class=\"none\">{}</p>", escape(l.no_findings));
    }
    for rule in report.rules.iter().take(CHART_RULES) {
        let width = 100.0 * rule.count as f64 / max as f64;
        let _ = writeln!(
            out,
            "<div class=\"bar-row\"><code title=\"{rule}\">{rule}</code><div class=\"bar-track\"><div class=\"bar sev-{severity}\" style=\"width: {width:.1}%\"></div></div><span class=\"bar-count\">{count}</span></div>",
            rule = escape(&rule.rule),
            severity = rule.severity,
            count = escape(&l.rule_count(rule.count, rule.letters)),
        );
    }
    out.push_str("</div>\n</section>\n");
}

fn letter_section(out: &mut String, i: usize, letter: &LetterReport<'_>, l: &Labels) {
    let id = letter_id(i);
    let _ = write!(
        out,
        "<section class=\"letter\" id=\"{id}\">\n<div class=\"letter-head\"><h3>{}</h3><span class=\"meta\">{} · {} · {} {} · {} {}</span><span class=\"score {}\">{}</span></div>\n<div class=\"letter-body\">\n",
        escape(letter.path),
        escape(l.kind_name(kind_of(letter))),
        escape(&platform_name(letter.platform)),
        letter.counts.errors,
        escape(l.errors),
        letter.counts.warnings,
        escape(l.warnings),
        score_class(letter.score.score),
        letter.score.score,
    );
    out.push_str("<pre class=\"text\">");
    highlight(out, &id, letter);
    out.push_str("</pre>\n<div class=\"side\">\n");
    if letter.diagnostics.is_empty() {
        let _ = writeln!(out, "<p class=\"none\">{}</p>", escape(l.no_findings));
    } else {
        out.push_str("<ul class=\"findings\">\n");
        for (n, (d, shown)) in letter.file.diagnostics.iter().zip(&letter.diagnostics).enumerate() {
            let n = n + 1;
            let severity = d.severity.as_str();
            let _ = writeln!(
                out,
                "<li id=\"{id}-f{n}\" class=\"sev-{severity}\"><a class=\"ref sev-{severity}\" href=\"#{id}-m{n}\">{n}</a> <span class=\"badge\">{}</span><code>{}</code> <span class=\"meta\">{} {}:{}</span><p class=\"msg\">{}</p></li>",
                escape(l.severity(d.severity)),
                escape(&d.rule),
                escape(l.line),
                shown.start.line,
                shown.start.column,
                escape(&d.message),
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</div>\n</div>\n</section>\n");
}

/// Writes the letter's text with each finding marked: the text is cut at every finding's start
/// and end, each piece covered by findings becomes one `<mark>` coloured by the most severe of
/// them, and a numbered reference stands where each finding starts.
fn highlight(out: &mut String, id: &str, letter: &LetterReport<'_>) {
    let text = letter.file.letter.doc.text.as_str();
    let diagnostics = &letter.file.diagnostics;
    let clamp = |offset: usize| {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    };
    let spans: Vec<(usize, usize)> = diagnostics.iter().map(|d| (clamp(d.span.start as usize), clamp(d.span.end as usize).max(clamp(d.span.start as usize)))).collect();
    let mut cuts: Vec<usize> = spans.iter().flat_map(|&(s, e)| [s, e]).chain([0, text.len()]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    for window in cuts.windows(2).map(|w| (w[0], w[1])).chain(std::iter::once((text.len(), text.len()))) {
        let (from, to) = window;
        for (n, d) in diagnostics.iter().enumerate() {
            if spans[n].0 == from {
                let n = n + 1;
                let _ = write!(
                    out,
                    "<a class=\"ref sev-{severity}\" id=\"{id}-m{n}\" href=\"#{id}-f{n}\" title=\"{rule}\">{n}</a>",
                    severity = d.severity.as_str(),
                    rule = escape(&d.rule),
                );
            }
        }
        if from == to {
            continue;
        }
        let covering: Vec<usize> = (0..diagnostics.len()).filter(|&n| spans[n].0 <= from && spans[n].1 >= to).collect();
        let piece = escape(&text[from..to]);
        if covering.is_empty() {
            out.push_str(&piece);
            continue;
        }
        let worst = covering.iter().map(|&n| diagnostics[n].severity).max().unwrap_or(Severity::Hint);
        let title: Vec<String> = covering.iter().map(|&n| format!("{} {}: {}", n + 1, diagnostics[n].rule, diagnostics[n].message)).collect();
        let _ = write!(
            out,
            "<mark class=\"sev-{}{}\" title=\"{}\">{piece}</mark>",
            worst.as_str(),
            if covering.len() > 1 { " overlap" } else { "" },
            escape(&title.join("\n")),
        );
    }
}

fn footer(out: &mut String, report: &ClassReport<'_>, l: &Labels) {
    let _ = write!(out, "<footer id=\"rubric\">\n<h2>{}</h2>\n<p>{}</p>\n", escape(l.rubric), escape(l.rubric_formula));
    for kind in [Kind::Appeal, Kind::Reply] {
        let _ = write!(out, "<table>\n<thead><tr><th>{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>\n", escape(l.kind_name(kind)), escape(l.points));
        for &part in PartKind::of_kind(kind) {
            let _ = writeln!(out, "<tr><td>{}</td><td class=\"num\">{}</td></tr>", escape(l.part(part)), report.rubric.part_weight(part));
        }
        out.push_str("</tbody>\n</table>\n");
    }
    let _ = write!(out, "<table>\n<thead><tr><th>{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>\n", escape(l.per_finding), escape(l.points_off));
    for severity in [Severity::Error, Severity::Warning, Severity::Info, Severity::Hint] {
        let _ = writeln!(out, "<tr><td>{}</td><td class=\"num\">{}</td></tr>", escape(l.severity(severity)), report.rubric.severity_weight(severity));
    }
    out.push_str("</tbody>\n</table>\n");
    let _ = write!(out, "<p>{}</p>\n<p>{} {}</p>\n</footer>\n", escape(l.rubric_config), escape(l.generated_by), env!("CARGO_PKG_VERSION"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::Hints;
    use crate::output::FileResult;
    use crate::report::{ClassReport, Rubric};
    use crate::rules::{Registry, Settings};

    fn page(text: &str) -> String {
        let registry = Registry::builtin().unwrap();
        let (letter, diagnostics) = crate::lint(&registry, text, &Hints::default(), &Settings::default());
        let files = vec![FileResult::new("a.md".into(), letter, diagnostics)];
        let rubric = Rubric::default();
        render(&ClassReport::new(&files, &rubric, "en"))
    }

    #[test]
    fn escapes_markup_in_letters() {
        assert_eq!(escape("<b a=\"1\">&'"), "&lt;b a=&quot;1&quot;&gt;&amp;&#39;");
        let html = page("Hi Ann,\n\nThanks <script>alert(1)</script> XXX!!!\n");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"));
    }

    #[test]
    fn overlapping_findings_cut_the_text_into_flat_marks() {
        let html = page("Hi Ann,\n\nWe will ship it ASAP!!! XXX\n");
        assert!(html.contains("<mark class=\"sev-"), "{html}");
        // Marks never nest: between an opening <mark and its </mark> there is no other <mark.
        let mut rest = html.as_str();
        while let Some(start) = rest.find("<mark") {
            let end = rest[start..].find("</mark>").unwrap() + start;
            assert!(!rest[start + 5..end].contains("<mark"), "nested mark");
            rest = &rest[end..];
        }
    }
}
