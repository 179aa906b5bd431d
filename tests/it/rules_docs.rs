//! `docs/rules.md` and `docs/zh-CN/rules.md` are generated from the rule files; this test fails
//! when they are stale. Regenerate with `UPDATE_DOCS=1 cargo test --test it rules_docs`.

use std::path::Path;

use letterlint::rules::Registry;
use letterlint::rules::docs::reference;

fn check(locale: &str, relative: &str) {
    let registry = Registry::builtin().unwrap();
    let expected = reference(&registry, locale);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(actual == expected, "{relative} is stale: run `UPDATE_DOCS=1 cargo test --test it rules_docs`");
}

#[test]
fn english_rule_reference_is_fresh() {
    check("en", "docs/rules.md");
}

#[test]
fn every_rule_documents_every_section() {
    let registry = Registry::builtin().unwrap();
    for rule in &registry.rules {
        let doc = letterlint::rules::docs::explain(rule, "en");
        for section in ["## What it does", "## Why it matters", "## Example", "## Use instead", "## Sources"] {
            assert!(doc.contains(section), "{}: no `{section}` section", rule.id());
        }
        if rule.spec.fix.is_some() {
            assert!(doc.contains("## Fix safety"), "{}: no `Fix safety` section", rule.id());
        }
    }
}

#[test]
fn chinese_rule_reference_is_fresh() {
    check("zh-CN", "docs/zh-CN/rules.md");
}

#[test]
fn chinese_docs_explain_every_rule_in_chinese() {
    let registry = Registry::builtin().unwrap();
    for rule in &registry.rules {
        let doc = letterlint::rules::docs::explain(rule, "zh-CN");
        for section in ["## 作用", "## 为什么重要", "## 反例", "## 正例", "## 依据"] {
            assert!(doc.contains(section), "{}: no `{section}` section", rule.id());
        }
        let what = doc.split("## 作用\n\n").nth(1).unwrap_or_default().lines().next().unwrap_or_default();
        assert!(letterlint::i18n::has_chinese(what), "{}: summary not in Chinese: {what}", rule.id());
        assert!(!doc.contains(&rule.spec.why), "{}: the English `why` shows in the Chinese docs", rule.id());
        if let Some(fix) = &rule.spec.fix {
            assert!(doc.contains("## 修复安全性"), "{}: no fix safety section", rule.id());
            if let Some(safety) = &fix.safety {
                assert!(!doc.contains(safety.as_str()), "{}: the English fix safety shows in the Chinese docs", rule.id());
            }
        }
    }
}
