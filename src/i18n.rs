//! Languages of messages: locale names, and the interface strings (CLI help, language-server
//! actions) kept as data in `rules/locales/<locale>.toml`. Rule texts are translated in each rule
//! file (`[locale.zh-CN]`, read by `rules::Rule`). The letter's own text is never translated.
//!
//! Invariant: `rules/locales/en.toml` and every other locale file have the same keys with the same
//! `{placeholders}` (tested), so a lookup in a known locale always finds a string.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use crate::embedded;

/// The environment variable that selects the locale when no `--locale` is given.
pub const ENV: &str = "LETTERLINT_LOCALE";

/// The locale letterlint has messages in that matches `locale` (`zh-cn`, `zh_CN`, `zh-Hans`,
/// `en-US`...), or `None`.
pub fn canonical(locale: &str) -> Option<&'static str> {
    let lower = locale.trim().to_ascii_lowercase().replace('_', "-");
    if lower == "zh" || lower.starts_with("zh-") {
        Some("zh-CN")
    } else if lower == "en" || lower.starts_with("en-") || lower == "c" || lower == "posix" {
        Some("en")
    } else {
        None
    }
}

/// The locale asked for on the command line (`--locale X` or `--locale=X` anywhere in `args`),
/// else by `LETTERLINT_LOCALE`; empty when neither says. Read before parsing, so that the help
/// text itself can be translated.
pub fn requested(args: &[String]) -> String {
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if arg == "--" {
            break;
        }
        if arg == "--locale" {
            if let Some(value) = it.next() {
                return value.clone();
            }
        } else if let Some(value) = arg.strip_prefix("--locale=") {
            return value.to_string();
        }
    }
    std::env::var(ENV).unwrap_or_default()
}

/// One locale file: section -> key -> text.
pub type Strings = BTreeMap<String, BTreeMap<String, String>>;

fn load(locale: &str) -> Strings {
    let path = format!("locales/{locale}.toml");
    let text = embedded::file(&path).unwrap_or_default();
    toml::from_str(text).unwrap_or_else(|e| panic!("rules/{path} is not valid: {e}"))
}

static EN: LazyLock<Strings> = LazyLock::new(|| load("en"));
static ZH_CN: LazyLock<Strings> = LazyLock::new(|| load("zh-CN"));

/// The interface strings of a locale (`en` for unknown ones).
pub fn strings(locale: &str) -> &'static Strings {
    match canonical(locale) {
        Some("zh-CN") => &ZH_CN,
        _ => &EN,
    }
}

/// An interface string: `section.key` in `locale`, falling back to English, then to the key.
pub fn text(locale: &str, section: &str, key: &str) -> String {
    let find = |s: &'static Strings| s.get(section).and_then(|t| t.get(key));
    find(strings(locale)).or_else(|| find(&EN)).cloned().unwrap_or_else(|| format!("{section}.{key}"))
}

/// `text` with `{name}` placeholders filled in.
pub fn format(locale: &str, section: &str, key: &str, values: &[(&str, &str)]) -> String {
    let mut out = text(locale, section, key);
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The `{placeholders}` of a text, sorted and deduplicated (for tests that compare translations).
pub fn placeholders(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        rest = &rest[start + 1..];
        let Some(end) = rest.find('}') else { break };
        let name = &rest[..end];
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
            out.push(name.to_string());
        }
        rest = &rest[end + 1..];
    }
    out.sort();
    out.dedup();
    out
}

/// True when `text` has Chinese characters (a translation, not an English fallback).
pub fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_names_map_to_available_ones() {
        assert_eq!(canonical("zh-CN"), Some("zh-CN"));
        assert_eq!(canonical("zh_CN.UTF-8"), Some("zh-CN"));
        assert_eq!(canonical("zh-Hans"), Some("zh-CN"));
        assert_eq!(canonical("en-US"), Some("en"));
        assert_eq!(canonical("fr"), None);
    }

    #[test]
    fn the_locale_is_read_from_argv_before_parsing() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(requested(&args(&["letterlint", "check", "--locale", "zh-CN", "x.md"])), "zh-CN");
        assert_eq!(requested(&args(&["letterlint", "--locale=zh-CN", "rules"])), "zh-CN");
    }

    #[test]
    fn placeholders_are_found() {
        assert_eq!(placeholders("Write `{replacement}` for `{found}` {found}"), vec!["found", "replacement"]);
        assert!(placeholders("a { b } {}").is_empty());
    }

    #[test]
    fn every_interface_string_exists_in_every_locale_with_the_same_placeholders() {
        for locale in crate::LOCALES {
            let other = strings(locale);
            for (section, table) in EN.iter() {
                for (key, english) in table {
                    let Some(translated) = other.get(section).and_then(|t| t.get(key)) else {
                        panic!("rules/locales/{locale}.toml lacks `{section}.{key}`");
                    };
                    assert_eq!(placeholders(english), placeholders(translated), "{locale}: `{section}.{key}`");
                    if *locale == "zh-CN" && english.chars().any(|c| c.is_ascii_alphabetic()) {
                        assert!(has_chinese(translated), "{locale}: `{section}.{key}` is not translated");
                    }
                }
            }
            // `[cli]` translates the help clap derives from the doc comments; the binary's own test
            // checks it against the command tree.
            for (section, table) in other.iter().filter(|(section, _)| section.as_str() != "cli") {
                for key in table.keys() {
                    assert!(EN.get(section).is_some_and(|t| t.contains_key(key)), "rules/locales/{locale}.toml: `{section}.{key}` has no English");
                }
            }
        }
    }
}
