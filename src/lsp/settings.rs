//! Client settings (`initializationOptions`, `workspace/didChangeConfiguration`) and the
//! per-configuration-file profiles documents are linted with.
//!
//! Invariant: a broken `letterlint.toml` never replaces a working one: the last good profile of
//! that file stays in force and the error is reported once.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};
use std::time::SystemTime;

use serde::Deserialize;

use crate::config::LoadedConfig;
use crate::diagnostic::Severity;
use crate::letter::{Hints, Kind, PLATFORMS};
use crate::rules::{Registry, Settings};

/// Settings an editor sends. Every field is optional; unknown fields are ignored so newer clients
/// can talk to older servers.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct ClientSettings {
    /// Treat every letter as this kind (`appeal` or `reply`).
    pub kind: Option<String>,
    /// Treat every letter as written for this marketplace.
    pub platform: Option<String>,
    /// Language of messages (`en`, `zh-CN`).
    pub locale: Option<String>,
    /// Show the recognised part at the start of each paragraph.
    pub inlay_hints: bool,
    /// Severity per rule id or prefix: `error`, `warning`, `info`, `hint` or `off`.
    pub rules: HashMap<String, String>,
}

impl ClientSettings {
    /// Reads settings from a client's JSON: either the settings object itself or wrapped in a
    /// `letterlint` key (what `workspace/didChangeConfiguration` usually sends). Values of the
    /// wrong type are reported and the other settings are still read.
    pub fn from_json(value: &serde_json::Value) -> (ClientSettings, Vec<String>) {
        let value = value.get("letterlint").unwrap_or(value);
        let mut problems = Vec::new();
        if value.is_null() {
            return (ClientSettings::default(), problems);
        }
        let mut settings: ClientSettings = match serde_json::from_value(value.clone()) {
            Ok(s) => s,
            Err(err) => {
                problems.push(format!("letterlint settings are not valid: {err}"));
                ClientSettings::default()
            }
        };
        if let Some(kind) = &settings.kind {
            if Kind::parse(kind).is_none() {
                problems.push(format!(
                    "setting `kind = {kind}` is not a letter kind; use `appeal` or `reply`"
                ));
                settings.kind = None;
            }
        }
        if let Some(platform) = &settings.platform {
            if !PLATFORMS.contains(&platform.as_str()) {
                problems.push(format!(
                    "setting `platform = {platform}` is not known; use one of {}",
                    PLATFORMS.join(", ")
                ));
                settings.platform = None;
            }
        }
        if let Some(locale) = &settings.locale {
            if !crate::LOCALES.contains(&locale.as_str()) {
                problems.push(format!(
                    "setting `locale = {locale}` is not available; use one of {}",
                    crate::LOCALES.join(", ")
                ));
                settings.locale = None;
            }
        }
        settings.rules.retain(|rule, severity| {
            let ok = severity == "off" || Severity::parse(severity).is_some();
            if !ok {
                problems.push(format!("setting for `{rule}` has severity `{severity}`; use error, warning, info, hint or off"));
            }
            ok
        });
        (settings, problems)
    }
}

/// Maps an editor's locale (`zh-cn`, `en-US`, `zh-Hans`) to one letterlint has messages in.
pub fn match_locale(locale: &str) -> Option<&'static str> {
    let lower = locale.to_ascii_lowercase();
    if lower.starts_with("zh") {
        Some("zh-CN")
    } else if lower.starts_with("en") {
        Some("en")
    } else {
        None
    }
}

/// One configuration file's rules and settings, shared by the letters under it.
#[derive(Debug)]
pub struct Profile {
    pub registry: Arc<Registry>,
    pub loaded: LoadedConfig,
}

static BUILTIN: LazyLock<Option<Arc<Registry>>> =
    LazyLock::new(|| Registry::builtin().ok().map(Arc::new));

impl Profile {
    /// The profile of a folder without `letterlint.toml`.
    pub fn builtin() -> Arc<Profile> {
        let registry = BUILTIN
            .clone()
            .unwrap_or_else(|| Arc::new(Registry::builtin().expect("built-in rules load")));
        Arc::new(Profile {
            registry,
            loaded: LoadedConfig::default(),
        })
    }

    /// Reads a configuration file and the rule packs it names.
    pub fn read(path: &Path) -> Result<Arc<Profile>, String> {
        let loaded = LoadedConfig::read(path).map_err(|e| e.to_string())?;
        let packs = loaded.rule_packs();
        let registry = if packs.is_empty() {
            Profile::builtin().registry.clone()
        } else {
            let refs: Vec<&Path> = packs.iter().map(PathBuf::as_path).collect();
            Arc::new(Registry::load(&refs).map_err(|e| e.to_string())?)
        };
        loaded
            .check_rule_names(&registry)
            .map_err(|e| e.to_string())?;
        Ok(Arc::new(Profile { registry, loaded }))
    }

