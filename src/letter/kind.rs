//! Recognising the kind of letter and the marketplace from the text.

use std::sync::LazyLock;

use regex::Regex;

use super::Kind;
use super::lexicon::{KIND_CUES, builtin_regex};
use crate::document::Document;

/// Scores appeal cues against reply cues over the writer's prose (`rules/lexicons/kinds.toml`).
/// The salutation counts twice: who a letter is addressed to is the strongest sign of its kind.
pub fn detect_kind(doc: &Document) -> Kind {
    let cues = &*KIND_CUES;
    let mut score = 0i32;
    for (i, (_, block)) in doc.own_blocks().enumerate() {
        let factor = if i == 0 { 2 } else { 1 };
        for idx in cues.set.matches(&block.prose.text).iter() {
            score += cues.weights[idx] * factor;
        }
    }
    if score > 0 { Kind::Appeal } else { Kind::Reply }
}

struct PlatformCue {
    platform: &'static str,
    pattern: Regex,
}

static PLATFORM_CUES: LazyLock<Vec<PlatformCue>> = LazyLock::new(|| {
    [
        ("wish", r"\bWish\b|\bWISH\b|\bFBW\b|\bProductBoost\b|\bWish Express\b|\b[0-9a-f]{24}\b"),
        ("aliexpress", r"(?i)\bali\s?express\b"),
        ("amazon", r"(?i)\bamazon\b|\bASIN\b|\bSeller Central\b|\bA-to-z\b|\b\d{3}-\d{7}-\d{7}\b"),
        ("ebay", r"(?i)\bebay\b"),
        ("etsy", r"(?i)\betsy\b"),
        ("shopee", r"(?i)\bshopee\b"),
        ("walmart", r"(?i)\bwalmart\b"),
    ]
    .into_iter()
    .map(|(platform, pattern)| PlatformCue { platform, pattern: builtin_regex(&crate::patterns::prepare(pattern)) })
    .collect()
});

/// The marketplace named most often in the letter, or `generic`.
pub fn detect_platform(doc: &Document) -> &'static str {
    let mut best = ("generic", 0usize);
    for cue in PLATFORM_CUES.iter() {
        let count: usize = doc.own_blocks().map(|(_, b)| cue.pattern.find_iter(&b.prose.text).count()).sum();
        if count > best.1 {
            best = (cue.platform, count);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_appeal_to_seller_support_is_an_appeal() {
        let doc = Document::parse("Dear Seller Support,\n\nWe are sorry for the high refund rate. Please reactivate our account.\n");
        assert_eq!(detect_kind(&doc), Kind::Appeal);
        assert_eq!(detect_platform(&doc), "generic");
    }

    #[test]
    fn a_message_about_the_buyers_parcel_is_a_reply() {
        let doc = Document::parse("Hi Maria,\n\nThank you for your order. Your parcel is at the local post office.\n");
        assert_eq!(detect_kind(&doc), Kind::Reply);
    }

    #[test]
    fn platform_is_the_marketplace_named() {
        let doc = Document::parse("We switched to Wish Express and FBW for our Wish store.");
        assert_eq!(detect_platform(&doc), "wish");
        let doc = Document::parse("We wish you a nice day. Your AliExpress order shipped.");
        assert_eq!(detect_platform(&doc), "aliexpress");
    }
}
