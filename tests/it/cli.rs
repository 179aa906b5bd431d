//! The `letterlint` binary: exit codes, the JSON report contract, configuration and rule-pack
//! errors, standard input, and unreadable files.

use std::path::Path;
use std::process::{Command, Output};

fn letterlint(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_letterlint")).args(args).current_dir(dir).output().expect("run letterlint")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).to_string()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).to_string()
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn json_report_has_the_contract_shape() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "letters/a.md", "---\nkind: appeal\nplatform: wish\n---\nDear Seller Support,\n\nWe are sorry for the delay.\n\nYours,\nXXX\n");
    let out = letterlint(&["check", "--format", "json", "letters"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["version"], 1);
    let file = &report["files"][0];
    assert_eq!(file["path"], "letters/a.md");
    assert_eq!(file["kind"], "appeal");
    assert_eq!(file["platform"], "wish");
    assert!(file["parts"].as_array().unwrap().iter().any(|p| p["part"] == "salutation" && p["start_line"] == 5 && p["end_line"] == 5));
    let diag = file["diagnostics"].as_array().unwrap().iter().find(|d| d["rule"] == "text/placeholder").unwrap();
    assert_eq!(diag["severity"], "error");
    assert_eq!(diag["start"], serde_json::json!({"line": 10, "column": 1}));
    assert_eq!(diag["end"], serde_json::json!({"line": 10, "column": 4}));
    assert!(diag["fixes"].is_array());
    assert_eq!(report["summary"]["files"], 1);
    assert_eq!(report["summary"]["errors"], 1);
}

#[test]
fn json_report_names_the_issue_a_reply_answers() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a-appeal.md", "---\nkind: appeal\n---\nDear Seller Support,\n\nWe apologise.\n");
    write(dir.path(), "b-declared.md", "---\nkind: reply\nreason: wrong size\n---\nHi Ann,\n\nThank you for your message.\n");
    write(dir.path(), "c-recognised.md", "Hi Ann,\n\nI am so sorry that the lamp arrived broken. Could you send us a photo of the lamp and of the box?\n\nBest regards,\nLi\n");
    write(dir.path(), "d-unknown.md", "---\nkind: reply\n---\nHi Ann,\n\nThank you for your message.\n");
    let out = letterlint(&["check", "--format", "json", "."], dir.path());
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let files = report["files"].as_array().unwrap();
    let reason = |name: &str| files.iter().find(|f| f["path"].as_str().unwrap().ends_with(name)).unwrap().get("reason").cloned();
    assert_eq!(reason("a-appeal.md"), None, "appeals have no reason key");
    assert_eq!(reason("b-declared.md"), Some(serde_json::json!("wrong-item")));
    assert_eq!(reason("c-recognised.md"), Some(serde_json::json!("damaged")));
    assert_eq!(reason("d-unknown.md"), Some(serde_json::Value::Null));
}

#[test]
fn columns_count_characters_and_fix_edits_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", "Hi Zoë,\n\nThank you 😀 for your order!!!\n");
    let out = letterlint(&["check", "--format", "json", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(0), "warnings only: {}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let diag = &report["files"][0]["diagnostics"][0];
    assert_eq!(diag["rule"], "text/repeated-punctuation");
    assert_eq!(diag["start"], serde_json::json!({"line": 3, "column": 27}));
    let edit = &diag["fixes"][0]["edits"][0];
    assert_eq!(edit["text"], "!");
    assert_eq!(diag["fixes"][0]["applicability"], "safe");
}

#[test]
fn clean_letters_exit_zero_and_say_so() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", "Hi Sam,\n\nThank you for your order.\n\nBest regards,\nAna\n");
    let out = letterlint(&["check", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("No problems found in 1 letter."), "{}", stdout(&out));
}

#[test]
fn stdin_is_read_with_its_file_name_and_kind_override() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_letterlint"))
        .args(["check", "-", "--stdin-filename", "draft.md", "--kind", "appeal", "--format", "json"])
        .current_dir(dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"Hi Sam,\n\nPls check ur order.\n").unwrap();
    let out = child.wait_with_output().unwrap();
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["files"][0]["path"], "draft.md");
    assert_eq!(report["files"][0]["kind"], "appeal");
    assert!(report["files"][0]["diagnostics"].as_array().unwrap().iter().any(|d| d["rule"] == "text/informal"));
}

