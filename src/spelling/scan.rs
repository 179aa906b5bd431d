//! One pass over a letter's prose that finds misspelled, joined and split words.
//!
//! Each word of each of the writer's own blocks is classified once: skipped (digits, acronyms,
//! mixed case such as `ProductBoost`, URLs and e-mail addresses, non-Latin script, names from the
//! front matter and the user's dictionary, and by default unknown capitalised words, which are
//! nearly always names), known, or unknown. Then:
//! - two neighbours separated by one space whose concatenation is a word, with at least one of
//!   them not a word on its own, are a split word (`o vertime`, `guarante e`);
//! - an unknown word that is two words run together is a joined word (`cangive`);
//! - any other unknown word is a misspelling.
//!
//! A block whose words are mostly unknown is not English (a reply in Spanish, a pasted address)
//! and gives no finding; nor does a letter whose front matter declares another language.
//!
//! Invariant: finding spans are byte offsets into the plain text of their block
//! (`Block::prose.text`), on word boundaries, and no two findings overlap.

use std::cell::RefCell;
use std::hash::{BuildHasher, Hash, Hasher};
use std::rc::Rc;

use super::{FxBuild, dictionary_suggestions, is_known};
use crate::document::{Document, Span, sentences};

/// What the scan reports about a word or a pair of words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FindingKind {
    /// Not in the dictionary and not explained as a joined or split word.
    Misspelled,
    /// Two words written as one: the replacement has the space put back (`can give`).
    Joined { replacement: String },
    /// One word written as two: the replacement is the word (`overtime`).
    Split { replacement: String },
}

/// A finding of the scan, in the plain text of block `block`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub block: usize,
    pub span: Span,
    pub kind: FindingKind,
}

/// What a scan needs beyond the letter.
#[derive(Debug, Clone, Default)]
pub struct ScanOptions {
    /// Words never flagged (the user's dictionary), compared without regard to case.
    pub extra_words: Vec<String>,
    /// Also check unknown capitalised words (off: they are nearly always names).
    pub check_proper_nouns: bool,
}

/// The result of scanning a letter.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    pub findings: Vec<Finding>,
    /// True when the letter was not checked because it is not in English.
    pub not_english: bool,
    /// True when the scan is incomplete (only after `defer_loading`): the dictionaries are still
    /// loading (`findings` is then empty), or the words of `pending_words` were left out.
    pub pending: bool,
    /// Unknown words left out because their suggestions were not cached yet: whether each is a
    /// misspelling or a joined word, and the spelling fix, depend on them.
    pub pending_words: Vec<String>,
}

/// A block whose checked words are at least this share unknown is not English.
const FOREIGN_BLOCK_SHARE: f32 = 0.5;
/// A letter whose checked words are at least this share unknown is not English.
const FOREIGN_LETTER_SHARE: f32 = 0.45;
/// Two-letter words that may stand as a part of a joined word ("as|soon", "we|received").
const COMMON_TWO_LETTER: &[&str] = &[
    "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no",
    "of", "on", "or", "so", "to", "up", "us", "we",
];

/// Prefixes written with a hyphen before a word ("pre-sales", "non-delivery", "e-commerce").
const PREFIXES: &[&str] = &[
    "pre", "post", "non", "re", "co", "anti", "multi", "semi", "sub", "self", "e", "mis", "un",
    "over", "under", "cross", "inter", "intra", "mid", "mini", "ex", "de", "bi", "tri", "auto",
    "eco",
];

/// Dictionary words that, after another word, are nearly always the broken-off ending of a longer
/// word: "ship ping", "wai ting", "pack ing".
const BROKEN_ENDINGS: &[&str] = &[
    "ping", "ting", "ding", "ning", "ling", "ging", "king", "ing", "ed", "tion", "sion", "ment",
    "ness", "ly",
];

thread_local! {
    static LAST: RefCell<Option<(u64, Rc<Scan>)>> = const { RefCell::new(None) };
    /// The words left out by the incomplete scans on this thread since the last `take_incomplete`
    /// (`Some` of no words: the dictionaries were loading).
    static INCOMPLETE: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
}

