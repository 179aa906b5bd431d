//! `letterlint report`: the class report of `tests/fixtures/class/`, run through the real binary.
//! The page must be well-formed, hold every letter and every finding `check` reports, escape the
//! letters' markup, score with the rubric of `letterlint.toml`, and speak the page's locale.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn letterlint(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_letterlint")).args(args).current_dir(dir).env_remove("LETTERLINT_LOCALE").output().expect("run letterlint")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).to_string()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

const CLASS: &str = "tests/fixtures/class";

/// The HTML page for the fixture class, with extra arguments.
fn page(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("report.html");
    let mut all = vec!["report", CLASS, "--html", out_path.to_str().unwrap()];
    all.extend_from_slice(args);
    let out = letterlint(&all, &root());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty(), "--html alone prints nothing");
    std::fs::read_to_string(out_path).unwrap()
}

/// `check --format json` on the same letters.
fn check_json(dir: &Path, paths: &[&str]) -> Value {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(paths);
    serde_json::from_str(&stdout(&letterlint(&args, dir))).unwrap()
}

fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let semi = rest[amp..].find(';').expect("entity ends with ;") + amp;
        let entity = &rest[amp + 1..semi];
        let c = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "#39" => '\'',
            _ if entity.starts_with("#x") => char::from_u32(u32::from_str_radix(&entity[2..], 16).unwrap()).unwrap(),
            _ if entity.starts_with('#') => char::from_u32(entity[1..].parse().unwrap()).unwrap(),
            _ => panic!("unknown entity &{entity};"),
        };
        out.push(c);
        rest = &rest[semi + 1..];
    }
    out.push_str(rest);
    out
}

/// An element of the page: its name, attributes and the byte range of its content.
#[derive(Debug)]
struct Element {
    name: String,
    attrs: HashMap<String, String>,
    content: std::ops::Range<usize>,
}

const VOID: &[&str] = &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

