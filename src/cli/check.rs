//! `letterlint check`.

use std::collections::HashMap;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::{Context as _, Result, bail};
use clap::Args;

use super::Format;
use letterlint::config::{self, LoadedConfig};
use letterlint::diagnostic::Severity;
use letterlint::letter::{Hints, Kind, PLATFORMS};
use letterlint::output::{self, FileResult};
use letterlint::rules::{Registry, Settings};

#[derive(Args)]
pub struct CheckArgs {
    /// Files or folders to check; folders are walked for Markdown files, honouring .gitignore.
    /// `-` reads standard input.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// The file name to report (and find configuration from) when reading standard input.
    #[arg(long)]
    stdin_filename: Option<PathBuf>,
    /// Treat every letter as this kind, whatever its front matter says.
    #[arg(long, value_parser = ["appeal", "reply"])]
    kind: Option<String>,
    /// Treat every letter as written for this marketplace.
    #[arg(long, value_parser = PLATFORMS.to_vec())]
    platform: Option<String>,
    /// Use this configuration file instead of searching for letterlint.toml.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Language of messages (en, zh-CN); also LETTERLINT_LOCALE.
    #[arg(long)]
    locale: Option<String>,
    /// The current time for date rules (RFC 3339 or YYYY-MM-DD), for reproducible runs.
    #[arg(long)]
    now: Option<String>,
    /// Run the grammar checker too (slower).
    #[arg(long)]
    grammar: bool,
    /// Colour: auto (on a terminal), always, never.
    #[arg(long, default_value = "auto", value_parser = ["auto", "always", "never"])]
    color: String,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
}

/// One configuration, its registry and settings, shared by the letters under it.
struct Profile {
    registry: Arc<Registry>,
    settings: Settings,
    kind_default: Option<Kind>,
    platform_default: Option<String>,
}

struct Job {
    shown: String,
    path: Option<PathBuf>,
    text: Option<String>,
}

pub fn run(args: CheckArgs) -> Result<i32> {
    let locale = args.locale.clone().or_else(|| std::env::var("LETTERLINT_LOCALE").ok()).filter(|l| !l.is_empty());
    if let Some(locale) = &locale {
        if !letterlint::LOCALES.contains(&locale.as_str()) {
            bail!("locale `{locale}` is not available; use one of {}", letterlint::LOCALES.join(", "));
        }
    }
    let now = args.now.as_deref().map(parse_now).transpose()?;
    let jobs = collect_jobs(&args)?;
    let mut profiles: HashMap<Option<PathBuf>, Arc<Profile>> = HashMap::new();
    let mut assigned = Vec::with_capacity(jobs.len());
    for job in jobs {
        let dir = job.path.as_deref().and_then(Path::parent).map(|d| if d.as_os_str().is_empty() { Path::new(".") } else { d });
        let config_path = match &args.config {
            Some(p) => Some(p.clone()),
            None => dir.and_then(config::find),
        };
        let profile = match profiles.get(&config_path) {
            Some(p) => p.clone(),
            None => {
                let p = Arc::new(load_profile(config_path.as_deref(), &args, locale.as_deref(), now)?);
                profiles.insert(config_path, p.clone());
                p
            }
        };
        assigned.push((job, profile));
    }
    let hints_for = |profile: &Profile| Hints {
        kind_override: args.kind.as_deref().and_then(Kind::parse),
        platform_override: args.platform.clone(),
        kind_default: profile.kind_default,
        platform_default: profile.platform_default.clone(),
    };
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let results: Mutex<Vec<(usize, Result<FileResult, String>)>> = Mutex::new(Vec::new());
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..threads.min(assigned.len().max(1)) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some((job, profile)) = assigned.get(i) else { break };
                    let outcome = read_job(job).map(|text| {
                        let mut settings = profile.settings.clone();
                        settings.letter_dir = job.path.as_deref().and_then(Path::parent).map(Path::to_path_buf);
                        let (letter, diagnostics) = letterlint::lint(&profile.registry, &text, &hints_for(profile), &settings);
                        FileResult { path: job.shown.clone(), letter, diagnostics }
                    });
                    results.lock().expect("results lock").push((i, outcome));
                }
            });
        }
    });
    let mut results = results.into_inner().expect("results lock");
    results.sort_by_key(|(i, _)| *i);
    let mut files = Vec::new();
    let mut input_errors = 0;
    for (_, outcome) in results {
        match outcome {
            Ok(file) => files.push(file),
            Err(message) => {
                input_errors += 1;
                eprintln!("letterlint: {message}");
            }
        }
    }
    let color = match args.color.as_str() {
        "always" => true,
        "never" => false,
        _ => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let text = match args.format {
        Format::Human => output::human::render(&files, color),
        Format::Json => output::json::render(&files),
    };
    print!("{text}");
    let has_error = files.iter().flat_map(|f| &f.diagnostics).any(|d| d.severity == Severity::Error);
    Ok(if input_errors > 0 { 2 } else if has_error { 1 } else { 0 })
}