/// `Some` when a scan on this thread since the last call was incomplete (`Scan::pending`), with
/// the words it left out for want of suggestions; resets. The language server calls it around a
/// lint to learn whether spelling findings were left out, and which words to compute.
pub fn take_incomplete() -> Option<Vec<String>> {
    INCOMPLETE.with(|incomplete| incomplete.borrow_mut().take())
}

fn note_incomplete(words: &[String]) {
    INCOMPLETE.with(|incomplete| {
        let mut incomplete = incomplete.borrow_mut();
        let noted = incomplete.get_or_insert_with(Vec::new);
        for word in words {
            if !noted.contains(word) {
                noted.push(word.clone());
            }
        }
    });
}

/// Scans `doc`, reusing the previous result on this thread when the text and options are the same
/// (the spelling, joined-word and split-word rules all read one scan). An incomplete scan (only
/// after `defer_loading`) is never reused.
pub fn scan(doc: &Document, options: &ScanOptions) -> Rc<Scan> {
    if !super::available() {
        // Not cached: the next lint, once the dictionaries are in, must scan.
        note_incomplete(&[]);
        return Rc::new(Scan {
            findings: Vec::new(),
            not_english: !declared_english(doc),
            pending: true,
            pending_words: Vec::new(),
        });
    }
    cached_scan(doc, options, super::deferred())
}

/// `scan` once the dictionaries are loaded. With `defer_suggestions`, a word whose suggestions are
/// not cached is left out and noted (`take_incomplete`), and the scan is not cached.
fn cached_scan(doc: &Document, options: &ScanOptions, defer_suggestions: bool) -> Rc<Scan> {
    let mut hasher = FxBuild::default().build_hasher();
    doc.text.hash(&mut hasher);
    options.extra_words.hash(&mut hasher);
    options.check_proper_nouns.hash(&mut hasher);
    let key = hasher.finish();
    if let Some(hit) = LAST.with(|last| {
        last.borrow()
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, scan)| scan.clone())
    }) {
        return hit;
    }
    let result = Rc::new(scan_with(doc, options, defer_suggestions));
    if result.pending {
        note_incomplete(&result.pending_words);
    } else {
        LAST.with(|last| *last.borrow_mut() = Some((key, result.clone())));
    }
    result
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Not checked: digits, acronyms, names, URLs...
    Skip,
    Known,
    Unknown,
    /// A single letter that is not a word by itself here (`o`, `e`), though the dictionary lists it.
    Fragment,
}

#[derive(Debug, Clone, Copy)]
struct Token {
    span: Span,
    state: State,
    /// Separated from the previous token by exactly one space (not a hyphen, a line or punctuation).
    spaced_from_previous: bool,
}

/// The front matter does not declare a language, or declares English.
fn declared_english(doc: &Document) -> bool {
    let declared = doc
        .front_matter
        .as_ref()
        .and_then(|f| f.language.as_deref())
        .unwrap_or("en");
    declared.trim().to_ascii_lowercase().starts_with("en")
}

/// Scans without the cache, computing every suggestion it needs.
#[cfg(test)]
pub fn scan_uncached(doc: &Document, options: &ScanOptions) -> Scan {
    scan_with(doc, options, false)
}