/// A strict well-formedness check: a doctype, then tags that nest and close (void elements
/// aside), quoted attributes without duplicates, no stray `<` or `>`, only known entities, raw
/// text (`style`) closed, unique ids and in-page links that resolve. Returns every element.
fn parse_strict(html: &str) -> Vec<Element> {
    let body = html.strip_prefix("<!DOCTYPE html>").expect("starts with the doctype");
    let base = html.len() - body.len();
    let mut i = base;
    let mut stack: Vec<(String, HashMap<String, String>, usize)> = Vec::new();
    let mut elements = Vec::new();
    let check_text = |text: &str, at: usize| {
        assert!(!text.contains('>'), "a stray `>` in text at byte {at}: {text:?}");
        let _ = unescape(text);
    };
    while i < html.len() {
        let next = html[i..].find('<').map_or(html.len(), |p| p + i);
        check_text(&html[i..next], i);
        if next == html.len() {
            break;
        }
        i = next;
        if html[i..].starts_with("<!--") {
            i = html[i..].find("-->").expect("comment closed") + i + 3;
            continue;
        }
        let end = html[i..].find('>').expect("tag closed") + i;
        let tag = &html[i + 1..end];
        assert!(!tag.contains('<'), "`<` inside a tag at byte {i}: {tag:?}");
        if let Some(name) = tag.strip_prefix('/') {
            let (open, attrs, start) = stack.pop().unwrap_or_else(|| panic!("`</{name}>` closes nothing at byte {i}"));
            assert_eq!(open, name, "`<{open}>` closed by `</{name}>` at byte {i}");
            elements.push(Element { name: open, attrs, content: start..i });
            i = end + 1;
            continue;
        }
        let name_end = tag.find(|c: char| c.is_whitespace() || c == '/').unwrap_or(tag.len());
        let name = &tag[..name_end];
        assert!(!name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()), "bad tag name {name:?} at byte {i}");
        let mut attrs = HashMap::new();
        let mut rest = tag[name_end..].trim_start();
        while !rest.is_empty() && rest != "/" {
            let key_end = rest.find(|c: char| c == '=' || c.is_whitespace()).unwrap_or(rest.len());
            let key = &rest[..key_end];
            assert!(!key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "bad attribute {key:?} in <{name}> at byte {i}");
            rest = &rest[key_end..];
            let value = if let Some(after) = rest.strip_prefix("=\"") {
                let close = after.find('"').expect("attribute value closed");
                rest = &after[close + 1..];
                unescape(&after[..close])
            } else {
                String::new()
            };
            assert!(attrs.insert(key.to_string(), value).is_none(), "duplicate attribute {key} in <{name}>");
            assert!(rest.is_empty() || rest.starts_with(char::is_whitespace), "attributes run together in <{name}> at byte {i}");
            rest = rest.trim_start();
        }
        i = end + 1;
        if VOID.contains(&name) {
            elements.push(Element { name: name.to_string(), attrs, content: i..i });
        } else if name == "style" || name == "script" {
            let close = format!("</{name}>");
            let stop = html[i..].find(&close).unwrap_or_else(|| panic!("<{name}> not closed")) + i;
            elements.push(Element { name: name.to_string(), attrs, content: i..stop });
            i = stop + close.len();
        } else {
            stack.push((name.to_string(), attrs, i));
        }
    }
    assert!(stack.is_empty(), "elements left open: {:?}", stack.iter().map(|s| &s.0).collect::<Vec<_>>());
    let mut ids = HashSet::new();
    for e in &elements {
        if let Some(id) = e.attrs.get("id") {
            assert!(ids.insert(id.clone()), "duplicate id {id}");
        }
    }
    for e in &elements {
        if let Some(target) = e.attrs.get("href").and_then(|h| h.strip_prefix('#')) {
            assert!(ids.contains(target), "link to a missing id #{target}");
        }
        for key in ["href", "src"] {
            if let Some(value) = e.attrs.get(key) {
                assert!(value.starts_with('#'), "a link out of the page (no network, self-contained): {key}={value}");
            }
        }
    }
    let names: Vec<&str> = elements.iter().map(|e| e.name.as_str()).collect();
    for needed in ["html", "head", "title", "body", "style"] {
        assert_eq!(names.iter().filter(|n| **n == needed).count(), 1, "one <{needed}>");
    }
    assert!(!names.contains(&"script"), "the page needs no script");
    elements
}

fn element<'a>(elements: &'a [Element], id: &str) -> &'a Element {
    elements.iter().find(|e| e.attrs.get("id").is_some_and(|v| v == id)).unwrap_or_else(|| panic!("no element #{id}"))
}

/// Byte offset of a 1-based line and character column in `text`.
fn offset(text: &str, line: u64, column: u64) -> usize {
    let line_start: usize = text.split_inclusive('\n').take(line as usize - 1).map(str::len).sum();
    text[line_start..].char_indices().nth(column as usize - 1).map_or(text.len(), |(i, _)| line_start + i)
}

/// The letter text in a `<pre>` with highlights: the original text (refs removed) and the marked
/// ranges with their titles.
fn read_highlights(pre: &str) -> (String, Vec<(std::ops::Range<usize>, String)>) {
    let mut text = String::new();
    let mut marks = Vec::new();
    let mut rest = pre;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<a ") {
            rest = &after[after.find("</a>").unwrap() + 4..];
        } else if let Some(after) = rest.strip_prefix("<mark ") {
            let title_at = after.find("title=\"").unwrap() + 7;
            let title = unescape(&after[title_at..title_at + after[title_at..].find('"').unwrap()]);
            let content_at = after.find('>').unwrap() + 1;
            let close = after.find("</mark>").unwrap();
            let piece = unescape(&after[content_at..close]);
            assert!(!piece.contains('<'), "marks hold text only");
            marks.push((text.len()..text.len() + piece.len(), title));
            text.push_str(&piece);
            rest = &after[close + 7..];
        } else {
            let stop = rest.find('<').unwrap_or(rest.len());
            text.push_str(&unescape(&rest[..stop]));
            rest = &rest[stop..];
        }
    }
    (text, marks)
}

