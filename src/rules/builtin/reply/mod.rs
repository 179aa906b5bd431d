//! Code rules of the `reply/` group: what a reply to a buyer must contain for its issue type,
//! in which language, and by when. The rules that only need a part to be present
//! (`reply/greeting`, `reply/thanks`, `reply/signoff`) and phrase rules (`reply/expectations`) are
//! data files in `rules/reply/`.
//!
//! The issue a reply answers comes from front matter `reason:`, else from the text (`issue_of`).

use std::sync::LazyLock;

use regex::Regex;

use super::Check;
use crate::diagnostic::Diagnostic;
use crate::letter::{Kind, Letter, PartKind};
use crate::rules::Rule;
use crate::rules::builtin::finding;
use crate::rules::engine::letter_span;

mod apology;
mod content;
mod deadline;
mod language;
mod length;
mod options;
mod signoff;
mod solution;
mod tracking;

pub static RULES: &[(&str, &dyn Check)] = &[
    ("reply/apology", &apology::Apology),
    ("reply/customs", &content::Customs),
    ("reply/deadline", &deadline::Deadline),
    ("reply/delay", &content::Delay),
    ("reply/language", &language::Language),
    ("reply/length", &length::Length),
    ("reply/options", &options::Options),
    ("reply/photo-request", &content::PhotoRequest),
    ("reply/refund-timeline", &content::RefundTimeline),
    ("reply/signoff", &signoff::Signoff),
    ("reply/solution", &solution::Solution),
    ("reply/tracking", &tracking::Tracking),
    ("reply/work-hours", &content::WorkHours),
];

/// What a reply is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Issue {
    ShippingDelay,
    PostOfficePickup,
    SplitPackage,
    LostReshipped,
    TrackingNotUpdating,
    Customs,
    Damaged,
    WrongItem,
    Quality,
    RefundTiming,
    AddressProblem,
    Welcome,
    KeywordReply,
}

impl Issue {
    /// Reads a front matter `reason:` (several spellings per issue).
    pub fn from_reason(reason: &str) -> Option<Issue> {
        let reason = reason.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        Some(match reason.as_str() {
            "shipping-delay" | "delay" | "late-delivery" | "urging-shipment" | "not-received" => {
                Issue::ShippingDelay
            }
            "post-office-pickup" | "pickup" => Issue::PostOfficePickup,
            "split-package" | "split-parcel" => Issue::SplitPackage,
            "lost-reshipped" | "lost" | "lost-parcel" | "damaged-reshipped" | "reshipped" => {
                Issue::LostReshipped
            }
            "tracking-not-updating" => Issue::TrackingNotUpdating,
            "customs-duty" | "customs" | "import-duty" => Issue::Customs,
            "damaged" | "damaged-item" | "broken" => Issue::Damaged,
            "wrong-item" | "wrong-size" | "wrong-color" => Issue::WrongItem,
            "quality" | "defective" | "not-as-described" => Issue::Quality,
            "refund-timing" | "refund-timeline" | "refund" => Issue::RefundTiming,
            "address-problem" | "returned-to-sender" => Issue::AddressProblem,
            "welcome" | "welcome-autoreply" | "autoreply" | "auto-reply" => Issue::Welcome,
            "keyword-reply" | "keyword" => Issue::KeywordReply,
            _ => return None,
        })
    }

    /// The buyer did not cause it: the seller or its carrier owes an apology. (A split package is
    /// news, not a failure.)
    pub fn is_sellers_fault(self) -> bool {
        matches!(
            self,
            Issue::ShippingDelay
                | Issue::LostReshipped
                | Issue::Damaged
                | Issue::WrongItem
                | Issue::Quality
        )
    }

    /// The buyer has a choice to make (refund, reship, partial refund, wait). A lost parcel that
    /// was already reshipped has been resolved, so it is not one.
    pub fn has_choice(self) -> bool {
        matches!(
            self,
            Issue::Damaged | Issue::WrongItem | Issue::Quality | Issue::ShippingDelay
        )
    }

