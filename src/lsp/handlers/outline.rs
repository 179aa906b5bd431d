//! The letter's structure in the editor: document symbols (the outline by part), the checklist
//! code lens at the top, and inlay hints naming the part of each paragraph.

use std::sync::LazyLock;

use regex::Regex;
use tower_lsp::lsp_types::*;

use super::CHECKLIST_COMMAND;
use crate::document::Span;
use crate::i18n;
use crate::letter::{Kind, Letter, Part, PartKind};
use crate::lsp::Analysis;

/// Order ids as marketplaces write them: Wish's 24 hex digits, Amazon's 3-7-7 digits, long numbers.
static ORDER_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:[0-9a-f]{24}|\d{3}-\d{7}-\d{7}|\d{10,20})\b").expect("order id pattern")
});

/// The marketplace's name as written in prose.
pub fn platform_name(platform: &str) -> &str {
    crate::letter::platform_title(platform).unwrap_or(platform)
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A part's name for people in `locale`: "per-order reasons", "逐单说明".
fn part_title(locale: &str, part: PartKind) -> &'static str {
    crate::report::labels::for_locale(locale).part(part)
}

/// The checklist line in `locale`: "Appeal (Wish): 5/7 parts — missing: per-order reasons, plea",
/// "Reply (AliExpress) about damaged goods: 6/6 parts".
pub fn checklist(letter: &Letter, locale: &str) -> String {
    let required = PartKind::of_kind(letter.kind);
    let missing: Vec<&str> = required
        .iter()
        .filter(|p| !letter.has_part(**p))
        .map(|p| part_title(locale, *p))
        .collect();
    let kind = i18n::text(
        locale,
        "outline",
        match letter.kind {
            Kind::Appeal => "appeal",
            Kind::Reply => "reply",
        },
    );
    let platform = if letter.platform == "generic" {
        String::new()
    } else {
        i18n::format(locale, "outline", "platform", &[("platform", platform_name(&letter.platform))])
    };
    // A reply says what it answers, so the writer sees why issue rules apply ("Reply (AliExpress)
    // about damaged goods").
    let platform = match crate::rules::builtin::reply::issue_of(letter) {
        Some(issue) => {
            let name = i18n::text(locale, "issues", issue.as_str());
            platform + &i18n::format(locale, "outline", "about", &[("issue", &name)])
        }
        None => platform,
    };
    let present = (required.len() - missing.len()).to_string();
    let count = i18n::format(
        locale,
        "outline",
        "checklist",
        &[("kind", &kind), ("platform", &platform), ("present", &present), ("required", &required.len().to_string())],
    );
    if missing.is_empty() {
        count
    } else {
        let parts = missing.join(&i18n::text(locale, "outline", "separator"));
        i18n::format(locale, "outline", "missing", &[("checklist", &count), ("parts", &parts)])
    }
}

/// The code lens at the top of the letter with its checklist.
pub fn code_lens(analysis: &Analysis) -> Vec<CodeLens> {
    let top = Range::default();
    vec![CodeLens {
        range: top,
        command: Some(Command {
            title: checklist(&analysis.letter, analysis.settings.locale()),
            command: CHECKLIST_COMMAND.into(),
            arguments: None,
        }),
        data: None,
    }]
}

/// The name of a part in the outline; per-order parts name their order.
fn part_name(letter: &Letter, part: &Part, locale: &str) -> String {
    let title = capitalized(part_title(locale, part.kind));
    if part.kind != PartKind::PerOrder {
        return title;
    }
    let text = letter.doc.slice(part.span);
    let known = letter
        .doc
        .front_matter
        .iter()
        .flat_map(|fm| fm.orders.iter())
        .find(|id| text.contains(id.as_str()));
    match known
        .map(String::as_str)
        .or_else(|| ORDER_ID.find(text).map(|m| m.as_str()))
    {
        Some(id) => i18n::format(locale, "outline", "order", &[("id", id)]),
        None => title,
    }
}

