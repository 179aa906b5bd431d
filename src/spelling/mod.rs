//! Spelling: the en_US and en_GB Hunspell dictionaries (SCOWL size 60, from the `dictionary-en`
//! and `dictionary-en-gb` packages, shipped in `dictionaries/` with their licences) read by
//! `spellbook`, plus the letterlint term list. A word is spelled right when either dictionary
//! accepts it: sellers write British and American English, and both are correct.
//!
//! - `is_known` answers "is this word spelled right?" through a per-thread cache, so a word is
//!   looked up in the dictionary once per thread whatever the number of letters.
//! - `suggest` is slow (tens of milliseconds): call it only for words that are flagged. In the
//!   language server (`defer_loading`) a scan leaves out the words whose suggestions are not cached
//!   yet and reports them (`take_incomplete`); the server computes them off the lint path
//!   (`compute_suggestions`) and lints again.
//! - `scan` finds misspelled, joined ("cangive") and split ("o vertime") words in a letter; the three
//!   `text/` rules share one scan per letter.
//! - `grammar` wraps harper-core, loaded only when grammar checking is turned on.
//!
//! Invariant: the dictionary is built once, lazily, from text embedded in the binary; every
//! function here is pure apart from caches that never change an answer.

pub mod grammar;
pub(crate) mod scan;
pub mod spanish;

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{LazyLock, Mutex};

use spellbook::Dictionary;

pub use scan::{Finding, FindingKind, Scan, ScanOptions, scan, take_incomplete};

const AFF: &str = include_str!("../../dictionaries/en_US.aff");
const DIC: &str = include_str!("../../dictionaries/en_US.dic");
const GB_AFF: &str = include_str!("../../dictionaries/en_GB.aff");
const GB_DIC: &str = include_str!("../../dictionaries/en_GB.dic");
const TERMS: &str = include_str!("../../dictionaries/terms.txt");

// The dictionaries hash with a fixed hasher (`FxBuild`), not spellbook's default random one: the
// order of its word tables decides ties between suggestions, so a random seed made the fixes
// offered for a misspelling (`untill` -> `until`, `untimely`) differ from one run to the next.
static DICTIONARY: LazyLock<Dictionary<FxBuild>> = LazyLock::new(|| {
    let mut dictionary = Dictionary::new_with_hasher(AFF, DIC, FxBuild::default()).expect("the embedded en_US dictionary parses");
    for term in terms() {
        // A term is a plain word without affix flags, so adding it cannot fail.
        let _ = dictionary.add(term);
    }
    dictionary
});

/// British spellings (`colour`, `apologise`, `cancelled`), consulted only for words en_US rejects.
///
/// The two dictionaries share their affix file and all but about 1,300 of their 49,600 stems, so
/// this one holds only the en_GB stems en_US does not list as they are (`british_only_dic`): it
/// accepts every word en_GB accepts that en_US rejects, for a tenth of the memory and load time.
static BRITISH: LazyLock<Dictionary<FxBuild>> = LazyLock::new(|| {
    Dictionary::new_with_hasher(GB_AFF, &british_only_dic(), FxBuild::default()).expect("the embedded en_GB dictionary parses")
});

