//! Line and column positions for byte offsets.
//!
//! Invariant: `line_starts[0] == 0` and every other entry is the byte just after a `\n`.
//! A line's text excludes its `\n` (and a `\r` before it). Columns are 0-based here; the
//! output layer adds one where a format wants 1-based positions.

/// A position as line and column in the three units tools ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 0-based line.
    pub line: u32,
    /// 0-based column in UTF-8 bytes.
    pub byte_col: u32,
    /// 0-based column in Unicode scalar values (characters).
    pub char_col: u32,
    /// 0-based column in UTF-16 code units (the Language Server Protocol's default).
    pub utf16_col: u32,
}

/// Maps byte offsets of one text to lines and columns, and back.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<u32>,
    len: u32,
}

/// The unit a column counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnUnit {
    Byte,
    Char,
    Utf16,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 40 + 1);
        line_starts.push(0);
        line_starts.extend(memchr_newlines(text.as_bytes()).map(|i| i as u32 + 1));
        LineIndex { line_starts, len: text.len() as u32 }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The 0-based line holding byte `offset` (an offset at the end of the text is on the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&(offset as u32)) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Byte offset where 0-based `line` starts; past the last line, the text's length.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts.get(line).map_or(self.len as usize, |&s| s as usize)
    }

    /// Byte range of `line`'s text, without its line break.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.line_start(line);
        let mut end = self.line_start(line + 1);
        let bytes = text.as_bytes();
        if end > start && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
            // Only a `\r` before the `\n` belongs to the line break; a lone `\r` that ends the
            // text is text (found by fuzzing: the rope and the diagnostics disagreed on it).
            if end > start && bytes.get(end - 1) == Some(&b'\r') {
                end -= 1;
            }
        }
        start..end
    }

    /// The position of byte `offset` in `text` (the text this index was built from).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.line_start(line);
        let prefix = &text[start..offset];
        Position {
            line: line as u32,
            byte_col: prefix.len() as u32,
            char_col: prefix.chars().count() as u32,
            utf16_col: prefix.chars().map(char::len_utf16).sum::<usize>() as u32,
        }
    }

    /// The byte offset of a 0-based line and column counted in `unit`; positions past the end of a
    /// line clamp to its end, and lines past the end clamp to the end of the text.
    pub fn offset(&self, text: &str, line: u32, col: u32, unit: ColumnUnit) -> usize {
        let line = line as usize;
        if line >= self.line_count() {
            return text.len();
        }
        let range = self.line_range(text, line);
        let line_text = &text[range.clone()];
        let mut counted = 0u32;
        for (i, ch) in line_text.char_indices() {
            if counted >= col {
                return range.start + i;
            }
            counted += match unit {
                ColumnUnit::Byte => ch.len_utf8() as u32,
                ColumnUnit::Char => 1,
                ColumnUnit::Utf16 => ch.len_utf16() as u32,
            };
            if counted > col {
                // The column points inside a character: keep the character whole.
                return range.start + i;
            }
        }
        range.end
    }
}

/// The largest character boundary at or below `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_bytes_chars_and_utf16_on_one_line() {
        let text = "ab\ncafé “ok” 😀 x\n";
        let index = LineIndex::new(text);
        let x = text.find(" x").unwrap() + 1;
        let pos = index.position(text, x);
        assert_eq!(pos.line, 1);
        assert_eq!(pos.char_col, 12);
        assert_eq!(pos.utf16_col, 13);
        assert_eq!(pos.byte_col as usize, x - 3);
        for unit in [ColumnUnit::Byte, ColumnUnit::Char, ColumnUnit::Utf16] {
            let col = match unit {
                ColumnUnit::Byte => pos.byte_col,
                ColumnUnit::Char => pos.char_col,
                ColumnUnit::Utf16 => pos.utf16_col,
            };
            assert_eq!(index.offset(text, 1, col, unit), x);
        }
    }

    #[test]
    fn offsets_clamp_past_line_and_text_end() {
        let text = "one\r\ntwo";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, 0, 99, ColumnUnit::Char), 3);
        assert_eq!(index.offset(text, 9, 0, ColumnUnit::Char), text.len());
        assert_eq!(index.line_range(text, 0), 0..3);
    }

    #[test]
    fn a_utf16_column_inside_a_surrogate_pair_keeps_the_character_whole() {
        let text = "😀a";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, 0, 1, ColumnUnit::Utf16), 0);
        assert_eq!(index.offset(text, 0, 2, ColumnUnit::Utf16), 4);
    }
}
