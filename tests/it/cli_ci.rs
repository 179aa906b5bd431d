//! The CI side of `letterlint check`: the concise, GitHub, JUnit and SARIF formats (golden
//! outputs over `tests/fixtures/ci/`, SARIF validated against the OASIS schema), `--fix` and
//! `--diff` (line ends, byte-order mark, permissions, read-only files, files changed during the
//! run, idempotence), the exit-code flags, rule selection, statistics, and the pre-commit hooks.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NOW: &str = "2026-11-22";

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ci")
}

/// The fixture file names, sorted.
fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".md"))
        .collect();
    names.sort();
    assert!(names.len() >= 5, "fixtures: {names:?}");
    names
}

fn letterlint(args: &[&str], dir: &Path) -> Output {
    letterlint_env(args, dir, &[])
}

fn letterlint_env(args: &[&str], dir: &Path, env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_letterlint"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("LETTERLINT_LOCALE")
        .env_remove("LETTERLINT_TEST_APPEND_BEFORE_WRITE");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("run letterlint")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).to_string()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).to_string()
}

/// Rules other than the text rules are left out where a test is about a format or a flag, so
/// that new rules do not change its expected output.
const TEXT_RULES: [&str; 2] = ["--select", "text/"];

/// Runs `check` on every fixture with `extra` arguments (and only the text rules unless `extra`
/// selects), from the fixtures folder.
fn check_fixtures(extra: &[&str]) -> Output {
    let names = fixture_names();
    let mut args = vec!["check", "--now", NOW];
    if !extra.contains(&"--select") {
        args.extend(TEXT_RULES);
    }
    args.extend_from_slice(extra);
    args.extend(names.iter().map(String::as_str));
    letterlint(&args, &fixtures_dir())
}

/// A temporary folder holding copies of the named fixtures.
fn copy_fixtures(names: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in names {
        std::fs::copy(fixtures_dir().join(name), dir.path().join(name)).unwrap();
    }
    dir
}