fn scan_with(doc: &Document, options: &ScanOptions, defer_suggestions: bool) -> Scan {
    if !declared_english(doc) {
        return Scan {
            not_english: true,
            ..Scan::default()
        };
    }
    let mut extra: Vec<String> = options
        .extra_words
        .iter()
        .map(|w| w.to_lowercase())
        .collect();
    if let Some(fm) = &doc.front_matter {
        for name in [&fm.customer, &fm.store, &fm.signer].into_iter().flatten() {
            extra.extend(
                sentences::words(name)
                    .iter()
                    .map(|w| name[w.span.range()].to_lowercase()),
            );
        }
    }
    let (mut checked, mut unknown) = (0usize, 0usize);
    let mut findings = Vec::new();
    let mut pending_words = Vec::new();
    let mut pending = defer_suggestions.then_some(&mut pending_words);
    for (block_idx, block) in doc.own_blocks() {
        let text = block.prose.text.as_str();
        let tokens = classify(text, &extra, options.check_proper_nouns);
        let block_checked = tokens
            .iter()
            .filter(|t| matches!(t.state, State::Known | State::Unknown))
            .count();
        let block_unknown = tokens.iter().filter(|t| t.state == State::Unknown).count();
        checked += block_checked;
        unknown += block_unknown;
        if block_checked >= 5 && block_unknown as f32 >= block_checked as f32 * FOREIGN_BLOCK_SHARE
        {
            continue;
        }
        find_in_block(block_idx, text, &tokens, &mut findings, pending.as_deref_mut());
    }
    if checked >= 12 && unknown as f32 >= checked as f32 * FOREIGN_LETTER_SHARE {
        return Scan {
            not_english: true,
            ..Scan::default()
        };
    }
    Scan {
        findings,
        not_english: false,
        pending: !pending_words.is_empty(),
        pending_words,
    }
}

/// Splits a block into tokens (hyphenated words into their pieces) and classifies each.
fn classify(text: &str, extra: &[String], check_proper_nouns: bool) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut previous_end: Option<usize> = None;
    for word in sentences::words(text) {
        let (start, end) = (word.span.start as usize, word.span.end as usize);
        let whole = &text[start..end];
        // A hyphenated word the dictionary knows as written or closed up ("e-mail") is right.
        let hyphen_ok =
            whole.contains('-') && (is_known(whole) || is_known(&whole.replace('-', "")));
        // A hyphenated word with digits is an identifier or a file name ("021-aliexpress-audit").
        let identifier = whole.contains('-') && whole.chars().any(|c| c.is_ascii_digit());
        let mut piece_start = start;
        for (i, piece) in whole.split('-').enumerate() {
            let span = Span::new(piece_start, piece_start + piece.len());
            let spaced = previous_end.is_some_and(|e| &text[e..piece_start] == " ");
            let prefix = i == 0
                && whole.contains('-')
                && PREFIXES.iter().any(|p| p.eq_ignore_ascii_case(piece));
            let state = if piece.is_empty() || identifier {
                State::Skip
            } else if hyphen_ok || prefix {
                State::Known
            } else {
                classify_word(text, span, extra, check_proper_nouns)
            };
            tokens.push(Token {
                span,
                state,
                spaced_from_previous: spaced,
            });
            previous_end = Some(span.end as usize);
            piece_start += piece.len() + 1;
        }
    }
    tokens
}

fn classify_word(text: &str, span: Span, extra: &[String], check_proper_nouns: bool) -> State {
    let word = &text[span.range()];
    let mut letters = 0usize;
    let mut upper_inside = false;
    for (i, c) in word.char_indices() {
        if c.is_ascii_alphabetic() {
            letters += 1;
            upper_inside |= i > 0 && c.is_ascii_uppercase();
        } else if c != '\'' && c != '’' {
            // Digits (order ids, sizes), accented or non-Latin letters (names, other scripts).
            return State::Skip;
        }
    }
    if letters < 2 {
        // A lone lower-case letter other than `a` is a piece of a word; a capital is an initial.
        return if letters == 1 && word != "a" && word.starts_with(|c: char| c.is_ascii_lowercase())
        {
            State::Fragment
        } else {
            State::Skip
        };
    }
    // Acronyms (`SKU`, `FBW`) and mixed case (`ProductBoost`, `iPhone`) are names, not words.
    if upper_inside {
        return State::Skip;
    }
    if !extra.is_empty() && extra.iter().any(|e| e.eq_ignore_ascii_case(word)) {
        return State::Skip;
    }
    if is_known(word) {
        return State::Known;
    }
    let base = word.trim_end_matches("'s").trim_end_matches("’s");
    if base.len() < word.len()
        && (is_known(base) || extra.iter().any(|e| e.eq_ignore_ascii_case(base)))
    {
        return State::Known;
    }
    // Only unknown words pay for the context checks below.
    if in_link_or_address(text, span) {
        return State::Skip;
    }
    // An unknown capitalised word is nearly always a name (people, stores, carriers, places), at
    // the start of a sentence as much as inside one ("Zhou will call you", "Greenpeak Team").
    let capitalised = word.starts_with(|c: char| c.is_ascii_uppercase());
    if capitalised && !check_proper_nouns {
        return State::Skip;
    }
    State::Unknown
}

