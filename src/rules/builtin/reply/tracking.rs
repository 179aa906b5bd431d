//! `reply/tracking`: a shipping issue answered without the tracking the buyer needs.

use std::sync::LazyLock;

use regex::Regex;

use super::{Issue, issue, letter_finding, own_text};
use crate::diagnostic::Diagnostic;
use crate::rules::builtin::Check;
use crate::rules::{Context, Rule};

/// On a shipping issue (delay, post-office pickup, split package, lost and reshipped, tracking
/// not updating) the reply must give a tracking number or a tracking link. A placeholder where
/// the number should be (`XXXX`, `[tracking number]`) does not count, and a split package needs
/// as many numbers as the parcels it announces.
pub struct Tracking;

/// UPU S10 numbers (`LP123456789CN`), UPS `1Z...`, and long carrier numbers with or without a
/// letter prefix.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b([A-Z]{2}\d{9}[A-Z]{2}|1Z[0-9A-Z]{16}|[A-Z]{1,4}\d{10,22}[A-Z]{0,2}|\d{12,22})\b",
    )
    .expect("regex")
});
static ORDER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(order|pedido)\s*(no\.?|number|id|#|n[uú]mero)?\s*[:#]?\s*$").expect("regex")
});
static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)https?://\S*(track|cainiao|post|parcel)\S*").expect("regex"));
static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(tracking|n[uú]mero de seguimiento)[^.\n]{0,30}?(X{4,}|\[[^\]]*\]|\{[^}]*\}|<[^>]*>|_{3,})").expect("regex")
});
static PARCELS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(two|three|four|2|3|4)\s+(separate\s+)?(parcels|packages|shipments|paquetes)\b",
    )
    .expect("regex")
});

/// The offset about `n` bytes before `offset`, on a character boundary.
fn before(text: &str, offset: usize, n: usize) -> usize {
    let mut start = offset.saturating_sub(n);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    start
}

fn parcel_count(word: &str) -> usize {
    match word.to_ascii_lowercase().as_str() {
        "two" | "2" => 2,
        "three" | "3" => 3,
        "four" | "4" => 4,
        _ => 1,
    }
}

impl Check for Tracking {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        let Some(issue) = issue(cx) else {
            return;
        };
        if !issue.is_about_shipping() {
            return;
        }
        let text = own_text(letter);
        let locale = cx.settings.locale();
        let orders: &[String] = letter.doc.front_matter.as_ref().map_or(&[], |f| &f.orders);
        // An order number is not a tracking number.
        let mut numbers: Vec<&str> = NUMBER
            .find_iter(&text)
            .filter(|m| !ORDER_BEFORE.is_match(&text[before(&text, m.start(), 24)..m.start()]))
            .map(|m| m.as_str())
            .filter(|n| !orders.iter().any(|o| o == n))
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        let links = LINK.find_iter(&text).count();
        if numbers.is_empty() && links == 0 {
            // Not shipped yet: there is no number to give.
            if super::awaiting_shipment(letter, &text) && !PLACEHOLDER.is_match(&text) {
                return;
            }
            let name = if PLACEHOLDER.is_match(&text) {
                Some("placeholder")
            } else {
                None
            };
            out.push(letter_finding(letter, rule, locale, name, &[]));
            return;
        }
        if issue == Issue::SplitPackage {
            let parcels = PARCELS
                .captures_iter(&text)
                .map(|c| parcel_count(&c[1]))
                .max()
                .unwrap_or(1);
            if numbers.len() < parcels {
                let (n, p) = (numbers.len().to_string(), parcels.to_string());
                out.push(letter_finding(
                    letter,
                    rule,
                    locale,
                    Some("count"),
                    &[("numbers", &n), ("parcels", &p)],
                ));
            }
        }
    }
}
