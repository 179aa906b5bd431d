//! `letterlint.toml`: project configuration, found by walking up from each letter.
//!
//! Invariant: unknown keys and bad values are errors that name the file, line and column; a
//! configuration is either wholly valid or not used.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::Severity;
use crate::letter::{Kind, PLATFORMS};
use crate::rules::registry::line_col;
use crate::rules::{Registry, Settings, engine_rule_matches};

/// The file name searched for.
pub const FILE_NAME: &str = "letterlint.toml";

/// The contents of a `letterlint.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Letter kind when the front matter gives none: `appeal` or `reply`.
    pub kind: Option<String>,
    /// Marketplace when the front matter gives none.
    pub platform: Option<String>,
    /// Language of messages: `en` or `zh-CN`.
    pub locale: Option<String>,
    /// Run the grammar checker (slower; off by default).
    pub grammar: Option<bool>,
    /// Words that are never misspellings: names, brands, product terms.
    #[serde(default)]
    pub dictionary: Vec<String>,
    /// Folders of extra rule files, relative to this file.
    #[serde(default)]
    pub rule_packs: Vec<String>,
    /// Only these rules run (ids or prefixes such as `appeal/`).
    #[serde(default)]
    pub select: Vec<String>,
    /// These rules never run.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Severity per rule id or prefix: `error`, `warning`, `info`, `hint` or `off`.
    #[serde(default)]
    pub rules: BTreeMap<String, String>,
    /// Settings per rule, e.g. `[rule-options."appeal/length"] max_words = 500`.
    #[serde(default)]
    pub rule_options: BTreeMap<String, toml::Table>,
    /// Weights of the class report's rubric (`letterlint report`).
    #[serde(default)]
    pub rubric: Option<toml::Table>,
}

/// A configuration file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based; 0 when unknown.
    pub line: usize,
    pub column: usize,
    pub reason: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}:{}: {}", self.path.display(), self.line, self.column, self.reason)
        } else {
            write!(f, "{}: {}", self.path.display(), self.reason)
        }
    }
}

/// A loaded configuration and where it came from.
#[derive(Debug, Clone, Default)]
pub struct LoadedConfig {
    pub path: Option<PathBuf>,
    pub config: Config,
    text: String,
}