#[test]
fn configuration_turns_rules_off_and_sets_defaults() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "letterlint.toml", "kind = \"appeal\"\n[rules]\n\"text/placeholder\" = \"off\"\n\"text/\" = \"hint\"\n");
    write(dir.path(), "sub/a.md", "Hi,\n\nWe will fix it ASAP.\n\nYours,\nXXX\n");
    let out = letterlint(&["check", "--format", "json", "sub"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let diags = report["files"][0]["diagnostics"].as_array().unwrap();
    assert!(diags.iter().all(|d| d["rule"] != "text/placeholder"));
    let informal = diags.iter().find(|d| d["rule"] == "text/informal").expect("appeal from config");
    assert_eq!(informal["severity"], "hint");
}

#[test]
fn a_bad_configuration_is_exit_2_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "letterlint.toml", "kind = \"appeal\"\nplatfrom = \"wish\"\n");
    write(dir.path(), "a.md", "Hi,\n");
    let out = letterlint(&["check", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("letterlint.toml:2:1: unknown field `platfrom`"), "{}", stderr(&out));
}

#[test]
fn a_broken_rule_pack_is_exit_2_with_file_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "letterlint.toml", "rule-packs = [\"house-rules\"]\n");
    write(
        dir.path(),
        "house-rules/house/no-discount.toml",
        "id = \"house/no-discount\"\nsummary = \"s\"\nwhy = \"w\"\nseverity = \"error\"\ncheck = \"phrase\"\nmessage = \"m\"\npatterns = [\"(discount\"]\n",
    );
    write(dir.path(), "a.md", "Hi,\n");
    let out = letterlint(&["check", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("no-discount.toml:7:") && err.contains("key `patterns[0]`"), "{err}");
}

#[test]
fn a_rule_pack_adds_rules() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "letterlint.toml", "rule-packs = [\"house-rules\"]\n");
    write(
        dir.path(),
        "house-rules/house/no-discount.toml",
        "id = \"house/no-discount\"\nsummary = \"s\"\nwhy = \"w\"\nsources = [\"house style\"]\nseverity = \"error\"\ncheck = \"phrase\"\nmessage = \"Do not promise `{found}`.\"\npatterns = [\"discount\"]\n",
    );
    write(dir.path(), "a.md", "Hi Sam,\n\nWe offer a discount.\n");
    let out = letterlint(&["check", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("error[house/no-discount] Do not promise `discount`."), "{}", stdout(&out));
}

#[test]
fn an_unreadable_file_is_reported_and_the_others_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.md"), b"Hi\n\xff\xfe broken").unwrap();
    write(dir.path(), "good.md", "Hi Sam,\n\nThank you!!!\n");
    let out = letterlint(&["check", "."], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bad.md:2:1: the file is not UTF-8 text"), "{}", stderr(&out));
    assert!(stdout(&out).contains("good.md:3:"), "{}", stdout(&out));
}

#[test]
fn gitignored_files_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    write(dir.path(), ".gitignore", "drafts/\n");
    write(dir.path(), "drafts/a.md", "XXX\n");
    write(dir.path(), "b.md", "Hi Sam,\n\nThank you.\n");
    let out = letterlint(&["check", "--format", "json", "."], dir.path());
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["summary"]["files"], 1, "{}", stdout(&out));
}

#[test]
fn rules_and_explain_document_every_rule() {
    let dir = tempfile::tempdir().unwrap();
    let out = letterlint(&["rules", "--format", "json"], dir.path());
    let rules: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let ids: Vec<&str> = rules.as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    for id in ["text/placeholder", "text/time-format", "text/repeated-punctuation", "text/spacing", "text/repeated-word", "text/shouting", "text/informal", "text/fullwidth-punctuation", "text/mixed-script"] {
        assert!(ids.contains(&id), "{id} missing");
    }
    let out = letterlint(&["explain", "text/time-format"], dir.path());
    let text = stdout(&out);
    for section in ["## What it does", "## Why it matters", "## Example", "## Use instead", "## Fix safety", "18:00pm"] {
        assert!(text.contains(section), "{section} missing from:\n{text}");
    }
    let out = letterlint(&["explain", "text/nope"], dir.path());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_byte_order_mark_is_neither_text_nor_a_column() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bom.md", "\u{feff}Hi Ann, XXX here.\n\nBest regards,\nLi\n");
    let human = stdout(&letterlint(&["check", "bom.md"], dir.path()));
    assert!(human.contains("bom.md:1:9: error[text/placeholder]"), "{human}");
    assert!(human.contains("1 | Hi Ann, XXX here.\n  |         ^^^"), "the snippet shows no BOM and the carets sit under XXX:\n{human}");
    let concise = stdout(&letterlint(&["check", "bom.md", "--format", "concise"], dir.path()));
    assert!(concise.contains("bom.md:1:9: error text/placeholder"), "{concise}");
    assert!(!concise.contains("reply/greeting"), "`Hi Ann,` after a BOM is a greeting:\n{concise}");
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    // `letterlint check ... | head`: the reader goes away after a few bytes.
    use std::io::Read;
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    for i in 0..200 {
        write(dir.path(), &format!("l{i:03}.md"), "Dear Seller Support,\n\nWe are sorry!!! Our store opens at 18:00pm.\n\nYours,\nXXX\n");
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_letterlint"))
        .args(["check", "--format", "json", "."])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}