#[test]
fn the_page_is_well_formed_and_shows_every_letter_and_finding() {
    let html = page(&[]);
    let elements = parse_strict(&html);
    let check = check_json(&root(), &[CLASS]);
    let files = check["files"].as_array().unwrap();
    assert!(files.len() >= 5, "the class has letters");
    let mut overlapping = 0;
    for (i, file) in files.iter().enumerate() {
        let path = file["path"].as_str().unwrap();
        let id = format!("letter-{}", i + 1);
        let section = &html[element(&elements, &id).content.clone()];
        assert!(section.contains(&format!("<h3>{path}</h3>")), "{path} heads its section");
        assert!(html.contains(&format!("<a href=\"#{id}\">{path}</a>")), "{path} is in the summary table");
        let source = std::fs::read_to_string(root().join(path)).unwrap();
        let pre = elements.iter().find(|e| e.name == "pre" && e.content.start > element(&elements, &id).content.start).unwrap();
        let (text, marks) = read_highlights(&html[pre.content.clone()]);
        assert_eq!(text, source.trim_start_matches('\u{feff}'), "{path}: the section shows the whole letter");
        let diagnostics = file["diagnostics"].as_array().unwrap();
        let items = elements.iter().filter(|e| e.name == "li" && e.attrs.get("id").is_some_and(|v| v.starts_with(&format!("{id}-f")))).count();
        assert_eq!(items, diagnostics.len(), "{path}: one list item per finding");
        for (n, d) in diagnostics.iter().enumerate() {
            let n = n + 1;
            let rule = d["rule"].as_str().unwrap();
            let message = d["message"].as_str().unwrap();
            let item = &html[element(&elements, &format!("{id}-f{n}")).content.clone()];
            assert!(item.contains(&format!("<code>{rule}</code>")), "{path} #{n}: rule id shown");
            assert_eq!(unescape(item.split("<p class=\"msg\">").nth(1).unwrap().trim_end_matches("</p>")), message, "{path} #{n}: message shown");
            element(&elements, &format!("{id}-m{n}"));
            // Every character of the finding's span is inside a mark naming it.
            let start = offset(&source, d["start"]["line"].as_u64().unwrap(), d["start"]["column"].as_u64().unwrap());
            let end = offset(&source, d["end"]["line"].as_u64().unwrap(), d["end"]["column"].as_u64().unwrap());
            let entry = format!("{n} {rule}: {message}");
            let mut covered = start;
            for (range, title) in &marks {
                if range.start <= covered && range.end > covered && title.lines().any(|l| l == entry) {
                    covered = range.end;
                }
            }
            assert!(covered >= end, "{path} #{n} {rule}: {start}..{end} highlighted only up to {covered}");
            overlapping += marks.iter().filter(|(r, t)| r.start >= start && r.end <= end && t.lines().count() > 1).count();
        }
    }
    assert!(overlapping > 0, "the fixtures include overlapping findings, and they are marked with both");
    let summary = &html[element(&elements, "summary").content.clone()];
    assert_eq!(summary.matches("<tr>").count(), files.len() + 1, "a row per letter, plus the header");
}

#[test]
fn markup_in_a_letter_is_escaped() {
    let html = page(&[]);
    assert!(!html.contains("<script"), "a letter's <script> is text, not markup");
    assert!(html.contains("&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;"));
}