/// True when the word is part of a URL, a domain or an e-mail address.
pub(crate) fn in_link_or_address(text: &str, span: Span) -> bool {
    let start = text[..span.start as usize]
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + 1);
    let end = text[span.end as usize..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| span.end as usize + i);
    let token = text[start..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"', '\'']);
    if token.contains("://")
        || token.contains(['@', '/', '_', '=', '#', '&', '\\'])
        || token.starts_with("www.")
    {
        return true;
    }
    // A domain: a dot between letters, as in `brightleaf.shop`.
    token
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_alphanumeric() && w[1] == b'.' && w[2].is_ascii_alphabetic())
}

/// With `pending` (deferred suggestions), an unknown word whose suggestions are not cached gives no
/// finding and is pushed to `pending` instead: both its kind (`split_joined`) and the spelling
/// rule's fix depend on them. Split words need no suggestions.
fn find_in_block(
    block: usize,
    text: &str,
    tokens: &[Token],
    out: &mut Vec<Finding>,
    mut pending: Option<&mut Vec<String>>,
) {
    let mut used = vec![false; tokens.len()];
    // Split words first: their pieces would otherwise be misspellings.
    for i in 1..tokens.len() {
        let (a, b) = (tokens[i - 1], tokens[i]);
        if used[i - 1]
            || !b.spaced_from_previous
            || a.state == State::Skip
            || b.state == State::Skip
        {
            continue;
        }
        // One piece must be unknown, or a word ending broken off ("ship ping"): a lone letter beside
        // a word ("option c are") is not enough, nor are two words ("any way").
        let ending = BROKEN_ENDINGS
            .iter()
            .any(|e| e.eq_ignore_ascii_case(&text[b.span.range()]));
        if a.state != State::Unknown
            && b.state != State::Unknown
            && !(ending && a.state == State::Known)
        {
            continue;
        }
        let joined = format!("{}{}", &text[a.span.range()], &text[b.span.range()]);
        if joined.len() >= 4 && is_known(&joined) {
            used[i - 1] = true;
            used[i] = true;
            out.push(Finding {
                block,
                span: a.span.cover(b.span),
                kind: FindingKind::Split {
                    replacement: joined,
                },
            });
        }
    }
    for (i, token) in tokens.iter().enumerate() {
        if used[i] || token.state != State::Unknown {
            continue;
        }
        let word = &text[token.span.range()];
        if let Some(pending) = pending.as_deref_mut() {
            if !super::suggestions_cached(word) {
                if !pending.iter().any(|w| w == word) {
                    pending.push(word.to_string());
                }
                continue;
            }
        }
        let kind = match split_joined(word) {
            Some((left, right)) => FindingKind::Joined {
                replacement: format!("{left} {right}"),
            },
            None => FindingKind::Misspelled,
        };
        out.push(Finding {
            block,
            span: token.span,
            kind,
        });
    }
    out.sort_by_key(|f| (f.block, f.span.start));
}

/// A word part that may stand on its own in a joined word.
fn is_part(part: &str, first: bool) -> bool {
    match part.len() {
        0 => false,
        1 => first && matches!(part, "a" | "A" | "I"),
        2 => COMMON_TWO_LETTER
            .iter()
            .any(|w| w.eq_ignore_ascii_case(part)),
        _ => is_known(part),
    }
}

