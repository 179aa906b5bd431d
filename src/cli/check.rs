//! `letterlint check`.

use std::collections::HashMap;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::{Context as _, Result, bail};
use clap::{Args, ValueEnum};

use super::fix;
use super::letters::{load_rules, markdown_files, parse_now, read_letter, requested_locale};
use letterlint::config;
use letterlint::diagnostic::Severity;
use letterlint::letter::{Hints, Kind, PLATFORMS};
use letterlint::output::{self, FileResult};
use letterlint::rules::Rule;
use letterlint::rules::{Registry, Settings};

#[derive(Args)]
pub struct CheckArgs {
    /// Files or folders to check; folders are walked for Markdown files, honouring .gitignore.
    /// `-` reads standard input.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    format: CheckFormat,
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
    /// Apply safe fixes, re-check, and repeat until nothing changes; then report what is left.
    /// With `-` the fixed text is printed instead.
    #[arg(long)]
    fix: bool,
    /// With --fix or --diff, apply unsafe fixes (word choices, inserted text) too.
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print a unified diff of what --fix would change, without writing; exit 1 when a letter
    /// would change.
    #[arg(long, conflicts_with = "fix")]
    diff: bool,
    /// Only these rules: ids or prefixes (`appeal/,policy/`); replaces the configuration's `select`.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    select: Vec<String>,
    /// Never these rules: ids or prefixes; added to the configuration's `ignore`.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    ignore: Vec<String>,
    /// Report errors only.
    #[arg(long, short)]
    quiet: bool,
    /// Exit 1 when there are more than this many warnings, even without an error.
    #[arg(long, value_name = "N")]
    max_warnings: Option<usize>,
    /// Exit 0 even when errors are found (2 still means the run itself failed).
    #[arg(long)]
    exit_zero: bool,
    /// Print the number of findings per rule instead of the findings.
    #[arg(long)]
    statistics: bool,
}

/// Output formats of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Each finding with the source line and a caret underline.
    Human,
    /// The JSON report (version 1).
    Json,
    /// One line per finding: `path:line:col: severity rule message`.
    Concise,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// JUnit XML: a test suite per letter, a failing test case per finding.
    Junit,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
}

