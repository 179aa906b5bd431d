//! Letter templates: the files of `rules/templates/` (embedded at build time), shared by the CLI
//! (`letterlint new`, `letterlint templates`) and the language server's completion.
//!
//! A template is a Markdown letter with a front matter describing it (see
//! `rules/templates/README.md`). Its id is its path without the language and the extension:
//! `rules/templates/reply/shipping-delay.fr.md` is `reply/shipping-delay` in French. In its body,
//! `{{name}}` marks a value the writer fills in: `render` replaces it with a given value, a
//! sample value or a `[name]` label, and `snippet` turns it into a numbered tab stop.
//!
//! Invariant: pure; templates are text in, values out.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::document::front_matter;
use crate::letter::{Kind, PLATFORMS};

/// The languages reply templates are written in (the buyer languages of Wish's reply tool).
pub const LANGUAGES: &[&str] = &["en", "es", "fr", "de", "pt", "it", "ru"];

/// Sample values for the usual fields, used by `render` with `Fill::Samples` when the template
/// gives none of its own. Names and numbers only, so they read the same in every language.
const SAMPLES: &[(&str, &str)] = &[
    ("customer", "Maria"),
    ("store", "Brightleaf Home"),
    ("signer", "Chen Wei"),
    ("role", "Operations Manager"),
    ("order_id", "5f1a2b3c4d5e6f708192a3b4"),
    ("order_id_2", "6a7b8c9d0e1f2a3b4c5d6e7f"),
    ("tracking", "LX123456789CN"),
    ("tracking_2", "LX987654321CN"),
    ("product_id", "5e8c2f1a9b3d4e7f6a0b1c2d"),
    (
        "tracking_url",
        "https://t.17track.net/en#nums=LX123456789CN",
    ),
    ("days", "7"),
    ("hours", "24"),
];

/// One letter template in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// `appeal/high-refund-rate`, `reply/shipping-delay`.
    pub id: String,
    /// Path under `rules/`: `templates/reply/shipping-delay.fr.md`.
    pub path: String,
    pub kind: Kind,
    /// The marketplaces it is written for; empty means any.
    pub platforms: Vec<String>,
    /// The appeal reason or reply issue, written as `reason:` in the letter's front matter.
    pub reason: String,
    /// ISO 639-1 code of the letter's language.
    pub language: String,
    pub title: String,
    pub description: String,
    /// Simplified Chinese title and description, for writers who read the tools in Chinese.
    pub title_zh: String,
    pub description_zh: String,
    /// Sample values of this template's fields (beside the shared `SAMPLES`).
    pub samples: BTreeMap<String, String>,
    /// The letter, without the template's front matter.
    pub body: String,
}

/// A template file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct TemplateError {
    pub path: String,
    pub reason: String,
}

/// What a template file's front matter says about it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Meta {
    kind: String,
    #[serde(default)]
    platforms: Vec<String>,
    reason: String,
    language: String,
    title: String,
    description: String,
    #[serde(rename = "zh-CN")]
    zh_cn: LocaleMeta,
    #[serde(default)]
    samples: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LocaleMeta {
    title: String,
    description: String,
}

/// How `render` fills a field that has no given value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    /// `[order id]`: a label that `text/placeholder` reports until the writer replaces it.
    Labels,
    /// The template's sample value (a letter to read or to test, not to send).
    Samples,
}

/// The built-in templates that load; see `load_builtin` for the errors.
pub fn builtin() -> &'static [Template] {
    static TEMPLATES: LazyLock<Vec<Template>> = LazyLock::new(|| {
        embedded_files()
            .filter_map(|(path, text)| Template::parse(path, text).ok())
            .collect()
    });
    &TEMPLATES
}

/// Every built-in template file, or the first that cannot be read.
pub fn load_builtin() -> Result<Vec<Template>, TemplateError> {
    embedded_files()
        .map(|(path, text)| Template::parse(path, text))
        .collect()
}

