//! The files of `rules/`, embedded at build time by `build.rs`.

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

/// The embedded file at `path` (relative to `rules/`).
pub fn file(path: &str) -> Option<&'static str> {
    EMBEDDED.iter().find(|(p, _)| *p == path).map(|(_, text)| *text)
}