/// A checked letter, and what fixing it changed.
struct Checked {
    file: FileResult,
    /// The text read, when fixing (to write back or diff); empty otherwise, so that a checked
    /// letter costs little memory until the report is written.
    original: String,
    /// The fixes that would change the text, when fixing.
    fixed: Option<fix::Fixed>,
    /// Fixes kept changing the text until the last pass.
    unstable: bool,
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

/// Letters a worker takes at a time (see `letterlint::lint_many`).
const BATCH: usize = 32;

pub fn run(args: CheckArgs) -> Result<i32> {
    // The dictionaries load beside the rule compilation and the reading of the letters.
    letterlint::spelling::warm_up();
    let locale = requested_locale(args.locale.as_deref())?;
    let now = args.now.as_deref().map(parse_now).transpose()?;
    let (jobs, mut input_errors) = collect_jobs(&args)?;
    // A configuration or rule pack that does not load fails the letters under it, not the run:
    // its error is reported once and the other letters are checked.
    let mut profiles: HashMap<Option<PathBuf>, Option<Arc<Profile>>> = HashMap::new();
    let mut assigned = Vec::with_capacity(jobs.len());
    for job in jobs {
        let dir = job.path.as_deref().and_then(Path::parent).map(|d| {
            if d.as_os_str().is_empty() {
                Path::new(".")
            } else {
                d
            }
        });
        let config_path = match &args.config {
            Some(p) => Some(p.clone()),
            None => dir.and_then(config::find),
        };
        let profile = match profiles.get(&config_path) {
            Some(p) => p.clone(),
            None => {
                let p = match load_profile(config_path.as_deref(), &args, locale.as_deref(), now) {
                    Ok(p) => Some(Arc::new(p)),
                    // Without a configuration file the error is the command line's: stop.
                    Err(err) if config_path.is_none() || args.config.is_some() => return Err(err),
                    Err(err) => {
                        eprintln!("letterlint: {err:#}");
                        None
                    }
                };
                profiles.insert(config_path, p.clone());
                p
            }
        };
        match profile {
            Some(profile) => assigned.push((job, profile)),
            None => {
                input_errors += 1;
                eprintln!(
                    "letterlint: {}: not checked: its configuration did not load",
                    job.shown
                );
            }
        }
    }
    let hints_for = |profile: &Profile| Hints {
        kind_override: args.kind.as_deref().and_then(Kind::parse),
        platform_override: args.platform.clone(),
        kind_default: profile.kind_default,
        platform_default: profile.platform_default.clone(),
    };
    let settings_for = |job: &Job, profile: &Profile| {
        let mut settings = profile.settings.clone();
        settings.letter_dir = job.path.as_deref().and_then(Path::parent).map(Path::to_path_buf);
        settings
    };
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let fixing = args.fix || args.diff;
    // Fixes a letter (`--fix`, `--diff`) and checks the result.
    let fix_and_check = |job: &Job, profile: &Profile, text: String| {
        let settings = settings_for(job, profile);
        let hints = hints_for(profile);
        let fixed = fix::fix_preserving(&text, |t| {
            fix::fix_until_stable(&profile.registry, t, &hints, &settings, args.unsafe_fixes)
        });
        let unstable = !fixed.stable;
        let fixed = Some(fixed).filter(|f| f.applied > 0 && f.text != text);
        let checked_text = fixed.as_ref().map_or(text.as_str(), |f| f.text.as_str());
        let (letter, diagnostics) = letterlint::lint(&profile.registry, checked_text, &hints, &settings);
        Checked { file: FileResult::new(job.shown.clone(), letter, diagnostics), original: text, fixed, unstable }
    };
    let results: Mutex<Vec<(usize, Result<Checked, String>)>> = Mutex::new(Vec::new());
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..threads.min(assigned.len().max(1)) {
            scope.spawn(|| {
                loop {
                    // Letters are taken a batch at a time: their part cues are confirmed
                    // pattern by pattern (`letterlint::lint_many`). Fixing takes them one by one.
                    let first = next.fetch_add(BATCH, std::sync::atomic::Ordering::Relaxed);
                    if first >= assigned.len() {
                        break;
                    }
                    let batch = first..(first + BATCH).min(assigned.len());
                    let mut outcomes: Vec<(usize, Result<Checked, String>)> = Vec::new();
                    if fixing {
                        for i in batch {
                            let (job, profile) = &assigned[i];
                            outcomes.push((i, read_job(job).map(|text| fix_and_check(job, profile, text))));
                        }
                    } else {
                        let mut read = Vec::new();
                        for i in batch {
                            match read_job(&assigned[i].0) {
                                Ok(text) => {
                                    let (job, profile) = &assigned[i];
                                    read.push((i, text, hints_for(profile), settings_for(job, profile)));
                                }
                                Err(message) => outcomes.push((i, Err(message))),
                            }
                        }
                        // One batch per profile (a profile has its own rules): consecutive letters
                        // of one folder share one.
                        let mut start = 0;
                        while start < read.len() {
                            let profile = &assigned[read[start].0].1;
                            let end = (start..read.len())
                                .find(|&k| !Arc::ptr_eq(&assigned[read[k].0].1, profile))
                                .unwrap_or(read.len());
                            let items: Vec<(&str, &Hints, &Settings)> =
                                read[start..end].iter().map(|(_, text, hints, settings)| (text.as_str(), hints, settings)).collect();
                            let linted = letterlint::lint_many(&profile.registry, &items);
                            for ((i, ..), (letter, diagnostics)) in read[start..end].iter().zip(linted) {
                                let checked = Checked {
                                    file: FileResult::new(assigned[*i].0.shown.clone(), letter, diagnostics),
                                    original: String::new(),
                                    fixed: None,
                                    unstable: false,
                                };
                                outcomes.push((*i, Ok(checked)));
                            }
                            start = end;
                        }
                    }
                    results.lock().expect("results lock").extend(outcomes);
                }
            });
        }
    });
    let mut results = results.into_inner().expect("results lock");
    results.sort_by_key(|(i, _)| *i);
    let mut files = Vec::new();
    let mut n_fixed = (0, 0);
    let mut would_change = false;
    let mut out = String::new();
    for (i, outcome) in results {
        let mut checked = match outcome {
            Ok(checked) => checked,
            Err(message) => {
                input_errors += 1;
                eprintln!("letterlint: {message}");
                continue;
            }
        };
        let (job, profile) = &assigned[i];
        {
            if checked.unstable {
                eprintln!(
                    "letterlint: {}: fixes still changed the letter after {} passes; check the result",
                    job.shown,
                    letterlint::fix::MAX_PASSES
                );
            }
        }
        if args.diff {
            if let Some(fixed) = &checked.fixed {
                would_change = true;
                out.push_str(&fix::unified_diff(
                    &job.shown,
                    &checked.original,
                    &fixed.text,
                ));
            }
        } else if args.fix && job.text.is_some() {
            // Standard input: the fixed text is the output.
            out.push_str(
                checked
                    .fixed
                    .as_ref()
                    .map_or(checked.original.as_str(), |f| f.text.as_str()),
            );
        } else if let (true, Some(fixed), Some(path)) = (args.fix, &checked.fixed, &job.path) {
            match fix::write_if_unchanged(path, checked.original.as_bytes(), &fixed.text) {
                Ok(()) => {
                    n_fixed.0 += fixed.applied;
                    n_fixed.1 += 1;
                }
                Err(err) => {
                    input_errors += 1;
                    eprintln!("letterlint: {}: {err}", job.shown);
                    // Report what the file holds, not the fixes that were not written.
                    let mut settings = profile.settings.clone();
                    settings.letter_dir = path.parent().map(Path::to_path_buf);
                    let (letter, diagnostics) = letterlint::lint(
                        &profile.registry,
                        &checked.original,
                        &hints_for(profile),
                        &settings,
                    );
                    checked.file = FileResult::new(job.shown.clone(), letter, diagnostics);
                }
            }
        }
        files.push(checked.file);
    }
    let n_warnings = files
        .iter()
        .flat_map(|f| &f.diagnostics)
        .filter(|d| d.severity == Severity::Warning)
        .count();
    let has_error = files
        .iter()
        .flat_map(|f| &f.diagnostics)
        .any(|d| d.severity == Severity::Error);
    if args.quiet {
        for file in &mut files {
            file.diagnostics.retain(|d| d.severity == Severity::Error);
        }
    }
    let color = match args.color.as_str() {
        "always" => true,
        "never" => false,
        _ => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    // `--diff` prints diffs, and `--fix` on standard input prints the fixed text, instead.
    let fixing_stdin = args.fix && assigned.iter().any(|(job, _)| job.text.is_some());
    let reporting = !args.diff && !fixing_stdin;
    print!("{out}");
    if reporting {
        let text = if args.statistics {
            output::concise::render_statistics(&files)
        } else {
            match args.format {
                CheckFormat::Human => {
                    // The report's own words follow --locale, else the (first) configuration's.
                    let words = locale.clone().or_else(|| assigned.first().map(|(_, p)| p.settings.locale.clone()));
                    output::human::render_in(&files, color, &words.unwrap_or_default())
                }
                CheckFormat::Json => output::json::render(&files),
                CheckFormat::Concise => output::concise::render(&files),
                CheckFormat::Github => output::github::render(&files),
                CheckFormat::Junit => output::junit::render(&files),
                CheckFormat::Sarif => output::sarif::render(&files, &enabled_rules(&assigned)),
            }
        };
        // Printed as it is rather than appended to `out`: a report can be tens of megabytes.
        print!("{text}");
    }
    if args.fix && n_fixed.0 > 0 && !args.quiet {
        eprintln!(
            "letterlint: fixed {} {} in {} {}",
            n_fixed.0,
            if n_fixed.0 == 1 {
                "problem"
            } else {
                "problems"
            },
            n_fixed.1,
            if n_fixed.1 == 1 { "letter" } else { "letters" }
        );
    }
    let too_many_warnings = args.max_warnings.is_some_and(|max| n_warnings > max);
    if input_errors > 0 {
        return Ok(2);
    }
    if args.exit_zero {
        return Ok(0);
    }
    if args.diff {
        // `--diff` answers "would --fix change anything?", whatever findings are left.
        return Ok(i32::from(would_change));
    }
    Ok(if has_error || too_many_warnings { 1 } else { 0 })
}

