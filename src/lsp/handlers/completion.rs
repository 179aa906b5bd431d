//! Completion: front-matter keys and values, order ids and tracking numbers from the front
//! matter, phrases for the part the letter expects next, and letter templates (`templates`)
//! in an empty letter or on an empty line.
//!
//! Phrases are the openings the guidance recommends for each part (domain.md §3, seed 000),
//! written as snippets with tab stops.

use tower_lsp::lsp_types::*;

use crate::letter::{Kind, Letter, PLATFORMS, PartKind};
use crate::lsp::Analysis;
use crate::lsp::templates::{Template, builtin, matching};

/// Front-matter keys; their documentation is `[completion] key-<name>` in `rules/locales/`.
const KEYS: &[&str] = &[
    "kind", "platform", "reason", "issue", "orders", "tracking", "customer", "language", "opened", "attachments", "store", "signer",
];

/// Appeal reasons (domain.md §0.1 and §3.1).
const REASONS: &[&str] = &[
    "high-refund-rate",
    "counterfeit",
    "late-fulfillment",
    "invalid-tracking",
    "related-account",
    "odr",
    "inauthentic",
    "ip-complaint",
    "image-theft",
    "sku-cheating",
    "not-delivered",
    "misleading-variation",
];

/// Reply issues (domain.md §0.1 and §3.2).
const ISSUES: &[&str] = &[
    "delay",
    "post-office-pickup",
    "split-package",
    "customs",
    "damaged",
    "wrong-item",
    "refund-timeline",
    "address",
    "lost-reshipped",
    "out-of-stock",
    "welcome",
];

/// Phrase snippets per part: (part, label, snippet).
const PHRASES: &[(PartKind, &str, &str)] = &[
    (
        PartKind::Salutation,
        "Dear Seller Support,",
        "Dear ${1:Seller Support},\n\n$0",
    ),
    (
        PartKind::Acknowledgment,
        "We acknowledge the suspension…",
        "We acknowledge that our account was ${1:suspended} because of ${2:the reason in the notice}, and we take full responsibility.$0",
    ),
    (
        PartKind::RootCause,
        "The root cause was…",
        "After reviewing our process, we found that the root cause was ${1:what went wrong}.$0",
    ),
    (
        PartKind::PerOrder,
        "Order … : what happened",
        "Order ${1:order id}: ${2:what happened to this order and the proof we attach}.$0",
    ),
    (
        PartKind::Remedies,
        "To prevent this from happening again…",
        "To prevent this from happening again, we have ${1:first measure}, ${2:second measure} and ${3:third measure}.$0",
    ),
    (
        PartKind::Plea,
        "We respectfully request reinstatement…",
        "We respectfully request that you reinstate ${1:our account}. Thank you for your time and review.$0",
    ),
    (
        PartKind::Signoff,
        "Sincerely, name and store",
        "Sincerely,\n${1:Name}\n${2:Role}, ${3:Store name}$0",
    ),
    (PartKind::Greeting, "Hi {customer},", "Hi ${1:name},\n\n$0"),
    (
        PartKind::Thanks,
        "Thank you for your order…",
        "Thank you for your order and for letting us know about ${1:the problem}.$0",
    ),
    (
        PartKind::Apology,
        "We are sorry for…",
        "We are sorry for ${1:the delay} and understand how frustrating this is.$0",
    ),
    (
        PartKind::Solution,
        "Here is what we will do…",
        "Here is what we will do: ${1:refund, reship or replacement}, by ${2:date}.$0",
    ),
    (
        PartKind::Tracking,
        "Your tracking number is…",
        "Your tracking number is ${1:number}; you can follow the parcel at ${2:carrier site}.$0",
    ),
];