#[test]
fn the_json_has_the_documented_shape_and_the_findings_of_check() {
    let out = letterlint(&["report", CLASS, "--format", "json"], &root());
    assert_eq!(out.status.code(), Some(0));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let check = check_json(&root(), &[CLASS]);
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(root().join("tests/schemas/class-report-1.json")).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator.iter_errors(&report).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "schema errors:\n{}", errors.join("\n"));
    let mut broken = report.clone();
    broken["letters"][0]["score"]["score"] = serde_json::json!(101);
    assert!(!validator.is_valid(&broken), "the schema is not vacuous");
    assert_eq!(report["version"], 1);
    assert_eq!(report["locale"], "en");
    assert_eq!(report["rubric"]["parts"]["root_cause"], 20.0);
    assert_eq!(report["rubric"]["severity"]["error"], 10.0);
    let letters = report["letters"].as_array().unwrap();
    let files = check["files"].as_array().unwrap();
    assert_eq!(letters.len(), files.len());
    let mut rule_counts: HashMap<String, u64> = HashMap::new();
    for (letter, file) in letters.iter().zip(files) {
        assert_eq!(letter["path"], file["path"]);
        assert_eq!(letter["kind"], file["kind"]);
        assert_eq!(letter["platform"], file["platform"]);
        assert_eq!(letter["diagnostics"], file["diagnostics"], "{}: the findings of check, in its shape", letter["path"]);
        let found: HashSet<&str> = file["parts"].as_array().unwrap().iter().map(|p| p["part"].as_str().unwrap()).collect();
        for part in letter["parts"].as_array().unwrap() {
            assert_eq!(part["present"].as_bool().unwrap(), found.contains(part["part"].as_str().unwrap()), "{}: {}", letter["path"], part["part"]);
            assert!(part["points"].is_number());
        }
        let expected_parts = if letter["kind"] == "appeal" { 7 } else { 6 };
        assert_eq!(letter["parts"].as_array().unwrap().len(), expected_parts);
        let count = |severity: &str| file["diagnostics"].as_array().unwrap().iter().filter(|d| d["severity"] == severity).count() as u64;
        assert_eq!(letter["counts"]["errors"].as_u64().unwrap(), count("error"));
        assert_eq!(letter["counts"]["warnings"].as_u64().unwrap(), count("warning"));
        let score = letter["score"]["score"].as_u64().unwrap();
        assert!(score <= 100);
        let expected = (letter["score"]["parts_points"].as_f64().unwrap() - letter["score"]["points_off"].as_f64().unwrap()).round().clamp(0.0, 100.0) as u64;
        assert_eq!(score, expected);
        for d in file["diagnostics"].as_array().unwrap() {
            *rule_counts.entry(d["rule"].as_str().unwrap().to_string()).or_default() += 1;
        }
    }
    let rules = report["rules"].as_array().unwrap();
    assert_eq!(rules.len(), rule_counts.len());
    for pair in rules.windows(2) {
        assert!(pair[0]["count"].as_u64() >= pair[1]["count"].as_u64(), "most frequent first");
    }
    for rule in rules {
        assert_eq!(rule["count"].as_u64().unwrap(), rule_counts[rule["rule"].as_str().unwrap()]);
    }
    assert_eq!(report["summary"]["letters"].as_u64().unwrap(), letters.len() as u64);
    assert_eq!(report["summary"]["errors"], check["summary"]["errors"]);
    assert_eq!(report["summary"]["warnings"], check["summary"]["warnings"]);
    // The scores span the range: the fixtures are of varied quality.
    let scores: Vec<u64> = letters.iter().map(|l| l["score"]["score"].as_u64().unwrap()).collect();
    assert!(scores.iter().any(|&s| s >= 90) && scores.iter().any(|&s| s < 50), "{scores:?}");
    // `--json FILE` writes the same data.
    let dir = tempfile::tempdir().unwrap();
    let json_path = dir.path().join("r.json");
    let out = letterlint(&["report", CLASS, "--json", json_path.to_str().unwrap()], &root());
    assert!(out.stdout.is_empty());
    assert_eq!(serde_json::from_str::<Value>(&std::fs::read_to_string(json_path).unwrap()).unwrap(), report);
}

