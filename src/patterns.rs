//! Compiling the regular expressions of rule files and lexicons.
//!
//! Every pattern goes through `prepare`, which turns `\b` and `\B` into their ASCII forms. The
//! regex crate's fast engines (lazy DFA) cannot evaluate a Unicode word boundary on text that
//! contains any non-ASCII byte and fall back to a much slower one; letters are full of curly
//! quotes and accents. An ASCII boundary can be wrong next to a non-ASCII letter ("café"), so
//! pattern rules check word edges themselves after a match (`engine::at_word_edges`).

/// Rewrites `\b` and `\B` outside character classes as `(?-u:\b)` and `(?-u:\B)`.
pub fn prepare(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    let mut class_depth = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('b') if class_depth == 0 => out.push_str("(?-u:\\b)"),
                Some('B') if class_depth == 0 => out.push_str("(?-u:\\B)"),
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            },
            '[' => {
                class_depth += 1;
                out.push(c);
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::prepare;

    #[test]
    fn word_boundaries_become_ascii_and_escapes_stay() {
        assert_eq!(prepare(r"\bsorry\b"), r"(?-u:\b)sorry(?-u:\b)");
        assert_eq!(prepare(r"a\\b"), r"a\\b");
        assert_eq!(prepare(r"\Bx[\b]"), r"(?-u:\B)x[\b]");
        assert_eq!(prepare(r"\d+\.\s"), r"\d+\.\s");
    }

    #[test]
    fn prepared_patterns_compile_and_match_on_non_ascii_text() {
        let re = regex::Regex::new(&prepare(r"(?i)\bsorry\b")).unwrap();
        assert!(re.is_match("We’re so SORRY — café"));
    }
}
