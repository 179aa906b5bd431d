//! The one place where letterlint's byte spans meet LSP positions.
//!
//! Lines end at `\n` (a `\r` before it belongs to the line break), as in `LineIndex`. Columns are
//! counted in the negotiated encoding: UTF-8 bytes, UTF-16 code units or characters (UTF-32).
//!
//! Invariant: every conversion clamps: a position past the end of a line is the end of that line,
//! a line past the end of the text is the end of the text, and a column inside a character keeps
//! the character whole. No input position can make these functions panic.

use ropey::Rope;
use tower_lsp::lsp_types::{Position, PositionEncodingKind, Range};

use crate::document::{ColumnUnit, LineIndex, Span};

/// The unit LSP columns are counted in, agreed at `initialize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
    Utf32,
}

impl Encoding {
    /// Picks UTF-8 when the client offers it, else UTF-16 (the protocol's default).
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    fn unit(self) -> ColumnUnit {
        match self {
            Encoding::Utf8 => ColumnUnit::Byte,
            Encoding::Utf16 => ColumnUnit::Utf16,
            Encoding::Utf32 => ColumnUnit::Char,
        }
    }

    fn width(self, ch: char) -> u32 {
        match self {
            Encoding::Utf8 => ch.len_utf8() as u32,
            Encoding::Utf16 => ch.len_utf16() as u32,
            Encoding::Utf32 => 1,
        }
    }
}

/// The LSP position of byte `offset` of `text`.
pub fn position(text: &str, index: &LineIndex, offset: usize, encoding: Encoding) -> Position {
    let pos = index.position(text, offset);
    let character = match encoding {
        Encoding::Utf8 => pos.byte_col,
        Encoding::Utf16 => pos.utf16_col,
        Encoding::Utf32 => pos.char_col,
    };
    Position {
        line: pos.line,
        character,
    }
}

/// The LSP range of a byte span of `text`.
pub fn range(text: &str, index: &LineIndex, span: Span, encoding: Encoding) -> Range {
    Range {
        start: position(text, index, span.start as usize, encoding),
        end: position(text, index, span.end as usize, encoding),
    }
}

/// The byte offset of an LSP position in `text`.
pub fn offset(text: &str, index: &LineIndex, position: Position, encoding: Encoding) -> usize {
    index.offset(text, position.line, position.character, encoding.unit())
}

/// The byte span of an LSP range in `text` (a reversed range is put in order).
pub fn span(text: &str, index: &LineIndex, range: Range, encoding: Encoding) -> Span {
    let a = offset(text, index, range.start, encoding);
    let b = offset(text, index, range.end, encoding);
    Span::new(a.min(b), a.max(b))
}

/// The byte offset of an LSP position in a rope, for applying `didChange` edits. Only `\n` ends
/// a line, as in `LineIndex`, so positions mean the same here and in diagnostics.
pub fn rope_offset(rope: &Rope, position: Position, encoding: Encoding) -> usize {
    let Some(line_start) = rope_line_start(rope, position.line as usize) else {
        return rope.len_bytes();
    };
    let mut offset = line_start;
    let mut counted = 0u32;
    let start_char = rope.byte_to_char(line_start);
    for ch in rope.chars_at(start_char) {
        if ch == '\n' || (ch == '\r' && rope.get_byte(offset + 1) == Some(b'\n')) {
            break;
        }
        let width = encoding.width(ch);
        if counted + width > position.character {
            break;
        }
        counted += width;
        offset += ch.len_utf8();
    }
    offset
}

/// The byte where 0-based `line` starts, or `None` past the last line.
fn rope_line_start(rope: &Rope, line: usize) -> Option<usize> {
    if line == 0 {
        return Some(0);
    }
    let mut seen = 0usize;
    let mut base = 0usize;
    for chunk in rope.chunks() {
        for (i, byte) in chunk.bytes().enumerate() {
            if byte == b'\n' {
                seen += 1;
                if seen == line {
                    return Some(base + i + 1);
                }
            }
        }
        base += chunk.len();
    }
    None
}

/// Applies one content change to `rope`: a range edit, or the whole text when `range` is `None`.
pub fn apply_change(rope: &mut Rope, range: Option<Range>, text: &str, encoding: Encoding) {
    let Some(range) = range else {
        *rope = Rope::from_str(text);
        return;
    };
    let a = rope_offset(rope, range.start, encoding);
    let b = rope_offset(rope, range.end, encoding);
    let (start, end) = (rope.byte_to_char(a.min(b)), rope.byte_to_char(a.max(b)));
    rope.remove(start..end);
    rope.insert(start, text);
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINE: &str = "ab\ncafé “ok” 😀 x\r\n中文 end\n";

    fn pos(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    #[test]
    fn spans_and_ranges_round_trip_in_every_encoding() {
        let index = LineIndex::new(LINE);
        let x = LINE.find(" x").unwrap() + 1;
        let expected = [
            (Encoding::Utf8, x as u32 - 3),
            (Encoding::Utf16, 13),
            (Encoding::Utf32, 12),
        ];
        for (encoding, col) in expected {
            assert_eq!(
                position(LINE, &index, x, encoding),
                pos(1, col),
                "{encoding:?}"
            );
            assert_eq!(
                offset(LINE, &index, pos(1, col), encoding),
                x,
                "{encoding:?}"
            );
            let rope = Rope::from_str(LINE);
            assert_eq!(rope_offset(&rope, pos(1, col), encoding), x, "{encoding:?}");
        }
        let end = LINE.find(" end").unwrap();
        assert_eq!(position(LINE, &index, end, Encoding::Utf16), pos(2, 2));
        assert_eq!(position(LINE, &index, end, Encoding::Utf8), pos(2, 6));
    }

    #[test]
    fn out_of_range_positions_clamp() {
        let rope = Rope::from_str(LINE);
        let line1_end = LINE.find("\r\n").unwrap();
        assert_eq!(rope_offset(&rope, pos(1, 999), Encoding::Utf16), line1_end);
        assert_eq!(rope_offset(&rope, pos(99, 0), Encoding::Utf16), LINE.len());
        // Inside the surrogate pair of the emoji: the emoji stays whole.
        let emoji = LINE.find('😀').unwrap();
        assert_eq!(rope_offset(&rope, pos(1, 11), Encoding::Utf16), emoji);
    }

    #[test]
    fn edits_with_multibyte_text_land_where_the_client_meant() {
        let mut rope = Rope::from_str(LINE);
        // Replace `😀` (UTF-16 columns 10..12 on line 1) with `é!`.
        apply_change(
            &mut rope,
            Some(Range {
                start: pos(1, 10),
                end: pos(1, 12),
            }),
            "é!",
            Encoding::Utf16,
        );
        assert_eq!(rope.to_string(), LINE.replace('😀', "é!"));
        // A reversed range is put in order, a range past the end appends.
        apply_change(
            &mut rope,
            Some(Range {
                start: pos(9, 0),
                end: pos(9, 0),
            }),
            "tail",
            Encoding::Utf8,
        );
        assert!(rope.to_string().ends_with("end\ntail"));
        apply_change(&mut rope, None, "new", Encoding::Utf8);
        assert_eq!(rope.to_string(), "new");
    }
}
