//! Property tests over arbitrary Markdown-ish letters (headings, lists, front matter, CRLF, lone
//! `\r`, emoji, CJK, combining accents): spans stay on character boundaries inside the text,
//! positions round-trip through the line index and the language server's rope, fixes never
//! overlap and are idempotent, and line ends do not change what `check` reports.

use std::sync::OnceLock;

use letterlint::config::LoadedConfig;
use letterlint::document::{ColumnUnit, LineIndex, Span};
use letterlint::fix::{Fix, apply_fixes, fix_preserving, fix_until_stable};
use letterlint::letter::{Hints, Kind};
use letterlint::lsp::convert::{self, Encoding};
use letterlint::rules::{Registry, Settings};
use proptest::prelude::*;
use ropey::Rope;

fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| Registry::builtin().expect("built-in rules"))
}

fn settings() -> Settings {
    let mut settings = LoadedConfig::default().settings();
    settings.now = Some("2026-11-22T00:00:00Z".parse().unwrap());
    settings
}

const WORDS: &[&str] = &[
    "We",
    "shipped",
    "order",
    "5f0000000000000000000abc",
    "late",
    "because",
    "the",
    "the",
    "warehouse",
    "XXX",
    "[Your Name]",
    "22:00pm",
    "!!!",
    "??",
    "sorry",
    "thank you",
    "URGENT",
    "u",
    "pls",
    "refund",
    "tracking",
    "LX123456789CN",
    "www.example.com",
    "WhatsApp",
    "😀",
    "👍🏽",
    "中文",
    "订单",
    "café",
    "e\u{301}",
    "naïve",
    "Ａ",
    "，",
    "recieve",
    "alot",
    "any time",
    "—",
    "`code`",
    "**bold**",
    "_it_",
    "[link](http://x.y)",
    "<!-- letterlint-disable-next-line -->",
    "\t",
    "  ",
    "\r",
    ",",
    ".",
    ":",
    "Dear",
    "Wish",
    "Merchant",
    "Support",
    "Sincerely",
];

const LINES: &[&str] = &[
    "# Appeal",
    "## Root cause",
    "### Remedies",
    "Dear Wish Merchant Support,",
    "Hi Maria,",
    "- ",
    "1. ",
    "* [ ] ",
    "> The buyer wrote: ",
    "| Order ID | Reason | Evidence |",
    "|---|---|---|",
    "**Root cause:**",
    "Subject: appeal",
    "```",
    "Sincerely,",
    "",
];

const FRONT_MATTER: &[&str] = &[
    "---\nkind: appeal\nplatform: wish\norders: [5f0000000000000000000abc]\n---\n",
    "---\nkind: reply\ncustomer: Maria\n---\n",
    "---\nkind: [broken\n---\n",
    "---\n---\n",
    "---\nplatform: 😀\n",
    "",
];

/// One line: an optional lead (heading, list marker...) and some words.
fn line() -> impl Strategy<Value = String> {
    (
        prop::sample::select(LINES),
        prop::collection::vec(prop::sample::select(WORDS), 0..12),
    )
        .prop_map(|(lead, words)| format!("{lead}{}", words.join(" ")))
}

/// A letter with LF line ends (lone `\r` may still appear inside lines).
fn letter() -> impl Strategy<Value = String> {
    (
        prop::sample::select(FRONT_MATTER),
        prop::collection::vec(line(), 0..24),
        any::<bool>(),
    )
        .prop_map(|(fm, lines, final_newline)| {
            let mut text = format!("{fm}{}", lines.join("\n"));
            if final_newline {
                text.push('\n');
            }
            text
        })
}

/// A letter whose line ends are a mix of LF and CRLF.
fn mixed_letter() -> impl Strategy<Value = String> {
    (letter(), prop::collection::vec(any::<bool>(), 64)).prop_map(|(text, crlf)| {
        let mut out = String::with_capacity(text.len() + 64);
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                out.push_str(if crlf[i % crlf.len()] { "\r\n" } else { "\n" });
            }
            out.push_str(part);
        }
        out
    })
}