fn parse_now(value: &str) -> Result<jiff::Timestamp> {
    if let Ok(ts) = value.parse::<jiff::Timestamp>() {
        return Ok(ts);
    }
    let date: jiff::civil::Date = value.parse().with_context(|| format!("--now `{value}` is not a date (YYYY-MM-DD) or an RFC 3339 time"))?;
    Ok(date.to_zoned(jiff::tz::TimeZone::UTC)?.timestamp())
}

fn load_profile(config_path: Option<&Path>, args: &CheckArgs, locale: Option<&str>, now: Option<jiff::Timestamp>) -> Result<Profile> {
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
    settings.grammar |= args.grammar;
    Ok(Profile {
        registry: Arc::new(registry),
        settings,
        kind_default: loaded.kind(),
        platform_default: loaded.config.platform.clone(),
    })
}

fn is_markdown(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(), Some("md" | "markdown" | "mdown" | "mkd" | "mdx"))
}

fn collect_jobs(args: &CheckArgs) -> Result<Vec<Job>> {
    let mut jobs = Vec::new();
    for path in &args.paths {
        if path.as_os_str() == "-" {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text).context("reading standard input")?;
            let shown = args.stdin_filename.as_ref().map_or("<stdin>".to_string(), |p| p.display().to_string());
            jobs.push(Job { shown, path: args.stdin_filename.clone(), text: Some(text) });
        } else if path.is_dir() {
            let found = Mutex::new(Vec::new());
            ignore::WalkBuilder::new(path).follow_links(false).build_parallel().run(|| {
                Box::new(|entry| {
                    match entry {
                        Ok(entry) if entry.file_type().is_some_and(|t| t.is_file()) && is_markdown(entry.path()) => {
                            found.lock().expect("walk lock").push(entry.into_path());
                        }
                        Ok(_) => {}
                        Err(err) => eprintln!("letterlint: {err}"),
                    }
                    ignore::WalkState::Continue
                })
            });
            let mut found = found.into_inner().expect("walk lock");
            found.sort();
            jobs.extend(found.into_iter().map(|p| Job { shown: p.display().to_string(), path: Some(p), text: None }));
        } else if path.exists() {
            jobs.push(Job { shown: path.display().to_string(), path: Some(path.clone()), text: None });
        } else {
            bail!("{}: no such file or folder", path.display());
        }
    }
    Ok(jobs)
}

fn read_job(job: &Job) -> Result<String, String> {
    if let Some(text) = &job.text {
        return Ok(text.clone());
    }
    let path = job.path.as_ref().expect("a job reads stdin or a path");
    let bytes = std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", job.shown))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            let before = &err.as_bytes()[..offset];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let column = String::from_utf8_lossy(&before[before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1)..]).chars().count() + 1;
            Err(format!("{}:{line}:{column}: the file is not UTF-8 text; save it as UTF-8", job.shown))
        }
    }
}