    /// The rule settings and letter hints for one document, with the client's settings over the file's.
    pub fn resolve(
        &self,
        client: &ClientSettings,
        client_locale: Option<&str>,
        letter_dir: Option<&Path>,
    ) -> (Settings, Hints) {
        let mut settings = self.loaded.settings();
        for (rule, severity) in &client.rules {
            settings.severities.push((
                rule.clone(),
                if severity == "off" {
                    None
                } else {
                    Severity::parse(severity)
                },
            ));
        }
        let locale = client
            .locale
            .clone()
            .or_else(|| self.loaded.config.locale.clone())
            .or_else(|| client_locale.map(str::to_string));
        settings.locale = locale.unwrap_or_default();
        settings.letter_dir = letter_dir.map(Path::to_path_buf);
        let hints = Hints {
            kind_override: client.kind.as_deref().and_then(Kind::parse),
            platform_override: client.platform.clone(),
            kind_default: self.loaded.kind(),
            platform_default: self.loaded.config.platform.clone(),
        };
        (settings, hints)
    }
}

/// A configuration file as last read.
struct Entry {
    profile: Arc<Profile>,
    modified: Option<SystemTime>,
    /// The error of the last read, if it failed (the profile is then the last good one).
    error: Option<String>,
}

/// Profiles by configuration file, re-read when the file changes.
#[derive(Default)]
pub struct Profiles {
    entries: HashMap<PathBuf, Entry>,
}

/// What looking up a profile found.
pub struct Lookup {
    pub profile: Arc<Profile>,
    /// A new error to show the writer (each distinct error is shown once).
    pub new_error: Option<String>,
}

impl Profiles {
    /// The profile for a document in `dir` (`None`: a document without a folder, e.g. untitled).
    pub fn for_dir(&mut self, dir: Option<&Path>) -> Lookup {
        let Some(path) = dir.and_then(crate::config::find) else {
            return Lookup {
                profile: Profile::builtin(),
                new_error: None,
            };
        };
        let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        if let Some(entry) = self.entries.get(&path) {
            if entry.modified == modified {
                return Lookup {
                    profile: entry.profile.clone(),
                    new_error: None,
                };
            }
        }
        self.reload(&path, modified)
    }

    /// Forgets what is known about a configuration file, so the next lookup reads it again.
    pub fn invalidate(&mut self, path: &Path) {
        if let Some(entry) = self.entries.get_mut(path) {
            entry.modified = None;
        }
    }

    pub fn invalidate_all(&mut self) {
        for entry in self.entries.values_mut() {
            entry.modified = None;
        }
    }

    fn reload(&mut self, path: &Path, modified: Option<SystemTime>) -> Lookup {
        match Profile::read(path) {
            Ok(profile) => {
                self.entries.insert(
                    path.to_path_buf(),
                    Entry {
                        profile: profile.clone(),
                        modified,
                        error: None,
                    },
                );
                Lookup {
                    profile,
                    new_error: None,
                }
            }
            Err(error) => {
                let previous = self.entries.remove(path);
                let repeated =
                    previous.as_ref().and_then(|e| e.error.as_deref()) == Some(error.as_str());
                let profile = previous.map_or_else(Profile::builtin, |e| e.profile);
                let new_error = (!repeated).then(|| format!("letterlint: {error}; the last good configuration stays in force until it is fixed"));
                self.entries.insert(
                    path.to_path_buf(),
                    Entry {
                        profile: profile.clone(),
                        modified,
                        error: Some(error),
                    },
                );
                Lookup { profile, new_error }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_read_plain_or_wrapped_and_bad_values_are_dropped() {
        let json = serde_json::json!({"letterlint": {"kind": "appeal", "platform": "mars", "inlayHints": true, "rules": {"text/shouting": "loud", "text/informal": "off"}}});
        let (settings, problems) = ClientSettings::from_json(&json);
        assert_eq!(settings.kind.as_deref(), Some("appeal"));
        assert_eq!(settings.platform, None);
        assert!(settings.inlay_hints);
        assert_eq!(settings.rules.len(), 1);
        assert_eq!(problems.len(), 2, "{problems:?}");
    }

    #[test]
    fn a_broken_file_keeps_the_last_good_profile_and_reports_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("letterlint.toml");
        std::fs::write(&path, "kind = \"reply\"\n").unwrap();
        let mut profiles = Profiles::default();
        let first = profiles.for_dir(Some(dir.path()));
        assert_eq!(first.profile.loaded.kind(), Some(Kind::Reply));
        std::fs::write(&path, "kind = \"nonsense\"\n").unwrap();
        profiles.invalidate(&path);
        let broken = profiles.for_dir(Some(dir.path()));
        assert_eq!(broken.profile.loaded.kind(), Some(Kind::Reply));
        assert!(broken.new_error.unwrap().contains("letterlint.toml:1:"));
        profiles.invalidate(&path);
        assert!(profiles.for_dir(Some(dir.path())).new_error.is_none());
    }

    #[test]
    fn editor_locales_map_to_available_ones() {
        assert_eq!(match_locale("zh-cn"), Some("zh-CN"));
        assert_eq!(match_locale("en-US"), Some("en"));
        assert_eq!(match_locale("fr"), None);
    }
}
