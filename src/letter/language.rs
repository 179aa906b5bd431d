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
    if plainly_english(&sample) {
        return Some("en".to_string());
    }
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    iso639_1(info.lang()).map(str::to_string)
}

/// Words common in any English text and rare in the other languages written in Latin letters.
const ENGLISH_WORDS: [&str; 36] = [
    "the", "and", "you", "your", "we", "our", "are", "for", "this", "that", "have", "has", "will", "with",
    "please", "thank", "thanks", "been", "would", "could", "can", "not", "it", "be", "to", "of", "is", "i",
    "my", "was", "us", "on", "at", "from", "they", "if",
];

/// Words common in the other languages sellers and buyers write (Spanish, Portuguese, French,
/// Italian, German, Dutch...), which English text seldom has.
const OTHER_WORDS: [&str; 48] = [
    "el", "la", "los", "las", "que", "y", "por", "para", "con", "una", "usted", "su", "le", "les", "des",
    "est", "et", "vous", "votre", "nous", "pour", "du", "der", "die", "das", "und", "ist", "sie", "wir",
    "nicht", "mit", "ein", "eine", "il", "che", "di", "per", "non", "um", "uma", "com", "os", "het", "een",
    "van", "niet", "voor", "ik",
];

/// True when the prose is English beyond doubt: Latin letters with hardly an accent, and many of
/// English's commonest words against almost none of the other languages'. Such text is most
/// letters, and telling it costs a word count instead of a full detection.
fn plainly_english(sample: &str) -> bool {
    let mut words = 0usize;
    let mut english = 0usize;
    let mut other = 0usize;
    let mut accented = 0usize;
    for word in sample.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        words += 1;
        if !word.is_ascii() {
            // A name such as José or Müller; any other script is not English.
            if word.chars().any(|c| c > '\u{24F}') {
                return false;
            }
            accented += 1;
            continue;
        }
        if word.len() > 6 {
            continue;
        }
        let lower = word.to_ascii_lowercase();
        if ENGLISH_WORDS.contains(&lower.as_str()) {
            english += 1;
        } else if OTHER_WORDS.contains(&lower.as_str()) {
            other += 1;
        }
    }
    words >= 30 && english * 5 >= words && other * 20 <= english && accented * 50 <= words
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

    const ENGLISH: &str = "Dear José,\n\nThank you for your message about order 1234. We are sorry that the parcel is late: it has been held at customs for a week. We have asked the carrier to check it and we will write to you again by Friday with the news. If it has not moved by then, you can choose a new parcel or a full refund.\n\nBest regards,\nAnna";

    #[test]
    fn plain_english_is_told_without_a_full_detection_and_agrees_with_it() {
        assert!(plainly_english(ENGLISH));
        let detected = whatlang::detect(ENGLISH).expect("detected");
        assert_eq!(iso639_1(detected.lang()), Some("en"));
    }

    #[test]
    fn other_languages_and_short_texts_go_to_the_full_detection() {
        for text in [
            // Spanish, Dutch and German in plain ASCII, with English words among theirs.
            "Hola Maria, gracias por su mensaje. Le pido disculpas por el retraso de su pedido. El paquete esta en la aduana y le escribo de nuevo el viernes para que sepa si ya salio. Si no llega, le ofrezco un reembolso o un nuevo envio, como usted prefiera. It is the best we can do for you and we are sorry.",
            "Beste klant, dank voor uw bericht. Het pakket is onderweg en wij sturen u de trackingcode voor het weekend. Als het niet aankomt, krijgt u een nieuw pakket of uw geld terug. We are sorry for the delay and thank you for your patience, it will be there soon we hope.",
            "Sehr geehrte Frau Weber, vielen Dank fur Ihre Nachricht. Das Paket ist unterwegs und wir senden Ihnen die Nummer bis Freitag. Wenn es nicht ankommt, bekommen Sie ein neues Paket oder Ihr Geld zuruck. We are sorry for the delay and we thank you for your patience with us.",
            // Too short to be sure.
            "Thank you for your order, we will ship it today.",
            // Another script.
            "Здравствуйте! Thank you for your order, we will ship it today and you will have the tracking number from us this week, we are sure that it will be fine for you.",
        ] {
            assert!(!plainly_english(text), "{text}");
        }
    }

    #[test]
    fn a_letter_of_plain_english_reads_as_english() {
        assert_eq!(of(&Document::parse(ENGLISH)).as_deref(), Some("en"));
    }
}
