//! Rule documentation, derived from each rule file so data and code rules document themselves
//! the same way: What it does, Why it matters, Example, Use instead, Fix safety, Sources.

use std::fmt::Write as _;

use super::registry::Rule;

/// Section titles per locale.
fn titles(locale: &str) -> [&'static str; 10] {
    if crate::i18n::canonical(locale) == Some("zh-CN") {
        ["作用", "为什么重要", "反例", "正例", "修复安全性", "依据", "适用信件", "平台", "默认级别", "全部"]
    } else {
        ["What it does", "Why it matters", "Example", "Use instead", "Fix safety", "Sources", "Applies to", "platforms", "default severity", "all"]
    }
}

/// How a fix is applied, in words of the locale.
fn applicability(locale: &str, value: &'static str) -> &'static str {
    match (crate::i18n::canonical(locale), value) {
        (Some("zh-CN"), "safe") => "safe：安全，可自动应用",
        (Some("zh-CN"), "unsafe") => "unsafe：需要写信人核对",
        _ => value,
    }
}

/// The rule's documentation as Markdown.
pub fn explain(rule: &Rule, locale: &str) -> String {
    let [what, why, example, instead, safety, sources, applies, platforms_label, severity_label, all] = titles(locale);
    let mut out = String::new();
    let spec = &rule.spec;
    let _ = writeln!(out, "# {}\n", spec.id);
    let kinds = if spec.kinds.is_empty() { "appeal, reply".to_string() } else { spec.kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ") };
    let platforms = if spec.platforms.is_empty() { all.to_string() } else { spec.platforms.join(", ") };
    let colon = if crate::i18n::canonical(locale) == Some("zh-CN") { "：" } else { ": " };
    let _ = writeln!(out, "{applies}{colon}{kinds} · {platforms_label}{colon}{platforms} · {severity_label}{colon}{}\n", spec.severity.as_str());
    let _ = writeln!(out, "## {what}\n\n{}\n", rule.summary(locale));
    let _ = writeln!(out, "## {why}\n\n{}\n", rule.why(locale));
    if let Some(first) = spec.examples.first() {
        let _ = writeln!(out, "## {example}\n\n```markdown\n{}\n```\n", first.bad.trim_end());
        let _ = writeln!(out, "## {instead}\n\n```markdown\n{}\n```\n", first.good.trim_end());
    }
    if let Some(fix) = &spec.fix {
        let (open, close) = if crate::i18n::canonical(locale) == Some("zh-CN") { ("（", "）") } else { (" (", ")") };
        let _ = writeln!(out, "## {safety}\n\n{}{open}{}{close}\n", rule.fix_safety(locale).unwrap_or(""), applicability(locale, fix.applicability.as_str()));
    }
    if !spec.sources.is_empty() {
        let _ = writeln!(out, "## {sources}\n");
        for source in &spec.sources {
            let _ = writeln!(out, "- {source}");
        }
        out.push('\n');
    }
    out
}

/// The whole rule reference (`docs/rules.md`, `docs/zh-CN/rules.md`): an index table, then every
/// rule's documentation, in id order.
pub fn reference(registry: &super::Registry, locale: &str) -> String {
    let mut rules: Vec<&Rule> = registry.rules.iter().filter(|r| r.origin == "built-in").collect();
    rules.sort_by(|a, b| a.id().cmp(b.id()));
    let (title, intro, header) = if crate::i18n::canonical(locale) == Some("zh-CN") {
        (
            "# letterlint 规则参考",
            "本文件由 `UPDATE_DOCS=1 cargo test --test it rules_docs` 根据 `rules/` 中的规则文件生成，请勿手工修改。",
            "| 规则 | 默认级别 | 适用信件 | 作用 |",
        )
    } else {
        (
            "# letterlint rule reference",
            "Generated from the rule files in `rules/` by `UPDATE_DOCS=1 cargo test --test it rules_docs`; do not edit by hand.",
            "| rule | default severity | letters | what it flags |",
        )
    };
    let mut out = format!("{title}\n\n{intro}\n\n{header}\n|---|---|---|---|\n");
    for rule in &rules {
        let kinds = if rule.spec.kinds.is_empty() { "appeal, reply".to_string() } else { rule.spec.kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ") };
        let anchor = rule.id().replace('/', "");
        let _ = writeln!(out, "| [`{}`](#{anchor}) | {} | {kinds} | {} |", rule.id(), rule.spec.severity.as_str(), rule.summary(locale).replace('|', "\\|"));
    }
    out.push('\n');
    for rule in &rules {
        // Demote the per-rule title one level under the document title.
        out.push_str(&explain(rule, locale).replacen("# ", "## ", 1).replace("\n## ", "\n### "));
    }
    out
}
