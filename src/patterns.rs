//! Compiling the regular expressions of rule files and lexicons.
//!
//! Every pattern goes through `prepare`, which turns `\b`, `\B` and `\w` into their ASCII forms.
//! The regex crate's fast engine (the lazy DFA) cannot evaluate a Unicode word boundary on text
//! that contains any non-ASCII byte and falls back to a much slower one, and letters are full of
//! curly quotes and accents. An ASCII boundary never matches next to a non-ASCII letter, so a `\b`
//! whose neighbouring atom (a character, or a group) holds a non-ASCII letter is dropped instead:
//! pattern rules check word edges themselves after a match (`engine::at_word_edges`), and lexicon
//! cues only ask whether a sentence contains a phrase.

mod matcher;
mod set;

pub use matcher::Matcher;
pub use set::{PatternSet, Prefilter, Scan};

/// Rewrites a pattern for the fast engine (see the module documentation).
pub fn prepare(pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut class_depth = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() => {
                let next = chars[i + 1];
                match next {
                    'b' | 'B' if class_depth == 0 => {
                        if neighbours_non_ascii(&chars, i) {
                            // Dropped: see the module documentation.
                        } else {
                            out.push_str(if next == 'b' { "(?-u:\\b)" } else { "(?-u:\\B)" });
                        }
                    }
                    'w' if class_depth == 0 => out.push_str("(?-u:\\w)"),
                    _ => {
                        out.push('\\');
                        out.push(next);
                    }
                }
                i += 2;
                continue;
            }
            '[' => class_depth += 1,
            ']' if class_depth > 0 => class_depth -= 1,
            _ => {}
        }
        out.push(c);
        i += 1;
    }
    out
}

/// True when the atom just before or just after the `\b` at `at` contains a non-ASCII letter.
fn neighbours_non_ascii(chars: &[char], at: usize) -> bool {
    let after = atom_after(chars, at + 2);
    let before = atom_before(chars, at);
    after.iter().chain(before.iter()).any(|c| c.is_alphabetic() && !c.is_ascii())
}

fn atom_after(chars: &[char], start: usize) -> &[char] {
    match chars.get(start) {
        Some('(') => {
            let mut depth = 0usize;
            for (i, &c) in chars.iter().enumerate().skip(start) {
                match c {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            return &chars[start..=i];
                        }
                    }
                    _ => {}
                }
            }
            &chars[start..]
        }
        Some(_) => &chars[start..start + 1],
        None => &[],
    }
}

fn atom_before(chars: &[char], end: usize) -> &[char] {
    if end == 0 {
        return &[];
    }
    match chars[end - 1] {
        ')' => {
            let mut depth = 0usize;
            for i in (0..end).rev() {
                match chars[i] {
                    ')' => depth += 1,
                    '(' => {
                        depth -= 1;
                        if depth == 0 {
                            return &chars[i..end];
                        }
                    }
                    _ => {}
                }
            }
            &chars[..end]
        }
        _ => &chars[end - 1..end],
    }
}

#[cfg(test)]
mod tests {
    use super::prepare;

    #[test]
    fn word_boundaries_become_ascii_and_escapes_stay() {
        assert_eq!(prepare(r"\bsorry\b"), r"(?-u:\b)sorry(?-u:\b)");
        assert_eq!(prepare(r"a\\b"), r"a\\b");
        assert_eq!(prepare(r"\Bx[\b]"), r"(?-u:\B)x[\b]");
        assert_eq!(prepare(r"\d+\.\s\w"), r"\d+\.\s(?-u:\w)");
    }

    #[test]
    fn boundaries_next_to_non_ascii_letters_are_dropped() {
        assert_eq!(prepare(r"\b(спасибо|благодарим)\b"), r"(спасибо|благодарим)");
        assert_eq!(prepare(r"\bdías\b x\b"), r"(?-u:\b)días(?-u:\b) x(?-u:\b)");
        assert_eq!(prepare(r"\bcafé\b"), r"(?-u:\b)café");
    }

    #[test]
    fn prepared_patterns_match_on_non_ascii_text() {
        let re = regex::Regex::new(&prepare(r"(?i)\bsorry\b")).unwrap();
        assert!(re.is_match("We’re so SORRY — café"));
        let re = regex::Regex::new(&prepare(r"(?i)\b(спасибо)\b")).unwrap();
        assert!(re.is_match("Спасибо за заказ!"));
    }
}
