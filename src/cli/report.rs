//! `letterlint report`: the class report of a folder of letters, as an HTML page or JSON.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicUsize;

use anyhow::{Context as _, Result, bail};
use clap::{Args, ValueEnum};

use letterlint::config::{self, LoadedConfig};
use letterlint::letter::{Hints, Kind, PLATFORMS};
use letterlint::output::FileResult;
use letterlint::report::{ClassReport, html};
use letterlint::rules::{Registry, Settings};

use super::letters::{load_rules, markdown_files, parse_now, read_letter, requested_locale};

#[derive(Args)]
pub struct ReportArgs {
    /// Letters to report on: files or folders (walked for Markdown, honouring .gitignore).
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Write the HTML page to this file.
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    /// Write the report's JSON to this file.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Print the report to standard output in this format (the default when no file is named: html).
    #[arg(long, value_enum)]
    format: Option<ReportFormat>,
    /// Language of the page and of the messages (en, zh-CN); also LETTERLINT_LOCALE.
    #[arg(long)]
    locale: Option<String>,
    /// Use this configuration file (rules and rubric) instead of searching for letterlint.toml.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Treat every letter as this kind, whatever its front matter says.
    #[arg(long, value_parser = ["appeal", "reply"])]
    kind: Option<String>,
    /// Treat every letter as written for this marketplace.
    #[arg(long, value_parser = PLATFORMS.to_vec())]
    platform: Option<String>,
    /// The current time for date rules (RFC 3339 or YYYY-MM-DD), for reproducible reports.
    #[arg(long)]
    now: Option<String>,
}

/// Formats of `report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A self-contained HTML page.
    Html,
    /// The report's data as JSON.
    Json,
}

/// One configuration and what the letters under it are checked with.
struct Profile {
    registry: Registry,
    settings: Settings,
    hints: Hints,
}

pub fn run(args: ReportArgs) -> Result<i32> {
    let cli_locale = requested_locale(args.locale.as_deref())?;
    let now = args.now.as_deref().map(parse_now).transpose()?;
    let letters = collect(&args.paths)?;
    // The rubric, and the page's locale when none is given, come from one configuration: the
    // one named, else the one found from the first path.
    let class_config_path = args.config.clone().or_else(|| args.paths.first().and_then(|p| config::find(folder_of(p))));
    let class_config = match &class_config_path {
        Some(path) => LoadedConfig::read(path)?,
        None => LoadedConfig::default(),
    };
    let rubric = class_config.rubric()?;
    let locale = cli_locale.clone().or_else(|| class_config.config.locale.clone()).unwrap_or_else(|| "en".to_string());

    let mut profiles: HashMap<Option<PathBuf>, Profile> = HashMap::new();
    let mut files = Vec::new();
    let mut input_errors = 0;
    for path in letters {
        let config_path = match &args.config {
            Some(p) => Some(p.clone()),
            None => config::find(folder_of(&path)),
        };
        if !profiles.contains_key(&config_path) {
            let profile = load_profile(config_path.as_deref(), &args, cli_locale.as_deref(), now)?;
            profiles.insert(config_path.clone(), profile);
        }
        let profile = &profiles[&config_path];
        let text = match read_letter(&path, &path.display().to_string()) {
            Ok(text) => text,
            Err(message) => {
                eprintln!("letterlint: {message}");
                input_errors += 1;
                continue;
            }
        };
        let mut settings = profile.settings.clone();
        settings.letter_dir = path.parent().map(Path::to_path_buf);
        let (letter, diagnostics) = letterlint::lint(&profile.registry, &text, &profile.hints, &settings);
        files.push(FileResult::new(path.display().to_string(), letter, diagnostics));
    }
    let report = ClassReport::new(&files, &rubric, &locale);
    if let Some(path) = &args.html {
        std::fs::write(path, html::render(&report)).with_context(|| format!("writing {}", path.display()))?;
    }
    if let Some(path) = &args.json {
        std::fs::write(path, report.to_json()).with_context(|| format!("writing {}", path.display()))?;
    }
    let format = args.format.or((args.html.is_none() && args.json.is_none()).then_some(ReportFormat::Html));
    match format {
        Some(ReportFormat::Html) => print!("{}", html::render(&report)),
        Some(ReportFormat::Json) => print!("{}", report.to_json()),
        None => {}
    }
    Ok(if input_errors > 0 { 2 } else { 0 })
}

/// The folder a path's configuration is searched from.
fn folder_of(path: &Path) -> &Path {
    if path.is_dir() {
        return path;
    }
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

fn load_profile(config_path: Option<&Path>, args: &ReportArgs, locale: Option<&str>, now: Option<jiff::Timestamp>) -> Result<Profile> {
    let (loaded, registry, settings) = load_rules(config_path, locale, now)?;
    let hints = Hints {
        kind_override: args.kind.as_deref().and_then(Kind::parse),
        platform_override: args.platform.clone(),
        kind_default: loaded.kind(),
        platform_default: loaded.config.platform.clone(),
    };
    Ok(Profile { registry, settings, hints })
}

/// The letters under the paths, folders walked and sorted, each letter once.
fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut letters = Vec::new();
    for path in paths {
        if path.is_dir() {
            // A folder that cannot be walked is reported; the class report shows what was read.
            let found = markdown_files(path, &AtomicUsize::new(0));
            letters.extend(found);
        } else if path.exists() {
            letters.push(path.clone());
        } else {
            bail!("{}: no such file or folder", path.display());
        }
    }
    let mut seen = std::collections::HashSet::new();
    letters.retain(|p| seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
    Ok(letters)
}
