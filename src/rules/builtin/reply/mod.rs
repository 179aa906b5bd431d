//! Code rules of the `reply/` group: what a reply to a buyer must contain for its issue type,
//! in which language, and by when. The rules that only need a part to be present
//! (`reply/greeting`, `reply/thanks`, `reply/signoff`) and phrase rules (`reply/expectations`) are
//! data files in `rules/reply/`.
//!
//! The issue a reply answers comes from front matter `reason:`, else from the text (`issue_of`).

use super::Check;
use crate::diagnostic::Diagnostic;
use crate::letter::{Kind, Letter, PartKind};
use crate::rules::Rule;
use crate::rules::builtin::finding;
use crate::rules::engine::letter_span;

mod apology;
mod content;
pub mod cues;
mod deadline;
mod issue;
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

    /// The issue's name in reports and front matter `reason:` (`shipping-delay`, `damaged`...).
    pub fn as_str(self) -> &'static str {
        match self {
            Issue::ShippingDelay => "shipping-delay",
            Issue::PostOfficePickup => "post-office-pickup",
            Issue::SplitPackage => "split-package",
            Issue::LostReshipped => "lost-reshipped",
            Issue::TrackingNotUpdating => "tracking-not-updating",
            Issue::Customs => "customs-duty",
            Issue::Damaged => "damaged",
            Issue::WrongItem => "wrong-item",
            Issue::Quality => "quality",
            Issue::RefundTiming => "refund-timing",
            Issue::AddressProblem => "address-problem",
            Issue::Welcome => "welcome",
            Issue::KeywordReply => "keyword-reply",
        }
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

    /// The issue is about a parcel on its way, so the buyer needs its tracking. A buyer asking
    /// why the tracking has not moved already has the number (domain.md R17).
    pub fn is_about_shipping(self) -> bool {
        matches!(
            self,
            Issue::ShippingDelay
                | Issue::PostOfficePickup
                | Issue::SplitPackage
                | Issue::LostReshipped
        )
    }
}

/// What the reply of this lint answers (`issue_of`).
pub fn issue(cx: &crate::rules::Context<'_>) -> Option<Issue> {
    issue_of(cx.letter)
}

/// The issue a reply answers: front matter `reason:` (or `kind: keyword-reply`), else recognised
/// from the writer's text (`issue::recognise`). Appeals have no issue in this sense.
pub fn issue_of(letter: &Letter) -> Option<Issue> {
    *letter.reply_issue.get_or_init(|| answered(letter))
}

fn answered(letter: &Letter) -> Option<Issue> {
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
    issue::recognise(letter)
}

/// The reply (`text`, its own prose) says the seller has already refunded or sent a replacement
/// (`resolved` in `rules/lexicons/replies.toml`): the buyer has nothing left to choose.
pub fn already_resolved(letter: &Letter, text: &str) -> bool {
    cues::cue("resolved").is_match(letter.language(), text)
}

/// A delay reply (`text`, its own prose) about an order that has not shipped yet (`not-shipped`;
/// domain.md R3, urging shipment): it owes a ship-by date, not a tracking number or a choice.
pub fn awaiting_shipment(letter: &Letter, text: &str) -> bool {
    issue_of(letter) == Some(Issue::ShippingDelay) && cues::cue("not-shipped").is_match(letter.language(), text)
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

    #[test]
    fn issue_is_recognised_in_the_languages_of_the_cues() {
        let cases = [
            ("Bonjour Marie,\n\nVotre colis vous attend au bureau de poste de Lyon depuis lundi.\n", Issue::PostOfficePickup),
            ("Bonjour Marie,\n\nNous sommes désolés : votre commande est en retard à cause de la grève.\n", Issue::ShippingDelay),
            ("Hallo Anna,\n\nes tut uns leid, dass die Vase beschädigt bei Ihnen angekommen ist.\n", Issue::Damaged),
            ("Hallo Anna,\n\ndie Zollgebühren legt der Zoll in Ihrem Land fest.\n", Issue::Customs),
            ("Olá Ana,\n\nenviamos o seu pedido em dois pacotes, por isso chegou só uma parte.\n", Issue::SplitPackage),
            ("Olá Ana,\n\no reembolso foi feito hoje e o banco leva de 3 a 20 dias úteis.\n", Issue::RefundTiming),
            ("Buongiorno Giulia,\n\nci scusiamo, le abbiamo spedito la taglia sbagliata.\n", Issue::WrongItem),
            ("Buongiorno Giulia,\n\nbenvenuti nel nostro negozio! Rispondiamo dalle 9:00 alle 18:00.\n", Issue::Welcome),
            ("Здравствуйте, Анна!\n\nВаша посылка потерялась, поэтому мы отправили новую вчера.\n", Issue::LostReshipped),
            ("Здравствуйте, Анна!\n\nК сожалению, трек-номер не обновляется уже неделю.\n", Issue::TrackingNotUpdating),
            ("Здравствуйте, Анна!\n\nНа складе перепутали пакеты, и вместо платья размера S вам пришло платье размера L.\n", Issue::WrongItem),
        ];
        for (text, issue) in cases {
            check(text, Some(issue));
        }
    }
}

#[cfg(test)]
mod language_tests {
    use crate::letter::Hints;
    use crate::rules::{Registry, Settings};

    #[test]
    fn content_rules_stay_silent_on_languages_they_cannot_read() {
        let registry = Registry::builtin().expect("built-in rules load");
        // Dutch: no cues in rules/lexicons/replies.toml.
        let text = "---\nkind: reply\nreason: damaged-item\nlanguage: nl\n---\nHallo Anna,\n\nBedankt voor uw bericht. Het spijt ons dat de lamp kapot is aangekomen. Wij sturen u binnen 2 dagen gratis een nieuwe lamp, of wij betalen het volledige bedrag terug.\n\nMet vriendelijke groet\nLi";
        let (_, diagnostics) = crate::lint(&registry, text, &Hints::default(), &Settings::default());
        let content: Vec<_> = diagnostics
            .iter()
            .filter(|d| ["reply/apology", "reply/options", "reply/solution", "reply/photo-request"].contains(&d.rule.as_str()))
            .collect();
        assert!(content.is_empty(), "{content:?}");
    }
}
