//! Hostile input to `letterlint check`: invalid UTF-8, binary files, symlink loops, unreadable
//! files and pipes, and rule packs with invalid or huge patterns. Each bad file is reported with
//! its name (and line and column where there is one), the run exits 2, and every other letter is
//! still checked and printed.

use std::path::Path;
use std::process::{Command, Output};

fn letterlint(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_letterlint"))
        .args(args)
        .current_dir(dir)
        .env_remove("LETTERLINT_LOCALE")
        .output()
        .expect("run letterlint")
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

/// A letter with one error finding (a placeholder on line 3).
const GOOD: &str = "Hi Sam,\n\nXXX\n";

fn assert_good_checked(out: &Output, name: &str) {
    assert!(
        stdout(out).contains(&format!("{name}:3:1: error[text/placeholder]")),
        "{name} was not checked:\n{}\n{}",
        stdout(out),
        stderr(out)
    );
}

#[test]
fn invalid_utf8_names_the_line_and_column_and_the_others_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    // Two characters before the bad byte on line 2: column 3.
    write(
        dir.path(),
        "bad.md",
        b"Hi Sam,\n\xc3\xa9\xe4\xb8\xad\xff rest\n",
    );
    write(dir.path(), "bad-start.md", b"\xfe\xff\x00H\x00i");
    write(dir.path(), "good.md", GOOD);
    let out = letterlint(&["check", "--color", "never", "."], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("bad.md:2:3: the file is not UTF-8 text"),
        "{err}"
    );
    assert!(
        err.contains("bad-start.md:1:1: the file is not UTF-8 text"),
        "{err}"
    );
    assert_good_checked(&out, "good.md");
    // The JSON report holds the good letter.
    let out = letterlint(&["check", "--format", "json", "."], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["summary"]["files"], 1, "{report}");
}

