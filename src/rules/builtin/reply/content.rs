//! Issue-type content: what a reply must say for a delay (`reply/delay`), a refund
//! (`reply/refund-timeline`), damaged or wrong goods (`reply/photo-request`), customs duties
//! (`reply/customs`) and a welcome auto-reply (`reply/work-hours`).

use std::sync::LazyLock;

use regex::Regex;

use super::{Issue, issue, letter_finding, own_text};
use crate::diagnostic::Diagnostic;
use crate::document::Span;
use crate::rules::builtin::{Check, finding};
use crate::rules::{Context, Rule};

fn re(pattern: &str) -> Regex {
    Regex::new(&format!("(?i){pattern}")).expect("content pattern")
}

/// The elements of seed 001's delay template, each with the cues that show it is there.
/// The elements of the delay template: (key of the `element-<key>` message naming it, cue).
static DELAY_ELEMENTS: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    vec![
        (
            "problem",
            re(
                r"\b(delay|delayed|late|not (yet )?arrived|has not arrived|hasn't arrived|still in transit|taking longer|retraso|retrasad)",
            ),
        ),
        (
            "cause",
            re(
                r"\b(because|due to|caused by|as a result of|the reason|since the|owing to|storm|weather|holiday|festival|flights?|strike|lockdown|peak season|debido a|porque|por culpa)",
            ),
        ),
        (
            "effect",
            re(
                r"\b(will (now )?(arrive|reach|be delivered)|should (arrive|reach)|expected|expects?|estimated|deliver (it )?by|takes? \d+|taking \d+|slowed|new (delivery|date)|delivery (date|time)|(extra|more|another|additional) \d+|\d+ (more|extra|additional) (days|business days|working days)|llegar[aá])",
            ),
        ),
        (
            "date",
            re(
                r"\b(by|before|around|between|on|within|until|expected|estimated|antes del?|entre|hasta)\b[^.!?\n]{0,30}(\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)",
            ),
        ),
        (
            "care",
            re(
                r"\b(understand|frustrat|disappoint|patience|experience|we know|sorry|apologi|inconvenien|lo sentimos|paciencia)",
            ),
        ),
        (
            "option",
            re(
                r"\b(refund|coupon|discount|voucher|compensat|partial|option|choose|prefer|reembolso|cup[oó]n|descuento)",
            ),
        ),
    ]
});

/// `reply/delay`: a shipping-delay reply covers every element of seed 001's delay template; one
/// finding lists the missing ones.
pub struct Delay;

impl Check for Delay {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        if issue(cx) != Some(Issue::ShippingDelay) {
            return;
        }
        let text = own_text(letter);
        // Element names are the rule's `[messages] element-<key>`, so they follow the locale.
        let locale = cx.settings.locale();
        let missing: Vec<&str> = DELAY_ELEMENTS
            .iter()
            .filter(|(_, cue)| !cue.is_match(&text))
            .map(|(key, _)| rule.named_message(&format!("element-{key}"), locale))
            .collect();
        let separator = if crate::i18n::canonical(locale) == Some("zh-CN") { "、" } else { ", " };
        if !missing.is_empty() {
            out.push(letter_finding(
                letter,
                rule,
                cx.settings.locale(),
                None,
                &[("missing", &missing.join(separator))],
            ));
        }
    }
}

static WINDOW: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\d+\s*(-|–|to|a|and)?\s*\d*\s*(business|working|bank|calendar)?\s*(days|d[ií]as|weeks|semanas)",
    )
});
static AFTER_WINDOW: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(if|in case|should)\b[^.!?\n]{0,80}\b(not|no|haven't|hasn't|still|don't|doesn't|cannot|can't)\b[^.!?\n]{0,80}\b(contact|ask|check|call|reply|message|write|send|tell|let us know)|\b(after (that|this|\d+)|once the|si (todav[ií]a )?no)\b[^.!?\n]{0,80}\b(contact|check|ask|bank|escr[ií]b|contact[ae]|banco)|\bsi\b[^.!?\n]{0,80}\bno\b[^.!?\n]{0,80}\b(banco|escr[ií]b|contact|revisa)",
    )
});

/// `reply/refund-timeline`: a refund reply states the processing window and what to do after it.
pub struct RefundTimeline;

impl Check for RefundTimeline {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        if issue(cx) != Some(Issue::RefundTiming) {
            return;
        }
        let text = own_text(letter);
        let locale = cx.settings.locale();
        if !WINDOW.is_match(&text) {
            out.push(letter_finding(letter, rule, locale, None, &[]));
        } else if !AFTER_WINDOW.is_match(&text) {
            out.push(letter_finding(letter, rule, locale, Some("after"), &[]));
        }
    }
}

static PHOTO: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(photo|photos|picture|pictures|pic|pics|image|images|video|videos|foto|fotos|imagen)")
});
static PHOTO_SUBJECTS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    vec![
        re(
            r"\b(whole|entire|full) (item|product|set)|\bthe (item|product) (itself|as a whole)|\bproducto completo",
        ),
        re(
            r"\b(damage|damaged (part|area|spot)|broken (part|area)|crack|close-?up|defect|the fault|tag|size label|label inside|daño)",
        ),
        re(r"\b(box|packaging|package|parcel|outer (box|bag)|bag|caja|embalaje|paquete)\b"),
        re(r"\b(shipping label|label|waybill|etiqueta)\b"),
    ]
});

