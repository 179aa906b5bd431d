//! Issue-type content: what a reply must say for a delay (`reply/delay`), a refund
//! (`reply/refund-timeline`), damaged or wrong goods (`reply/photo-request`), customs duties
//! (`reply/customs`) and a welcome auto-reply (`reply/work-hours`).

use super::cues::cue;
use super::{Issue, issue, letter_finding, own_text};
use crate::diagnostic::Diagnostic;
use crate::document::Span;
use crate::rules::builtin::{Check, finding};
use crate::rules::{Context, Rule};

/// The elements of seed 001's delay template: the key of the `element-<key>` message naming it,
/// whose cue in `rules/lexicons/replies.toml` is `delay-<key>`.
const DELAY_ELEMENTS: &[&str] = &["problem", "cause", "effect", "date", "care", "option"];

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
        // A delay that ends in a refund or a replacement already made is not waited out: no new
        // date or cause is owed.
        if super::already_resolved(letter, &text) {
            return;
        }
        let language = letter.language();
        // Element names are the rule's `[messages] element-<key>`, so they follow the locale.
        let locale = cx.settings.locale();
        let not_shipped = super::awaiting_shipment(letter, &text);
        let missing: Vec<&str> = DELAY_ELEMENTS
            .iter()
            .filter(|key| {
                let said = cue(&format!("delay-{key}")).is_match(language, &text)
                    // Not shipped yet: "it has not left our warehouse yet" states the problem,
                    // and a compensation is optional there (domain.md R3).
                    || (matches!(**key, "problem" | "option") && not_shipped);
                !said
            })
            .map(|key| rule.named_message(&format!("element-{key}"), locale))
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

/// `reply/refund-timeline`: a refund reply states the processing window and what to do after it.
pub struct RefundTimeline;

impl Check for RefundTimeline {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        if issue(cx) != Some(Issue::RefundTiming) {
            return;
        }
        let text = own_text(letter);
        let language = letter.language();
        let locale = cx.settings.locale();
        if !cue("refund-window").is_match(language, &text) {
            out.push(letter_finding(letter, rule, locale, None, &[]));
        } else if !cue("refund-after").is_match(language, &text) {
            out.push(letter_finding(letter, rule, locale, Some("after"), &[]));
        }
    }
}

/// What the photos should show, by cue in `rules/lexicons/replies.toml`: at least two of them.
const PHOTO_SUBJECTS: &[&str] = &["photo-whole", "photo-damage", "photo-packaging", "photo-label"];

/// `reply/photo-request`: damaged, wrong or faulty goods need a request for specific photos (at
/// least two of: the whole item, the damage close up, the packaging, the shipping label).
pub struct PhotoRequest;

impl Check for PhotoRequest {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        if !matches!(
            issue(cx),
            Some(Issue::Damaged | Issue::WrongItem)
        ) {
            return;
        }
        let locale = cx.settings.locale();
        let language = letter.language();
        let photo = cue("photo").regex(language);
        let received = cue("photo-received").regex(language);
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
            // A photo sentence counts with what details it in the same paragraph: the sentence
            // after it ("Una dell'etichetta, una della borsa."), and every line after a colon.
            let mut follows = false;
            for sentence in &block.sentences {
                let text = &block.prose.text[sentence.span.range()];
                if photo.is_match(text) {
                    photo_sentences.push(text);
                    in_list = text.trim_end().ends_with(':');
                    follows = true;
                } else if follows || in_list {
                    photo_sentences.push(text);
                    follows = false;
                }
            }
        }
        if photo_sentences.is_empty() {
            // Photos already received or a resolution without them is the writer's call.
            if !received.is_match(&own_text(letter)) {
                out.push(letter_finding(letter, rule, locale, None, &[]));
            }
            return;
        }
        let joined = photo_sentences.join(" ");
        let subjects = PHOTO_SUBJECTS
            .iter()
            .filter(|name| cue(name).is_match(language, &joined))
            .count();
        if subjects < 2 && !received.is_match(&joined) {
            out.push(letter_finding(letter, rule, locale, Some("vague"), &[]));
        }
    }
}

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
        let language = letter.language();
        let promise = cue("customs-no-duty-promise").regex(language);
        for (_, block) in letter.doc.own_blocks() {
            for m in promise.find_iter(&block.prose.text) {
                let span = block.prose.span_to_source(Span::new(m.start(), m.end()));
                out.push(finding(
                    rule,
                    span,
                    rule.named_message("promise", locale)
                        .replace("{found}", m.as_str()),
                ));
            }
        }
        if !cue("customs-who-pays").is_match(language, &own_text(letter)) {
            out.push(letter_finding(letter, rule, locale, None, &[]));
        }
    }
}

/// `reply/work-hours`: a welcome auto-reply gives working hours, with a time zone.
pub struct WorkHours;

impl Check for WorkHours {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        if issue(cx) != Some(Issue::Welcome) {
            return;
        }
        let locale = cx.settings.locale();
        let language = letter.language();
        let (clock, zone) = (cue("work-hours-clock").regex(language), cue("work-hours-zone").regex(language));
        let mut found_hours = false;
        for (_, block) in letter.doc.own_blocks() {
            for sentence in &block.sentences {
                let text = &block.prose.text[sentence.span.range()];
                let clocks = clock.find_iter(text).filter(|m| {
                    let lower = m.as_str().to_ascii_lowercase();
                    lower.contains(':') || lower.contains('m') || lower.contains('h') || lower.contains('ч')
                });
                // A zone anywhere in the paragraph covers its hours ("9:00-18:00 Beijing time
                // (UTC+8), that is 3:00-12:00 in summer").
                let zoned = zone.is_match(&block.prose.text);
                for m in clocks {
                    found_hours = true;
                    if !zoned {
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
