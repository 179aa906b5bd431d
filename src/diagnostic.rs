//! Diagnostics: what a rule found, where, and how to fix it.
//!
//! Invariant: `span` is a byte range of the letter's text; fixes' edits are too.

use serde::{Deserialize, Serialize};

use crate::document::Span;
use crate::fix::Fix;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Hint,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(name: &str) -> Option<Severity> {
        match name {
            "hint" => Some(Severity::Hint),
            "info" => Some(Severity::Info),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// One finding of one rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The rule id, `group/name`.
    pub rule: String,
    pub severity: Severity,
    pub span: Span,
    /// One sentence saying what is wrong and how to fix it.
    pub message: String,
    /// Optional longer advice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(default)]
    pub fixes: Vec<Fix>,
}

impl Diagnostic {
    pub fn new(rule: &str, severity: Severity, span: Span, message: impl Into<String>) -> Self {
        Diagnostic { rule: rule.to_string(), severity, span, message: message.into(), help: None, fixes: Vec::new() }
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}
