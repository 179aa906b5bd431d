//! Spanish spelling, for replies written in the buyer's language: the es_ES Hunspell dictionary
//! of the RLA-ES project (from the `dictionary-es` package, shipped in `dictionaries/` with its
//! licence, used under MPL-1.1), read by `spellbook`. It is built only when a Spanish letter is
//! checked.
//!
//! Sellers writing Spanish most often drop the accents (`dias`, `mas rapido`, `esta hecho`); the
//! dictionary knows the accented forms and suggests them.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicBool, Ordering};

use spellbook::Dictionary;

use crate::document::{Document, Span};

const AFF: &str = include_str!("../../dictionaries/es.aff");
const DIC: &str = include_str!("../../dictionaries/es.dic");

/// Built with the fixed hasher, so that ties between suggestions break the same way every run.
static SPANISH: LazyLock<Dictionary<super::FxBuild>> = LazyLock::new(|| {
    Dictionary::new_with_hasher(AFF, DIC, super::FxBuild::default()).expect("the embedded es dictionary parses")
});

/// The Spanish dictionary is built.
static READY: AtomicBool = AtomicBool::new(false);

/// Builds the Spanish dictionary now (or waits for the thread that is building it).
pub fn load() {
    LazyLock::force(&SPANISH);
    READY.store(true, Ordering::SeqCst);
}

/// True when Spanish spelling is checked now: the English and Spanish dictionaries are loaded,
/// or loading is not deferred (`super::defer_loading`; a check then waits for them).
pub fn available() -> bool {
    super::available() && (!super::DEFERRED.load(Ordering::SeqCst) || READY.load(Ordering::SeqCst))
}

/// One unknown word: the block and its span in the block's plain text.
pub struct Misspelling {
    pub block: usize,
    pub span: Span,
}

/// The words of the writer's own prose the Spanish dictionary does not know. Only lower-case
/// words are read: capitalised ones are mostly names, and acronyms, numbers, ids, links and the
/// words in `extra` (the user's dictionary) or in the English dictionary are never misspellings.
///
/// Empty while the dictionaries are loading after `super::defer_loading` (see `available`).
pub fn misspellings(doc: &Document, extra: &[String]) -> Vec<Misspelling> {
    let mut found = Vec::new();
    if !available() {
        return found;
    }
    for (block, b) in doc.own_blocks() {
        let text = b.prose.text.as_str();
        for word in &b.words {
            let w = &text[word.span.range()];
            for (offset, piece) in pieces(w) {
                if !piece.chars().all(|c| c.is_alphabetic() && c.is_lowercase()) || piece.chars().count() < 2 {
                    continue;
                }
                // Platform terms are in the English dictionary, so `is_known` below covers them.
                if extra.iter().any(|e| e.eq_ignore_ascii_case(piece)) || super::scan::in_link_or_address(text, word.span) {
                    continue;
                }
                // An English word in a Spanish letter (a product name, a quoted phrase, a line
                // a fix inserted) is left to the writer, not "corrected" into Spanish.
                if !SPANISH.check(piece) && !with_enclitic(piece) && !super::is_known(piece) {
                    let start = word.span.start as usize + offset;
                    found.push(Misspelling { block, span: Span::new(start, start + piece.len()) });
                }
            }
        }
    }
    found
}

/// An imperative or infinitive with pronouns attached (`añádalo`, `envíenoslo`), which the
/// dictionary does not list: known when the verb without them (and without the accent the
/// pronouns added) is.
fn with_enclitic(word: &str) -> bool {
    const PRONOUNS: &[&str] = &["selo", "sela", "selos", "selas", "noslo", "nosla", "melo", "mela", "lo", "la", "le", "los", "las", "les", "me", "te", "se", "nos"];
    PRONOUNS.iter().any(|p| {
        word.strip_suffix(p).is_some_and(|stem| {
            stem.chars().count() >= 3 && {
                let plain: String = stem.chars().map(unaccent).collect();
                SPANISH.check(stem) || SPANISH.check(&plain)
            }
        })
    })
}

fn unaccent(c: char) -> char {
    match c {
        'á' => 'a',
        'é' => 'e',
        'í' => 'i',
        'ó' => 'o',
        'ú' => 'u',
        _ => c,
    }
}

/// The pieces of a hyphenated word, with their byte offsets in it.
fn pieces(word: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    word.split('-').map(move |piece| {
        let at = offset;
        offset += piece.len() + 1;
        (at, piece)
    })
}

/// The dictionary's suggestions for a flagged word, best first.
pub fn suggest(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    SPANISH.suggest(word, &mut out);
    out.truncate(3);
    out
}

#[cfg(test)]
mod tests {
    use crate::document::Document;

    fn unknown(text: &str) -> Vec<String> {
        let doc = Document::parse(text);
        super::misspellings(&doc, &[])
            .iter()
            .map(|m| doc.blocks[m.block].prose.text[m.span.range()].to_string())
            .collect()
    }

    #[test]
    fn accents_left_out_are_found_and_suggested() {
        assert_eq!(unknown("Espera 3-20 dias laborables, por favor."), ["dias"]);
        assert!(super::suggest("dias").contains(&"días".to_string()));
        assert!(unknown("Gracias por su compra. Le enviaremos el número de seguimiento mañana, María.").is_empty());
        assert!(unknown("Thank you for your message. Gracias por su mensaje.").is_empty());
        assert!(unknown("Añádalo a su lista y envíenoslo; siga el envío en https://t.17track.net/es#nums=LX1 o www.correos.es.").is_empty());
    }
}
