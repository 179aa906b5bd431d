//! `PatternSet`: which of many patterns match a text, found through the literals they need.
//!
//! A `regex::RegexSet` over hundreds of cue patterns runs one big overlapping lazy DFA; on letters
//! it keeps building new states (every sentence is a new mix of partial matches) and was the
//! largest single cost of `check`. Almost every pattern needs some literal text to match
//! (`\b(we|i)\s+(are|am)\s+(\w+\s+){0,2}(sorry|regret)` cannot match without `sorry` or `regret`),
//! so the set works in two steps instead:
//!
//! 1. `Prefilter`: one Aho-Corasick pass over the text finds the literals present, and so the
//!    *candidate* patterns. Patterns without a usable literal are matched together in one small
//!    `RegexSet`; patterns that need a non-ASCII letter (`спасибо`) are candidates only in a text
//!    that has a non-ASCII character;
//! 2. each candidate's own regex (small, compiled on first use) confirms the match.
//!
//! Invariant: the candidates of a text include every pattern that matches it. Literals are
//! taken from the pattern parsed case-sensitively and searched ignoring ASCII case, which covers
//! a case-insensitive pattern's matches except through the two non-ASCII letters that fold to
//! ASCII ones (the Kelvin sign and the long s): a text holding either makes every pattern a
//! candidate. Only runs of a literal without non-ASCII letters are searched (ASCII, and caseless
//! characters such as `。`), so non-ASCII case folding never matters.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use regex_syntax::hir::literal::{ExtractKind, Extractor, Seq};
use regex_syntax::hir::{Hir, HirKind};

use super::Matcher;

/// Compiled size allowed for one pattern.
const REGEX_SIZE_LIMIT: usize = 10 << 20;

/// Compiled size allowed for the set of patterns without literals.
const ALWAYS_SIZE_LIMIT: usize = 64 << 20;

/// Characters whose simple case folding reaches an ASCII letter: `K` (Kelvin) and `ſ` (long s).
const FOLDS_TO_ASCII: [char; 2] = ['\u{212A}', '\u{017F}'];

/// Finds the patterns that may match a text (see the module documentation).
#[derive(Debug, Clone)]
pub struct Prefilter {
    /// Literals of every pattern that has usable ones, in lower case, searched in the text's
    /// ASCII lower case.
    literals: Option<AhoCorasick>,
    /// The patterns each literal of `literals` belongs to, with the group of that pattern's
    /// required literals it is in (bit `1 << group`).
    literal_owner: Vec<Vec<(u32, u8)>>,
    /// For each pattern, the bits of all its groups of required literals: a pattern is a
    /// candidate when a literal of every group is in the text (0 for a pattern without).
    all_groups: Vec<u8>,
    /// Patterns that cannot match a text of ASCII only (`спасибо`): candidates when a text has
    /// other characters.
    non_ascii: Vec<u32>,
    /// Patterns with nothing to search for, matched together in one pass; and their ids.
    always: Option<RegexSet>,
    always_ids: Vec<u32>,
    len: usize,
}

