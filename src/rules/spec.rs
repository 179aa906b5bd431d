//! `RuleSpec`: a rule as written in `rules/<group>/<name>.toml` (keys documented in `rules/README.md`).
//!
//! Invariant: unknown keys are errors (`deny_unknown_fields`), so a typo fails at load time.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::diagnostic::Severity;
use crate::fix::Applicability;
use crate::letter::Kind;

/// How a rule finds problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckKind {
    /// Flags every match of `patterns`.
    Phrase,
    /// Flags every match of a `[swap]` key and offers its replacement.
    Substitution,
    /// Flags a letter that lacks the part named by `part`.
    RequiredPart,
    /// Implemented in Rust under `src/rules/builtin/`, registered under the same id.
    Code,
}

/// A rule file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// `group/name`: the folder and the file stem.
    pub id: String,
    /// One line: what the rule flags.
    pub summary: String,
    /// Why it matters to the reader of the letter.
    pub why: String,
    /// The guidance the rule enforces (seed files, domain.md sections, platform pages).
    #[serde(default)]
    pub sources: Vec<String>,
    pub severity: Severity,
    /// Letter kinds the rule applies to; empty means both.
    #[serde(default)]
    pub kinds: Vec<Kind>,
    /// Platforms the rule applies to; empty means all.
    #[serde(default)]
    pub platforms: Vec<String>,
    /// Languages (ISO 639-1) whose wording the rule reads; empty means any. A letter in another
    /// language is skipped, so that a rule never reports as missing what it cannot read.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Only sentences recognised as one of these parts are read; empty means all prose.
    #[serde(default)]
    pub parts: Vec<String>,
    pub check: CheckKind,
    /// The finding's message; `{found}` and `{replacement}` are filled in.
    pub message: String,
    /// Longer advice shown under the message.
    #[serde(default)]
    pub help: Option<String>,
    /// Extra messages a code rule picks by name.
    #[serde(default)]
    pub messages: BTreeMap<String, String>,
    /// `phrase`: regular expressions to flag (case-insensitive unless `case_sensitive`).
    #[serde(default)]
    pub patterns: Vec<String>,
    /// `substitution`: pattern -> replacement.
    #[serde(default)]
    pub swap: BTreeMap<String, String>,
    #[serde(default)]
    pub case_sensitive: bool,
    /// A match is accepted only at word edges where the match itself starts or ends with a letter or digit.
    #[serde(default = "yes")]
    pub whole_words: bool,
    /// A match is ignored when its sentence matches one of these patterns.
    #[serde(default)]
    pub unless: Vec<String>,
    /// `required-part`: the part that must be present.
    #[serde(default)]
    pub part: Option<String>,
    /// `required-part`: the skeleton to insert; `{platform}`, `{reason}`, `{orders}` are filled in.
    #[serde(default)]
    pub insert: Option<String>,
    /// `required-part`: the skeleton in another language of the letter (`[insert_in] es = "..."`),
    /// chosen by the letter's language; `insert` otherwise.
    #[serde(default)]
    pub insert_in: std::collections::BTreeMap<String, String>,
    /// Where to insert: after the last present part of this list...
    #[serde(default)]
    pub insert_after: Vec<String>,
    /// ...or before the first present part of this list.
    #[serde(default)]
    pub insert_before: Vec<String>,
    /// Sentences that must not fire the rule (tested).
    #[serde(default)]
    pub allow: Vec<String>,
    #[serde(default)]
    pub fix: Option<FixSpec>,
    /// Settings a user may change in `letterlint.toml` under `[rule-options."group/name"]`.
    #[serde(default)]
    pub options: toml::Table,
    /// Structured data a code rule reads (e.g. evidence required per platform and reason).
    #[serde(default)]
    pub data: Option<toml::Value>,
    #[serde(default, rename = "example")]
    pub examples: Vec<Example>,
    /// Translations: `[locale.zh-CN]`.
    #[serde(default)]
    pub locale: BTreeMap<String, LocaleText>,
}

fn yes() -> bool {
    true
}

/// How the rule's fix is offered.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixSpec {
    /// An imperative; `{found}` and `{replacement}` are filled in.
    pub title: String,
    pub applicability: Applicability,
    /// Why the fix is safe or not (shown in the docs as "Fix safety").
    #[serde(default)]
    pub safety: Option<String>,
    /// Named extra titles a code rule picks for its other fixes (`[fix.titles] delete = "Delete `{found}`"`).
    #[serde(default)]
    pub titles: BTreeMap<String, String>,
}

/// A tested example: `bad` fires the rule, `good` does not, and the fix turns `bad` into `good`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub bad: String,
    pub good: String,
    /// The platform to check the example as (default: the rule's first platform).
    #[serde(default)]
    pub platform: Option<String>,
    /// Set when applying the fix to `bad` is not expected to give `good` (an insertion the writer must edit).
    #[serde(default)]
    pub fix_gives_good: Option<bool>,
}

/// The translated texts of a rule (`[locale.zh-CN]`): the same keys as the English ones, with
/// the same `{placeholders}`. Inserted skeletons are letter text and stay in the letter's language.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocaleText {
    pub summary: Option<String>,
    pub why: Option<String>,
    pub message: Option<String>,
    pub help: Option<String>,
    pub fix_title: Option<String>,
    /// The translation of `[fix] safety`.
    pub fix_safety: Option<String>,
    /// Translations of `[fix.titles]`.
    #[serde(default)]
    pub fix_titles: BTreeMap<String, String>,
    #[serde(default)]
    pub messages: BTreeMap<String, String>,
}