impl LoadedConfig {
    /// Parses configuration text; `path` is used in errors and to resolve rule packs.
    pub fn parse(path: &Path, text: &str) -> Result<LoadedConfig, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map_or((0, 0), |s| line_col(text, s.start));
            ConfigError { path: path.to_path_buf(), line, column, reason: e.message().trim().to_string() }
        })?;
        let loaded = LoadedConfig { path: Some(path.to_path_buf()), config, text: text.to_string() };
        loaded.check_values()?;
        Ok(loaded)
    }

    /// Reads and parses a configuration file.
    pub fn read(path: &Path) -> Result<LoadedConfig, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            line: 0,
            column: 0,
            reason: format!("cannot read the configuration: {e}"),
        })?;
        LoadedConfig::parse(path, &text)
    }

    fn error_at(&self, needle: &str, reason: String) -> ConfigError {
        let (line, column) = self.text.find(needle).map_or((0, 0), |pos| line_col(&self.text, pos));
        ConfigError { path: self.path.clone().unwrap_or_default(), line, column, reason }
    }

    fn check_values(&self) -> Result<(), ConfigError> {
        let c = &self.config;
        if let Some(kind) = &c.kind {
            if Kind::parse(kind).is_none() {
                return Err(self.error_at(kind, format!("`kind = \"{kind}\"` is not a letter kind; use `appeal` or `reply`")));
            }
        }
        if let Some(platform) = &c.platform {
            if !PLATFORMS.contains(&platform.as_str()) {
                return Err(self.error_at(platform, format!("`platform = \"{platform}\"` is not known; use one of {}", PLATFORMS.join(", "))));
            }
        }
        if let Some(locale) = &c.locale {
            if !crate::LOCALES.contains(&locale.as_str()) {
                return Err(self.error_at(locale, format!("`locale = \"{locale}\"` is not available; use one of {}", crate::LOCALES.join(", "))));
            }
        }
        for (rule, severity) in &c.rules {
            if severity != "off" && Severity::parse(severity).is_none() {
                return Err(self.error_at(
                    &format!("\"{rule}\""),
                    format!("`{rule}` has severity `{severity}`; use error, warning, info, hint or off"),
                ));
            }
        }
        self.rubric()?;
        Ok(())
    }

    /// The class report's rubric: the defaults with `[rubric]`'s weights over them.
    pub fn rubric(&self) -> Result<crate::report::Rubric, ConfigError> {
        match &self.config.rubric {
            None => Ok(crate::report::Rubric::default()),
            Some(table) => crate::report::Rubric::from_table(table).map_err(|e| self.error_at(&e.key, e.reason)),
        }
    }

    /// Checks that every rule id or prefix named in the configuration exists in `registry`.
    pub fn check_rule_names(&self, registry: &Registry) -> Result<(), ConfigError> {
        let c = &self.config;
        let names = c.rules.keys().chain(&c.select).chain(&c.ignore).chain(c.rule_options.keys());
        for name in names {
            if !registry.rules.iter().any(|r| engine_rule_matches(r.id(), name)) {
                return Err(self.error_at(name, format!("no rule is named `{name}`; `letterlint rules` lists them")));
            }
        }
        Ok(())
    }

    /// Folders of the configured rule packs, resolved against the configuration's folder.
    pub fn rule_packs(&self) -> Vec<PathBuf> {
        let base = self.path.as_deref().and_then(Path::parent).unwrap_or(Path::new("."));
        self.config.rule_packs.iter().map(|p| base.join(p)).collect()
    }

    /// The settings rules run with.
    pub fn settings(&self) -> Settings {
        let c = &self.config;
        let severities = c
            .rules
            .iter()
            .map(|(rule, severity)| (rule.clone(), if severity == "off" { None } else { Severity::parse(severity) }))
            .collect();
        Settings {
            severities,
            select: c.select.clone(),
            ignore: c.ignore.clone(),
            locale: c.locale.clone().unwrap_or_default(),
            dictionary: c.dictionary.clone(),
            rule_options: c.rule_options.iter().map(|(k, v)| (k.clone(), v.clone())).collect::<HashMap<_, _>>(),
            grammar: c.grammar.unwrap_or(false),
            ..Settings::default()
        }
    }

    pub fn kind(&self) -> Option<Kind> {
        self.config.kind.as_deref().and_then(Kind::parse)
    }
}

/// The nearest `letterlint.toml` in `dir` or a folder above it.
pub fn find(dir: &Path) -> Option<PathBuf> {
    let mut current = Some(dir);
    while let Some(d) = current {
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        current = d.parent();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<LoadedConfig, ConfigError> {
        LoadedConfig::parse(Path::new("letterlint.toml"), text)
    }

    #[test]
    fn reads_severities_and_dictionary() {
        let loaded = parse("kind = \"appeal\"\ndictionary = [\"Lumora\"]\n[rules]\n\"text/shouting\" = \"off\"\n\"appeal/\" = \"error\"\n").unwrap();
        let settings = loaded.settings();
        assert_eq!(settings.severities.len(), 2);
        assert_eq!(settings.dictionary, ["Lumora"]);
        assert_eq!(loaded.kind(), Some(Kind::Appeal));
    }

    #[test]
    fn an_unknown_key_names_line_and_column() {
        let err = parse("kind = \"appeal\"\nplatfrom = \"wish\"\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 1), "{err}");
        assert!(err.to_string().starts_with("letterlint.toml:2:1: unknown field `platfrom`"), "{err}");
    }

    #[test]
    fn a_bad_severity_is_an_error_at_its_line() {
        let err = parse("[rules]\n\"text/shouting\" = \"loud\"\n").unwrap_err();
        assert_eq!(err.line, 2, "{err}");
    }

    #[test]
    fn a_bad_rubric_weight_is_an_error_at_its_line() {
        let loaded = parse("[rubric.parts]\nplea = 30\n").unwrap();
        assert_eq!(loaded.rubric().unwrap().parts["plea"], 30.0);
        let err = parse("[rubric.parts]\nplea = 30\nrootcause = 5\n").unwrap_err();
        assert_eq!(err.line, 3, "{err}");
    }

    #[test]
    fn unknown_rule_names_are_errors() {
        let registry = Registry::builtin().unwrap();
        let loaded = parse("ignore = [\"text/\", \"text/nope\"]\n").unwrap();
        let err = loaded.check_rule_names(&registry).unwrap_err();
        assert!(err.reason.contains("text/nope"), "{err}");
    }
}