impl Prefilter {
    /// Builds the prefilter of `patterns`, each as written (without a leading `(?i)` flag) with
    /// whether it is case-insensitive. Errors are those of compiling the patterns that have no
    /// literal into one set, with the index of a pattern that fails alone (else the first one).
    pub fn new<'a>(patterns: impl IntoIterator<Item = (&'a str, bool)>) -> Result<Prefilter, (usize, regex::Error)> {
        let mut owners: BTreeMap<Vec<u8>, Vec<(u32, u8)>> = BTreeMap::new();
        let mut all_groups = Vec::new();
        let mut non_ascii = Vec::new();
        let mut always = Vec::new();
        let mut always_ids = Vec::new();
        let mut len = 0;
        for (id, (pattern, case_insensitive)) in patterns.into_iter().enumerate() {
            len += 1;
            let hir = regex_syntax::ParserBuilder::new().build().parse(pattern).ok();
            let groups = hir.as_ref().map(required_groups).unwrap_or_default();
            all_groups.push(((1u16 << groups.len()) - 1) as u8);
            if !groups.is_empty() {
                for (group, found) in groups.into_iter().enumerate() {
                    found.into_iter().for_each(|literal| owners.entry(literal).or_default().push((id as u32, 1 << group)));
                }
            } else if hir.as_ref().is_some_and(needs_non_ascii) {
                non_ascii.push(id as u32);
            } else {
                always.push(if case_insensitive { format!("(?i:{pattern})") } else { pattern.to_string() });
                always_ids.push(id as u32);
            }
        }
        let (literals, literal_owner): (Vec<Vec<u8>>, Vec<Vec<(u32, u8)>>) = owners.into_iter().unzip();
        // The literals are lower-case and the text is searched in ASCII lower case (`candidates`):
        // the same as an ASCII-case-insensitive search, with a smaller automaton to build.
        let literals = (!literals.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                // Thousands of literals: a full DFA's tables miss the CPU cache at every byte, and
                // a skip-ahead prefilter finds a literal every few bytes; a compact automaton
                // walked byte by byte is faster than either (measured on `check`).
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .prefilter(false)
                .build(&literals)
                .or_else(|_| AhoCorasick::builder().build(&literals))
                .expect("literals of at most a few thousand patterns fit an automaton")
        });
        let always = match RegexSetBuilder::new(&always).size_limit(ALWAYS_SIZE_LIMIT).build() {
            _ if always.is_empty() => None,
            Ok(set) => Some(set),
            Err(e) => {
                let culprit = always.iter().position(|p| Regex::new(p).is_err()).unwrap_or(0);
                return Err((always_ids[culprit] as usize, e));
            }
        };
        Ok(Prefilter { literals, literal_owner, all_groups, non_ascii, always, always_ids, len })
    }

    /// The patterns that may match `text`, in increasing order, each once. A pattern without
    /// literals is named only when it does match.
    pub fn candidates(&self, text: &str) -> Vec<usize> {
        if text.contains(FOLDS_TO_ASCII) {
            return (0..self.len).collect();
        }
        let mut seen = vec![0u64; self.len.div_ceil(64)];
        let mut mark = |id: u32| seen[id as usize / 64] |= 1 << (id % 64);
        if let Some(always) = &self.always {
            always.matches(text).into_iter().for_each(|i| mark(self.always_ids[i]));
        }
        if !text.is_ascii() {
            self.non_ascii.iter().for_each(|&id| mark(id));
        }
        if let Some(literals) = &self.literals {
            let lower = text.to_ascii_lowercase();
            let mut found_groups = vec![0u8; self.len];
            for found in literals.find_overlapping_iter(&lower) {
                for &(id, group) in &self.literal_owner[found.pattern().as_usize()] {
                    let groups = &mut found_groups[id as usize];
                    *groups |= group;
                    if *groups == self.all_groups[id as usize] {
                        mark(id);
                    }
                }
            }
        }
        let mut out = Vec::new();
        for (word_idx, mut word) in seen.into_iter().enumerate() {
            while word != 0 {
                let bit = word.trailing_zeros() as usize;
                out.push(word_idx * 64 + bit);
                word &= word - 1;
            }
        }
        out
    }

    /// How many patterns have no usable literal.
    #[cfg(test)]
    pub fn always_candidates(&self) -> usize {
        self.always_ids.len()
    }
}

/// Literals one of which every match of `pattern` contains, each selective enough to be
/// worth searching for; `None` when the pattern has no such set.
#[cfg(test)]
fn required_literals(pattern: &str) -> Option<Vec<Vec<u8>>> {
    let hir = regex_syntax::ParserBuilder::new().build().parse(pattern).ok()?;
    required(&hir)
}

/// Groups of literals such that every match of `hir` holds one literal of each group: the best
/// group (`required`), then up to two more from other members of the concatenation it is (`we
/// will ... refund` needs `will` and `refund`), most selective first. Each group removes
/// candidates whose regex would run for nothing; even a common word (`will`) is missing from most
/// sentences, and confirming a candidate is the dear step: with hundreds of regexes sharing the
/// CPU caches, each run costs microseconds.
fn required_groups(hir: &Hir) -> Vec<Vec<Vec<u8>>> {
    let mut inner = hir;
    while let HirKind::Capture(capture) = inner.kind() {
        inner = &capture.sub;
    }
    let (Some(best), members) = required_parts(inner) else {
        return Vec::new();
    };
    let mut more: Vec<(Rank, Vec<Vec<u8>>)> = members.into_iter().filter(|g| *g != best).map(|g| (rank(&g), g)).collect();
    more.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    more.dedup_by(|a, b| a.1 == b.1);
    let mut groups = vec![best];
    groups.extend(more.into_iter().take(MAX_GROUPS - 1).map(|(_, g)| g));
    groups
}