/// `reply/photo-request`: damaged, wrong or faulty goods need a request for specific photos (at
/// least two of: the whole item, the damage close up, the packaging, the shipping label).
pub struct PhotoRequest;

impl Check for PhotoRequest {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        if !matches!(
            issue(cx),
            Some(Issue::Damaged | Issue::WrongItem | Issue::Quality)
        ) {
            return;
        }
        let locale = cx.settings.locale();
        // The photo sentences, plus the list that follows one ending with a colon ("send us: - ...").
        let mut photo_sentences: Vec<&str> = Vec::new();
        let mut in_list = false;
        for (_, block) in letter.doc.own_blocks() {
            let is_item = matches!(block.kind, crate::document::BlockKind::ListItem { .. });
            if in_list && is_item {
                photo_sentences.push(&block.prose.text);
                continue;
            }
            in_list = false;
            for sentence in &block.sentences {
                let text = &block.prose.text[sentence.span.range()];
                if PHOTO.is_match(text) {
                    photo_sentences.push(text);
                    in_list = text.trim_end().ends_with(':');
                }
            }
        }
        if photo_sentences.is_empty() {
            // Photos already received or a resolution without them is the writer's call.
            if !re(r"\b(received your (photos|pictures)|thanks? for (the|your) (photos|pictures))")
                .is_match(&own_text(letter))
            {
                out.push(letter_finding(letter, rule, locale, None, &[]));
            }
            return;
        }
        let joined = photo_sentences.join(" ");
        let subjects = PHOTO_SUBJECTS
            .iter()
            .filter(|s| s.is_match(&joined))
            .count();
        if subjects < 2
            && !re(r"\b(received|got|thank you for|thanks for) (your |the )?(photos|pictures)")
                .is_match(&joined)
        {
            out.push(letter_finding(letter, rule, locale, Some("vague"), &[]));
        }
    }
}

static WHO_PAYS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(duties|duty|tax|taxes|vat|customs|fees|impuestos|aranceles)\b[^.!?\n]{0,80}\b(paid by|pay|paying|payable|responsib|charged|collected|set by|decided by|determined by|buyer|recipient|importer|pagar|paga|comprador)|\b(you|buyer|recipient|importer)\b[^.!?\n]{0,40}\b(pay|responsib)[^.!?\n]{0,40}\b(duties|duty|tax|taxes|vat|customs)",
    )
});
static NO_DUTY_PROMISE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(guarantee|promise|make sure|ensure|100%)\b[^.!?\n]{0,40}\b(no|not|avoid|without|free of|never)\b[^.!?\n]{0,20}\b(duties|duty|tax|taxes|customs|vat)\b",
    )
});

/// `reply/customs`: a customs reply says who sets and pays the duties and promises no way
/// around them.
pub struct Customs;

impl Check for Customs {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        if issue(cx) != Some(Issue::Customs) {
            return;
        }
        let locale = cx.settings.locale();
        for (_, block) in letter.doc.own_blocks() {
            for m in NO_DUTY_PROMISE.find_iter(&block.prose.text) {
                let span = block.prose.span_to_source(Span::new(m.start(), m.end()));
                out.push(finding(
                    rule,
                    span,
                    rule.named_message("promise", locale)
                        .replace("{found}", m.as_str()),
                ));
            }
        }
        if !WHO_PAYS.is_match(&own_text(letter)) {
            out.push(letter_finding(letter, rule, locale, None, &[]));
        }
    }
}

static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b([01]?\d|2[0-3])([:.][0-5]\d)?\s*(am|pm|a\.m\.|p\.m\.|h)?\s*(-|–|to|until|till)\s*([01]?\d|2[0-3])([:.][0-5]\d)?\s*(am|pm|a\.m\.|p\.m\.|h)?",
    )
});
static ZONE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(UTC|GMT|CST|CET|CEST|EST|EDT|PST|PDT|BST|HKT|SGT|JST|KST|IST|Beijing|China (Standard )?Time|Shanghai|Hong Kong|hora de (China|Pek[ií]n))\b|UTC ?[+-]\d",
    )
});

/// `reply/work-hours`: a welcome auto-reply gives working hours, with a time zone.
pub struct WorkHours;

impl Check for WorkHours {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        if issue(cx) != Some(Issue::Welcome) {
            return;
        }
        let locale = cx.settings.locale();
        let mut found_hours = false;
        for (_, block) in letter.doc.own_blocks() {
            for sentence in &block.sentences {
                let text = &block.prose.text[sentence.span.range()];
                let clocks = CLOCK.find_iter(text).filter(|m| {
                    let lower = m.as_str().to_ascii_lowercase();
                    lower.contains(':') || lower.contains('m') || lower.contains('h')
                });
                for m in clocks {
                    found_hours = true;
                    if !ZONE.is_match(text) {
                        let start = sentence.span.start as usize + m.start();
                        let span = block.prose.span_to_source(Span::new(
                            start,
                            sentence.span.start as usize + m.end(),
                        ));
                        out.push(finding(
                            rule,
                            span,
                            rule.named_message("zone", locale)
                                .replace("{found}", m.as_str().trim()),
                        ));
                    }
                }
            }
        }
        if !found_hours {
            out.push(letter_finding(letter, rule, locale, None, &[]));
        }
    }
}
