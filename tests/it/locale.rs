//! Messages in Simplified Chinese from the binary: `--locale zh-CN`, `LETTERLINT_LOCALE`,
//! `locale = "zh-CN"` in letterlint.toml, `rules`, `explain` and the help text. The letter itself
//! is never translated, and the JSON report keeps its keys and rule ids in English.

use std::path::Path;
use std::process::{Command, Output};

const LETTER: &str = "---\nkind: reply\nplatform: wish\n---\nHi Maria,\n\nThank you for your message. Our workers are working until 22:00pm every day.\n\nBest regards,\nAnna\n";

fn run(args: &[&str], dir: &Path, env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_letterlint"));
    command.args(args).current_dir(dir).env_remove("LETTERLINT_LOCALE");
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().expect("run letterlint")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).to_string()
}

fn letter_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("reply.md"), LETTER).unwrap();
    dir
}

const TIME_ZH: &str = "`22:00pm` 把 24 小时制时间和 am/pm 混在一起；请写成 `22:00`。";
const TIME_EN: &str = "`22:00pm` mixes a 24-hour time with am/pm; write `22:00`.";

#[test]
fn check_with_locale_flag_reports_in_chinese() {
    let dir = letter_dir();
    let out = run(&["check", "--locale", "zh-CN", "--color", "never", "reply.md"], dir.path(), &[]);
    let text = stdout(&out);
    assert!(text.contains(&format!("warning[text/time-format] {TIME_ZH}")), "{text}");
    assert!(text.contains("= 修复（safe）：改为 `22:00`"), "{text}");
    assert!(text.contains("1 封信中共有"), "{text}");
    // The quoted line of the letter is shown as written.
    assert!(text.contains("Our workers are working until 22:00pm every day."), "{text}");
}

#[test]
fn check_with_the_environment_variable_reports_in_chinese_json() {
    let dir = letter_dir();
    // The variable may use another spelling of the locale, as LANG does.
    let out = run(&["check", "--format", "json", "reply.md"], dir.path(), &[("LETTERLINT_LOCALE", "zh_CN")]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let diagnostics = report["files"][0]["diagnostics"].as_array().unwrap();
    let time = diagnostics.iter().find(|d| d["rule"] == "text/time-format").expect("time finding");
    assert_eq!(time["message"], TIME_ZH);
    assert_eq!(time["severity"], "warning");
    assert_eq!(time["fixes"][0]["title"], "改为 `22:00`");
    assert_eq!(time["fixes"][0]["applicability"], "safe");
    assert_eq!(time["fixes"][0]["edits"][0]["text"], "22:00");
    assert_eq!(report["files"][0]["kind"], "reply");
}

#[test]
fn the_flag_wins_over_the_environment_and_english_is_the_default() {
    let dir = letter_dir();
    let out = run(&["check", "--locale", "en", "--format", "json", "reply.md"], dir.path(), &[("LETTERLINT_LOCALE", "zh-CN")]);
    assert!(stdout(&out).contains(TIME_EN), "{}", stdout(&out));
    let out = run(&["check", "--format", "json", "reply.md"], dir.path(), &[]);
    assert!(stdout(&out).contains(TIME_EN), "{}", stdout(&out));
}

#[test]
fn the_configuration_file_selects_the_locale() {
    let dir = letter_dir();
    std::fs::write(dir.path().join("letterlint.toml"), "locale = \"zh-CN\"\n").unwrap();
    let out = run(&["check", "--format", "json", "reply.md"], dir.path(), &[]);
    assert!(stdout(&out).contains(TIME_ZH), "{}", stdout(&out));
    let out = run(&["check", "--color", "never", "reply.md"], dir.path(), &[]);
    assert!(stdout(&out).contains("1 封信中共有"), "{}", stdout(&out));
    let out = run(&["check", "--locale", "en", "--format", "json", "reply.md"], dir.path(), &[]);
    assert!(stdout(&out).contains(TIME_EN), "{}", stdout(&out));
}

#[test]
fn fixing_in_chinese_writes_the_same_english_letter() {
    let dir = letter_dir();
    let out = run(&["check", "--fix", "--locale", "zh-CN", "reply.md"], dir.path(), &[]);
    assert!(out.status.code().is_some());
    let fixed = std::fs::read_to_string(dir.path().join("reply.md")).unwrap();
    assert!(fixed.contains("until 22:00 every day."), "{fixed}");
    assert!(!letterlint::i18n::has_chinese(&fixed), "{fixed}");
}

#[test]
fn an_unknown_locale_is_a_usage_error() {
    let dir = letter_dir();
    let out = run(&["check", "--locale", "fr", "reply.md"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["explain", "text/placeholder", "--locale", "fr"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn rules_and_explain_speak_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["rules", "--locale", "zh-CN"], dir.path(), &[]);
    let text = stdout(&out);
    assert!(text.lines().any(|l| l.starts_with("text/time-format") && l.contains("标出带 am 或 pm 的 24 小时制时间")), "{text}");
    let out = run(&["rules", "--format", "json"], dir.path(), &[("LETTERLINT_LOCALE", "zh-CN")]);
    let rows: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let row = rows.as_array().unwrap().iter().find(|r| r["id"] == "appeal/plea").unwrap();
    assert!(row["summary"].as_str().unwrap().contains("恢复"), "{row}");
    let out = run(&["explain", "appeal/plea", "--locale", "zh-CN"], dir.path(), &[]);
    let text = stdout(&out);
    for section in ["# appeal/plea", "## 作用", "## 为什么重要", "## 反例", "## 正例", "## 修复安全性", "## 依据"] {
        assert!(text.contains(section), "{section}: {text}");
    }
    let out = run(&["explain", "appeal/plea"], dir.path(), &[]);
    assert!(stdout(&out).contains("## Why it matters"));
}

#[test]
fn help_is_translated_and_the_flags_stay_english() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["check", "--help", "--locale", "zh-CN"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.starts_with("检查信件"), "{text}");
    assert!(text.contains("用法：letterlint check"), "{text}");
    assert!(text.contains("--unsafe-fixes") && text.contains("配合 --fix 或 --diff"), "{text}");
    let out = run(&["--help"], dir.path(), &[("LETTERLINT_LOCALE", "zh-CN")]);
    let text = stdout(&out);
    assert!(text.lines().any(|l| l.trim_start().starts_with("explain") && l.ends_with("显示一条规则的说明和示例")), "{text}");
    let out = run(&["--help"], dir.path(), &[]);
    assert!(stdout(&out).contains("Print a rule's documentation and examples"));
}
