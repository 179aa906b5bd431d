//! Letter templates (`rules/templates/`): every template, filled with its sample values, passes
//! `check`, and every reply template's parts are recognised in its language; `new` writes a letter with the right front matter; `templates --format json` lists
//! every template file; an unknown id is a usage error that names the close ids.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use letterlint::diagnostic::{Diagnostic, Severity};
use letterlint::document::front_matter;
use letterlint::letter::{Hints, Kind, PLATFORMS};
use letterlint::rules::{Registry, Settings};
use letterlint::templates::{self, Fill, LANGUAGES, Template};


fn lint(registry: &Registry, text: &str) -> Vec<Diagnostic> {
    letterlint::lint(registry, text, &Hints::default(), &Settings::default()).1
}

fn describe(diagnostics: &[&Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| format!("{} {}: {}", d.severity.as_str(), d.rule, d.message))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The platforms a template is checked on: its own, or every marketplace when it fits any.
fn platforms_of(template: &Template) -> Vec<String> {
    if template.platforms.is_empty() {
        PLATFORMS.iter().map(|p| p.to_string()).collect()
    } else {
        template.platforms.clone()
    }
}

#[test]
fn every_template_filled_with_samples_passes_check() {
    let registry = Registry::builtin().expect("built-in rules load");
    let all = templates::load_builtin().expect("every template file loads");
    let mut failures = Vec::new();
    for template in &all {
        for platform in platforms_of(template) {
            let letter = template.render(&platform, &BTreeMap::new(), Fill::Samples);
            let diagnostics = lint(&registry, &letter);
            let bad: Vec<&Diagnostic> = diagnostics
                .iter()
                .filter(|d| d.severity >= Severity::Warning)
                .collect();
            if !bad.is_empty() {
                failures.push(format!(
                    "{} ({}, {platform}):\n{}",
                    template.id,
                    template.language,
                    describe(&bad)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_reply_template_has_its_parts_recognised_in_its_language() {
    use letterlint::letter::PartKind;
    let registry = Registry::builtin().expect("built-in rules load");
    let all = templates::load_builtin().expect("every template file loads");
    let mut failures = Vec::new();
    for template in all.iter().filter(|t| t.id.starts_with("reply/")) {
        let letter = template.render("aliexpress", &BTreeMap::new(), Fill::Samples);
        let (parsed, _) = letterlint::lint(&registry, &letter, &Hints::default(), &Settings::default());
        for part in [PartKind::Greeting, PartKind::Thanks, PartKind::Solution, PartKind::Signoff] {
            if !parsed.has_part(part) {
                failures.push(format!("{} ({}): no {}", template.id, template.language, part.title()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn templates_cover_every_reason_and_issue_and_every_reply_language() {
    let all = templates::load_builtin().expect("every template file loads");
    let has = |id: &str, language: &str| all.iter().any(|t| t.id == id && t.language == language);
    for id in [
        "appeal/high-refund-rate",
        "appeal/counterfeit",
        "appeal/image-theft",
        "appeal/sku-cheating",
        "appeal/store-association",
        "appeal/late-shipment",
        "appeal/fake-tracking",
        "appeal/refund-dispute",
    ] {
        let template = all
            .iter()
            .find(|t| t.id == id)
            .unwrap_or_else(|| panic!("{id} is missing"));
        assert!(
            template.fits_platform("wish") && !template.platforms.is_empty(),
            "{id}"
        );
    }
    assert!(
        all.iter()
            .any(|t| t.id == "appeal/plan-of-action" && t.platforms == ["amazon"])
    );
    for issue in [
        "shipping-delay",
        "post-office-pickup",
        "split-package",
        "customs-duty",
        "damaged-item",
        "refund-timing",
        "address-problem",
        "lost-reshipped",
        "welcome",
    ] {
        for language in LANGUAGES {
            assert!(
                has(&format!("reply/{issue}"), language),
                "reply/{issue} in {language} is missing"
            );
        }
    }
    for template in &all {
        assert!(
            !template.title_zh.is_empty() && !template.description_zh.is_empty(),
            "{}",
            template.id
        );
        assert!(
            template
                .title_zh
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{}: zh-CN title",
            template.id
        );
    }
}

#[test]
fn snippets_have_tab_stops_and_no_unescaped_dollar() {
    for template in templates::builtin() {
        let snippet = template.snippet(Some("wish"));
        assert!(snippet.contains("${1:"), "{}: {snippet}", template.id);
        assert!(snippet.ends_with("$0"), "{}", template.id);
        // Remove escapes and tab stops: no `$` may remain.
        let mut rest = snippet
            .replace("\\\\", "")
            .replace("\\$", "")
            .replace("\\}", "");
        rest = rest.trim_end_matches("$0").to_string();
        let mut plain = String::new();
        let mut chars = rest.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '$' && chars.peek() == Some(&'{') {
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                }
                continue;
            }
            plain.push(c);
        }
        assert!(
            !plain.contains('$') && !plain.contains('}'),
            "{}: {plain}",
            template.id
        );
    }
}

fn letterlint(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_letterlint"))
        .args(args)
        .current_dir(std::env::temp_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run letterlint");
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn new_writes_front_matter_with_kind_platform_reason_and_language() {
    let out = letterlint(
        &[
            "new",
            "reply/shipping-delay",
            "--platform",
            "aliexpress",
            "--language",
            "fr",
            "--set",
            "customer=Zoé",
            "--sample",
        ],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let letter = stdout(&out);
    let (fm, error) = front_matter::parse(&letter).expect("front matter");
    assert!(error.is_none(), "{error:?}");
    assert_eq!(fm.kind.as_deref(), Some("reply"));
    assert_eq!(fm.platform.as_deref(), Some("aliexpress"));
    assert_eq!(fm.reason.as_deref(), Some("shipping-delay"));
    assert_eq!(fm.language.as_deref(), Some("fr"));
    assert_eq!(fm.customer.as_deref(), Some("Zoé"));
    assert!(letter.contains("Bonjour Zoé,"), "{letter}");

    // The real binary checks the letter it wrote: no error.
    let check = letterlint(
        &["check", "-", "--stdin-filename", "draft.md"],
        Some(&letter),
    );
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));

    let appeal = stdout(&letterlint(&["new", "appeal/high-refund-rate"], None));
    let (fm, _) = front_matter::parse(&appeal).unwrap();
    assert_eq!(
        (
            fm.kind.as_deref(),
            fm.platform.as_deref(),
            fm.language.as_deref()
        ),
        (Some("appeal"), Some("wish"), Some("en"))
    );
}

#[test]
fn new_without_values_leaves_labels_that_check_reports() {
    let letter = stdout(&letterlint(
        &[
            "new",
            "appeal/high-refund-rate",
            "--platform",
            "wish",
            "--set",
            "store=Brightleaf Home",
        ],
        None,
    ));
    assert!(
        letter.contains("[order id]") && letter.contains("Brightleaf Home"),
        "{letter}"
    );
    assert!(!letter.contains("{{"), "{letter}");
    let check = letterlint(
        &[
            "check",
            "-",
            "--stdin-filename",
            "draft.md",
            "--format",
            "concise",
        ],
        Some(&letter),
    );
    assert_eq!(check.status.code(), Some(1));
    assert!(
        stdout(&check).contains("text/placeholder"),
        "{}",
        stdout(&check)
    );

    let sample = stdout(&letterlint(
        &["new", "appeal/high-refund-rate", "--sample"],
        None,
    ));
    let check = letterlint(
        &[
            "check",
            "-",
            "--stdin-filename",
            "draft.md",
            "--format",
            "concise",
        ],
        Some(&sample),
    );
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    assert!(stdout(&check).trim().is_empty(), "{}", stdout(&check));
}

#[test]
fn new_rejects_an_unknown_id_language_platform_or_field_with_exit_2() {
    let out = letterlint(&["new", "appeal/high-refnd-rate"], None);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("appeal/high-refund-rate"), "{stderr}");
    assert!(
        !stderr.contains("reply/welcome"),
        "only close ids: {stderr}"
    );

    let out = letterlint(&["new", "reply/shipping-delay", "--language", "nl"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("es, fr"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = letterlint(
        &["new", "appeal/plan-of-action", "--platform", "wish"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));

    let out = letterlint(&["new", "reply/welcome", "--set", "order=1"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("store"));
}

fn template_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            template_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "md")
            && path.file_name().is_some_and(|n| n != "README.md")
        {
            out.push(path);
        }
    }
}

#[test]
fn templates_json_lists_every_file_in_rules_templates() {
    let out = letterlint(&["templates", "--format", "json"], None);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let rows = json["templates"].as_array().expect("templates");
    let listed: Vec<&str> = rows
        .iter()
        .flat_map(|r| {
            r["files"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f.as_str().unwrap())
        })
        .collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    template_files(&root.join("rules/templates"), &mut files);
    assert!(files.len() >= 9 + 9 * 6, "{}", files.len());
    for file in &files {
        let relative = file
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        assert!(
            listed.contains(&relative.as_str()),
            "{relative} is not listed"
        );
    }
    assert_eq!(listed.len(), files.len());
    let delay = rows
        .iter()
        .find(|r| r["id"] == "reply/shipping-delay")
        .expect("reply/shipping-delay");
    assert_eq!(delay["kind"], "reply");
    assert_eq!(
        delay["languages"].as_array().unwrap().len(),
        LANGUAGES.len()
    );
    assert_eq!(delay["title"], "Shipping delay");
    assert_eq!(delay["languages"][0], "en");

    let appeals = letterlint(&["templates", "--kind", "appeal", "--format", "json"], None);
    let json: serde_json::Value = serde_json::from_slice(&appeals.stdout).unwrap();
    assert!(
        json["templates"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["kind"] == "appeal")
    );
    let zh = stdout(&letterlint(
        &["templates", "--kind", "appeal", "--locale", "zh-CN"],
        None,
    ));
    assert!(zh.contains("申诉"), "{zh}");
}

#[test]
fn matching_selects_by_kind_platform_reason_and_language() {
    let all = templates::builtin();
    let amazon = templates::matching(all, Some(Kind::Appeal), Some("amazon"), None, None);
    assert_eq!(
        amazon.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
        ["appeal/plan-of-action"]
    );
    let delay_ru = templates::matching(
        all,
        Some(Kind::Reply),
        Some("wish"),
        Some("shipping-delay"),
        Some("ru"),
    );
    assert_eq!(delay_ru.len(), 1);
    assert_eq!(delay_ru[0].language, "ru");
    assert!(
        templates::matching(all, Some(Kind::Reply), None, None, Some("en"))
            .iter()
            .all(|t| t.kind == Kind::Reply && t.language == "en")
    );
}