    /// The issue is about a parcel on its way, so the buyer needs its tracking.
    pub fn is_about_shipping(self) -> bool {
        matches!(
            self,
            Issue::ShippingDelay
                | Issue::PostOfficePickup
                | Issue::SplitPackage
                | Issue::LostReshipped
                | Issue::TrackingNotUpdating
        )
    }
}

/// Text cues for each issue, most specific first. Written for replies in English and Spanish.
static ISSUE_CUES: LazyLock<Vec<(Issue, Regex)>> = LazyLock::new(|| {
    let cue = |issue, pattern: &str| {
        (
            issue,
            Regex::new(&format!("(?i){pattern}")).expect("issue cue"),
        )
    };
    vec![
        cue(
            Issue::Welcome,
            r"\b(welcome to our (store|shop)|bienvenid[oa]s? a nuestra tienda)\b",
        ),
        cue(
            Issue::Customs,
            r"\b(customs (duty|duties|tax|fee|charge)s?|import (duty|duties|tax|vat)|aduana|impuestos de importaci[oó]n)\b",
        ),
        cue(
            Issue::PostOfficePickup,
            r"\b(post office|postal office|pick-?up point|oficina de correos)\b",
        ),
        cue(
            Issue::SplitPackage,
            r"\b((two|three|four|2|3|4|separate|several) (parcels?|packages?|shipments?)|split (into|in)|shipped separately)\b",
        ),
        cue(
            Issue::LostReshipped,
            r"\b(lost in transit|(was|is|got) lost|reshipped|re-shipped|resent|sent (you )?a (new|replacement) (one|parcel|package))\b",
        ),
        cue(
            Issue::Damaged,
            r"\b(arrived (damaged|broken|cracked)|(is|was|were|are) (damaged|broken|cracked)|damaged in transit|lleg[oó] (roto|dañado))\b",
        ),
        cue(
            Issue::WrongItem,
            r"\b(wrong (item|size|colou?r|product|model)|(sent|received) the wrong)\b",
        ),
        cue(
            Issue::RefundTiming,
            r"\b(refund|reembolso)\b.*\b(business|working|bank|d[ií]as)\b",
        ),
        cue(
            Issue::TrackingNotUpdating,
            r"\btracking (has not|hasn't|did not|didn't|does not|doesn't) (update|change)",
        ),
        cue(
            Issue::ShippingDelay,
            r"\b(delay|delayed|late|not (yet )?arrived|still in transit|has not arrived|hasn't arrived|retraso|wait patiently|(will|can) (only )?(ship|be shipped|send|dispatch)( it| out)? (with)?in \S+ (business |working )?days)\b",
        ),
    ]
});

/// The issue a reply answers: front matter `reason:`, else recognised from the writer's text.
/// Appeals have no issue in this sense.
/// What the reply of this lint answers: `issue_of`, worked out once per lint.
pub fn issue(cx: &crate::rules::Context<'_>) -> Option<Issue> {
    *cx.reply_issue.get_or_init(|| issue_of(cx.letter))
}

pub fn issue_of(letter: &Letter) -> Option<Issue> {
    if letter.kind != Kind::Reply {
        return None;
    }
    if let Some(reason) = letter.reason() {
        return Issue::from_reason(&reason);
    }
    let fm_kind = letter
        .doc
        .front_matter
        .as_ref()
        .and_then(|f| f.kind.as_deref())
        .unwrap_or("");
    if fm_kind.eq_ignore_ascii_case("keyword-reply") {
        return Some(Issue::KeywordReply);
    }
    let text = own_text(letter);
    ISSUE_CUES
        .iter()
        .find(|(_, re)| re.is_match(&text))
        .map(|(issue, _)| *issue)
}

/// The writer's own prose, blocks joined by newlines.
pub fn own_text(letter: &Letter) -> String {
    let mut text = String::new();
    for (_, block) in letter.doc.own_blocks() {
        text.push_str(&block.prose.text);
        text.push('\n');
    }
    text
}