fn copy_class(dir: &Path) {
    std::fs::create_dir_all(dir.join("class")).unwrap();
    for entry in std::fs::read_dir(root().join(CLASS)).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join("class").join(path.file_name().unwrap())).unwrap();
    }
}

fn scores(dir: &Path) -> HashMap<String, u64> {
    let out = letterlint(&["report", "class", "--format", "json"], dir);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    report["letters"].as_array().unwrap().iter().map(|l| (l["path"].as_str().unwrap().to_string(), l["score"]["score"].as_u64().unwrap())).collect()
}

#[test]
fn the_rubric_in_letterlint_toml_changes_the_scores() {
    let dir = tempfile::tempdir().unwrap();
    copy_class(dir.path());
    let before = scores(dir.path());
    // Findings cost nothing: every letter scores what its parts earn.
    std::fs::write(dir.path().join("letterlint.toml"), "[rubric.severity]\nerror = 0\nwarning = 0\ninfo = 0\n").unwrap();
    let lenient = scores(dir.path());
    assert_ne!(before, lenient);
    for (path, score) in &before {
        assert!(lenient[path] >= *score, "{path}: {} < {score}", lenient[path]);
    }
    assert_eq!(lenient["class/chen-appeal.md"], 100, "a complete appeal with no points off");
    // Only the plea counts among the parts: letters without one score 0.
    std::fs::write(
        dir.path().join("letterlint.toml"),
        "[rubric.parts]\nsalutation = 0\nacknowledgment = 0\nroot_cause = 0\nper_order = 0\nremedies = 0\nplea = 1\nsignoff = 0\n[rubric.severity]\nerror = 0\nwarning = 0\ninfo = 0\n",
    )
    .unwrap();
    let plea_only = scores(dir.path());
    assert_eq!(plea_only["class/li-appeal.md"], 0);
    assert_eq!(plea_only["class/chen-appeal.md"], 100);
    let html = letterlint(&["report", "class"], dir.path());
    let html = stdout(&html);
    assert!(html.contains("<tr><td>plea</td><td class=\"num\">1</td></tr>"), "the footer shows the rubric in force");
    // A bad weight is a configuration error naming its line.
    std::fs::write(dir.path().join("letterlint.toml"), "[rubric.parts]\nplea = 10\nplee = 5\n").unwrap();
    let out = letterlint(&["report", "class", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("letterlint.toml:3:1"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn zh_cn_labels_the_page_in_chinese() {
    let html = page(&["--locale", "zh-CN"]);
    parse_strict(&html);
    assert!(html.contains("<html lang=\"zh-CN\">"));
    for label in ["班级报告", "班级概况", "最常见的问题规则", "评分标准", "申诉信", "买家回复", "整改措施", "扣分"] {
        assert!(html.contains(label), "{label}");
    }
    assert!(!html.contains("Class summary"));
    let english = page(&[]);
    assert!(english.contains("<html lang=\"en\">") && english.contains("Class summary") && !english.contains("班级报告"));
    // The configuration's locale applies too.
    let dir = tempfile::tempdir().unwrap();
    copy_class(dir.path());
    std::fs::write(dir.path().join("letterlint.toml"), "locale = \"zh-CN\"\n").unwrap();
    let out = letterlint(&["report", "class", "--format", "json"], dir.path());
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["locale"], "zh-CN");
    let out = letterlint(&["report", "class", "--locale", "fr"], dir.path());
    assert_eq!(out.status.code(), Some(2), "an unknown locale is a usage error");
}

#[test]
#[should_panic(expected = "closed by")]
fn the_strict_check_rejects_a_misnested_page() {
    parse_strict("<!DOCTYPE html><html><head><title>t</title><style></style></head><body><p><b>x</p></b></body></html>");
}

#[test]
#[should_panic(expected = "left open")]
fn the_strict_check_rejects_an_unclosed_element() {
    parse_strict("<!DOCTYPE html><html><head><title>t</title><style></style></head><body><p>x</p></body></html><div>x");
}
