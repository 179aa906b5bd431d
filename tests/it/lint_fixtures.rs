//! Snapshot tests: each fixture letter's human report (no colour) and the text after applying
//! safe fixes. Review changes with `cargo insta review`.

use std::path::Path;

use letterlint::letter::Hints;
use letterlint::output::{FileResult, human};
use letterlint::rules::{Registry, Settings};

#[test]
fn fixture_letters() {
    let registry = Registry::builtin().unwrap();
    let settings = Settings::default();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/letters");
    let mut names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "md")).collect();
    names.sort();
    assert!(!names.is_empty());
    for path in names {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let (letter, diagnostics) = letterlint::lint(&registry, &text, &Hints::default(), &settings);
        let parts: Vec<String> = letter.parts.iter().map(|p| {
            let doc = &letter.doc;
            format!("{} {}-{}", p.kind.as_str(), doc.line_of(p.span.start as usize) + 1, doc.line_of(p.span.end as usize - 1) + 1)
        }).collect();
        let kind_origin = letter.kind_origin;
        let result = FileResult::new(format!("{name}.md"), letter, diagnostics);
        let report = human::render(std::slice::from_ref(&result), false);
        let fixed = letterlint::fix::fix_preserving(&text, |t| letterlint::fix::fix_until_stable(&registry, t, &Hints::default(), &settings, false)).text;
        let snapshot = format!(
            "kind: {} ({:?})\nparts: {}\n\n{report}\n--- after safe fixes ---\n{fixed}",
            result.letter.kind.as_str(),
            kind_origin,
            parts.join(", ")
        );
        insta::assert_snapshot!(name, snapshot);
    }
}

/// `lint_many` (the batch `check` uses) gives each letter what `lint` gives it alone, whatever
/// its neighbours in the batch, with each letter's own hints.
#[test]
fn a_batch_lints_each_letter_as_alone() {
    let registry = Registry::builtin().unwrap();
    let settings = Settings::default();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut texts = Vec::new();
    for dir in ["letters", "appeals", "replies"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir)).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "md")).collect();
        paths.sort();
        texts.extend(paths.iter().map(|p| std::fs::read_to_string(p).unwrap()));
    }
    assert!(texts.len() > 10);
    let as_reply = Hints { kind_override: Some(letterlint::letter::Kind::Reply), ..Hints::default() };
    let hints: Vec<Hints> = (0..texts.len()).map(|i| if i % 3 == 0 { as_reply.clone() } else { Hints::default() }).collect();
    let items: Vec<_> = texts.iter().zip(&hints).map(|(t, h)| (t.as_str(), h, &settings)).collect();
    let batch = letterlint::lint_many(&registry, &items);
    assert_eq!(batch.len(), texts.len());
    for ((text, hints), (letter, diagnostics)) in texts.iter().zip(&hints).zip(&batch) {
        let (alone, alone_diagnostics) = letterlint::lint(&registry, text, hints, &settings);
        assert_eq!(letter.kind, alone.kind);
        assert_eq!(letter.units.iter().map(|u| &u.parts).collect::<Vec<_>>(), alone.units.iter().map(|u| &u.parts).collect::<Vec<_>>());
        let shown = |d: &[letterlint::diagnostic::Diagnostic]| d.iter().map(|d| format!("{} {:?} {}", d.rule, d.span, d.message)).collect::<Vec<_>>();
        assert_eq!(shown(diagnostics), shown(&alone_diagnostics));
    }
}
