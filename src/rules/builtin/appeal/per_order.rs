//! `appeal/per-order`: every affected order is explained one by one, with its evidence.

use std::sync::LazyLock;

use regex::Regex;

use super::{ORDER_ID, context_text, data_patterns, is_order_id, missing};
use crate::diagnostic::Diagnostic;
use crate::document::{BlockKind, Span, sentences};
use crate::fix::Fix;
use crate::letter::{Letter, PartKind};
use crate::rules::builtin::{Check, finding};
use crate::rules::engine::{insert_block, letter_span};
use crate::rules::{Context, Rule};

/// Finds the order ids the writer names (Wish: 24 hexadecimal characters; Amazon: 3-7-7 digits).
/// For each id, its context (the sentence and the next one in the same paragraph, or the whole
/// table row or list item) must give a reason (`data.reason_patterns`, or three words of its own)
/// and point to evidence (`data.evidence_patterns`: a screenshot, a tracking link, an invoice); in a
/// table with reason and evidence columns, the filled cells count. Merchant and store ids are not
/// orders. The ids that lack
/// either are named. Orders of front matter `orders:` that the body never names are flagged. When
/// the reason is order-level (`data.order_level_reasons` of the platform in front matter, or
/// `data.order_level_patterns` in the text on `data.text_cue_platforms`) and no order is named, the letter is flagged. Every
/// finding offers an `| Order ID | Reason | Evidence |` table (unsafe: the writer fills it in).
pub struct PerOrder;

/// One named order: its id, the unit and source span of its first mention, and what its mentions'
/// contexts give.
struct Mention {
    id: String,
    span: Span,
    block_end: usize,
    has_reason: bool,
    has_evidence: bool,
}

fn mentions(letter: &Letter, rule: &Rule) -> Vec<Mention> {
    let reasons = data_patterns(rule, "reason_patterns");
    let evidence = data_patterns(rule, "evidence_patterns");
    let mut found: Vec<Mention> = Vec::new();
    for (i, unit) in letter.units.iter().enumerate() {
        let text = letter.unit_text(unit);
        let block = &letter.doc.blocks[unit.block];
        let sentence_start = block.sentences[unit.sentence].span.start as usize;
        for m in ORDER_ID.find_iter(text).filter(|m| is_order_id(m.as_str())) {
            let mut context = context_text(letter, i).to_string();
            if let Some(next) = letter.units.get(i + 1).filter(|n| n.block == unit.block) {
                let next_text = letter.unit_text(next);
                if !ORDER_ID.is_match(next_text) {
                    context.push(' ');
                    context.push_str(next_text);
                }
            }
            // A merchant or store id is not an order.
            let before = text[..m.start()].to_ascii_lowercase();
            if NOT_ORDER.is_match(before.trim_end()) {
                continue;
            }
            let without_ids = ORDER_ID.replace_all(&context, " ");
            let other_words = sentences::words(&without_ids)
                .iter()
                .filter(|w| {
                    !FILLER.contains(&without_ids[w.span.range()].to_ascii_lowercase().as_str())
                })
                .count();
            let mut has_reason =
                other_words >= 3 || reasons.iter().any(|p| p.is_match(&without_ids));
            let mut has_evidence = evidence.iter().any(|p| p.is_match(&without_ids));
            // In a table with `Reason` and `Evidence` columns, a filled cell is the answer.
            if let Some(columns) = table_columns(letter, unit.block) {
                let cells: Vec<&str> = block.prose.text.split(" | ").map(str::trim).collect();
                let filled = |i: Option<usize>| {
                    i.and_then(|i| cells.get(i)).is_some_and(|c| {
                        !c.is_empty()
                            && !matches!(
                                c.to_ascii_lowercase().as_str(),
                                "-" | "n/a" | "none" | "no" | "?"
                            )
                    })
                };
                if columns.reason.is_some() {
                    has_reason = filled(columns.reason);
                }
                if columns.evidence.is_some() {
                    has_evidence = filled(columns.evidence);
                }
            }
            let id = m.as_str().to_ascii_lowercase();
            if let Some(previous) = found.iter_mut().find(|f| f.id == id) {
                previous.has_reason |= has_reason;
                previous.has_evidence |= has_evidence;
                previous.block_end = previous.block_end.max(block.span.end as usize);
                continue;
            }
            let plain = Span::new(sentence_start + m.start(), sentence_start + m.end());
            found.push(Mention {
                id,
                span: block.prose.span_to_source(plain),
                block_end: block.span.end as usize,
                has_reason,
                has_evidence,
            });
        }
    }
    found
}

/// Words that say nothing about an order on their own.
const FILLER: &[&str] = &[
    "order",
    "orders",
    "id",
    "no",
    "number",
    "and",
    "the",
    "a",
    "of",
    "for",
    "on",
    "wish",
    "amazon",
    "aliexpress",
    "ebay",
];

/// Text right before an id that makes it a merchant or store id rather than an order.
static NOT_ORDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(merchant|store|seller|shop|account|user|buyer|customer|listing|product|item)(\s+(id|no\.?|number|#))?\s*[:#(]?$").expect("regex")
});

/// Where a table's reason and evidence columns are.
struct Columns {
    reason: Option<usize>,
    evidence: Option<usize>,
}