/// Groups of required literals kept per pattern (`required_groups`).
const MAX_GROUPS: usize = 3;

/// True when every match of `hir` holds a character outside ASCII that no ASCII letter folds to:
/// all its prefix (or all its suffix) literals have one.
fn needs_non_ascii(hir: &Hir) -> bool {
    [ExtractKind::Prefix, ExtractKind::Suffix].into_iter().any(|kind| {
        let mut extractor = Extractor::new();
        extractor.kind(kind).limit_class(8).limit_total(300);
        let seq = extractor.extract(hir);
        seq.literals().is_some_and(|literals| {
            !literals.is_empty()
                && literals.iter().all(|l| {
                    std::str::from_utf8(l.as_bytes())
                        .is_ok_and(|t| t.chars().any(|c| !c.is_ascii() && !FOLDS_TO_ASCII.contains(&c)))
                })
        })
    })
}

/// The best set of required literals of `hir`: from its prefixes or suffixes, or from a part
/// every match goes through (a member of a concatenation, a repetition done at least once, every
/// branch of an alternation).
fn required(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    required_parts(hir).0
}

/// `required` of `hir`, and for a concatenation the groups of its members that have one (each
/// member is required on its own), found in the same walk.
fn required_parts(hir: &Hir) -> (Option<Vec<Vec<u8>>>, Vec<Vec<Vec<u8>>>) {
    let mut best: Option<(Vec<Vec<u8>>, Rank)> = None;
    let mut consider = |found: Option<Vec<Vec<u8>>>| {
        if let Some(found) = found {
            let found_rank = rank(&found);
            if best.as_ref().is_none_or(|(_, b)| found_rank > *b) {
                best = Some((found, found_rank));
            }
        }
    };
    if let HirKind::Literal(literal) = hir.kind() {
        return (usable(Seq::new([&*literal.0])), Vec::new());
    }
    if matches!(hir.kind(), HirKind::Concat(_) | HirKind::Repetition(_)) {
        for kind in [ExtractKind::Prefix, ExtractKind::Suffix] {
            let mut extractor = Extractor::new();
            extractor.kind(kind).limit_class(8).limit_total(300);
            consider(usable(extractor.extract(hir)));
        }
    }
    let mut members = Vec::new();
    match hir.kind() {
        HirKind::Concat(children) => {
            members = children.iter().filter_map(required).collect();
            members.iter().for_each(|m| consider(Some(m.clone())));
        }
        HirKind::Capture(capture) => consider(required(&capture.sub)),
        HirKind::Repetition(repetition) if repetition.min >= 1 => consider(required(&repetition.sub)),
        HirKind::Alternation(branches) => {
            let mut union = Vec::new();
            for branch in branches {
                match required(branch) {
                    Some(found) => union.extend(found),
                    None => return (best.map(|(b, _)| b), members),
                }
            }
            union.sort();
            union.dedup();
            consider(Some(union));
        }
        _ => {}
    }
    (best.map(|(b, _)| b), members)
}

type Rank = (usize, std::cmp::Reverse<usize>);

/// How selective a set of literals is: its weakest literal decides; a very common English word
/// (`you`, `the `) counts as short, since it is in most sentences.
fn rank(literals: &[Vec<u8>]) -> Rank {
    let weakest = literals
        .iter()
        .map(|l| {
            let word = String::from_utf8_lossy(l);
            if COMMON_WORDS.contains(&word.trim()) { 1 } else { l.len() }
        })
        .min()
        .unwrap_or(0);
    (weakest, std::cmp::Reverse(literals.len()))
}

/// Words found in most sentences of a letter: poor literals to search for.
const COMMON_WORDS: [&str; 40] = [
    "the", "and", "you", "your", "for", "our", "are", "not", "that", "this", "with", "will", "have", "was",
    "can", "all", "but", "from", "they", "been", "has", "had", "were", "would", "could", "there", "their",
    "what", "when", "which", "who", "about", "into", "more", "some", "than", "them", "then", "very", "any",
];

/// The longest searchable run of each literal of `seq`, when the sequence is finite and every
/// run is selective enough.
fn usable(seq: Seq) -> Option<Vec<Vec<u8>>> {
    let mut out: Vec<Vec<u8>> = Vec::new();
    for literal in seq.literals()? {
        let run = searchable_run(literal.as_bytes());
        if !selective(run) {
            return None;
        }
        out.push(run.to_ascii_lowercase());
    }
    if out.is_empty() {
        return None;
    }
    out.sort();
    out.dedup();
    Some(out)
}