#[test]
fn binary_files_in_a_folder_are_skipped_or_reported() {
    let dir = tempfile::tempdir().unwrap();
    let png: Vec<u8> = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
        .iter()
        .copied()
        .chain((0..4096u32).map(|i| (i * 7 % 256) as u8))
        .collect();
    // Not Markdown: never read.
    write(dir.path(), "evidence/photo.png", &png);
    // Markdown by name, binary inside: reported.
    write(dir.path(), "evidence/photo.md", &png);
    // Valid UTF-8 full of control characters and NUL: linted without trouble.
    let controls: String = (0u8..32).map(char::from).cycle().take(2000).collect();
    write(
        dir.path(),
        "controls.md",
        format!("{controls}\n\u{0}XXX\u{0}\n"),
    );
    write(dir.path(), "good.md", GOOD);
    let out = letterlint(&["check", "--color", "never", "."], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("photo.md:1:1: the file is not UTF-8 text"),
        "{err}"
    );
    assert!(!err.contains("photo.png"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(stdout(&out).contains("controls.md"), "{}", stdout(&out));
    assert_good_checked(&out, "good.md");
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_and_do_not_hang_the_walk() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "letters/good.md", GOOD);
    // A folder linking to its parent, two letters linking to each other, a link to nothing.
    symlink("..", dir.path().join("letters/up")).unwrap();
    symlink(".", dir.path().join("letters/here")).unwrap();
    symlink("b.md", dir.path().join("letters/a.md")).unwrap();
    symlink("a.md", dir.path().join("letters/b.md")).unwrap();
    symlink("nowhere.md", dir.path().join("letters/gone.md")).unwrap();
    let out = letterlint(&["check", "--color", "never", "letters"], dir.path());
    // Links are not followed while walking: only the real letter is checked.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_good_checked(&out, "letters/good.md");
    // Named on the command line, the loop and the dangling link are errors; the rest goes on.
    let out = letterlint(
        &[
            "check",
            "--color",
            "never",
            "letters/a.md",
            "letters/gone.md",
            "letters/good.md",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("letters/a.md: cannot read:"), "{err}");
    assert!(err.contains("letters/gone.md: cannot read:"), "{err}");
    assert_good_checked(&out, "letters/good.md");
}

#[cfg(unix)]
#[test]
fn a_rule_pack_with_a_symlink_loop_loads() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "letterlint.toml",
        "rule-packs = [\"house-rules\"]\n",
    );
    write(
        dir.path(),
        "house-rules/house/no-discount.toml",
        "id = \"house/no-discount\"\nsummary = \"s\"\nwhy = \"w\"\nseverity = \"error\"\ncheck = \"phrase\"\nmessage = \"No `{found}`.\"\npatterns = [\"discount\"]\n",
    );
    symlink(".", dir.path().join("house-rules/house/again")).unwrap();
    symlink("..", dir.path().join("house-rules/house/up")).unwrap();
    write(dir.path(), "a.md", "Hi Sam,\n\nWe offer a discount.\n");
    let out = letterlint(&["check", "--color", "never", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("error[house/no-discount]"),
        "{}",
        stdout(&out)
    );
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_pipes_are_reported_and_the_others_are_checked() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.md", GOOD);
    write(dir.path(), "locked.md", GOOD);
    let locked = dir.path().join("locked.md");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads any file; the permission case only applies to other users.
    let locked_out = std::fs::read(&locked).is_err();
    // A named pipe would block a reader for ever.
    let made_fifo = Command::new("mkfifo")
        .arg(dir.path().join("pipe.md"))
        .status()
        .is_ok_and(|s| s.success());
    assert!(made_fifo, "mkfifo is needed for this test");
    let out = letterlint(
        &[
            "check",
            "--color",
            "never",
            "pipe.md",
            "locked.md",
            "good.md",
            ".",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("pipe.md: cannot read: not a regular file"),
        "{err}"
    );
    if locked_out {
        assert!(err.contains("locked.md: cannot read:"), "{err}");
    } else {
        assert_good_checked(&out, "locked.md");
    }
    assert_good_checked(&out, "good.md");
}

/// A folder with its own configuration and rule pack holding `pattern`, beside a folder of good
/// letters; returns the output of checking both.
fn check_with_pack_pattern(pattern: &str) -> (Output, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "house/letterlint.toml",
        "rule-packs = [\"rules\"]\n",
    );
    write(
        dir.path(),
        "house/rules/house/bad.toml",
        format!(
            "id = \"house/bad\"\nsummary = \"s\"\nwhy = \"w\"\nseverity = \"error\"\ncheck = \"phrase\"\nmessage = \"m\"\npatterns = [\n  \"fine\",\n  '{pattern}',\n]\n"
        ),
    );
    write(dir.path(), "house/a.md", GOOD);
    write(dir.path(), "other/good.md", GOOD);
    write(dir.path(), "other/more.md", GOOD);
    let out = letterlint(&["check", "--color", "never", "house", "other"], dir.path());
    (out, dir)
}

#[test]
fn an_invalid_pattern_in_a_rule_pack_names_file_line_and_column_and_other_letters_are_checked() {
    let (out, _dir) = check_with_pack_pattern("(unclosed");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("bad.toml:9:3:"), "{err}");
    assert!(
        err.contains("patterns[1]") && err.contains("unclosed"),
        "{err}"
    );
    assert!(err.contains("house/a.md: not checked"), "{err}");
    assert_eq!(
        err.matches("bad.toml").count(),
        1,
        "the error is reported once: {err}"
    );
    assert_good_checked(&out, "other/good.md");
    assert_good_checked(&out, "other/more.md");
}

#[test]
fn a_huge_pattern_in_a_rule_pack_is_refused_quickly_and_other_letters_are_checked() {
    let (out, _dir) = check_with_pack_pattern("(\\w{1000}){1000}");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("bad.toml:9:3:") && err.contains("invalid pattern"),
        "{err}"
    );
    assert_good_checked(&out, "other/good.md");
    // Many patterns each under the size limit, together too big for the shared pattern set.
    let big = "(\\w{100}){100}";
    let (out, _dir) = check_with_pack_pattern(&format!("{big}', '{big}', '{big}', '{big}"));
    assert!(
        out.status.code() == Some(2) || out.status.code() == Some(1),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    assert_good_checked(&out, "other/good.md");
}

#[test]
fn a_missing_path_on_the_command_line_is_still_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.md", GOOD);
    let out = letterlint(&["check", "nope.md", "good.md"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("nope.md: no such file or folder"),
        "{}",
        stderr(&out)
    );
}
