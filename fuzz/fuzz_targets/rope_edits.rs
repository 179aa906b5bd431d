//! The language server's incremental edits: a random edit script applied to a ropey `Rope` with
//! the server's own `apply_change` equals the same script applied to a plain `String` through the
//! line index the diagnostics use.
#![no_main]

use arbitrary::Arbitrary;
use letterlint::document::LineIndex;
use letterlint::lsp::convert::{self, Encoding};
use libfuzzer_sys::fuzz_target;
use ropey::Rope;
use tower_lsp::lsp_types::{Position, Range};

#[derive(Arbitrary, Debug)]
struct Change {
    start: (u8, u8),
    end: (u8, u8),
    text: String,
    full: bool,
}

#[derive(Arbitrary, Debug)]
struct Script {
    text: String,
    encoding: u8,
    changes: Vec<Change>,
}

fn apply_to_string(text: &mut String, range: Option<Range>, new: &str, encoding: Encoding) {
    let Some(range) = range else {
        *text = new.to_string();
        return;
    };
    let index = LineIndex::new(text);
    let span = convert::span(text, &index, range, encoding);
    text.replace_range(span.start as usize..span.end as usize, new);
}

fuzz_target!(|script: Script| {
    let encoding = match script.encoding % 3 {
        0 => Encoding::Utf8,
        1 => Encoding::Utf16,
        _ => Encoding::Utf32,
    };
    let mut rope = Rope::from_str(&script.text);
    let mut plain = script.text.clone();
    for change in script.changes.iter().take(64) {
        let pos = |(line, character): (u8, u8)| Position { line: line as u32 % 8, character: character as u32 % 24 };
        let range = (!change.full).then(|| Range { start: pos(change.start), end: pos(change.end) });
        convert::apply_change(&mut rope, range, &change.text, encoding);
        apply_to_string(&mut plain, range, &change.text, encoding);
        assert_eq!(rope.to_string(), plain, "after {change:?} in {encoding:?}");
    }
});