/// The longest run of `bytes` free of non-ASCII letters (which may have case variants the
/// search would miss): ASCII text, and caseless characters such as `，` or `。`.
fn searchable_run(bytes: &[u8]) -> &[u8] {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return bytes.split(|b| !b.is_ascii()).max_by_key(|run| run.len()).unwrap_or(&[]);
    };
    text.split(|c: char| !c.is_ascii() && c.is_alphabetic()).max_by_key(|run| run.len()).unwrap_or("").as_bytes()
}

/// True when a literal is rare enough in letters to be worth searching for: three bytes or more,
/// two that are not a common word (`qq`, `!!`), or one rare symbol (`@`, `+`).
fn selective(run: &[u8]) -> bool {
    match run.len() {
        0 => false,
        1 => b"@+#$%&*=<>[]{}|~^`\\_".contains(&run[0]),
        2 => !COMMON_PAIRS.iter().any(|p| p.as_bytes().eq_ignore_ascii_case(run)) && !run.iter().any(u8::is_ascii_whitespace),
        _ => true,
    }
}

/// Two-letter words and pairs found in most sentences.
const COMMON_PAIRS: [&str; 30] = [
    "to", "of", "in", "on", "at", "is", "it", "we", "us", "me", "my", "be", "by", "do", "go", "he", "if",
    "no", "or", "so", "up", "an", "as", "am", "hi", "ok", ". ", ", ", "a ", "i ",
];

/// A set of patterns, each compiled on first need: `matches` gives the ones that match a text.
#[derive(Debug)]
pub struct PatternSet {
    prefilter: Prefilter,
    /// Each pattern as given to `regex`, with its flags.
    sources: Vec<String>,
    case_insensitive: bool,
    regexes: Vec<OnceLock<Regex>>,
    /// Each pattern compiled to answer yes or no (`is_match_one`).
    matchers: Vec<Matcher>,
}

impl PatternSet {
    /// A set of `patterns` (as written, without a leading `(?i)`), all case-insensitive or all
    /// not. Syntax errors are reported here, with the index of the pattern (a pattern that does not
    /// parse has no literal, so `Prefilter::new` compiles it); a pattern too big to compile is
    /// reported by `compile_all` (or here, when it has no literal).
    pub fn new<S: AsRef<str>>(patterns: &[S], case_insensitive: bool) -> Result<PatternSet, (usize, String)> {
        let prefilter = Prefilter::new(patterns.iter().map(|p| (p.as_ref(), case_insensitive))).map_err(|(i, e)| (i, e.to_string()))?;
        Ok(PatternSet {
            prefilter,
            sources: patterns.iter().map(|p| p.as_ref().to_string()).collect(),
            case_insensitive,
            regexes: patterns.iter().map(|_| OnceLock::new()).collect(),
            matchers: patterns.iter().map(|_| Matcher::default()).collect(),
        })
    }

    pub fn len(&self) -> usize {
        self.sources.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// The compiled pattern `idx`.
    pub fn regex(&self, idx: usize) -> &Regex {
        self.regexes[idx].get_or_init(|| {
            self.build(idx).unwrap_or_else(|e| panic!("pattern {:?} does not compile: {e}", self.sources[idx]))
        })
    }

    /// True when pattern `idx` matches somewhere in `text` (see `Matcher`).
    pub fn is_match_one(&self, idx: usize, text: &str) -> bool {
        self.matchers[idx].is_match(&self.sources[idx], self.case_insensitive, text)
    }

    fn build(&self, idx: usize) -> Result<Regex, regex::Error> {
        RegexBuilder::new(&self.sources[idx]).case_insensitive(self.case_insensitive).size_limit(REGEX_SIZE_LIMIT).build()
    }

    /// Compiles every pattern now: the first error, with the index of its pattern.
    pub fn compile_all(&self) -> Result<(), (usize, regex::Error)> {
        for idx in 0..self.len() {
            if self.regexes[idx].get().is_none() {
                let regex = self.build(idx).map_err(|e| (idx, e))?;
                let _ = self.regexes[idx].set(regex);
            }
        }
        Ok(())
    }

    /// The patterns that match somewhere in `text`, in increasing order.
    pub fn matches(&self, text: &str) -> Vec<usize> {
        let mut found = self.prefilter.candidates(text);
        found.retain(|&idx| self.is_match_one(idx, text));
        found
    }

    /// True when any pattern matches somewhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.prefilter.candidates(text).into_iter().any(|idx| self.is_match_one(idx, text))
    }

