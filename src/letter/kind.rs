//! Recognising the kind of letter and the marketplace from the text.

use std::sync::LazyLock;

use regex::Regex;

use super::Kind;
use super::lexicon::{CueScan, LEXICONS, builtin_regex, scan_sentences};
use crate::document::Document;

/// Scores appeal cues against reply cues over the writer's prose (`rules/lexicons/kinds.toml`),
/// sentence by sentence. Who a letter is addressed to is a strong sign of its kind, so the
/// salutation (the first short sentence that is not a heading) counts its strongest cue once,
/// however many it matches;
/// but sellers also write "Dear friend" to a marketplace and "Dear Seller Support" to a buyer, so
/// the body, where every sentence adds all its cues, can outweigh it.
pub fn detect_kind(doc: &Document) -> Kind {
    kind_of(doc, &scan_sentences(doc))
}

/// `detect_kind` with the sentences of the writer's prose already scanned (`scan_sentences`).
pub(super) fn kind_of(doc: &Document, scans: &[CueScan<'_>]) -> Kind {
    let cues = &LEXICONS.kind;
    let mut score = 0i32;
    let mut salutation_seen = false;
    let mut scans = scans.iter();
    for (_, block) in doc.own_blocks() {
        for _ in &block.sentences {
            let scan = scans.next().expect("one scan per sentence of the writer's prose");
            let matched = cues.cues.matches(scan);
            if !salutation_seen && !block.is_heading() {
                salutation_seen = true;
                if scan.text().split_whitespace().count() <= SALUTATION_WORDS {
                    let strongest = matched.map(|idx| cues.weights[idx]).max_by_key(|w| w.abs());
                    score += strongest.unwrap_or(0) * SALUTATION_FACTOR;
                    continue;
                }
            }
            score += matched.map(|idx| cues.weights[idx]).sum::<i32>();
        }
    }
    if score > 0 { Kind::Appeal } else { Kind::Reply }
}

/// How much more the salutation's strongest cue counts than a cue in the body.
const SALUTATION_FACTOR: i32 = 1;

/// The longest first sentence that still reads as a salutation.
const SALUTATION_WORDS: usize = 10;

struct PlatformCue {
    platform: &'static str,
    pattern: Regex,
}

static PLATFORM_CUES: LazyLock<Vec<PlatformCue>> = LazyLock::new(|| {
    [
        (
            "wish",
            r"\bWish\b|\bWISH\b|\bFBW\b|\bProductBoost\b|\bWish Express\b|\b[0-9a-f]{24}\b",
        ),
        ("aliexpress", r"(?i)\bali\s?express\b"),
        (
            "amazon",
            r"(?i)\bamazon\b|\bASIN\b|\bSeller Central\b|\bA-to-z\b|\b\d{3}-\d{7}-\d{7}\b",
        ),
        ("ebay", r"(?i)\bebay\b"),
        ("etsy", r"(?i)\betsy\b"),
        ("shopee", r"(?i)\bshopee\b"),
        ("walmart", r"(?i)\bwalmart\b"),
    ]
    .into_iter()
    .map(|(platform, pattern)| PlatformCue {
        platform,
        pattern: builtin_regex(&crate::patterns::prepare(pattern)),
    })
    .collect()
});

/// The marketplace named most often in the letter, or `generic`.
pub fn detect_platform(doc: &Document) -> &'static str {
    let mut best = ("generic", 0usize);
    for cue in PLATFORM_CUES.iter() {
        let count: usize = doc
            .own_blocks()
            .map(|(_, b)| cue.pattern.find_iter(&b.prose.text).count())
            .sum();
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
        let doc = Document::parse(
            "Dear Seller Support,\n\nWe are sorry for the high refund rate. Please reactivate our account.\n",
        );
        assert_eq!(detect_kind(&doc), Kind::Appeal);
        assert_eq!(detect_platform(&doc), "generic");
    }

    #[test]
    fn a_message_about_the_buyers_parcel_is_a_reply() {
        let doc = Document::parse(
            "Hi Maria,\n\nThank you for your order. Your parcel is at the local post office.\n",
        );
        assert_eq!(detect_kind(&doc), Kind::Reply);
    }

    #[test]
    fn a_friendly_salutation_does_not_make_an_appeal_a_reply() {
        let doc = Document::parse(
            "Hi dear friend,\n\nWe are sorry our shop was suspended for the late shipment rate.\nPlease reopen our shop and give us another chance.\n",
        );
        assert_eq!(detect_kind(&doc), Kind::Appeal);
    }

    #[test]
    fn a_removed_listing_or_an_ip_report_makes_an_appeal_whatever_the_greeting() {
        let doc = Document::parse(
            "Dear customer,\n\nThank you for contacting us about the removal of listings from our shop. Several sticker listings were removed because of an intellectual property report.\nWe accept that this was our mistake.\n",
        );
        assert_eq!(detect_kind(&doc), Kind::Appeal);
    }

    #[test]
    fn a_plan_of_action_with_reshipped_orders_is_an_appeal() {
        // Per-order bullets that say "we reshipped" read like a reply; the plan of action, its
        // root causes and the penalty do not.
        let doc = Document::parse(
            "## Plan of Action\n\nHi Sir or Madam,\n\nWe received your notice that our shop was penalized. Following an internal review, we identified the following root causes:\n\n- 6739f3f06068b88f793f796f - parcel lost; we reshipped on 19 March.\n- 6808a088fafec4ecb33c1982 - parcel returned; we reshipped on 21 March.\n- 681b6afbc410983e8a03a58b - a new parcel was sent on 9 March.\n",
        );
        assert_eq!(detect_kind(&doc), Kind::Appeal);
    }

    #[test]
    fn a_buyer_addressed_as_seller_support_still_gets_a_reply() {
        let doc = Document::parse(
            "Dear Seller Support Team,\n\nYour package came back to our warehouse.\nPlease send your new address.\nWe will resend it the same day.\n",
        );
        assert_eq!(detect_kind(&doc), Kind::Reply);
    }

    #[test]
    fn a_welcome_message_that_names_our_store_is_a_reply() {
        let doc = Document::parse(
            "Hello and welcome to Cloudberry Crafts!\nThank you for visiting our store.\nWe answer chats from 9:00 to 17:00.\n",
        );
        assert_eq!(detect_kind(&doc), Kind::Reply);
    }

    #[test]
    fn a_passive_plea_and_a_suspension_make_an_appeal() {
        let doc = Document::parse(
            "We apologise for the delays that caused the suspension of our store.\nWe hope our store can be reopened.\n",
        );
        assert_eq!(detect_kind(&doc), Kind::Appeal);
    }

    #[test]
    fn platform_is_the_marketplace_named() {
        let doc = Document::parse("We switched to Wish Express and FBW for our Wish store.");
        assert_eq!(detect_platform(&doc), "wish");
        let doc = Document::parse("We wish you a nice day. Your AliExpress order shipped.");
        assert_eq!(detect_platform(&doc), "aliexpress");
    }
}
