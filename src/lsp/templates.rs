//! Letter templates offered as snippets by completion, loaded from `rules/templates/` (embedded,
//! shared with the CLI).
//!
//! A template is a Markdown letter with front matter: `kind` (appeal or reply), optionally
//! `platform`, `reason` or `issue`, and `title`; its body is the letter, where `{{name}}` marks a
//! field the writer fills in (it becomes a tab stop). Templates in other formats are skipped.

use std::sync::LazyLock;

use crate::document::front_matter;
use crate::letter::Kind;

/// One letter template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// Path under `rules/templates/`, without the extension: `appeal/wish-high-refund-rate`.
    pub name: String,
    pub title: String,
    pub kind: Option<Kind>,
    pub platform: Option<String>,
    /// The appeal reason or reply issue it is written for.
    pub topic: Option<String>,
    /// The letter, front matter removed.
    pub body: String,
}

/// The built-in templates.
pub static TEMPLATES: LazyLock<Vec<Template>> = LazyLock::new(|| {
    crate::embedded::EMBEDDED
        .iter()
        .filter_map(|(path, text)| {
            path.strip_prefix("templates/")?
                .strip_suffix(".md")
                .map(|name| (name, *text))
        })
        .filter_map(|(name, text)| Template::parse(name, text))
        .collect()
});

impl Template {
    /// Reads a template; `None` when it has no front matter to say what it is for.
    pub fn parse(name: &str, text: &str) -> Option<Template> {
        let (fm, error) = front_matter::parse(text)?;
        if error.is_some() {
            return None;
        }
        let raw = fm.raw.as_ref();
        let field = |key: &str| {
            raw.and_then(|r| r.get(key))
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        Some(Template {
            name: name.to_string(),
            title: field("title")
                .unwrap_or_else(|| name.rsplit('/').next().unwrap_or(name).replace('-', " ")),
            kind: fm.kind.as_deref().and_then(Kind::parse),
            platform: fm.platform.clone(),
            topic: fm.reason.clone().or_else(|| field("issue")),
            body: text[fm.span.end as usize..]
                .trim_start_matches(['\r', '\n'])
                .to_string(),
        })
    }

    /// The body as an LSP snippet: `{{field}}` become numbered tab stops, `$`, `}` and `\` are
    /// escaped.
    pub fn snippet(&self) -> String {
        let mut out = String::with_capacity(self.body.len() + 32);
        let mut rest = self.body.as_str();
        let mut stop = 1;
        while let Some(open) = rest.find("{{") {
            let Some(close) = rest[open..].find("}}") else {
                break;
            };
            out.push_str(&escape(&rest[..open]));
            let name = rest[open + 2..open + close].trim();
            out.push_str(&format!("${{{stop}:{}}}", escape(name)));
            stop += 1;
            rest = &rest[open + close + 2..];
        }
        out.push_str(&escape(rest));
        out.push_str("$0");
        out
    }
}

/// Escapes text for an LSP snippet.
pub fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('$', "\\$")
        .replace('}', "\\}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_reads_its_front_matter_and_turns_fields_into_tab_stops() {
        let text = "---\nkind: appeal\nplatform: wish\nreason: late-fulfillment\ntitle: Late orders\n---\nDear {{team}},\n\nOrder {{order id}} cost $5.\n";
        let t = Template::parse("appeal/wish-late", text).unwrap();
        assert_eq!(
            (
                t.kind,
                t.platform.as_deref(),
                t.topic.as_deref(),
                t.title.as_str()
            ),
            (
                Some(Kind::Appeal),
                Some("wish"),
                Some("late-fulfillment"),
                "Late orders"
            )
        );
        assert_eq!(
            t.snippet(),
            "Dear ${1:team},\n\nOrder ${2:order id} cost \\$5.\n$0"
        );
        assert!(Template::parse("x", "no front matter").is_none());
    }
}
