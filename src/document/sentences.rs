//! Sentence and word boundaries in plain prose.
//!
//! Invariant: spans are byte offsets into the plain text given to `split` or `words`, on character
//! boundaries, sorted and not overlapping; sentence spans exclude surrounding white space.

use super::Span;

/// A sentence (or a line that stands on its own, such as a greeting or a list entry).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
}

/// A word: letters and digits, with inner apostrophes and hyphens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
}

const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "no", "nr", "st", "u.s", "u.k", "approx", "dept", "inc", "ltd", "co",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "p.s", "a.m", "p.m",
];

/// Splits plain prose into sentences.
///
/// A sentence ends at `.`, `!`, `?` (or their full-width forms) followed by white space and a
/// capital, digit, quote or the end; and at a line break when the line before ends a clause or
/// the next line starts with a capital, because letters often put one statement per line.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut start = 0usize;
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        let end_of_punct = i + ch.len_utf8();
        let boundary = match ch {
            '.' | '!' | '?' | '。' | '！' | '？' => {
                // Swallow a run of terminal punctuation and closing quotes or brackets.
                let mut end = end_of_punct;
                while let Some(&(j, next)) = chars.peek() {
                    if matches!(next, '.' | '!' | '?' | '"' | '\'' | '”' | '’' | ')' | '」' | '。' | '！' | '？') {
                        chars.next();
                        end = j + next.len_utf8();
                    } else {
                        break;
                    }
                }
                let after = &text[end..];
                let next_char = after.trim_start_matches([' ', '\t']).chars().next();
                let spaced = after.starts_with([' ', '\t', '\n']) || after.is_empty() || "。！？".contains(ch);
                let starts_new = match next_char {
                    None | Some('\n') => true,
                    Some(c) => c.is_uppercase() || c.is_numeric() || "\"“‘(¿¡*-".contains(c) || !c.is_alphabetic(),
                };
                if spaced && starts_new && !(ch == '.' && is_abbreviation(&text[start..i])) { Some(end) } else { None }
            }
            '\n' => {
                let line_before = text[start..i].trim_end();
                let next_char = text[i + 1..].trim_start().chars().next();
                let clause_end = line_before.ends_with([':', ';', ',', '.', '!', '?', '~']) || line_before.chars().last().is_some_and(|c| !c.is_alphanumeric());
                let next_capital = next_char.is_some_and(|c| c.is_uppercase() || c.is_numeric() || !c.is_alphabetic());
                if clause_end || next_capital || line_before.len() < 40 { Some(i) } else { None }
            }
            _ => None,
        };
        if let Some(end) = boundary {
            push_trimmed(&mut sentences, text, start, end);
            start = end;
        }
    }
    push_trimmed(&mut sentences, text, start, bytes.len());
    sentences
}

fn push_trimmed(out: &mut Vec<Sentence>, text: &str, start: usize, end: usize) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(Sentence { span: Span::new(start + lead, end - trail) });
    }
}

fn is_abbreviation(before: &str) -> bool {
    let word: String = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
        .to_lowercase();
    if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
        // An initial, as in "J. Smith".
        return true;
    }
    ABBREVIATIONS.contains(&word.as_str())
}

/// The words of a text: runs of letters and digits, joined by an apostrophe or hyphen between two
/// of them.
pub fn words(text: &str) -> Vec<Word> {
    if text.is_ascii() {
        return ascii_words(text.as_bytes());
    }
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev_is_word = false;
    let mut iter = text.char_indices().peekable();
    while let Some((i, ch)) = iter.next() {
        let is_word = ch.is_alphanumeric() || is_combining(ch);
        let joiner = matches!(ch, '\'' | '’' | '-') && prev_is_word && iter.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if is_word || joiner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            words.push(Word { span: Span::new(s, i) });
        }
        prev_is_word = is_word;
    }
    if let Some(s) = start {
        words.push(Word { span: Span::new(s, text.len()) });
    }
    words
}

/// The same as `words`, byte by byte, for ASCII text (most letters).
fn ascii_words(bytes: &[u8]) -> Vec<Word> {
    let mut words = Vec::with_capacity(bytes.len() / 6);
    let mut start: Option<usize> = None;
    let mut prev_is_word = false;
    for (i, &b) in bytes.iter().enumerate() {
        let is_word = b.is_ascii_alphanumeric();
        let joiner = (b == b'\'' || b == b'-') && prev_is_word && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric);
        if is_word || joiner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            words.push(Word { span: Span::new(s, i) });
        }
        prev_is_word = is_word;
    }
    if let Some(s) = start {
        words.push(Word { span: Span::new(s, bytes.len()) });
    }
    words
}

fn is_combining(ch: char) -> bool {
    matches!(ch as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expect: &[&str]) {
        let got: Vec<&str> = split(text).iter().map(|s| &text[s.span.range()]).collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn splits_on_terminal_punctuation_before_a_capital() {
        check("We are sorry. We checked all orders!! Then e.g. this one.", &["We are sorry.", "We checked all orders!!", "Then e.g. this one."]);
    }

    #[test]
    fn keeps_decimals_and_abbreviations_inside() {
        check("Refund rate was 14.6% in Nov. 2024 for order No. 5.", &["Refund rate was 14.6% in Nov. 2024 for order No. 5."]);
    }

    #[test]
    fn splits_lines_that_stand_alone() {
        check("Hi dear friend,\nWe checked the orders", &["Hi dear friend,", "We checked the orders"]);
        check(
            "this line is a long wrapped line of one sentence that\ncontinues here.",
            &["this line is a long wrapped line of one sentence that\ncontinues here."],
        );
    }

    #[test]
    fn ascii_and_unicode_word_splitting_agree() {
        let text = "We didn't re-ship -- the 5 items' labels, ok-";
        assert_eq!(ascii_words(text.as_bytes()), {
            let mut with_accent = String::from(text);
            with_accent.push_str(" é");
            let mut all = words(&with_accent);
            all.pop();
            all
        });
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        let text = "We didn't re-ship café 😀 orders' items";
        let got: Vec<&str> = words(text).iter().map(|w| &text[w.span.range()]).collect();
        assert_eq!(got, ["We", "didn't", "re-ship", "café", "orders", "items"]);
    }
}