/// The `.dic` text of the en_GB stems that are not, with the same affix flags, en_US stems, plus
/// the numerals (`1/n1`, `1st/p`), which only make words in compounds with each other.
fn british_only_dic() -> String {
    debug_assert_eq!(AFF, GB_AFF, "the British stems are read with the American affix rules");
    let american: std::collections::HashSet<&str, FxBuild> = DIC.lines().skip(1).collect();
    let british: Vec<&str> = GB_DIC
        .lines()
        .skip(1)
        .filter(|line| !american.contains(line) || line.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    let mut dic = format!("{}\n", british.len());
    for line in british {
        dic.push_str(line);
        dic.push('\n');
    }
    dic
}

/// Set by the language server (`defer_loading`): spelling is not checked until the dictionaries
/// are loaded, instead of waiting for them.
static DEFERRED: AtomicBool = AtomicBool::new(false);
/// Both English dictionaries are built.
static READY: AtomicBool = AtomicBool::new(false);

/// Builds both English dictionaries now (or waits for the thread that is building them).
pub fn load() {
    // The protocol tests' stand-in for a slow disk or a busy machine (debug builds only):
    // `LETTERLINT_DEBUG_SLOW_DICTIONARIES=MS` holds the dictionaries back for MS milliseconds.
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("LETTERLINT_DEBUG_SLOW_DICTIONARIES").ok().and_then(|v| v.parse().ok()) {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
    LazyLock::force(&DICTIONARY);
    LazyLock::force(&BRITISH);
    READY.store(true, Ordering::SeqCst);
}

/// Starts building both dictionaries on a background thread, so that they load while the caller
/// compiles the rules and reads the letters (start-up of `check` and the language server). A
/// lint that needs a dictionary before it is ready waits for it, unless `defer_loading` was
/// called.
pub fn warm_up() {
    let _ = std::thread::Builder::new().name("letterlint-dictionaries".into()).spawn(load);
}

/// From now on, a letter linted before the English dictionaries are loaded (`load`) gets no
/// spelling, joined-word or split-word findings instead of waiting for them (and a Spanish letter
/// none from the Spanish dictionary until `spanish::load`). The language server calls this at
/// start-up, publishes the other diagnostics at once, and lints again when the dictionaries are in.
pub fn defer_loading() {
    DEFERRED.store(true, Ordering::SeqCst);
}

/// True when spelling is checked now: the dictionaries are loaded, or loading is not deferred
/// (a check then waits for them).
pub fn available() -> bool {
    !DEFERRED.load(Ordering::SeqCst) || READY.load(Ordering::SeqCst)
}

/// The words of `dictionaries/terms.txt`: platform names, carriers, trade words.
pub fn terms() -> impl Iterator<Item = &'static str> {
    TERMS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The shared (en_US) dictionary, built on first use (about 15 ms in a release build); it gives
/// the suggestions.
pub fn dictionary() -> &'static Dictionary<FxBuild> {
    &DICTIONARY
}

/// A small, fast hash (FxHash) for short keys such as words; not resistant to chosen inputs, which
/// does not matter for a cache of the writer's own words.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
            self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
        }
        for &byte in chunks.remainder() {
            self.hash = (self.hash.rotate_left(5) ^ byte as u64).wrapping_mul(SEED);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.hash = (self.hash.rotate_left(5) ^ i as u64).wrapping_mul(SEED);
    }

    fn write_usize(&mut self, i: usize) {
        self.hash = (self.hash.rotate_left(5) ^ i as u64).wrapping_mul(SEED);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Build hasher for `FxHasher`.
pub type FxBuild = BuildHasherDefault<FxHasher>;

/// The most words the per-thread cache holds before it starts again.
const CACHE_LIMIT: usize = 200_000;

thread_local! {
    static KNOWN: RefCell<HashMap<Box<str>, bool, FxBuild>> = RefCell::new(HashMap::default());
}

/// True when the en_US dictionary (with the term list) or the en_GB one accepts `word` as written. Case follows Hunspell:
/// `Hello` and `HELLO` are accepted when `hello` is, `paypal` is not accepted for `PayPal`.
pub fn is_known(word: &str) -> bool {
    KNOWN.with(|cache| {
        if let Some(&known) = cache.borrow().get(word) {
            return known;
        }
        let known = dictionary().check(word) || BRITISH.check(word);
        let mut cache = cache.borrow_mut();
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(word.into(), known);
        known
    })
}

static SUGGESTIONS: LazyLock<Mutex<HashMap<String, Vec<String>>>> = LazyLock::new(Default::default);

/// True when the language server asked for deferred work (`defer_loading`): a scan then leaves out
/// the words whose suggestions are not cached instead of computing them.
pub(crate) fn deferred() -> bool {
    DEFERRED.load(Ordering::SeqCst)
}

/// The suggestions of `word` are in the cache (`dictionary_suggestions` costs nothing for it).
pub fn suggestions_cached(word: &str) -> bool {
    SUGGESTIONS.lock().unwrap_or_else(std::sync::PoisonError::into_inner).contains_key(word)
}

/// Computes and caches the suggestions of the words deferred scans left out (the language server
/// runs this on a blocking thread, then lints the pending letters again). Returns how many it
/// computed (words already cached cost nothing).
pub fn compute_suggestions(words: &[String]) -> usize {
    let mut computed = 0;
    for word in words {
        if !suggestions_cached(word) {
            let _ = dictionary_suggestions(word);
            computed += 1;
        }
    }
    computed
}

/// The dictionary's own suggestions for a word, in its order (cached). Costs tens of milliseconds
/// on a miss.
pub fn dictionary_suggestions(word: &str) -> Vec<String> {
    if let Some(hit) = SUGGESTIONS.lock().expect("suggestion cache").get(word) {
        return hit.clone();
    }
    let mut found = Vec::new();
    dictionary().suggest(word, &mut found);
    let mut cache = SUGGESTIONS.lock().expect("suggestion cache");
    if cache.len() >= 10_000 {
        cache.clear();
    }
    cache.insert(word.to_string(), found.clone());
    found
}

/// Up to three corrections for a misspelled word, best first. Costs tens of milliseconds the
/// first time a word is seen: call it only for words that are flagged (in the language server,
/// when a code action asks for them).
pub fn suggest(word: &str) -> Vec<String> {
    let mut found = Vec::new();
    // A platform term written in the wrong case ("paypal", "Aliexpress").
    found.extend(
        terms()
            .filter(|t| t.eq_ignore_ascii_case(word) && *t != word)
            .map(str::to_string),
    );
    // A contraction without its apostrophe ("dont", "didnt") is best corrected by putting it back.
    if let Some(stem) = word.strip_suffix("nt").filter(|s| s.len() >= 2) {
        let contraction = format!("{stem}n't");
        if is_known(&contraction) {
            found.push(contraction);
        }
    }
    let mut from_dictionary = dictionary_suggestions(word);
    // Writers rarely get the first letter wrong, and a misspelled word is rarely two words:
    // "adress" is "address" before "dress" or "a dress".
    let first = word.chars().next().map(|c| c.to_ascii_lowercase());
    from_dictionary.sort_by_key(|s| {
        (
            s.chars().next().map(|c| c.to_ascii_lowercase()) != first,
            s.contains([' ', '-']),
        )
    });
    found.extend(from_dictionary);
    found.retain(|s| s != word);
    found.dedup();
    found.truncate(3);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionary_knows_words_and_terms() {
        for word in [
            "receive",
            "Received",
            "didn't",
            "didn’t",
            "AliExpress",
            "ProductBoost",
            "SKU",
            "eBay",
            "refunds",
            "colour",
            "apologise",
            "cancelled",
        ] {
            assert!(is_known(word), "{word}");
        }
        for word in ["recieve", "vertime", "guarante", "cangive", "foryou"] {
            assert!(!is_known(word), "{word}");
        }
    }

    /// `BRITISH` holds only the stems en_GB adds; en_US or it must accept exactly what en_US or
    /// the whole en_GB dictionary accepts. Checked on the stems of the lines they do not share, a sample of the others, and common
    /// affixed forms of each.
    #[test]
    fn british_only_stems_accept_what_the_whole_british_dictionary_adds() {
        let whole = Dictionary::new_with_hasher(GB_AFF, GB_DIC, FxBuild::default()).unwrap();
        // The stems of the lines the two dictionaries do not share, and every 25th of the others.
        let american: std::collections::HashSet<&str> = DIC.lines().skip(1).collect();
        let british: std::collections::HashSet<&str> = GB_DIC.lines().skip(1).collect();
        let stems = DIC.lines().chain(GB_DIC.lines()).skip(1).enumerate()
            .filter(|(i, l)| i % 25 == 0 || !american.contains(l) || !british.contains(l))
            .map(|(_, l)| l.split('/').next().unwrap());
        let mut checked = 0;
        for stem in stems {
            for word in [stem.to_string(), format!("{stem}s"), format!("{stem}ed"), format!("{stem}d"), format!("{stem}ing"), format!("{stem}er"), format!("{stem}'s"), format!("re{stem}"), format!("un{stem}")] {
                let before = dictionary().check(&word) || whole.check(&word);
                let after = dictionary().check(&word) || BRITISH.check(&word);
                assert_eq!(before, after, "{word}");
                checked += 1;
            }
        }
        assert!(checked > 40_000, "{checked}");
        for word in ["colour", "apologised", "cancelled", "organisation", "21st", "112th", "3rd"] {
            assert!(is_known(word), "{word}");
        }
    }

    #[test]
    fn suggestions_put_the_likely_word_first() {
        assert_eq!(
            suggest("recieve").first().map(String::as_str),
            Some("receive")
        );
        assert_eq!(suggest("dont").first().map(String::as_str), Some("don't"));
        assert_eq!(
            suggest("paypal").first().map(String::as_str),
            Some("PayPal")
        );
        assert_eq!(
            suggest("adress").first().map(String::as_str),
            Some("address")
        );
    }
}
