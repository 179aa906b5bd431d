//! Recognising the parts of a letter, sentence by sentence.
//!
//! Signals, strongest first: the sign-off block at the end and the salutation at the start (by
//! position and closing or greeting phrases), cue phrases of a part in the sentence, and the
//! section a heading or a bold label opened. Cue lexicons live in `rules/lexicons/parts.toml`.

use serde::Serialize;

use super::lexicon::{CueScan, LEXICONS};
use super::{Kind, Part, Unit};
use crate::document::{Block, BlockKind, Document, Span};

/// A part of a letter (LABELS.md defines each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    Salutation,
    Acknowledgment,
    RootCause,
    PerOrder,
    Remedies,
    Plea,
    Greeting,
    Thanks,
    Apology,
    Solution,
    Tracking,
    Signoff,
}

impl PartKind {
    pub const APPEAL: [PartKind; 7] = [
        PartKind::Salutation,
        PartKind::Acknowledgment,
        PartKind::RootCause,
        PartKind::PerOrder,
        PartKind::Remedies,
        PartKind::Plea,
        PartKind::Signoff,
    ];
    pub const REPLY: [PartKind; 6] = [
        PartKind::Greeting,
        PartKind::Thanks,
        PartKind::Apology,
        PartKind::Solution,
        PartKind::Tracking,
        PartKind::Signoff,
    ];

    /// The parts a letter of `kind` has, in their recommended order.
    pub fn of_kind(kind: Kind) -> &'static [PartKind] {
        match kind {
            Kind::Appeal => &Self::APPEAL,
            Kind::Reply => &Self::REPLY,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PartKind::Salutation => "salutation",
            PartKind::Acknowledgment => "acknowledgment",
            PartKind::RootCause => "root_cause",
            PartKind::PerOrder => "per_order",
            PartKind::Remedies => "remedies",
            PartKind::Plea => "plea",
            PartKind::Greeting => "greeting",
            PartKind::Thanks => "thanks",
            PartKind::Apology => "apology",
            PartKind::Solution => "solution",
            PartKind::Tracking => "tracking",
            PartKind::Signoff => "signoff",
        }
    }

    /// A name for people: "per-order reasons", "sign-off".
    pub fn title(self) -> &'static str {
        match self {
            PartKind::Salutation => "salutation",
            PartKind::Acknowledgment => "acknowledgment",
            PartKind::RootCause => "root cause",
            PartKind::PerOrder => "per-order reasons",
            PartKind::Remedies => "remedies",
            PartKind::Plea => "plea",
            PartKind::Greeting => "greeting",
            PartKind::Thanks => "thanks",
            PartKind::Apology => "apology",
            PartKind::Solution => "solution",
            PartKind::Tracking => "tracking",
            PartKind::Signoff => "sign-off",
        }
    }

    pub fn parse(name: &str) -> Option<PartKind> {
        let all = Self::APPEAL.iter().chain(Self::REPLY.iter());
        all.copied()
            .find(|p| p.as_str() == name || p.title() == name)
    }
}

/// How many sentences at the end of a letter may hold the sign-off's closing phrase.
const SIGNOFF_WINDOW: usize = 5;

/// The most words a closing line ("Thank you for your help,") may have.
const CLOSING_WORDS: usize = 8;

/// The most words a line of a signature without a closing phrase (a name, a role, a store) may have.
const SIGNATURE_WORDS: usize = 5;

/// The most lines a signature without a closing phrase may have.
const SIGNATURE_LINES: usize = 3;

/// The most words a label at the start of a line (`Attached:`) may have.
const INLINE_LABEL_WORDS: usize = 3;

/// The most words a lead-in line ("Measures already in place:") may have.
const LEAD_IN_WORDS: usize = 20;

/// The section a heading, bold label, table header or lead-in line opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// No section: sentences take the parts their cues name.
    Open,
    /// A section of one part.
    Part(PartKind),
    /// A section of no part (evidence, attachments): its items take no part from their cues.
    Neutral,
}

impl Scope {
    fn part(self) -> Option<PartKind> {
        match self {
            Scope::Part(part) => Some(part),
            Scope::Open | Scope::Neutral => None,
        }
    }
}