    /// One literal pass over `text`: the candidates, for `matches_in` and `is_match_in` to
    /// confirm as they are asked about.
    pub fn scan(&self, text: &str) -> Scan {
        let candidates = self.prefilter.candidates(text);
        let verdicts = vec![Cell::new(None); candidates.len()];
        Scan { candidates, verdicts }
    }

    /// The patterns of `range` that match `text`, in increasing order; `scan` is this set's scan
    /// of `text`. Each pattern's regex runs at most once per scan.
    pub fn matches_in<'a>(&'a self, scan: &'a Scan, text: &'a str, range: Range<usize>) -> impl Iterator<Item = usize> + 'a {
        let from = scan.candidates.partition_point(|&c| c < range.start);
        let to = scan.candidates.partition_point(|&c| c < range.end);
        (from..to).filter(move |&i| self.confirm(scan, text, i)).map(move |i| scan.candidates[i])
    }

    /// True when a pattern of `range` matches `text` (`scan` is this set's scan of `text`).
    pub fn is_match_in(&self, scan: &Scan, text: &str, range: Range<usize>) -> bool {
        self.matches_in(scan, text, range).next().is_some()
    }

    /// Confirms every candidate of every scan now, pattern by pattern: each regex then runs for
    /// all the texts in turn while it is in the CPU cache, instead of once among hundreds of
    /// others each time a sentence asks.
    pub fn confirm_all<'a>(&self, scans: impl IntoIterator<Item = (&'a Scan, &'a str)>) {
        let scans: Vec<(&Scan, &str)> = scans.into_iter().collect();
        let mut work: Vec<(usize, usize, usize)> = Vec::new();
        for (s, (scan, _)) in scans.iter().enumerate() {
            for (i, &pattern) in scan.candidates.iter().enumerate() {
                if scan.verdicts[i].get().is_none() {
                    work.push((pattern, s, i));
                }
            }
        }
        work.sort_unstable();
        for (pattern, s, i) in work {
            let (scan, text) = scans[s];
            scan.verdicts[i].set(Some(self.is_match_one(pattern, text)));
        }
    }

    fn confirm(&self, scan: &Scan, text: &str, i: usize) -> bool {
        let verdict = &scan.verdicts[i];
        verdict.get().unwrap_or_else(|| {
            let found = self.is_match_one(scan.candidates[i], text);
            verdict.set(Some(found));
            found
        })
    }

    #[cfg(test)]
    pub fn prefilter(&self) -> &Prefilter {
        &self.prefilter
    }
}

/// What one literal pass of a `PatternSet` found in a text (`PatternSet::scan`): the candidate
/// patterns, in increasing order, and each one's verdict once its regex has run. Many questions
/// about one sentence (which kind cues, which part cues, is it a heading of a part...) then cost
/// one pass, and no regex runs twice.
#[derive(Debug)]
pub struct Scan {
    candidates: Vec<usize>,
    verdicts: Vec<Cell<Option<bool>>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(patterns: &[&str]) -> PatternSet {
        let set = PatternSet::new(patterns, true).expect("patterns parse");
        set.compile_all().expect("patterns compile");
        set
    }

    #[test]
    fn literals_come_from_the_better_end() {
        let found = required_literals(r"\b(we|i)\s+(are|am)\s+(\w+\s+){0,2}(sorry|regret)").unwrap();
        assert_eq!(found, vec![b"regret".to_vec(), b"sorry".to_vec()]);
        let found = required_literals(r"\baccount\s+(manager|health)\b").unwrap();
        assert_eq!(found, vec![b"account".to_vec()]);
        assert_eq!(required_literals(r"\w+s\b"), None);
        assert_eq!(required_literals(r"\b(to|for) you\b"), Some(vec![b"for you".to_vec(), b"to you".to_vec()]));
        assert_eq!(required_literals(r"^\s*\d+\."), None);
    }

