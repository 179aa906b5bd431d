//! In-process benchmarks (divan): parse, part recognition, all default rules, and safe fixes, on
//! letters of about 2 KB, 50 KB and 1 MB.
//!
//! Run: `cargo bench --bench lint` (add `-- check` to run one group, `--sample-count 10` to be
//! quicker). The 2 KB and 50 KB letters are `benches/data/`, made with
//! `../shared/bench/gen_corpus.py --single-size 2048` and `--single-size 51200`; the 1 MB letter is
//! built here from the 50 KB one (its body repeated), so the benchmarks need nothing outside the
//! repository. Throughput is printed in bytes per second: compare the rows to check that the cost
//! is linear in the input (1 MB should cost about 500 times 2 KB).

use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use letterlint::document::Document;
use letterlint::letter::{Hints, Letter};
use letterlint::rules::{Registry, Settings};

fn main() {
    divan::main();
}

const SIZES: &[&str] = &["2k", "50k", "1m"];

static LETTER_2K: &str = include_str!("data/letter-2k.md");
static LETTER_50K: &str = include_str!("data/letter-50k.md");

/// About 1 MB: the 50 KB letter, then its body (from the first `##` section) repeated.
static LETTER_1M: LazyLock<String> = LazyLock::new(|| {
    let body = LETTER_50K.find("\n## ").map_or(LETTER_50K, |i| &LETTER_50K[i + 1..]);
    let mut text = String::from(LETTER_50K);
    while text.len() < 1 << 20 {
        text.push('\n');
        text.push_str(body);
    }
    text
});

static REGISTRY: LazyLock<Registry> = LazyLock::new(|| Registry::builtin().expect("built-in rules load"));

fn input(size: &str) -> &'static str {
    match size {
        "2k" => LETTER_2K,
        "50k" => LETTER_50K,
        "1m" => LETTER_1M.as_str(),
        _ => unreachable!("unknown size {size}"),
    }
}

fn settings() -> Settings {
    Settings { locale: "en".into(), now: Some("2026-12-01T00:00:00Z".parse().expect("a timestamp")), ..Settings::default() }
}

/// Markdown, front matter, blocks, sentences and words.
#[divan::bench(args = SIZES)]
fn parse(bencher: Bencher, size: &str) {
    let text = input(size);
    bencher.counter(BytesCount::of_str(text)).bench(|| Document::parse(black_box(text)));
}

/// Kind, platform and parts, on a parsed document.
#[divan::bench(args = SIZES)]
fn parts(bencher: Bencher, size: &str) {
    let text = input(size);
    let doc = Document::parse(text);
    bencher
        .counter(BytesCount::of_str(text))
        .with_inputs(|| doc.clone())
        .bench_values(|doc| Letter::new(doc, &Hints::default()));
}

/// Every default rule (grammar is opt-in and off), on a recognised letter.
#[divan::bench(args = SIZES)]
fn rules(bencher: Bencher, size: &str) {
    let text = input(size);
    let registry = &*REGISTRY;
    let settings = settings();
    let letter = Letter::parse(text, &Hints::default());
    letterlint::rules::check(registry, &letter, &settings);
    bencher.counter(BytesCount::of_str(text)).bench(|| letterlint::rules::check(registry, black_box(&letter), &settings));
}

/// Parse, recognise and check: what `check` does per file.
#[divan::bench(args = SIZES)]
fn lint(bencher: Bencher, size: &str) {
    let text = input(size);
    let registry = &*REGISTRY;
    let settings = settings();
    bencher.counter(BytesCount::of_str(text)).bench(|| letterlint::lint(registry, black_box(text), &Hints::default(), &settings));
}

/// Safe fixes applied until stable (re-linting after each pass): what `check --fix` does per file.
#[divan::bench(args = SIZES, sample_count = 10)]
fn fixes(bencher: Bencher, size: &str) {
    let text = input(size);
    let registry = &*REGISTRY;
    let settings = settings();
    bencher.counter(BytesCount::of_str(text)).bench(|| letterlint::fix_text(registry, black_box(text), &Hints::default(), &settings, false));
}