/// The sentences of the letter, with their parts.
pub fn sentences(letter: &Letter) -> impl Iterator<Item = (&str, &[PartKind])> {
    letter
        .units
        .iter()
        .map(|u| (letter.unit_text(u), u.parts.as_slice()))
}

/// A time frame: a number, a date, a weekday or a relative day ("today", "tomorrow").
pub static TIME_FRAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\d|\b(today|tonight|tomorrow|this (morning|afternoon|evening|week)|next (week|monday|tuesday|wednesday|thursday|friday)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|same day|next (working |business )?day|immediately|right away|hoy|mañana|lunes|martes|miércoles|jueves|viernes|días|dos|tres)\b",
    )
    .expect("time frame")
});

/// One finding for the whole letter, with the message `name` (or the main message) filled.
pub fn letter_finding(
    letter: &Letter,
    rule: &Rule,
    locale: &str,
    name: Option<&str>,
    fill: &[(&str, &str)],
) -> Diagnostic {
    let mut message = match name {
        Some(name) => rule.named_message(name, locale).to_string(),
        None => rule.message(locale).to_string(),
    };
    for (key, value) in fill {
        message = message.replace(&format!("{{{key}}}"), value);
    }
    let mut diagnostic = finding(rule, letter_span(letter), message);
    if let Some(help) = rule.help(locale) {
        diagnostic = diagnostic.with_help(help);
    }
    diagnostic
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::Hints;

    #[track_caller]
    fn check(text: &str, expect: Option<Issue>) {
        let hints = Hints {
            kind_override: Some(Kind::Reply),
            ..Hints::default()
        };
        assert_eq!(issue_of(&Letter::parse(text, &hints)), expect, "{text}");
    }

    #[test]
    fn issue_comes_from_reason_then_text() {
        check(
            "---\nreason: damaged\n---\nHi Ann,\n\nThanks.\n",
            Some(Issue::Damaged),
        );
        check(
            "Hi Ann,\n\nYour parcel is waiting at the post office in Lyon.\n",
            Some(Issue::PostOfficePickup),
        );
        check(
            "Hi Ann,\n\nSorry, your order is delayed by the holiday.\n",
            Some(Issue::ShippingDelay),
        );
        check(
            "Hi Ann,\n\nImport duties are set by your country's customs.\n",
            Some(Issue::Customs),
        );
        check(
            "Hi Ann,\n\nThank you for your question about the size chart.\n",
            None,
        );
        // Writers of English as a second language: singular nouns, no word "delay".
        check(
            "Hi Ann,\n\nWe sent the lamp and the shade in two package.\n",
            Some(Issue::SplitPackage),
        );
        check(
            "Hi Ann,\n\nOur factory is closed for the festival, your order can ship in 5 days, please wait patiently.\n",
            Some(Issue::ShippingDelay),
        );
    }
}

#[cfg(test)]
mod language_tests {
    use crate::letter::Hints;
    use crate::rules::{Registry, Settings};

    #[test]
    fn content_rules_stay_silent_on_languages_they_cannot_read() {
        let registry = Registry::builtin().expect("built-in rules load");
        let text = "---\nkind: reply\nreason: damaged-item\nlanguage: de\n---\nHallo Anna,\n\nvielen Dank für Ihre Nachricht. Es tut uns sehr leid, dass die Lampe zerbrochen ankam. Wir senden Ihnen innerhalb von 2 Tagen kostenlos eine neue Lampe, oder wir erstatten Ihnen den vollen Betrag.\n\nMit freundlichen Grüßen\nLi";
        let (_, diagnostics) = crate::lint(&registry, text, &Hints::default(), &Settings::default());
        let content: Vec<_> = diagnostics
            .iter()
            .filter(|d| ["reply/apology", "reply/options", "reply/solution", "reply/photo-request"].contains(&d.rule.as_str()))
            .collect();
        assert!(content.is_empty(), "{content:?}");
    }
}
