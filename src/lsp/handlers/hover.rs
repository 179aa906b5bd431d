//! Hover: the explanation of the rule behind a diagnostic under the cursor, and the glossary
//! entry of a platform term.

use tower_lsp::lsp_types::*;

use crate::document::Span;
use crate::lsp::Analysis;
use crate::lsp::glossary::GLOSSARY;

/// The hover at a position, or `None` when there is nothing to say.
pub fn hover(analysis: &Analysis, position: Position) -> Option<Hover> {
    let offset = analysis.offset(position);
    let doc = &analysis.letter.doc;
    let mut sections = Vec::new();
    let mut range: Option<Span> = None;
    let locale = analysis.settings.locale();
    let mut explained: Vec<&str> = Vec::new();
    for d in &analysis.diagnostics {
        let on = d.span.start as usize <= offset
            && (offset < d.span.end as usize
                || (d.span.is_empty() && offset == d.span.start as usize));
        if !on || explained.contains(&d.rule.as_str()) {
            continue;
        }
        explained.push(&d.rule);
        if let Some(rule) = analysis.profile.registry.get(&d.rule) {
            sections.push(format!(
                "**{}**\n\n{}",
                d.message,
                crate::rules::docs::explain(rule, locale)
            ));
        }
        range = Some(range.map_or(d.span, |r| r.cover(d.span)));
    }
    let line = doc.line_of(offset);
    let line_range = doc.line_index.line_range(&doc.text, line);
    let in_front_matter = doc
        .front_matter
        .as_ref()
        .is_some_and(|fm| fm.span.contains(Span::empty(offset)) && offset < fm.span.end as usize);
    if !in_front_matter {
        let line_text = &doc.text[line_range.clone()];
        if let Some((entry, hit)) = GLOSSARY.lookup(
            line_text,
            offset.saturating_sub(line_range.start),
            &analysis.letter.platform,
        ) {
            sections.push(entry.markdown(locale));
            let span = Span::new(line_range.start + hit.start, line_range.start + hit.end);
            range = Some(range.map_or(span, |r| r.cover(span)));
        }
    }
    if sections.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: range.map(|r| analysis.range(r)),
    })
}
