//! What `check` and `report` share: the locale and `--now` from the command line, finding the
//! Markdown letters in folders, reading a letter, and loading the rules and settings of a
//! configuration.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context as _, Result, bail};

use letterlint::config::LoadedConfig;
use letterlint::rules::{Registry, Settings};

/// The locale asked for with `--locale` or `LETTERLINT_LOCALE`, by its canonical name (`zh_CN`
/// and `zh-cn` mean `zh-CN`); an unknown one is a usage error.
pub fn requested_locale(flag: Option<&str>) -> Result<Option<String>> {
    let asked = flag
        .map(str::to_string)
        .or_else(|| std::env::var(letterlint::i18n::ENV).ok())
        .filter(|l| !l.is_empty());
    match asked {
        Some(locale) => match letterlint::i18n::canonical(&locale) {
            Some(known) => Ok(Some(known.to_string())),
            None => bail!(
                "locale `{locale}` is not available; use one of {}",
                letterlint::LOCALES.join(", ")
            ),
        },
        None => Ok(None),
    }
}

/// `--now`: an RFC 3339 time, or a date (midnight UTC).
pub fn parse_now(value: &str) -> Result<jiff::Timestamp> {
    if let Ok(ts) = value.parse::<jiff::Timestamp>() {
        return Ok(ts);
    }
    let date: jiff::civil::Date = value.parse().with_context(|| {
        format!("--now `{value}` is not a date (YYYY-MM-DD) or an RFC 3339 time")
    })?;
    Ok(date.to_zoned(jiff::tz::TimeZone::UTC)?.timestamp())
}

pub fn is_markdown(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("md" | "markdown" | "mdown" | "mkd" | "mdx")
    )
}

/// The Markdown files under a folder (walked in parallel, honouring `.gitignore`, links not
/// followed), sorted. Each path that cannot be walked is reported and counted in `errors`.
pub fn markdown_files(folder: &Path, errors: &AtomicUsize) -> Vec<PathBuf> {
    let found = Mutex::new(Vec::new());
    ignore::WalkBuilder::new(folder)
        .follow_links(false)
        .build_parallel()
        .run(|| {
            Box::new(|entry| {
                match entry {
                    Ok(entry)
                        if entry.file_type().is_some_and(|t| t.is_file())
                            && is_markdown(entry.path()) =>
                    {
                        found.lock().expect("walk lock").push(entry.into_path());
                    }
                    Ok(_) => {}
                    Err(err) => {
                        errors.fetch_add(1, Ordering::Relaxed);
                        eprintln!("letterlint: {err}");
                    }
                }
                ignore::WalkState::Continue
            })
        });
    let mut found = found.into_inner().expect("walk lock");
    found.sort();
    found
}

/// Reads a letter from a regular file; the error names the file (`shown`) and, for text that is
/// not UTF-8, the line and column where it stops being UTF-8.
pub fn read_letter(path: &Path, shown: &str) -> Result<String, String> {
    // A named pipe or a device would block the run or never end: only regular files are read.
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => {
            return Err(format!("{shown}: cannot read: not a regular file"));
        }
        Err(e) => return Err(format!("{shown}: cannot read: {e}")),
        Ok(_) => {}
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            let before = &err.as_bytes()[..offset];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
            let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
            Err(format!(
                "{shown}:{line}:{column}: the file is not UTF-8 text; save it as UTF-8"
            ))
        }
    }
}

/// A configuration (or the defaults), its rules (built-in plus its rule packs) and settings,
/// with the command line's locale and `--now`.
pub fn load_rules(
    config_path: Option<&Path>,
    locale: Option<&str>,
    now: Option<jiff::Timestamp>,
) -> Result<(LoadedConfig, Registry, Settings)> {
    let loaded = match config_path {
        Some(path) => LoadedConfig::read(path)?,
        None => LoadedConfig::default(),
    };
    let packs = loaded.rule_packs();
    let pack_refs: Vec<&Path> = packs.iter().map(PathBuf::as_path).collect();
    let registry = Registry::load(&pack_refs)?;
    loaded.check_rule_names(&registry)?;
    let mut settings = loaded.settings();
    if let Some(locale) = locale {
        settings.locale = locale.to_string();
    }
    settings.now = now;
    Ok((loaded, registry, settings))
}