fn embedded_files() -> impl Iterator<Item = (&'static str, &'static str)> {
    crate::embedded::EMBEDDED
        .iter()
        .filter(|(path, _)| path.starts_with("templates/") && path.ends_with(".md"))
        .filter(|(path, _)| !path.ends_with("/README.md"))
        .map(|(path, text)| (*path, *text))
}

/// The templates for a kind, platform, reason or issue and language; `None` matches any.
/// A template without platforms fits every platform.
pub fn matching<'a>(
    templates: &'a [Template],
    kind: Option<Kind>,
    platform: Option<&str>,
    reason: Option<&str>,
    language: Option<&str>,
) -> Vec<&'a Template> {
    templates
        .iter()
        .filter(|t| kind.is_none_or(|k| t.kind == k))
        .filter(|t| platform.is_none_or(|p| t.fits_platform(p)))
        .filter(|t| reason.is_none_or(|r| t.reason == r || t.id.ends_with(&format!("/{r}"))))
        .filter(|t| language.is_none_or(|l| t.language == l))
        .collect()
}

/// The template `id` in `language` (English when `None`).
pub fn find<'a>(
    templates: &'a [Template],
    id: &str,
    language: Option<&str>,
) -> Option<&'a Template> {
    let language = language.unwrap_or("en");
    templates
        .iter()
        .find(|t| t.id == id && t.language == language)
}