/// Recognises the part of every sentence of the writer's prose.
///
/// One pass over the sentences, one `PatternSet` match each. Signals, strongest first: the
/// sign-off at the end; the salutation or greeting opening the letter; a lead-in line ending with
/// a colon, which gives its part to the list items, table rows and uncued lines under it; a
/// heading, bold label or table header, which gives its part to the items of its section and to
/// its sentences without a cue; the cue phrases of the sentence; and, in an appeal, position: an
/// uncued sentence that follows the acknowledgment or the root cause, before any order, remedy
/// or plea, goes on explaining the cause. In a reply, an uncued sentence continues the solution
/// its paragraph began.
pub fn recognise(doc: &Document, kind: Kind, scans: &[CueScan<'_>]) -> Vec<Unit> {
    let mut units = Vec::new();
    for (block_idx, block) in doc.own_blocks() {
        for (sentence_idx, sentence) in block.sentences.iter().enumerate() {
            units.push(Unit {
                block: block_idx,
                sentence: sentence_idx,
                span: block.sentence_span(sentence),
                parts: Vec::new(),
            });
        }
    }
    let opening = match kind {
        Kind::Appeal => PartKind::Salutation,
        Kind::Reply => PartKind::Greeting,
    };
    let signoff_start = find_signoff(doc, &units, scans);
    // The opening is the first sentence that is not a title heading or a subject line.
    let opening_unit = units.iter().position(|u| {
        let block = &doc.blocks[u.block];
        !block.is_heading() && !is_subject_line(sentence_text(block, u.sentence))
    });
    let mut section = Scope::Open;
    let mut lead: Option<Scope> = None;
    let mut explaining = false;
    let mut previous_block = None;
    let mut previous_solution = false;
    // The part of the last item of the list being read.
    let mut item_run: Option<PartKind> = None;
    for (i, unit) in units.iter_mut().enumerate() {
        let block = &doc.blocks[unit.block];
        let text = sentence_text(block, unit.sentence);
        let scan = &scans[i];
        let new_block = previous_block != Some(unit.block);
        previous_block = Some(unit.block);
        if signoff_start.is_some_and(|s| i >= s) {
            unit.parts.push(PartKind::Signoff);
            continue;
        }
        let before_opening = opening_unit.is_none_or(|o| i < o);
        if block.is_heading() {
            lead = None;
            item_run = None;
            // A heading above the first sentence is the letter's title and opens nothing.
            section = if before_opening {
                Scope::Open
            } else {
                heading_scope(scan, kind)
            };
            // A heading that names a part ends the explanation; one that names an issue
            // ("2. Late shipment") opens more of it.
            if section != Scope::Open {
                explaining = false;
            }
            unit.parts.extend(section.part());
            continue;
        }
        if before_opening {
            // A subject line names the letter; it is no part of it.
            continue;
        }
        let is_item = matches!(
            block.kind,
            BlockKind::ListItem { .. } | BlockKind::TableRow { .. }
        );
        if new_block {
            if !is_item {
                lead = None;
                item_run = None;
            }
            if let Some(label) = &block.label {
                let scope = heading_scope(&CueScan::new(label), kind);
                if scope != Scope::Open {
                    section = scope;
                    lead = None;
                }
            }
            if matches!(block.kind, BlockKind::TableRow { header: true }) {
                // A table header names its rows' part ("Order ID | Reason"); an evidence column
                // among others does not make the rows evidence.
                if let Some(part) = heading_part(scan, kind) {
                    lead = Some(Scope::Part(part));
                }
            }
        }
        // The first sentence of a list item or table row belongs to its section; a later sentence
        // of a long item may start another part ("Please reopen our store.").
        let first_of_item = is_item && unit.sentence == 0;
        let (mut parts, unconfirmed) = cue_parts(scan, kind);
        if inline_label_is_neutral(text, kind) {
            // "Attached: invoices and photos" lists evidence, whatever its words.
            parts.clear();
        }
        let is_opening = opening_unit == Some(i);
        parts.retain(|p| *p != opening || is_opening);
        if is_opening && parts.is_empty() && looks_like_salutation(text) {
            parts.push(opening);
        }
        if parts.contains(&opening) {
            parts.retain(|p| *p == opening || *p == PartKind::Thanks);
        } else if is_lead_in(text) {
            // The lead-in's own cues name its part first ("To make sure this cannot happen again,
            // we have:"), then its words as a heading ("Late orders:").
            let scope = match parts.first().copied().or(unconfirmed) {
                Some(part) => Scope::Part(part),
                None => heading_scope(scan, kind),
            };
            if scope != Scope::Open {
                lead = Some(scope);
                parts.clear();
                parts.extend(scope.part());
            }
        } else if let Some(scope) = lead {
            if first_of_item || (parts.is_empty() && unconfirmed.is_none()) {
                parts.clear();
                parts.extend(scope.part());
            } else {
                // A sentence with cues of its own ends a lead-in's run inside a paragraph.
                lead = None;
            }
        }
        if lead.is_none() {
            match section {
                Scope::Part(part) if first_of_item || parts.is_empty() || parts.contains(&part) => {
                    parts.clear();
                    parts.push(part);
                }
                Scope::Neutral if first_of_item => parts.clear(),
                _ => {}
            }
        }
        // A vague promise ("we will do better") is neither a remedy nor part of the explanation.
        if unconfirmed.is_some() && parts.is_empty() {
            explaining = false;
        }
        // A sentence that points at evidence ("We attach the invoices") explains nothing more.
        let evidence = parts.is_empty() && is_evidence(scan);
        if evidence {
            explaining = false;
        }
        if parts.is_empty() && first_of_item {
            // An uncued item continues the part of the item before it in the same list.
            parts.extend(item_run);
        }
        if parts.is_empty() && !is_opening && !evidence && lead.unwrap_or(section) != Scope::Neutral
        {
            match kind {
                Kind::Appeal if explaining => parts.push(PartKind::RootCause),
                Kind::Reply if previous_solution && !new_block => parts.push(PartKind::Solution),
                _ => {}
            }
        }
        if parts
            .iter()
            .any(|p| matches!(p, PartKind::PerOrder | PartKind::Remedies | PartKind::Plea))
            || lead.unwrap_or(section) == Scope::Neutral
        {
            explaining = false;
        } else if parts
            .iter()
            .any(|p| matches!(p, PartKind::Acknowledgment | PartKind::RootCause))
        {
            explaining = true;
        }
        // One sentence, one part where one reading wins: a closing request that names the changes
        // is the plea, and a line that gives the tracking number is the tracking.
        if parts.contains(&PartKind::Plea) {
            parts.retain(|p| *p != PartKind::Remedies);
        }
        if parts.contains(&PartKind::Tracking) {
            parts.retain(|p| *p != PartKind::Solution);
        }
        previous_solution = parts.contains(&PartKind::Solution);
        if first_of_item {
            item_run = parts.first().copied();
        }
        parts.sort();
        unit.parts = parts;
    }
    units
}

/// The parts whose cues a sentence matches, in one `PatternSet` pass; and the part of a promise
/// cue that matched without anything concrete (a lead-in may still use it).
fn cue_parts(scan: &CueScan<'_>, kind: Kind) -> (Vec<PartKind>, Option<PartKind>) {
    let lexicon = &LEXICONS.parts;
    let mut parts: Vec<PartKind> = Vec::new();
    let mut unconfirmed = None;
    for pattern in lexicon.all_cues.matches(scan) {
        let cues = &lexicon.parts[lexicon.cue_owner[pattern]];
        if cues.kind.is_some_and(|k| k != kind)
            || parts.contains(&cues.part)
            || cues.part == PartKind::Signoff
        {
            continue;
        }
        if cues.not.is_match(scan) {
            continue;
        }
        if lexicon.cue_is_promise[pattern]
            && !cues.concrete.is_match(scan)
        {
            unconfirmed = Some(cues.part);
            continue;
        }
        parts.push(cues.part);
    }
    (parts, unconfirmed)
}

fn sentence_text(block: &Block, sentence: usize) -> &str {
    &block.prose.text[block.sentences[sentence].span.range()]
}

/// Whether a sentence starts a line of the source (not after another sentence on its line).
fn starts_line(block: &Block, sentence: usize) -> bool {
    let start = block.sentences[sentence].span.start as usize;
    block.prose.text[..start]
        .trim_end_matches([' ', '\t'])
        .chars()
        .last()
        .is_none_or(|c| c == '\n')
}

fn is_subject_line(text: &str) -> bool {
    let lower = text.trim_start().to_ascii_lowercase();
    lower.starts_with("subject:") || lower.starts_with("re:") || lower.starts_with("subject line:")
}

/// A short line ending with a colon that introduces the lines or items under it.
fn is_lead_in(text: &str) -> bool {
    text.trim_end().ends_with(':') && text.split_whitespace().count() <= LEAD_IN_WORDS
}

/// A short first line ending with a comma or colon reads as a salutation even without "Dear".
fn looks_like_salutation(text: &str) -> bool {
    let words = text.split_whitespace().count();
    words <= 8
        && (text.ends_with(',') || text.ends_with(':') || text.ends_with('!'))
        && !is_subject_line(text)
}

/// The part a heading or bold label opens, if its words name one of this kind's parts.
fn heading_part(scan: &CueScan<'_>, kind: Kind) -> Option<PartKind> {
    let lexicon = &LEXICONS.parts;
    lexicon
        .parts
        .iter()
        .filter(|p| p.kind.is_none_or(|k| k == kind))
        .find(|p| p.headings.is_match(scan))
        .map(|p| p.part)
}

/// The section a heading, label, table header or lead-in opens: a part, no part (evidence,
/// attachments), or none at all.
fn heading_scope(scan: &CueScan<'_>, kind: Kind) -> Scope {
    if let Some(part) = heading_part(scan, kind) {
        return Scope::Part(part);
    }
    if LEXICONS.parts.neutral_headings.is_match(scan) {
        Scope::Neutral
    } else {
        Scope::Open
    }
}

/// Whether a sentence points at evidence or attachments rather than telling anything.
fn is_evidence(scan: &CueScan<'_>) -> bool {
    LEXICONS.parts.evidence.is_match(scan)
}

/// Whether a sentence opens with a short label of no part, as in `Attached: invoices`.
fn inline_label_is_neutral(text: &str, kind: Kind) -> bool {
    let Some((label, rest)) = text.split_once(':') else {
        return false;
    };
    !rest.trim().is_empty()
        && label.split_whitespace().count() <= INLINE_LABEL_WORDS
        && heading_scope(&CueScan::new(label), kind) == Scope::Neutral
}

/// The first unit of the sign-off: the earliest of a run of closing lines among the last
/// sentences, followed only by short lines (name, role, store); or, without a closing phrase, a
/// signature of a few short name-like lines after the last full sentence.
fn find_signoff(doc: &Document, units: &[Unit], scans: &[CueScan<'_>]) -> Option<usize> {
    let lexicon = &LEXICONS.parts;
    let signoff = &lexicon
        .parts
        .iter()
        .find(|p| p.part == PartKind::Signoff)?
        .cues;
    if signoff.is_empty() {
        return None;
    }
    let first_candidate = units.len().saturating_sub(SIGNOFF_WINDOW);
    let mut found = None;
    for i in (first_candidate..units.len()).rev() {
        let unit = &units[i];
        let block = &doc.blocks[unit.block];
        let text = sentence_text(block, unit.sentence);
        let words = text.split_whitespace().count();
        // A closing line starts a line: "Thank you." after a request on the same line is the plea's.
        if words <= CLOSING_WORDS
            && starts_line(block, unit.sentence)
            && !block.is_heading()
            && signoff.is_match(&scans[i])
        {
            found = Some(i);
            // Keep walking back over consecutive closing lines ("Have a nice day", "Best regards").
            continue;
        }
        if found.is_some() || words > CLOSING_WORDS {
            break;
        }
    }
    found.or_else(|| find_signature(doc, units))
}

/// A signature without a closing phrase the lexicon knows: up to three short lines at the very end
/// that read as a name, a role or a store (a capital or a placeholder first, no digits, colons or
/// end punctuation), after a sentence that ends the letter's body or after a short line of its own
/// ending with a comma (a closing phrase in any words).
fn find_signature(doc: &Document, units: &[Unit]) -> Option<usize> {
    let mut start = None;
    for i in (0..units.len()).rev() {
        let unit = &units[i];
        let block = &doc.blocks[unit.block];
        let text = sentence_text(block, unit.sentence);
        let own_line = matches!(block.kind, BlockKind::Paragraph) && starts_line(block, unit.sentence);
        let name_like = own_line
            && text.split_whitespace().count() <= SIGNATURE_WORDS
            && text
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '[' || c == '{')
            && !text.chars().any(|c| c.is_ascii_digit() || c == ':')
            && !text.ends_with(['.', '!', '?', ',', ';', ':']);
        if name_like && units.len() - i <= SIGNATURE_LINES {
            start = Some(i);
            continue;
        }
        // A short line of its own ending with a comma just above the signature is the closing
        // phrase, in whatever words ("Quedo a su disposición,", "Bonne fin de journée,").
        let closing = own_line
            && text.split_whitespace().count() <= CLOSING_WORDS
            && text.trim_end().ends_with(',');
        if closing && start.is_some() {
            return Some(i);
        }
        return start.filter(|_| text.trim_end().ends_with(['.', '!', '?']));
    }
    None
}

/// Groups consecutive units that share a part into `Part`s.
pub fn group(units: &[Unit]) -> Vec<Part> {
    let mut parts: Vec<Part> = Vec::new();
    let mut open: Vec<(PartKind, usize)> = Vec::new();
    for (i, unit) in units.iter().enumerate() {
        // Close the runs whose part this unit does not continue.
        open.retain(|&(kind, start)| {
            if unit.parts.contains(&kind) {
                true
            } else {
                parts.push(make_part(units, kind, start, i));
                false
            }
        });
        for &kind in &unit.parts {
            if !open.iter().any(|(k, _)| *k == kind) {
                open.push((kind, i));
            }
        }
    }
    for (kind, start) in open {
        parts.push(make_part(units, kind, start, units.len()));
    }
    parts.sort_by_key(|p| (p.span.start, p.kind));
    parts
}

fn make_part(units: &[Unit], kind: PartKind, start: usize, end: usize) -> Part {
    let span = units[start..end]
        .iter()
        .fold(units[start].span, |acc, u| acc.cover(u.span));
    Part {
        kind,
        span: Span::new(span.start as usize, span.end as usize),
        units: start..end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::{Hints, Letter};

    fn parts_of(text: &str) -> Vec<(&'static str, String)> {
        let letter = Letter::parse(text, &Hints::default());
        letter
            .parts
            .iter()
            .map(|p| (p.kind.as_str(), letter.doc.slice(p.span).to_string()))
            .collect()
    }

    #[test]
    fn recognises_the_three_part_appeal() {
        let parts = parts_of(
            "Dear Seller Support,\n\nWe are really sorry for the high refund rate.\n\nWe will switch to Wish Express for all orders.\n\nPlease help us reactivate our account.\n\nBest regards,\n\nZhang Yue\n",
        );
        let names: Vec<&str> = parts.iter().map(|p| p.0).collect();
        assert_eq!(
            names,
            [
                "salutation",
                "acknowledgment",
                "remedies",
                "plea",
                "signoff"
            ]
        );
        assert_eq!(parts.last().unwrap().1, "Best regards,\n\nZhang Yue");
    }

    #[test]
    fn a_conditional_apology_is_not_an_acknowledgment() {
        let parts = parts_of(
            "Dear Seller Support,\n\nWe are sorry if you feel our shipping was slow.\n\nPlease reinstate our store.\n",
        );
        assert!(parts.iter().all(|p| p.0 != "acknowledgment"), "{parts:?}");
    }

    #[test]
    fn a_heading_opens_a_section() {
        let parts = parts_of(
            "Dear Merchant Support,\n\n## Root cause\n\nOur packer used the old label stock for a week.\n",
        );
        assert!(
            parts
                .iter()
                .any(|p| p.0 == "root_cause" && p.1.contains("old label stock")),
            "{parts:?}"
        );
    }

    /// The part of the sentence that contains `needle`, as the part names of its unit.
    #[track_caller]
    fn parts_at(text: &str, kind: Kind, needle: &str) -> Vec<&'static str> {
        let hints = Hints {
            kind_override: Some(kind),
            ..Hints::default()
        };
        let letter = Letter::parse(text, &hints);
        let unit = letter
            .units
            .iter()
            .find(|u| letter.unit_text(u).contains(needle))
            .unwrap_or_else(|| panic!("no sentence contains {needle:?}"));
        unit.parts.iter().map(|p| p.as_str()).collect()
    }

    #[track_caller]
    fn check(text: &str, kind: Kind, expect: &[(&str, &[&str])]) {
        for (needle, parts) in expect {
            assert_eq!(
                parts_at(text, kind, needle),
                *parts,
                "sentence {needle:?} in:\n{text}"
            );
        }
    }

    #[test]
    fn headings_open_sections_and_a_title_opens_none() {
        let text = "# Appeal for Pebble & Pine\n\nDear Seller Performance Team,\n\n## How it happened\n\nOur night shift printed labels from last week's file.\n\n## Steps we took\n\n- A second person now compares labels with the order list.\n- Labels are printed from the live system only.\n\n## Our request\n\nWe ask you to restore our selling privileges.\n";
        check(
            text,
            Kind::Appeal,
            &[
                ("Appeal for Pebble", &[]),
                ("Dear Seller Performance", &["salutation"]),
                ("night shift", &["root_cause"]),
                ("second person", &["remedies"]),
                ("live system", &["remedies"]),
                ("restore our selling", &["plea"]),
            ],
        );
    }

    #[test]
    fn bold_labels_open_sections() {
        let text = "Dear Account Health Team,\n\n**Root cause.** Returned kettles went back on the shelf unchecked. Nobody opened the boxes.\n\n**Corrective actions:** Every return is opened and tested before it is restocked.\n";
        check(
            text,
            Kind::Appeal,
            &[
                ("Returned kettles", &["root_cause"]),
                ("Nobody opened", &["root_cause"]),
                ("Every return", &["remedies"]),
            ],
        );
    }

    #[test]
    fn a_lead_in_line_gives_its_part_to_the_list_under_it() {
        let text = "Dear Merchant Support,\n\nWe are sorry for the late parcels.\n\nThe delayed orders:\n\n1. 0a1b2c3d4e5f60718293a4b5 - waited for stock\n2. 1b2c3d4e5f60718293a4b5c6 - courier strike\n\nTo make sure this cannot happen again, we have:\n\n- kept two weeks of stock for our ten best sellers;\n- booked a second courier for strike days.\n\nPlease reinstate our store.\n";
        check(
            text,
            Kind::Appeal,
            &[
                ("The delayed orders", &["per_order"]),
                ("waited for stock", &["per_order"]),
                ("To make sure", &["remedies"]),
                ("two weeks of stock", &["remedies"]),
                ("second courier", &["remedies"]),
                ("reinstate", &["plea"]),
            ],
        );
    }

    #[test]
    fn an_order_table_is_per_order_and_a_tracking_table_is_tracking() {
        let appeal = "Dear Wish Support,\n\n| Order | What happened |\n|---|---|\n| 9f8e7d6c5b4a39281706f5e4 | Sent late, strike at the depot |\n";
        check(
            appeal,
            Kind::Appeal,
            &[("strike at the depot", &["per_order"])],
        );
        let reply = "Hi Ana,\n\nYour order came in two boxes:\n\n| Box | Tracking |\n|---|---|\n| 1 | LB123456789CN |\n| 2 | LB987654321CN |\n";
        check(
            reply,
            Kind::Reply,
            &[
                ("LB123456789CN", &["tracking"]),
                ("LB987654321CN", &["tracking"]),
            ],
        );
    }

    #[test]
    fn an_evidence_section_takes_no_part() {
        let text = "Dear AliExpress Team,\n\nWe are sorry for the confusion. The other shop belongs to a former employee.\n\nSupporting documents:\n\n- our business licence\n- order 1234567890123456 invoice from our supplier\n\nAttached: the lease of our new warehouse.\n\nPlease lift the association penalty.\n";
        check(
            text,
            Kind::Appeal,
            &[
                ("former employee", &["root_cause"]),
                ("Supporting documents", &[]),
                ("business licence", &[]),
                ("invoice from our supplier", &[]),
                ("lease of our new", &[]),
                ("lift the association", &["plea"]),
            ],
        );
    }

    #[test]
    fn a_vague_promise_is_not_a_remedy_but_a_concrete_one_is() {
        let text = "Dear Seller Support,\n\nWe are sorry for the broken vases.\n\nWe will be more careful next time.\nWe will do better in the future.\nFrom now on every vase is wrapped in two layers of foam.\nWe will pack each vase in a double-walled box.\n";
        check(
            text,
            Kind::Appeal,
            &[
                ("more careful", &[]),
                ("do better", &[]),
                ("two layers of foam", &["remedies"]),
                ("double-walled", &["remedies"]),
            ],
        );
    }

    #[test]
    fn an_uncued_sentence_after_the_admission_explains_the_cause() {
        let text = "Dear Seller Support,\n\nThe fault is ours. Our packer used a thinner carton for a month.\n\nWe have switched back to five-layer cartons.\n\nWe attach the carton invoices.\n";
        check(
            text,
            Kind::Appeal,
            &[
                ("The fault is ours", &["acknowledgment"]),
                ("thinner carton", &["root_cause"]),
                ("five-layer", &["remedies"]),
                ("carton invoices", &[]),
            ],
        );
    }

    #[test]
    fn a_plea_placed_first_is_a_plea() {
        let text = "Dear Amazon Seller Performance,\n\nPlease reinstate our account Hollow Oak Tools.\n\nWe are sorry that our late shipment rate reached 9%.\n";
        check(
            text,
            Kind::Appeal,
            &[
                ("Please reinstate", &["plea"]),
                ("late shipment rate", &["acknowledgment"]),
            ],
        );
    }

    #[test]
    fn a_subject_line_is_no_part_and_the_salutation_follows_it() {
        let text = "Subject: Appeal to reactivate store 4471\n\nDear Walmart Seller Support,\n\nWe apologise for the cancelled orders.\n";
        check(
            text,
            Kind::Appeal,
            &[
                ("Subject:", &[]),
                ("Dear Walmart", &["salutation"]),
                ("cancelled orders", &["acknowledgment"]),
            ],
        );
    }

    #[test]
    fn a_sorry_you_feel_apology_is_not_an_acknowledgment() {
        let text = "Dear Etsy Team,\n\nWe are sorry you feel our photos were misleading.\n\nPlease restore our shop.\n";
        check(text, Kind::Appeal, &[("sorry you feel", &[])]);
    }

    #[test]
    fn a_spanish_reply_has_its_parts() {
        let text = "Hola Lucía:\n\nGracias por tu mensaje.\nLo sentimos mucho por el retraso.\nTe enviamos un paquete nuevo hoy; el número de seguimiento es LP004512398CN.\nPuedes seguirlo en la web de Correos.\n\nUn saludo,\nTienda Alba\n";
        check(
            text,
            Kind::Reply,
            &[
                ("Hola", &["greeting"]),
                ("Gracias", &["thanks"]),
                ("Lo sentimos", &["apology"]),
                ("LP004512398CN", &["tracking"]),
                ("Puedes seguirlo", &["solution"]),
                ("Un saludo", &["signoff"]),
                ("Tienda Alba", &["signoff"]),
            ],
        );
    }

    #[test]
    fn a_french_reply_has_its_parts() {
        let text = "Bonjour Chloé,\n\nMerci pour vos photos.\nNous sommes désolés que la tasse soit arrivée cassée.\nNous pouvons vous rembourser ou renvoyer une tasse neuve, à vous de choisir.\n\nCordialement,\nAtelier Brume\n";
        check(
            text,
            Kind::Reply,
            &[
                ("Bonjour", &["greeting"]),
                ("Merci", &["thanks"]),
                ("désolés", &["apology"]),
                ("Nous pouvons", &["solution"]),
                ("Cordialement", &["signoff"]),
            ],
        );
    }

    #[test]
    fn a_reply_explains_and_gives_the_buyer_steps() {
        let text = "Hi Tom,\n\nThanks for waiting.\nYour parcel 4410 left our warehouse on Monday and usually takes 8 to 12 days.\nCould you send us:\n\n- a photo of the label;\n- the street name.\n\nHave a nice day,\nMia\n";
        check(
            text,
            Kind::Reply,
            &[
                ("Your parcel", &["solution"]),
                ("Could you send", &["solution"]),
                ("photo of the label", &["solution"]),
                ("Have a nice day", &["signoff"]),
                ("Mia", &["signoff"]),
            ],
        );
    }

    #[test]
    fn a_signature_without_a_closing_phrase_is_the_sign_off() {
        let text = "Dear Wish Support,\n\nWe are sorry for the late orders. Please reopen our store.\n\nLin Hao\nOwner, Birchnest Home\n";
        check(
            text,
            Kind::Appeal,
            &[
                ("Lin Hao", &["signoff"]),
                ("Owner, Birchnest", &["signoff"]),
                ("reopen", &["plea"]),
            ],
        );
        // A last line with a tracking number is no signature.
        let reply = "Hi Sam,\n\nYour parcel left today.\nTracking number: LX123456789CN\n";
        check(reply, Kind::Reply, &[("Tracking number", &["tracking"])]);
    }

    #[test]
    fn thank_you_after_a_request_on_the_same_line_is_part_of_the_plea() {
        let text = "Dear AliExpress Team,\n\nOur shop has no link to the other store.\n\nPlease check these documents and remove the penalty. Thank you.\n\nBest regards,\nJun\n";
        check(
            text,
            Kind::Appeal,
            &[
                ("Thank you.", &[]),
                ("remove the penalty", &["plea"]),
                ("Best regards", &["signoff"]),
            ],
        );
    }

    #[test]
    fn a_greeting_that_thanks_is_both() {
        let text = "Hi there, thanks for asking!\nUse code LEAF10 at checkout for 10% off.\n";
        check(
            text,
            Kind::Reply,
            &[
                ("Hi there", &["greeting", "thanks"]),
                ("LEAF10", &["solution"]),
            ],
        );
    }

    #[test]
    fn list_items_continue_their_list_and_inline_code_ids_are_orders() {
        let text = "Good day Wish Merchant Team,\n\nWe are sorry for the late orders.\n\n### 1. Late shipment\n\nOur packer missed the cut-off on two days.\n\n- Order `0a1b2c3d4e5f60718293a4b5` - shipped 3 days late.\n- `1b2c3d4e5f60718293a4b5c6` - shipped 2 days late.\n- Customer was told in advance.\n\nWe hope to continue serving Wish buyers for many years.\n";
        check(
            text,
            Kind::Appeal,
            &[
                ("Good day", &["salutation"]),
                ("missed the cut-off", &["root_cause"]),
                ("3 days late", &["per_order"]),
                ("2 days late", &["per_order"]),
                ("told in advance", &["per_order"]),
                ("continue serving", &["plea"]),
            ],
        );
    }

    #[test]
    fn thanks_again_closes_a_reply_and_an_apology_is_not_a_solution() {
        let text = "Dear Chen,\n\nPlease accept our apologies for the delay.\nWe sent a new parcel today.\n\nThanks again,\nRosa\nPine Cove Store\n";
        check(
            text,
            Kind::Reply,
            &[
                ("accept our apologies", &["apology"]),
                ("new parcel", &["solution"]),
                ("Thanks again", &["signoff"]),
                ("Rosa", &["signoff"]),
            ],
        );
    }

    #[test]
    fn a_one_paragraph_appeal_has_every_part() {
        let text = "Hello Shopee Seller Team,\n\nOur shop Fern Cup House was frozen because buyers got broken cups. It is our fault. We sent the cups in thin bags to save money. Since May every cup is wrapped in a foam sleeve, and we test one parcel from each batch. Please unfreeze our shop.\n\nThank you,\nFern Cup House\n";
        check(
            text,
            Kind::Appeal,
            &[
                ("It is our fault", &["acknowledgment"]),
                ("thin bags", &["root_cause"]),
                ("foam sleeve", &["remedies"]),
                ("unfreeze", &["plea"]),
                ("Thank you", &["signoff"]),
            ],
        );
    }
}
