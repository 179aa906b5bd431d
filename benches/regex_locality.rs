//! What one regex call costs when many regexes take turns, as letterlint's cues and rules do:
//! the measurement behind "Where the time goes" in `docs/PERFORMANCE.md`.
//!
//! Run: `cargo bench --bench regex_locality`. Each row runs the same sentences through `n`
//! regexes of one cue's shape (each a distinct regex with its own caches), taking them in turn.
//! One regex stays in the CPU caches and answers in about 0.15 µs; with hundreds in turn each
//! call finds its regex cold and costs over ten times as much, whatever the sentence's length.
//! Without the regex crate's own literal prefilter (`Matcher`), a call costs a third as much with
//! 400 regexes in turn, and three quarters with 1,000.

use divan::{Bencher, black_box};
use letterlint::patterns::Matcher;
use regex::{Regex, RegexBuilder};

fn main() {
    divan::main();
}

const SENTENCES: [&str; 4] = [
    "We are sorry that the parcel from our supplier was late, the carrier lost it on the way.",
    "Please note that the team will check every order before it leaves the warehouse next week.",
    "Thank you for your patience and understanding while we look into this for you today.",
    "The factory in Shenzhen made a mistake with the size chart and we did not notice it.",
];

/// A part cue of `rules/lexicons/parts.toml`, as compiled.
const CUE: &str = r"(?-u:\b)(our|the)\s+((?-u:\w)+\s+)?(supplier|vendor|factory|warehouse|carrier|logistics|staff|team|system)s?(?-u:\b)[^.;]{0,40}?(?-u:\b)(did|failed|was|were|had|sent|shipped|lost|made|missed)(?-u:\b)";

fn regexes(n: usize) -> Vec<Regex> {
    (0..n).map(|i| RegexBuilder::new(&format!("{CUE}|zq{i}x")).case_insensitive(true).build().expect("the cue compiles")).collect()
}

/// Calls per iteration: 1,000, spread over `n` regexes taken in a scattered order.
#[divan::bench(args = [1, 10, 100, 400, 1000])]
fn calls_over_n_regexes(bencher: Bencher, n: usize) {
    let regexes = regexes(n);
    for (i, regex) in regexes.iter().enumerate() {
        regex.is_match(SENTENCES[i % SENTENCES.len()]);
    }
    bencher.bench(|| {
        let mut hits = 0;
        for i in 0..1000usize {
            if regexes[(i * 7919) % n].is_match(black_box(SENTENCES[i % SENTENCES.len()])) {
                hits += 1;
            }
        }
        hits
    });
}

/// The same, through `letterlint::patterns::Matcher`: the pattern without the regex crate's own
/// literal prefilter, as letterlint confirms the candidates its prefilters find.
#[divan::bench(args = [1, 10, 100, 400, 1000])]
fn calls_over_n_matchers(bencher: Bencher, n: usize) {
    let sources: Vec<String> = (0..n).map(|i| format!("{CUE}|zq{i}x")).collect();
    let matchers: Vec<Matcher> = (0..n).map(|_| Matcher::default()).collect();
    for i in 0..n {
        matchers[i].is_match(&sources[i], true, SENTENCES[i % SENTENCES.len()]);
    }
    bencher.bench(|| {
        let mut hits = 0;
        for i in 0..1000usize {
            let k = (i * 7919) % n;
            if matchers[k].is_match(&sources[k], true, black_box(SENTENCES[i % SENTENCES.len()])) {
                hits += 1;
            }
        }
        hits
    });
}
