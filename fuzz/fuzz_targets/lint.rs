//! Markdown and front matter -> letter model -> diagnostics: never panics, and every span (parts,
//! diagnostics, fix edits) is a byte range of the text on character boundaries.
#![no_main]

use std::sync::OnceLock;

use letterlint::config::LoadedConfig;
use letterlint::document::Span;
use letterlint::letter::{Hints, Kind};
use letterlint::rules::{Registry, Settings};
use libfuzzer_sys::fuzz_target;

fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| Registry::builtin().expect("built-in rules"))
}

fn check_span(text: &str, span: Span, what: &str) {
    let (start, end) = (span.start as usize, span.end as usize);
    assert!(start <= end && end <= text.len(), "{what} {start}..{end} outside 0..{}", text.len());
    assert!(text.is_char_boundary(start) && text.is_char_boundary(end), "{what} {start}..{end} splits a character");
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let hints = Hints {
        kind_override: match selector % 3 {
            0 => None,
            1 => Kind::parse("appeal"),
            _ => Kind::parse("reply"),
        },
        ..Hints::default()
    };
    let mut settings: Settings = LoadedConfig::default().settings();
    settings.now = Some("2026-11-22T00:00:00Z".parse().unwrap());
    let (letter, diagnostics) = letterlint::lint(registry(), &text, &hints, &settings);
    for part in &letter.parts {
        check_span(&text, part.span, "part");
    }
    for d in &diagnostics {
        check_span(&text, d.span, &d.rule);
        for fix in &d.fixes {
            for edit in &fix.edits {
                check_span(&text, edit.span, &format!("{} fix edit", d.rule));
            }
        }
    }
});