/// The reason and evidence columns of the table holding block `block`, from its header row.
fn table_columns(letter: &Letter, block: usize) -> Option<Columns> {
    let blocks = &letter.doc.blocks;
    if !matches!(blocks[block].kind, BlockKind::TableRow { header: false }) {
        return None;
    }
    let header = (0..block)
        .rev()
        .take_while(|&i| matches!(blocks[i].kind, BlockKind::TableRow { .. }))
        .find(|&i| matches!(blocks[i].kind, BlockKind::TableRow { header: true }))?;
    let names: Vec<String> = blocks[header]
        .prose
        .text
        .split(" | ")
        .map(|c| c.trim().to_ascii_lowercase())
        .collect();
    let find = |words: &[&str]| {
        names
            .iter()
            .position(|n| words.iter().any(|w| n.contains(w)))
    };
    Some(Columns {
        reason: find(&[
            "reason",
            "cause",
            "problem",
            "issue",
            "what happened",
            "explanation",
        ]),
        evidence: find(&["evidence", "proof", "attach", "screenshot", "document"]),
    })
}

/// The `| Order ID | Reason | Evidence |` table for `ids`.
fn table(ids: &[String]) -> String {
    let mut table = String::from("| Order ID | Reason | Evidence |\n|---|---|---|\n");
    for id in ids {
        table.push_str(&format!(
            "| {id} | (what happened to this order) | (screenshot, tracking link or invoice) |\n"
        ));
    }
    table.trim_end().to_string()
}

impl Check for PerOrder {
    fn check(&self, cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
        let letter = cx.letter;
        let locale = cx.settings.locale();
        let named = mentions(letter, rule);
        let listed: Vec<String> = letter
            .doc
            .front_matter
            .as_ref()
            .map(|f| f.orders.iter().map(|o| o.to_ascii_lowercase()).collect())
            .unwrap_or_default();
        let lacking: Vec<&Mention> = named
            .iter()
            .filter(|m| !(m.has_reason && m.has_evidence))
            .collect();
        let unnamed: Vec<String> = listed
            .iter()
            .filter(|o| !named.iter().any(|m| &m.id == *o))
            .cloned()
            .collect();
        let table_ids: Vec<String> = lacking
            .iter()
            .map(|m| m.id.clone())
            .chain(unnamed.iter().cloned())
            .collect();
        let text = &letter.doc.text;
        let table_fix = |after: usize| {
            let line_end = text[after..].find('\n').map_or(text.len(), |i| after + i);
            let title = rule
                .fix_title(locale)
                .unwrap_or("Insert an order table")
                .to_string();
            Fix::unsafe_fix(
                title,
                vec![insert_block(letter, line_end, &table(&table_ids))],
            )
        };
        let last_block_end = named.iter().map(|m| m.block_end).max();
        for (n, mention) in lacking.iter().enumerate() {
            let key = match (mention.has_reason, mention.has_evidence) {
                (false, false) => "no-reason-no-evidence",
                (true, false) => "no-evidence",
                _ => "no-reason",
            };
            let mut diagnostic = finding(
                rule,
                mention.span,
                rule.named_message(key, locale)
                    .replace("{found}", &mention.id),
            );
            if n == 0 {
                diagnostic =
                    diagnostic.with_fix(table_fix(last_block_end.unwrap_or(mention.block_end)));
            }
            out.push(diagnostic);
        }
        for (n, order) in unnamed.iter().enumerate() {
            let mut diagnostic = finding(
                rule,
                letter_span(letter),
                rule.named_message("unnamed", locale)
                    .replace("{found}", order),
            );
            if n == 0 && lacking.is_empty() {
                if let Some(end) = last_block_end {
                    diagnostic = diagnostic.with_fix(table_fix(end));
                } else {
                    let with_table = missing(
                        cx,
                        rule,
                        "",
                        &[
                            PartKind::RootCause,
                            PartKind::Acknowledgment,
                            PartKind::Salutation,
                        ],
                        &[PartKind::Remedies, PartKind::Plea, PartKind::Signoff],
                    );
                    diagnostic.fixes = with_table.fixes;
                    for fix in &mut diagnostic.fixes {
                        for edit in &mut fix.edits {
                            edit.text = edit.text.replace("{table}", &table(&table_ids));
                        }
                    }
                }
            }
            out.push(diagnostic);
        }
        if !named.is_empty() || !unnamed.is_empty() || letter.has_part(PartKind::PerOrder) {
            return;
        }
        let data = rule.spec.data.as_ref();
        let platform = letter.platform.as_str();
        let order_level_reason = letter.reason().is_some_and(|r| {
            let reasons = data
                .and_then(|d| d.get("order_level_reasons"))
                .and_then(|t| t.get(platform))
                .and_then(|v| v.as_array());
            reasons.is_some_and(|a| a.iter().any(|v| v.as_str() == Some(r.as_str())))
        });
        let cue_platform = data
            .and_then(|d| d.get("text_cue_platforms"))
            .and_then(|v| v.as_array())
            .is_some_and(|a| a.iter().any(|v| v.as_str() == Some(platform)));
        let order_level_text =
            cue_platform && super::mentions(letter, &super::data_set(rule, "order_level_patterns"));
        if order_level_reason || (letter.reason().is_none() && order_level_text) {
            let mut diagnostic = missing(
                cx,
                rule,
                rule.message(locale),
                &[
                    PartKind::RootCause,
                    PartKind::Acknowledgment,
                    PartKind::Salutation,
                ],
                &[PartKind::Remedies, PartKind::Plea, PartKind::Signoff],
            );
            let placeholder = vec!["(order id)".to_string()];
            for fix in &mut diagnostic.fixes {
                for edit in &mut fix.edits {
                    edit.text = edit.text.replace("{table}", &table(&placeholder));
                }
            }
            out.push(diagnostic);
        }
    }
}