/// The completion items at a position.
pub fn complete(analysis: &Analysis, position: Position) -> Vec<CompletionItem> {
    let letter = &analysis.letter;
    let doc = &letter.doc;
    let offset = analysis.offset(position);
    let line = doc.line_of(offset);
    let line_start = doc.line_index.line_start(line);
    let before = &doc.text[line_start..offset];
    let locale = analysis.settings.locale();
    if in_front_matter(letter, offset) {
        return front_matter_items(before, locale);
    }
    let mut items = reference_items(letter, locale);
    if before.trim().is_empty() {
        let body_empty = doc.text[doc.body_start()..].trim().is_empty();
        items.extend(phrase_items(letter, offset, position, locale));
        items.extend(template_items(
            letter,
            body_empty,
            position,
            analysis.settings.locale(),
        ));
    }
    items
}

/// True between the front matter's fences (or anywhere after an opening fence never closed).
fn in_front_matter(letter: &Letter, offset: usize) -> bool {
    let Some(fm) = &letter.doc.front_matter else {
        return false;
    };
    let closed = fm.body_span.start > 0;
    if closed {
        (fm.body_span.start as usize..=fm.body_span.end as usize).contains(&offset)
    } else {
        offset > fm.span.end as usize
    }
}

fn front_matter_items(before: &str, locale: &str) -> Vec<CompletionItem> {
    let Some((key, value)) = before.split_once(':') else {
        return KEYS
            .iter()
            .map(|key| CompletionItem {
                label: (*key).into(),
                kind: Some(CompletionItemKind::PROPERTY),
                documentation: Some(Documentation::String(crate::i18n::text(locale, "completion", &format!("key-{key}")))),
                insert_text: Some(format!("{key}: ")),
                ..Default::default()
            })
            .collect();
    };
    let values: &[&str] = match key.trim() {
        "kind" => &["appeal", "reply"],
        "platform" => PLATFORMS,
        "reason" => REASONS,
        "issue" => ISSUES,
        "language" => &["en", "zh"],
        _ => &[],
    };
    let leading = if value.is_empty() { " " } else { "" };
    values
        .iter()
        .map(|v| CompletionItem {
            label: (*v).into(),
            kind: Some(CompletionItemKind::ENUM_MEMBER),
            insert_text: Some(format!("{leading}{v}")),
            ..Default::default()
        })
        .collect()
}

/// Order ids and tracking numbers declared in the front matter.
fn reference_items(letter: &Letter, locale: &str) -> Vec<CompletionItem> {
    let Some(fm) = &letter.doc.front_matter else {
        return Vec::new();
    };
    let orders = fm
        .orders
        .iter()
        .map(|id| (id, crate::i18n::text(locale, "completion", "order-id")));
    let tracking = fm
        .tracking
        .iter()
        .map(|id| (id, crate::i18n::text(locale, "completion", "tracking-number")));
    orders
        .chain(tracking)
        .map(|(id, what)| CompletionItem {
            label: id.clone(),
            kind: Some(CompletionItemKind::VALUE),
            detail: Some(what.clone()),
            ..Default::default()
        })
        .collect()
}

/// The parts the letter expects at `offset`: the part that follows, in the recommended order,
/// the last part before the cursor, then every part still missing.
pub fn expected_parts(letter: &Letter, offset: usize) -> Vec<PartKind> {
    let order = PartKind::of_kind(letter.kind);
    let before: Vec<PartKind> = letter
        .parts
        .iter()
        .filter(|p| (p.span.end as usize) <= offset)
        .map(|p| p.kind)
        .collect();
    let last = before
        .iter()
        .filter_map(|k| order.iter().position(|o| o == k))
        .max();
    let mut out = Vec::new();
    let next = last.map_or(0, |i| i + 1);
    if let Some(part) = order.get(next) {
        out.push(*part);
    }
    // Per-order reasons repeat: after one, another may follow.
    if letter.kind == Kind::Appeal
        && before.last() == Some(&PartKind::PerOrder)
        && !out.contains(&PartKind::PerOrder)
    {
        out.insert(0, PartKind::PerOrder);
    }
    for part in order {
        if !letter.has_part(*part) && !out.contains(part) {
            out.push(*part);
        }
    }
    out
}

