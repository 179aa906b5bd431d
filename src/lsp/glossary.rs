//! The platform glossary shown on hover (`rules/glossary.toml`, from domain.md §2).
//!
//! Invariant: terms match whole words only; short all-capital terms (`WE`, `PB`) match in
//! capitals only, so `we` in a sentence is not Wish Express.

use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

/// One glossary entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub term: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Marketplaces the term belongs to; empty means all.
    #[serde(default)]
    pub platforms: Vec<String>,
    pub definition: String,
    #[serde(default)]
    pub sources: Vec<String>,
    /// Translations: `locale.zh-CN.definition`.
    #[serde(default)]
    pub locale: std::collections::BTreeMap<String, EntryText>,
}

/// The translated text of a glossary entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryText {
    pub definition: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    entry: Vec<Entry>,
}

/// The glossary with one matcher per entry.
pub struct Glossary {
    pub entries: Vec<Entry>,
    matchers: Vec<Regex>,
}

/// The built-in glossary; an unreadable file gives an empty glossary (a test reads it strictly).
pub static GLOSSARY: LazyLock<Glossary> = LazyLock::new(|| {
    Glossary::parse(crate::embedded::file("glossary.toml").unwrap_or("")).unwrap_or_else(|_| {
        Glossary {
            entries: Vec::new(),
            matchers: Vec::new(),
        }
    })
});

impl Glossary {
    pub fn parse(text: &str) -> Result<Glossary, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut matchers = Vec::new();
        for entry in &file.entry {
            let alternatives: Vec<String> = std::iter::once(&entry.term)
                .chain(&entry.aliases)
                .map(|t| {
                    let exact = t.len() <= 4 && t.chars().all(|c| !c.is_lowercase());
                    let escaped = regex::escape(t).replace(" ", r"\s+");
                    if exact {
                        format!("(?-i:{escaped})")
                    } else {
                        escaped
                    }
                })
                .collect();
            let pattern = format!(
                r"(?i)(?:^|[^\p{{L}}\p{{N}}])({})(?:$|[^\p{{L}}\p{{N}}])",
                alternatives.join("|")
            );
            matchers.push(
                Regex::new(&pattern).map_err(|e| format!("glossary term `{}`: {e}", entry.term))?,
            );
        }
        Ok(Glossary {
            entries: file.entry,
            matchers,
        })
    }

    /// The entry whose term covers byte `at` of `line`, preferring the platform's own terms;
    /// returns the entry and the term's byte range in `line`.
    pub fn lookup(
        &self,
        line: &str,
        at: usize,
        platform: &str,
    ) -> Option<(&Entry, std::ops::Range<usize>)> {
        let mut best: Option<(&Entry, std::ops::Range<usize>)> = None;
        for (entry, matcher) in self.entries.iter().zip(&self.matchers) {
            let fits = entry.platforms.is_empty()
                || platform == "generic"
                || entry.platforms.iter().any(|p| p == platform);
            if !fits {
                continue;
            }
            let mut start = 0;
            while let Some(caps) = matcher.captures_at(line, start) {
                let hit = caps.get(1).expect("group 1");
                if hit.start() <= at
                    && at <= hit.end()
                    && best.as_ref().is_none_or(|(_, r)| r.len() < hit.len())
                {
                    best = Some((entry, hit.range()));
                }
                // Step past the term only, so neighbouring terms separated by one space are found.
                start = hit.end();
                if start >= line.len() {
                    break;
                }
            }
        }
        best
    }
}

impl Entry {
    /// The definition in `locale`, falling back to English.
    pub fn definition(&self, locale: &str) -> &str {
        crate::i18n::canonical(locale)
            .and_then(|l| self.locale.get(l))
            .map_or(self.definition.as_str(), |t| t.definition.as_str())
    }

    /// The entry as Markdown for a hover, in `locale`.
    pub fn markdown(&self, locale: &str) -> String {
        let heading = if self.name == self.term {
            format!("**{}**", self.term)
        } else {
            format!("**{}** ({})", self.term, self.name)
        };
        let platforms = if self.platforms.is_empty() {
            String::new()
        } else {
            format!(" · {}", self.platforms.join(", "))
        };
        let sources = if self.sources.is_empty() {
            String::new()
        } else {
            let label = if crate::i18n::canonical(locale) == Some("zh-CN") { "依据：" } else { "Sources: " };
            format!("\n\n_{label}{}_", self.sources.join("; "))
        };
        format!("{heading}{platforms}\n\n{}{sources}", self.definition(locale))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_glossary_parses_and_every_entry_cites_a_source() {
        let glossary = Glossary::parse(crate::embedded::file("glossary.toml").unwrap()).unwrap();
        assert!(glossary.entries.len() >= 30);
        for entry in &glossary.entries {
            assert!(!entry.sources.is_empty(), "{} has no source", entry.term);
        }
    }

    #[test]
    fn short_terms_match_in_capitals_only_and_as_whole_words() {
        let g = &*GLOSSARY;
        let line = "We moved to WE and FBW; our Account  Manager agreed.";
        let we = line.find("WE ").unwrap();
        assert_eq!(
            g.lookup(line, we + 1, "wish").unwrap().0.name,
            "Wish Express"
        );
        assert!(g.lookup(line, 0, "wish").is_none());
        let am = line.find("Manager").unwrap();
        assert_eq!(
            g.lookup(line, am, "wish").unwrap().0.term,
            "Account Manager"
        );
        assert!(g.lookup("WEB shop", 1, "wish").is_none());
        // Terms of another marketplace are not offered.
        assert!(g.lookup("our ODR is high", 5, "wish").is_none());
        assert!(g.lookup("our ODR is high", 5, "amazon").is_some());
    }

    #[test]
    fn every_entry_has_a_chinese_definition() {
        for entry in &GLOSSARY.entries {
            let zh = entry.definition("zh-CN");
            assert!(crate::i18n::has_chinese(zh), "{}: no locale.zh-CN.definition", entry.term);
            assert!(entry.markdown("zh-CN").contains(zh) && entry.markdown("en").contains(&entry.definition));
        }
        assert!(GLOSSARY.entries.len() > 30);
    }
}
