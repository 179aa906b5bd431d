//! The language a letter is written in: front matter `language:`, else detected from the prose.

use whatlang::Lang;

use crate::document::Document;

/// How much prose detection reads: enough to be sure, little enough to stay fast on huge letters.
const SAMPLE_BYTES: usize = 2000;

/// The ISO 639-1 code of a language whatlang detects, for the languages sellers and buyers write in.
pub fn iso639_1(lang: Lang) -> Option<&'static str> {
    Some(match lang {
        Lang::Eng => "en",
        Lang::Spa => "es",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ita => "it",
        Lang::Por => "pt",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Jpn => "ja",
        Lang::Kor => "ko",
        Lang::Nld => "nl",
        Lang::Pol => "pl",
        Lang::Tur => "tr",
        Lang::Ara => "ar",
        Lang::Heb => "he",
        Lang::Tha => "th",
        Lang::Vie => "vi",
        Lang::Ind => "id",
        Lang::Ukr => "uk",
        Lang::Swe => "sv",
        Lang::Dan => "da",
        Lang::Nob => "no",
        Lang::Fin => "fi",
        Lang::Ces => "cs",
        Lang::Ron => "ro",
        Lang::Hun => "hu",
        Lang::Ell => "el",
        _ => return None,
    })
}

/// The primary language subtag of the front matter's `language:` (`es-MX` -> `es`), else the
/// detected language of the writer's prose when detection is reliable.
pub fn of(doc: &Document) -> Option<String> {
    if let Some(declared) = doc.front_matter.as_ref().and_then(|f| f.language.as_deref()) {
        let primary = declared.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        if !primary.is_empty() {
            return Some(primary);
        }
    }
    let mut sample = String::with_capacity(SAMPLE_BYTES + 200);
    for (_, block) in doc.own_blocks() {
        if sample.len() >= SAMPLE_BYTES {
            break;
        }
        sample.push_str(&block.prose.text);
        sample.push('\n');
    }
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    iso639_1(info.lang()).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_wins_and_text_is_detected() {
        let doc = Document::parse("---\nlanguage: es-MX\n---\nDear customer, thank you for your order.");
        assert_eq!(of(&doc).as_deref(), Some("es"));
        let doc = Document::parse("Bonjour Marie,\n\nMerci pour votre commande. Votre colis est arrivé au bureau de poste et vous pouvez le retirer dès demain.");
        assert_eq!(of(&doc).as_deref(), Some("fr"));
    }
}