fn phrase_items(letter: &Letter, offset: usize, position: Position, locale: &str) -> Vec<CompletionItem> {
    let range = Range {
        start: position,
        end: position,
    };
    expected_parts(letter, offset)
        .iter()
        .enumerate()
        .flat_map(|(rank, part)| {
            PHRASES
                .iter()
                .filter(move |(p, _, _)| p == part)
                .map(move |phrase| (rank, phrase))
        })
        .map(|(rank, (part, label, snippet))| CompletionItem {
            label: (*label).into(),
            kind: Some(CompletionItemKind::SNIPPET),
            detail: Some(crate::i18n::format(locale, "completion", "phrase", &[("part", crate::report::labels::for_locale(locale).part(*part))])),
            sort_text: Some(format!("0{rank:02}")),
            insert_text_format: Some(InsertTextFormat::SNIPPET),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                range,
                new_text: (*snippet).into(),
            })),
            ..Default::default()
        })
        .collect()
}

/// Templates for the letter's kind and platform (any kind in an empty letter), in the language
/// its front matter declares (English by default), titled in the editor's locale. In an empty document the snippet brings the
/// letter's front matter too.
fn template_items(
    letter: &Letter,
    body_empty: bool,
    position: Position,
    locale: &str,
) -> Vec<CompletionItem> {
    let fm = letter.doc.front_matter.as_ref();
    let language = fm
        .and_then(|f| f.language.as_deref())
        .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_ascii_lowercase())
        .unwrap_or_else(|| "en".to_string());
    let kind = (!body_empty || fm.is_some_and(|f| f.kind.is_some())).then_some(letter.kind);
    let platform = (letter.platform != "generic").then_some(letter.platform.as_str());
    let mut templates: Vec<&Template> = matching(builtin(), kind, platform, None, Some(&language));
    if templates.is_empty() {
        templates = matching(builtin(), kind, platform, None, Some("en"));
    }
    let whole_document = letter.doc.text.trim().is_empty();
    let reason = fm.and_then(|f| f.reason.as_deref());
    let range = Range {
        start: position,
        end: position,
    };
    templates
        .iter()
        .map(|t| {
            let platform = platform.unwrap_or_else(|| t.default_platform());
            CompletionItem {
                label: format!("template: {}", t.title_in(locale)),
                kind: Some(CompletionItemKind::SNIPPET),
                detail: Some(t.id.clone()),
                documentation: Some(Documentation::String(t.description_in(locale).to_string())),
                // The template for the front matter's reason comes first.
                sort_text: Some(format!(
                    "1{}{}",
                    if reason.is_some_and(|r| r == t.reason || t.id.ends_with(&format!("/{r}"))) {
                        'a'
                    } else {
                        'b'
                    },
                    t.id
                )),
                insert_text_format: Some(InsertTextFormat::SNIPPET),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                    range,
                    new_text: t.snippet(whole_document.then_some(platform)),
                })),
                ..Default::default()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::Hints;

    #[test]
    fn the_front_matter_is_between_its_fences_or_after_an_unclosed_one() {
        let closed = Letter::parse("---\nkind: appeal\n---\nDear team,\n", &Hints::default());
        assert!(in_front_matter(&closed, 4));
        assert!(in_front_matter(&closed, 16));
        assert!(!in_front_matter(&closed, 2));
        assert!(!in_front_matter(&closed, 22));
        let open = Letter::parse("---\nki", &Hints::default());
        assert!(in_front_matter(&open, 6));
        assert!(!in_front_matter(&open, 2));
    }

    #[test]
    fn after_the_salutation_an_appeal_expects_the_acknowledgment() {
        let text = "---\nkind: appeal\n---\nDear Seller Support,\n\n";
        let letter = Letter::parse(text, &Hints::default());
        let expected = expected_parts(&letter, text.len());
        assert_eq!(
            expected.first(),
            Some(&PartKind::Acknowledgment),
            "{expected:?}"
        );
        assert!(!expected.contains(&PartKind::Salutation));
    }
}
