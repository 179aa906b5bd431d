//! Plain prose text of one Markdown block, with a map back to the source.
//!
//! Invariant: `text` is what the writer wrote with Markdown syntax removed; every byte of it maps
//! to a byte range of the source through `segments`, which are sorted and do not overlap.
//! Inline code is replaced by one U+FFFC (object replacement) character so that no rule reads it.

use super::Span;

/// The character that stands in for inline code and other skipped inline content.
pub const OBJECT: char = '\u{FFFC}';

/// One run of plain text copied from (or standing for) a source range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub plain_start: u32,
    pub plain_len: u32,
    pub source: Span,
    /// True when the plain run is a byte-for-byte copy of `source`, so inner offsets map exactly.
    pub exact: bool,
}

/// Plain text of a block and where each piece of it came from.
#[derive(Debug, Clone, Default)]
pub struct Prose {
    pub text: String,
    pub segments: Vec<Segment>,
}

impl Prose {
    /// Appends `plain`, which stands for `source` in the letter.
    pub fn push(&mut self, plain: &str, source: Span, exact: bool) {
        if plain.is_empty() {
            return;
        }
        let exact = exact && plain.len() == source.len();
        let plain_start = self.text.len() as u32;
        // Merge with the previous run when both are exact and contiguous: fewer segments to search.
        if let Some(last) = self.segments.last_mut() {
            if exact && last.exact && last.source.end == source.start && last.plain_start + last.plain_len == plain_start {
                last.plain_len += plain.len() as u32;
                last.source.end = source.end;
                self.text.push_str(plain);
                return;
            }
        }
        self.segments.push(Segment { plain_start, plain_len: plain.len() as u32, source, exact });
        self.text.push_str(plain);
    }

    /// The source offset of plain offset `plain` (`is_end` picks the side of an inexact run).
    pub fn to_source(&self, plain: usize, is_end: bool) -> usize {
        let plain = plain as u32;
        if self.segments.is_empty() {
            return 0;
        }
        // The last segment starting at or before `plain` (for an end offset, strictly before).
        let idx = self
            .segments
            .partition_point(|s| if is_end { s.plain_start < plain } else { s.plain_start <= plain })
            .saturating_sub(1);
        let seg = self.segments[idx];
        let inner = plain.saturating_sub(seg.plain_start);
        if inner >= seg.plain_len {
            return seg.source.end as usize;
        }
        if seg.exact {
            (seg.source.start + inner) as usize
        } else if is_end {
            seg.source.end as usize
        } else {
            seg.source.start as usize
        }
    }

    /// Maps a span of `text` to the source span it was made from.
    pub fn span_to_source(&self, plain: Span) -> Span {
        let start = self.to_source(plain.start as usize, false);
        let end = self.to_source(plain.end as usize, !plain.is_empty()).max(start);
        Span::new(start, end)
    }

    /// True when every byte of the plain span was copied exactly from one contiguous source range,
    /// so replacing the source span is the same as replacing the plain text.
    pub fn is_exact(&self, plain: Span) -> bool {
        let idx = self.segments.partition_point(|s| s.plain_start <= plain.start).saturating_sub(1);
        self.segments.get(idx).is_some_and(|s| {
            s.exact && s.plain_start <= plain.start && plain.end <= s.plain_start + s.plain_len
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_exact_and_replaced_runs() {
        let mut prose = Prose::default();
        prose.push("Hello ", Span::new(10, 16), true);
        prose.push("&", Span::new(16, 21), false); // `&amp;`
        prose.push(" you", Span::new(21, 25), true);
        assert_eq!(prose.text, "Hello & you");
        assert_eq!(prose.span_to_source(Span::new(0, 5)), Span::new(10, 15));
        assert_eq!(prose.span_to_source(Span::new(6, 7)), Span::new(16, 21));
        assert_eq!(prose.span_to_source(Span::new(8, 11)), Span::new(22, 25));
        assert!(prose.is_exact(Span::new(8, 11)));
        assert!(!prose.is_exact(Span::new(5, 8)));
    }
}