/// The letter's outline: its front matter and each recognised part, in text order.
pub fn symbols(analysis: &Analysis) -> Vec<DocumentSymbol> {
    let letter = &analysis.letter;
    let locale = analysis.settings.locale();
    let mut out = Vec::new();
    if let Some(fm) = &letter.doc.front_matter {
        out.push(symbol(
            analysis,
            i18n::text(locale, "outline", "front-matter"),
            None,
            SymbolKind::MODULE,
            fm.span,
            fm.span,
        ));
    }
    for part in &letter.parts {
        let first = letter
            .units
            .get(part.units.start)
            .map_or(part.span, |u| u.span);
        let preview: String = letter.doc.slice(first).chars().take(60).collect();
        out.push(symbol(
            analysis,
            part_name(letter, part, locale),
            Some(preview),
            SymbolKind::STRING,
            part.span,
            first,
        ));
    }
    out
}

fn symbol(
    analysis: &Analysis,
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    span: Span,
    selection: Span,
) -> DocumentSymbol {
    #[allow(deprecated)]
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: analysis.range(span),
        selection_range: analysis.range(if span.contains(selection) {
            selection
        } else {
            span
        }),
        children: None,
    }
}

/// A hint at the start of each paragraph naming the parts recognised in it, when the writer
/// turned hints on.
pub fn inlay_hints(analysis: &Analysis, range: Range) -> Vec<InlayHint> {
    if !analysis.inlay_hints {
        return Vec::new();
    }
    let letter = &analysis.letter;
    let wanted = analysis.span(range);
    let locale = analysis.settings.locale();
    let mut out = Vec::new();
    let mut units = letter.units.iter().peekable();
    while let Some(first) = units.next() {
        let block = first.block;
        let mut parts: Vec<PartKind> = first.parts.clone();
        while let Some(next) = units.next_if(|u| u.block == block) {
            for part in &next.parts {
                if !parts.contains(part) {
                    parts.push(*part);
                }
            }
        }
        let start = letter.doc.blocks[block].span.start as usize;
        if parts.is_empty() || start < wanted.start as usize || start > wanted.end as usize {
            continue;
        }
        let label = parts
            .iter()
            .map(|p| part_title(locale, *p))
            .collect::<Vec<_>>()
            .join(" + ");
        out.push(InlayHint {
            position: analysis.range(Span::empty(start)).start,
            label: InlayHintLabel::String(format!("{label}:")),
            kind: None,
            text_edits: None,
            tooltip: Some(InlayHintTooltip::String(i18n::format(
                locale,
                "outline",
                "hint-tooltip",
                &[("parts", &label)],
            ))),
            padding_left: None,
            padding_right: Some(true),
            data: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::Hints;

    #[test]
    fn the_checklist_speaks_the_writers_locale() {
        let letter = Letter::parse(
            "---\nkind: appeal\nplatform: wish\n---\nDear Wish Merchant Support,\n\nWe admit our mistake: we shipped late.\n\nBest regards,\nLin\n",
            &Hints::default(),
        );
        let english = checklist(&letter, "en");
        assert!(english.starts_with("Appeal (Wish): "), "{english}");
        assert!(english.contains(" parts — missing: ") && english.contains("per-order reasons"), "{english}");
        let chinese = checklist(&letter, "zh-CN");
        assert!(chinese.starts_with("申诉信（Wish 平台）：已具备 "), "{chinese}");
        assert!(chinese.contains("——缺少：") && chinese.contains("逐单说明"), "{chinese}");
        assert!(!chinese.contains("per-order"), "{chinese}");
    }

    #[test]
    fn a_replys_checklist_names_the_issue_it_answers() {
        let text = "---\nplatform: aliexpress\n---\nHi Ann,\n\nI am so sorry the lamp arrived broken. Please send a photo of the lamp and the box.\n\nBest regards,\nLi\n";
        let hints = Hints { kind_override: Some(Kind::Reply), ..Hints::default() };
        let letter = Letter::parse(text, &hints);
        let english = checklist(&letter, "en");
        assert!(english.starts_with("Reply (AliExpress) about damaged goods: "), "{english}");
        let chinese = checklist(&letter, "zh-CN");
        assert!(chinese.contains("（关于商品破损）"), "{chinese}");
        let unknown = Letter::parse("Hi Ann,\n\nThank you for your message.\n\nBest regards,\nLi\n", &hints);
        assert!(checklist(&unknown, "en").starts_with("Reply: "), "{}", checklist(&unknown, "en"));
    }
}
