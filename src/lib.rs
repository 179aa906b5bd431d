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
//! - `report`: the class report (`letterlint report`): rubric scores, HTML page and JSON.
//! - `spelling`: the embedded en_US dictionary (spellbook), the misspelled/joined/split word scan,
//!   and harper-core grammar checking with a per-paragraph cache.
//! - `templates`: the letter templates of `rules/templates/`, rendered for `new` and as snippets.
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
pub mod i18n;
pub mod letter;
pub mod lsp;
pub mod output;
pub mod patterns;
pub mod report;
pub mod rules;
pub mod spelling;
pub mod templates;

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

/// Lints many letters, each with its hints and settings: the same results as `lint` gives one by
/// one, faster (see `Letter::new_batch`).
pub fn lint_many(registry: &Registry, items: &[(&str, &Hints, &Settings)]) -> Vec<(Letter, Vec<Diagnostic>)> {
    let docs = items.iter().map(|(text, hints, _)| (document::Document::parse(*text), *hints)).collect();
    Letter::new_batch(docs)
        .into_iter()
        .zip(items)
        .map(|(letter, (_, _, settings))| {
            let diagnostics = rules::check(registry, &letter, settings);
            (letter, diagnostics)
        })
        .collect()
}

/// Applies fixes (safe ones, plus unsafe ones when `unsafe_fixes`), re-linting after each pass
/// until nothing changes; returns the fixed text and the number of fixes applied. See
/// `fix::fix_until_stable` and `fix::fix_preserving` for the details.
pub fn fix_text(registry: &Registry, text: &str, hints: &Hints, settings: &Settings, unsafe_fixes: bool) -> (String, usize) {
    let fixed = fix::fix_until_stable(registry, text, hints, settings, unsafe_fixes);
    (fixed.text, fixed.applied)
}