fn sarif_of_fixtures() -> serde_json::Value {
    let out = check_fixtures(&["--format", "sarif"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

/// Findings per rule in a JSON report.
fn counts_per_rule(report: &serde_json::Value) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for file in report["files"].as_array().unwrap() {
        for d in file["diagnostics"].as_array().unwrap() {
            *counts
                .entry(d["rule"].as_str().unwrap().to_string())
                .or_insert(0) += 1;
        }
    }
    counts
}

#[test]
fn every_format_matches_its_golden_output() {
    for format in ["concise", "github", "junit", "sarif"] {
        let out = check_fixtures(&["--format", format]);
        assert_eq!(out.status.code(), Some(1), "{format}: {}", stderr(&out));
        let text = stdout(&out).replace(env!("CARGO_PKG_VERSION"), "[version]");
        insta::assert_snapshot!(format!("format-{format}"), text);
    }
}

#[test]
fn sarif_is_valid_against_the_sarif_2_1_0_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/sarif-2.1.0.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    let report = sarif_of_fixtures();
    let errors: Vec<String> = validator
        .iter_errors(&report)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF schema errors:\n{}",
        errors.join("\n")
    );
    // The schema is not vacuous: a result without a message is rejected.
    let mut broken = report.clone();
    broken["runs"][0]["results"][0]
        .as_object_mut()
        .unwrap()
        .remove("message");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn sarif_carries_rules_regions_and_fixes() {
    let report = sarif_of_fixtures();
    let run = &report["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let placeholder = rules
        .iter()
        .find(|r| r["id"] == "text/placeholder")
        .expect("the placeholder rule is described");
    assert_eq!(placeholder["defaultConfiguration"]["level"], "error");
    assert!(
        placeholder["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("## Why it matters")
    );
    let results = run["results"].as_array().unwrap();
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(
            rules[index]["id"], result["ruleId"],
            "ruleIndex points at the result's rule"
        );
    }
    let odd = results
        .iter()
        .find(|r| {
            r["ruleId"] == "text/placeholder"
                && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    == "odd%20name%2C%2050%25.md"
        })
        .expect("the placeholder in the odd-named file, with its name percent-encoded");
    let region = &odd["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (
            region["startLine"].as_u64(),
            region["startColumn"].as_u64(),
            region["endColumn"].as_u64()
        ),
        (Some(7), Some(1), Some(4))
    );
    let with_fix = results
        .iter()
        .find(|r| r["ruleId"] == "text/repeated-punctuation")
        .expect("a repeated-punctuation finding");
    let replacement = &with_fix["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "!");
    assert!(replacement["deletedRegion"]["startLine"].is_u64());
}

#[test]
fn github_annotations_escape_file_names_and_map_severities() {
    let out = check_fixtures(&["--format", "github"]);
    let text = stdout(&out);
    assert!(
        text.lines().all(|l| l.starts_with("::error ")
            || l.starts_with("::warning ")
            || l.starts_with("::notice ")),
        "{text}"
    );
    assert!(text.contains("::error file=odd name%2C 50%25.md,line=7,col=1,endLine=7,endColumn=4,title=text/placeholder::"), "{text}");
}

#[test]
fn concise_lines_name_path_position_severity_and_rule() {
    let out = check_fixtures(&["--format", "concise"]);
    let text = stdout(&out);
    assert!(
        text.lines()
            .any(|l| l.starts_with("odd name, 50%.md:7:1: error text/placeholder ")),
        "{text}"
    );
    assert!(
        !text.contains("clean.md"),
        "a clean letter has no line: {text}"
    );
}

#[test]
fn quiet_reports_errors_only_and_exit_flags_set_the_code() {
    let dir = copy_fixtures(&["reply-crlf.md"]);
    // Warnings only: exit 0, unless --max-warnings is exceeded.
    let out = letterlint(
        &[
            "check",
            "--select",
            "text/",
            "--format",
            "concise",
            "reply-crlf.md",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let n_warnings = stdout(&out)
        .lines()
        .filter(|l| l.contains(": warning "))
        .count();
    assert!(n_warnings >= 2, "{}", stdout(&out));
    let limit = (n_warnings - 1).to_string();
    assert_eq!(
        letterlint(
            &[
                "check",
                "--select",
                "text/",
                "--max-warnings",
                &limit,
                "reply-crlf.md"
            ],
            dir.path()
        )
        .status
        .code(),
        Some(1)
    );
    let limit = n_warnings.to_string();
    assert_eq!(
        letterlint(
            &[
                "check",
                "--select",
                "text/",
                "--max-warnings",
                &limit,
                "reply-crlf.md"
            ],
            dir.path()
        )
        .status
        .code(),
        Some(0)
    );
    let quiet = letterlint(
        &[
            "check",
            "--select",
            "text/",
            "--quiet",
            "--format",
            "concise",
            "reply-crlf.md",
        ],
        dir.path(),
    );
    assert_eq!(stdout(&quiet), "");
    // Errors: --quiet keeps them, --exit-zero turns the code to 0.
    let out = check_fixtures(&["--quiet", "--format", "concise"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        !stdout(&out).is_empty() && stdout(&out).lines().all(|l| l.contains(": error ")),
        "{}",
        stdout(&out)
    );
    assert_eq!(check_fixtures(&["--exit-zero"]).status.code(), Some(0));
}

#[test]
fn select_and_ignore_take_ids_and_prefixes() {
    let rules_of = |extra: &[&str]| -> BTreeMap<String, usize> {
        let mut args = vec!["--format", "json"];
        args.extend_from_slice(extra);
        let out = check_fixtures(&args);
        counts_per_rule(&serde_json::from_str(&stdout(&out)).unwrap())
    };
    let selected = rules_of(&["--select", "text/placeholder,text/repeated-word"]);
    let all = rules_of(&["--select", "all"]);
    assert!(
        all.contains_key("text/placeholder") && all.contains_key("text/repeated-punctuation"),
        "{all:?}"
    );
    assert!(
        selected
            .keys()
            .all(|r| r == "text/placeholder" || r == "text/repeated-word")
            && selected.contains_key("text/placeholder"),
        "{selected:?}"
    );
    let by_group = rules_of(&["--select", "text/", "--ignore", "text/placeholder"]);
    assert!(
        !by_group.is_empty()
            && by_group
                .keys()
                .all(|r| r.starts_with("text/") && r != "text/placeholder"),
        "{by_group:?}"
    );
    let unknown = check_fixtures(&["--select", "text/no-such-rule"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("--select `text/no-such-rule`"),
        "{}",
        stderr(&unknown)
    );
}

#[test]
fn statistics_count_findings_per_rule() {
    let out = check_fixtures(&["--statistics"]);
    let text = stdout(&out);
    let json = check_fixtures(&["--format", "json"]);
    let counts = counts_per_rule(&serde_json::from_str(&stdout(&json)).unwrap());
    for (rule, count) in &counts {
        assert!(
            text.lines()
                .any(|l| l.split_whitespace().collect::<Vec<_>>()[..3]
                    == [
                        count.to_string().as_str(),
                        l.split_whitespace().nth(1).unwrap(),
                        rule.as_str()
                    ]),
            "{rule} {count}:\n{text}"
        );
    }
    let total: usize = counts.values().sum();
    assert!(
        text.contains(&format!(
            "{total} findings in {} letters.",
            fixture_names().len()
        )),
        "{text}"
    );
}

#[test]
fn fix_keeps_crlf_line_ends() {
    let dir = copy_fixtures(&["reply-crlf.md"]);
    let out = letterlint(&["check", "--fix", "reply-crlf.md"], dir.path());
    assert_ne!(out.status.code(), Some(2), "{}", stderr(&out));
    let fixed = std::fs::read_to_string(dir.path().join("reply-crlf.md")).unwrap();
    assert!(fixed.contains("order! Sorry, the parcel"), "{fixed:?}");
    assert_eq!(
        fixed.matches('\n').count(),
        fixed.matches("\r\n").count(),
        "every line still ends in CRLF: {fixed:?}"
    );
    assert!(stderr(&out).contains("fixed "), "{}", stderr(&out));
}

#[test]
fn fix_keeps_the_byte_order_mark() {
    let dir = copy_fixtures(&["reply-bom.md"]);
    let out = letterlint(&["check", "--fix", "reply-bom.md"], dir.path());
    assert_ne!(out.status.code(), Some(2), "{}", stderr(&out));
    let fixed = std::fs::read_to_string(dir.path().join("reply-bom.md")).unwrap();
    assert!(fixed.starts_with("\u{feff}<!--"), "{fixed:?}");
    assert!(fixed.contains("writing! The scarf"), "{fixed:?}");
}

#[cfg(unix)]
#[test]
fn fix_keeps_permissions_and_reports_read_only_files() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = copy_fixtures(&["appeal-lf.md", "reply-bom.md"]);
    let writable = dir.path().join("appeal-lf.md");
    let read_only = dir.path().join("reply-bom.md");
    std::fs::set_permissions(&writable, std::fs::Permissions::from_mode(0o640)).unwrap();
    std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&read_only).unwrap();
    let out = letterlint(
        &[
            "check",
            "--fix",
            "--format",
            "concise",
            "appeal-lf.md",
            "reply-bom.md",
        ],
        dir.path(),
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "a file that could not be fixed fails the run: {}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("reply-bom.md: the file is read-only"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&read_only).unwrap(), before);
    assert_eq!(
        std::fs::metadata(&read_only).unwrap().permissions().mode() & 0o777,
        0o444
    );
    assert_ne!(
        std::fs::read_to_string(&writable).unwrap(),
        std::fs::read_to_string(fixtures_dir().join("appeal-lf.md")).unwrap()
    );
    assert_eq!(
        std::fs::metadata(&writable).unwrap().permissions().mode() & 0o777,
        0o640
    );
    // The read-only file's findings are those of the text it still holds.
    assert!(
        stdout(&out).contains("reply-bom.md:4:") && stdout(&out).contains("repeated-punctuation"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn fix_leaves_a_file_that_changed_during_the_run() {
    let dir = copy_fixtures(&["appeal-lf.md"]);
    let path = dir.path().join("appeal-lf.md");
    let before = std::fs::read_to_string(&path).unwrap();
    let out = letterlint_env(
        &["check", "--fix", "appeal-lf.md"],
        dir.path(),
        &[(
            "LETTERLINT_TEST_APPEND_BEFORE_WRITE",
            "A line the writer just typed.\n",
        )],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("appeal-lf.md: the file changed while letterlint was fixing it"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        format!("{before}A line the writer just typed.\n")
    );
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file is left behind");
}

#[test]
fn fix_is_idempotent_and_introduces_no_finding_over_every_fixture() {
    let mut dirs = vec![
        fixtures_dir(),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/letters"),
    ];
    dirs.retain(|d| d.is_dir());
    for unsafe_fixes in [false, true] {
        let work = tempfile::tempdir().unwrap();
        for dir in &dirs {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "md") {
                    std::fs::copy(&path, work.path().join(path.file_name().unwrap())).unwrap();
                }
            }
        }
        let mut fix_args = vec!["check", "--now", NOW, "--fix", "--format", "json", "."];
        if unsafe_fixes {
            fix_args.push("--unsafe-fixes");
        }
        let before = letterlint(
            &["check", "--now", NOW, "--format", "json", "."],
            work.path(),
        );
        let before = counts_per_rule(&serde_json::from_str(&stdout(&before)).unwrap());
        let first = letterlint(&fix_args, work.path());
        assert_ne!(first.status.code(), Some(2), "{}", stderr(&first));
        let after = counts_per_rule(&serde_json::from_str(&stdout(&first)).unwrap());
        for (rule, n) in &after {
            // Unsafe fixes insert skeletons of missing parts with `[...]` blanks for the writer to
            // fill, which `text/placeholder` reports until they are filled: that is their purpose.
            if unsafe_fixes && rule == "text/placeholder" {
                continue;
            }
            assert!(
                *n <= before.get(rule).copied().unwrap_or(0),
                "a fix introduced `{rule}` findings (unsafe: {unsafe_fixes}): {before:?} -> {after:?}"
            );
        }
        assert!(
            after.values().sum::<usize>() < before.values().sum::<usize>(),
            "fixes fixed something"
        );
        let snapshot: Vec<(String, Vec<u8>)> = sorted_files(work.path());
        let second = letterlint(&fix_args, work.path());
        assert!(
            !stderr(&second).contains("fixed "),
            "the second run fixes nothing: {}",
            stderr(&second)
        );
        assert_eq!(
            sorted_files(work.path()),
            snapshot,
            "the second run changes no byte"
        );
        let mut diff_args = vec!["check", "--now", NOW, "--diff", "."];
        if unsafe_fixes {
            diff_args.push("--unsafe-fixes");
        }
        let diff = letterlint(&diff_args, work.path());
        assert_eq!(
            (diff.status.code(), stdout(&diff)),
            (Some(0), String::new()),
            "nothing left to diff"
        );
    }
}

fn sorted_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().to_string(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn diff_shows_the_change_without_writing() {
    let dir = copy_fixtures(&["appeal-lf.md", "clean.md"]);
    let before = std::fs::read(dir.path().join("appeal-lf.md")).unwrap();
    let out = letterlint(
        &[
            "check",
            "--select",
            "text/",
            "--diff",
            "appeal-lf.md",
            "clean.md",
        ],
        dir.path(),
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "a letter would change: {}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read(dir.path().join("appeal-lf.md")).unwrap(),
        before
    );
    insta::assert_snapshot!("diff-safe", stdout(&out));
    let clean = letterlint(
        &["check", "--select", "text/", "--diff", "clean.md"],
        dir.path(),
    );
    assert_eq!(
        (clean.status.code(), stdout(&clean)),
        (Some(0), String::new())
    );
    let unsafe_diff = letterlint(
        &[
            "check",
            "--select",
            "text/",
            "--diff",
            "--unsafe-fixes",
            "appeal-lf.md",
        ],
        dir.path(),
    );
    assert!(
        stdout(&unsafe_diff).contains("+We will answer every buyer as soon as possible"),
        "{}",
        stdout(&unsafe_diff)
    );
}

#[test]
fn fix_on_standard_input_prints_the_fixed_text() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_letterlint"))
        .args([
            "check",
            "--select",
            "text/",
            "--fix",
            "-",
            "--stdin-filename",
            "note.md",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write as _;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Hi Jo,\n\nThanks for the the photos!!!\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(stdout(&out), "Hi Jo,\n\nThanks for the photos!\n");
}

/// The pre-commit hook definitions, as pre-commit reads them.
#[derive(serde::Deserialize)]
struct Hook {
    id: String,
    entry: String,
    language: String,
    types: Vec<String>,
}

#[test]
fn pre_commit_hooks_run_their_entry_commands() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".pre-commit-hooks.yaml"),
    )
    .unwrap();
    let hooks: Vec<Hook> = serde_yaml_ng::from_str(&text).unwrap();
    let ids: Vec<&str> = hooks.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["letterlint", "letterlint-fix"]);
    for hook in &hooks {
        assert_eq!(
            (hook.language.as_str(), hook.types.as_slice()),
            ("rust", &["markdown".to_string()][..])
        );
        let dir = copy_fixtures(&["appeal-lf.md", "clean.md"]);
        // pre-commit runs the entry with the staged files appended; `letterlint` is the binary
        // that `cargo install` put on PATH.
        let mut words = hook.entry.split_whitespace();
        assert_eq!(words.next(), Some("letterlint"));
        let mut args: Vec<&str> = words.collect();
        args.extend(["appeal-lf.md", "clean.md"]);
        let before = std::fs::read(dir.path().join("appeal-lf.md")).unwrap();
        let out = letterlint(&args, dir.path());
        let after = std::fs::read(dir.path().join("appeal-lf.md")).unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}: the placeholder error fails the hook: {}",
            hook.id,
            stderr(&out)
        );
        assert!(
            stdout(&out).contains("appeal-lf.md:13:1: error text/placeholder"),
            "{}: {}",
            hook.id,
            stdout(&out)
        );
        assert_eq!(
            before != after,
            hook.id == "letterlint-fix",
            "{}: only the fix hook changes files",
            hook.id
        );
    }
}

#[test]
fn columns_on_the_first_line_of_a_file_with_a_byte_order_mark_start_after_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), "\u{feff}XXX is not a name.\n").unwrap();
    for (format, expected) in [
        ("concise", "a.md:1:1: error text/placeholder"),
        ("github", "line=1,col=1,endLine=1,endColumn=4,"),
    ] {
        let out = letterlint(
            &[
                "check",
                "--select",
                "text/placeholder",
                "--format",
                format,
                "a.md",
            ],
            dir.path(),
        );
        assert!(
            stdout(&out).contains(expected),
            "{format}: {}",
            stdout(&out)
        );
    }
}