fn hints(kind: u8) -> Hints {
    Hints {
        kind_override: match kind % 3 {
            0 => None,
            1 => Kind::parse("appeal"),
            _ => Kind::parse("reply"),
        },
        ..Hints::default()
    }
}

fn assert_span(text: &str, span: Span, what: &str) {
    let (start, end) = (span.start as usize, span.end as usize);
    assert!(
        start <= end && end <= text.len(),
        "{what}: {start}..{end} outside 0..{} of {text:?}",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: {start}..{end} splits a character of {text:?}"
    );
}

/// The rule ids and messages `check` reports, in order, positions aside.
fn findings(text: &str, kind: u8) -> Vec<(String, String)> {
    let (_, diagnostics) = letterlint::lint(registry(), text, &hints(kind), &settings());
    let mut out: Vec<(String, String)> = diagnostics
        .into_iter()
        .map(|d| (d.rule, d.message))
        .collect();
    out.sort();
    out
}

/// Letters on which unsafe fixes (skeleton inserts) still do not settle within
/// `letterlint::fix::MAX_PASSES`: open bugs, found by the property below, pinned so a change is
/// noticed. Each must still fix without panicking.
const KNOWN_UNSETTLED: &[&str] = &[
    // An appeal whose sign-off goes after an unclosed code fence, inside the code block.
    "---\nkind: appeal\nplatform: wish\norders: [5f0000000000000000000abc]\n---\n- [Your Name] the [Your Name] 中文 We late the\nDear Wish Merchant Support,\n```",
    // A reply whose greeting goes after text that is no part: not recognised there.
    "---\nkind: reply\ncustomer: Maria\n---\n- \n- URGENT",
    "---\nkind: reply\ncustomer: Maria\n---\n- We\n# AppealWe tracking",
    "---\nkind: appeal\nplatform: wish\norders: [5f0000000000000000000abc]\n---\n```",
    "---\nkind: appeal\nplatform: wish\norders: [5f0000000000000000000abc]\n---\nDear Wish Merchant Support,\n### RemediesWe",
];

