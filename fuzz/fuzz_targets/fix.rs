//! Fix application: applying every fix (safe and unsafe) and re-linting never panics, and once
//! the fixes settle, fixing the result again changes nothing (non-settling: tests/it/properties.rs).
#![no_main]

use std::sync::OnceLock;

use letterlint::config::LoadedConfig;
use letterlint::fix::{fix_preserving, fix_until_stable};
use letterlint::letter::Hints;
use letterlint::rules::{Registry, Settings};
use libfuzzer_sys::fuzz_target;

fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| Registry::builtin().expect("built-in rules"))
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let unsafe_fixes = selector & 1 == 1;
    let hints = Hints::default();
    let mut settings: Settings = LoadedConfig::default().settings();
    settings.now = Some("2026-11-22T00:00:00Z".parse().unwrap());
    let registry = registry();
    let once = fix_preserving(text, |t| fix_until_stable(registry, t, &hints, &settings, unsafe_fixes));
    // The result is a `String`, so valid UTF-8 by construction; re-lint it.
    let _ = letterlint::lint(registry, &once.text, &hints, &settings);
    if once.stable {
        let twice = fix_preserving(&once.text, |t| fix_until_stable(registry, t, &hints, &settings, unsafe_fixes));
        assert_eq!(twice.text, once.text, "fixing twice differs from fixing once");
    }
});
