//! Rules: described as data in `rules/<group>/<name>.toml`, compiled into a `Registry`, run over a
//! `Letter` by `Registry::check`.
//!
//! Pattern rules (`phrase`, `substitution`) are pure data and share one literal prefilter
//! (`patterns::Prefilter`, one Aho-Corasick pass), so a block of text is scanned once whatever the
//! number of rules and only the patterns whose literals it holds run; `required-part` rules read the recognised
//! parts; `code` rules live in `builtin/`, one file each, registered under their id.

pub mod builtin;
pub mod docs;
mod engine;
pub mod registry;
pub mod spec;
mod suppress;

pub use engine::{Context, Settings, check, rule_matches as engine_rule_matches};
pub use registry::{Registry, Rule, RuleLoadError};
pub use spec::{CheckKind, RuleSpec};