/// When `word` (unknown) is two words run together, the two words. A split is accepted only when
/// both parts are words (short parts only from a list of common ones) and it is the dictionary's
/// own best suggestion for the word: "tommorow" is "tomorrow" misspelled, not "tom morrow".
pub fn split_joined(word: &str) -> Option<(&str, &str)> {
    if word.len() < 4 || !word.is_ascii() || word.contains(['\'', '’']) {
        return None;
    }
    // A plural of a word that takes none ("informations", "equipments") is not two words run
    // together ("in formations"): it stays a misspelling, and phrasing rules explain it.
    if let Some(singular) = word.strip_suffix('s').filter(|w| w.len() >= 4) {
        if is_known(singular) {
            return None;
        }
    }
    let candidates: Vec<(&str, &str)> = (1..word.len())
        .map(|i| word.split_at(i))
        .filter(|(left, right)| {
            !right.starts_with(|c: char| c.is_ascii_uppercase())
                && is_part(left, true)
                && is_part(right, false)
        })
        .collect();
    if candidates.is_empty() {
        return None;
    }
    // The dictionary's best correction decides: "wereally" is "we really", not "were ally", and
    // "carefull" is "careful", not "care full".
    let suggestions = dictionary_suggestions(word);
    let is_split = |s: &str, (left, right): (&str, &str)| {
        s.len() == left.len() + right.len() + 1
            && s[..left.len()].eq_ignore_ascii_case(left)
            && s[left.len() + 1..].eq_ignore_ascii_case(right)
    };
    let best = suggestions.first()?;
    if let Some(found) = candidates.iter().find(|c| is_split(best, **c)) {
        return Some(*found);
    }
    // A two-letter function word glued to the next word ("assoon") is a joined word even when the
    // dictionary ranks a one-word guess first ("bassoon"), as long as it offers the split too.
    candidates
        .into_iter()
        .find(|c| c.0.len() == 2 && suggestions.iter().any(|s| is_split(s, *c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(text: &str) -> Vec<(String, FindingKind)> {
        findings_with(text, &ScanOptions::default())
    }

    fn findings_with(text: &str, options: &ScanOptions) -> Vec<(String, FindingKind)> {
        let doc = Document::parse(text);
        let scan = scan_uncached(&doc, options);
        scan.findings
            .iter()
            .map(|f| {
                (
                    doc.blocks[f.block].prose.text[f.span.range()].to_string(),
                    f.kind.clone(),
                )
            })
            .collect()
    }

    fn joined(r: &str) -> FindingKind {
        FindingKind::Joined {
            replacement: r.into(),
        }
    }

    fn split(r: &str) -> FindingKind {
        FindingKind::Split {
            replacement: r.into(),
        }
    }

    #[test]
    fn finds_misspellings() {
        assert_eq!(
            findings("We will recieve the parcel tomorow."),
            [
                ("recieve".to_string(), FindingKind::Misspelled),
                ("tomorow".to_string(), FindingKind::Misspelled)
            ]
        );
    }

    #[test]
    fn skips_ids_urls_addresses_acronyms_and_names() {
        let text = "Order 5f1a2b3c was shipped by YunExpress with LX123456789CN; see https://track.example.com/abcdefq \
                    or www.brightleaf.shop, write to care@brightleaf.shop about the SKU XJQ and ask Marek Wojcik.";
        assert_eq!(findings(text), []);
        assert_eq!(
            findings("See the file 2024-aliexpress-qwixel-audit for details."),
            []
        );
        assert_eq!(
            findings(
                "Our pre-sales and non-delivery teams answer in the e-mail; set lang=ge in the form."
            ),
            []
        );
    }

    #[test]
    fn skips_front_matter_names_and_user_words() {
        let text = "---\ncustomer: Zyxo\nstore: Qwenshop\n---\nzyxo, thank you for buying at qwenshop and lumora.";
        let options = ScanOptions {
            extra_words: vec!["Lumora".into()],
            ..ScanOptions::default()
        };
        assert_eq!(findings_with(text, &options), []);
    }

    #[test]
    fn capitalised_unknown_words_are_names_unless_asked() {
        let text = "We sent it with Zorblat yesterday.";
        assert_eq!(findings(text), []);
        let options = ScanOptions {
            check_proper_nouns: true,
            ..ScanOptions::default()
        };
        assert_eq!(
            findings_with(text, &options),
            [("Zorblat".to_string(), FindingKind::Misspelled)]
        );
        // At the start of a sentence too: names open sentences and sign-offs ("Zorblat Team").
        assert_eq!(findings("Zorblat Team"), []);
    }

    #[test]
    fn finds_joined_words() {
        assert_eq!(
            findings("We cangive you a refund and wereceived it nextyear."),
            [
                ("cangive".to_string(), joined("can give")),
                ("wereceived".to_string(), joined("we received")),
                ("nextyear".to_string(), joined("next year")),
            ]
        );
    }

    #[test]
    fn a_wrong_plural_is_not_two_words() {
        let found = findings("We sent all the informations and equipments.");
        assert!(found.iter().all(|(_, kind)| *kind == FindingKind::Misspelled), "{found:?}");
    }

    #[test]
    fn a_misspelling_that_splits_into_words_is_not_joined() {
        assert_eq!(split_joined("tommorow"), None);
        assert_eq!(split_joined("carefull"), None);
        assert_eq!(split_joined("wereally"), Some(("we", "really")));
        assert_eq!(split_joined("assoon"), Some(("as", "soon")));
        assert_eq!(split_joined("foryou"), Some(("for", "you")));
    }

    #[test]
    fn finds_split_words() {
        assert_eq!(
            findings("We are ship ping it."),
            [("ship ping".to_string(), split("shipping"))]
        );
        assert_eq!(
            findings("Staff worked o vertime to send the guarante e card after the de lay."),
            [
                ("o vertime".to_string(), split("overtime")),
                ("guarante e".to_string(), split("guarantee")),
                ("de lay".to_string(), split("delay")),
            ]
        );
    }

    #[test]
    fn two_real_words_are_not_split() {
        assert_eq!(
            findings("Any way you choose, we will set a part aside for every day of delay."),
            []
        );
        assert_eq!(findings("Plan B and option c are both fine."), []);
    }

    /// Deferred suggestions (the language server): a word whose suggestions are not cached is left
    /// out and noted, nothing is computed on the way, and the incomplete scan is not cached; once
    /// the noted words are computed the scan is the one `check` makes, and is cached.
    #[test]
    fn deferred_suggestions_leave_the_word_out_and_do_not_cache_the_scan() {
        // Words no other test uses, so their suggestions are not cached.
        let text = "We will shipp it with a frambulizing label and you gotit on time.";
        let doc = Document::parse(text);
        let options = ScanOptions::default();
        let words = ["frambulizing", "gotit"];
        let last_key = || LAST.with(|last| last.borrow().as_ref().map(|(_, scan)| scan.clone()));
        let _ = take_incomplete();
        let deferred = cached_scan(&doc, &options, true);
        assert!(deferred.pending);
        assert_eq!(take_incomplete().as_ref(), Some(&deferred.pending_words));
        let left_out: Vec<&str> = deferred.pending_words.iter().map(String::as_str).collect();
        for word in words {
            assert!(left_out.contains(&word), "{word} in {left_out:?}");
            assert!(!crate::spelling::suggestions_cached(word), "no suggestion computed for {word}");
        }
        let reported: Vec<&str> = deferred.findings.iter().map(|f| &doc.blocks[f.block].prose.text[f.span.range()]).collect();
        assert!(!reported.iter().any(|w| words.contains(w)), "{reported:?}");
        assert!(last_key().is_none_or(|scan| !Rc::ptr_eq(&scan, &deferred)), "an incomplete scan is not cached");

        assert!(crate::spelling::compute_suggestions(&deferred.pending_words) >= words.len());
        let complete = cached_scan(&doc, &options, true);
        assert!(!complete.pending && take_incomplete().is_none());
        assert_eq!(complete.findings, scan_uncached(&doc, &options).findings);
        assert!(complete.findings.len() > deferred.findings.len());
        assert!(last_key().is_some_and(|scan| Rc::ptr_eq(&scan, &complete)), "a complete scan is cached");
    }

    #[test]
    fn other_languages_are_not_checked() {
        assert!(findings("---\nlanguage: es\n---\nHola, gracias por su compra.").is_empty());
        let spanish = "Hola Maria, muchas gracias por su compra. Lamentamos mucho el retraso del paquete, \
                       ya hemos contactado con la empresa de transporte y le enviaremos el numero de seguimiento.";
        assert_eq!(findings(spanish), []);
    }
}