#[test]
fn known_unsettled_letters_fix_without_panicking() {
    for text in KNOWN_UNSETTLED {
        let fixed = fix_until_stable(registry(), text, &Hints::default(), &settings(), true);
        assert!(fixed.applied > 0, "{text:?}");
        let safe = fix_until_stable(registry(), text, &Hints::default(), &settings(), false);
        assert!(safe.stable, "{text:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_span_lies_on_character_boundaries_inside_the_text(text in mixed_letter(), kind in 0u8..3) {
        let (letter, diagnostics) = letterlint::lint(registry(), &text, &hints(kind), &settings());
        for part in &letter.parts {
            assert_span(&text, part.span, &format!("part {:?}", part.kind));
        }
        for d in &diagnostics {
            assert_span(&text, d.span, &d.rule);
            for fix in &d.fixes {
                for edit in &fix.edits {
                    assert_span(&text, edit.span, &format!("{} fix `{}`", d.rule, fix.title));
                }
            }
        }
    }

    #[test]
    fn positions_round_trip_in_every_unit(text in mixed_letter()) {
        let index = LineIndex::new(&text);
        let rope = Rope::from_str(&text);
        let bytes = text.as_bytes();
        for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
            // Between the `\r` and `\n` of a CRLF is inside the line break: it has no column.
            if offset > 0 && bytes[offset - 1] == b'\r' && bytes.get(offset) == Some(&b'\n') {
                continue;
            }
            let pos = index.position(&text, offset);
            for (unit, col) in [
                (ColumnUnit::Byte, pos.byte_col),
                (ColumnUnit::Char, pos.char_col),
                (ColumnUnit::Utf16, pos.utf16_col),
            ] {
                prop_assert_eq!(index.offset(&text, pos.line, col, unit), offset, "{:?} at {} of {:?}", unit, offset, text);
            }
            for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
                let lsp = convert::position(&text, &index, offset, encoding);
                prop_assert_eq!(convert::offset(&text, &index, lsp, encoding), offset);
                prop_assert_eq!(convert::rope_offset(&rope, lsp, encoding), offset, "{:?} {:?} in {:?}", encoding, lsp, text);
            }
        }
    }

    #[test]
    fn fixes_never_overlap_and_fixing_is_idempotent(text in mixed_letter(), kind in 0u8..3, unsafe_fixes in any::<bool>()) {
        let hints = hints(kind);
        let settings = settings();
        let (_, diagnostics) = letterlint::lint(registry(), &text, &hints, &settings);
        for d in &diagnostics {
            for fix in &d.fixes {
                let mut spans: Vec<Span> = fix.edits.iter().map(|e| e.span).collect();
                spans.sort_by_key(|s| (s.start, s.end));
                for pair in spans.windows(2) {
                    prop_assert!(pair[0].end <= pair[1].start && !(pair[0].is_empty() && pair[0].start == pair[1].start),
                        "{} fix `{}` has overlapping edits {:?}", d.rule, fix.title, spans);
                }
            }
        }
        // Applying every fix at once takes a set of fixes whose edits are disjoint.
        let all: Vec<&Fix> = diagnostics.iter().flat_map(|d| d.fixes.iter()).collect();
        let (_, applied) = apply_fixes(&text, all.iter().copied());
        prop_assert!(applied <= all.len());
        let fix = |t: &str| fix_preserving(t, |t| fix_until_stable(registry(), t, &hints, &settings, unsafe_fixes));
        let once = fix(&text);
        // Safe fixes (what `check --fix` applies) always settle. Unsafe skeleton inserts do not
        // yet on every appeal without parts (see KNOWN_UNSETTLED): when they settle, fixing
        // again changes nothing.
        prop_assert!(once.stable || unsafe_fixes, "safe fixes did not settle on {:?}", text);
        if once.stable {
            let twice = fix(&once.text);
            prop_assert_eq!(&twice.text, &once.text, "fixing twice differs from fixing once: {:?}", text);
            prop_assert_eq!(twice.applied, 0);
        }
    }

    #[test]
    fn check_reports_the_same_for_lf_and_crlf(text in letter(), kind in 0u8..3) {
        let text = text.replace('\r', "");
        let crlf = text.replace('\n', "\r\n");
        prop_assert_eq!(findings(&text, kind), findings(&crlf, kind), "LF {:?}", text);
    }
}

#[test]
fn a_crlf_letter_reports_like_its_lf_copy() {
    let text = "---\nkind: reply\n---\nHi Maria,\n\nThank you!!! Your order ships at 22:00pm.\n\n- XXX\n\nBest,\nSam\n";
    let crlf = text.replace('\n', "\r\n");
    for kind in 0..3 {
        assert_eq!(findings(text, kind), findings(&crlf, kind));
    }
}

/// Found by the `rope_edits` fuzz target (fuzz/artifacts/rope_edits/crash-aea7de4e...): a lone
/// `\r` ending the text was part of the line break for the line index but text for the rope, so
/// an edit deleted it in one and not the other.
#[test]
fn a_lone_carriage_return_at_the_end_is_text_for_the_rope_and_the_line_index() {
    use tower_lsp::lsp_types::{Position, Range};
    for text in ["\r", "ab\r", "x\ny\r"] {
        for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let range = Range {
                start: Position {
                    line: 0,
                    character: 17,
                },
                end: Position {
                    line: 1,
                    character: 17,
                },
            };
            let mut rope = Rope::from_str(text);
            convert::apply_change(&mut rope, Some(range), "", encoding);
            let index = LineIndex::new(text);
            let span = convert::span(text, &index, range, encoding);
            let mut plain = text.to_string();
            plain.replace_range(span.start as usize..span.end as usize, "");
            assert_eq!(rope.to_string(), plain, "{text:?} {encoding:?}");
        }
    }
}
