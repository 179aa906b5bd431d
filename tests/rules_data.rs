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
