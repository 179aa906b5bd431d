//! letterlint: a linter and language server for business letters written in Markdown — appeals
//! from marketplace sellers and replies to buyers.
//!
//! # Code map
//! - `document`: the source text, line index, front matter, Markdown blocks of prose with spans.
//! - `letter`: kind, platform and parts of a letter, recognised from the document.
//! - `rules`: rule files (`rules/**.toml`) compiled into a `Registry`; `rules::check` runs them.
//! - `diagnostic`, `fix`: findings, edits and applying them.
//! - `config`: `letterlint.toml` discovery and validation.
//! - `output`: human and JSON reports (the only module besides `main.rs` that prints).
//! - `spelling`: the embedded en_US dictionary (spellbook), the misspelled/joined/split word scan,
//!   and harper-core grammar checking with a per-paragraph cache.
//!
//! # Invariants
//! - `document`, `letter`, `rules` and `fix` are pure: text in, values out; no I/O.
//! - Every span is a byte range of the text it was made from, on character boundaries.
//! - Linting never fails on a letter: problems in the letter are diagnostics.

pub mod config;
pub mod diagnostic;
pub mod document;
mod embedded;
pub mod fix;
pub mod letter;
pub mod output;
pub mod rules;
pub mod spelling;

use diagnostic::Diagnostic;
use letter::{Hints, Letter};
use rules::{Registry, Settings};

/// The languages messages are available in.
pub const LOCALES: &[&str] = &["en", "zh-CN"];

/// Parses `text`, recognises the letter, and runs the rules. The one entry point shared by the
/// CLI and the language server.
pub fn lint(registry: &Registry, text: &str, hints: &Hints, settings: &Settings) -> (Letter, Vec<Diagnostic>) {
    let letter = Letter::parse(text, hints);
    let diagnostics = rules::check(registry, &letter, settings);
    (letter, diagnostics)
}

/// The most passes `fix_text` makes before it stops.
pub const MAX_FIX_PASSES: usize = 10;

/// Applies fixes (safe ones, plus unsafe ones when `unsafe_fixes`), re-linting after each pass,
/// until nothing changes. Returns the fixed text and the number of fixes applied.
pub fn fix_text(registry: &Registry, text: &str, hints: &Hints, settings: &Settings, unsafe_fixes: bool) -> (String, usize) {
    let mut current = text.to_string();
    let mut applied = 0;
    for _ in 0..MAX_FIX_PASSES {
        let (_, diagnostics) = lint(registry, &current, hints, settings);
        let fixes = diagnostics
            .iter()
            .filter_map(|d| d.fixes.first())
            .filter(|f| unsafe_fixes || f.applicability == fix::Applicability::Safe);
        let (next, n) = fix::apply_fixes(&current, fixes);
        if n == 0 || next == current {
            break;
        }
        applied += n;
        current = next;
    }
    (current, applied)
}