    #[test]
    fn non_ascii_literals_keep_their_caseless_run() {
        assert_eq!(required_literals("café con leche"), Some(vec![b" con leche".to_vec()]));
        assert_eq!(required_literals("спасибо"), None);
        assert_eq!(required_literals(r"[\x21-\x7E](?P<hit>。)"), Some(vec!["。".as_bytes().to_vec()]));
        assert_eq!(required_literals(r"(?P<hit>!{2,})"), Some(vec![b"!!".to_vec()]));
        assert_eq!(required_literals(r"[a-z]+@[a-z]+\.com|\+\d+"), Some(vec![b"+".to_vec(), b".com".to_vec()]));
    }

    #[test]
    fn matches_agree_with_a_regex_set_ignoring_case() {
        let patterns = [
            r"\b(we|i)\s+(are|am)\s+(\w+\s+){0,2}(sorry|regret)",
            r"\baccount\s+(manager|health)\b",
            r"\w+ing\b",
            r"спасибо",
            r"\bsuspen(d|ded|sion)\b",
        ];
        let ours = set(&patterns);
        let theirs = regex::RegexSetBuilder::new(patterns).case_insensitive(true).build().unwrap();
        for text in [
            "We are truly SORRY for the delay.",
            "i am sorry",
            "Our Account Health dropped after the SUSPENSION.",
            "Nothing here.",
            "Спасибо за заказ, shipping today",
            "We are very sorry, your account was suspended.",
            // The Kelvin sign folds to `k` and the long s to `s` under (?i).
            "We are \u{017F}orry; the ACCOUNT HEALTH is fine",
            "",
        ] {
            let expected: Vec<usize> = theirs.matches(text).into_iter().collect();
            assert_eq!(ours.matches(text), expected, "{text:?}");
            assert_eq!(ours.is_match(text), theirs.is_match(text), "{text:?}");
        }
    }

    #[test]
    fn every_required_group_must_be_present() {
        let groups = required_groups(&regex_syntax::parse(r"\b(we|i)\s+(will|shall)\s+(\w+\s+){0,2}(refund|resend)").unwrap());
        assert_eq!(groups, vec![vec![b"refund".to_vec(), b"resend".to_vec()], vec![b"shall".to_vec(), b"will".to_vec()]]);
        let ours = set(&[r"\b(we|i)\s+(will|shall)\s+(\w+\s+){0,2}(refund|resend)", r"\brefund\b"]);
        assert_eq!(ours.prefilter().candidates("The refund is on its way."), vec![1]);
        assert_eq!(ours.prefilter().candidates("We will REFUND you."), vec![0, 1]);
        assert_eq!(ours.matches("We will gladly refund you."), vec![0, 1]);
        // An alternation at the top has one group: the union of its branches' literals.
        assert_eq!(required_groups(&regex_syntax::parse(r"sorry now|apologize today").unwrap()).len(), 1);
    }

    #[test]
    fn candidates_skip_patterns_whose_literals_are_absent() {
        let ours = set(&[r"\bsorry\b", r"\btracking\s+number\b", r"\d{3,}", "спасибо|благодарим"]);
        assert_eq!(ours.prefilter().candidates("Here is the TRACKING number"), vec![1]);
        assert_eq!(ours.prefilter().candidates("Here is the TRACKING number: 1234"), vec![1, 2]);
        assert_eq!(ours.prefilter().candidates("Sorry — 1234"), vec![0, 2, 3]);
        assert_eq!(ours.prefilter().always_candidates(), 1);
    }

    #[test]
    fn a_scan_answers_for_any_range_like_matching_each_part_alone() {
        let patterns = [r"\bsorry\b", r"\btracking\s+number\b", r"\d{3,}", r"\bapolog", r"number"];
        let whole = set(&patterns);
        for text in ["Sorry, here is the tracking number 12345.", "We apologize.", "Nothing", "number 12"] {
            let scan = whole.scan(text);
            for (start, end) in [(0, 2), (2, 5), (0, 5), (1, 1), (4, 5)] {
                let alone = set(&patterns[start..end]);
                let expected: Vec<usize> = alone.matches(text).into_iter().map(|i| i + start).collect();
                assert_eq!(whole.matches_in(&scan, text, start..end).collect::<Vec<_>>(), expected, "{text:?} {start}..{end}");
                assert_eq!(whole.is_match_in(&scan, text, start..end), !expected.is_empty());
            }
        }
    }

    #[test]
    fn syntax_errors_name_the_pattern() {
        let err = PatternSet::new(&["fine", "(unclosed"], true).unwrap_err();
        assert_eq!(err.0, 1);
    }
}