/// Ids that look like `wanted` (a typo, or a reason without its kind), closest first.
pub fn close_ids(templates: &[Template], wanted: &str) -> Vec<String> {
    let wanted = wanted.trim().to_ascii_lowercase();
    let mut ids: Vec<&str> = templates.iter().map(|t| t.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut scored: Vec<(usize, &str)> = ids
        .into_iter()
        .filter_map(|id| {
            let name = id.rsplit('/').next().unwrap_or(id);
            let wanted_name = wanted.rsplit('/').next().unwrap_or(&wanted);
            let distance = levenshtein(&wanted, id).min(levenshtein(wanted_name, name));
            let near = distance <= (wanted_name.chars().count() / 3).max(2);
            let contains = wanted_name.len() >= 3
                && (name.contains(wanted_name) || wanted_name.contains(name));
            (near || contains).then_some((distance, id))
        })
        .collect();
    scored.sort();
    scored.into_iter().map(|(_, id)| id.to_string()).collect()
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

impl Template {
    /// Reads a template file; `path` is relative to `rules/` (`templates/appeal/counterfeit.md`).
    pub fn parse(path: &str, text: &str) -> Result<Template, TemplateError> {
        let error = |reason: String| TemplateError {
            path: format!("rules/{path}"),
            reason,
        };
        let (fm, fm_error) = front_matter::parse(text)
            .ok_or_else(|| error("the template has no front matter".into()))?;
        if let Some(e) = fm_error {
            return Err(error(e.message));
        }
        let yaml = &text[fm.body_span.start as usize..fm.body_span.end as usize];
        let meta: Meta = serde_yaml_ng::from_str(yaml).map_err(|e| error(e.to_string()))?;
        let (id, file_language) = id_of(path).ok_or_else(|| {
            error("a template file is named `templates/<kind>/<name>[.<language>].md`".into())
        })?;
        let kind = Kind::parse(&meta.kind)
            .ok_or_else(|| error(format!("`kind: {}` is not `appeal` or `reply`", meta.kind)))?;
        if !id.starts_with(&format!("{}/", meta.kind)) {
            return Err(error(format!(
                "a `{}` template belongs in `templates/{}/`",
                meta.kind, meta.kind
            )));
        }
        if meta.language != file_language.unwrap_or("en") {
            return Err(error(format!(
                "`language: {}` does not match the file name",
                meta.language
            )));
        }
        if !LANGUAGES.contains(&meta.language.as_str()) {
            return Err(error(format!(
                "`language: {}` is not one of {}",
                meta.language,
                LANGUAGES.join(", ")
            )));
        }
        if let Some(p) = meta
            .platforms
            .iter()
            .find(|p| !PLATFORMS.contains(&p.as_str()))
        {
            return Err(error(format!("`{p}` is not a known platform")));
        }
        let body = text[fm.span.end as usize..]
            .trim_start_matches(['\r', '\n'])
            .to_string();
        let template = Template {
            id,
            path: path.to_string(),
            kind,
            platforms: meta.platforms,
            reason: meta.reason,
            language: meta.language,
            title: meta.title,
            description: meta.description,
            title_zh: meta.zh_cn.title,
            description_zh: meta.zh_cn.description,
            samples: meta.samples,
            body,
        };
        if let Some(field) = template.fields().into_iter().find(|f| !is_field_name(f)) {
            return Err(error(format!(
                "`{{{{{field}}}}}` is not a field name (lowercase letters, digits and `_`)"
            )));
        }
        Ok(template)
    }

    /// True when the template is written for `platform` (or for any platform).
    pub fn fits_platform(&self, platform: &str) -> bool {
        self.platforms.is_empty()
            || platform == "generic"
            || self.platforms.iter().any(|p| p == platform)
    }

    /// The title in `locale` (`zh-CN` or English).
    pub fn title_in(&self, locale: &str) -> &str {
        if locale.starts_with("zh") {
            &self.title_zh
        } else {
            &self.title
        }
    }

    /// The description in `locale` (`zh-CN` or English).
    pub fn description_in(&self, locale: &str) -> &str {
        if locale.starts_with("zh") {
            &self.description_zh
        } else {
            &self.description
        }
    }

    /// The platform a letter from this template is for when the writer names none.
    pub fn default_platform(&self) -> &str {
        self.platforms.first().map_or("generic", String::as_str)
    }

    /// The field names in the body, in order of first appearance.
    pub fn fields(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for piece in pieces(&self.body) {
            if let Piece::Field(name) = piece
                && !names.iter().any(|n| n == name)
            {
                names.push(name.to_string());
            }
        }
        names
    }

    /// The sample value of `field`: the template's own, else the shared one.
    pub fn sample(&self, field: &str) -> Option<&str> {
        self.samples
            .get(field)
            .map(String::as_str)
            .or_else(|| SAMPLES.iter().find(|(k, _)| *k == field).map(|(_, v)| *v))
    }

    /// The letter with its front matter (kind, platform, reason, language, and the buyer, store,
    /// signer, order ids and tracking numbers when known), every field filled from `values`, then
    /// as `fill` says.
    pub fn render(&self, platform: &str, values: &BTreeMap<String, String>, fill: Fill) -> String {
        let value = |field: &str| -> Option<String> {
            values.get(field).cloned().or_else(|| match fill {
                Fill::Samples => self.sample(field).map(str::to_string),
                Fill::Labels => None,
            })
        };
        let mut out = String::from("---\n");
        out.push_str(&format!("kind: {}\n", self.kind.as_str()));
        out.push_str(&format!("platform: {platform}\n"));
        out.push_str(&format!("reason: {}\n", self.reason));
        out.push_str(&format!("language: {}\n", self.language));
        let fields = self.fields();
        for key in ["customer", "store", "signer"] {
            if fields.iter().any(|f| f == key)
                && let Some(v) = value(key)
            {
                out.push_str(&format!("{key}: {}\n", yaml_scalar(&v)));
            }
        }
        for (key, prefix) in [("orders", "order_id"), ("tracking", "tracking")] {
            let list: Vec<String> = fields
                .iter()
                .filter(|f| {
                    *f == prefix
                        || f.strip_prefix(prefix).is_some_and(|rest| {
                            rest.starts_with('_') && rest[1..].chars().all(|c| c.is_ascii_digit())
                        })
                })
                .filter_map(|f| value(f))
                .collect();
            if !list.is_empty() {
                let items: Vec<String> = list.iter().map(|v| yaml_scalar(v)).collect();
                out.push_str(&format!("{key}: [{}]\n", items.join(", ")));
            }
        }
        out.push_str("---\n");
        for piece in pieces(&self.body) {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Field(name) => match value(name) {
                    Some(v) => out.push_str(&v),
                    None => out.push_str(&format!("[{}]", name.replace('_', " "))),
                },
            }
        }
        out
    }

    /// The letter as an LSP snippet: each field becomes a numbered tab stop named after it (the
    /// same field keeps its number), text is escaped, and the cursor ends at `$0`. With
    /// `front_matter`, the letter's front matter (kind, platform, reason, language) comes first.
    pub fn snippet(&self, front_matter: Option<&str>) -> String {
        let mut out = String::with_capacity(self.body.len() + 64);
        if let Some(platform) = front_matter {
            out.push_str(&escape(&format!(
                "---\nkind: {}\nplatform: {platform}\nreason: {}\nlanguage: {}\n---\n",
                self.kind.as_str(),
                self.reason,
                self.language
            )));
        }
        let mut numbers: Vec<&str> = Vec::new();
        for piece in pieces(&self.body) {
            match piece {
                Piece::Text(text) => out.push_str(&escape(text)),
                Piece::Field(name) => {
                    let number = match numbers.iter().position(|n| *n == name) {
                        Some(i) => i + 1,
                        None => {
                            numbers.push(name);
                            numbers.len()
                        }
                    };
                    out.push_str(&format!("${{{number}:{}}}", escape(name)));
                }
            }
        }
        out.push_str("$0");
        out
    }
}

/// `templates/reply/shipping-delay.fr.md` -> (`reply/shipping-delay`, Some(`fr`)).
fn id_of(path: &str) -> Option<(String, Option<&str>)> {
    let rest = path.strip_prefix("templates/")?.strip_suffix(".md")?;
    let (kind, name) = rest.split_once('/')?;
    if name.contains('/') || kind.is_empty() {
        return None;
    }
    let (name, language) = match name.rsplit_once('.') {
        Some((name, language)) => (name, Some(language)),
        None => (name, None),
    };
    let kebab = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    (kebab(kind) && kebab(name)).then(|| (format!("{kind}/{name}"), language))
}

fn is_field_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// A run of the body: plain text or a `{{field}}`.
#[derive(Debug, PartialEq, Eq)]
enum Piece<'a> {
    Text(&'a str),
    Field(&'a str),
}

fn pieces(body: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest[open + 2..].find("}}") else {
            break;
        };
        if open > 0 {
            out.push(Piece::Text(&rest[..open]));
        }
        out.push(Piece::Field(rest[open + 2..open + 2 + close].trim()));
        rest = &rest[open + 2 + close + 2..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// Escapes text for an LSP snippet: `\`, `$` and `}` are taken literally.
pub fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('$', "\\$")
        .replace('}', "\\}")
}

/// A YAML scalar: plain when it is safe, else double-quoted.
fn yaml_scalar(value: &str) -> String {
    let plain = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '_' | '@' | '/'))
        && !value.starts_with(['-', ' ', '@'])
        && !value.ends_with(' ')
        && !matches!(
            value.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "null" | "on" | "off" | "~"
        )
        && value.parse::<f64>().is_err();
    if plain {
        value.to_string()
    } else {
        format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "---\nkind: appeal\nplatforms: [wish]\nreason: high-refund-rate\nlanguage: en\ntitle: Late orders\ndescription: An appeal.\nzh-CN:\n  title: 申诉信\n  description: 申诉信模板。\n---\nDear {{team}},\n\nOrder {{order_id}} cost $5 {so} C:\\ {{ order_id }}.\n";

    fn template() -> Template {
        Template::parse("templates/appeal/late.md", TEXT).unwrap()
    }

    #[test]
    fn a_template_reads_its_front_matter_and_its_id_from_the_path() {
        let t = template();
        assert_eq!(
            (
                t.id.as_str(),
                t.kind,
                t.reason.as_str(),
                t.language.as_str()
            ),
            ("appeal/late", Kind::Appeal, "high-refund-rate", "en")
        );
        assert_eq!(t.platforms, ["wish"]);
        assert_eq!(
            (t.title_in("zh-CN"), t.title_in("en")),
            ("申诉信", "Late orders")
        );
        assert_eq!(t.fields(), ["team", "order_id"]);
        assert!(Template::parse("templates/appeal/x.md", "no front matter").is_err());
    }

    #[test]
    fn snippets_escape_dollars_braces_and_backslashes_and_number_each_field_once() {
        assert_eq!(
            template().snippet(None),
            "Dear ${1:team},\n\nOrder ${2:order_id} cost \\$5 {so\\} C:\\\\ ${2:order_id}.\n$0"
        );
        assert_eq!(escape("a$b}c\\d{e"), "a\\$b\\}c\\\\d{e");
        let with_fm = template().snippet(Some("wish"));
        assert!(with_fm.starts_with("---\nkind: appeal\nplatform: wish\nreason: high-refund-rate\nlanguage: en\n---\nDear ${1:team}"), "{with_fm}");
    }

    #[test]
    fn render_fills_given_values_then_samples_or_labels() {
        let t = template();
        let mut values = BTreeMap::new();
        values.insert("team".to_string(), "Wish Merchant Support".to_string());
        let labels = t.render("wish", &values, Fill::Labels);
        assert!(
            labels.starts_with(
                "---\nkind: appeal\nplatform: wish\nreason: high-refund-rate\nlanguage: en\n---\n"
            ),
            "{labels}"
        );
        assert!(
            labels.contains(
                "Dear Wish Merchant Support,\n\nOrder [order id] cost $5 {so} C:\\ [order id]."
            ),
            "{labels}"
        );
        let samples = t.render("wish", &values, Fill::Samples);
        assert!(
            samples.contains("orders: [5f1a2b3c4d5e6f708192a3b4]\n"),
            "{samples}"
        );
        assert!(
            samples.contains("Order 5f1a2b3c4d5e6f708192a3b4 cost"),
            "{samples}"
        );
    }

    #[test]
    fn file_names_give_the_id_and_the_language() {
        assert_eq!(
            id_of("templates/reply/shipping-delay.fr.md"),
            Some(("reply/shipping-delay".into(), Some("fr")))
        );
        assert_eq!(
            id_of("templates/appeal/counterfeit.md"),
            Some(("appeal/counterfeit".into(), None))
        );
        assert_eq!(id_of("templates/Appeal/x.md"), None);
        let wrong_language = TEXT.replace("language: en", "language: fr");
        assert!(Template::parse("templates/appeal/late.md", &wrong_language).is_err());
    }

    #[test]
    fn close_ids_catch_typos_and_bare_names() {
        let t = template();
        let templates = [t];
        assert_eq!(close_ids(&templates, "appeal/lat"), ["appeal/late"]);
        assert_eq!(close_ids(&templates, "late"), ["appeal/late"]);
        assert!(close_ids(&templates, "reply/welcome").is_empty());
    }

    #[test]
    fn yaml_values_are_quoted_when_needed() {
        assert_eq!(yaml_scalar("Maria"), "Maria");
        assert_eq!(yaml_scalar("O'Neil: shop"), "\"O'Neil: shop\"");
        assert_eq!(yaml_scalar("123"), "\"123\"");
        assert_eq!(yaml_scalar("yes"), "\"yes\"");
    }

    #[test]
    fn every_built_in_template_loads() {
        let all = load_builtin().unwrap();
        assert!(!all.is_empty());
        assert_eq!(all.len(), builtin().len());
    }
}