/// The rules that run under any of the profiles, each id once, in registry order.
fn enabled_rules(assigned: &[(Job, Arc<Profile>)]) -> Vec<&Rule> {
    let mut rules: Vec<&Rule> = Vec::new();
    let mut seen_profiles: Vec<*const Profile> = Vec::new();
    for (_, profile) in assigned {
        if seen_profiles.contains(&Arc::as_ptr(profile)) {
            continue;
        }
        seen_profiles.push(Arc::as_ptr(profile));
        for rule in &profile.registry.rules {
            if profile.settings.severity_of(rule).is_some()
                && !rules.iter().any(|r| r.id() == rule.id())
            {
                rules.push(rule);
            }
        }
    }
    rules
}

fn load_profile(
    config_path: Option<&Path>,
    args: &CheckArgs,
    locale: Option<&str>,
    now: Option<jiff::Timestamp>,
) -> Result<Profile> {
    let (loaded, registry, mut settings) = load_rules(config_path, locale, now)?;
    settings.grammar |= args.grammar;
    for (flag, patterns) in [("--select", &args.select), ("--ignore", &args.ignore)] {
        for pattern in patterns.iter() {
            if !registry
                .rules
                .iter()
                .any(|r| letterlint::rules::engine_rule_matches(r.id(), pattern))
            {
                bail!(
                    "{flag} `{pattern}`: no rule is named `{pattern}`; `letterlint rules` lists them"
                );
            }
        }
    }
    if !args.select.is_empty() {
        settings.select = args.select.clone();
    }
    settings.ignore.extend(args.ignore.iter().cloned());
    Ok(Profile {
        registry: Arc::new(registry),
        settings,
        kind_default: loaded.kind(),
        platform_default: loaded.config.platform.clone(),
    })
}

