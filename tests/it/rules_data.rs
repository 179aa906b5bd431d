//! Every rule file's examples run as tests: `bad` fires the rule, `good` does not, applying the
//! rule's fixes to `bad` gives `good` (unless the example says otherwise), and `allow` entries
//! are silent. Every rule has docs, a source and at least one example.

use letterlint::diagnostic::Diagnostic;
use letterlint::fix::apply_fixes;
use letterlint::letter::Hints;
use letterlint::rules::{Registry, Rule, Settings};

fn hints(rule: &Rule, platform: Option<&str>) -> Hints {
    Hints {
        kind_override: rule.spec.kinds.first().copied(),
        platform_override: platform.map(str::to_string).or_else(|| rule.spec.platforms.first().cloned()),
        ..Hints::default()
    }
}

fn findings(registry: &Registry, rule: &Rule, text: &str, platform: Option<&str>) -> Vec<Diagnostic> {
    let settings = Settings { now: "2026-01-10T00:00:00Z".parse().ok(), ..Settings::default() };
    let (_, diagnostics) = letterlint::lint(registry, text, &hints(rule, platform), &settings);
    diagnostics.into_iter().filter(|d| d.rule == rule.id()).collect()
}

#[test]
fn every_rule_example_behaves_as_documented() {
    let registry = Registry::builtin().expect("built-in rules load");
    let mut failures = Vec::new();
    for rule in &registry.rules {
        if rule.spec.examples.is_empty() {
            failures.push(format!("{}: has no [[example]]", rule.id()));
        }
        if rule.spec.sources.is_empty() {
            failures.push(format!("{}: cites no source", rule.id()));
        }
        for (i, example) in rule.spec.examples.iter().enumerate() {
            let platform = example.platform.as_deref();
            let bad = findings(&registry, rule, &example.bad, platform);
            if bad.is_empty() {
                failures.push(format!("{} example {i}: `bad` does not fire:\n{}", rule.id(), example.bad));
                continue;
            }
            let good = findings(&registry, rule, &example.good, platform);
            if !good.is_empty() {
                failures.push(format!("{} example {i}: `good` fires: {:?}", rule.id(), good.iter().map(|d| &d.message).collect::<Vec<_>>()));
            }
            let has_fix = bad.iter().any(|d| !d.fixes.is_empty());
            if example.fix_gives_good != Some(false) {
                if !has_fix {
                    failures.push(format!("{} example {i}: `bad` has no fix; add one or set fix_gives_good = false", rule.id()));
                    continue;
                }
                let mut text = example.bad.clone();
                for _ in 0..5 {
                    let current = findings(&registry, rule, &text, platform);
                    let (next, n) = apply_fixes(&text, current.iter().filter_map(|d| d.fixes.first()));
                    text = next;
                    if n == 0 {
                        break;
                    }
                }
                if text != example.good {
                    failures.push(format!("{} example {i}: fixing `bad` gives\n{text:?}\nnot\n{:?}", rule.id(), example.good));
                }
            }
        }
        for allowed in &rule.spec.allow {
            let hits = findings(&registry, rule, allowed, None);
            if !hits.is_empty() {
                failures.push(format!("{}: allowed text fires: {allowed:?}", rule.id()));
            }
        }
    }
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_rule_has_summary_why_and_message() {
    let registry = Registry::builtin().unwrap();
    for rule in &registry.rules {
        assert!(!rule.spec.summary.trim().is_empty(), "{}", rule.id());
        assert!(!rule.spec.why.trim().is_empty(), "{}", rule.id());
        assert!(!rule.spec.message.trim().is_empty(), "{}", rule.id());
        if let Some(fix) = &rule.spec.fix {
            assert!(fix.safety.as_deref().is_some_and(|s| !s.is_empty()), "{}: fix without `safety`", rule.id());
        }
    }
}

/// Every built-in rule speaks English and Simplified Chinese: each text it shows (summary, why,
/// message, help, every named message, the fix title, every named fix title and the fix safety)
/// has a `[locale.zh-CN]` translation with the same `{placeholders}`, and nothing is translated
/// that has no English.
#[test]
fn every_rule_text_exists_in_both_languages() {
    use letterlint::i18n::{has_chinese, placeholders};
    let registry = Registry::builtin().unwrap();
    let mut failures = Vec::new();
    for rule in registry.rules.iter().filter(|r| r.origin == "built-in") {
        let id = rule.id();
        let spec = &rule.spec;
        let Some(zh) = spec.locale.get("zh-CN") else {
            failures.push(format!("{id}: no [locale.zh-CN]"));
            continue;
        };
        let mut pairs: Vec<(String, Option<&String>, Option<&String>)> = vec![
            ("summary".into(), Some(&spec.summary), zh.summary.as_ref()),
            ("why".into(), Some(&spec.why), zh.why.as_ref()),
            ("message".into(), Some(&spec.message), zh.message.as_ref()),
            ("help".into(), spec.help.as_ref(), zh.help.as_ref()),
            ("fix_title".into(), spec.fix.as_ref().map(|f| &f.title), zh.fix_title.as_ref()),
            ("fix_safety".into(), spec.fix.as_ref().and_then(|f| f.safety.as_ref()), zh.fix_safety.as_ref()),
        ];
        let named_fix = spec.fix.as_ref().map(|f| f.titles.clone()).unwrap_or_default();
        for (table, english, chinese) in [("messages", &spec.messages, &zh.messages), ("fix_titles", &named_fix, &zh.fix_titles)] {
            for key in english.keys().chain(chinese.keys().filter(|k| !english.contains_key(*k))) {
                pairs.push((format!("{table}.{key}"), english.get(key), chinese.get(key)));
            }
        }
        for (key, english, chinese) in pairs {
            match (english, chinese) {
                (None, None) => {}
                (Some(_), None) => failures.push(format!("{id}: `{key}` has no zh-CN translation")),
                (None, Some(_)) => failures.push(format!("{id}: zh-CN `{key}` has no English text")),
                (Some(en), Some(zh)) => {
                    if !has_chinese(zh) {
                        failures.push(format!("{id}: zh-CN `{key}` is not in Chinese: {zh:?}"));
                    }
                    if placeholders(en) != placeholders(zh) {
                        failures.push(format!("{id}: zh-CN `{key}` has placeholders {:?}, English {:?}", placeholders(zh), placeholders(en)));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}

/// Run with `locale = "zh-CN"`, every finding of every example (messages, help and fix titles,
/// including the ones code rules build) is in Chinese, and the letter's own text is not
/// translated: the fixes edit the letter exactly as in English.
#[test]
fn every_example_reports_in_chinese_with_the_same_fixes() {
    use letterlint::i18n::has_chinese;
    let registry = Registry::builtin().unwrap();
    let mut failures = Vec::new();
    let now = "2026-01-10T00:00:00Z".parse().ok();
    for rule in &registry.rules {
        for example in &rule.spec.examples {
            let hints = hints(rule, example.platform.as_deref());
            let run = |locale: &str| {
                let settings = Settings { now, locale: locale.to_string(), ..Settings::default() };
                let (_, diagnostics) = letterlint::lint(&registry, &example.bad, &hints, &settings);
                diagnostics.into_iter().filter(|d| d.rule == rule.id()).collect::<Vec<_>>()
            };
            let (english, chinese) = (run("en"), run("zh-CN"));
            for d in &chinese {
                if !has_chinese(&d.message) {
                    failures.push(format!("{}: message not in Chinese: {:?}", rule.id(), d.message));
                }
                if let Some(help) = &d.help {
                    if !has_chinese(help) {
                        failures.push(format!("{}: help not in Chinese: {help:?}", rule.id()));
                    }
                }
                for fix in &d.fixes {
                    if !has_chinese(&fix.title) {
                        failures.push(format!("{}: fix title not in Chinese: {:?}", rule.id(), fix.title));
                    }
                }
            }
            let edits = |ds: &[Diagnostic]| ds.iter().map(|d| (d.span, d.fixes.iter().map(|f| format!("{:?}", f.edits)).collect::<Vec<_>>())).collect::<Vec<_>>();
            if edits(&english) != edits(&chinese) {
                failures.push(format!("{}: the findings or fixes differ between English and Chinese", rule.id()));
            }
        }
    }
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}