#[test]
fn a_letter_named_twice_is_fixed_once() {
    let dir = copy_fixtures(&["reply-bom.md"]);
    let out = letterlint(
        &[
            "check",
            "--select",
            "text/",
            "--fix",
            "--format",
            "concise",
            "reply-bom.md",
            ".",
            "./reply-bom.md",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("in 1 letter"), "{}", stderr(&out));
}

#[test]
fn fixes_that_undo_each_other_stop_after_the_last_pass_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let rule = |name: &str, from: &str, to: &str| {
        format!(
            "id = \"house/{name}\"\nsummary = \"s\"\nwhy = \"w\"\nseverity = \"warning\"\ncheck = \"substitution\"\nmessage = \"Write `{{replacement}}`.\"\n[swap]\n\"{from}\" = \"{to}\"\n[fix]\ntitle = \"Write `{{replacement}}`\"\napplicability = \"safe\"\n"
        )
    };
    std::fs::create_dir_all(dir.path().join("pack/house")).unwrap();
    std::fs::write(
        dir.path().join("pack/house/british.toml"),
        rule("british", "color", "colour"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("pack/house/american.toml"),
        rule("american", "colour", "color"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("letterlint.toml"),
        "rule-packs = [\"pack\"]\nselect = [\"house/\"]\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.md"), "Hi Jo,\n\nThe colour is blue.\n").unwrap();
    let out = letterlint(&["check", "--fix", "a.md"], dir.path());
    assert!(
        stderr(&out).contains("a.md: fixes still changed the letter after 10 passes"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.md")).unwrap(),
        "Hi Jo,\n\nThe colour is blue.\n",
        "an even number of passes ends where it began"
    );
}