/// The letters to check, and how many paths could not be read (each already reported).
fn collect_jobs(args: &CheckArgs) -> Result<(Vec<Job>, usize)> {
    let mut jobs = Vec::new();
    let walk_errors = std::sync::atomic::AtomicUsize::new(0);
    let mut missing = 0;
    for path in &args.paths {
        if path.as_os_str() == "-" {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .context("reading standard input")?;
            let shown = args
                .stdin_filename
                .as_ref()
                .map_or("<stdin>".to_string(), |p| p.display().to_string());
            jobs.push(Job {
                shown,
                path: args.stdin_filename.clone(),
                text: Some(text),
            });
        } else if path.is_dir() {
            let found = markdown_files(path, &walk_errors);
            jobs.extend(found.into_iter().map(|p| Job {
                shown: p.display().to_string(),
                path: Some(p),
                text: None,
            }));
        } else if path.exists() {
            jobs.push(Job {
                shown: path.display().to_string(),
                path: Some(path.clone()),
                text: None,
            });
        } else if path.symlink_metadata().is_ok() {
            // A link to nothing, or a loop of links: this path fails, the others are checked.
            missing += 1;
            eprintln!(
                "letterlint: {}: cannot read: {}",
                path.display(),
                std::fs::metadata(path).map_or_else(|e| e.to_string(), |_| "unknown error".into())
            );
        } else {
            bail!("{}: no such file or folder", path.display());
        }
    }
    // A letter named twice (`check a.md .`) is checked, and fixed, once.
    let mut seen = std::collections::HashSet::new();
    jobs.retain(|job| match &job.path {
        Some(path) if job.text.is_none() => {
            seen.insert(std::fs::canonicalize(path).unwrap_or_else(|_| path.clone()))
        }
        _ => true,
    });
    Ok((jobs, walk_errors.into_inner() + missing))
}

fn read_job(job: &Job) -> Result<String, String> {
    if let Some(text) = &job.text {
        return Ok(text.clone());
    }
    let path = job.path.as_ref().expect("a job reads stdin or a path");
    read_letter(path, &job.shown)
}
