//! The letter's structure in the editor: document symbols (the outline by part), the checklist
//! code lens at the top, and inlay hints naming the part of each paragraph.

use std::sync::LazyLock;

use regex::Regex;
use tower_lsp::lsp_types::*;

use super::CHECKLIST_COMMAND;
use crate::document::Span;
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

/// The checklist line: "Appeal (Wish): 5/7 parts — missing: per-order reasons, plea".
pub fn checklist(letter: &Letter) -> String {
    let required = PartKind::of_kind(letter.kind);
    let missing: Vec<&str> = required
        .iter()
        .filter(|p| !letter.has_part(**p))
        .map(|p| p.title())
        .collect();
    let kind = match letter.kind {
        Kind::Appeal => "Appeal",
        Kind::Reply => "Reply",
    };
    let platform = if letter.platform == "generic" {
        String::new()
    } else {
        format!(" ({})", platform_name(&letter.platform))
    };
    let count = format!(
        "{kind}{platform}: {}/{} parts",
        required.len() - missing.len(),
        required.len()
    );
    if missing.is_empty() {
        count
    } else {
        format!("{count} — missing: {}", missing.join(", "))
    }
}

/// The code lens at the top of the letter with its checklist.
pub fn code_lens(analysis: &Analysis) -> Vec<CodeLens> {
    let top = Range::default();
    vec![CodeLens {
        range: top,
        command: Some(Command {
            title: checklist(&analysis.letter),
            command: CHECKLIST_COMMAND.into(),
            arguments: None,
        }),
        data: None,
    }]
}

/// The name of a part in the outline; per-order parts name their order.
fn part_name(letter: &Letter, part: &Part) -> String {
    let title = capitalized(part.kind.title());
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
        Some(id) => format!("Order {id}"),
        None => title,
    }
}

/// The letter's outline: its front matter and each recognised part, in text order.
pub fn symbols(analysis: &Analysis) -> Vec<DocumentSymbol> {
    let letter = &analysis.letter;
    let mut out = Vec::new();
    if let Some(fm) = &letter.doc.front_matter {
        out.push(symbol(
            analysis,
            "Front matter".into(),
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
            part_name(letter, part),
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
            .map(|p| p.title())
            .collect::<Vec<_>>()
            .join(" + ");
        out.push(InlayHint {
            position: analysis.range(Span::empty(start)).start,
            label: InlayHintLabel::String(format!("{label}:")),
            kind: None,
            text_edits: None,
            tooltip: Some(InlayHintTooltip::String(format!(
                "letterlint reads this paragraph as the letter's {label}"
            ))),
            padding_left: None,
            padding_right: Some(true),
            data: None,
        });
    }
    out
}
